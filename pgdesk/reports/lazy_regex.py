"""Two of reportlab's regular expressions compiled when first used instead of when imported.

Importing reportlab.platypus.paragraph compiles a pattern for web addresses whose letter classes
reach to the end of Unicode's basic plane (U+FFFF), case-insensitively: 75 ms, a quarter of the
first handout of a session, for a pattern that only splits an over-long web address in a narrow
column. reportlab.lib.textsplit does the same for Asian line breaking (10 ms). pgdesk.reports
installs this before any report imports reportlab; without it nothing changes but the wait."""

from __future__ import annotations

import re
import sys

MODULES = ("reportlab.platypus.paragraph", "reportlab.lib.textsplit")
_compile = re.compile


def _slow(pattern: object) -> bool:
    """A class reaching U+FFFF: re works out the whole class (and its case folds) up front."""
    return isinstance(pattern, str) and "\uffff" in pattern


class LazyPattern:
    """A compiled pattern made on the first use of any of its methods (match, sub, ...)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern | None = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = _compile(*self._source)
        return getattr(self._compiled, name)


class _Loader:
    """The module's own loader, run while re.compile leaves slow patterns for later."""

    def __init__(self, loader) -> None:
        self._loader = loader

    def __getattr__(self, name: str):
        return getattr(self._loader, name)  # get_source, get_code, ... as the real loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module) -> None:
        def deferring(pattern, flags=0):
            return LazyPattern(pattern, flags) if _slow(pattern) else _compile(pattern, flags)

        previous, re.compile = re.compile, deferring
        try:
            self._loader.exec_module(module)
        finally:
            re.compile = previous  # paragraph imports textsplit: its own load ends first


class _Finder:
    """On sys.meta_path until both modules are loaded: finds them as usual, with _Loader."""

    def find_spec(self, name: str, path=None, target=None):
        if name not in MODULES:
            return None
        if all(m in sys.modules or m == name for m in MODULES):
            uninstall()
        for finder in sys.meta_path:
            found = getattr(finder, "find_spec", None) if finder is not self else None
            spec = found(name, path, target) if found is not None else None
            if spec is not None:
                if hasattr(spec.loader, "exec_module"):  # else: loaded as it would be anyway
                    spec.loader = _Loader(spec.loader)
                return spec
        return None


_FINDER = _Finder()


def install() -> None:
    if _FINDER not in sys.meta_path and not all(m in sys.modules for m in MODULES):
        sys.meta_path.insert(0, _FINDER)


def uninstall() -> None:
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)
