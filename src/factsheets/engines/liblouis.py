"""liblouis, behind a thin adapter: print text in, BRF ASCII braille out, and back.

The binding is Debian's python3-louis (a ctypes wrapper over liblouis.so); the
PyPI package named `louis` is an unrelated project. scripts/setup.sh links the
binding into the virtual environment; where that link is missing, the binding
is loaded from Debian's own folder, so a venv made by hand still works.
Python's binding passes text to liblouis directly, which avoids the backslash
escapes the `lou_translate` command reads in its input.

English in a translation's braille, one rule for every language: words the document marks
as English (a Span in en-GB: untranslated organisation details, a glossary term left in
English, a line a translation kept in English) are brailled in contracted UEB, as an English
reader of braille reads them; computer material (web and email addresses) in uncontracted
UEB; letters the language's table does not define (Latin letters in the Arabic, Urdu,
Chinese, Bengali, Punjabi and Ukrainian tables) in UEB too. None of the tables liblouis 3.24
has for the twelve languages defines a switch indicator between its code and UEB, so none
is written. English words a translator typed into the text without marking them are the
language's words to its table (Welsh contractions on an English name): mark them English.
Before a language's table sees the text, liblouis_text.py puts it in the forms the table
translates (a letter with its nukta as one character, the danda as the full stop).
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from ..errors import EngineMissing
from .liblouis_text import prepare, restore_spaces

PACKAGES = "liblouis-bin liblouis-data python3-louis"
DEBIAN_BINDING = Path("/usr/lib/python3/dist-packages/louis/__init__.py")
CONTRACTED_UEB = "en-ueb-g2.ctb"
UNCONTRACTED_UEB = "en-ueb-g1.ctb"  # for reading back words after a grade 1 indicator
BRF_DISPLAY = "en-us-brf.dis"
TABLES = [BRF_DISPLAY, CONTRACTED_UEB]

# Braille cells in Unicode order (U+2800 + dots bit pattern) as BRF ASCII shows them:
# the North American ASCII braille that en-us-brf.dis also uses.
BRF_CELLS = " A1B'K2L@CIF/MSP\"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)="
_BRF_RUNS = re.compile("[" + re.escape(BRF_CELLS + BRF_CELLS.lower()) + "]+")
_DOT_RUNS = re.compile("[\u2800-\u283f]+")


def _missing(reason: str) -> EngineMissing:
    return EngineMissing(
        f"liblouis is not installed ({reason}): install the Debian packages {PACKAGES} "
        f"(sudo apt-get install {PACKAGES}), or run scripts/setup.sh"
    )


@functools.cache
def louis() -> ModuleType:
    """The `louis` module, or EngineMissing naming the packages to install."""
    try:
        module = importlib.import_module("louis")  # the venv's link to Debian's binding
    except ImportError:
        if not DEBIAN_BINDING.is_file():
            raise _missing("no Python binding `louis`") from None
        spec = importlib.util.spec_from_file_location("louis", DEBIAN_BINDING)
        if spec is None or spec.loader is None:  # a file that is not Python
            raise _missing(f"{DEBIAN_BINDING} is no Python binding") from None
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
        except OSError as error:  # liblouis.so itself is missing
            raise _missing(str(error)) from error
        sys.modules.setdefault("louis", module)
    except OSError as error:
        raise _missing(str(error)) from error
    try:
        module.checkTable(TABLES)
    except RuntimeError as error:
        raise _missing(f"cannot load the tables {', '.join(TABLES)}") from error
    return module


def engine_version() -> str:
    try:
        return f"liblouis {louis().version().split(',')[0]}"
    except EngineMissing:
        return "liblouis missing"


@dataclass(frozen=True)
class Translation:
    braille: str  # BRF ASCII
    source_of_cell: list[int]  # for each braille cell, the index of the print character it came from
    # Print stretches (start, end) that are computer material (web addresses, emails, file
    # names), written uncontracted: line breaking treats them by UEB's rules for those.
    computer: tuple[tuple[int, int], ...] = ()


# liblouis typeforms, one a print character: the values of liblouis.h's formtype.
PLAIN = 0
ITALIC = 1  # emph_1, which the UEB tables show with UEB's italic indicators
BOLD = 4  # emph_3, UEB's bold indicators
NO_CONTRACT = 0x1000  # no_contract: uncontracted (grade 1) letters
ENGLISH = 0x10000  # ours, not liblouis's: English words in another language's text, brailled in UEB


def translate(text: str, typeform: list[int] | None = None, table: str = CONTRACTED_UEB) -> Translation:
    """Print text to braille, as BRF ASCII, with where each cell came from: contracted UEB,
    or another language's `table` (see liblouis_tables.py). `typeform` gives each print
    character's emphasis or NO_CONTRACT. In another language's table, a stretch of characters
    the table does not define (English words in an Urdu table, which has no Latin letters)
    is brailled in UEB, as the rest of an English word would be."""
    if table == CONTRACTED_UEB:
        return _translate_ueb(text, typeform)
    # The forms the table translates (a letter with its nukta as one character, the danda as
    # the table's full stop: liblouis_text.py), each pointing back at its print character.
    printed = text
    text, origin = prepare(printed, lambda part: _defines(part, table))
    typeform = [typeform[i] for i in origin] if typeform else None
    # Computer material (NO_CONTRACT: web and email addresses) is written in uncontracted UEB
    # whatever the language, so that it reads back, and is typed, exactly as printed.
    in_ueb = {index for index, form in enumerate(typeform or ()) if form & (NO_CONTRACT | ENGLISH)}
    typeform = [form & ~ENGLISH for form in typeform] if typeform else None
    while True:
        translation = _translate_runs(text, typeform, table, in_ueb)
        # A table may still write an 8-dot cell for a character it defines alone but not in
        # context ('@' in the Welsh table): that character goes to UEB, and the text again.
        eight_dot = {translation.source_of_cell[i] for i, c in enumerate(translation.braille) if c not in BRF_CELLS}
        if not eight_dot or eight_dot <= in_ueb:
            break
        in_ueb |= eight_dot
    sources = [origin[s] if s < len(origin) else len(printed) for s in translation.source_of_cell]
    return Translation(*restore_spaces(printed, translation.braille, sources))


def _translate_runs(text: str, typeform: list[int] | None, table: str, in_ueb: set[int]) -> Translation:
    braille: list[str] = []
    sources: list[int] = []
    for start, end, run_table in _runs(text, table, in_ueb):
        forms = list(typeform[start:end]) if typeform else None
        if run_table == CONTRACTED_UEB:
            run = _translate_ueb(text[start:end], forms)
            cells, run_sources = run.braille, run.source_of_cell
        else:
            # Cells as dot patterns (Unicode braille), then BRF ASCII: the same North American
            # ASCII braille for every language, whatever display table a language's table names.
            module = louis()
            dots, run_sources, _cells_of, _cursor = module.translate([run_table], text[start:end], typeform=forms, mode=module.dotsIO | module.ucBrl)
            cells = from_unicode(dots)
        braille.append(cells)
        sources += [start + source for source in run_sources]
    return Translation("".join(braille), sources)


def _translate_ueb(text: str, typeform: list[int] | None) -> Translation:
    forms = [form & ~ENGLISH for form in typeform] if typeform else None
    braille, source_of_cell, _cell_of_source, _cursor = louis().translate(TABLES, text, typeform=forms)
    return Translation(braille, list(source_of_cell))


def _runs(text: str, table: str, in_ueb: set[int]) -> list[tuple[int, int, str]]:
    """`text` in stretches, each with the table that brailles it: the language's, or UEB for
    letters only UEB defines (with the spaces between them, so a name stays one stretch)."""
    def foreign(index: int) -> bool:
        character = text[index]
        return index in in_ueb or (not can_translate(character, table) and can_translate(character))

    runs: list[tuple[int, int, str]] = []
    for index, character in enumerate(text):
        kind = CONTRACTED_UEB if foreign(index) else table
        if character == " " and runs and runs[-1][2] == CONTRACTED_UEB and index + 1 < len(text) and foreign(index + 1):
            kind = CONTRACTED_UEB
        if runs and runs[-1][2] == kind:
            runs[-1] = (runs[-1][0], index + 1, kind)
        else:
            runs.append((index, index + 1, kind))
    return runs


def back_translate(brf: str, table: str = CONTRACTED_UEB) -> str:
    """BRF ASCII braille back to print, as liblouis reads it with a language's table."""
    if table == CONTRACTED_UEB:
        return str(louis().backTranslateString(TABLES, brf))
    module = louis()
    return str(module.backTranslateString([table], to_unicode(brf), mode=module.ucBrl))


@functools.cache
def can_translate(character: str, table: str = CONTRACTED_UEB) -> bool:
    """Whether a table brailles a character (or a letter and its marks), in the form
    `translate` gives it to the table: a danda as the table's full stop, य़ as one character."""
    if table != CONTRACTED_UEB:
        character = prepare(character, lambda part: _defines(part, table))[0]
    return _defines(character, table)


@functools.cache
def _defines(text: str, table: str) -> bool:
    """Whether a table defines every character of a text. liblouis writes an undefined one as
    an escape such as '\\x1f600' in cells with dot 7, which no reader can make sense of."""
    module = louis()
    cells = module.translateString([table], text, mode=module.dotsIO | module.ucBrl)
    return bool(cells) and all(0x2800 <= ord(c) <= 0x283F for c in cells)


def to_dots(brf: str) -> str:
    """BRF ASCII to Unicode braille (U+2800–U+283F) through liblouis's own display table,
    as PEF wants its rows; a space is the blank cell U+2800."""
    module = louis()
    return module.charToDots([BRF_DISPLAY], brf.upper(), mode=module.ucBrl) if brf else ""


def to_unicode(brf: str) -> str:
    """BRF ASCII to Unicode braille (U+2800–U+283F), cell for cell, through liblouis's display
    table; other characters (line ends, page breaks) kept as they are."""
    return _BRF_RUNS.sub(lambda run: to_dots(run.group()), brf)


def from_unicode(cells: str) -> str:
    """Unicode braille back to BRF ASCII through the same display table; other characters kept."""
    module = louis()
    return _DOT_RUNS.sub(lambda run: module.dotsToChar([BRF_DISPLAY], run.group()), cells)
