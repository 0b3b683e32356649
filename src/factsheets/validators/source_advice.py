"""The advice the build gives on a factsheet's source (literal syntax, word habits), as
`factsheets check` findings, read from the source as it is now: the check may run long
after the build, and the source may have changed since."""

from __future__ import annotations

from .. import literal_syntax, word_habits
from . import Finding, advice_findings, source_body


def check_literal_syntax(document, config) -> list[Finding]:
    found = source_body(document, config)
    if found is None:
        return []
    text, first_line = found
    return advice_findings(literal_syntax.advice(document.blocks, document.meta.source, text, first_line, config.extensions))


def check_word_habits(document, config) -> list[Finding]:
    found = source_body(document, config)
    if found is None:
        return []
    text, first_line = found
    return advice_findings(word_habits.advice(text, document.meta.source, first_line))
