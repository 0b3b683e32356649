"""Words the text-only formats (braille, audio) use for footnotes and abbreviations.

Braille and audio have no tooltip and no raised number: the first use of an abbreviation
is spelt out where it stands, as a phrase a person would read: the expansion, then the
letters in brackets ("an Education, Health and Care (EHC) plan", "Ask the Special
Educational Needs Coordinator (SENCO) for help"). An apposition, "an EHC, the Education,
Health and Care, plan", breaks the noun phrase the letters begin. An English article is made
to fit: the expansion's own "the" is dropped after a word that already determines the noun
("your SENCO"), and "a"/"an" before it follows the expansion's first sound (fitted_article).
Where the text spells it out already, the expansion right before the letters in brackets
("Council Tax Support (CTS)"), the letters alone are said. A note's number is not read or brailled where it is cited in the audio (the note is read
after the paragraph instead).
"""

from __future__ import annotations

import re

from .. import model as m
from ..i18n import gettext

_ARTICLES = ("the ", "a ", "an ")
# Words that already determine the noun: "your the Special..." would be said otherwise.
_DETERMINER = re.compile(r"\b(?:the|a|an|your|their|his|her|its|our|my|this|that|each|every|any|no)\s+$", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b([Aa]n?)(\s+)$")
# Words that start with a vowel letter and a consonant sound ("a university", "a one-off"), or the reverse ("an hour").
_CONSONANT_SOUND = ("uni", "use", "usu", "eu", "one", "once")
_VOWEL_SOUND = ("hour", "honest", "honour")


def abbreviation_words(node: m.Abbreviation, preceding: str, language: str) -> str:
    """The letters, and at their first use the expansion with the letters in brackets after
    it. `preceding`: the words written before it in its paragraph."""
    if not node.first or not node.expansion:
        return node.text
    expansion = node.expansion
    # "Council Tax Support (CTS)": the text spells it out already; said twice otherwise.
    if re.search(re.escape(expansion.split(" ", 1)[-1] if expansion.lower().startswith(_ARTICLES) else expansion) + r"\s*\(\s*$",
                 preceding, re.IGNORECASE):
        return node.text
    if language.lower().startswith("en") and _DETERMINER.search(preceding) and expansion.lower().startswith(_ARTICLES):
        expansion = expansion.split(" ", 1)[1]
    return gettext(language, "{expansion} ({letters})", letters=node.text, expansion=expansion)


def fitted_article(preceding: str, said: str, language: str) -> str:
    """`preceding` with its last word, "a" or "an", made to fit the first sound of `said`
    ("an SEN plan" expanded is "a special educational needs (SEN) plan"); English only."""
    found = _ARTICLE_BEFORE.search(preceding)
    if not found or not language.lower().startswith("en") or not said[:1].isalpha():
        return preceding
    first = said.lower()
    vowel = first.startswith(_VOWEL_SOUND) or first[0] in "aeiou" and not first.startswith(_CONSONANT_SOUND)
    article = ("An" if found.group(1)[0] == "A" else "an") if vowel else found.group(1)[0]
    return preceding[:found.start()] + article + found.group(2)


def callout_label(block: m.Box, language: str) -> str:
    """The word a call-out opens with in every format, by its weight: "Important" for a warning
    (the audio's "Important:", the braille's "Box: Important"), "Note" for the rest; "" when
    the title already is that word. A warning is told from a note by words, not by a rule's weight."""
    label = gettext(language, "Important") if block.kind in m.IMPORTANT_KINDS else gettext(language, "Note")
    return "" if m.plain_text(block.title).strip().rstrip(".:").casefold() == label.casefold() else label
