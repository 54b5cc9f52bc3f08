"""Local SQLite storage through sqlite-utils: opening, migrations, and the repository."""

import importlib as _importlib
import importlib.util as _util
import sys as _sys
import types as _types


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
    if parent:  # `from parent import child` must not load it
        setattr(_sys.modules[parent], child, module)


class _OnUse(_types.ModuleType):
    """Stands in for a module that sqlite-utils imports for calls pgdesk never makes (click,
    for the progress bars of its command line): the real one is imported on first use."""

    def __getattr__(self, attr: str):
        _sys.modules.pop(self.__name__, None)  # the stand-in, should it still be there
        return getattr(_importlib.import_module(self.__name__), attr)


def _no_plugins() -> None:
    """sqlite-utils would load any installed "sqlite_utils" plugin into every connection. A
    medical record store runs only its own code, so stand-ins take the place of its two plugin
    modules: no plugin is ever looked for or run, and its plugin machinery (pluggy, and click
    for the plugins' command-line hooks: tens of ms at every start) is never imported."""
    plugins = _types.ModuleType("sqlite_utils.plugins")
    plugins.ensure_plugins_loaded = lambda: None
    plugins.pm = _types.SimpleNamespace(hook=_types.SimpleNamespace(
        prepare_connection=lambda conn: None))
    hookspecs = _types.ModuleType("sqlite_utils.hookspecs")
    hookspecs.hookimpl = hookspecs.hookspec = None  # for writing plugins: pgdesk writes none
    _sys.modules["sqlite_utils.plugins"] = plugins
    _sys.modules["sqlite_utils.hookspecs"] = hookspecs


# sqlite-utils imports numpy and pandas, when installed, only to map their scalar types to
# column types, which pgdesk never passes. numpy is installed (pyqtgraph needs it), and its
# import costs a noticeable part of start-up, so hide both for this one import: the first
# window paints without them and the chart imports numpy later as usual. click, imported for
# the progress bars of sqlite-utils' own command line, is imported on first use (never).
if "sqlite_utils" not in _sys.modules:
    _lazy_module("dateutil.parser")
    _no_plugins()
    _hidden = {m: _sys.modules.get(m) for m in ("numpy", "pandas", "click")}
    try:
        for _m in _hidden:
            if _hidden[_m] is None:
                _sys.modules[_m] = None  # type: ignore[assignment]  # makes import raise
        if _hidden["click"] is None:
            _sys.modules["click"] = _OnUse("click")
        import sqlite_utils  # noqa: F401
    finally:
        for _m, _mod in _hidden.items():
            if _mod is None and isinstance(_sys.modules.get(_m), (type(None), _OnUse)):
                _sys.modules.pop(_m, None)
else:  # imported before pgdesk's storage (a tool, a test): its plugins are not looked for
    import sqlite_utils.plugins as _plugins

    _plugins._plugins_loaded = True
