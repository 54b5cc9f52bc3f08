"""Local SQLite storage through sqlite-utils: opening, migrations, and the repository."""

import importlib.util as _util
import sys as _sys


def _lazy_module(name: str) -> None:
    """Import `name` so that it runs on first use. sqlite-utils' recipes import dateutil's
    parser (tens of ms at every start) for conversions pgdesk never asks for."""
    if name in _sys.modules:
        return
    spec = _util.find_spec(name)
    try:
        spec.loader = _util.LazyLoader(spec.loader)
    except (AttributeError, TypeError):  # not found, or a loader that cannot wait: load as usual
        return
    module = _util.module_from_spec(spec)
    _sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    setattr(_sys.modules[parent], child, module)  # `from parent import child` must not load it


# sqlite-utils imports numpy and pandas, when installed, only to map their scalar types to
# column types, which pgdesk never passes. numpy is installed (pyqtgraph needs it), and its
# import costs a noticeable part of start-up, so hide both for this one import: the first
# window paints without them and the chart imports numpy later as usual.
if "sqlite_utils" not in _sys.modules:
    _lazy_module("dateutil.parser")
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
