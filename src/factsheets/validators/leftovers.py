"""Source syntax that came out as text: the words a reader is given must never include it.

A Markdown construct the reader did not understand (an extension not enabled,
a typing slip) is copied into the outputs as it was typed: "!!! warning" read
aloud, "[^1]" in braille. The large-print PDF's text, the braille-ready text and
the audio's transcript are searched for every such construct; the braille files
also for a character liblouis could not translate, which the braille writer
spells out by its Unicode name ("(latin small letter e with ogonek)") or which
liblouis itself writes as an escape ("\\x0119").
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from . import FAILURE, Finding

if TYPE_CHECKING:
    from .. import model as m
    from ..manifest_entry import ManifestEntry

# What each construct looks like left as text, and what it is, in the words staff use. No
# bracket or brace inside one: a scan from each of "[[[[…" or "{:{:…" would run to the end.
LITERAL_SYNTAX: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:^|\s)(?:!!!|\?\?\?\+?)(?=\s|$)"), "a call-out (!!! or ???)"),
    (re.compile(r"\[\^[^\]\[\s]+\]"), "a footnote mark ([^1])"),
    (re.compile(r"\{\{[^{}\n]{0,60}\}\}|\{\{|\}\}"), "a placeholder ({{ ... }})"),
    (re.compile(r"-{1,2}8<-{1,2}"), "a shared-text include (--8<--)"),
    (re.compile(r"\{:[^{}]*\}|\{\s*[#.][A-Za-z][\w-]*[^{}]*\}"), "settings for a block ({: ...} or {#id})"),
    (re.compile(r'(?:^|\s)===\s+"'), 'a tab (=== "Tab")'),
    (re.compile(r"\*\[[^\]\[]+\]:"), "an abbreviation's meaning (*[ABC]: ...)"),
    (re.compile(r"\[\[[^\]\[]+\]\]"), "a glossary term ([[term]])"),
)
_ESCAPE = re.compile(r"\\x[0-9a-fA-F]{2,6}\\?")
_BRACKETED = re.compile(r"\(([a-z][a-z0-9 -]{2,80})\)")
# How many of one kind are reported for one file: the first ones say what to fix.
LISTED = 5


def literal_syntax(text: str) -> list[tuple[int, str, str]]:
    """(line, the text found, what construct it is) for each piece of source syntax in text."""
    found = []
    for pattern, what in LITERAL_SYNTAX:
        for match in list(pattern.finditer(text))[:LISTED]:
            start = match.start() + len(match.group()) - len(match.group().lstrip())
            found.append((text.count("\n", 0, start) + 1, match.group().strip(), what))
    return sorted(found)


def character_names(text: str) -> list[tuple[int, str]]:
    """(line, "(name)") for each character written out by its Unicode name, or as a \\x escape."""
    found = []
    for match in _BRACKETED.finditer(text):
        try:
            unicodedata.lookup(match.group(1).upper())
        except KeyError:
            continue
        found.append((text.count("\n", 0, match.start()) + 1, match.group()))
    for match in _ESCAPE.finditer(text):
        found.append((text.count("\n", 0, match.start()) + 1, match.group()))
    return found[:LISTED]


def _syntax_findings(text: str, key: str, label: str, source: str, shown_as_code: tuple[str, ...] = ()) -> list[Finding]:
    return [
        Finding(FAILURE, key, f"the {label} has '{shown}' (line {line} of it) as words: {what} that was not understood",
                "Check the factsheet's Markdown there: the construct must be written as the staff guide shows, "
                "or its extension enabled in mkdocs.yml.", source)
        for line, shown, what in literal_syntax(text)
        if not any(shown in code for code in shown_as_code)  # `{{ advice_line }}` in code is shown as typed, on purpose
    ]


def pdf_words(path: Path) -> str:
    """The PDF's text a page at a time, words spaced as printed, from the glyphs its other checks read."""
    from pdfplumber.utils.text import extract_text

    from .pdf_words import glyphs

    return "\n".join(extract_text(page) for page in glyphs(path))


def code_texts(document: m.Document) -> tuple[str, ...]:
    """The text of every `code` in the factsheet: syntax written there is meant to be seen."""
    from .. import model as m
    from ..walk import iter_block_inlines

    return tuple(node.text for _block, node in iter_block_inlines(document.blocks) if isinstance(node, m.Code))


def check_outputs(build_dir: Path, entry: ManifestEntry, source: str, shown_as_code: tuple[str, ...] = ()) -> list[Finding]:
    """Every text output of a factsheet in the manifest entry, searched for source syntax
    (but for what the factsheet shows in `code`, as an example)."""
    formats = entry.get("formats", {})
    readers = {
        "large_print_pdf": ("large-print PDF", pdf_words),
        "braille_text": ("braille-ready text", lambda p: p.read_text(encoding="utf-8")),
        "audio_transcript": ("audio transcript", lambda p: p.read_text(encoding="utf-8-sig")),
    }
    found: list[Finding] = []
    for key, (label, read) in readers.items():
        path = build_dir / formats[key] if key in formats else None
        if path is None or not path.is_file():
            continue  # a missing file is reported by the format's own check
        try:
            text = read(path)
        except Exception:  # a file too damaged to read: its format's own check reports that
            continue
        found += _syntax_findings(text, key, label, source, shown_as_code)
        if key == "braille_text":
            found += [
                Finding(FAILURE, key, f"the braille files say '{name}' (line {line} of the braille-ready text) in place of a "
                        "character that liblouis could not translate", "If it is a letter, check the factsheet's `language:` "
                        "(it chooses the braille table); if it is a symbol or an emoji, write it in words.", source)
                for line, name in character_names(text)
            ]
    return found
