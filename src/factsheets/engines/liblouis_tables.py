"""Which liblouis table brailles a language: chosen from liblouis's own table metadata.

Each liblouis table file carries metadata lines (`#+language:pl`, `#+type:literary`,
`#+contraction:full`, `#+dots:6` …), and liblouis answers a query over them with
`lou_findTable`. The Python binding (Debian's python3-louis) does not wrap that
function or `lou_getTableInfo`, so they are called through the binding's ctypes
handle on liblouis.so.

`lou_findTable` ranks tables and returns the best, even when it matches badly (a query
for `language:en type:literary dots:6 contraction:no` returns Hebrew), and a bare
`language:pl` returns `pl-pl-comp8.ctb`, an 8-dot computer-braille table. So the answer
is read back with `lou_getTableInfo` and kept only if its language is the one asked for,
its type is literary and it is not 8-dot. Contracted braille is asked for first (what most
adult readers expect: UEB grade 2 for English, Welsh grade 2, Arabic and Urdu grade 2),
then partly contracted, then uncontracted, then any literary table of the language.

A language's tag is tried as written, then its base language, then the ISO 639-3
individual languages Babel aliases to it: liblouis tags its Mandarin tables `cmn`,
not `zh`. Measured with liblouis 3.24: cy → cy.tbl (contracted), pl → pl.tbl
(uncontracted, 6 dots), ar → ar-ar-g2.ctb, ur → ur-pk-g2.ctb, zh-Hans → zhcn-g2.ctb
(Chinese double-phonic braille); ro has only 8-dot computer braille and so has no
table, nor has so (Somali).
"""

from __future__ import annotations

import ctypes
import functools
from dataclasses import dataclass

from babel.core import get_global

from ..i18n import ENGLISH, babel_locale, gettext, language

QUERIES = (
    "type:literary dots:6 contraction:full",
    "type:literary contraction:full",
    "type:literary dots:6 contraction:partial",
    "type:literary dots:6 contraction:no",
    "type:literary contraction:no",
    "type:literary",
    "",
)


@dataclass(frozen=True)
class Table:
    path: str  # the table file liblouis found
    name: str  # its display name: "Welsh contracted braille"
    contraction: str  # "full", "partial", "no" or "" when its metadata does not say


def _liblouis() -> ctypes.CDLL:
    from .liblouis import louis

    library: ctypes.CDLL = louis().liblouis  # the binding's own handle on liblouis.so
    library.lou_findTable.restype = ctypes.c_char_p
    library.lou_findTable.argtypes = [ctypes.c_char_p]
    library.lou_getTableInfo.restype = ctypes.c_char_p
    library.lou_getTableInfo.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    library.lou_setLogLevel(40000)  # errors only: lou_findTable logs every "Best match" otherwise
    return library


def _info(library: ctypes.CDLL, table: bytes, key: str) -> str:
    value = library.lou_getTableInfo(table, key.encode())
    return value.decode().strip() if value else ""


def language_codes(tag: str) -> list[str]:
    """The codes liblouis may file a language under: `zh-Hans`, `zh`, then `cmn` …"""
    base = language(tag).base
    aliases = get_global("language_aliases")
    # Babel maps ISO 639-3 individual languages to their macrolanguage ("cmn" -> "zh"); sorted,
    # so the choice never depends on the order of Babel's data.
    individual = sorted(code for code, target in aliases.items() if target == base and code.isalpha() and len(code) == 3)
    return list(dict.fromkeys([tag, base, *individual]))


def _acceptable(library: ctypes.CDLL, found: bytes, code: str) -> bool:
    found_language = _info(library, found, "language").split("-")[0].lower()
    return (found_language == code.split("-")[0].lower() and _info(library, found, "type") == "literary"
            and _info(library, found, "dots") != "8")


@functools.cache
def literary_table(tag: str) -> Table | None:
    """The literary, 6-dot table for a language, contracted if there is one; None if liblouis has none."""
    library = _liblouis()
    for code in language_codes(tag):
        for query in QUERIES:
            found = library.lou_findTable(f"language:{code} {query}".strip().encode())
            if found and _acceptable(library, found, code):
                return Table(found.decode(), _info(library, found, "display-name") or found.decode(),
                             _info(library, found, "contraction"))
    return None


def table_for_language(tag: str) -> str | None:
    """The table a factsheet in this language is brailled with: contracted UEB (en-ueb-g2.ctb)
    for English, else the language's literary table; None if liblouis has none."""
    from .liblouis import CONTRACTED_UEB

    if language(tag).is_english:
        return CONTRACTED_UEB
    found = literary_table(tag)
    return found.path if found else None


_CONTRACTION_NAMES = {"full": "{language} braille, contracted", "partial": "{language} braille, contracted",
                      "no": "{language} braille, uncontracted"}


def code_name(tag: str, in_language: str = ENGLISH) -> str:
    """The braille code a factsheet in `tag` is brailled in, named in `in_language`: "Welsh
    braille, contracted", "Polish braille, uncontracted", "Arabic braille, contracted" in
    English (the manifest, `check`), "Braille Cymraeg, cyfangedig" on a Welsh title page.
    Whether it is contracted comes from the table's own metadata; a table that does not say
    (Chinese, Bengali) is named without it. "" if liblouis has no table for the language."""
    if language(tag).is_english:
        return gettext(in_language, "Contracted Unified English Braille")
    found = literary_table(tag)
    if found is None:
        return ""
    base = language(tag).base
    name = babel_locale(in_language).languages.get(base) or language(tag).english_name
    message = _CONTRACTION_NAMES.get(found.contraction, "{language} braille")
    return gettext(in_language, message, language=name)
