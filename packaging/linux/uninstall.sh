#!/bin/sh
# Takes away what install.sh put in place. Your blueprints, and the editor's settings and
# recovery files (~/.local/share/Blueprint), stay.
set -eu

data=${XDG_DATA_HOME:-$HOME/.local/share}
app=${BLUEPRINT_INSTALL_DIR:-$HOME/.local/opt/blueprint}
bin=$HOME/.local/bin

echo "Removing Blueprint from $app"
if [ -L "$bin/blueprint" ] && [ "$(readlink "$bin/blueprint")" = "$app/blueprint" ]; then
    rm -f "$bin/blueprint"
fi
rm -rf "$app"
rm -f "$data/applications/blueprint.desktop" "$data/mime/packages/blueprint.xml"
rm -f "$data"/icons/hicolor/*/apps/blueprint.png "$data"/icons/hicolor/*/apps/blueprint.svg
rm -f "$data"/icons/hicolor/*/mimetypes/application-x-blueprint.*

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
