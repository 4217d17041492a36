"""Builds JixiaoTestCff.otf: a tiny OpenType font with PostScript (CFF) outlines, drawn here from scratch.

Its three glyphs are plain strokes standing for three CJK Extension B characters that Noto Serif SC lacks
(U+20000 𠀀, U+20001 𠀁, U+20002 𠀂), so a form configured with it as the fallback font draws them with a CFF font:
the path where jixiao leaves subsetting to OpenPDF (CompactSubsetFont writes TrueType subsets only).

Run with fontTools (Debian's python3-fonttools or PyPI's fonttools):  python3 make_font.py
The output is the same bytes on every run (fixed timestamps).
"""
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen

FAMILY = "Jixiao Test CFF"
PS_NAME = "JixiaoTestCFF"  # the name a PDF gives the font
EM = 1000
TIMESTAMP = 0x7C259DC0  # 2001-01-01, seconds since 1904 as the head table counts: any fixed value will do


def rectangles(*boxes):
    """A glyph of filled rectangles (x0, y0, x1, y1), drawn counter-clockwise as CFF outlines are."""
    pen = T2CharStringPen(EM, None)
    for x0, y0, x1, y1 in boxes:
        pen.moveTo((x0, y0))
        pen.lineTo((x1, y0))
        pen.lineTo((x1, y1))
        pen.lineTo((x0, y1))
        pen.closePath()
    return pen.getCharString()


glyphs = {
    ".notdef": rectangles((100, 0, 900, 60), (100, 740, 900, 800), (100, 60, 160, 740), (840, 60, 900, 740)),
    "space": rectangles(),
    "u20000": rectangles((100, 600, 900, 680)),                       # one bar
    "u20001": rectangles((100, 600, 900, 680), (460, -80, 540, 600)),  # a bar and a stroke down
    "u20002": rectangles((100, 600, 900, 680), (100, 100, 900, 180)),  # two bars
}
cmap = {0x20: "space", 0x20000: "u20000", 0x20001: "u20001", 0x20002: "u20002"}

builder = FontBuilder(EM, isTTF=False)
builder.setupGlyphOrder(list(glyphs))
builder.setupCharacterMap(cmap)
builder.setupCFF(PS_NAME, {"FullName": FAMILY}, glyphs, {})
builder.setupHorizontalMetrics({name: (EM, 100) for name in glyphs})
builder.setupHorizontalHeader(ascent=880, descent=-120)
builder.setupNameTable({"familyName": FAMILY, "styleName": "Regular", "fullName": FAMILY,
                        "psName": PS_NAME, "uniqueFontIdentifier": PS_NAME + "-1.0", "version": "Version 1.0",
                        "copyright": "Made for jixiao's tests; no rights reserved (CC0)"})
builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120,
                 fsType=0)  # installable embedding: a PDF may embed it
builder.setupPost()
builder.updateHead(created=TIMESTAMP, modified=TIMESTAMP)
builder.save("JixiaoTestCff.otf")
