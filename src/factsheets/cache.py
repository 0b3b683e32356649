"""The job cache: every writer's output for a factsheet, kept under build/cache by a
hash of everything it depends on.

A job's key covers the document model (which already holds the factsheet's
text, the glossary entries it uses and the organisation's details), the
writer's options, the writer's version and its engine's version, and anything
else the writer declares (the lexicon entries the audio uses). An entry records
the SHA-256 of each file, so a truncated or altered file is found and rebuilt,
never published.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .errors import Location, Warning_
from .hardlinks import link_tree

if TYPE_CHECKING:
    from .model import Document
    from .writers import Writer

CACHE_DIR = "cache"
ENTRY_FILE = "entry.json"


def sha256_file(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def job_key(document: Document, writer: Writer, options: dict[str, Any]) -> str:
    """What a job's output depends on, as one hash."""
    public = {k: v for k, v in sorted(options.items()) if k != "project_root"}
    return _digest(
        *_writer_identity(writer),
        json.dumps(public, sort_keys=True, default=str),
        repr(document),
        writer.dependencies(document, options),
    )


def with_needed(key: str, needed: dict[str, dict[str, str]]) -> str:
    """A job's key with the SHA-256 of every file of the jobs it is made from (writer -> file -> digest):
    a new recording makes a new EPUB, the same recording finds the last one in the cache."""
    return _digest(key, json.dumps(needed, sort_keys=True))


def part_key(writer: Writer, task: object) -> str:
    """What a part's output depends on: the writer, its engine, and everything in the part's task."""
    return _digest(*_writer_identity(writer), repr(task))


def _writer_identity(writer: Writer) -> list[str]:
    from .writers import code_digest

    return [
        f"factsheets {__version__}",
        f"writer {writer.name} {writer.version} {code_digest(writer.name)}",
        f"engine {writer.engine_version()}",
    ]


def _digest(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


@dataclass
class Entry:
    """A finished job: its files (manifest key -> path inside the entry folder), details and warnings."""

    files: dict[str, str]
    details: dict[str, Any] = field(default_factory=dict)
    warnings: list[list[Any]] = field(default_factory=list)  # [path, line, message]
    hashes: dict[str, str] = field(default_factory=dict)  # every file in the folder -> sha256
    parts: dict[str, str] = field(default_factory=dict)  # part name -> key, of a writer that works in parts

    def warning_objects(self) -> list[Warning_]:
        return [Warning_(Location(path, line), message) for path, line, message in self.warnings]


def entry_dir(build_dir: Path, writer_name: str, slug: str, key: str) -> Path:
    return build_dir / CACHE_DIR / writer_name / slug / key


def part_dir(build_dir: Path, writer_name: str, slug: str, key: str) -> Path:
    return build_dir / CACHE_DIR / f"{writer_name}-parts" / slug / key


def save(folder: Path, files: dict[str, Path], details: dict[str, Any], warnings: list[Warning_], parts: dict[str, str] | None = None) -> Entry:
    hashes = {p.relative_to(folder).as_posix(): sha256_file(p) for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ENTRY_FILE}
    entry = Entry(
        files={key: path.relative_to(folder).as_posix() for key, path in files.items()},
        details=details,
        warnings=[[w.location.path, w.location.line, w.message] for w in warnings],
        hashes=hashes,
        parts=parts or {},
    )
    (folder / ENTRY_FILE).write_text(json.dumps(entry.__dict__, indent=1, sort_keys=True), encoding="utf-8")
    return entry


def load(folder: Path) -> Entry | None:
    """The entry in folder if it is complete and every file matches its hash; None otherwise."""
    try:
        data = json.loads((folder / ENTRY_FILE).read_text(encoding="utf-8"))
        entry = Entry(**data)
    except (OSError, ValueError, TypeError):
        return None
    if not set(entry.files.values()) <= set(entry.hashes):
        return None
    for name, digest in entry.hashes.items():
        path = folder / name
        # A link is never the build's own: it would carry another file into the build.
        if path.is_symlink() or not path.is_file() or sha256_file(path) != digest:
            return None
    return entry


def carry_forward(old: Path, new: Path) -> Entry | None:
    """The entry in the last build's folder `old`, if it is still good, linked into the new build's `new`."""
    entry = load(old) if old.is_dir() else None
    if entry is not None:
        link_tree(old, new)
    return entry
