#!/bin/sh
# Installs editor_app from the folder this script is in (the unpacked tarball).
#
#   ./install.sh               for you only, no root needed:
#                                ~/.local/opt/editor_app, ~/.local/bin/editor-app, menu entry
#   sudo ./install.sh          for every user of this PC:
#                                /opt/editor_app, /usr/local/bin/editor-app, menu entry
#   ./install.sh --uninstall   removes what the same kind of install put there (use sudo for
#                                the system-wide one)
#
# --user / --system choose explicitly. Installing over an older version replaces it.
# Users' data (~/.local/share/editor_app: the database, photos, backups), their settings and
# /etc/editor_app are never touched, by install or uninstall.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
mode=""
action=install
for arg in "$@"; do
  case "$arg" in
    --user) mode=user ;;
    --system) mode=system ;;
    --uninstall) action=uninstall ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$mode" ]; then
  if [ "$(id -u)" = "0" ]; then mode=system; else mode=user; fi
fi

if [ "$mode" = system ]; then
  app_dir=/opt/editor_app
  bin_dir=/usr/local/bin
  share=/usr/local/share
else
  : "${HOME:?HOME is not set}"
  app_dir="$HOME/.local/opt/editor_app"
  bin_dir="$HOME/.local/bin"
  share="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
apps_dir="$share/applications"
icons_dir="$share/icons/hicolor"

refresh_menus() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps_dir" 2>/dev/null || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons_dir" 2>/dev/null || true
}

remove_link() {
  # only our own links (pointing into the app folder)
  if [ -L "$1" ]; then
    case "$(readlink "$1")" in "$app_dir"/*) rm -f "$1" ;; esac
  fi
}

if [ "$action" = uninstall ]; then
  remove_link "$bin_dir/editor-app"
  remove_link "$bin_dir/editor_app"
  rm -f "$apps_dir/editor_app.desktop"
  rm -f "$icons_dir"/*/apps/editor_app.png "$icons_dir/scalable/apps/editor_app.svg"
  rm -rf "$app_dir"
  refresh_menus
  echo "editor_app removed from $app_dir. Users' data and settings were left as they are."
  exit 0
fi

[ -x "$here/editor_app/editor_app" ] || { echo "install.sh: $here/editor_app/editor_app not found" >&2; exit 1; }

# The new copy goes beside the old one, then takes its place: never half an app.
mkdir -p "$(dirname "$app_dir")" "$bin_dir" "$apps_dir"
staging="$app_dir.new.$$"
rm -rf "$staging"
cp -a "$here/editor_app" "$staging"
[ -f "$here/site.example.toml" ] && cp "$here/site.example.toml" "$staging/"
rm -rf "$app_dir"
mv "$staging" "$app_dir"

ln -sf "$app_dir/editor_app" "$bin_dir/editor-app"
ln -sf "$app_dir/editor_app" "$bin_dir/editor_app"

sed "s|^Exec=.*|Exec=\"$app_dir/editor_app\"|" "$here/editor_app.desktop" > "$apps_dir/editor_app.desktop"
chmod 644 "$apps_dir/editor_app.desktop"
for png in "$here"/icons/editor_app-*.png; do
  size=${png##*-}
  size=${size%.png}
  mkdir -p "$icons_dir/${size}x${size}/apps"
  cp "$png" "$icons_dir/${size}x${size}/apps/editor_app.png"
done
mkdir -p "$icons_dir/scalable/apps"
cp "$here/icons/editor_app.svg" "$icons_dir/scalable/apps/editor_app.svg"
refresh_menus

echo "editor_app installed in $app_dir ($mode install)."
echo "Start it from the applications menu (“Bàn biên tập”) or with: $bin_dir/editor-app"
case ":$PATH:" in *":$bin_dir:"*) ;; *) echo "Note: $bin_dir is not on your PATH." ;; esac
