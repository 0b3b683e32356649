"""Check results kept by content, so that an output checked once is not checked again.

Each piece of a check (one factsheet's sources and files; one EPUB under EPUBCheck and Ace;
one page of the site in the browser) is stored under a key: a digest of everything its result
depends on, which is
- the content (SHA-256) of every file it reads, as the manifest lists them;
- the factsheet as the build read it (the document model, its source file and the project's
  settings, glossary and organisation files, for the checks of the source);
- the checker's own version: every file of this package by content, the Python packages
  installed (their names carry their versions: EPUBCheck's, Playwright's, axe's), and the
  engines' programs (Java, Node, Chromium, DAISY Ace) by size and time.
So a key found means the same result; anything it misses is only ever a check done again.

The results live in the build's own folder (build/.check-results/), which `check` reads only
when check_own_files() has found it is a build made on this computer. A committed or copied
build/ is never read, a link is never followed (each file is opened O_NOFOLLOW and must be a
plain file), and each result is written whole then renamed into place. A new build carries
the results forward (build/publish.py calls carry_forward): the keys say which still hold.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..cache import sha256_file
from ..validators import Finding

FOLDER = ".check-results"  # hidden: the build's nothing-changed fingerprint of its files leaves it out
PROGRAMS = ("java", "javac", "node", "chromium")


def digest(*parts: object) -> str:
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(str(part).encode("utf-8", "surrogateescape") + b"\0")
    return hashed.hexdigest()


def file_digest(path: Path) -> str:
    """A plain file's SHA-256, or why there is none (a missing file is part of what is checked)."""
    try:
        return sha256_file(path) if stat.S_ISREG(os.stat(path).st_mode) else "not a plain file"
    except OSError as error:
        return type(error).__name__


def checker_version() -> str:
    """The checker as it is installed: this package's files by content, the packages and engines beside it."""
    package = Path(__file__).resolve().parent.parent
    parts = []
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            parts.append(f"{path.relative_to(package).as_posix()} {file_digest(path)}")
    # The packages' names and versions, not the folders they are in: a test run and the command
    # have other folders on sys.path, and the same packages.
    parts += sorted({n for entry in sys.path if os.path.isdir(entry) for n in os.listdir(entry) if n.endswith((".dist-info", ".egg-info"))})
    for program in PROGRAMS:
        found = shutil.which(program)
        info = os.stat(found) if found else None
        parts.append(f"{program} {found} {info and info.st_size} {info and info.st_mtime_ns}")
    from ..validators.epub import ace_command

    ace = ace_command()
    parts.append(f"ace {file_digest(ace.resolve()) if ace else None}")
    return digest(*parts)


class KeptResults:
    """The results in build/.check-results/: read and written only inside a build made here."""

    def __init__(self, build_dir: Path | None):
        self.folder = build_dir / FOLDER if build_dir is not None else None
        self.used: set[str] = set()

    def get(self, key: str) -> dict[str, Any] | None:
        if self.folder is None:
            return None
        try:
            handle = os.open(self.folder / f"{key}.json", os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            return None
        try:
            with os.fdopen(handle, "rb") as kept:
                if not stat.S_ISREG(os.fstat(kept.fileno()).st_mode) or not _real_folder(self.folder):
                    return None
                data = json.loads(kept.read().decode("utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        self.used.add(key)
        return data

    def put(self, key: str, data: dict[str, Any]) -> None:
        """Written whole, then renamed into place: a check stopped half-way leaves no half result."""
        if self.folder is None:
            return
        try:
            if not os.path.lexists(self.folder):
                self.folder.mkdir()
            if not _real_folder(self.folder):
                return
            partial = self.folder / f".{key}.{os.getpid()}"
            handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
            with os.fdopen(handle, "w", encoding="utf-8") as made:
                json.dump({**data, "key": key}, made, ensure_ascii=False)
            os.replace(partial, self.folder / f"{key}.json")
            self.used.add(key)
        except OSError:
            pass  # a result not kept is a check done again next time

    def forget_unused(self) -> None:
        """After a full check: the results no output has any more."""
        if self.folder is None or not _real_folder(self.folder):
            return
        for path in self.folder.iterdir():
            if path.name.removesuffix(".json") not in self.used:
                path.unlink(missing_ok=True)


def _real_folder(folder: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(folder).st_mode)
    except OSError:
        return False


def findings_data(findings: list[Finding]) -> list[dict[str, Any]]:
    return [asdict(f) for f in findings]


def findings_from(data: list[dict[str, Any]]) -> list[Finding]:
    return [Finding(**item) for item in data]


def carry_forward(old: Path, new: Path) -> None:
    """The last build's kept results into the new build (hard links: nothing is copied). Only
    from a build made on this computer, and only plain files."""
    from ..build.own_files import is_marked
    from ..hardlinks import link_file

    source = old / FOLDER
    if not is_marked(old) or not _real_folder(source):
        return
    try:
        (new / FOLDER).mkdir(exist_ok=True)
        for path in source.iterdir():
            if path.suffix == ".json" and stat.S_ISREG(os.lstat(path).st_mode):
                link_file(path, new / FOLDER / path.name)
    except OSError:
        pass  # not carried: the next check checks again
