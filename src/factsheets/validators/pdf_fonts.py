"""No missing glyphs: every character the PDF prints is drawn by a font that has it.

When no font in the stylesheet's list has a character (an Arabic letter with only Liberation
Sans installed), WeasyPrint still prints it, as the last fallback font's "missing glyph" box
(tofu), and the PDF's text layer still says the character: reading the text alone cannot
tell. So each printed character is looked up in the character map of the font that draws it.
The PDF embeds only a subset of each font, whose own character map keeps a few entries, so
the font is found by its name among the system's fonts (fontconfig's `fc-list`) and its
full character map read with fontTools.
"""

from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path

from . import FAILURE, Finding, PdfChar
from .pdf_words import FORMAT, glyphs

# Characters that are drawn as nothing: they need no glyph.
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff"}


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


@functools.cache
def system_fonts() -> dict[str, tuple[str, int]]:
    """Font full name (lower case, letters and digits only) -> (file, index in a collection)."""
    try:
        listed = subprocess.run(["fc-list", "--format", "%{fullname}\t%{file}\t%{index}\n"],
                                capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    fonts: dict[str, tuple[str, int]] = {}
    for line in listed.splitlines():
        names, _, rest = line.partition("\t")
        file, _, index = rest.partition("\t")
        for name in names.split(","):
            fonts.setdefault(_key(name), (file, int(index or 0)))
    return fonts


@functools.cache
def characters_of(font_name: str) -> frozenset[int] | None:
    """The characters a PDF font (by its base name, 'ABCDEF+Noto-Naskh-Arabic-Bold') has; None if
    the font is not installed here."""
    found = system_fonts().get(_key(font_name.split("+")[-1]))
    if found is None:
        return None
    from fontTools.ttLib import TTFont

    file, index = found
    with TTFont(file, fontNumber=index, lazy=True) as font:
        return frozenset((font.getBestCmap() or {}).keys())


def missing_glyphs(pages: list[list[PdfChar]]) -> list[tuple[int, str, str]]:
    """(page, character, font) for each different character printed by a font that lacks it."""
    missing: dict[tuple[str, str], int] = {}
    for number, page in enumerate(pages, start=1):
        for c in page:
            characters = characters_of(c["fontname"])
            if characters is None:
                continue
            for character in c["text"]:
                if character not in _INVISIBLE and not character.isspace() and ord(character) not in characters:
                    missing.setdefault((character, c["fontname"].split("+")[-1]), number)
    return [(number, character, font) for (character, font), number in missing.items()]


def check_missing_glyphs(path: Path, pages: list[list[PdfChar]] | None = None) -> list[Finding]:
    pages = pages if pages is not None else glyphs(path)
    found = missing_glyphs(pages)
    if not found:
        return []
    shown = ", ".join(f"'{character}' (U+{ord(character):04X}, page {number}, {font})" for number, character, font in found[:8])
    return [Finding(FAILURE, FORMAT, f"{len(found)} character(s) print as an empty box, their font lacking them: {shown}",
                     "Install the font the language needs (scripts/setup.sh installs fonts-noto-core and fonts-noto-cjk), "
                     "and name it in assets/print.css for the language.", str(path))]
