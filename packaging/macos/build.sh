#!/usr/bin/env bash
# Builds dist/pgdesk.app (PyInstaller BUNDLE, from packaging/pgdesk.spec) and a drag-to-install
# disk image dist/pgdesk-<version>.dmg with hdiutil. Run on macOS from the checkout:
#
#   bash packaging/macos/build.sh
#
# Optional signing and notarisation (needed for Gatekeeper on other Macs), see README.md here:
#   CODESIGN_IDENTITY="Developer ID Application: …"  NOTARY_PROFILE=pgdesk-notary  bash packaging/macos/build.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(uname -s)" = Darwin ] || { echo "macos/build.sh: run this on macOS" >&2; exit 2; }
command -v hdiutil >/dev/null || { echo "macos/build.sh: hdiutil is missing" >&2; exit 2; }
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || { echo "macos/build.sh: no $PY; python3.12 -m venv .venv && .venv/bin/pip install -e '.[package,test]'" >&2; exit 2; }

VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' pgdesk/__init__.py)
"$PY" packaging/build.py
"$PY" packaging/smoke_test.py dist/pgdesk
APP=dist/pgdesk.app
[ -d "$APP" ] || { echo "macos/build.sh: $APP was not made" >&2; exit 1; }

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$APP"
  codesign --verify --strict --verbose=2 "$APP"
fi

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
DMG="dist/pgdesk-$VERSION.dmg"
rm -f "$DMG"
hdiutil create -volname "pgdesk $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --sign "$CODESIGN_IDENTITY" --timestamp "$DMG"
  if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
  fi
fi
echo "$DMG"
