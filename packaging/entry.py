"""Entry point of the frozen app (PyInstaller): the same as the `pgdesk` command.

The bundle must stay under 200 MB (pgdesk.spec), so it leaves out three things that libraries
pgdesk uses only name at import and never call on pgdesk's paths. Each gets a stand-in module
here, before anything imports it; tests/cli/test_packaging.py makes PDFs and draws the chart
with these stand-ins in place."""

import sys
import types


def _no_ssl() -> types.ModuleType:
    """The standard library's ssl (a second OpenSSL). psycopg imports ssl only so that an
    OpenSSL older than 1.1 sets up its locking callbacks, and asyncio names ssl's error classes
    when imported; libpq does TLS with its own OpenSSL 3 and nothing in pgdesk calls Python's
    ssl. So: a module whose every name is an error class, enough to import, never to make a
    TLS connection in Python."""
    module = types.ModuleType("ssl")

    def __getattr__(name: str):  # noqa: N807 (PEP 562)
        if name.startswith("__"):
            raise AttributeError(name)
        return type(name, (OSError,), {})

    module.__getattr__ = __getattr__
    return module


def _no_pillow() -> types.ModuleType:
    """Pillow (its C core and seven image libraries, 6 MB). reportlab imports PIL.Image at
    import and needs it only to put raster images in a PDF; pgdesk draws its PDFs from text and
    vector shapes. `Image = None` is reportlab's own case of Pillow not installed
    (reportlab.lib.utils.haveImages is then False)."""
    module = types.ModuleType("PIL")
    module.Image = None
    return module


class _NoOpenGL:
    """Any class of a left-out Qt OpenGL module: it can be named and subclassed, not made."""

    def __init__(self, *args, **kwargs):
        raise RuntimeError("this pgdesk is built without Qt's OpenGL modules")


def _no_qt_opengl(name: str) -> types.ModuleType:
    """PySide6.QtOpenGL and QtOpenGLWidgets (10 MB). pyqtgraph imports both at import (its
    GraphicsView subclasses QOpenGLWidget for a viewport it makes only when told to draw with
    OpenGL) and uses them only when drawing with OpenGL, which pgdesk never asks for (pyqtgraph's
    useOpenGL stays False). Qt's OpenGL support in QtGui and the xcb plugin's GLX and EGL
    integrations stay in the bundle; only these two modules and libQt6OpenGL(Widgets), which
    nothing else links to, are left out."""
    module = types.ModuleType(name)
    classes: dict[str, type] = {}

    def __getattr__(attr: str):  # noqa: N807 (PEP 562)
        if attr.startswith("__"):
            raise AttributeError(attr)
        return classes.setdefault(attr, type(attr, (_NoOpenGL,), {}))

    module.__getattr__ = __getattr__
    return module


sys.modules.setdefault("ssl", _no_ssl())
sys.modules.setdefault("PIL", _no_pillow())
for _name in ("PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets"):
    sys.modules.setdefault(_name, _no_qt_opengl(_name))

from pgdesk.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
