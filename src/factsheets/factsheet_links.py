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

import re
from dataclasses import replace
from pathlib import Path, PurePosixPath
from collections.abc import Sequence
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from . import model as m
from .errors import ErrorList, Location, SourceError, Warning_, line_of
from .sources import inside_project
from .options import did_you_mean
from .walk import iter_block_inlines, map_inlines

if TYPE_CHECKING:
    from .project import Config

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


def resolve_page_links(blocks: Sequence[m.Block], page: Path, docs: Path, factsheets: set[str], shown: str, text: str,
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


def check_links_and_images(blocks: Sequence[m.Block], path: Path, config: Config, shown: str, text: str, first_line: int) -> tuple[tuple[m.Block, ...], list[Warning_]]:
    """The blocks with links to factsheets in one form, and warnings (no alt text). A link to a
    missing page and a picture that is not a file in docs/ are errors, all of them reported at once."""
    warnings = []
    errors = ErrorList()
    factsheets = {p.stem for p in sorted(config.factsheets_dir.glob("*.md"))}
    blocks = resolve_page_links(blocks, path, config.docs_dir.resolve(), factsheets, shown, text, errors)
    for _, node in iter_block_inlines(blocks):
        if isinstance(node, m.Image):
            line = node.line or line_of(text, node.src, 1)
            if not node.alt.strip():
                warnings.append(Warning_(Location(shown, line), f"the image '{node.src}' has no alt text: describe it in the [brackets] for people who cannot see it"))
            with errors.collecting():
                check_picture(node.src, path, config, shown, line)
    errors.raise_if_any()
    return blocks, warnings


def check_picture(src: str, page: Path, config: Config, shown: str, line: int | None) -> None:
    """A picture is a file in docs/ (the site publishes only what is there), never a link elsewhere."""
    where = unquote(urlsplit(src).path)
    if not where or where.startswith("/"):
        raise SourceError(Location(shown, line), f"the picture '{src}' must be named relative to this page, like images/map.png, and be in the docs/ folder")
    full = page.parent / where
    if not full.exists() and not full.is_symlink():
        raise SourceError(Location(shown, line), f"the image '{src}' does not exist")
    real = inside_project(full, config.root, shown, line)
    if not real.is_relative_to(config.docs_dir.resolve()) or not real.is_file():
        raise SourceError(Location(shown, line), f"the picture '{src}' is not a file in the docs/ folder: move it there, so that the website can show it")
    check_picture_size(real, src, shown, line)


# A phone's photograph is 12 megapixels; far larger, a picture takes gigabytes of memory to
# print (30,000 x 30,000 pixels is 3.6 GB), and a file of a few kilobytes can claim that size.
MAX_PIXELS = 50_000_000


def check_picture_size(path: Path, src: str, shown: str, line: int | None) -> None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as picture:  # reads the header only
            width, height = picture.size
            size = f"{width:,} x {height:,} pixels"
            pixels = width * height
    except Image.DecompressionBombError as error:  # over Pillow's own limit, of 179 megapixels
        counted = re.search(r"\((\d+) pixels\)", str(error))
        pixels = int(counted.group(1)) if counted else MAX_PIXELS + 1
        size = f"{pixels:,} pixels"
    except (UnidentifiedImageError, OSError, ValueError):
        return  # not a picture Pillow reads (a PDF): each format says what it cannot show
    if pixels > MAX_PIXELS:
        raise SourceError(Location(shown, line), f"the picture '{src}' is {size}, too large to print or to show on a phone: "
                                                 "save it smaller, at most 4,000 pixels wide, then build again")
