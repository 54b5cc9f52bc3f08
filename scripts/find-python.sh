#!/usr/bin/env bash
# Prints the Python to build the project venv with: the newest working 3.12+ found, else python3.
# PySide6 6.12.0 on Python 3.11 loses references to None and crashes after a few thousand Qt
# calls; on 3.11 pyproject.toml therefore pins the 6.11 series instead (see its comments).
for c in python3.14 python3.13 python3.12 \
         $(ls -d "$HOME"/.pyenv/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do
  if "$c" -c 'import sys, venv, ensurepip, sqlite3; assert sys.version_info >= (3, 12)' \
      >/dev/null 2>&1; then
    command -v "$c" 2>/dev/null || echo "$c"
    exit 0
  fi
done
echo python3
