"""What a build returns, and how it fails: each failed job as a Failure, made where it failed."""

from __future__ import annotations

import errno
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import model as m
from ..errors import EngineMissing, SourceError, Warning_
from ..manifest_entry import Manifest
from ..project_root import BUILD_DIR as BUILD_DIR  # the build's modules take it from here
from ..walk import iter_blocks
from ..writers import WORKING_ON


@dataclass(frozen=True)
class Failure:
    """One failed job, made in the process it failed in and sent back whole (it pickles):
    no traceback text to parse, and it is matched to its job by slug and writer."""

    slug: str
    writer: str
    location: str  # "path:line" of the source at fault, else the factsheet's path
    message: str
    engine_missing: bool = False  # its engine is not installed: that format is left out, with a warning

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    @classmethod
    def from_error(cls, slug: str, writer: str, source: str, error: BaseException) -> "Failure":
        if isinstance(error, SourceError):
            return cls(slug, writer, str(error.location), error.message)
        if isinstance(error, EngineMissing):
            return cls(slug, writer, source, f"{writer}: {error}", engine_missing=True)
        if isinstance(error, OSError) and error.errno in OS_ERRORS:
            return cls(slug, writer, as_published(str(error.filename or source)), f"{writer}: {os_error_message(error)}")
        where = failure_place(error)
        return cls(slug, writer, source, f"the {writer} writer failed: {type(error).__name__}: {error}{f' (in {where})' if where else ''}")


def failure_place(error: BaseException) -> str:
    """file:line, in our own code if it passed through it, where the error was raised."""
    frames = traceback.extract_tb(error.__traceback__) if error.__traceback__ else []
    package = str(Path(__file__).parents[1])
    ours = [frame for frame in frames if frame.filename.startswith(package)]
    last = (ours or frames)[-1:]
    return f"{Path(last[0].filename).name}:{last[0].lineno}" if last else ""


# What the disk or the system said, in words staff can act on.
OS_ERRORS = {
    errno.ENOSPC: "the disk is full: free some space (or empty the wastebasket), then build again",
    errno.EDQUOT: "your disk quota is used up: free some space, then build again",
    errno.EROFS: "this folder is on a read-only disk: build the project in a folder you can write to",
    errno.EACCES: "permission denied: this folder or file cannot be written; check its permissions (ls -l) or build in a folder you own",
    errno.EPERM: "not allowed: this folder or file is locked (read-only or immutable; see lsattr), so it cannot be changed; unlock it (chattr -i) or build in another folder",
    errno.EMFILE: "too many files are open at once: close other programs, then build again",
    errno.ENOMEM: "the computer ran out of memory: close other programs, then build again",
    errno.EIO: "the disk reported an input/output error: check the disk, then build again",
    errno.EPIPE: "what this command printed went to a program that stopped reading it (such as | head): "
                 "run it again without that, or send its output to a file (> output.txt)",
}


def as_published(path: str) -> str:
    """A path in the build being made, as it would be once published (build/...): the folder
    it is made in is removed when the build fails."""
    return re.sub(r"^.*/\.builds/[^/]+(?=/|$)", "build", path)


def os_error_message(error: OSError) -> str:
    known = OS_ERRORS.get(error.errno) if error.errno is not None else None
    return known or f"{error.strerror or error}: check this file or folder, then build again"


class BuildFailed(Exception):
    """One or more jobs failed; every failure is listed, nothing was published."""

    def __init__(self, failures: list[Failure]):
        self.failures = failures
        super().__init__("\n".join(map(str, failures)))


@dataclass
class BuildResult:
    manifest: Manifest
    build_dir: Path
    warnings: list[Warning_] = field(default_factory=list)
    built: list[str] = field(default_factory=list)  # "format: slug" of jobs that ran
    cached: list[str] = field(default_factory=list)  # ... and of jobs taken from the cache
    failures: list[Failure] = field(default_factory=list)  # with --keep-going
    unavailable: list[tuple[str, str]] = field(default_factory=list)  # (slug, writer) whose engine is missing
    parts_built: list[str] = field(default_factory=list)  # "format: slug: part" of parts that ran
    parts_cached: int = 0  # parts of jobs that ran, taken from the cache
    site_cached: bool = False
    seconds: float = 0.0
    unchanged: bool = False  # nothing had changed since the published build: it was left as it was


@dataclass
class Job:
    writer_name: str
    slug: str
    document: m.Document
    options: dict[str, Any]  # the writer's options for this factsheet (mkdocs.yml's, then its own)
    key: str
    selected: bool  # False: only taken from the cache (a selective build)
    needs: tuple[str, ...] = ()  # writers whose finished jobs on this factsheet it is made from
    older: bool = False  # not selected, and its files kept from the last build though the text changed since
    not_available: str | None = None  # why the writer cannot serve this factsheet: the job is not run


def working_on_line(folder: Path, document: m.Document) -> int | None:
    """The line of the block a dead worker's part said it was working on (WORKING_ON), if any."""
    try:
        block_id = (folder / WORKING_ON).read_text(encoding="utf-8")
    except OSError:
        return None
    return next((block.line for block in iter_blocks(document.blocks) if block_id and getattr(block, "id", None) == block_id
                 and getattr(block, "line", None)), None)
