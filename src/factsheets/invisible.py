"""Invisible characters that make a line show something other than what it says.

A right-to-left override (U+202E) shows the letters after it backwards: a title can then
show one thing on the page while the audio, the braille and the search index say
another, and `report‮fdp.exe` looks like `reportexe.pdf`. Overrides and embeddings
(U+202A-U+202E) are never needed in text written today, so they are refused
everywhere. Isolates (U+2066-U+2069) and the direction marks (U+200E, U+200F, U+061C)
are how Arabic, Hebrew, Persian or Urdu text keeps a number or an English name the
right way round, so they are allowed on a line that holds right-to-left letters, and
refused elsewhere. Zero-width spaces and joiners that join nothing are refused: they
hide inside words, which then cannot be found or spoken. The zero-width joiner and
non-joiner (U+200C, U+200D: Persian, Urdu, Indic scripts and emoji) and the soft
hyphen are part of how words are written, and are allowed.
"""

from __future__ import annotations

import re
import unicodedata

from .errors import Location, SourceError

OVERRIDES = "\u202a-\u202e"
RIGHT_TO_LEFT_ONLY = "\u200e\u200f\u061c\u2066-\u2069"
# U+FEFF that starts a file is a byte-order mark, removed before this check (sources.as_plain_lines).
HIDDEN = "\u200b\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb"
INVISIBLE = re.compile(f"[{OVERRIDES}{RIGHT_TO_LEFT_ONLY}{HIDDEN}]")
ALLOWED_IN_RIGHT_TO_LEFT = re.compile(f"[{RIGHT_TO_LEFT_ONLY}]")


def has_right_to_left_letters(text: str) -> bool:
    # Letters only: the right-to-left mark is itself of the right-to-left class.
    return any(unicodedata.bidirectional(c) in ("R", "AL") and unicodedata.category(c)[0] == "L" for c in text)


def invisible_problem(text: str) -> tuple[int, str] | None:
    """(offset, what is wrong) for the first invisible character not allowed where it is, or None."""
    right_to_left: dict[int, bool] = {}  # a line's start -> whether it has right-to-left letters: each line read once
    for match in INVISIBLE.finditer(text):
        character = match.group()
        if ALLOWED_IN_RIGHT_TO_LEFT.match(character):
            start = text.rfind("\n", 0, match.start()) + 1
            if start not in right_to_left:
                end = text.find("\n", match.end())
                right_to_left[start] = has_right_to_left_letters(text[start: end if end >= 0 else len(text)])
            if right_to_left[start]:
                continue
        return match.start(), describe(character)
    return None


def describe(character: str) -> str:
    name = unicodedata.name(character, "FORMAT CHARACTER").lower()
    what = f"an invisible character ({name}, U+{ord(character):04X})"
    if re.match(f"[{OVERRIDES}]", character):
        return f"{what}, which shows the letters after it in another order than they are read: delete it"
    if ALLOWED_IN_RIGHT_TO_LEFT.match(character):
        return f"{what}, which is for lines of right-to-left text (Arabic, Hebrew) and there is none on this line: delete it"
    return f"{what}, which hides inside words so that they cannot be found or spoken: delete it, or use an ordinary space"


def refuse_invisible(text: str, shown: str, first_line: int = 1) -> None:
    """Stops at the first invisible character that is not allowed, with its line."""
    found = invisible_problem(text)
    if found:
        offset, what = found
        line = first_line + text.count("\n", 0, offset)
        raise SourceError(Location(shown, line), f"this line holds {what} (retype the line if you cannot see it)")
