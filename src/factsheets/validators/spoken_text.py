"""What the voice is given, read back: no symbol a voice drops or misreads.

A voice given "£" or "@" says nothing for it (espeak-ng drops "£" in Welsh and "_" in every
language), "a/b" is "a slash b" or a pause, and "1,250" is two numbers. The reading rules
(writers/audio/normalise.py, readings.py) write all of these out in the factsheet's
language, so any left in the spoken text is a rule missing for that language or that way
of writing. The spoken text is the audio's sentence timings file (each sentence as the
engine was given it, with the block it says), so the finding names the factsheet's line.

It is also read for two ways of saying things no reader would: a label said twice at a
sentence's start ("Important: Important:", a call-out titled by its weight's word), and an
abbreviation's meaning put inside its own phrase ("an E H C, the Education, Health and Care,
plan"), where a person says "an Education, Health and Care (EHC) plan"
(writers/constructs.py).
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
LABEL_TWICE = re.compile(r"^\s*(\w+(?: \w+){0,2})\s*[:：]\s*\1(?!\w)", re.IGNORECASE)


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


def apposed_expansions(document: m.Document) -> re.Pattern[str] | None:
    """The document's abbreviations' meanings said as an apposition inside a phrase: ", the
    Education, Health and Care, plan" (a comma, the meaning, a comma, and the phrase going on)."""
    from .. import model as m
    from ..walk import iter_block_inlines

    meanings = {node.expansion for _, node in iter_block_inlines(document.blocks) if isinstance(node, m.Abbreviation) and node.expansion}
    if not meanings:
        return None
    said = "|".join(re.escape(meaning) for meaning in sorted(meanings, key=len, reverse=True))
    return re.compile(rf",\s+(?:(?:the|an?)\s+)?(?:{said}),\s+[a-z]", re.IGNORECASE)


def phrasing_findings(text: str, apposed: re.Pattern[str] | None, line: int | None, source: str) -> list[Finding]:
    """A label said twice, or a meaning put inside its abbreviation's phrase."""
    out: list[Finding] = []
    twice = LABEL_TWICE.search(text)
    if twice:
        out.append(Finding(FAILURE, "audio_mp3", f"the voice says '{twice.group(1)}' twice: '{text[:60]}'",
                           "a call-out titled by its weight's word is announced once", source, line))
    inside = apposed.search(text) if apposed else None
    if inside:
        around = text[max(inside.start() - 30, 0):inside.end() + 20].strip()
        out.append(Finding(FAILURE, "audio_mp3", f"the voice says an abbreviation's meaning inside its phrase: '…{around}…'",
                           "say the meaning with the letters after it, 'an Education, Health and Care (EHC) plan'", source, line))
    return out


def check_spoken(sentences: Iterable[tuple[str, str]], document: m.Document) -> list[Finding]:
    """(block id, text the voice is given) -> a failure for each symbol a voice would drop,
    one a factsheet line, and for each phrasing no reader would say (phrasing_findings)."""
    lines = block_lines(document)
    apposed = apposed_expansions(document)
    out: list[Finding] = []
    seen: set[tuple[int | None, str]] = set()
    for block_id, text in sentences:
        out += phrasing_findings(text, apposed, line_of(block_id, lines), document.meta.source)
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
