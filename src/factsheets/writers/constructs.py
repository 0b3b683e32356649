"""Words the text-only formats (braille, audio) use for footnotes and abbreviations.

Braille and audio have no tooltip and no raised number: the first use of an
abbreviation is spelt out in the sentence, "SENCO, the Special Educational Needs
Coordinator", and a note's number is not read or brailled where it is cited in the
audio (the note is read after the paragraph instead).
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import model as m
from ..i18n import gettext

_ARTICLES = ("the ", "a ", "an ")


def abbreviation_words(node: m.Abbreviation, following: str, language: str) -> str:
    """The letters, and at their first use the expansion after them, closed by a comma when
    the sentence goes on ("Ask the SENCO, the Special ... Coordinator, for help")."""
    if not node.first or not node.expansion:
        return node.text
    expansion = node.expansion
    if expansion.lower().startswith(_ARTICLES):
        said = gettext(language, "{letters}, {expansion}", letters=node.text, expansion=expansion)
    else:
        said = gettext(language, "{letters}, the {expansion}", letters=node.text, expansion=expansion)
    goes_on = following[:1].isspace() and following.strip()[:1].isalnum()
    return said + ("," if goes_on else "")


def following_text(nodes: Sequence[m.Inline], index: int) -> str:
    """The words after the inline at index, among its siblings."""
    return m.plain_text(tuple(nodes[index + 1:]))


def callout_label(block: m.Box, language: str) -> str:
    """The word a call-out opens with in every format, by its weight: "Important" for a warning
    (the audio's "Important:", the braille's "Box: Important"), "Note" for the rest; "" when
    the title already is that word. A warning is told from a note by words, not by a rule's weight."""
    label = gettext(language, "Important") if block.kind in m.IMPORTANT_KINDS else gettext(language, "Note")
    return "" if m.plain_text(block.title).strip().rstrip(".:").casefold() == label.casefold() else label
