"""Written text -> the words a person reading it aloud would say.

espeak-ng reads "01225 394382" as a number in the hundreds of thousands, "10.00am"
as "ten point zero zero a m" and a web address as one long word (measured, see
FORMATS.md). Here phone numbers become digit groups that can be dialled, times
become "10 a.m.", addresses and emails are spelt so they can be typed, "(11.1)"
becomes "section 11.1" and the staff's lexicon says abbreviations and names. The
result is plain text: it is the transcript as well as what the engine reads.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .lexicon import Lexicon

# Parts of a domain people say as words; the rest of a short label is spelt.
SAID_AS_WORDS = {"org", "com", "net", "gov", "info"}
SPELT = {"uk", "www", "co", "ac", "eu", "tv"}

PHONE = re.compile(r"(?<![\w.])(?:\+44\s?|0)\d{2,4}(?:[ -]?\d{3,4}){1,2}(?!\w|\.\d)")
TIME = r"(\d{1,2})(?:[.:](\d{2}))?\s?([ap])\.?m\b\.?"
TIME_RANGE = re.compile(TIME + r"(?:\s*(?:–|—|-|to)\s*" + TIME + r")?", re.IGNORECASE)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
URL = re.compile(r"\b(?:https?://\S+|www\.[\w-]+(?:\.[\w-]+)+(?:/\S*)?)", re.IGNORECASE)
REFERENCE = re.compile(r"\((\d{1,2}\.\d{1,3})\)")
DASH = re.compile(r"\s+[–—-]\s+")
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " ", "…": "..."})
# Punctuation espeak-ng handles itself, or says nothing for, as a person would.
PLAIN_PUNCTUATION = set(" \t\n.,;:!?'\"()[]-/%£$€#*+=<>")


@dataclass
class Unsayable:
    """A character the engine cannot say, and what was done about it."""

    text: str
    replacement: str


@dataclass
class Spoken:
    text: str
    unsayable: list[Unsayable] = field(default_factory=list)


def digits_spaced(digits: str) -> str:
    return " ".join(digits)


def phone(number: str) -> str:
    """'01225 394382' -> '0 1 2 2 5, 3 9 4 3 8 2': digit groups, as it is dialled."""
    number = number.replace("+44", "+44 ").strip()
    groups = [g for g in re.split(r"[ -]+", number) if g]
    if len(groups) == 1:
        digits = groups[0]
        # No spaces written: group as UK numbers are said (area code, then the rest).
        if len(digits) == 11 and digits.startswith(("02", "03", "08")):
            groups = [digits[:3], digits[3:7], digits[7:]]
        elif len(digits) == 11:
            groups = [digits[:5], digits[5:]]
    said = []
    for group in groups:
        said.append("plus 4 4" if group == "+44" else digits_spaced(group))
    return ", ".join(said)


def clock(hour: str, minutes: str | None, half: str) -> str:
    time = hour if not minutes or minutes == "00" else f"{hour} {'oh ' + minutes[1] if minutes[0] == '0' else minutes}"
    return f"{time} {half.lower()}.m."


def times(match: re.Match) -> str:
    first = clock(match.group(1), match.group(2), match.group(3))
    if match.group(4):
        return f"{first} to {clock(match.group(4), match.group(5), match.group(6))}"
    return first


def domain_label(label: str, lexicon: Lexicon) -> str:
    lower = label.lower()
    if lexicon.has(lower):
        return lexicon.spoken_word(lower)
    if lower in SPELT:
        return " ".join(lower)
    if lower in SAID_AS_WORDS or len(lower) > 4:
        return lower
    return " ".join(lower) if lower.isalpha() else lower


def path_words(path: str, lexicon: Lexicon) -> str:
    """The part after the domain: words, with the separators said so it can be typed."""
    out = []
    for piece in re.split(r"([/_.-])", path):
        if piece == "/":
            out.append("slash")
        elif piece == "-":
            out.append("dash")
        elif piece == "_":
            out.append("underscore")
        elif piece == ".":
            out.append("dot")
        elif piece:
            out.append(lexicon.spoken_word(piece.lower()) if lexicon.has(piece.lower()) else piece)
    return " ".join(out)


def address(url: str, lexicon: Lexicon) -> str:
    """A web address as someone would read it out to be typed: no http://, no final slash."""
    for prefix in ("https://", "http://"):
        if url.lower().startswith(prefix):
            url = url[len(prefix):]
    url = url.rstrip("/")
    host, _, path = url.partition("/")
    said = " dot ".join(domain_label(label, lexicon) for label in host.split("."))
    if path:
        said += " slash " + path_words(path, lexicon)
    return said


def email(mail: str, lexicon: Lexicon) -> str:
    user, _, host = mail.partition("@")
    return f"{path_words(user, lexicon)} at {address(host, lexicon)}"


def reference(match: re.Match) -> str:
    return f"(section {match.group(1)})"


class Normaliser:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def speak(self, text: str) -> Spoken:
        """Written text -> spoken text. Addresses, numbers and times first, then the lexicon."""
        text = text.translate(QUOTES)
        pieces: list[str] = []
        special = re.compile("|".join(f"(?P<{name}>{pattern.pattern})" for name, pattern in (
            ("email", EMAIL), ("url", URL), ("time", TIME_RANGE), ("phone", PHONE), ("ref", REFERENCE))), re.IGNORECASE)
        position = 0
        unsayable: list[Unsayable] = []
        for match in special.finditer(text):
            pieces.append(self.words(text[position:match.start()], unsayable))
            kind = match.lastgroup
            found = match.group(kind)
            trail = ""
            if kind in ("url",) and found[-1] in ".,;:)":
                trail = found[-1]
                found = found[:-1]
            if kind == "email":
                pieces.append(email(found, self.lexicon))
            elif kind == "url":
                pieces.append(address(found, self.lexicon))
            elif kind == "time":
                pieces.append(times(TIME_RANGE.fullmatch(found)))
            elif kind == "phone":
                pieces.append(phone(found))
            else:
                pieces.append(reference(REFERENCE.fullmatch(found)))
            pieces.append(trail)
            position = match.end()
        pieces.append(self.words(text[position:], unsayable))
        spoken = re.sub(r"[ \t]+", " ", "".join(pieces)).strip()
        return Spoken(spoken, unsayable)

    def address(self, url: str) -> str:
        return address(url, self.lexicon)

    def email(self, mail: str) -> str:
        return email(mail, self.lexicon)

    def phone(self, number: str) -> str:
        return phone(number)

    def words(self, text: str, unsayable: list[Unsayable]) -> str:
        text = DASH.sub(", ", text)
        text = text.replace("&", " and ")
        # "school/college" is read "school or college", as people say it.
        text = re.sub(r"\band/or\b", "and or", text)
        text = re.sub(r"(?<=[A-Za-z])/(?=[A-Za-z])", " or ", text)
        text = self.sayable(text, unsayable)
        return self.lexicon.apply(text)

    @staticmethod
    def sayable(text: str, unsayable: list[Unsayable]) -> str:
        """Characters espeak-ng's English voice cannot say -> their names, or nothing (with a note)."""
        out = []
        skipped = ""
        for char in text:
            if char.isascii() or char in PLAIN_PUNCTUATION or (char.isalpha() and unicodedata.name(char, "").startswith("LATIN")):
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
        if skipped:
            unsayable.append(Unsayable(skipped, ""))
        return "".join(out)
