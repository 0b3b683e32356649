"""The pronunciation lexicon: one YAML file beside the glossary that staff edit.

Each line is `written: spoken`, and `spoken` is one of three things:

- letters with spaces, said one by one: `SEN: S E N`;
- a respelling, words spelt the way they sound: `livewell: liv well` ("live well" is
  said "lyve well"). Each word of a respelling must be one espeak-ng says as a word:
  it spells out short letter groups
  it does not know ("ip" is said "eye pee"), so `IPSEA: ip see ah` comes out
  "eye-pee see ah" and `IPSEA: ipseea` comes out "ip-see-uh";
- phonemes, in espeak-ng's own phoneme mnemonics inside double square brackets, in
  quotes: `IPSEA: "[['Ipsi:@]]"` (' marks the stressed syllable). espeak-ng reads
  `[[...]]` in its input as phonemes when phoneme input is switched on (the
  espeak-ng command does that; a program using the library passes espeakPHONEMES).
  `espeak-ng -v en-gb -q -x "word"` prints the phonemes espeak-ng uses for a word: a
  good start to edit.

Each language may have its own file beside it, `lexicon.<language>.yml` (`lexicon.cy.yml`,
`lexicon.zh-Hans.yml`), in the same form, for its voice. A translation without one spells
capitals letter by letter ("EHC" -> "E H C", each letter named by its voice) and keeps only
the main lexicon's entries that say nothing English: those spelt letter by letter and
those said as written (`Lexicon.for_language`).

Entries match whole words; an all-capitals entry also matches its plural ("CCGs").
The spoken form is what the speech engine is given; the transcript keeps the word
as written (see `said_as`). A malformed entry stops the build with its file and
line, since a silent mispronunciation is worse than a build that asks for a fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ...errors import Location, SourceError

HELP = "write one entry a line as `written: spoken`, for example `SEN: S E N`, or phonemes in quotes: `IPSEA: \"[['Ipsi:@]]\"`"
PHONEMES = re.compile(r"\[\[[ !-Z^-~]+\]\]")  # printable ASCII but no square brackets inside
RESPELLING = re.compile(r"[\w' ,.-]+")

# A piece of text said differently from how it is written: the engine gets the spoken
# form, the transcript the written one. Private-use characters never reach here from a
# source (the normaliser drops them with a warning), so they can mark the pair.
OPEN, MIDDLE, CLOSE = "\ue000", "\ue001", "\ue002"
SAID = re.compile(f"{OPEN}([^{MIDDLE}]*){MIDDLE}([^{CLOSE}]*){CLOSE}")


def said_as(written: str, spoken: str) -> str:
    """Text that is shown as `written` and said as `spoken` (neither may hold another pair)."""
    return written if written == spoken else f"{OPEN}{written}{MIDDLE}{spoken}{CLOSE}"


def engine_text(text: str) -> str:
    """What the speech engine is given: every pair's spoken form."""
    return SAID.sub(lambda m: m.group(2), text)


def reader_text(text: str) -> str:
    """What the transcript shows: every pair's written form."""
    return SAID.sub(lambda m: m.group(1), text)


def is_spelt(spoken: str) -> bool:
    """Letters with spaces ("S E N"): said one by one in any language."""
    letters = spoken.split()
    return len(letters) > 1 and all(len(letter) == 1 for letter in letters)


def language_lexicon_names(path: Path, tag: str) -> list[Path]:
    """The files a language's lexicon may be, most specific first: lexicon.zh-Hans.yml, lexicon.zh.yml."""
    parts = tag.replace("_", "-").split("-")
    return [path.with_name(f"{path.stem}.{'-'.join(parts[:n])}{path.suffix}") for n in range(len(parts), 0, -1)]


def is_phonemes(spoken: str) -> bool:
    return bool(PHONEMES.fullmatch(spoken))


def for_engine(spoken: str) -> str:
    """An entry's spoken form as the engine is given it. Letter by letter, a lone "A" is
    written "eh": espeak-ng says "I A S" as "eye uh ess", taking the A for the article."""
    letters = spoken.split()
    if len(letters) > 1 and all(len(letter) == 1 for letter in letters):
        return " ".join("eh" if letter in "aA" else letter for letter in letters)
    return spoken


class LexiconError(SourceError):
    """A SourceError that survives being sent back from a build's worker process."""

    def __reduce__(self) -> tuple[type[LexiconError], tuple[Location, str]]:
        return (LexiconError, (self.location, self.message))


@dataclass(frozen=True)
class Entry:
    written: str
    spoken: str
    line: int


class Lexicon:
    def __init__(self, entries: list[Entry] | tuple[Entry, ...] = (), path: Path | None = None):
        self.entries = tuple(entries)
        self.path = path  # the file it was read from, beside which each language's lexicon is
        self._by_word = {e.written.lower(): for_engine(e.spoken) for e in self.entries}
        # Longest first, so "EHC plan" wins over "EHC" if both are listed.
        ordered = sorted(self.entries, key=lambda e: -len(e.written))
        self._pattern = None
        if ordered:
            alternatives = "|".join(re.escape(e.written) + ("(?:'?s)?" if e.written.isupper() else "") for e in ordered)
            self._pattern = re.compile(rf"(?<![\w@/.-])(?:{alternatives})(?![\w@-]|\.\w)")
        self._exact = {e.written: for_engine(e.spoken) for e in self.entries}

    def for_language(self, tag: str) -> Lexicon:
        """The lexicon a translation's voice uses: `lexicon.<language>.yml` beside this one
        (`lexicon.zh-Hans.yml`, else `lexicon.zh.yml`), else this one's entries that say
        nothing English: those spelt letter by letter and those said as written."""
        if self.path is not None:
            for name in language_lexicon_names(self.path, tag):
                if name.is_file():
                    return load_lexicon(name, f"{self.path.parent.name}/{name.name}")
        neutral = [e for e in self.entries if e.spoken.lower() == e.written.lower() or is_spelt(e.spoken)]
        return Lexicon(neutral)

    def has(self, word: str) -> bool:
        return word.lower() in self._by_word

    def spoken_word(self, word: str) -> str:
        """A word of an address: shown as written, said as the lexicon says."""
        return said_as(word, self._by_word[word.lower()])

    def apply(self, text: str) -> str:
        """Replaces every lexicon word in running text by how it is said."""
        if not self._pattern:
            return text

        def say(match: re.Match[str]) -> str:
            found = match.group(0)
            if found in self._exact:
                spoken = self._exact[found]
                # "SENCO: senco" says "as a word": the engine does that already.
                return found if spoken.lower() == found.lower() else said_as(found, spoken)
            # A plural of an abbreviation: "CCGs" -> "C C G's", which espeak-ng says as a plural.
            stem = found[:-2] if found.endswith("'s") else found[:-1]
            spoken = self._exact[stem]
            if spoken.lower() == stem.lower():
                return found
            return said_as(found, spoken[:-2] + "z]]" if is_phonemes(spoken) else spoken + "'s")

        return self._pattern.sub(say, text)


def load_lexicon(path: Path, shown: str | None = None) -> Lexicon:
    """Reads a lexicon file; a missing file is an empty lexicon."""
    shown = shown or str(path)
    if not path.exists():
        return Lexicon(path=path)
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        # Where the broken item starts (an unclosed quote is found only at the end of the file).
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        raise LexiconError(Location(shown, mark.line + 1 if mark else None), f"the pronunciation lexicon cannot be read: {HELP}") from error
    if root is None:
        return Lexicon(path=path)
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
        spoken = value.value.strip()
        if spoken.startswith("[") and not is_phonemes(spoken):
            raise LexiconError(Location(shown, line), f"the lexicon entry for '{written}' is not phonemes as espeak-ng reads them: write them in quotes inside double square brackets, for example \"[['Ipsi:@]]\"")
        if not re.fullmatch(r"[\w'&. -]+", written) or not (is_phonemes(spoken) or RESPELLING.fullmatch(spoken)):
            raise LexiconError(Location(shown, line), f"the lexicon entry for '{written}' has characters that cannot be spoken: use letters, spaces and apostrophes, or phonemes in [[ ]]")
        if written.lower() in seen:
            raise LexiconError(Location(shown, line), f"'{written}' is in the lexicon twice (also at line {seen[written.lower()]}): keep one")
        seen[written.lower()] = line
        entries.append(Entry(written, spoken, line))
    return Lexicon(entries, path)
