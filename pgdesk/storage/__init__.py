"""Local SQLite storage through sqlite-utils: opening, migrations, and the repository."""

import sys as _sys

# sqlite-utils imports numpy and pandas, when installed, only to map their scalar types to
# column types, which pgdesk never passes. numpy is installed (pyqtgraph needs it), and its
# import costs a noticeable part of start-up, so hide both for this one import: the first
# window paints without them and the chart imports numpy later as usual.
if "sqlite_utils" not in _sys.modules:
    _hidden = {m: _sys.modules.get(m) for m in ("numpy", "pandas")}
    try:
        for _m in _hidden:
            if _hidden[_m] is None:
                _sys.modules[_m] = None  # type: ignore[assignment]  # makes import raise
        import sqlite_utils  # noqa: F401
    finally:
        for _m, _mod in _hidden.items():
            if _mod is None:
                del _sys.modules[_m]

# sqlite-utils would load any installed "sqlite_utils" plugin into every connection. A medical
# record store runs only its own code, and skipping the entry-point scan also saves start time.
import sqlite_utils.plugins as _plugins  # noqa: E402

_plugins._plugins_loaded = True
