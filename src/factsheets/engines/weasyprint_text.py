"""The PDF's text layer carries the words as written, for scripts whose shaped glyphs do not.

WeasyPrint (70) maps each glyph to the text of its cluster, once per font (its ToUnicode
CMap). In Bengali, Punjabi and Urdu that loses words: a vowel sign drawn before its consonant
("যো" is the glyph of ে, the consonant, then া) maps to nothing or to the wrong place, a
ligature keeps the text of the first word it was drawn in, and Urdu's Nastaliq joins come
apart; pdftotext read "যোগাযোগ" as "যাগা যাগ". The page looks right; a screen reader,
search and copy get other words.

PDF has the means (ISO 32000-1, 14.9.4): a marked-content sequence `/Span <</ActualText
(…)>> BDC … EMC` says what text its glyphs stand for, and text extraction (poppler's
pdftotext, screen readers) uses it instead of the glyphs' mapping. So each line of text in a
script that is shaped (the Indic scripts, and Urdu's Nastaliq) is drawn inside such a span
holding the line's own text, in logical order. WeasyPrint has no option for it; its line-drawing
function, `weasyprint.draw.text.draw_first_line`, is wrapped (`install`), which keeps
WeasyPrint's own drawing untouched inside the span. The span has no MCID, so the tagging
(and engines/weasyprint.py's artifact marking) is as before.
"""

from __future__ import annotations

import re
from typing import Any

# Scripts whose glyphs are reordered and stacked by shaping: Devanagari to Sinhala.
INDIC = re.compile(r"[\u0900-\u0dff]")
# The Arabic script, with its supplements and presentation forms.
ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# Languages set in Nastaliq (print.css): one shape for several letters, so its glyphs cannot
# give the letters back. Arabic in Naskh reads back right without a span, and poppler reads a
# right-to-left ActualText as if it were drawn left to right (pdftotext gives it reversed):
# so Naskh is left as it is, and Nastaliq, whose glyphs give no words at all, gets the span.
NASTALIQ_LANGUAGES = ("ur",)


def needs_actual_text(text: str, lang: str | None) -> bool:
    """Whether a line's glyphs cannot give its words back: an Indic script, or Nastaliq."""
    if INDIC.search(text):
        return True
    return bool(ARABIC.search(text)) and (lang or "").lower().split("-")[0] in NASTALIQ_LANGUAGES


def actual_text(text: str) -> bytes:
    """A PDF text string for `text`: UTF-16BE with its byte-order mark, in hexadecimal."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def install() -> None:
    """Wrap WeasyPrint's line drawing (once) so that a shaped line carries its ActualText."""
    from weasyprint.draw import text as drawing

    if getattr(drawing.draw_first_line, "actual_text", False):
        return
    draw_first_line = drawing.draw_first_line

    # WeasyPrint has no type information: its stream (pydyf's), its text box and what the drawing
    # function returns (the emojis it drew) are passed through as they are.
    def with_actual_text(stream: Any, textbox: Any, *args: Any, **kwargs: Any) -> Any:
        words = textbox.text
        if not needs_actual_text(words or "", textbox.style["lang"]):
            return draw_first_line(stream, textbox, *args, **kwargs)
        stream.stream.append(b"/Span <</ActualText " + actual_text(words) + b">> BDC")  # pydyf: the operators, in order
        try:
            return draw_first_line(stream, textbox, *args, **kwargs)
        finally:
            stream.stream.append(b"EMC")

    with_actual_text.actual_text = True  # type: ignore[attr-defined]
    drawing.draw_first_line = with_actual_text
