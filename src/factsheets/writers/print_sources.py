"""What the print view reads from the project besides the factsheet: its images and
the other factsheets it links to.

Only files inside the project are read. An image on another website, or given by
a full path or a ../ path that leaves the project, stops the build at the image's
line: the build asks no other host for anything and publishes nothing from outside.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .. import model as m
from ..errors import Location, SourceError
from ..organisation import display_address
from ..sources import load_yaml, read_text, split_front_matter
from ..walk import iter_block_inlines

IMAGES_DIR = "images"  # beside the print page, so the page shows its images wherever it is opened


def refused_image(src: str, source_file: Path, root: Path) -> str | None:
    """Why the print view may not read an image, in plain words; None when it may.

    Only files inside the project are read: never another website (the build must not
    ask other hosts for anything, and a remote file can change or vanish), never a
    file by absolute path or by ../ outside the project, even through a symbolic link.
    """
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or src.startswith("//"):
        return (f"the image '{src}' is not a file in the project (it is a web address): save the image "
                f"beside the factsheet and give its file name instead")
    if parts.path.startswith("/") or re.match(r"^[A-Za-z]:[\\/]", parts.path):
        return f"the image '{src}' is given by a full path: copy it beside the factsheet and give its file name instead"
    path = (source_file.parent / unquote(parts.path)).resolve()
    if not path.is_relative_to(root.resolve()):
        return f"the image '{src}' is outside the project's folder: copy it beside the factsheet and give its file name instead"
    if not path.is_file():
        return f"the image '{src}' does not exist: check its file name"
    return None


def image_file(image: m.Image, document: m.Document, root: Path) -> Path:
    """The file of an image inside the project; anything else stops the build at the image's line."""
    source_file = root / document.meta.source
    problem = refused_image(image.src, source_file, root)
    if problem:
        raise SourceError(Location(document.meta.source, image.line), problem)
    return (source_file.parent / unquote(urlsplit(image.src).path)).resolve()


def images_of(document: m.Document) -> list[m.Image]:
    """Every image of the factsheet, in reading order."""
    return [node for _, node in iter_block_inlines(document.blocks) if isinstance(node, m.Image)]


@dataclass(frozen=True)
class LinkedFactsheet:
    title: str
    page: str  # its page on the website, from the site's top folder: factsheets/other.html
    url: str | None  # its full web address, when mkdocs.yml gives site_url

    @property
    def address(self) -> str | None:
        """The web address as printed: no http://, no trailing slash."""
        return display_address(self.url) if self.url else None


def _site_settings(root: Path) -> tuple[str | None, bool, Path]:
    """From mkdocs.yml: the website's address (site_url), whether its pages end in / rather
    than .html (use_directory_urls), and the folder the pages come from (docs_dir)."""
    path = root / "mkdocs.yml"
    data = load_yaml(read_text(path, "mkdocs.yml"), "mkdocs.yml") if path.is_file() else None
    data = data if isinstance(data, dict) else {}
    url = data.get("site_url")
    return (str(url).rstrip("/") + "/" if url else None), bool(data.get("use_directory_urls", True)), root / str(data.get("docs_dir", "docs"))


def linked_factsheets(document: m.Document, root: Path) -> dict[str, LinkedFactsheet]:
    """Each link to another factsheet (other.md, other.html, /factsheets/other/), by its URL.

    Paper cannot follow a link, so the print view names the factsheet and prints
    its web address. A factsheet is a .md file in the same folder as this one.
    """
    source_file = root / document.meta.source
    folder = source_file.parent
    site, directory_urls, docs = _site_settings(root)
    found: dict[str, LinkedFactsheet] = {}
    for node in _all_links(document.blocks):
        parts = urlsplit(node.url)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        stem = Path(unquote(parts.path).rstrip("/")).name
        stem = stem[: -len(Path(stem).suffix)] if Path(stem).suffix in (".md", ".html") else stem
        target = folder / f"{stem}.md"
        if not stem or not target.is_file() or target.resolve() == source_file.resolve():
            continue
        front, _, _ = split_front_matter(read_text(target, target.name), target.name)
        title = str(front.get("title") or stem).strip()
        path = folder.relative_to(docs).as_posix() if folder.is_relative_to(docs) else folder.name
        page = f"{path}/{stem}/" if directory_urls else f"{path}/{stem}.html"
        found[node.url] = LinkedFactsheet(title, page, (site + page) if site else None)
    return found


def _all_links(blocks: Iterable[m.Block]) -> Iterator[m.Link]:
    return (node for _, node in iter_block_inlines(blocks) if isinstance(node, m.Link))


def copy_images(document: m.Document, root: Path, out_dir: Path) -> dict[str, str]:
    """Copies every image beside the print page (images/<name>); returns each source's new address."""
    copied: dict[str, str] = {}
    taken: set[str] = set()
    for image in images_of(document):
        if image.src in copied:
            continue
        source = image_file(image, document, root)
        name = source.name
        if name in taken:  # two images of the same name from different folders
            name = f"{source.stem}-{hashlib.sha256(image.src.encode()).hexdigest()[:8]}{source.suffix}"
        taken.add(name)
        (out_dir / IMAGES_DIR).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, out_dir / IMAGES_DIR / name)
        copied[image.src] = f"{IMAGES_DIR}/{name}"
    return copied


def dependencies(document: m.Document, options: dict[str, Any]) -> str:
    """What the print view reads besides the document: its images' bytes and linked factsheets' titles."""
    root = Path(options.get("project_root") or ".")
    parts = []
    for image in images_of(document):
        if refused_image(image.src, root / document.meta.source, root) is None:
            parts.append(f"{image.src} {hashlib.sha256(image_file(image, document, root).read_bytes()).hexdigest()}")
    parts.extend(f"{url} {linked!r}" for url, linked in sorted(linked_factsheets(document, root).items()))
    return "\n".join(parts)
