"""DejaVu Sans (regular + bold) from resources/fonts, registered with reportlab once. The subset
of each font that a document embeds (compressed, with its glyph widths and character map) is
made once for the same characters, not in every document."""

from __future__ import annotations

import zlib
from functools import cache, lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from pgdesk.paths import resource

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
# Font subsets kept per face: a handout printed again, or the next patient's with the same
# letters, reuses its subset (about 35 kB each, 18 kB compressed).
SUBSETS_KEPT = 8


@cache
def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans and DejaVu Sans Bold (embedded TrueType); return their names.

    Safe to call often: the work is done once per process. The family mapping lets
    Paragraph markup such as <b> pick the bold face instead of falling back to Helvetica.
    """
    for name, file in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf")):
        font = TTFont(name, str(resource("fonts", file)))
        _reuse_subsets(font)
        pdfmetrics.registerFont(font)
    # No italic face ships: italic maps to the upright faces so nothing falls back to Helvetica.
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, FONT_BOLD)
    return FONT, FONT_BOLD


def _reuse_subsets(font: TTFont) -> None:
    """Make the embedded subset of these characters (a TrueType file cut out of the whole font)
    and its compressed form once, not in every document: together a tenth of a handout's time.
    reportlab calls the face's makeSubset and addSubsetObjects; both are given a memory here."""
    face = font.face
    make, add = face.makeSubset, face.addSubsetObjects

    @lru_cache(maxsize=SUBSETS_KEPT)
    def subset_file(chars: tuple[int, ...]) -> tuple[bytes, bytes]:
        raw = make(list(chars))
        return raw, zlib.compress(raw)  # what reportlab's FlateDecode filter would write

    def add_subset_objects(doc, fontname, subset):
        ref = add(doc, fontname, subset)
        if doc.compression:  # the stream gets the compressed file and is not compressed again
            stream = doc.idToObject[f"fontFile:{face.filename}({fontname})"]
            stream.content = subset_file(tuple(subset))[1]
            stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
        return ref

    face.makeSubset = lambda subset: subset_file(tuple(subset))[0]
    face.addSubsetObjects = add_subset_objects
    add_objects = font.addObjects

    def add_objects_with_kept_widths(doc):
        add_objects(doc)
        own = f"Font {font.fontName} subset "
        for pdf_font in doc.idToObject["BasicFonts"].dict.values():
            if str(getattr(pdf_font, "__Comment__", "")).startswith(own):
                pdf_font.Widths = _formatted_widths(tuple(pdf_font.Widths.sequence))
                if doc.compression:  # its character map, compressed once as well
                    cmap = doc.idToObject[f"toUnicodeCMap:{pdf_font.BaseFont}"]
                    cmap.content = _compressed(cmap.content)
                    cmap.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])

    font.addObjects = add_objects_with_kept_widths


class _Formatted(pdfdoc.PDFObject):
    """A PDF object whose bytes are known: the widths of a subset's glyphs, which reportlab would
    format number by number in every document (as long as a tenth of a handout)."""

    def __init__(self, widths: tuple[int, ...]) -> None:
        self.widths = widths
        self.data: bytes | None = None

    def format(self, document) -> bytes:
        if self.data is None:
            self.data = pdfdoc.PDFArray(self.widths).format(document)
        return self.data


@lru_cache(maxsize=2 * SUBSETS_KEPT)
def _compressed(text: str) -> bytes:
    return zlib.compress(text.encode("utf8"))  # as reportlab's FlateDecode filter


@lru_cache(maxsize=2 * SUBSETS_KEPT)
def _formatted_widths(widths: tuple[int, ...]) -> _Formatted:
    return _Formatted(widths)
