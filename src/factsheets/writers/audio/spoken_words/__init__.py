"""The words each language's reading rules say, and its numbers in words.

The words are data, one YAML file a language beside this module (see README.md there);
the rules that use them are written once, in readings.py and normalise.py. Numbers are
said by a kept library: num2words where it has the language, else ICU's spell-out rules
(CLDR's RBNF data, through PyICU), else the file's `digits`, one digit at a time. A
language none of them covers keeps its digits for its own voice, and the rules report that
no rule said them (the build warns once, with the line).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import yaml

HERE = Path(__file__).parent
ENGLISH = "en"
# num2words' converters for our languages (its English says "one thousand, two hundred": the
# English rules in amounts.py are used instead).
NUM2WORDS = {"cy", "pl", "ar", "ro", "uk", "bn", "pt", "lt"}


@dataclass(frozen=True)
class SpokenWords:
    language: str  # the language subtag whose file this is ("en" when the language has none)
    at: str
    dot: str
    slash: str
    dash: str
    underscore: str
    plus: str
    and_: str
    or_: str
    point: str
    percent: str
    am: str
    pm: str
    time: str
    time_hour: str
    date: str
    pound: dict[str, str]
    penny: dict[str, str]
    currency: str = ""  # "num2words": num2words says pounds and pence itself
    year_digits: bool = False
    day_ordinal: bool = False  # the day of a date said as an ordinal (num2words': Polish "dwunasty marca")
    digits: tuple[str, ...] = field(default=())
    digit_space: str = " "  # between digits said one by one ("" in Chinese: 二零二五)
    feminine: dict[str, str] = field(default_factory=dict)  # number words before a feminine unit (Portuguese "duas libras")
    long_address: str = ""  # for an address too long to spell, "{site} (the full address is in the text)"; "": spelt to its end
    hyphen: str = ""  # said for "-" in an address: the file's `dash` word where it has no `hyphen`
    to: str = ""  # between the two ends of a range ("Llun-Gwener", "9am-5pm"); "": the dash is left to the voice
    phone_zero: str = ""  # a nought in a phone number ("oh" in UK English: words_for); "": the voice names the digit

    @property
    def separators(self) -> dict[str, str]:
        """An address's separators and the words said for them."""
        return {"/": self.slash, "-": self.hyphen or self.dash, "_": self.underscore, ".": self.dot}


def base(tag: str) -> str:
    return tag.replace("_", "-").split("-")[0].lower()


def has_words(tag: str) -> bool:
    return (HERE / f"{base(tag)}.yml").is_file()


@lru_cache(maxsize=None)
def words_for(tag: str) -> SpokenWords:
    """The language's words; English's when the language has no file (the caller warns)."""
    name = base(tag) if has_words(tag) else ENGLISH
    data = yaml.safe_load((HERE / f"{name}.yml").read_text(encoding="utf-8"))
    data["and_"], data["or_"] = data.pop("and"), data.pop("or")
    data["digits"] = tuple(str(d) for d in data.get("digits", ()))
    if name != base(tag) or region(tag) not in ("", "gb"):
        # "oh" for a nought is what UK callers say: not a language that borrows English's words
        # (it keeps its voice's digit), nor another English (American callers say "zero").
        data.pop("phone_zero", None)
    return SpokenWords(language=name, **data)


class SpellOut(Protocol):
    """What is used of PyICU's RuleBasedNumberFormat (PyICU has no types)."""

    def format(self, number: int) -> str: ...


def region(tag: str) -> str:
    """The region subtag, lower case ("gb" in en-GB), "" when the tag has none."""
    parts = tag.replace("_", "-").lower().split("-")[1:]
    return next((part for part in parts if len(part) == 2 or part.isdigit()), "")


@lru_cache(maxsize=None)
def _icu_spellout(tag: str) -> SpellOut | None:
    """ICU's spell-out formatter for a language, or None where ICU has no rules of its own
    for it (ICU then falls back to its root rules, which write digits)."""
    try:
        import icu
    except ImportError:  # pragma: no cover - PyICU is a dependency; kept for a broken install
        return None
    locale = icu.Locale(tag.replace("-", "_"))
    formatter: SpellOut = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, locale)
    said = formatter.format(7)
    return None if said.isdigit() or said == "seven" and base(tag) != ENGLISH else formatter


def number_source(tag: str) -> str:
    """Which library says the language's numbers: "num2words", "icu", "digits" or ""."""
    if base(tag) in NUM2WORDS:
        return "num2words"
    if _icu_spellout(base(tag)) is not None:
        return "icu"
    return "digits" if words_for(tag).digits and words_for(tag).language == base(tag) else ""


@lru_cache(maxsize=4096)  # a factsheet says the same few numbers again and again
def number_words(number: int, tag: str) -> str | None:
    """An integer in words in the language, or None when no library or data has its numbers."""
    source = number_source(tag)
    if source == "num2words":
        from num2words import num2words

        return str(num2words(number, lang=base(tag)))
    spellout = _icu_spellout(base(tag)) if source == "icu" else None
    if spellout is not None:
        return str(spellout.format(number))  # PyICU may give its own UnicodeString
    if source == "digits":
        return digit_words(str(number), tag)
    return None


def digit_words(digits: str, tag: str) -> str | None:
    """Each digit said on its own ("0 1 2 2 5" for a phone number), in the language's words."""
    names = words_for(tag).digits if words_for(tag).language == base(tag) else ()
    if names:
        return words_for(tag).digit_space.join(names[int(d)] for d in digits)
    said = [number_words(int(d), tag) for d in digits]
    return None if any(s is None for s in said) else " ".join(s for s in said if s)
