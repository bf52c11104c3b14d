#!/bin/sh
# Installs Blueprint for the current user, without root: the app in ~/.local/opt/blueprint,
# the `blueprint` command in ~/.local/bin, the menu entry, the icon, and the .blueprint file
# type opened in Blueprint. Run a newer version's install.sh to update; the uninstall.sh
# copied beside the app (~/.local/opt/blueprint/uninstall.sh) takes it all away.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
config=${XDG_CONFIG_HOME:-$HOME/.config}
app=${BLUEPRINT_INSTALL_DIR:-$HOME/.local/opt/blueprint}
while :; do  # "~/Apps/blueprint/" (a completed name) is the folder ~/Apps/blueprint
    case $app in
        ?*/) app=${app%/} ;;
        *) break ;;
    esac
done
case $app in
    /*) ;;
    *) app=$(pwd)/$app ;;  # the menu entry names the program by its full path
esac
bin=$HOME/.local/bin
# Written in the app's folder: it says the folder is Blueprint's, to replace or remove.
marker=.blueprint-app
# The program that opened .blueprint files before Blueprint, given back by uninstall.sh.
previous=.previous-default

if [ ! -x "$here/blueprint/blueprint" ]; then
    echo "install.sh: run me from the unpacked archive: $here/blueprint/blueprint is missing" >&2
    exit 1
fi

# Blueprint's own folder: the marker, or (an install made before it) the program beside
# its _internal. Any other folder is never emptied (BLUEPRINT_INSTALL_DIR=~/Apps took
# everything in ~/Apps; every PyInstaller app has an _internal).
is_blueprints() {
    [ -f "$1/$marker" ] || { [ -d "$1/_internal" ] && [ -x "$1/blueprint" ]; }
}
if [ -d "$app" ] && [ -n "$(ls -A "$app")" ] && ! is_blueprints "$app"; then
    echo "install.sh: $app holds something else than Blueprint: choose an empty folder, or one" \
        "Blueprint was installed in" >&2
    exit 1
fi

# An update under a running Blueprint breaks it: the program reads itself as it runs
# ("Cannot make the plan: Error -3 while decompressing data").
# A running program is known by its real path (a home folder behind a link hid it).
real=$app/blueprint
if [ -d "$app" ]; then
    real=$(cd "$app" && pwd -P)/blueprint
fi
for process in /proc/[0-9]*; do
    if [ "$(readlink "$process/exe" 2>/dev/null || true)" = "$real" ]; then
        echo "install.sh: Blueprint is running from $app: save your work, quit it, and run" \
            "install.sh again" >&2
        exit 1
    fi
done

# The default program for .blueprint files, as mimeapps.list says it (empty: none).
default_program() {
    [ -f "$config/mimeapps.list" ] || return 0
    awk -F= '/^\[/ { section = $0; next }
        section == "[Default Applications]" && $1 == "application/x-blueprint" {
            sub(/;.*/, "", $2); print $2; exit }' "$config/mimeapps.list"
}
chosen=$(default_program)
updating=false
if is_blueprints "$app"; then
    updating=true
fi

# The new copy is made beside the old one, which goes only once the copy is whole: a full
# disk leaves the installed Blueprint as it was.
echo "Installing Blueprint in $app"
mkdir -p "$(dirname "$app")"
staged="$(dirname "$app")/.$(basename "$app").installing-$$"  # beside it, never inside
rm -rf "$staged"
trap 'rm -rf "$staged"' EXIT
mkdir -p "$staged"
cp -R "$here/blueprint/." "$staged/"
chmod -R u+w "$staged"  # copied from a read-only folder, it could never be updated or removed
cp "$here/uninstall.sh" "$staged/uninstall.sh"
: > "$staged/$marker"
if [ "$updating" = true ] && [ -f "$app/$previous" ]; then
    cp "$app/$previous" "$staged/$previous"
elif [ -n "$chosen" ] && [ "$chosen" != blueprint.desktop ]; then
    printf '%s\n' "$chosen" > "$staged/$previous"
fi
if [ -e "$app" ]; then
    chmod -R u+w "$app"
    rm -rf "$app"
fi
mv "$staged" "$app"
trap - EXIT

mkdir -p "$data/applications" "$data/mime/packages"
# The command in ~/.local/bin is for a terminal: the desktop does without it.
if mkdir -p "$bin" 2>/dev/null && ln -sf "$app/blueprint" "$bin/blueprint" 2>/dev/null; then
    linked=true
else
    linked=false
    echo "Note: could not put the 'blueprint' command in $bin; $app/blueprint runs it."
fi

# The entry names the program by its full path; quoted only where it must be (a home folder
# with a space): xdg-open without a desktop took the quotes as part of the program's name.
# A % in it is written %% (the entry's own codes start with one); & | \ are for sed.
exec_path=$(printf '%s' "$app/blueprint" | sed 's/%/%%/g; s/[&|\\]/\\&/g')
case "$app/blueprint" in
    *[!A-Za-z0-9/._+-]*) exec_path="\"$exec_path\"" ;;
esac
sed "s|@EXEC@|$exec_path|" "$here/share/blueprint.desktop" > "$data/applications/blueprint.desktop"
cp "$here/share/blueprint-mime.xml" "$data/mime/packages/blueprint.xml"
for icon in "$here"/share/icons/hicolor/*/apps/*; do
    size=$(basename "$(dirname "$(dirname "$icon")")")
    mkdir -p "$data/icons/hicolor/$size/apps" "$data/icons/hicolor/$size/mimetypes"
    cp "$icon" "$data/icons/hicolor/$size/apps/"
    # The same picture for the files, under the file type's icon name.
    cp "$icon" "$data/icons/hicolor/$size/mimetypes/application-x-blueprint.${icon##*.}"
done

# Each of these is there on a desktop; none of them is needed for the command line.
if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$data/mime"
fi
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$data/applications" || true
fi
# Only a cache already there is brought up to date: one made where there was none would
# hide the icons other programs install later.
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data/icons/hicolor/icon-theme.cache" ]; then
    gtk-update-icon-cache -q -t -f "$data/icons/hicolor" || true
fi
# Blueprint opens .blueprint files, unless an update finds the user chose another since.
if command -v xdg-mime >/dev/null 2>&1; then
    if [ "$updating" = false ] || [ -z "$chosen" ] || [ "$chosen" = blueprint.desktop ]; then
        xdg-mime default blueprint.desktop application/x-blueprint || true
    fi
fi

echo "Done: Blueprint is in your applications menu, and opens .blueprint files."
echo "To remove it: $app/uninstall.sh"
if [ "$linked" = true ]; then
    case ":$PATH:" in
        *":$bin:"*) echo "The command line: blueprint --help" ;;
        *) echo "The command line: $bin/blueprint --help ('blueprint' alone once $bin is on your PATH: most systems add it when you next log in)" ;;
    esac
fi
