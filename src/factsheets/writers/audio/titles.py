"""Titles for the files around a recording (WebVTT cues, M3U8 tracks, ID3 tags): one safe line each."""

from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def one_line(text: str) -> str:
    """Text for a title, a tag or a cue: one line, no control or bidirectional-override characters.

    A line break in a title would start a new WebVTT cue or M3U8 track line (and could
    forge one); a NUL splits an ID3 text frame into several values; a right-to-left
    override makes a player show the title's letters in another order."""
    kept = []
    for char in text:
        if unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in "\u0085\u2028\u2029":
            kept.append(" ")
        elif not BIDI_CONTROLS.fullmatch(char):
            kept.append(char)
    return " ".join("".join(kept).split())
