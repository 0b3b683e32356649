"""The navigation document: table of contents from the headings, and landmarks.

A page list, when the large-print PDF's pages are known, lets a reader go to the
page someone with the print copy names. Landmarks let a reader jump straight to the start of the text, the table of
contents, the glossary (when the factsheet has one) and the contact details.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ... import model as m
from ...i18n import gettext
from ...transforms import CONTACT_END, is_contact
from ..html import toc_tokens
from .xhtml import EPUB_NS, XHTML_NS, language_direction


def toc_list(tokens: list[dict[str, Any]], href: str) -> str:
    """Headings nested by level (the website's table of contents), as <ol> inside <li>."""
    if not tokens:
        return ""
    items = "".join(
        f'<li><a href="{href}#{escape(token["id"])}">{token["name"]}</a>{toc_list(token["children"], href)}</li>'
        for token in tokens
    )
    return f"<ol>{items}</ol>"


def landmarks(document: m.Document, href: str) -> str:
    tag = document.meta.language
    items = [("toc", "nav.xhtml#toc", gettext(tag, "Contents")), ("bodymatter", f"{href}#top", gettext(tag, "Start of the factsheet"))]
    ids = {b.id for b in m.headings(document)}
    if "glossary" in ids:
        items.append(("glossary", f"{href}#glossary", gettext(tag, "Glossary")))
    if any(is_contact(b, "end") for b in document.blocks):
        items.append(("backmatter", f"{href}#{CONTACT_END}", gettext(tag, "Contact details")))
    links = "".join(f'<li><a epub:type="{kind}" href="{link}">{escape(label)}</a></li>' for kind, link, label in items)
    return f'<nav epub:type="landmarks" id="landmarks" aria-labelledby="landmarks-title"><h2 id="landmarks-title">{escape(gettext(tag, "Landmarks"))}</h2><ol>{links}</ol></nav>'


def page_list(pages: list[int], href: str) -> str:
    """The large-print PDF's pages, for a reader's "go to page" (hidden: a list of numbers to read through helps no one)."""
    if not pages:
        return ""
    links = "".join(f'<li><a href="{href}#page-{n}">{n}</a></li>' for n in pages)
    return f'<nav epub:type="page-list" id="page-list" role="doc-pagelist" aria-labelledby="page-list-title" hidden="hidden"><h2 id="page-list-title">Pages of the large-print PDF</h2><ol>{links}</ol></nav>\n'


def navigation_document(document: m.Document, href: str, pages: list[int] | None = None) -> str:
    meta = document.meta
    language = escape(meta.language)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="{XHTML_NS}" xmlns:epub="{EPUB_NS}" lang="{language}" xml:lang="{language}" dir="{language_direction(meta.language)}">\n'
        f'<head><meta charset="utf-8"/><title>{escape(meta.title)}: contents</title></head>\n<body>\n'
        f'<nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-title"><h1 id="toc-title">Contents</h1>'
        f'<ol><li><a href="{href}#top">{escape(meta.title)}</a>{toc_list(toc_tokens(document), href)}</li></ol></nav>\n'
        f"{landmarks(document, href)}\n{page_list(pages or [], href)}</body>\n</html>\n"
    )
