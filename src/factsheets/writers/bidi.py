"""Writing direction and language marks shared by the HTML-based writers (print view, EPUB).

In a factsheet not written in Latin letters, each stretch of Latin letters and digits (a
phone number, an email, the organisation's English name) is isolated as left-to-right
(`<span dir="ltr">`): inside right-to-left text, the Unicode bidirectional algorithm (and
WeasyPrint) lays the two groups of "01225 394382" out right to left, as "394382 01225". A
stretch with Latin words is marked `lang="en-GB"`: in such a factsheet it is English
(untranslated organisation details, an organisation's name).
"""

from __future__ import annotations

import re

from ..i18n import ENGLISH, gettext, language

# A stretch of Latin letters and digits with what may sit inside it (spaces, dots, @, the
# print view's invisible break marks), starting and ending with a letter or digit.
_LATIN_RUN = re.compile(r"[A-Za-z0-9\u00c0-\u024f](?:(?:[A-Za-z0-9\u00c0-\u024f .,:;@/+'’()\u2013\u2060\u200b_-]|&#?\w+;)*[A-Za-z0-9\u00c0-\u024f)])?")


# One number ("2021", "11.1", "10.00") is laid out left to right inside right-to-left text
# anyway; isolated, WeasyPrint could break a line inside it ("202" then "1.").
_ONE_NUMBER = re.compile(r"[0-9]+(?:[.,:][0-9]+)*")


def _isolated(match: re.Match[str], xml: bool = False) -> str:
    run, after = match.group(), ""
    # A closing bracket whose opening one is outside the run stays outside with it ("(SEND)"),
    # so that the bidirectional algorithm pairs and mirrors the two together.
    while run.endswith(")") and run.count(")") > run.count("("):
        run, after = run[:-1], ")" + after
    if _ONE_NUMBER.fullmatch(run):
        return run + after
    english = len(re.findall(r"[A-Za-z]{2,}", run)) > 0
    marks = (f' lang="{ENGLISH}"' + (f' xml:lang="{ENGLISH}"' if xml else "")) if english else ""
    return f'<span{marks} dir="ltr">{run}</span>{after}'


# A character reference standing alone ("зв&#x27;язатися", an apostrophe in Cyrillic words):
# matched first, and kept whole, so that its "x27" is never taken for a Latin stretch and
# isolated into "&#<span dir="ltr">x27</span>;", which a page shows as "&#x27;".
_REFERENCE_OR_RUN = re.compile(r"(&#?\w+;)|" + _LATIN_RUN.pattern)


def isolate_latin(html: str, xml: bool = False) -> str:
    """Every stretch of Latin letters and digits in the text (not in tags) isolated as left-to-right
    (with xml:lang beside lang in XHTML). The text is escaped HTML: a character reference is one
    character, never cut (a reference inside a Latin stretch, "Bath &amp; North", stays in it)."""
    parts = re.split(r"(<[^>]*>)", html)

    def isolated(found: re.Match[str]) -> str:
        return found.group() if found.group(1) else _isolated(found, xml)

    return "".join(part if part.startswith("<") else _REFERENCE_OR_RUN.sub(isolated, part) for part in parts)




def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_number_css(tag: str) -> str:
    """The large print's running "Page 1 of 4" from the language's catalogue ("Tudalen 1 o 4",
    "{n} puslapis iš {total}", with the numbers wherever the translator put them), as an @page
    rule that follows print.css's. Right-to-left readers start a page at its right edge and
    look for its number there: the number moves from the bottom left to the bottom right,
    with the same look (print.css's @bottom-left)."""
    if language(tag).is_english:
        return ""  # print.css's own rule is the English
    pattern = gettext(tag, "Page {n} of {total}", n="\x00", total="\x01")
    pieces = [_css_string(piece) if piece not in ("\x00", "\x01") else "counter(page)" if piece == "\x00" else "counter(pages)"
              for piece in re.split("([\x00\x01])", pattern) if piece]
    content = f"content: {' '.join(pieces)};"
    if language(tag).direction != "rtl":
        return f"\n@page {{ @bottom-left {{ {content} }} }}\n"
    look = ('font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: var(--fs-size); font-weight: bold; '
            "color: #000; vertical-align: top; padding-top: 4mm; text-align: right;")
    return f"\n@page {{ @bottom-left {{ content: none; }} @bottom-right {{ {content} {look} }} }}\n"
