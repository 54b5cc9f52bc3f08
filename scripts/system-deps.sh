#!/usr/bin/env bash
# Installs (or names) the Debian/Ubuntu system libraries Qt 6 needs, so that
# `make run` and `make test` work on a bare machine (with `package`: `make package` too).
# Other systems: says what to do.
set -euo pipefail

PKGS=(
  # Qt core/gui: OpenGL/EGL, fonts, keyboard maps, D-Bus, GLib
  libegl1 libgl1 libopengl0 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3 libglib2.0-0
  # xcb platform plugin, for a real window on an X11/XWayland desktop
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1
  # printing support and a font for the UI
  libcups2 fonts-dejavu-core
  # python venv for the project environment
  python3-venv
  # a throw-away PostgreSQL server for the server-engine tests (tests/pg_cluster.py starts and
  # stops its own; unaccent for patient search is in contrib)
  postgresql postgresql-contrib
)

# `system-deps.sh package` (make package): also what PyInstaller needs to build the bundle.
if [ "${1:-}" = package ]; then
  PKGS+=(binutils)  # objdump and strip: the bundle's library analysis and stripping
  # A Debian/Ubuntu Python links its library statically; PyInstaller needs the shared one.
  if [ -x .venv/bin/python ]; then
    lib=$(.venv/bin/python - <<'PY'
import os, sys, sysconfig
so = sysconfig.get_config_var("INSTSONAME") or ""
libdir = sysconfig.get_config_var("LIBDIR") or ""
dirs = [libdir, os.path.join(libdir, sysconfig.get_config_var("MULTIARCH") or "")]
found = bool(so) and any(os.path.exists(os.path.join(d, so)) for d in dirs)
print("" if found or sys.base_prefix != "/usr" else "libpython%d.%d" % sys.version_info[:2])
PY
)
    [ -n "$lib" ] && PKGS+=("$lib")
  fi
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian-like system; make sure Qt 6's runtime libraries are present." >&2
  exit 0
fi

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "system-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "system-deps: these packages are missing; install them with:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
