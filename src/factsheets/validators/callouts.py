"""Call-outs written as quotations: advice for staff, reported as warnings.

Staff who have not met `!!!` often mark a call-out by starting a quotation
with a bold word, `> **Important:** ...`. It stays a quotation (every format
announces it as one, "Quotation: ... End of quotation."), since it may really
quote someone; `check` suggests the box to write instead, with its line.
"""

from __future__ import annotations

from .. import model as m
from ..walk import iter_blocks
from . import WARNING, Finding

# The bold word that opens such a quotation -> the kind of box to write.
CALL_OUT_WORDS = {"important": "warning", "warning": "warning", "caution": "warning", "danger": "danger",
                  "note": "note", "please note": "note", "tip": "tip", "remember": "note"}


def _opening_word(quote: m.Quote) -> str | None:
    """The bold word at the start of a quotation, "Important" in `> **Important:** ...`."""
    first = quote.blocks[0] if quote.blocks else None
    if not isinstance(first, m.Paragraph) or not first.children or not isinstance(first.children[0], m.Strong):
        return None
    bold = m.plain_text(first.children[0].children).strip()
    after = m.plain_text(first.children[1:2]).lstrip()
    if not (bold.endswith(":") or after.startswith(":")):
        return None
    word = bold.rstrip(":").strip()
    return word if word.casefold() in CALL_OUT_WORDS else None


def check_document(document: m.Document) -> list[Finding]:
    findings = []
    for block in iter_blocks(document.blocks):
        if not isinstance(block, m.Quote):
            continue
        word = _opening_word(block)
        if word is None:
            continue
        kind = CALL_OUT_WORDS[word.casefold()]
        findings.append(Finding(
            WARNING, "plain_english",
            f'This quotation starts with "{word}:", so every format reads it out as a quotation.',
            f'If it is a call-out, not a quotation, write it as a box: a line `!!! {kind} "{word}"`, '
            f"then its text on the lines under it, each starting with 4 spaces.",
            document.meta.source, block.line))
    return findings
