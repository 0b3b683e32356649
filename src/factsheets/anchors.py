"""Links to a part of a page (`#what-you-can-do`): the part must be on the page.

A browser given `#nowhere` stays at the top of the page without a word, so a part that
was renamed, or misspelt, is a dead link no reader can report. Every factsheet is read
before this check, so a link to a part of another factsheet (`other.md#part`) is checked
against that factsheet's headings too. The ids are the ones the pages are given: each
heading's, the glossary's, each footnote's.
"""

from __future__ import annotations

import difflib
from dataclasses import fields, is_dataclass
from urllib.parse import unquote, urlsplit

from . import model as m
from .errors import ErrorList, Location, SourceError, line_of
from .walk import iter_block_inlines, iter_blocks


def page_ids(node: object, found: set[str] | None = None) -> set[str]:
    """Every id the page of these blocks has: headings', boxes', notes', footnote citations'."""
    found = set() if found is None else found
    if isinstance(node, (tuple, list)):
        for item in node:
            page_ids(item, found)
    elif is_dataclass(node) and not isinstance(node, type):
        for field in fields(node):
            value = getattr(node, field.name)
            if field.name in ("id", "ref_id") and isinstance(value, str) and value:
                found.add(value)
            elif isinstance(value, (tuple, list)) or is_dataclass(value):
                page_ids(value, found)
    return found


def check_anchors(documents: list[m.Document], sources: dict[str, str]) -> None:
    """Each link to `#part` of its own page or of another factsheet names a part that is there."""
    ids = {d.meta.slug: page_ids(d.blocks) for d in documents}
    headings = {d.meta.slug: [b.id for b in iter_blocks(d.blocks) if isinstance(b, m.Heading)] for d in documents}
    errors = ErrorList()
    for document in documents:
        slug = document.meta.slug
        for block, node in iter_block_inlines(document.blocks):
            if not isinstance(node, m.Link):
                continue
            parts = urlsplit(node.url)
            if not parts.fragment or parts.scheme or parts.netloc:
                continue
            if not parts.path:
                target = slug
            elif parts.path.endswith(".md") and parts.path[:-3] in ids:
                target = parts.path[:-3]  # a link to a factsheet, made this one form by factsheet_links
            else:
                continue  # another page of the site, or a file: its parts are not known here
            part = unquote(parts.fragment)
            if part in ids[target]:
                continue
            text = sources.get(slug, "")
            line = line_of(text, "#" + parts.fragment) or getattr(block, "line", None)
            where = "this page" if target == slug else f"{target}.md"
            close = difflib.get_close_matches(part, sorted(ids[target]), n=1)
            if close:
                hint = f"did you mean '#{close[0]}'?"
            elif headings[target]:
                hint = f"link to one of its headings, by its words in small letters joined by hyphens, such as '#{headings[target][0]}'"
            else:
                hint = "it has no headings: link to the page without a '#'"
            errors.add(SourceError(Location(document.meta.source, line),
                                   f"the link to '#{part}' goes to a part that is not on {where}: {hint}"))
    errors.raise_if_any()
