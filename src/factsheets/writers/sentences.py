"""Sentences of a text, for read-along timings and the checks: where each one starts and ends.

The one splitter for every format: the same function is used on what the audio says (the
script's utterances) and on what the EPUB and the web page show (a block's written words),
so that the two agree on how many sentences a paragraph has wherever the words allow it.

Sentence ends are ICU's (PyICU's BreakIterator, Unicode's sentence rules, UAX #29, with
CLDR's data for the language): a full stop, question or exclamation mark in any script
(Chinese 。？！, Arabic ؟, Urdu ۔, the danda । of Bengali and Punjabi), with no capital
letter needed after it, and no break before a lower-case word ("e.g. by post"). Then a break
is taken back where the word before it is an abbreviation of the language (Polish "godz.",
Lithuanian "15 d.", English "Mr.") or is the number that starts a numbered item ("1. Ask").
The abbreviations are kept below, a list a language; text of no known language (the audio's
utterances, whose timings are made without their language) uses every list's abbreviations
of two letters or more, since a single letter ("d.") ends sentences in other languages.
"""

from __future__ import annotations

from functools import lru_cache

import icu

# The ids of what the audio says that no block of the document has: the title, the spoken
# introduction (heard where the summary is shown) and "End of factsheet.". The EPUB gives its
# elements these ids, so that its media overlay plays every sentence of the recording.
TITLE_ID, SUMMARY_ID, END_ID = "title", "fs-summary", "fs-end"

# Written without the final full stop, in lower case. A language's list is used with English's
# (English words and abbreviations stay in translations). Not the year's "r." (Polish) or "р."
# (Ukrainian) or "m." (Lithuanian), nor "itd." (etc.), "zł" or "mln": they mostly end a sentence where they are
# followed by a capital, and a lower-case word after them never splits.
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"e.g", "i.e", "etc", "eg", "ie", "mr", "mrs", "ms", "dr", "no", "st", "vs", "cf", "para", "ref", "approx", "tel", "ext", "nos"}),
    "cy": frozenset({"e.e", "h.y", "rhif", "ffôn", "st", "dr"}),
    "pl": frozenset({"godz", "ul", "np", "tj", "tel", "nr", "m.in", "ok", "pkt", "wg", "zob", "ds", "prof", "dr", "mgr", "inż", "al", "pl", "ust", "art", "im", "tzw"}),
    "lt": frozenset({"d", "val", "pvz", "tel", "nr", "g", "t.y", "p", "gyd", "prof", "dr", "str", "pan", "a"}),
    "ro": frozenset({"nr", "str", "tel", "dl", "dna", "dvs", "ex", "pag", "art", "alin", "bd", "sos", "prof", "dr"}),
    "pt": frozenset({"sr", "sra", "dr", "dra", "n.º", "nº", "tel", "pág", "art", "av", "ex", "p.ex", "prof", "r"}),
    "uk": frozenset({"вул", "тел", "див", "напр", "т.зв", "с", "ст", "п", "проф", "д", "пл", "буд", "кв"}),
    "so": frozenset({"tel", "tus", "mar", "tir"}),
}


@lru_cache(maxsize=None)
def abbreviations(language: str | None) -> frozenset[str]:
    if language is None:
        return frozenset(a for words in ABBREVIATIONS.values() for a in words if len(a.replace(".", "")) > 1)
    base = language.replace("_", "-").split("-")[0].lower()
    return ABBREVIATIONS["en"] | ABBREVIATIONS.get(base, frozenset())


def _breaks(text: str, language: str | None) -> list[int]:
    """ICU's sentence boundaries (offsets in Python characters) inside the text."""
    locale = icu.Locale((language or "und").replace("-", "_"))
    iterator = icu.BreakIterator.createSentenceInstance(locale)
    iterator.setText(icu.UnicodeString(text))
    # ICU counts UTF-16 code units: a character outside the BMP (an emoji, a rare Han) is two.
    units_to_chars, unit = {}, 0
    for index, char in enumerate(text):
        units_to_chars[unit] = index
        unit += 2 if ord(char) > 0xFFFF else 1
    units_to_chars[unit] = len(text)
    return [units_to_chars[b] for b in iterator if units_to_chars.get(b, 0) < len(text)]


def _taken_back(before: str, known: frozenset[str], whole: bool) -> bool:
    """Whether a break after these words is no sentence end: an abbreviation, or an item's
    number. `before` is the end of the sentence so far (a bounded stretch: a text of a
    hundred thousand breaks taken back must not be read again at each); `whole` says it is
    all of it."""
    words = before.split()
    if not words:
        return False  # spaces and line ends alone: dropped as no sentence
    last = words[-1].rstrip("\"'”’»)]")
    if not last.endswith("."):
        return False
    word = last[:-1].lstrip("\"'“‘«([").lower()
    return word in known or (whole and len(words) == 1 and word.isdigit())


LOOK_BACK = 80  # characters: longer than any abbreviation or item number with its spaces


def sentence_spans(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence, without surrounding spaces.
    `language` is a BCP 47 tag ("pl", "zh-Hans"); None: a text of no known language."""
    known = abbreviations(language)
    spans = []
    start = 0
    for boundary in _breaks(text, language):
        if _taken_back(text[max(start, boundary - LOOK_BACK):boundary], known, boundary - start <= LOOK_BACK):
            continue
        spans.append((start, boundary))
        start = boundary
    spans.append((start, len(text)))
    return [_stripped(text, a, b) for a, b in spans if text[a:b].strip()]


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str, language: str | None = None) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text, language)]
