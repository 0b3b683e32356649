"""Print text made ready for a language's liblouis table: the forms the table translates.

Three faults of liblouis 3.24's tables, measured on the twelve-language corpus
(tests/fixtures/languages12), each put right here rather than in the tables:

- A letter with a nukta. Unicode's normal form (NFC) writes Bengali য় as য + the nukta
  U+09BC, because the one-character য় (U+09DF) is a composition exclusion; Bengali's table
  (bn.tbl) translates only the one character and writes the pair as the escape `\\x09bc`.
  Punjabi's table translates both forms of ਫ਼. So a base and a nukta (or another combining
  mark) become the one character whose canonical decomposition they are, wherever the table
  translates that character and not the pair. The pairs come from Unicode's own data
  (`unicodedata.decomposition`), not from a list of our own.
- The danda. Bengali's table does not define "।" (U+0964, which Bengali shares with
  Devanagari), the full stop of Bengali, Punjabi and Hindi text; a table that does not is
  given its own full stop, ".", instead, as braille writes the danda. Punjabi's table
  defines it and keeps it.
- A space eaten after a number. The Russian literary table, which Ukrainian's (uk.utb)
  includes, rewrites a comma or semicolon and the space after a digit as dot 6 and the mark
  (`correct $D[","$s]`) and drops the space, so "1, березень" came out as 1, then "березень"
  joined to it, read back "1,25резень". The space is put back as a blank cell (see
  `restore_spaces`); the braille then reads back as printed.

`prepare` returns the new text and, for each of its characters, the index of the print
character it came from, so that the cells still point at the print they translate.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable

DANDAS = "\u0964\u0965"  # । and ॥, one a sentence and one a verse end
FULL_STOP = "."


@functools.cache
def _compositions() -> dict[str, str]:
    """Base + mark -> the one character Unicode decomposes into them, for the Indic scripts
    (U+0900–U+0DFF): क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़, ড় ঢ় য়, ਖ਼ ਗ਼ ਜ਼ ਫ਼ ਲ਼ ਸ਼ and the rest."""
    found = {}
    for point in range(0x0900, 0x0E00):
        parts = unicodedata.decomposition(chr(point)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            found["".join(chr(int(part, 16)) for part in parts)] = chr(point)
    return found


def prepare(text: str, translates: Callable[[str], bool]) -> tuple[str, list[int]]:
    """`text` in the forms a table translates, and each new character's print index.
    `translates(string)` says whether the table brailles a string without an escape."""
    out: list[str] = []
    source: list[int] = []
    index = 0
    while index < len(text):
        pair = text[index:index + 2]
        composed = _compositions().get(pair)
        if composed and not translates(pair) and translates(composed):
            out.append(composed)
            source.append(index)
            index += 2
            continue
        character = text[index]
        if character in DANDAS and not translates(character) and translates(FULL_STOP):
            character = FULL_STOP
        out.append(character)
        source.append(index)
        index += 1
    return "".join(out), source


def mark_is_brailled(text: str, index: int, translates: Callable[[str], bool]) -> bool:
    """Whether the combining mark at `index` is brailled with the letter before it (alone, a
    nukta is no character a table defines; with its letter it is part of one)."""
    if index == 0:
        return False
    pair = text[index - 1:index + 1]
    composed = _compositions().get(pair)
    return translates(pair) or (composed is not None and translates(composed))


def restore_spaces(text: str, braille: str, source_of_cell: list[int]) -> tuple[str, list[int]]:
    """Put back, as a blank cell, a space the table dropped after a digit and a comma or
    semicolon ("1, березень"): a space every reader needs between a number and a word."""
    brailled = set(source_of_cell)
    cells, sources = list(braille), list(source_of_cell)
    for index in range(len(text) - 1, 1, -1):
        if text[index] != " " or text[index - 1] not in ",;" or not text[index - 2].isdigit() or index in brailled:
            continue
        after = next((i for i, s in enumerate(sources) if s > index), None)
        if after is None:
            continue
        cells.insert(after, " ")
        sources.insert(after, index)
    return "".join(cells), sources
