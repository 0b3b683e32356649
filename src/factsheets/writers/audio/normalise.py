"""Written text -> the words a person reading it aloud would say.

espeak-ng reads "01225 394382" as a number in the hundreds of thousands, "10.00am"
as "ten point zero zero a m" and a web address as one long word (measured with
espeak-ng 1.51). Here phone numbers become digit groups that can be dialled, times
become "10 a.m.", addresses and emails are spelt so they can be typed, "(11.1)"
becomes "paragraph 11.1" (as the website calls a reference), money, ranges and
dates are said as people say them (amounts.py) and the staff's lexicon says
abbreviations and names. The result is plain text in which a lexicon word is a
pair (see lexicon.said_as): the engine reads its spoken form, the transcript
shows it as written.

Addresses, emails and phone numbers are spelt by one set of rules for every language
(spelling.py) with the language's words ("at", "dot", "slash": spoken_words/). Money,
times, dates and numbers are English rules here and in amounts.py, tuned to espeak-ng's
English voice; a factsheet in another language has its own (readings.py: num2words and
Babel's month names), spells capitals ("EHC") unless its lexicon says them, and reports
what it has no rule for (`Spoken.missing`). English-only characters handling (an English
voice cannot say Arabic letters, so they are left out with a warning) applies to English
factsheets only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .amounts import amounts
from .clock import CLOCK, HOURS_RANGE, TIME_RANGE, hour_minutes, hours_range, is_hours_range, times
from .lexicon import CLOSE, MIDDLE, OPEN, Lexicon, engine_text, reader_text, said_as
from .readings import Reader, quiet_abbreviations, spell_acronyms
from .spelling import address, digits_spaced, email, phone, postcode
from .spoken_words import words_for

# "(0117) 922 2000": an area code in brackets; "ext. 234": an extension (spelling.phone).
PHONE = re.compile(r"(?:(?<![\w.])(?:\+44\s?(?:\(0\)\s?)?|0)\d{2,4}|(?<!\w)\(0\d{2,4}\)\s?\d{2,4})(?:[ -]?\d{3,4}){1,2}(?!\w|\.\d)"
                   r"(?:,?\s(?:ext\.?|extension)\s?\d{1,6}(?!\w|\.\d))?")
# Three-digit numbers are said digit by digit only where they are dialled ("call 111", not "on 101 families").
SERVICE = re.compile(r"\b(?:(?:call|ring|dial|phone|NHS|text)\s(?:999|111|101|112|119|116\s?\d{3})|on\s116\s?\d{3})\b")
# "Relay UK: 18001": the text relay service's prefix, dialled before a number, said digit by digit.
RELAY = re.compile(r"\b(?:Relay UK|textphone|minicom)(?::\s?|\s(?:on\s)?)\d{5}\b")
# A UK postcode ("BA1 5AW"), in capitals: spelt, as it is typed.
POSTCODE = re.compile(r"(?-i:\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b)")
# Each starts only where its run of address characters starts: a match tried from every
# character of a long run ("a.a.a.…", 100 KB) would scan the rest of it each time.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
URL = re.compile(r"\b(?:https?://\S+|www\.[\w-]+(?:\.[\w-]+)+(?:/\S*)?|(?<![\w-])(?<![\w-]\.)(?:[a-z0-9-]+\.)*(?:gov|org|co|nhs|ac|sch|police)\.uk\b(?:/\S*)?)", re.IGNORECASE)
REFERENCE = re.compile(r"\((\d{1,2}\.\d{1,3})\)")
DASH = re.compile(r"(?<!\s)\s+[–—-]\s+")
# Square brackets become round ones: "[[" in a source must never reach the engine, which
# reads "[[...]]" as phonemes when phoneme input is on (the lexicon's phoneme entries need it).
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "…": "...",
                       "\u2010": "-", "\u2011": "-", "\u2212": "-", "\u200b": None, "[": "(", "]": ")"})
# Symbols espeak-ng says nothing for, or says as a person would not.
# (?<!\s) and (?<!\*): tried from the start of a run of spaces or stars only (see EMAIL).
SYMBOLS = [(re.compile(r"(?<!\s)\s*<\s*"), " less than "), (re.compile(r"(?<!\s)\s*>\s*"), " more than "), (re.compile(r"~\s*"), "about "),
           (re.compile(r"(?<!\s)\s*→\s*"), " to "), (re.compile(r"(?<!\s)\s*\|\s*"), ", "), (re.compile(r"(?<=\w)\*+|(?<!\*)\*+(?=\w)"), ""),
           (re.compile(r"&"), " and ")]
# "1,250" -> "1250": espeak-ng pauses at the comma ("one thousand, two hundred and fifty").
THOUSANDS = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])")
# A slash is read as a person reads it aloud, never "slash" (said only inside an address):
# between two names ("Action/Action Plus") a pause; before "or" ("and/or", "either/or") a
# space; between other words ("parent/carer") "or"; a school year ("2023/24") "to". What the
# rules would get wrong, written in real leaflets, is said from this table.
SLASHED = {"s/he": "she or he", "w/c": "week commencing", "w/e": "week ending", "n/a": "not applicable", "c/o": "care of", "a/c": "account"}
SLASHED_WORD = re.compile(r"(?<![\w/])(" + "|".join(re.escape(w) for w in SLASHED) + r")(?![\w/])", re.IGNORECASE)
AND_OR = re.compile(r"\b([A-Za-z]+)/or\b", re.IGNORECASE)
NAMES_SLASH = re.compile(r"(?<![\w'])([A-Z][\w']*)/(?=[A-Z])")
WORDS_SLASH = re.compile(r"(?<=[A-Za-z])/(?=[A-Za-z])(?!or\b)")  # "and/or" is AND_OR's
SCHOOL_YEAR = re.compile(r"(?<![\d/])(\d{4})/(\d{2})(?![\d/])")
MARKERS = {OPEN, MIDDLE, CLOSE}
# Punctuation espeak-ng handles itself, or says nothing for, as a person would.
PLAIN_PUNCTUATION = set(" \t\n.,;:!?'\"()[]-/%£$€#*+=<>")
NOT_ASCII = re.compile(r"[^\x00-\x7f]+")  # only these runs are looked at by sayable


@dataclass
class Unsayable:
    """A character the engine cannot say, and what was done about it."""

    text: str
    replacement: str


@dataclass
class Spoken:
    marked: str  # with lexicon pairs: see lexicon.said_as
    unsayable: list[Unsayable] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)  # (construct, text) the language has no rule for (readings.py)

    @property
    def text(self) -> str:
        """What the engine says."""
        return engine_text(self.marked)

    @property
    def shown(self) -> str:
        """What the transcript shows."""
        return reader_text(self.marked)


def slashed_word(match: re.Match[str]) -> str:
    """'w/c' -> 'week commencing' ('S/he' -> 'She or he'), in the transcript too, as "or" is."""
    said = SLASHED[match.group().lower()]
    return said[0].upper() + said[1:] if match.group()[0].isupper() else said


def reference(match: re.Match[str]) -> str:
    return f"(paragraph {match.group(1)})"


def _matched(pattern: re.Pattern[str], found: str) -> re.Match[str]:
    """`pattern` matched against what SPECIAL found with it: SPECIAL ignores case, and so must
    this ("At 10.30" starting a sentence is CLOCK's "at 10.30"), or it finds nothing."""
    match = re.fullmatch(pattern.pattern, found, pattern.flags | re.IGNORECASE)
    assert match is not None, (pattern.pattern, found)
    return match


SPECIAL = re.compile("|".join(f"(?P<{name}>{pattern.pattern})" for name, pattern in (
    ("email", EMAIL), ("url", URL), ("time", TIME_RANGE), ("hours", HOURS_RANGE), ("clock", CLOCK), ("service", SERVICE), ("relay", RELAY), ("phone", PHONE), ("postcode", POSTCODE), ("ref", REFERENCE))), re.IGNORECASE)


class Normaliser:
    def __init__(self, lexicon: Lexicon, language: str = "en-GB"):
        self.language = language
        self.english = language.lower().startswith("en")
        # A translation's lexicon is its own (lexicon.<language>.yml), else only the English
        # lexicon's spelt abbreviations: an English respelling would be read by another voice.
        self.lexicon = lexicon if self.english else lexicon.for_language(language)
        self.english_lexicon = lexicon
        self.spoken_words = words_for(language)
        self.reader = Reader(language)
        self._english: Normaliser | None = None

    def in_english(self) -> Normaliser:
        """The English rules and lexicon, for an English passage of a translation."""
        if self.english:
            return self
        if self._english is None:
            self._english = Normaliser(self.english_lexicon)
        return self._english

    def speak(self, text: str) -> Spoken:
        """Written text -> spoken text. Addresses, numbers and times first, then the lexicon."""
        text = text.translate(QUOTES)
        pieces: list[str] = []
        unsayable: list[Unsayable] = []
        self.reader = Reader(self.language)
        for marker in (OPEN, MIDDLE, CLOSE):  # only the normaliser makes these (see lexicon.said_as)
            if marker in text:
                unsayable.append(Unsayable(marker, ""))
                text = text.replace(marker, " ")
        position = 0
        for match in SPECIAL.finditer(text):
            kind = match.lastgroup or ""  # every alternative of SPECIAL is a named group
            found = match.group(kind)
            if not self.english and kind in ("time", "hours", "clock"):
                continue  # the language's reading rules say its times (readings.py)
            if kind == "hours" and not is_hours_range(_matched(HOURS_RANGE, found), text[:match.start()]):
                continue  # paragraph numbers ("paras 9.45-9.52"): a range (amounts.py)
            pieces.append(self.words(text[position:match.start()], unsayable))
            trail = ""
            if kind == "url" and found[-1] in ".,;:)":
                trail, found = found[-1], found[:-1]
            pieces.append(self.special(kind, found) + trail)
            position = match.end()
            if pieces[-1].endswith(".") and text.startswith(".", position):
                position += 1  # "to 13:00." is "to 1 p.m.": one full stop
        pieces.append(self.words(text[position:], unsayable))
        spoken = re.sub(r"[ \t]+", " ", "".join(pieces)).strip()
        return Spoken(spoken, unsayable, [] if self.english else self.reader.missing)

    def special(self, kind: str, found: str) -> str:
        words = self.spoken_words
        if kind == "email":
            return email(found, self.lexicon, words)
        if kind == "url":
            return address(found, self.lexicon, words)
        if kind == "time":
            said = times(_matched(TIME_RANGE, found))
            return said + "." if found.endswith(".") and not said.endswith(".") else said  # "12pm." ends a sentence
        if kind == "hours":
            return hours_range(_matched(HOURS_RANGE, found))
        if kind == "clock":
            clock = _matched(CLOCK, found)
            return f"{clock.group(1)} {hour_minutes(clock.group(2), clock.group(3))}"
        if kind == "service":
            word, _, number = found.partition(" ")
            return f"{word} {phone(number, words) if self.english else digits_spaced(number)}"
        if kind == "relay":
            prefix, number = found[:-5], found[-5:]
            return f"{prefix}{phone(number, words) if self.english else digits_spaced(number)}"
        if kind == "postcode":
            return postcode(found, words)
        if kind == "phone":
            return phone(found, words)
        if not self.english:  # "(11.1)": the numbers either side of the dot said, and the dot
            return f"({found[1:-1].replace('.', f' {words.dot} ')})"
        return reference(_matched(REFERENCE, found))

    def address(self, url: str) -> str:
        return address(url, self.lexicon, self.spoken_words)

    def email(self, mail: str) -> str:
        return email(mail, self.lexicon, self.spoken_words)

    def phone(self, number: str) -> str:
        return phone(number, self.spoken_words)

    def words(self, text: str, unsayable: list[Unsayable]) -> str:
        """Running words as a listener should hear them.

        A slash is read as people read it aloud: "and/or" is said "and or", the way a
        speaker runs the two words together, and the transcript shows what is said. Between two names ("Action/Action Plus", "Headteacher/SENCO") it
        is a short pause, never "or": they are one thing's two names, shown as written.
        Between other words ("school/college") it is "or".
        """
        if not self.english:
            return self.lexicon.apply(spell_acronyms(quiet_abbreviations(self.reader.read(text), self.language), self.lexicon))
        text = amounts(text)
        text = DASH.sub(", ", text)
        for pattern, said in SYMBOLS:
            text = pattern.sub(said, text)
        text = THOUSANDS.sub(lambda m: m.group(0).replace(",", ""), text)
        text = self.sayable(text, unsayable)
        text = SLASHED_WORD.sub(slashed_word, text)
        text = SCHOOL_YEAR.sub(r"\1 to \2", text)
        text = NAMES_SLASH.sub(lambda m: m.group(1) + said_as("/", ", "), text)
        text = WORDS_SLASH.sub(" or ", text)
        text = AND_OR.sub(lambda m: m.group(1) + " or", text)
        return self.lexicon.apply(text)

    @staticmethod
    def sayable(text: str, unsayable: list[Unsayable]) -> str:
        """Characters espeak-ng's English voice cannot say -> their names, or nothing (with a note).
        Only runs of characters outside ASCII are looked at: ASCII is said as it is, and most
        text is nearly all ASCII (a loop over every character was most of the normaliser's time)."""
        return NOT_ASCII.sub(lambda run: _sayable_run(run.group(), unsayable), text)


def _sayable_run(run: str, unsayable: list[Unsayable]) -> str:
    out = []
    skipped = ""
    for char in run:
        if char in PLAIN_PUNCTUATION or char in MARKERS or (char.isalpha() and unicodedata.name(char, "").startswith("LATIN")):
            if skipped:
                unsayable.append(Unsayable(skipped, ""))
                skipped = ""
            out.append(char)
            continue
        name = unicodedata.name(char, "")
        if char.isalpha() or unicodedata.category(char).startswith("M"):
            skipped += char  # a letter of another script: an English voice would garble it
            continue
        if skipped:
            unsayable.append(Unsayable(skipped, ""))
            skipped = ""
        said = name.lower().replace(" sign", "") if name else ""
        unsayable.append(Unsayable(char, said))
        out.append(f" {said} " if said else " ")
    if skipped:  # an ASCII character, or the end of the text, comes next
        unsayable.append(Unsayable(skipped, ""))
    return "".join(out)
