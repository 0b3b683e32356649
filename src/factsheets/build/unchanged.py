"""A build with nothing to do stops before it reads the project.

Reading every factsheet, the glossary and the organisation, and working out each job's
cache key, took most of a nothing-changed rebuild (0.4 s, a tenth of a cold build). So a
build first takes a fingerprint of everything its outputs can depend on, in a few
milliseconds, and compares it with the fingerprint saved beside the published build.
The same fingerprint means the same build: it stops there and says what the last one said.

The fingerprint is made of (see `fingerprint`):
- every file of the project, by path, content, time and permissions: the sources, mkdocs.yml,
  the organisation and anything else beside them (the project's build/ and hidden files
  aside), so an edit, a new file, a deleted one or a new link is a change;
- this package's own files, by path, size and modification time (a new version of the
  code is a change);
- the Python packages installed (their dist-info names carry their versions: WeasyPrint,
  MkDocs, Material, liblouis's binding) and the engine commands' files (espeak-ng,
  lou_translate), so an upgrade is a change;
- the build's arguments (formats, factsheets, print sizes), and today's date: a review date
  passing is a warning on the day it passes.

Anything it misses is only ever a build done again, never a stale one published: a build
that fails or publishes with failures saves no fingerprint, and the next build is a full one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import stat as stat_module
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..cache import sha256_file

if TYPE_CHECKING:
    from ..errors import Warning_
    from .result import BuildResult

RECORD = ".unchanged.json"  # in the published build, beside manifest.json
_CACHES = {"__pycache__", "node_modules"}  # skipped at any depth; build/ only at the project's top


def fingerprint(root: Path, arguments: Mapping[str, object]) -> str:
    digest = hashlib.sha256()

    def add(*parts: object) -> None:
        digest.update("\0".join(map(str, parts)).encode("utf-8", "surrogateescape") + b"\n")

    add("factsheets", __version__, sys.version, os.environ.get("FACTSHEETS_SITE_ENGINE", ""), dt.date.today().isoformat(), json.dumps(arguments, sort_keys=True, default=str))
    # The project's files by content too (a few hundred kB of text and pictures: milliseconds),
    # so an edit of the same length with its time put back (cp -p, an unzip) is a change;
    # the package's own files by size and time, as Python's bytecode cache takes them.
    for path, stat in _files(root):
        add(path, stat.st_size, stat.st_mtime_ns, stat.st_mode, _content(root / path.split(" -> ")[0]))
    for path, stat in _files(Path(__file__).resolve().parent.parent):
        add(path, stat.st_size, stat.st_mtime_ns, stat.st_mode)
    for entry in sys.path:
        if os.path.isdir(entry):
            add(entry, *sorted(name for name in os.listdir(entry) if name.endswith((".dist-info", ".egg-info"))))
    for command in ("espeak-ng", "lou_translate"):
        found = shutil.which(command)
        program = os.stat(found) if found else None
        add(command, found, program and program.st_size, program and program.st_mtime_ns)
    return digest.hexdigest()


def _files(folder: Path) -> Iterator[tuple[str, os.stat_result]]:
    """Every file under `folder` with its stat, in a stable order; hidden names, build/ and
    caches aside. A symbolic link is there by where it points (the full build refuses one
    that leads out of the project: a new one must be a change), and a link to a folder is
    not followed."""
    for current, folders, names in os.walk(folder):
        top = current == str(folder)
        kept = [f for f in folders if not f.startswith(".") and f not in _CACHES and not (top and f == "build")]  # build/ is a link to .builds/
        links = sorted(f for f in kept if os.path.islink(os.path.join(current, f)))
        folders[:] = sorted(f for f in kept if f not in links)
        for name in sorted([*names, *links]):
            if name.startswith("."):
                continue
            path = os.path.join(current, name)
            shown = os.path.relpath(path, folder)
            if os.path.islink(path):
                shown += " -> " + os.readlink(path)
            try:
                yield shown, os.stat(path)
            except OSError:
                yield shown, os.lstat(path)  # a broken link: the full build will say so


def _content(path: Path) -> str:
    """A plain file's SHA-256. A link is there by where it points, not read: it may lead to
    /dev/zero, which never ends (the full build refuses such a link), or to a file of the
    project that is hashed on its own."""
    try:
        return sha256_file(path) if stat_module.S_ISREG(os.lstat(path).st_mode) else "not a plain file"
    except OSError as error:
        return type(error).__name__


def last_build(build_dir: Path, print_fingerprint: str) -> dict[str, Any] | None:
    """What the published build said (its record, as save() wrote it, and its manifest), if it was
    made from this same fingerprint and is whole."""
    try:
        record = json.loads((build_dir / RECORD).read_text(encoding="utf-8"))
        manifest = json.loads((build_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("fingerprint") != print_fingerprint:
        return None
    if record.get("outputs") != outputs(build_dir):
        return None  # a file in build/ was changed, added or removed since: build it again
    return {**record, "manifest": manifest}


def outputs(build_dir: Path) -> str:
    """The published build's files, by path, size and modification time (a file damaged or
    removed by hand is a change, as the full build's cache check would find)."""
    digest = hashlib.sha256()
    for path, stat in _files(build_dir.resolve()):
        if path != RECORD:
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def save(staging: Path, print_fingerprint: str, warnings: Sequence[Warning_], jobs: list[str]) -> None:
    record = {"fingerprint": print_fingerprint, "jobs": jobs, "outputs": outputs(staging),
              "warnings": [[w.location.path, w.location.line, w.message] for w in warnings]}
    (staging / RECORD).write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def said_again(record: Mapping[str, Any], build_dir: Path) -> BuildResult:
    """The published build's result, as the build that made it reported it: every job from the cache."""
    from ..errors import Location, Warning_
    from .result import BuildResult

    warnings = [Warning_(Location(path, line), message) for path, line, message in record.get("warnings", [])]
    return BuildResult(record["manifest"], build_dir, warnings, cached=list(record.get("jobs", [])), site_cached=True, unchanged=True)
