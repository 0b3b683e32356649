"""Money, ranges, dates and references in running text -> the words people say.

espeak-ng (1.51, en-gb) reads "£1" as "pound one", "£2.50" as "pound two point five
zero", a spaced dash between numbers as a pause ("9.45 – 9.52" -> "9.45, 9.52"),
"21/06/2021" as "twenty one slash zero six slash ...", and "(1)(a)" with a long
silence and a schwa. Money is therefore written out here in words ("two pounds
fifty"): the amount has to be reordered and its unit made singular or plural,
and words leave nothing for the engine to guess. Other numbers stay as digits,
which espeak-ng reads as people do ("2014" -> "two thousand and fourteen",
"11.67" -> "eleven point six seven"), and which keep the transcript easy to read.
"""

from __future__ import annotations

import re

from .lexicon import said_as

ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand"))
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTH = "|".join(MONTHS) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
SHORT_DAY = r"Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun"
WEEKDAY = "|".join(WEEKDAYS) + "|" + SHORT_DAY
# (unit, plural, small unit, small plural) for each currency sign.
CURRENCIES = {"£": ("pound", "pounds", "penny", "pence"), "€": ("euro", "euros", "cent", "cents"), "$": ("dollar", "dollars", "cent", "cents")}
MULTIPLIERS = {"k": "thousand", "m": "million", "bn": "billion", "thousand": "thousand", "million": "million", "billion": "billion"}

NUMBER = r"\d{1,3}(?:,\d{3})+|\d+"
MONEY = re.compile(rf"([£€$])\s?({NUMBER})(?:\.(\d{{1,2}}))?(?:\s?(k|m|bn|thousand|million|billion)\b)?", re.IGNORECASE)
PENCE = re.compile(r"\b(\d+)p\b")
# A dash between two numbers, amounts, days or months is read "to" ("9.45 – 9.52", "Monday-Friday").
RANGE = re.compile(rf"(\d(?:st|nd|rd|th|p|%)?|\b(?:{MONTH}|{WEEKDAY})\b\.?)\s*[–—-]\s*(?=[£€$]?\d|(?:{MONTH}|{WEEKDAY})\b)")
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH})\b")
DAY_RANGE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:[–—-]|to)\s*(\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH})\b)")
MONTH_DAY = re.compile(rf"\b({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:[.:]\d|%))")
# With dots, only a four-digit year: "9.2.14" is a paragraph number.
SLASH_DATE = re.compile(r"\b(\d{1,2})(?:/(\d{1,2})/(\d{4}|\d{2})|\.(\d{1,2})\.(\d{4}))\b(?![./]\d)")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
MONTH_YEAR = re.compile(r"\b(\d{1,2})/(\d{4})\b")
# "3:1", "30:1": a ratio, said "3 to 1". Not a time ("10:30": two digits after the colon, an hour before).
RATIO = re.compile(r"(?<![\d.:])(\d+):(\d+)(?![\d:]|\.\d)")
FRACTIONS = {"1/2": "a half", "1/4": "a quarter", "3/4": "three quarters", "1/3": "a third", "2/3": "two thirds", "24/7": "24 7"}
FRACTION = re.compile(r"(?<![\d/])(" + "|".join(re.escape(f) for f in FRACTIONS) + r")(?![\d/])")
# "section 42(2)(a)" -> "section 42 2 a": the brackets of a legal reference are not said.
SUBSECTION = re.compile(r"(?<=\d)((?:\((?:\d{1,3}|[a-z]{1,3})\))+)")
ABBREVIATIONS = [
    (re.compile(r"\bparas?\.?\s?(?=\d)", re.IGNORECASE), lambda m: "paragraphs " if m.group(0).lower().startswith("paras") else "paragraph "),
    (re.compile(r"\bpp\.\s?(?=\d)"), lambda m: "pages "),
    (re.compile(r"(?<![\d£'])\bp\.\s?(?=\d)"), lambda m: "page "),
    (re.compile(r"(?<!')\bs\.\s?(?=\d)"), lambda m: "section "),
    (re.compile(r"\bss\.\s?(?=\d)"), lambda m: "sections "),
    (re.compile(r"\bch\.\s?(?=\d)", re.IGNORECASE), lambda m: "chapter "),
    (re.compile(r"\breg\.\s?(?=\d)", re.IGNORECASE), lambda m: "regulation "),
    (re.compile(r"\b(?:N|n)o\.\s?(?=\d)"), lambda m: "number "),
    (re.compile(r"\bNos\.\s?(?=\d)", re.IGNORECASE), lambda m: "numbers "),
    (re.compile(r"\bi\.e\.,?", re.IGNORECASE), lambda m: "that is"),
    (re.compile(r"\be\.g\.,?", re.IGNORECASE), lambda m: "for example"),
    (re.compile(r"\bapprox\.", re.IGNORECASE), lambda m: "approximately"),
    (re.compile(r"\bvs?\.?(?=\s)"), lambda m: "versus"),
]


def number_words(n: int) -> str:
    """2_250 -> 'two thousand two hundred and fifty', as it is said in Britain."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + (f"-{ONES[n % 10]}" if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return f"{ONES[n // 100]} hundred" + (f" and {number_words(rest)}" if rest else "")
    for size, name in SCALES:
        if n >= size:
            head, rest = divmod(n, size)
            said = f"{number_words(head)} {name}"
            if rest:
                said += (" and " if rest < 100 else " ") + number_words(rest)
            return said
    raise AssertionError(n)


# Past a thousand billion an amount is no longer said as one number (and past 4,300 digits
# int() refuses it): its digits are said one by one.
LONGEST_SAID = 15


def said_number(digits: str) -> str:
    if len(digits) > LONGEST_SAID:
        return " ".join(ONES[int(d)] for d in digits)
    return number_words(int(digits))


def money(match: re.Match[str]) -> str:
    """'£1,200' -> 'one thousand two hundred pounds'; '£2.50' -> 'two pounds fifty'; '£1.5m' -> 'one point five million pounds'."""
    unit, units, small, smalls = CURRENCIES[match.group(1)]
    digits = match.group(2).replace(",", "")
    if len(digits) > LONGEST_SAID:
        return f"{said_number(digits)} {units}"
    whole = int(digits)
    fraction = match.group(3)
    multiplier = match.group(4)
    if multiplier:
        said = number_words(whole) + (" point " + " ".join(ONES[int(d)] for d in fraction) if fraction else "")
        return f"{said} {MULTIPLIERS[multiplier.lower()]} {units}"
    cents = int(fraction.ljust(2, "0")) if fraction else 0
    if whole == 0 and cents:
        return f"{number_words(cents)} {small if cents == 1 else smalls}"
    said = f"{number_words(whole)} {unit if whole == 1 else units}"
    if 0 < cents < 10:  # "£24.04": "twenty-four pounds four" would be heard as £24.40
        return f"{said} and {number_words(cents)} {small if cents == 1 else smalls}"
    return said + (f" {number_words(cents)}" if cents else "")


def pence(match: re.Match[str]) -> str:
    if len(match.group(1)) > LONGEST_SAID:
        return f"{said_number(match.group(1))} pence"
    amount = int(match.group(1))
    return f"{number_words(amount)} {'penny' if amount == 1 else 'pence'}"


def ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def month_name(written: str) -> str:
    return next(name for name in MONTHS if name.lower().startswith(written.lower()[:3]))


def full_year(year: str) -> str:
    return year if len(year) == 4 else f"20{year}"


def date(day: str, month: str, year: str) -> str:
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return f"{day}/{month}/{year}"
    return f"{ordinal(int(day))} {MONTHS[int(month) - 1]} {full_year(year)}"


def dates(text: str) -> str:
    """Dates as they are said: '21/06/2021' and '2021-06-21' -> '21st June 2021'; '1-3 June' -> '1st to 3rd June'."""
    text = DAY_RANGE.sub(lambda m: f"{ordinal(int(m.group(1)))} to {m.group(2)}" if 1 <= int(m.group(1)) <= 31 else m.group(0), text)
    text = ISO_DATE.sub(lambda m: date(m.group(3), m.group(2), m.group(1)), text)
    text = SLASH_DATE.sub(lambda m: date(m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)), text)
    text = MONTH_YEAR.sub(lambda m: f"{MONTHS[int(m.group(1)) - 1]} {m.group(2)}" if 1 <= int(m.group(1)) <= 12 else m.group(0), text)
    text = DAY_MONTH.sub(lambda m: f"{ordinal(int(m.group(1)))} {month_name(m.group(2))}" if 1 <= int(m.group(1)) <= 31 else m.group(0), text)
    return MONTH_DAY.sub(lambda m: f"{month_name(m.group(1))} {ordinal(int(m.group(2)))}" if 1 <= int(m.group(2)) <= 31 else m.group(0), text)


def day_name(short: str) -> str:
    return next(day for day in WEEKDAYS if day.lower().startswith(short.lower()[:3]))


def weekdays(text: str) -> str:
    """'Mon' -> 'Monday' where it cannot be another word ("Sat", "Wed", "Sun"): beside a dash,
    "to", "on", a day's number or a comma, or at a sentence's end; days joined by slashes
    ("Tue/Thu") -> 'Tuesday and Thursday', in the transcript too."""
    def full(match: re.Match[str]) -> str:
        days = re.findall(SHORT_DAY, match.group(0))
        before, after = text[max(match.start() - 7, 0):match.start()], text[match.end():match.end() + 4]
        if len(days) == 1 and not (re.search(r"(?:[–—-]|\b(?:to|on|every|from|and|or)|,)\s*$", before)
                                   or re.match(r"\s*(?:[–—-]|to\b|\d|,|;|\)|$)", after) or match.group(0).endswith(".")):
            return match.group(0)
        said = [day_name(day) for day in days]
        listed = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
        # The full stop of "on Sat." that ends a sentence stays; that of "Tues. 5 March" goes.
        return listed + ("." if match.group(0).endswith(".") and re.match(r"\s+[A-Z]|\s*$", after) else "")

    return re.sub(rf"\b(?:{SHORT_DAY})\b\.?(?:/(?:{SHORT_DAY})\b\.?)*", full, text)


def subsection(match: re.Match[str]) -> str:
    """'(1)(a)' -> ' 1 a', the letter said by its name: espeak-ng says a lone "a" as the article, "eh" as the letter."""
    parts = re.findall(r"\((\w+)\)", match.group(1))
    return " " + " ".join(said_as(p, "eh") if p == "a" else p for p in parts)


def amounts(text: str) -> str:
    """Every rule of this module, in an order where each sees what the one before left."""
    for pattern, said in ABBREVIATIONS:
        text = pattern.sub(said, text)
    text = dates(weekdays(text))
    text = FRACTION.sub(lambda m: FRACTIONS[m.group(1)], text)
    text = RATIO.sub(lambda m: m.group(0) if len(m.group(2)) == 2 and int(m.group(1)) < 24 else f"{m.group(1)} to {m.group(2)}", text)
    text = SUBSECTION.sub(subsection, text)
    text = RANGE.sub(r"\1 to ", text)
    text = MONEY.sub(money, text)
    return PENCE.sub(pence, text)
