"""Links between pages, written however staff write them, checked and made one form.

Staff link to another factsheet as its file (`annual-reviews.md`), as its web page
(`annual-reviews.html`), or as the address they see in the browser
(`/factsheets/annual-reviews/`, `../annual-reviews/`). Every one of these is made
the factsheet's file name, `annual-reviews.md` (with any `#part`), so that each
format finds the factsheet the same way: the website links to its page from
wherever the page is, print and braille name its title and web address. A link to
a page that does not exist stops the build at its line, with the closest name.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from . import model as m
from .errors import ErrorList, Location, SourceError, line_of
from .options import did_you_mean
from .walk import iter_block_inlines, map_inlines

PAGE_SUFFIXES = (".md", ".html")


def _stem(path: str) -> str:
    name = PurePosixPath(path.rstrip("/")).name
    suffix = PurePosixPath(name).suffix
    return name[: -len(suffix)] if suffix in PAGE_SUFFIXES else name


def is_page_link(url: str) -> bool:
    parts = urlsplit(url)
    return not (parts.scheme or parts.netloc) and bool(parts.path)


def factsheet_link(url: str, factsheets: set[str]) -> str | None:
    """The factsheet a link goes to, as `slug.md#part`; None if it goes to no factsheet."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    suffix = PurePosixPath(path.rstrip("/")).suffix
    if suffix and suffix not in PAGE_SUFFIXES:
        return None  # a picture or a PDF, not a page
    stem = _stem(path)
    if stem not in factsheets:
        return None
    return f"{stem}.md" + (f"#{parts.fragment}" if parts.fragment else "")


def link_line(text: str, url: str, first_line: int = 1) -> int | None:
    return line_of(text, "(" + url, first_line) or line_of(text, url, first_line)


def missing_page(url: str, factsheets: set[str], shown: str, line: int | None) -> SourceError:
    hint = did_you_mean(_stem(unquote(urlsplit(url).path)), sorted(factsheets),
                        "check the name: a factsheet is linked by its file name, like annual-reviews.md")
    return SourceError(Location(shown, line), f"the link to '{url}' goes to a page that does not exist: {hint}")


def resolve_page_links(blocks, page: Path, docs: Path, factsheets: set[str], shown: str, text: str,
                       errors: ErrorList) -> tuple[m.Block, ...]:
    """The blocks with each link to a factsheet in its one form; a link to no page is an error in `errors`."""
    for _, node in iter_block_inlines(blocks):
        if isinstance(node, m.Link) and is_page_link(node.url) and factsheet_link(node.url, factsheets) is None:
            target = (page.parent / unquote(urlsplit(node.url).path)).resolve()
            if not target.exists() or not target.is_relative_to(docs):
                errors.add(missing_page(node.url, factsheets, shown, link_line(text, node.url)))

    def canonical(node: m.Inline) -> m.Inline:
        if isinstance(node, m.Link) and is_page_link(node.url):
            url = factsheet_link(node.url, factsheets)
            if url:
                return replace(node, url=url)
        return node

    return map_inlines(blocks, canonical)
