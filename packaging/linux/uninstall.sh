#!/bin/sh
# Takes away what install.sh put in place, and gives .blueprint files back to the program
# that opened them before. Your blueprints, and the editor's settings and recovery files
# (~/.local/share/Blueprint), stay. install.sh copies it beside the app:
# ~/.local/opt/blueprint/uninstall.sh works once the downloaded folder is gone.
set -u

data=${XDG_DATA_HOME:-$HOME/.local/share}
config=${XDG_CONFIG_HOME:-$HOME/.config}
entry=$data/applications/blueprint.desktop
marker=.blueprint-app

# Blueprint's own folder (see install.sh), never another.
is_blueprints() {
    [ -f "$1/$marker" ] || { [ -d "$1/_internal" ] && [ -x "$1/blueprint" ]; }
}

# Where install.sh put it: this script's own folder when it runs from there, else the
# folder the menu entry names (BLUEPRINT_INSTALL_DIR chose it), else the default.
installed=""
here=$(cd "$(dirname "$0")" && pwd)
if is_blueprints "$here"; then
    installed=$here
elif [ -f "$entry" ]; then
    program=$(sed -n 's/^Exec=//p' "$entry" | sed 's/ %f$//; s/^"//; s/"$//; s/%%/%/g')
    case "$program" in
        /*/blueprint)
            if is_blueprints "${program%/blueprint}"; then
                installed=${program%/blueprint}
            fi
            ;;
    esac
fi
app=${BLUEPRINT_INSTALL_DIR:-${installed:-$HOME/.local/opt/blueprint}}
bin=$HOME/.local/bin
previous=""
if [ -f "$app/.previous-default" ]; then
    previous=$(head -n 1 "$app/.previous-default")
fi

# Each step is tried whatever the one before did: a folder that cannot be removed must not
# leave the menu entry and the file type behind.
failed=false
echo "Removing Blueprint from $app"
if [ -L "$bin/blueprint" ] && [ "$(readlink "$bin/blueprint")" = "$app/blueprint" ]; then
    rm -f "$bin/blueprint" || failed=true
fi
if is_blueprints "$app"; then
    chmod -R u+w "$app" 2>/dev/null
    rm -rf "$app" || failed=true
fi
rm -f "$data/applications/blueprint.desktop" "$data/mime/packages/blueprint.xml"
rm -f "$data"/icons/hicolor/*/apps/blueprint.png "$data"/icons/hicolor/*/apps/blueprint.svg
rm -f "$data"/icons/hicolor/*/mimetypes/application-x-blueprint.*
# The icon folders install.sh made, if nothing else is in them.
for folder in "$data"/icons/hicolor/*/apps "$data"/icons/hicolor/*/mimetypes; do
    rmdir "$folder" 2>/dev/null
done
for folder in "$data"/icons/hicolor/* "$data/icons/hicolor" "$data/icons"; do
    rmdir "$folder" 2>/dev/null
done
# The default install.sh chose with xdg-mime: Blueprint alone goes, another program is
# kept, and the one that was the default before Blueprint comes back.
choices=$config/mimeapps.list
if [ -f "$choices" ]; then
    sed -i -e '/^application\/x-blueprint=/{s/blueprint\.desktop;\{0,1\}//;/^application\/x-blueprint=$/d;}' \
        "$choices"
    if [ -n "$previous" ]; then
        awk -v program="$previous" '
            /^\[/ { if (section == "[Default Applications]" && !given) {
                        print "application/x-blueprint=" program; given = 1 }
                    section = $0 }
            section == "[Default Applications]" && /^application\/x-blueprint=/ { given = 1 }
            { print }
            END { if (!given) {
                      if (section != "[Default Applications]") print "[Default Applications]"
                      print "application/x-blueprint=" program } }' \
            "$choices" > "$choices.blueprint-$$" && mv "$choices.blueprint-$$" "$choices"
    fi
fi
# The folder install.sh made for the app, if nothing else is in it.
rmdir "$HOME/.local/opt" 2>/dev/null

if command -v update-mime-database >/dev/null 2>&1 && [ -d "$data/mime" ]; then
    update-mime-database "$data/mime"
fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data/applications" ]; then
    update-desktop-database "$data/applications"
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data/icons/hicolor/icon-theme.cache" ]; then
    gtk-update-icon-cache -q -t -f "$data/icons/hicolor"
fi
if [ "$failed" = true ]; then
    echo "uninstall.sh: some of Blueprint could not be removed (see above)" >&2
    exit 1
fi
echo "Done."
