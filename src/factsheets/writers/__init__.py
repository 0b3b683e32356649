"""Writers: one module per output format, one small interface, one registry.

A writer turns a Document into files in a folder and says what it wrote:
manifest format keys -> files, and details such as a page count. Writers know
nothing of MkDocs, of each other or of the build's caching and publishing.

A writer is a subclass of `Writer` and describes itself with its class attributes: the files it makes and what each
is for, the options it takes with their types and defaults, how long its jobs
take, what its worker processes should import ahead. The website's "Other
formats" box, the manifest, the validation of mkdocs.yml, the command line's
help and `factsheets check` are all derived from that, so a new format is one
module and one entry point in the `factsheets.writers` group (as MkDocs finds
its plugins), in this package or in another one.

A writer whose work falls into independent pieces (audio: one a section) sets
`in_parts` and offers `parts()` and `write_part()`: the build then runs the pieces as jobs
of their own, caches each by its own key, and hands the finished ones to
`write()`, which only assembles them.

A writer that builds on other writers' files (the EPUB on the audio's recording
and the large-print PDF's pages) names them in `needs`: the build runs those
first, hands their finished jobs to `write(..., needed=...)`, and puts the
digests of their files in this writer's cache key. Nothing is made twice.

A writer that cannot serve some documents (braille for a language liblouis has no
literary table for, audio for one espeak-ng has no voice for) says so with
`available(document, options)`: None when it can, else the reason in plain words
(`options`: the job's, mkdocs.yml's and the front matter's together). The build
then skips the job, the manifest records the reason under `not_available`, the
website's format box says the format is not available in this language and how to
ask for it, and `check` does not count the missing file as a failure. A writer
whose `available()` is not overridden serves every document.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Callable

from ..errors import Warning_
from ..model import Document

ENTRY_POINT_GROUP = "factsheets.writers"


@dataclass
class Output:
    files: dict[str, Path] = field(default_factory=dict)  # manifest format key -> file written
    # A writer's: each output's facts, in a section of its own: {"large_print_pdf": {"pages": 12}}. The
    # manifest keeps them so ("details"), and the site and `check` read them by output key, never by a
    # key's spelling. A part's (write_part): its own facts, which its FinishedPart.details give back.
    details: dict[str, Any] = field(default_factory=dict)
    warnings: list[Warning_] = field(default_factory=list)


# A part may write here the id of the block it is working on: if an engine crashes its
# worker process, the build names that block's line (an engine cannot say where it failed).
WORKING_ON = ".working-on"


@dataclass(frozen=True)
class Part:
    """A piece of a writer's job that can run on its own, in any worker process."""

    name: str  # unique within the job, safe as a folder name
    task: object  # what write_part() needs; picklable, and its repr is all the output depends on


@dataclass(frozen=True)
class FinishedPart:
    folder: Path  # where write_part() wrote its files
    files: dict[str, str]  # file key -> path inside folder
    details: dict[str, Any]  # what write_part's Output gave as details

    def link(self, key: str, dest: Path) -> None:
        """dest becomes the part's file `key`, by hard link where it can (a part's file is
        megabytes and stays in the build's cache), so a writer needs none of the build's plumbing."""
        from ..hardlinks import link_file

        link_file(self.folder / self.files[key], dest)


@dataclass(frozen=True)
class FinishedJob:
    """Another writer's finished job on the same factsheet, for a writer that `needs` it."""

    folder: Path  # its files, in the build being made
    files: dict[str, str]  # manifest format key -> path inside folder
    details: dict[str, dict[str, Any]]
    options: dict[str, Any]  # the options it was made with (its defaults, mkdocs.yml, the front matter)

    def path(self, key: str) -> Path:
        return self.folder / self.files[key]


@dataclass(frozen=True)
class OutputKind:
    """One kind of file a writer makes, in the plain words the website's format box uses.

    A key ending in "*" stands for a family ("large_print_pdf_*": one a print size);
    its label may show the key's varying end as {}.
    """

    key: str  # its name in build/manifest.json
    label: str  # "Large print"
    kind: str  # the kind of file, said after the link: "PDF", "MP3", ...
    purpose: str  # what it is for, in a sentence's words
    media_type: str  # "application/pdf"
    check: str | None = None  # "module:function" that checks it (see check/factsheet.py), if any
    companion_of: str | None = None  # the output this one goes with (an MP3's transcript), if any


@dataclass(frozen=True)
class Option:
    """One setting a writer takes from mkdocs.yml (and a factsheet's front matter)."""

    name: str
    types: tuple[type, ...]  # what YAML may give: (int, float) for a number
    default: Any
    help: str  # said in the error when the value is wrong
    items: tuple[type, ...] = ()  # for a list: what each item may be
    check: Callable[[Any], str | None] | None = None  # a further rule: returns what is wrong, or None


class Writer:
    """What every writer is and may do: subclass it, set the class attributes, write `write()`.

    The optional hooks below have defaults that mean "nothing special", so a reader (and
    mypy) sees the whole interface here, as MkDocs' BasePlugin shows a plugin's.
    """

    name: str  # as the command line's --format names it
    version: str  # bump when the output changes for a reason not in the code (an engine's data, say)
    summary: str  # a few words for the command line's help: "large-print PDF"
    outputs: tuple[OutputKind, ...]  # in the order the format box lists them
    aliases: tuple[str, ...] = ()  # other names --format accepts
    options: tuple[Option, ...] = ()
    weight: float = 1.0  # seconds a job (or a part) usually takes: the longest start first
    preload: tuple[str, ...] = ()  # modules its worker processes import ahead, once
    rank: int = 50  # where its outputs come in the website's format box: lowest first
    # The writers whose finished jobs `write()` is given as needed={name: FinishedJob}.
    needs: tuple[str, ...] = ()
    # True when the job falls into parts: `parts()` and `write_part()` are then used.
    in_parts: bool = False

    def write(self, document: Document, out_dir: Path, options: dict[str, Any], *,
              parts: dict[str, FinishedPart] | None = None, needed: dict[str, FinishedJob] | None = None) -> Output:
        """The factsheet's files in out_dir. `parts`: its finished parts (with `in_parts`);
        `needed`: the finished jobs of the writers it `needs`."""
        raise NotImplementedError(f"the {self.name} writer has no write()")

    def available(self, document: Document, options: dict[str, Any] | None = None) -> str | None:
        """Why this writer cannot serve `document` with these options (the job's: defaults,
        mkdocs.yml, front matter; None: the front matter's alone), in plain words; None when it can."""
        return None

    def engine_version(self) -> str:
        """The native engine's version: part of every cache key, so an upgraded engine remakes the files."""
        return ""

    def dependencies(self, document: Document, options: dict[str, Any]) -> str:
        """What the output depends on besides the document and options (a lexicon file's
        words, other factsheets' titles): part of the cache key."""
        return ""

    def parts(self, document: Document, options: dict[str, Any]) -> list[Part]:
        """The job's independent pieces (with `in_parts`)."""
        return []

    @staticmethod
    def write_part(task: Any, out_dir: Path) -> Output:
        """One piece, in any worker process (with `in_parts`)."""
        raise NotImplementedError("this writer does not work in parts")


def not_available(writer: Writer, document: Document, options: dict[str, Any] | None = None) -> str | None:
    """Why `writer` cannot serve `document` with the job's options, or None if it can. A writer
    from another package may still override `available(document)`, written before the hook
    took the options: it is asked as it was written, not stopped with a TypeError."""
    import inspect

    if len(inspect.signature(writer.available).parameters) < 2:
        return writer.available(document)
    return writer.available(document, options)


@functools.cache
def registry() -> dict[str, Writer]:
    """Every writer registered in the `factsheets.writers` entry-point group, by name,
    the longest jobs first (the order the build runs them in)."""
    writers: dict[str, Writer] = {}
    for point in entry_points(group=ENTRY_POINT_GROUP):
        made = point.load()
        if not (isinstance(made, type) and issubclass(made, Writer)):
            raise TypeError(f"the entry point {point.name} = {point.value} in {ENTRY_POINT_GROUP} is not a "
                            f"subclass of factsheets.writers.Writer")
        writer = made()
        if writer.name in writers:
            continue  # the same package seen twice on the path
        writers[writer.name] = writer
    return dict(sorted(writers.items(), key=lambda item: -item[1].weight))


def needs(writer: Writer) -> tuple[str, ...]:
    """The writers whose outputs this one is made from (none for most)."""
    return tuple(writer.needs)


def defaults(writer: Writer) -> dict[str, Any]:
    return {option.name: option.default for option in writer.options}


@functools.cache
def code_digest(writer_name: str) -> str:
    """A hash of the code and files a writer's output may depend on.

    It is part of every cache key, so a change to print.css or to a renderer can
    never publish an output made by the old code. It takes in more than the writer
    needs (every shared module and asset, the writers' own shared modules), never less:
    only other writers' packages and the build's, check's and site's own code are left out.
    """
    writer = registry()[writer_name]
    own = Path(sys.modules[type(writer).__module__].__file__ or "").resolve()
    own_folder = own.parent if own.name == "__init__.py" else own
    package = Path(__file__).resolve().parents[1]
    paths = [p for p in _code_files(package) if _shared(p, package, own_folder)]
    if not own.is_relative_to(package):  # a writer from another package
        paths += [own] if own_folder == own else list(own_folder.rglob("*.py"))
    digest = hashlib.sha256()
    for path in sorted(set(paths)):
        digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


# Each writer's digest takes in most of the same files: they are listed once a build (without
# the __pycache__ folders, which rglob walked through for each writer).
@functools.cache
def _code_files(package: Path) -> tuple[Path, ...]:
    found = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        found += [Path(folder) / name for name in names if Path(name).suffix in CODE_SUFFIXES]
    return tuple(found)


CODE_SUFFIXES = (".py", ".css", ".html", ".js", ".yml", ".json", ".txt", ".po")  # .po: the fixed words
NOT_WRITERS_CODE = {"build", "validators", "site_theme", "cli.py", "check", "report.py", "site.py",
                    "site_adapter.py", "mkdocs_plugin.py", "progress.py", "processes.py", "site.css",
                    "iframe-worker-shim.js"}


def _shared(path: Path, package: Path, own: Path) -> bool:
    parts = path.relative_to(package).parts
    if NOT_WRITERS_CODE & set(parts) or "__pycache__" in parts:
        return False
    other_writer = parts[0] == "writers" and len(parts) > 2 and not path.is_relative_to(own)
    return not other_writer
