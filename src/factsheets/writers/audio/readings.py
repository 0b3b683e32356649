"""Reading rules for a factsheet in any language but English: money, times, dates, numbers.

A voice given "£2.50" says "two point five zero" in Welsh or drops the "£"; "1,250" is
read as two numbers, "10.30" as a decimal, "10.00 صباحًا" as "ten point zero zero". So
what a person would say is written out here, in the language's own words:

- numbers in words from a kept library (spoken_words.number_words: num2words, else ICU's
  spell-out rules), month names from Babel (CLDR, the form used in a date: Polish "marca");
- the words and patterns around them ("{hour} {minutes}", "funt/funty/funtów", "y cant")
  from the language's file in spoken_words/, with the unit chosen by CLDR's plural rules;
- a plain whole number ("15 marca", "2025") is left as digits: every voice reads those in
  its language, and the transcript stays easy to read.

The English rules (amounts.py, normalise.py) are tuned to espeak-ng's English voice and
stay as they are; emails, web addresses and phone numbers are spelt by one set of rules
for every language (normalise.py) with these files' words.

What a language has no rule for (no number words, no word file) is still said in words the
voice can read (digits one by one, or the English word list) and named in `missing`, which
the script turns into one warning a construct, with the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date as calendar_date
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import get_day_names, get_month_names

from ..sentences import ABBREVIATIONS
from .lexicon import Lexicon, said_as
from .spoken_words import base, digit_words, has_words, number_source, number_words, words_for

# A comma after a number is a thousands separator only with three digits after it ("£1,250,
# then"): the lookaheads allow a comma that ends a clause.
MONEY = re.compile(r"£\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?!\d|,\d)")
PENCE = re.compile(r"(?<![\w.,])(\d+)\s?p\b")
# Not before a sentence's full stop: "erbyn 01/04/2025." is a date.
NUMERIC_DATE = re.compile(r"(?<![\d./])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?![\d/]|\.\d)")
ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
# "10.30", "10:30", "10.30am", "10am", "١٠:٣٠" (digits of any script, Arabic's decimal "٫"):
# a time where the hour is below 24 and the minutes below 60 (Reader.time checks).
TIME = re.compile(r"(?<![\d.,:٫])(\d{1,2})(?:[.:٫](\d{2}))?(?:\s?([ap])\.?m\b\.?)?(?![\d.,:٫]?\d|\s?%)", re.IGNORECASE)
THOUSANDS = re.compile(r"(?<![\d,.٬])\d{1,3}(?:[,٬]\d{3})+(?!\d|[,٬]\d)")  # "٬": Arabic's separator
DOT_THOUSANDS = re.compile(r"(?<![\d,.])\d{1,3}(?:\.\d{3})+(?!\d|\.\d)")
PERCENT = re.compile(r"(?<![\d.,])(\d+)(?:[.,](\d+))?\s?%")
DECIMAL = re.compile(r"(?<![\d.,٫])(\d+)[.,٫](\d+)(?![\d.,٫]?\d)")
# Capitals the voice would read as a word: spelt, letter by letter, unless the lexicon says them.
ACRONYM = re.compile(r"(?<![\w@.-])([A-Z]{2,6})(s?)(?![\w@-]|\.\w)")
WORDS_SLASH = re.compile(r"(?<=\w)/(?=\w)")
LONGEST_SAID = 15  # digits: a longer number is said digit by digit (see amounts.LONGEST_SAID)


@lru_cache(maxsize=4096)
def plural_category(tag: str, number: int) -> str:
    """CLDR's plural category of a number in a language ("one", "few", "many", "other")."""
    return str(Locale.parse(tag.replace("-", "_")).plural_form(number))


MISSING = {
    "number": "numbers", "money": "amounts of money", "time": "times", "date": "dates",
    "words": "the words said in addresses, money and times",
}


def missing_rule_message(tag: str, construct: str, example: str) -> str:
    """The build's warning for a construct a language has no reading rule for (once a factsheet)."""
    from ...i18n import language

    name = language(tag).english_name
    if construct == "words":
        return (f"audio: there are no {name} words for addresses, money and times ('{example[:40]}'): English words are said instead; "
                f"ask for {name} to be added to the audio's spoken words (writers/audio/spoken_words/)")
    return (f"audio: there is no {name} reading rule for {MISSING.get(construct, construct)} in words ('{example[:40]}'): "
            f"the digits are given to the {name} voice as a plain number; ask for {name} number words to be added, or write it in words")


class Reader:
    """The reading rules of one language (a tag such as "pl" or "zh-Hans")."""

    def __init__(self, tag: str):
        self.tag = tag
        self.words = words_for(tag)
        self.missing: list[tuple[str, str]] = []  # (construct, text) said without a rule of the language, in order
        self.example = ""  # the text the rule being applied matched
        try:
            self.locale: Locale | None = Locale.parse(tag.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            self.locale = None

    # numbers -------------------------------------------------------------
    def note(self, construct: str) -> None:
        if construct not in (known for known, _ in self.missing):
            self.missing.append((construct, self.example.strip()))

    def rule(self, said: Callable[[re.Match[str]], str]) -> Callable[[re.Match[str]], str]:
        """A rule's function for re.sub, which notes the text it was given first."""
        def apply(match: re.Match[str]) -> str:
            self.example = match.group(0)
            return said(match)
        return apply

    def number(self, digits: str, construct: str, feminine: bool = False) -> str:
        """Digits (any script's) as the language says the number. Where no library has the
        language's numbers: the digits with no separator, which its voice reads as a number
        by its own rules (espeak-ng's Urdu and Punjabi do), and the construct is reported."""
        digits = digits.replace(",", "").replace("٬", "")
        value = int(digits)
        said = number_words(value, self.tag) if len(digits) <= LONGEST_SAID else None
        if said is None or number_source(self.tag) == "digits":
            if len(digits) > LONGEST_SAID and said is None and digit_words(digits, self.tag):
                return digit_words(digits, self.tag) or digits
            self.note(construct)
            return digits
        if feminine and self.words.feminine:
            said = " ".join(self.words.feminine.get(word, word) for word in said.split(" "))
        return said

    def digits(self, digits: str, construct: str) -> str:
        said = digit_words(digits, self.tag)
        if said is None:
            self.note(construct)
            return " ".join(str(int(d)) for d in digits)
        return said

    def plural(self, forms: dict[str, str], number: int) -> str:
        category = plural_category(self.tag, number) if self.locale else "other"
        return forms.get(category) or forms.get("other") or next(iter(forms.values()))

    def fraction(self, whole: str, fraction: str, construct: str) -> str:
        return f"{self.number(whole, construct)} {self.words.point} {self.digits(fraction, construct)}"

    # constructs ------------------------------------------------------------
    def money(self, match: re.Match[str]) -> str:
        whole, pence = match.group(1).replace(",", ""), match.group(2)
        cents = int(pence.ljust(2, "0")) if pence else 0
        if self.words.currency == "num2words" and number_source(self.tag) == "num2words" and len(whole) <= LONGEST_SAID:
            from num2words import num2words

            said = str(num2words(int(whole) + cents / 100, lang=base(self.tag), to="currency", currency="GBP"))
            said = said.replace(" sterlingų", "")  # num2words' Lithuanian says "pounds sterling"
            zero = number_words(0, self.tag)
            if cents or f", {zero} " not in said:  # Ukrainian and Lithuanian add "zero pence" to whole pounds
                return said
        said = f"{self.number(whole, 'money', feminine=True)} {self.plural(self.words.pound, int(whole))}"
        if cents:
            said += f" {self.number(str(cents), 'money')} {self.plural(self.words.penny, cents)}"
        return said

    def pence(self, match: re.Match[str]) -> str:
        amount = match.group(1)
        return f"{self.number(amount, 'money')} {self.plural(self.words.penny, int(amount))}"

    def month(self, number: int) -> str:
        names = get_month_names("wide", "format", locale=self.locale) if self.locale else None
        if not names:
            self.note("date")
            return str(number)
        return str(names[number])

    def date(self, day: str, month: str, year: str) -> str | None:
        try:
            calendar_date(int(year), int(month), int(day))
        except ValueError:
            return None
        said_year = self.digits(year, "date") if self.words.year_digits else self.number(year, "date")
        said_day = self.ordinal(int(day)) if self.words.day_ordinal else self.number(str(int(day)), "date")
        return self.words.date.format(day=said_day, month=self.month(int(month)), year=said_year)

    def ordinal(self, day: int) -> str:
        from num2words import num2words

        return str(num2words(day, lang=base(self.tag), to="ordinal"))

    def time(self, match: re.Match[str]) -> str:
        hour, minutes, half = match.group(1), match.group(2), match.group(3)
        if minutes is None and half is None or int(hour) > 23 or minutes is not None and int(minutes) > 59:
            return match.group(0)  # a plain number (the voice reads it), or no time
        half_word = {"a": self.words.am, "p": self.words.pm}.get((half or "").lower(), "")
        if minutes is None or minutes == "00":
            said = self.words.time_hour.format(hour=self.number(str(int(hour)), "time"), half=half_word)
        else:
            said = self.words.time.format(hour=self.number(str(int(hour)), "time"), minutes=self.number(str(int(minutes)), "time"), half=half_word)
        said = re.sub(r" {2,}", " ", said).strip()
        if match.group(0).endswith(".") and re.match(r"\s*$|\s+[A-Z]", match.string[match.end():]):
            said += "."  # "9am-5pm." ends a sentence: its full stop is kept
        lead = self.words.time.split("{")[0].strip()  # "الساعة", "ora": not said twice when written before the time
        if lead and match.string[:match.start()].rstrip().endswith(lead) and said.startswith(lead):
            said = said[len(lead):].strip()
        return said

    def ranges(self, text: str) -> str:
        """'Llun-Gwener', '9am-5pm', '£50-£100': the dash of a range is the language's word for
        "to" (its file's `to`; none: the dash is left to the voice). Days are the locale's names
        from Babel, in full and abbreviated ("Dydd Gwener" or "Gwener", "pon.")."""
        if not self.words.to or self.locale is None:
            return text
        names = {part for width in ("wide", "abbreviated") for context in ("format", "stand-alone")
                 for name in get_day_names(width, context, locale=self.locale).values() for part in (str(name), str(name).split(" ")[-1])}
        days = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
        pattern = rf"(\d(?:%|\s?[ap]\.?m\b\.?)?|(?<!\w)(?:{days})(?!\w))\s*[–—-]\s*(?=[£€$]?\d|(?:{days})(?!\w))"
        return re.sub(pattern, rf"\1 {self.words.to} ", text, flags=re.IGNORECASE)

    def percent(self, match: re.Match[str]) -> str:
        number = self.fraction(match.group(1), match.group(2), "number") if match.group(2) else self.number(match.group(1), "number")
        return self.words.percent.format(number=number)

    def read(self, text: str) -> str:
        """Every rule, in an order where each sees what the one before left."""
        self.example = text
        if not has_words(self.tag):
            self.note("words")
        rule = self.rule
        text = ISO_DATE.sub(rule(lambda m: self.date(m.group(3), m.group(2), m.group(1)) or m.group(0)), text)
        text = NUMERIC_DATE.sub(rule(lambda m: self.date(m.group(1), m.group(3), m.group(4)) or m.group(0)), text)
        text = self.ranges(text)  # after the dates: "2025-04-01" is no range
        text = MONEY.sub(rule(self.money), text)
        text = PENCE.sub(rule(self.pence), text)
        text = PERCENT.sub(rule(self.percent), text)
        text = TIME.sub(rule(self.time), text)
        text = THOUSANDS.sub(rule(lambda m: self.number(m.group(0), "number")), text)
        if self.locale and self.locale.number_symbols.get("latn", self.locale.number_symbols).get("group") == ".":
            text = DOT_THOUSANDS.sub(rule(lambda m: self.number(m.group(0).replace(".", ""), "number")), text)
        text = DECIMAL.sub(rule(lambda m: self.fraction(m.group(1), m.group(2), "number")), text)
        return self.symbols(text)

    def symbols(self, text: str) -> str:
        """Symbols a voice drops or misreads, as the language's words."""
        text = text.replace("&", f" {self.words.and_} ").replace("@", f" {self.words.at} ")
        # "i/lub" is "i lub", "szkoła/uczelnia" is "szkoła lub uczelnia", "24/7" is "24 7".
        text = WORDS_SLASH.sub(lambda m: " " if self.words.or_ in self.around(text, m) or text[m.start() - 1].isdigit() else f" {self.words.or_} ", text)
        text = re.sub(r"(?<=\w)\*+|(?<!\*)\*+(?=\w)", "", text).replace("|", ", ").replace("_", " ")
        return text.replace("/", " ").replace("£", f" {self.plural(self.words.pound, 2)} ")

    @staticmethod
    def around(text: str, match: re.Match[str]) -> set[str]:
        """The words either side of a slash ("i/lub" -> {"i", "lub"})."""
        # A bounded stretch either side: a slash after every word of 100 KB must not read it all again.
        before = re.findall(r"\w+$", text[max(match.start() - 40, 0):match.start()])
        after = re.findall(r"^\w+", text[match.end():match.end() + 40])
        return set(before + after)


def spell_acronyms(text: str, lexicon: Lexicon) -> str:
    """'EHC' -> 'E H C' (shown as written): every voice names the letters in its language,
    where it would read the capitals as a word. The lexicon's entry, if any, says it instead."""
    def spelt(match: re.Match[str]) -> str:
        if lexicon.has(match.group(1)):
            return match.group(0)
        return said_as(match.group(0), " ".join(match.group(1)) + (f" {match.group(2)}" if match.group(2) else ""))

    return ACRONYM.sub(spelt, text)


def quiet_abbreviations(text: str, tag: str) -> str:
    """The full stop of the language's abbreviations ("godz.", "15 d.") is not given to the
    voice: it would pause there as at a sentence's end, and the audio's timings, split without
    knowing the language, would see one (writers/sentences.py)."""
    known = ABBREVIATIONS.get(base(tag))
    if not known:
        return text
    pattern = re.compile(r"(?<![\w.])(" + "|".join(re.escape(a) for a in sorted(known, key=len, reverse=True)) + r")\.(?=\s)", re.IGNORECASE)
    return pattern.sub(lambda m: said_as(m.group(0), m.group(1)), text)
