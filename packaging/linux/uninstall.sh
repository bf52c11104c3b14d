#!/bin/sh
# Takes away what install.sh put in place. Your blueprints, and the editor's settings and
# recovery files (~/.local/share/Blueprint), stay.
set -eu

data=${XDG_DATA_HOME:-$HOME/.local/share}
entry=$data/applications/blueprint.desktop
# Where install.sh put it: its menu entry names the program (BLUEPRINT_INSTALL_DIR chose it).
installed=""
if [ -f "$entry" ]; then
    program=$(sed -n 's/^Exec=//p' "$entry" | sed 's/ %f$//; s/^"//; s/"$//')
    case "$program" in
        /*/blueprint)
            if [ -d "${program%/blueprint}/_internal" ]; then
                installed=${program%/blueprint}
            fi
            ;;
    esac
fi
app=${BLUEPRINT_INSTALL_DIR:-${installed:-$HOME/.local/opt/blueprint}}
bin=$HOME/.local/bin

echo "Removing Blueprint from $app"
if [ -L "$bin/blueprint" ] && [ "$(readlink "$bin/blueprint")" = "$app/blueprint" ]; then
    rm -f "$bin/blueprint"
fi
if [ -d "$app/_internal" ]; then  # Blueprint's own folder, never another
    rm -rf "$app"
fi
rm -f "$data/applications/blueprint.desktop" "$data/mime/packages/blueprint.xml"
rm -f "$data"/icons/hicolor/*/apps/blueprint.png "$data"/icons/hicolor/*/apps/blueprint.svg
rm -f "$data"/icons/hicolor/*/mimetypes/application-x-blueprint.*
# The default install.sh chose with xdg-mime: Blueprint alone, another program kept.
choices=${XDG_CONFIG_HOME:-$HOME/.config}/mimeapps.list
if [ -f "$choices" ]; then
    sed -i -e '/^application\/x-blueprint=/{s/blueprint\.desktop;\{0,1\}//;/^application\/x-blueprint=$/d;}' \
        "$choices"
fi
# The folder install.sh made for the app, if nothing else is in it.
rmdir "$HOME/.local/opt" 2>/dev/null || true

if command -v update-mime-database >/dev/null 2>&1 && [ -d "$data/mime" ]; then
    update-mime-database "$data/mime"
fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data/applications" ]; then
    update-desktop-database "$data/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$data/icons/hicolor" ]; then
    gtk-update-icon-cache -q -t -f "$data/icons/hicolor" || true
fi
echo "Done."
