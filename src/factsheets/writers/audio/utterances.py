"""What a recording is made of: utterances (the engine's words, the transcript's words, the
pauses around them, the block they say), grouped in sections that become chapters.

The pauses are silence the recording adds, since the engine reads no SSML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...errors import Warning_
from ..sentences import END_ID, SUMMARY_ID, TITLE_ID  # noqa: F401  (the script's ids for the EPUB)
from .dotted import spell_dotted_runs
from .lexicon import engine_text, reader_text


# Pauses in seconds.
AFTER_HEADING = 0.7
BEFORE_SUBHEADING = 0.5
AFTER_PARAGRAPH = 0.5
BETWEEN_ITEMS = 0.35
AROUND_QUOTE = 0.4

ENGLISH = "en-GB"
GLOSSARY_TITLE = "Glossary"
CONTACT_TITLE = "Contact details"


@dataclass
class Utterance:
    text: str  # what the speech engine is given
    pause_before: float = 0.0
    pause_after: float = AFTER_PARAGRAPH
    shown: str = ""  # the same words for the transcript; "": as `text`
    block_id: str = ""  # the block of the document it says, for read-along timings ("": none)
    language: str = ""  # set when it is not the factsheet's language: English words in a translation, said by the English voice
    runs_on: bool = False  # the same sentence as the utterance before, in another language (language_runs.py)

    def __post_init__(self) -> None:
        if not self.shown:
            self.shown = self.text
        # Here, where every utterance is made, so that no text reaches the engine without it.
        self.text = spell_dotted_runs(self.text)


def utterance(marked: str, pause_before: float = 0.0, pause_after: float = AFTER_PARAGRAPH, block_id: str = "", language: str = "") -> Utterance:
    """An utterance from normalised text, whose lexicon words are pairs (see lexicon.said_as)."""
    return Utterance(engine_text(marked), pause_before, pause_after, reader_text(marked), block_id, language)


@dataclass
class Section:
    id: str
    title: str  # as written, for the chapter list
    utterances: list[Utterance] = field(default_factory=list)

    def words(self) -> int:
        return sum(len(u.text.split()) for u in self.utterances)


@dataclass
class Script:
    sections: list[Section]
    warnings: list[Warning_] = field(default_factory=list)

    def transcript(self) -> str:
        """The script as a readable text file: what is said, section by section."""
        parts = []
        for number, section in enumerate(self.sections, 1):
            parts.append(f"[{number}. {section.title}]\n")
            said = ""
            for u in section.utterances:  # a sentence in two languages is two utterances, one paragraph
                said += ("" if u.runs_on else "\n\n") + (u.shown or "") if said else (u.shown or "")
            parts.append(said)
            parts.append("\n\n")
        return "".join(parts).rstrip() + "\n"

    def words(self) -> int:
        return sum(s.words() for s in self.sections)
