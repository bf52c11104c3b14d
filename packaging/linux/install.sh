#!/bin/sh
# Installs Blueprint for the current user, without root: the app in ~/.local/opt/blueprint,
# the `blueprint` command in ~/.local/bin, the menu entry, the icon, and the .blueprint file
# type opened in Blueprint. Run it again to update; uninstall.sh takes it all away.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
app=${BLUEPRINT_INSTALL_DIR:-$HOME/.local/opt/blueprint}
bin=$HOME/.local/bin

if [ ! -x "$here/blueprint/blueprint" ]; then
    echo "install.sh: run me from the unpacked archive: $here/blueprint/blueprint is missing" >&2
    exit 1
fi

# A folder of something else is never emptied: only Blueprint's own (its _internal beside
# the program) is replaced (BLUEPRINT_INSTALL_DIR=~/Apps took everything in ~/Apps).
if [ -d "$app" ] && [ -n "$(ls -A "$app")" ] && [ ! -d "$app/_internal" ]; then
    echo "install.sh: $app holds something else than Blueprint: choose an empty folder, or one" \
        "Blueprint was installed in" >&2
    exit 1
fi

echo "Installing Blueprint in $app"
rm -rf "$app"
mkdir -p "$app" "$bin" "$data/applications" "$data/mime/packages"
cp -R "$here/blueprint/." "$app/"
ln -sf "$app/blueprint" "$bin/blueprint"

# The entry names the program by its full path; quoted only where it must be (a home folder
# with a space): xdg-open without a desktop took the quotes as part of the program's name.
exec_path=$(printf '%s' "$app/blueprint" | sed 's/[&|\\]/\\&/g')
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
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f "$data/icons/hicolor" || true
fi
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default blueprint.desktop application/x-blueprint || true
fi

echo "Done: Blueprint is in your applications menu, and opens .blueprint files."
case ":$PATH:" in
    *":$bin:"*) echo "The command line: blueprint --help" ;;
    *) echo "The command line: $bin/blueprint --help ('blueprint' alone once $bin is on your PATH: most systems add it when you next log in)" ;;
esac
