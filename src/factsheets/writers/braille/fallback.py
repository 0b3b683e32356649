"""Characters liblouis cannot translate, replaced by words a reader can make sense of.

liblouis writes an undefined character (an emoji, an unusual symbol) as an
escape such as '\\x1f600' in eight-dot cells: noise to a braille reader and
outside BRF. Each one becomes its Unicode name in brackets, "(grinning face)",
in both braille files, and the build warns with the factsheet's file and line.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import Callable

from ...errors import Location, Warning_
from .text import Piece

# Joiners, variation selectors and skin-tone modifiers only shape the emoji beside them.
_SILENT_CATEGORIES = {"Cf", "Mn", "Me"}
_SKIN_TONES = range(0x1F3FB, 0x1F400)


def _name(character: str) -> str:
    return unicodedata.name(character, f"character U+{ord(character):04X}").lower()


def replace_untranslatable(items: list[Piece], can_translate: Callable[[str], bool], source: str) -> tuple[list[Piece], list[Warning_]]:
    out: list[Piece] = []
    warnings: list[Warning_] = []
    for piece in items:
        text = piece.text
        if piece.kind == "boxline" or all(c.isascii() or can_translate(c) for c in text):  # a box line is cells already
            out.append(piece)
            continue
        words: list[str] = []
        for index, character in enumerate(text):
            if character.isascii() or can_translate(character):
                words.append(character)
                continue
            if mark_of_a_letter(text, index):
                if can_translate(text[index - 1:index + 1]):  # a nukta: brailled with its letter (ਫ਼, য়)
                    words.append(character)
                    continue
                # A mark on a letter changes the word: never dropped without saying so.
                warnings.append(Warning_(
                    Location(source, piece.line),
                    f"braille: liblouis cannot translate the mark {unicodedata.name(character, f'U+{ord(character):04X}').lower()} "
                    f"(U+{ord(character):04X}) on '{text[index - 1]}' in '{_excerpt(text, index)}'; the braille files leave it out",
                ))
                continue
            if unicodedata.category(character) in _SILENT_CATEGORIES or ord(character) in _SKIN_TONES:
                continue
            shown = f"({_name(character)})"
            # Keep the words apart: "great😀" reads "great (grinning face)".
            if words and not words[-1][-1:].isspace():
                shown = " " + shown
            if text[index + 1:index + 2].isalnum():
                shown += " "
            words.append(shown)
            warnings.append(Warning_(
                Location(source, piece.line),
                f"braille: liblouis cannot translate the character {character} "
                f"(U+{ord(character):04X} {unicodedata.name(character, 'unnamed')}) in '{_excerpt(text, index)}'; "
                f"the braille files say '{shown.strip()}' instead",
            ))
        # The names shift the text, so its emphasis is dropped rather than put on the wrong words.
        out.append(replace(piece, text=" ".join("".join(words).split()), styles=()))
    return out, warnings


def mark_of_a_letter(text: str, index: int) -> bool:
    """A combining mark (a nukta, an accent) on a letter; not a selector that shapes an emoji."""
    return (index > 0 and unicodedata.category(text[index]) == "Mn" and unicodedata.category(text[index - 1])[0] in "LM"
            and not 0xFE00 <= ord(text[index]) <= 0xFE0F)


def _excerpt(text: str, index: int, width: int = 30) -> str:
    """The words around a character, to find it by in the source."""
    start, end = max(0, index - width), index + width
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
