"""A BRF read as a braille reader meets it: its pages, its lines run on where a word is
continued (dot 5 at a line's end), emphasis indicators set aside, and the cells read back to
print through liblouis. The braille checks (braille.py, braille_breaks.py) share it."""

from __future__ import annotations

import re
from pathlib import Path

# UEB typeform indicators: dots 45 (bold) or 46 (italic) with a symbol (23), word (2),
# passage (2356) or terminator (3) root.
_EMPHASIS = re.compile(r"[\^.][127']")
CONTINUATION = '"'  # dot 5


def brf_pages(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("latin-1")
    pages = text.split("\f")
    return [page.removesuffix("\r\n").split("\r\n") for page in pages]


def joined_cells(lines: list[str]) -> str:
    """BRF lines as one stream of cells, as a reader reads them: continued lines run on,
    emphasis indicators set aside."""
    joined = ""
    run_on = False  # the line before ended with the continuation indicator
    for line in (line.strip() for line in lines):
        if not line:
            continue
        joined += ("" if run_on or not joined else " ") + line.removesuffix(CONTINUATION)
        run_on = line.endswith(CONTINUATION)
    return _EMPHASIS.sub("", joined)


def read_back(lines: list[str], table: str | None = None) -> str:
    """BRF lines back to print, as liblouis reads them (contracted UEB, or `table`), as one
    stream: UEB indicators such as a capitals passage run on across lines."""
    from ..engines.liblouis import CONTRACTED_UEB, UNCONTRACTED_UEB, back_translate

    joined = joined_cells(lines)
    if table and table != CONTRACTED_UEB:
        return back_translate(joined, table)
    # A grade 1 word indicator (dots 56, 56) sets grade 1 for the rest of its word: liblouis's
    # contracted table ignores it when reading back ("https:" came back "httpscc", dots 25 read
    # as the "cc" groupsign), so each such word is read with the uncontracted table, as a reader does.
    parts = re.split(r"(;;\S+)", joined)
    return "".join(back_translate(part[2:], UNCONTRACTED_UEB) if part.startswith(";;") else back_translate(part) if part else ""
                   for part in parts)
