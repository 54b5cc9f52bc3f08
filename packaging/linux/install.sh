#!/usr/bin/env bash
# Installs the built pgdesk (dist/pgdesk/, from `make package`) with its menu entry, icon and
# AppStream metadata: for this user (default, no root needed) or with --system for everyone.
#
#   bash packaging/linux/install.sh              # ~/.local/lib/pgdesk, ~/.local/bin/pgdesk
#   sudo bash packaging/linux/install.sh --system  # /opt/pgdesk, /usr/local/bin/pgdesk
#   bash packaging/linux/install.sh --uninstall [--system]
#
# `make package` also copies this folder into dist/pgdesk/linux/, so a copied or unpacked
# bundle installs itself the same way (pgdesk/linux/install.sh). Uninstalling removes the
# program only; databases, keyrings and backups (~/.local/share/pgdesk) are patient records
# and stay where they are.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ID=nl.pgdesk.pgdesk

system=0 uninstall=0
for arg in "$@"; do
  case "$arg" in
    --system) system=1 ;;
    --uninstall) uninstall=1 ;;
    *) echo "install.sh: unknown option $arg (use --system, --uninstall)" >&2; exit 2 ;;
  esac
done
if [ "$system" = 1 ]; then
  lib=/opt/pgdesk bin=/usr/local/bin share=/usr/local/share
  [ "$(id -u)" -eq 0 ] || { echo "install.sh: --system needs root (sudo)" >&2; exit 2; }
else
  lib=$HOME/.local/lib/pgdesk bin=$HOME/.local/bin share=${XDG_DATA_HOME:-$HOME/.local/share}
fi
files=("$bin/pgdesk" "$share/applications/$ID.desktop" "$share/metainfo/$ID.metainfo.xml"
       "$share/icons/hicolor/scalable/apps/$ID.svg" "$share/icons/hicolor/256x256/apps/$ID.png")

refresh() {
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
  # An icon cache in a user's own folder goes stale; only the system one is kept up to date.
  if [ "$system" = 1 ] && command -v gtk-update-icon-cache >/dev/null; then
    gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
  fi
}

if [ "$uninstall" = 1 ]; then
  rm -f "${files[@]}"
  rm -rf "$lib"
  refresh
  echo "pgdesk removed from $lib (your databases and backups are kept)."
  exit 0
fi

if [ -x "$here/../pgdesk" ] && [ -d "$here/../_internal" ]; then
  bundle=$(cd "$here/.." && pwd)            # dist/pgdesk/linux/install.sh
elif [ -x "$here/../../dist/pgdesk/pgdesk" ]; then
  bundle=$(cd "$here/../../dist/pgdesk" && pwd)  # packaging/linux/install.sh in the checkout
else
  echo "install.sh: no built pgdesk next to this script or in dist/pgdesk; run \`make package\` first" >&2
  exit 2
fi
version=$("$bundle/pgdesk" --version | awk '{print $2}')

mkdir -p "$(dirname "$lib")" "$bin"
rm -rf "$lib.new"
cp -a "$bundle" "$lib.new"
rm -rf "$lib"
mv "$lib.new" "$lib"
ln -sfn "$lib/pgdesk" "$bin/pgdesk"

icons="$lib/_internal/resources/icons"
install -Dm644 "$icons/pgdesk.svg" "$share/icons/hicolor/scalable/apps/$ID.svg"
install -Dm644 "$icons/pgdesk-256.png" "$share/icons/hicolor/256x256/apps/$ID.png"
mkdir -p "$share/applications" "$share/metainfo"
sed -e "s|^Exec=pgdesk|Exec=$lib/pgdesk|" -e "s|^TryExec=pgdesk|TryExec=$lib/pgdesk|" \
  "$here/pgdesk.desktop" > "$share/applications/$ID.desktop"
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(date -u +%Y-%m-%d)/" \
  "$here/$ID.metainfo.xml" > "$share/metainfo/$ID.metainfo.xml"
chmod 644 "$share/applications/$ID.desktop" "$share/metainfo/$ID.metainfo.xml"
refresh
echo "pgdesk $version installed in $lib; start it from the menu or with $bin/pgdesk"
