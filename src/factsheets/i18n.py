"""Languages: what the tool knows about a factsheet's language, and the fixed words it writes.

A factsheet's `language:` is a BCP 47 tag (`en-GB`, `cy`, `pl`, `ar`, `ur`, `zh-Hans`).
Names, script direction and codes come from Babel (CLDR data), never from a table of our
own. The fixed words every format writes around the author's text ("Glossary", "Page 1 of
4", "End of quotation"…) are gettext messages: English in the code, one catalogue per
language in `locales/<language>.po`, read with Babel's PO reader (no compile step, so a
translator's edit shows on the next build). A message a catalogue lacks stays English:
callers that mark language per block can ask `has_message` to know which it got.

Language tags are case-insensitive (BCP 47): `zh-hans`, `ZH-Hans` and `zh-Hans` are one
language. `canonical_tag` writes a tag in BCP 47's usual case (language lower, script title,
region upper), the form catalogue files are named in, and every lookup here goes through it.

Interface (shared by every writer):
    language(tag) -> Language            names, direction, codes
    gettext(tag, message, **values)       the message in that language, formatted
    has_message(tag, message) -> bool     whether the catalogue translates it
    has_catalogue(tag) -> bool            whether the language has a catalogue at all
    canonical_tag(tag) -> str             'zh-hans' -> 'zh-Hans', 'EN-gb' -> 'en-GB'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.pofile import read_po

from . import model as m

LOCALES = Path(__file__).with_name("locales")
ENGLISH = "en-GB"


@dataclass(frozen=True)
class Language:
    tag: str  # as the author wrote it, e.g. "zh-Hans"
    base: str  # the language subtag, e.g. "zh"
    english_name: str  # "Chinese (Simplified)"
    autonym: str  # the language's name for itself: "中文 (简体)"
    direction: str  # "ltr" or "rtl"

    @property
    def is_english(self) -> bool:
        return self.base == "en"


@lru_cache(maxsize=None)
def _locale(tag: str) -> Locale | None:
    try:
        return Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError):
        try:
            return Locale.parse(tag.split("-")[0])
        except (UnknownLocaleError, ValueError):
            return None


def babel_locale(tag: str) -> Locale:
    """Babel's locale for a tag (English for a tag Babel does not know), for dates and numbers."""
    return _locale(tag) or Locale.parse("en_GB")


@lru_cache(maxsize=None)
def language(tag: str) -> Language:
    """What Babel knows about a tag; an unknown tag still gets a usable, left-to-right answer."""
    locale = _locale(tag)
    base = tag.split("-")[0].lower()
    if locale is None:
        return Language(tag, base, tag, tag, "ltr")
    english = locale.get_display_name("en") or tag
    autonym = locale.get_display_name(locale) or english
    direction = "rtl" if locale.character_order == "right-to-left" else "ltr"
    return Language(tag, base, english, autonym, direction)


def canonical_tag(tag: str) -> str:
    """A BCP 47 tag in its usual case: the language lower case, a four-letter script title
    case, a region upper case, anything else lower case, and every subtag after a singleton
    (`x-`, `u-`) lower case (RFC 5646 section 2.1.1). Tags are case-insensitive, so this
    changes no meaning: it makes `zh-hans` find the catalogue `zh-Hans.po`."""
    parts = tag.strip().replace("_", "-").split("-")
    canonical = [parts[0].lower()]
    extension = False
    for part in parts[1:]:
        extension = extension or len(part) == 1
        if not extension and len(part) == 4 and part.isalpha():
            canonical.append(part.title())
        elif not extension and (len(part) == 2 and part.isalpha() or len(part) == 3 and part.isdigit()):
            canonical.append(part.upper())
        else:
            canonical.append(part.lower())
    return "-".join(canonical)


def _catalogue_names(tag: str) -> list[str]:
    """The catalogues to try, most specific first: zh-Hans-CN, zh-Hans, zh."""
    parts = canonical_tag(tag).split("-")
    return ["-".join(parts[:n]) for n in range(len(parts), 0, -1)]


@lru_cache(maxsize=None)
def _catalogue(name: str) -> dict[str, str]:
    path = LOCALES / f"{name}.po"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    return {str(m.id): str(m.string) for m in catalogue if m.id and isinstance(m.string, str) and m.string}


def _lookup(tag: str, message: str) -> str | None:
    for name in _catalogue_names(tag):
        found = _catalogue(name).get(message)
        if found:
            return found
    return None


def has_catalogue(tag: str) -> bool:
    """Whether any catalogue serves the language (English needs none)."""
    return language(tag).is_english or any(_catalogue(name) for name in _catalogue_names(tag))


def has_message(tag: str, message: str) -> bool:
    return language(tag).is_english or _lookup(tag, message) is not None


def about_language(tag: str, message: str) -> str:
    """`message` about the language of `tag` ("... no voice for {language}"), in that language:
    the language named as it names itself ("Soomaali", "română"), or by its English name
    where the catalogue leaves the sentence English."""
    found = language(tag)
    return gettext(tag, message, language=found.autonym if _lookup(tag, message) else found.english_name)


def gettext(tag: str, message: str, **values: object) -> str:
    """`message` in the language of `tag` (English when no catalogue has it), with `{name}`
    fields filled from `values` after translation, so translators can move them."""
    text = _lookup(tag, message) or message
    return text.format(**values) if values else text


# Appended for the writers (helper "langwriters"): scripts and ISO 639-2 codes ---------------

@lru_cache(maxsize=None)
def script(tag: str) -> str:
    """The ISO 15924 script a language is usually written in ("Latn", "Arab", "Hans"), from
    CLDR's likely subtags; an explicit script subtag ("zh-Hans") wins."""
    from babel.core import get_global

    parts = tag.replace("_", "-").split("-")
    explicit = next((p.title() for p in parts[1:] if len(p) == 4 and p.isalpha()), None)
    if explicit:
        return explicit
    likely = get_global("likely_subtags").get(parts[0].lower(), "")
    found = next((p for p in likely.split("_")[1:] if len(p) == 4), None)
    return found or "Latn"


@lru_cache(maxsize=None)
def iso639_2(tag: str) -> str:
    """The ISO 639-2 code for a language (an MP3's TLAN frame): "cy" -> "cym", "zh-Hans" -> "zho".

    From Babel's language aliases, which map every three-letter code of a language to its
    two-letter one: for Welsh both ISO 639-2 codes, "cym" (terminology) and "wel"
    (bibliographic), for Chinese also "cmn", an ISO 639-3 individual language. The code
    chosen is the one that shares the longest start with the two-letter code, then the first
    in alphabetical order: that is the terminology code (cym, zho, deu, fra, ron, ces), the one
    ID3 and most players use, never the bibliographic one (wel, chi, ger, fre, rum, cze) nor an
    individual language's (cmn, arb). A language with no three-letter alias keeps its tag's base.
    """
    from babel.core import get_global

    base = language(tag).base
    codes = sorted(code for code, target in get_global("language_aliases").items()
                   if target == base and len(code) == 3 and code.isalpha())
    if not codes:
        return base

    def shared_start(code: str) -> int:
        return next((n for n in range(len(base), 0, -1) if code.startswith(base[:n])), 0)

    return max(codes, key=lambda code: (shared_start(code), -codes.index(code)))


def display_month(date: str, language: str = ENGLISH) -> str:
    """'2021-06' -> 'June 2021' ('Mehefin 2021' in Welsh, '2021年6月' in Chinese): the month
    and year as CLDR writes them in that language (Babel's skeleton yMMMM)."""
    import datetime as dt

    from babel.dates import format_skeleton

    year, _, month = date.partition("-")
    if not (year.isdigit() and month[:2].isdigit() and 1 <= int(month[:2]) <= 12):
        return date
    return format_skeleton("yMMMM", dt.date(int(year), int(month[:2]), 1), locale=babel_locale(language))


def marked_language(nodes: tuple[m.Inline, ...] | list[m.Inline]) -> str | None:
    """The language every word of some inlines is marked as being in (one Span's, perhaps under
    bold), or None: a line a translation left in English, which braille and audio then give in
    English as a whole."""
    spans = [n for n in nodes if not (isinstance(n, m.Text) and not n.text.strip())]
    while len(spans) == 1 and isinstance(spans[0], (m.Strong, m.Emphasis)):
        spans = [n for n in spans[0].children if not (isinstance(n, m.Text) and not n.text.strip())]
    tags = {n.language for n in spans if isinstance(n, m.Span)}
    return tags.pop() if spans and len(tags) == 1 and all(isinstance(n, m.Span) for n in spans) else None
