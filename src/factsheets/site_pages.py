"""Small parts of the MkDocs adapter (mkdocs_plugin.py): a page's title and table of contents
as the theme shows them, and where a factsheet's downloads are."""

from __future__ import annotations

from html import escape, unescape
from pathlib import Path

from . import site_engine  # noqa: F401  (before mkdocs: it may be ProperDocs)
from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from . import model as m
from .manifest_entry import ManifestEntry


def marked_if_older(entry: ManifestEntry, document: m.Document) -> ManifestEntry:
    """The entry, with every download marked as older than the page if the build made them
    from another text (the factsheet, its glossary terms or the organisation's details since changed)."""
    from .build.manifest import document_digest

    if entry.get("digest") in (None, document_digest(document)):
        return entry
    return {**entry, "older": [key for key in entry.get("formats", {}) if key != "html"]}


def escape_title(page: Page) -> None:
    """The theme puts a page's title into the navigation and <title> as it is, unescaped:
    it gets the title as HTML text, so a title is always shown as words, never read as markup."""
    title = page.title
    if title:
        page.meta["title"] = escape(unescape(str(title)), quote=False)


def add_to_toc(page: Page, headings: list[tuple[str, str]]) -> None:
    """Headings written into a page after MarkDown's table of contents was made, as sections of
    its title (or of the page, when it has no title)."""
    links = [AnchorLink(title, id_, 2) for id_, title in headings]
    first = next(iter(page.toc), None)
    if first is not None and first.level == 1:
        first.children.extend(links)
    else:
        page.toc = get_toc([])
        page.toc.items.extend(links)


def files_relative(manifest_path: str) -> str:
    """'site/files/slug/x.pdf' -> 'slug/x.pdf'."""
    prefix = "site/files/"
    return manifest_path[len(prefix):] if manifest_path.startswith(prefix) else manifest_path


def without_pages(nav: Navigation, left_out: set[Path]) -> Navigation:
    """The menu without the pages of these source files (translations: they are reached from their
    factsheet's language line; in the menu their titles would be read in the page's language)."""

    def keep(item: object) -> bool:
        path = getattr(getattr(item, "file", None), "abs_src_path", None)
        return not (path and Path(path).resolve() in left_out)

    def prune(items: list[StructureItem]) -> list[StructureItem]:
        kept = [item for item in items if keep(item)]
        for item in kept:
            if isinstance(item, Section) and item.children:
                item.children = prune(item.children)
        return kept

    nav.items = prune(nav.items)
    nav.pages = [p for p in nav.pages if keep(p)]
    for before, after in zip([None, *nav.pages], [*nav.pages, None]):
        if before is not None:
            before.next_page = after
        if after is not None:
            after.previous_page = before
    return nav
