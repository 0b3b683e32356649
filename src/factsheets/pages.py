"""Every file the website would publish from docs/ passes the same rules as a factsheet.

MkDocs publishes every file in docs/: Markdown pages become web pages and
anything else is copied as it is. So a page that is not a factsheet, a file in
a sub-folder, an .html or .svg file (which can hold a program) or a link to a
file outside the project would reach the public site unchecked. Here each one
is checked, or refused with its file and line.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import Location, SourceError
from .frontmatter import PAGE, check_front_matter
from .reader import parse_blocks
from .shared_text import expand_shared_text
from .sources import inside_project, read_text, split_front_matter

# What the site may copy as it is: pictures and documents that cannot run a program.
STATIC_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf"}
# MkDocs reads all of these as Markdown pages; a factsheet must be .md to be found.
MARKDOWN_SUFFIXES = {".markdown", ".mdown", ".mkdn", ".mkd"}
# The plugin fills these in; they are the only HTML a page may hold.
MARKERS = ("<!-- factsheets:list -->", "<!-- factsheets:glossary -->", "<!-- factsheets:contact -->")


def shown_path(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def check_docs(config) -> None:
    """Walks docs/ without following links: each link must stay inside the project."""
    root, docs = config.root, config.docs_dir
    if not docs.is_dir():
        raise SourceError(Location(shown_path(docs, root)), "the docs folder is missing: create it, with the factsheets in docs/factsheets/")
    inside_project(docs, root, shown_path(docs, root))
    factsheets = Path(os.path.abspath(config.factsheets_dir))
    for folder, folders, files in os.walk(docs, followlinks=False):
        here = Path(folder)
        for name in sorted(folders):
            path = here / name
            shown = shown_path(path, root)
            if path.is_symlink():
                inside_project(path, root, shown)
            if here == factsheets and not name.startswith("."):
                raise SourceError(Location(shown), "a factsheet cannot be in a sub-folder of docs/factsheets/: move its file up into docs/factsheets/")
        for name in sorted(files):
            check_file(here / name, here == factsheets, config)


def check_file(path: Path, is_factsheet_folder: bool, config) -> None:
    root = config.root
    shown = shown_path(path, root)
    inside_project(path, root, shown, 1)
    suffix = path.suffix.lower()
    if path.name.startswith("."):
        return  # MkDocs does not publish hidden files
    if suffix in MARKDOWN_SUFFIXES:
        raise SourceError(Location(shown, 1), f"pages must be .md files: rename this file to {path.stem}.md")
    if suffix == ".md":
        if not is_factsheet_folder:
            check_page(path, config, shown)
        return  # a factsheet is read by load_factsheet, with every rule
    if suffix not in STATIC_SUFFIXES:
        raise SourceError(Location(shown, 1), "the website publishes only Markdown pages (.md) and pictures (.png, .jpg, .gif, .webp) or PDFs from docs/; "
                                            "a file like this one could carry a program to the site: remove it from docs/")


def check_page(path: Path, config, shown: str) -> None:
    """A page that is not a factsheet: the same reader, so the same rules, with the plugin's markers allowed."""
    from .project import check_links_and_images  # project imports this module

    text = read_text(path, shown, config.root)
    front, body, first_line = split_front_matter(text, shown)
    check_front_matter(front, PAGE, shown, text, "a page")
    for marker in MARKERS:
        body = body.replace(marker, "")
    body, origin = expand_shared_text(body, shown, first_line, config.extensions, config.root)
    try:
        blocks = parse_blocks(body, shown, first_line, config.extensions)
        check_links_and_images(blocks, path, config, shown, "\n".join(text.split("\n")[: first_line - 1] + [body]), first_line)
    except SourceError as error:
        raise origin.relocate(error) from None
