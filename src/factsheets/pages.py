"""Every file the website would publish from docs/ passes the same rules as a factsheet.

MkDocs publishes every file in docs/: Markdown pages become web pages and
anything else is copied as it is. So a page that is not a factsheet, a file in
a sub-folder, an .html or .svg file (which can hold a program) or a link to a
file outside the project would reach the public site unchecked. Here each one
is checked, or refused with its file and line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Location, SourceError
from .frontmatter import PAGE, check_front_matter
from .reader import parse_blocks
from .shared_text import expand_shared_text
from .factsheet_links import check_links_and_images
from .sources import inside_project, read_text, split_front_matter

if TYPE_CHECKING:
    from .project import Config

# What the site may copy as it is: pictures and documents that cannot run a program.
STATIC_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf"}
# MkDocs reads all of these as Markdown pages; a factsheet must be .md to be found.
MARKDOWN_SUFFIXES = {".markdown", ".mdown", ".mkdn", ".mkd"}
# A name a web address holds as it is: '#' and '?' would end the address's path, a space or
# an accent would be written %20 or %C3%A9, an invisible character would hide in the name.
FACTSHEET_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\.md")
FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*")
# A file system holds names of 255 bytes; the build adds up to about 30 characters to a
# factsheet's name for its files (-large-print-24pt.pdf, -cy for a translation).
MAX_NAME = 100
# The plugin fills these in; they are the only HTML a page may hold.
MARKERS = ("<!-- factsheets:list -->", "<!-- factsheets:glossary -->", "<!-- factsheets:contact -->")


def shown_path(path: Path, root: Path) -> str:
    """The path as the error shows it; a character that cannot be seen, or that would turn the
    rest of the line around (U+202E), is shown as its code."""
    shown = path.relative_to(root).as_posix()
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in shown)


def check_docs(config: Config) -> None:
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
                if not name.startswith("."):  # MkDocs would publish what is in it; this walk does not go in
                    raise SourceError(Location(shown), "this is a link to a folder: the website would publish the folder's files "
                                                       "without the build checking them; move the folder itself into docs/")
            if not name.startswith("."):
                check_name(name, FILE_NAME, shown, None)
            if here == factsheets and not name.startswith("."):
                raise SourceError(Location(shown), "a factsheet cannot be in a sub-folder of docs/factsheets/: move its file up into docs/factsheets/")
        for name in sorted(files):
            check_file(here / name, here == factsheets, config)


def check_file(path: Path, is_factsheet_folder: bool, config: Config) -> None:
    root = config.root
    shown = shown_path(path, root)
    inside_project(path, root, shown, 1)
    suffix = path.suffix.lower()
    if path.name.startswith("."):
        return  # MkDocs does not publish hidden files
    if suffix == ".md" and path.suffix != ".md":
        # MkDocs would copy evil.MD as it is, its source for anyone to read, and no factsheet is read from it.
        raise SourceError(Location(shown, 1), f"a page's name ends in .md, in small letters: rename this file to {path.stem}.md")
    check_name(path.name, FACTSHEET_NAME if is_factsheet_folder and suffix == ".md" else FILE_NAME, shown, 1)
    if suffix in MARKDOWN_SUFFIXES:
        raise SourceError(Location(shown, 1), f"pages must be .md files: rename this file to {path.stem}.md")
    if suffix == ".md":
        if not is_factsheet_folder:
            check_page(path, config, shown)
        return  # a factsheet is read by load_factsheet, with every rule
    if suffix not in STATIC_SUFFIXES:
        raise SourceError(Location(shown, 1), "the website publishes only Markdown pages (.md) and pictures (.png, .jpg, .gif, .webp) or PDFs from docs/; "
                                            "a file like this one could carry a program to the site: remove it from docs/")
    check_contents(path, suffix, shown)


# What each published file must start with. A server that guesses a file's type from its
# contents (or has none for its name) would show an "image" holding HTML or SVG as a page.
SIGNATURES = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
              ".gif": (b"GIF87a", b"GIF89a"), ".webp": (b"RIFF",), ".pdf": (b"%PDF-",)}
PDF_ACTIONS = re.compile(rb"/(?:JavaScript|JS|OpenAction|Launch|AA|RichMedia|EmbeddedFile)\b")


def check_contents(path: Path, suffix: str, shown: str) -> None:
    """A picture is a picture and a PDF a PDF that runs nothing, whatever its name says."""
    data = path.read_bytes()  # at most what a source may be: inside_project has checked it is a file
    kind = "PDF" if suffix == ".pdf" else "picture"
    if not data.startswith(SIGNATURES[suffix]) or (suffix == ".webp" and data[8:12] != b"WEBP"):
        raise SourceError(Location(shown), f"this file is not a {suffix[1:].upper()} {kind}, whatever its name says: "
                                           "save the real file here, or remove this one from docs/")
    if suffix == ".pdf" and PDF_ACTIONS.search(data):
        raise SourceError(Location(shown), "this PDF carries a script or an action that runs when it is opened: "
                                           "save it again without them (print it to a new PDF), or remove it from docs/")


def check_name(name: str, rule: re.Pattern[str], shown: str, line: int | None) -> None:
    """A name that makes a clean web address, short enough for the files the build names after it."""
    stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    if not rule.fullmatch(name):
        allowed = "[A-Za-z0-9_-]" if rule is FACTSHEET_NAME else "[A-Za-z0-9_.-]"
        odd = sorted({c for c in stem if not re.match(allowed, c)})
        said = ", ".join(f"'{c}'" if c.isprintable() and not c.isspace() else f"U+{ord(c):04X}" for c in odd)
        what = f"has characters a web address cannot hold as they are ({said})" if odd else "does not start with a letter or a digit"
        cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-_")[: MAX_NAME - 10] or "a-name"
        raise SourceError(Location(shown, line), f"this name {what}: rename it using only letters (a-z, A-Z), digits, "
                                                 f"hyphens (-) and underscores (_), like {cleaned}{dot}{suffix}")
    if len(name) > MAX_NAME:
        raise SourceError(Location(shown, line), f"this name is {len(name)} characters long: the website's addresses and the build's "
                                                 f"files are named after it, so keep it to {MAX_NAME} characters or fewer")


def check_page(path: Path, config: Config, shown: str) -> None:
    """A page that is not a factsheet: the same reader, so the same rules, with the plugin's markers allowed."""
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
