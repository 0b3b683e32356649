"""A piece's print text to UEB: emphasis shown, computer material uncontracted.

Emphasis: where the source has bold (Strong) or italic (Emphasis), liblouis is
given that typeform and writes UEB's indicators itself: for bold, the bold
symbol, word or passage indicator (dots 45 with 23, 2 or 2356: ⠘⠆, ⠘⠂, ⠘⠶) and
the bold terminator (dots 45, 3: ⠘⠄); for italic the same with dots 46 (⠨⠆, ⠨⠂,
⠨⠶, ⠨⠄). The Rules of UEB (section 9, typeforms): a word indicator sets the
typeform for the next symbols-sequence (a run of characters between spaces) and
ends at a space; a passage is three or more symbols-sequences, opened by the
passage indicator and closed by the terminator after its last emphasised symbol.
So a phrase of one or two words has a word indicator on each word, a phrase of
three or more a passage indicator and one terminator, never a passage plus a
word indicator. liblouis (3.24) gets this right only when the emphasis covers
whole symbols-sequences: where the phrase ends before the full stop or bracket
that touches its last word ("*we pay now*."), it writes a word indicator on every
word, or a passage closed before the last word and a word indicator on that word.
So each emphasised stretch is first widened over the punctuation joined to its
first and last words (whole_sequences): print does not say whether that full
stop is emphasised, and UEB lets it go either way.

Computer material: web addresses, email addresses and file names. The Rules of
UEB (§10.12) allow contractions in them when they sit in running text, but a
reader has to type them exactly: contracted, "publications" is PUBLICA;NS and
liblouis's own contracted signs read back wrongly where a line breaks. So
these are written uncontracted (liblouis's no_contract typeform). Where the
uncontracted braille could be read as contracted braille (liblouis, reading it
back as contracted UEB, does not get the address), a grade 1 word indicator
(dots 56, 56) goes before it: it sets grade 1 for the rest of that
symbols-sequence, which an address is (it has no spaces). A grade 1 passage
indicator is for three or more symbols-sequences, which an address never is.

Line breaking of computer material is in wrap.py: never at a hyphen; a long
address breaks after a slash or before a dot, with UEB's line continuation
indicator (dot 5) at the end of the line.
"""

from __future__ import annotations

import functools
import re
from typing import Callable

from ...engines import liblouis
from ...engines.liblouis import Translation

GRADE_1_WORD = ";;"  # dots 56, 56: grade 1 word indicator
CONTINUATION = '"'  # dot 5: line continuation indicator, at the end of a braille line

_TRAILING = ".,;:!?)]}'\"’”"
_TLDS = r"(?:uk|com|org|net|gov|edu|info|io|co|eu|ac|nhs|me|int|scot|wales|london)"
_FILE_TYPES = r"(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|txt|csv|brf|pef|mp3|wav|zip|html?|jpe?g|png|gif|svg)"
# Tried from every character of "a.a.a.…" or "a-.a-.…", an alternative would scan the rest
# of the run each time, and 100 KB of it would never finish: so each starts only where its
# run of letters, dots and hyphens starts (the lookbehinds).
COMPUTER_MATERIAL = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an email address
    r"|(?:https?://|www\.)\S+"  # a web address by its start
    rf"|(?<![\w.-])\b[\w-]+(?:\.[\w-]+)*\.{_TLDS}\b(?:/\S*)?"  # a web address by its ending
    rf"|(?<![\w.-])\b[\w-]+(?:\.[\w-]+)*\.{_FILE_TYPES}\b",  # a file name
    re.IGNORECASE,
)

Styles = tuple[tuple[int, int, str], ...]
_TYPEFORMS = {"bold": liblouis.BOLD, "italic": liblouis.ITALIC, "english": liblouis.ENGLISH}


def computer_spans(text: str) -> list[tuple[int, int]]:
    """Where the web addresses, emails and file names are, without the full stop or
    bracket that ends the sentence around them."""
    spans = []
    for found in COMPUTER_MATERIAL.finditer(text):
        start, end = found.span()
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


@functools.lru_cache(maxsize=512)
def needs_grade_1_indicator(address: str) -> bool:
    """Whether the uncontracted braille of an address would be misread as contracted."""
    braille = liblouis.translate(address, [liblouis.NO_CONTRACT] * len(address)).braille
    return liblouis.back_translate(braille) != address


def whole_sequences(text: str, styles: Styles) -> Styles:
    """Each emphasised stretch widened over the punctuation touching its ends, so that it
    covers whole symbols-sequences (see the module's docstring); letters and digits are
    never added: a word emphasised in part stays so."""
    widened = []
    for start, end, kind in styles:
        if kind in ("bold", "italic"):
            while start > 0 and _punctuation(text[start - 1]):
                start -= 1
            while end < len(text) and _punctuation(text[end]):
                end += 1
        widened.append((start, end, kind))
    return tuple(widened)


def _punctuation(character: str) -> bool:
    return not character.isspace() and not character.isalnum()


def translate_piece(text: str, styles: Styles = (), translate: Callable[..., Translation] = liblouis.translate) -> Translation:
    """Contracted UEB with emphasis and uncontracted computer material; `styles` are
    (start, end, "bold" | "italic") stretches of `text`."""
    typeform = [liblouis.PLAIN] * len(text)
    ueb = getattr(translate, "keywords", {}).get("table", liblouis.CONTRACTED_UEB) == liblouis.CONTRACTED_UEB
    for start, end, kind in whole_sequences(text, styles):
        if not ueb and kind != "english":
            continue  # bold and italic indicators are UEB's; another language's table may have none, or others
        for index in range(start, min(end, len(text))):
            typeform[index] |= _TYPEFORMS.get(kind, liblouis.PLAIN)
    spans = computer_spans(text)
    for start, end in spans:
        for index in range(start, end):
            typeform[index] |= liblouis.NO_CONTRACT
    plain = not spans and not any(typeform)
    translation = translate(text) if plain else translate(text, typeform)
    if not spans:
        return translation
    braille, sources = translation.braille, list(translation.source_of_cell)
    # Insert the indicators from the last address back, so earlier cell positions hold.
    # The grade 1 indicator is UEB's: another language's table has its own rules for addresses.
    for start, end in reversed(spans):
        if not ueb or not needs_grade_1_indicator(text[start:end]):
            continue
        cell = next((i for i, source in enumerate(sources) if source >= start), len(sources))
        # After any emphasis indicator that liblouis put before the address's first letter.
        while cell < len(braille) and braille[cell] in "^." and sources[cell] == start and cell + 1 < len(braille) and braille[cell + 1] in "127'":
            cell += 2
        braille = braille[:cell] + GRADE_1_WORD + braille[cell:]
        sources[cell:cell] = [start] * len(GRADE_1_WORD)
    return Translation(braille, sources, tuple(spans))
