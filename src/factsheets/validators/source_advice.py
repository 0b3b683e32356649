"""The advice the build gives on a factsheet's source (literal syntax, word habits), as
`factsheets check` findings, read from the source as it is now: the check may run long
after the build, and the source may have changed since."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import literal_syntax, word_habits
from . import Finding, advice_findings, source_body

if TYPE_CHECKING:
    from .. import model as m
    from ..project import Config


def check_literal_syntax(document: m.Document, config: Config) -> list[Finding]:
    found = source_body(document, config)
    if found is None:
        return []
    text, first_line = found
    return advice_findings(literal_syntax.advice(document.blocks, document.meta.source, text, first_line, config.extensions))


def check_word_habits(document: m.Document, config: Config) -> list[Finding]:
    found = source_body(document, config)
    if found is None:
        return []
    text, first_line = found
    return advice_findings(word_habits.advice(text, document.meta.source, first_line))
