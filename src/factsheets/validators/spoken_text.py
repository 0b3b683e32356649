"""What the voice is given, read back: no symbol a voice drops or misreads.

A voice given "£" or "@" says nothing for it (espeak-ng drops "£" in Welsh and "_" in every
language), "a/b" is "a slash b" or a pause, and "1,250" is two numbers. The reading rules
(writers/audio/normalise.py, readings.py) write all of these out in the factsheet's
language, so any left in the spoken text is a rule missing for that language or that way
of writing. The spoken text is the audio's sentence timings file (each sentence as the
engine was given it, with the block it says), so the finding names the factsheet's line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from . import FAILURE, Finding

if TYPE_CHECKING:
    from .. import model as m

# An address is spelt in words before it reaches the voice ("slash", "underscore"), so no
# "/" is left that belongs to one: every symbol here is one the voice would drop.
RAW = re.compile(r"[£@_&/]|(?<!\d)\d{1,3}(?:[,٬]\d{3})+(?!\d)")  # "٬": Arabic's thousands separator
NAMES = {"£": "a pound sign", "@": "an at sign", "_": "an underscore", "&": "an ampersand", "/": "a slash"}


def block_lines(document: m.Document) -> dict[str, int]:
    """Each block's id and the line of the factsheet it starts on."""
    from ..walk import iter_blocks

    lines: dict[str, int] = {}
    for block in iter_blocks(document.blocks):
        block_id, line = getattr(block, "id", ""), getattr(block, "line", None)
        if block_id and line and block_id not in lines:
            lines[block_id] = line
    return lines


def line_of(block_id: str, lines: dict[str, int]) -> int | None:
    """The line of the block a sentence says: its own id, or the longest block id it starts
    with (a call-out's title "b3-title", a table's row "b4-row2", a definition's "gl-p1")."""
    if block_id in lines:
        return lines[block_id]
    known = [i for i in lines if block_id.startswith(i + "-")]
    return lines[max(known, key=len)] if known else None


def check_spoken(sentences: Iterable[tuple[str, str]], document: m.Document) -> list[Finding]:
    """(block id, text the voice is given) -> a failure for each symbol a voice would drop,
    one a factsheet line."""
    lines = block_lines(document)
    out: list[Finding] = []
    seen: set[tuple[int | None, str]] = set()
    for block_id, text in sentences:
        for found in RAW.finditer(text):
            symbol = found.group(0)
            line = line_of(block_id, lines)
            if (line, symbol) in seen:
                continue
            seen.add((line, symbol))
            what = NAMES.get(symbol, f"the number '{symbol}' with a thousands separator")
            around = text[max(found.start() - 30, 0):found.end() + 30].strip()
            out.append(Finding(
                FAILURE, "audio_mp3",
                f"the voice is given {what} it would drop or misread: '…{around}…'",
                "write it in words, or ask for a reading rule for this way of writing it in the factsheet's language",
                document.meta.source, line))
    return out


def check_sentences_file(path: Path, document: m.Document) -> list[Finding]:
    """`factsheets check`: the audio's sentence timings (what the voice was given) read back."""
    sentences = json.loads(path.read_text(encoding="utf-8")).get("sentences", [])
    return check_spoken(((s.get("block", ""), s.get("text", "")) for s in sentences if isinstance(s, dict)), document)
