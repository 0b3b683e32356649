"""Each factsheet page is marked with its factsheet's language and direction.

A screen reader chooses its voice from `<html lang>`, and a browser lays out right-to-left
text from `dir`: a Welsh page marked English is read with English pronunciation, an Arabic page
without dir="rtl" has its punctuation at the wrong end. The page's own `<html>` element is read,
not the source, so a theme that drops the attributes is caught.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import model as m
from ..i18n import language
from . import FAILURE, Finding

WORDS = {"ltr": "left to right", "rtl": "right to left"}
HTML_TAG = re.compile(r"<html\b[^>]*>", re.I)


def _attribute(tag: str, name: str) -> str | None:
    match = re.search(rf'\b{name}\s*=\s*"([^"]*)"', tag, re.I)
    return match.group(1) if match else None


def page_language(html: str) -> tuple[str | None, str | None]:
    """(lang, dir) of a page's <html> element; None for an attribute it does not have."""
    tag = HTML_TAG.search(html)
    return (_attribute(tag.group(0), "lang"), _attribute(tag.group(0), "dir")) if tag else (None, None)


def check_page_language(page: Path, document: m.Document) -> list[Finding]:
    source = document.meta.source
    wanted = document.meta.language
    direction = language(wanted).direction
    lang, dir_ = page_language(page.read_text(encoding="utf-8", errors="replace"))
    findings = []
    if (lang or "").lower() != wanted.lower():
        findings.append(Finding(FAILURE, "website", f"The page {page.name} is marked as language {lang!r}, but the factsheet is in {wanted!r}.",
                                "Build again; if it stays, the theme's partials/language.html is not giving the page its factsheet's language.", source))
    if (dir_ or "ltr") != direction:
        dir_ = dir_ if dir_ in WORDS else None
        findings.append(Finding(FAILURE, "website", f"The page {page.name} is laid out {WORDS[dir_ or 'ltr']}, but {language(wanted).english_name} is written {WORDS[direction]}.",
                                "Build again; the page's <html> element needs dir=\"" + direction + "\".", source))
    return findings
