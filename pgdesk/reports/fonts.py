"""DejaVu Sans (regular + bold) from resources/fonts, registered with reportlab once. The subset
of each font that a document embeds (compressed, with its glyph widths and character map) is
made once for the same characters, not in every document."""

from __future__ import annotations

import zlib
from functools import cache, lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
    makeToUnicodeCMap,
)

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
    """Make the embedded subset of these characters (a TrueType file cut out of the whole font),
    its glyph widths and its character map, each compressed or formatted, once per set of
    characters instead of in every document: reportlab's TTFont.addObjects, with a memory. The
    objects are the ones reportlab itself writes (tests/reports/test_handout_again.py)."""
    face = font.face
    make = face.makeSubset

    @lru_cache(maxsize=SUBSETS_KEPT)
    def subset_file(chars: tuple[int, ...]) -> tuple[bytes, bytes]:
        raw = make(list(chars))
        return raw, zlib.compress(raw)  # what reportlab's FlateDecode filter would write

    def add_objects(doc) -> None:
        state = font._assignState(doc)
        state.frozen = 1
        fonts = doc.idToObject["BasicFonts"].dict
        for n, subset in enumerate(state.subsets):
            chars = tuple(subset)
            internal = font.getSubsetInternalName(n, doc)[1:]
            base = (SUBSETN(n) + b"+" + face.name + face.subfontNameX).decode("pdfdoc")
            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {font.fontName} subset {n}"
            pdf_font.Name = internal
            pdf_font.BaseFont = base
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(chars) - 1
            pdf_font.Widths = _widths(face, chars)
            cmap = pdfdoc.PDFStream(content=makeToUnicodeCMap(base, chars) if not doc.compression
                                    else _cmap(base, chars))
            if doc.compression:  # compressed once: the stream is not compressed again
                cmap.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
            pdf_font.ToUnicode = doc.Reference(cmap, f"toUnicodeCMap:{base}")
            pdf_font.FontDescriptor = _descriptor(doc, face, base, chars, subset_file)
            doc.Reference(pdf_font, internal)
            fonts[internal] = pdf_font
        del font.state[doc]

    font.addObjects = add_objects


def _descriptor(doc, face, base: str, chars: tuple[int, ...], subset_file):
    """TTFontFace.addSubsetObjects, the font file taken from the subsets made before."""
    raw, packed = subset_file(chars)
    stream = pdfdoc.PDFStream(content=packed if doc.compression else raw)
    stream.dictionary["Length1"] = len(raw)
    if doc.compression:
        stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
    ref = doc.Reference(stream, f"fontFile:{face.filename}({base})")
    flags = (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
    descriptor = pdfdoc.PDFDictionary({
        "Type": "/FontDescriptor", "Ascent": face.ascent, "CapHeight": face.capHeight,
        "Descent": face.descent, "Flags": flags, "FontBBox": pdfdoc.PDFArray(face.bbox),
        "FontName": pdfdoc.PDFName(base), "ItalicAngle": face.italicAngle, "StemV": face.stemV,
        "FontFile2": ref, "MissingWidth": face.defaultWidth})
    return doc.Reference(descriptor, f"fontDescriptor:{base}")


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
def _cmap(base: str, chars: tuple[int, ...]) -> bytes:
    """The subset's character map, compressed as reportlab's FlateDecode filter would."""
    return zlib.compress(makeToUnicodeCMap(base, chars).encode("utf8"))


@lru_cache(maxsize=2 * SUBSETS_KEPT)
def _widths(face, chars: tuple[int, ...]) -> _Formatted:
    return _Formatted(tuple(map(face.getCharWidth, chars)))
