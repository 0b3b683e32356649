"""Emails, web addresses and UK phone numbers, said so they can be typed or dialled: one set
of rules for every language, with the language's words for "at", "dot", "slash"...
(spoken_words/<language>.yml).

No library spells these out: a voice reads a web address as one long word, drops the "_"
of an email and reads "01225 394382" as a number in the hundreds of thousands (espeak-ng
1.51). So a phone number becomes its digit groups, each digit on its own (every voice
names a lone digit in its language; an English voice says a nought "oh", as UK callers do),
and an address its parts with the separators said ("hyphen", the UK word, for "-").

A long address is not spelt to its end: a person reading a leaflet aloud says the site and
that the full address is in the text (the listener has it in print, on the web page and in
the EPUB), as they would not read "slash first hyphen tier hyphen tribunal hyphen special…".
"""

from __future__ import annotations

import re

from .lexicon import Lexicon, said_as
from .spoken_words import SpokenWords, words_for

# Parts of a domain people say as words; the rest of a short label is spelt.
SAID_AS_WORDS = {"org", "com", "net", "gov", "info"}
SPELT = {"uk", "www", "co", "ac", "eu", "tv"}
ENGLISH = words_for("en")
# Words after the site said in full ("gov.uk/disability-living-allowance-children"); a longer
# path (a fifth word, as in "…/special-educational-needs-and-disability") is not read out.
LONGEST_PATH_WORDS = 4
EXTENSION = re.compile(r",?\s(?:ext\.?|extension)\s?(\d+)$", re.IGNORECASE)


def digits_spaced(digits: str, words: SpokenWords | None = None) -> str:
    """'0300' -> '0 3 0 0'; with an English word list, '0' is said "oh" ("oh 3 oh oh")."""
    zero = words.phone_zero if words is not None else ""
    return " ".join(zero if digit == "0" and zero else digit for digit in digits)


def phone(number: str, words: SpokenWords = ENGLISH) -> str:
    """'01225 394382' -> '0 1 2 2 5, 3 9 4 3 8 2': digit groups, as it is dialled. An area
    code in brackets ("(0117) 922 2000") is the first group; an extension ("ext. 234") is said
    "extension 2 3 4" (English; another language's voice is given its digits after a pause),
    never "ext." then a new sentence at its full stop."""
    extension = EXTENSION.search(number)
    if extension:  # "extension" is English: another language's voice hears the digits after a pause
        return f"{phone(number[:extension.start()], words)}, {'extension ' if words.phone_zero else ''}{digits_spaced(extension.group(1), words)}"
    number = number.replace("(0)", " ").replace("+44", "+44 ").replace("(", "").replace(")", " ").strip()
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
        said.append(f"{words.plus} 4 4" if group == "+44" else digits_spaced(group, words))
    return ", ".join(said)


def postcode(code: str, words: SpokenWords = ENGLISH) -> str:
    """'BA1 5AW' -> 'B A 1, 5 A W', shown as written; an English voice says a lone "A" as the
    article, so it is given "eh", as the lexicon spells letters."""
    letters = [" ".join("eh" if c == "A" and words.phone_zero else c for c in part) for part in code.split()]
    return said_as(code, ", ".join(letters))


def domain_label(label: str, lexicon: Lexicon) -> str:
    lower = label.lower()
    if lexicon.has(lower):
        return lexicon.spoken_word(lower)
    if lower in SPELT:
        return " ".join(lower)
    if lower in SAID_AS_WORDS or len(lower) > 4:
        return lower
    return " ".join(lower) if lower.isalpha() else lower


def path_words(path: str, lexicon: Lexicon, words: SpokenWords = ENGLISH) -> str:
    """The part after the domain: words, with the separators said so it can be typed."""
    out = []
    for piece in re.split(r"([/_.-])", path):
        if piece in words.separators:
            out.append(words.separators[piece])
        elif piece:
            out.append(lexicon.spoken_word(piece.lower()) if lexicon.has(piece.lower()) else piece)
    return " ".join(out)


def is_long_path(path: str) -> bool:
    return len([piece for piece in re.split(r"[/_.?=&#-]+", path) if piece]) > LONGEST_PATH_WORDS


def address(url: str, lexicon: Lexicon, words: SpokenWords = ENGLISH) -> str:
    """A web address as someone would read it out to be typed: no http://, no final slash.
    A long one: its site, and that the full address is in the text."""
    for prefix in ("https://", "http://"):
        if url.lower().startswith(prefix):
            url = url[len(prefix):]
    url = url.rstrip("/")
    host, _, path = url.partition("/")
    said = f" {words.dot} ".join(domain_label(label, lexicon) for label in host.split("."))
    if path and words.long_address and is_long_path(path):
        return words.long_address.format(site=said)
    if path:
        said += f" {words.slash} " + path_words(path, lexicon, words)
    return said


def email(mail: str, lexicon: Lexicon, words: SpokenWords = ENGLISH) -> str:
    user, _, host = mail.partition("@")
    return f"{path_words(user, lexicon, words)} {words.at} {address(host, lexicon, words)}"
