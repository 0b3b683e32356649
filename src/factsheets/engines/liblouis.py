"""liblouis, behind a thin adapter: print text in, BRF ASCII braille out, and back.

The binding is Debian's python3-louis (a ctypes wrapper over liblouis.so); the
PyPI package named `louis` is an unrelated project. scripts/setup.sh links the
binding into the virtual environment; where that link is missing, the binding
is loaded from Debian's own folder, so a venv made by hand still works.
Python's binding passes text to liblouis directly, which avoids the backslash
escapes the `lou_translate` command reads in its input.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import EngineMissing

PACKAGES = "liblouis-bin liblouis-data python3-louis"
DEBIAN_BINDING = Path("/usr/lib/python3/dist-packages/louis/__init__.py")
CONTRACTED_UEB = "en-ueb-g2.ctb"
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
def louis():
    """The `louis` module, or EngineMissing naming the packages to install."""
    try:
        import louis as module  # the venv's link to Debian's binding
    except ImportError:
        if not DEBIAN_BINDING.is_file():
            raise _missing("no Python binding `louis`") from None
        spec = importlib.util.spec_from_file_location("louis", DEBIAN_BINDING)
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


def translate(text: str, typeform: list[int] | None = None) -> Translation:
    """Print text to contracted UEB, as BRF ASCII, with where each cell came from.
    `typeform` gives each print character's emphasis or NO_CONTRACT."""
    braille, source_of_cell, _cell_of_source, _cursor = louis().translate(TABLES, text, typeform=list(typeform) if typeform else None)
    return Translation(braille, list(source_of_cell))


def back_translate(brf: str) -> str:
    """BRF ASCII braille back to print, as liblouis reads it."""
    return louis().backTranslateString(TABLES, brf)


@functools.cache
def can_translate(character: str) -> bool:
    """Whether the tables define a character. liblouis writes an undefined one as an
    escape such as '\\x1f600' in cells with dot 7, which no reader can make sense of."""
    module = louis()
    cells = module.translateString([CONTRACTED_UEB], character, mode=module.dotsIO | module.ucBrl)
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
