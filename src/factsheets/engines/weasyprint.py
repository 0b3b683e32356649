"""WeasyPrint, behind a thin adapter: HTML and CSS in, a tagged PDF out.

WeasyPrint loads Pango, HarfBuzz and fontconfig through cffi when it is
imported; without them the import fails with an OSError naming a .so file,
which tells staff nothing. Here that becomes EngineMissing naming the Debian
packages to install. WeasyPrint's own log (an image without alt text, a file
it could not fetch) is collected and returned, so the writer can pass it on.
"""

from __future__ import annotations

import contextlib
import glob
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from ..errors import EngineMissing, engine_warnings
from .pdf_tables import join_split_tables, table_fragments
from .weasyprint_lang import install as install_languages
from .weasyprint_text import install as install_actual_text

if TYPE_CHECKING:
    import pikepdf
    import weasyprint
    from weasyprint.urls import URLFetcher

PANGO_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0"
FONT_PACKAGE = "fonts-liberation2"
PDF_VARIANT = "pdf/ua-1"


def _weasyprint() -> ModuleType:
    try:
        try:
            with libraries_from_ldconfig_only():
                import weasyprint  # noqa: F401 (read back from sys.modules below, where it is typed as a module)
        except OSError:  # libraries that only gcc or ld can find: the ordinary search, once more
            import weasyprint  # noqa: F401
    except OSError as error:  # cffi could not load libpango/libpangoft2
        raise EngineMissing(
            f"WeasyPrint cannot find the Pango text library ({error}): install the Debian packages "
            f"{PANGO_PACKAGES} (sudo apt-get install {PANGO_PACKAGES}), or run scripts/setup.sh"
        ) from error
    except ImportError as error:
        raise EngineMissing("the Python package weasyprint is not installed: run `pip install -e .` in the project's virtual environment") from error
    return sys.modules["weasyprint"]  # the module, typed as one (WeasyPrint has no type information)


@contextlib.contextmanager
def libraries_from_ldconfig_only() -> Iterator[None]:
    """While WeasyPrint is imported, ctypes' find_library looks in ldconfig's cache alone.

    WeasyPrint asks cffi for each library under several names, other systems' among them
    ("libgobject-2.0-0", "gobject-2.0-0", then Debian's "gobject-2.0"), and cffi hands each
    name that does not load to find_library. For a name ldconfig does not list, that runs gcc
    and then ld to look for it: about 30 compiler and linker runs, 0.2 s of the import's 0.6 s
    on Debian 12 with gcc installed (measured). Debian's names are in ldconfig's cache, which
    find_library reads first. gcc and ld are private steps of find_library: if this Python has
    no such steps, nothing is changed."""
    import ctypes.util

    steps = ("_findLib_gcc", "_findLib_ld")
    saved = {step: getattr(ctypes.util, step) for step in steps if hasattr(ctypes.util, step)}
    if len(saved) < len(steps) or not hasattr(ctypes.util, "_findSoname_ldconfig"):
        yield
        return
    for step in steps:
        setattr(ctypes.util, step, lambda name: None)
    try:
        yield
    finally:
        for step, function in saved.items():
            setattr(ctypes.util, step, function)


def engine_version() -> str:
    # Read from the package's metadata: importing WeasyPrint costs a third of a second,
    # which a build with nothing to do should not pay.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"WeasyPrint {version('weasyprint')}"
    except PackageNotFoundError:
        return "WeasyPrint missing"


def font_file(family: str = "Liberation Sans", style: str = "Bold") -> Path:
    """The font file fontconfig gives WeasyPrint for a face, to measure text with."""
    if shutil.which("fc-match"):
        found = subprocess.run(["fc-match", "-f", "%{family}\n%{file}", f"{family}:style={style}"], capture_output=True, text=True)
        names, _, path = found.stdout.partition("\n")
        if found.returncode == 0 and family in names.split(",") and Path(path).is_file():
            return Path(path)
    stem = family.replace(" ", "") + "-" + style.replace(" ", "")
    for path in sorted(glob.glob(f"/usr/share/fonts/**/{stem}.ttf", recursive=True)):
        return Path(path)
    raise EngineMissing(f"the font {family} {style} is not installed: install the Debian package {FONT_PACKAGE}")


@dataclass
class Rendered:
    pages: int
    messages: list[str] = field(default_factory=list)  # what WeasyPrint logged as warnings or errors
    refused: list[str] = field(default_factory=list)  # addresses WeasyPrint was not allowed to read
    page_starts: list[list[str]] = field(default_factory=list)  # each page: the text of each block that begins on it


# The elements a page can begin with, for a page list (the EPUB's): paragraphs, list items, headings, figures, tables.
LEAF_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "table"}
START_CHARACTERS = 120  # of a block's text: enough to tell one block from another


def page_starts(document: weasyprint.Document) -> list[list[str]]:
    """For each page of a laid-out document, the start of the text of each block that begins on it."""
    seen: set[int] = set()
    pages: list[list[str]] = []
    for page in document.pages:
        starts: list[str] = []
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is None or getattr(box, "element_tag", None) not in LEAF_TAGS or id(element) in seen:
                continue
            seen.add(id(element))
            text = " ".join(" ".join(element.itertext()).split())[:START_CHARACTERS]
            if text:
                starts.append(text)
        pages.append(starts)
    return pages


def refusal(url: str, allowed: list[Path]) -> str | None:
    """Why WeasyPrint may not read a URL, or None: only files inside the allowed folders.

    No other host (http, https, ftp), no data: or other scheme, no file outside the
    project, even through a symbolic link (the path is resolved before it is compared).
    """
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return "it is not a file in the project"
    path = Path(url2pathname(parts.path)).resolve()
    if not any(path.is_relative_to(folder) for folder in allowed):
        return "it is outside the project's folder"
    return None


def project_fetcher(allowed_folders: list[Path]) -> URLFetcher:
    """A WeasyPrint URL fetcher that reads files inside the allowed folders and refuses everything else."""
    from weasyprint.urls import URLFetcher

    allowed = [Path(folder).resolve() for folder in allowed_folders]
    allowed.append(Path(str(files("factsheets").joinpath("assets"))).resolve())  # our own stylesheet's folder

    class ProjectFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint has no type information: URLFetcher is Any
        refused: list[str]  # what was asked for and not read, for the writer to report

        def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:  # WeasyPrint's own response: untyped
            reason = refusal(url, allowed)
            if reason:
                self.refused.append(url)
                raise ValueError(f"not read: {reason}")
            return super().fetch(url, headers)

    fetcher = ProjectFetcher(allowed_protocols={"file"}, allow_redirects=False)
    fetcher.refused = []
    return fetcher


def render_pdf(html: str, target: Path, *, base_url: str, identifier: bytes, uncompressed: bool = False,
               allowed_folders: list[Path] | None = None) -> Rendered:
    """Writes a PDF/UA-1 file from an HTML string; resources are read relative to base_url.

    Only files inside `allowed_folders` (the project; by default the folder of base_url)
    are read: anything else is refused and listed in Rendered.refused.
    """
    weasyprint = _weasyprint()
    install_actual_text()  # the words of shaped scripts in the text layer: weasyprint_text.py
    install_languages()  # /Lang on words in another language: weasyprint_lang.py
    if allowed_folders is None:
        allowed_folders = [Path(url2pathname(urlsplit(base_url).path))]
    fetcher = project_fetcher(allowed_folders)
    with engine_warnings("weasyprint") as messages:
        document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher).render()
        tables = table_fragments(document)
        document.write_pdf(
            target,
            pdf_variant=PDF_VARIANT,
            # A fixed identifier (a hash of the input) rather than a random one: same input, same bytes.
            pdf_identifier=identifier,
            uncompressed_pdf=uncompressed,
        )
    mark_orphans_as_artifacts(target)
    if join_split_tables(target, tables) is None:
        messages.append("a table that runs over pages could not be tagged as one table (WeasyPrint tags tables differently "
                        "from the version this was written for): a screen reader meets it as several tables")
    return Rendered(len(document.pages), messages, list(fetcher.refused), page_starts(document))


def _reachable_elements(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    """The structure elements a screen reader can reach from the document's root (their object ids)."""
    import pikepdf

    found: set[tuple[int, int]] = set()
    stack: list[pikepdf.Object | None] = list(pdf.Root.StructTreeRoot.get("/K", []))
    while stack:
        element = stack.pop()
        if not isinstance(element, pikepdf.Dictionary) or "/S" not in element or element.objgen in found:
            continue
        found.add(element.objgen)
        kids = element.get("/K")
        stack.extend(kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else [])
    return found


def mark_orphans_as_artifacts(path: Path) -> int:
    """Marks content tagged to no reachable structure element as a pagination artifact.

    WeasyPrint tags the text of @page margin boxes (our "Page N of M") but leaves its
    elements out of the structure tree (WeasyPrint issue #2482), which PDF/UA-1 does
    not allow: content is either in the tree or an artifact. A running footer is an
    artifact, so it is marked as one. Returns how many pieces of content it marked.
    """
    import pikepdf

    marked = 0
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        if "/StructTreeRoot" not in pdf.Root:
            return 0
        reachable = _reachable_elements(pdf)
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        for page in pdf.pages:
            elements = parents.get(int(page.obj.get("/StructParents", -1)))
            if not isinstance(elements, pikepdf.Array):
                continue
            instructions: list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage] = []
            changed = False
            for instruction in pikepdf.parse_content_stream(page):
                operands, operator = instruction.operands, instruction.operator
                if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
                    mcid = int(operands[1].MCID)
                    element = elements[mcid] if mcid < len(elements) else None
                    if element is None or element.objgen not in reachable:
                        artifact = [pikepdf.Name.Artifact, pikepdf.Dictionary(Type=pikepdf.Name.Pagination, Subtype=pikepdf.Name.Footer)]
                        instruction = pikepdf.ContentStreamInstruction(artifact, operator)
                        changed = True
                        marked += 1
                instructions.append(instruction)
            if changed:
                page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))
        if marked:
            pdf.save(path, deterministic_id=True, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.preserve)
    return marked
