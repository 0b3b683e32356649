"""The pronunciation lexicon: one YAML file beside the glossary that staff edit.

Each line is `written: spoken`, e.g. `SEN: S E N` (letter by letter) or
`bathnes: bath n e s`. Entries match whole words; an all-capitals entry also
matches its plural ("CCGs"). A malformed entry stops the build with its file and
line, since a silent mispronunciation is worse than a build that asks for a fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ...errors import Location, SourceError

HELP = "write one entry a line as `written: spoken`, for example `SEN: S E N`"


class LexiconError(SourceError):
    """A SourceError that survives being sent back from a build's worker process."""

    def __reduce__(self):
        return (LexiconError, (self.location, self.message))


@dataclass(frozen=True)
class Entry:
    written: str
    spoken: str
    line: int


class Lexicon:
    def __init__(self, entries: list[Entry] | tuple[Entry, ...] = ()):
        self.entries = tuple(entries)
        self._by_word = {e.written.lower(): e.spoken for e in self.entries}
        # Longest first, so "EHC plan" wins over "EHC" if both are listed.
        ordered = sorted(self.entries, key=lambda e: -len(e.written))
        self._pattern = None
        if ordered:
            alternatives = "|".join(re.escape(e.written) + ("(?:'?s)?" if e.written.isupper() else "") for e in ordered)
            self._pattern = re.compile(rf"(?<![\w@/.-])(?:{alternatives})(?![\w@-]|\.\w)")
        self._exact = {e.written: e.spoken for e in self.entries}

    def has(self, word: str) -> bool:
        return word.lower() in self._by_word

    def spoken_word(self, word: str) -> str:
        return self._by_word[word.lower()]

    def apply(self, text: str) -> str:
        """Replaces every lexicon word in running text by how it is said."""
        if not self._pattern:
            return text

        def say(match: re.Match) -> str:
            found = match.group(0)
            if found in self._exact:
                spoken = self._exact[found]
                # "SENCO: senco" says "as a word": the engine does that already, and the transcript keeps the capitals.
                return found if spoken.lower() == found.lower() else spoken
            # A plural of an abbreviation: "CCGs" -> "C C G's", which espeak-ng says as a plural.
            stem = found[:-2] if found.endswith("'s") else found[:-1]
            spoken = self._exact[stem]
            return found if spoken.lower() == stem.lower() else spoken + "'s"

        return self._pattern.sub(say, text)


def load_lexicon(path: Path, shown: str | None = None) -> Lexicon:
    """Reads a lexicon file; a missing file is an empty lexicon."""
    shown = shown or str(path)
    if not path.exists():
        return Lexicon()
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise LexiconError(Location(shown, mark.line + 1 if mark else None), f"the pronunciation lexicon cannot be read: {HELP}") from error
    if root is None:
        return Lexicon()
    if not isinstance(root, yaml.MappingNode):
        raise LexiconError(Location(shown, root.start_mark.line + 1), f"the pronunciation lexicon must be a list of entries: {HELP}")
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for key, value in root.value:
        line = key.start_mark.line + 1
        if not isinstance(key, yaml.ScalarNode) or not key.value.strip():
            raise LexiconError(Location(shown, line), f"this lexicon entry has no written word: {HELP}")
        written = key.value.strip()
        if not isinstance(value, yaml.ScalarNode) or value.tag != "tag:yaml.org,2002:str" or not value.value.strip():
            raise LexiconError(Location(shown, line), f"the lexicon entry for '{written}' does not say how it is spoken: {HELP}")
        if not re.fullmatch(r"[\w'&. -]+", written) or not re.fullmatch(r"[\w' ,.-]+", value.value.strip()):
            raise LexiconError(Location(shown, line), f"the lexicon entry for '{written}' has characters that cannot be spoken: use letters, spaces and apostrophes")
        if written.lower() in seen:
            raise LexiconError(Location(shown, line), f"'{written}' is in the lexicon twice (also at line {seen[written.lower()]}): keep one")
        seen[written.lower()] = line
        entries.append(Entry(written, value.value.strip(), line))
    return Lexicon(entries)
