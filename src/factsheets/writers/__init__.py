"""Writers: one module per output format, one small interface, one registry.

A writer turns a Document into files in a folder and says what it wrote:
manifest format keys -> files, and details such as a page count. Writers know
nothing of MkDocs, of each other or of the build's caching and publishing.

A writer whose work falls into independent pieces (audio: one a section) may
also offer `parts()` and `write_part()`: the build then runs the pieces as jobs
of their own, caches each by its own key, and hands the finished ones to
`write()`, which only assembles them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..errors import Warning_
from ..model import Document


@dataclass
class Output:
    files: dict[str, Path] = field(default_factory=dict)  # manifest format key -> file written
    details: dict[str, object] = field(default_factory=dict)  # e.g. {"pdf_pages": 12}
    warnings: list[Warning_] = field(default_factory=list)


@dataclass(frozen=True)
class Part:
    """A piece of a writer's job that can run on its own, in any worker process."""

    name: str  # unique within the job, safe as a folder name
    task: object  # what write_part() needs; picklable, and its repr is all the output depends on


@dataclass(frozen=True)
class FinishedPart:
    folder: Path  # where write_part() wrote its files
    files: dict[str, str]  # file key -> path inside folder
    details: dict[str, object]


class Writer(Protocol):
    name: str  # as the command line's --format names it
    version: str  # bump when the output changes, so cached outputs are rebuilt

    def write(self, document: Document, out_dir: Path, options: dict) -> Output: ...


def registry() -> dict[str, Writer]:
    """Every writer, by format name, in the order they run."""
    from .audio import AudioWriter
    from .braille import BrailleWriter
    from .pdf import PdfWriter
    from .print_html import PrintHtmlWriter

    writers: list[Writer] = [PrintHtmlWriter(), PdfWriter(), BrailleWriter(), AudioWriter()]
    return {w.name: w for w in writers}
