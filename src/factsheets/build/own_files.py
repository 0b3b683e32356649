"""The build's own files in the project folder, checked before any of them is opened or removed.

The build keeps a lock file, the folder .builds/ of complete builds, and build/, a link to
the newest of them (publish.py). Anyone who may commit a factsheet may commit these names
too: a link `.factsheets-build.lock` -> any file would have that file truncated when the
lock was opened, a link `.builds` -> any folder would have that folder emptied, a named
pipe as the lock would block the build forever, and a committed build/ would be read as
the last build's cache and carried into the site. So each must be what the build makes,
or the build stops with one line before touching it:

- the lock is an ordinary file (or absent);
- .builds/ is a real folder (or absent);
- build/ is a link to a folder directly inside .builds/ (or absent), and that folder holds
  the mark of a build made on this machine: a digest of a key kept in the user's cache
  folder, which a committed file cannot know.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path

from ..errors import SourceError

LOCK_FILE = ".factsheets-build.lock"
BUILDS_DIR = ".builds"  # complete builds (the one build/ points to) and the one being made
MARK_FILE = ".made-by-factsheets"  # in each build folder: the digest of this machine's key
KEY_BYTES = 32


def check_own_files(root: Path, build_dir: Path) -> bool:
    """Refuses a lock, .builds/ or build/ that the build could not have made. True when build/
    is a build made on this computer, whose cache and records may be read; otherwise (no build
    yet, or one from an earlier version or another computer) nothing in it is read, and the
    new build replaces it."""
    lock = root / LOCK_FILE
    kind = _kind(lock)
    if kind not in (None, "a file"):
        raise SourceError(LOCK_FILE, f"this should be the build's own lock file, but it is {kind}: delete it, then build again")
    builds = root / BUILDS_DIR
    kind = _kind(builds)
    if kind not in (None, "a folder"):
        raise SourceError(BUILDS_DIR, f"this should be the folder where the build keeps its builds, but it is {kind}: delete it, then build again")
    kind = _kind(build_dir)
    if kind in (None, "a folder"):
        return kind == "a folder" and is_marked(build_dir)  # a folder: as earlier versions made build/
    fix = f"delete {build_dir.name} (the next build makes it again), then build again"
    if kind != "a link":
        raise SourceError(build_dir.name, f"this should be a link the build makes to its newest build, but it is {kind}: {fix}")
    target = Path(os.readlink(build_dir))
    if target.is_absolute() or len(target.parts) != 2 or target.parts[0] != BUILDS_DIR or target.parts[1] in ("..", "."):
        raise SourceError(build_dir.name, f"this link should point to a build in {BUILDS_DIR}/, but it points to {target}: {fix}")
    kind = _kind(root / target)
    if kind not in (None, "a folder"):
        raise SourceError(build_dir.name, f"this link should point to a build in {BUILDS_DIR}/, but {target} is {kind}: {fix}")
    return kind == "a folder" and is_marked(root / target)


def made_here(root: Path, build_dir: Path) -> bool:
    """Whether build/ is this computer's build, for a reader (the preview) that must not stop
    over it: anything check_own_files would refuse is simply not this computer's."""
    try:
        return check_own_files(root, build_dir)
    except SourceError:
        return False


def _kind(path: Path) -> str | None:
    """What is at path, in words, without following a link; None when nothing is."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(mode):
        return "a link"
    if stat.S_ISREG(mode):
        return "a file"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a named pipe" if stat.S_ISFIFO(mode) else "a device or a socket"


def mark(folder: Path) -> None:
    """Marks a new build folder as made by this build, on this computer."""
    (folder / MARK_FILE).write_text(_expected_mark(), encoding="ascii")


def is_marked(folder: Path) -> bool:
    path = folder / MARK_FILE
    if _kind(path) != "a file":
        return False
    try:
        return path.read_text(encoding="ascii", errors="replace") == _expected_mark()
    except OSError:
        return False


def _expected_mark() -> str:
    return hashlib.sha256(b"factsheets build folder\0" + _machine_key()).hexdigest()


def _machine_key() -> bytes:
    """A random key kept in the user's cache folder (made on first use; only its owner may read it)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    for folder in (Path(base) / "factsheets", Path(tempfile.gettempdir()) / f"factsheets-{os.getuid()}"):
        key = _read_or_make_key(folder / "build-key")
        if key is not None:
            return key
    raise SourceError(str(Path(base) / "factsheets"), "the build cannot keep its key here or in the temporary folder: check that your home folder can be written to")


def _read_or_make_key(path: Path) -> bytes | None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not os.path.lexists(path):
            # Written whole, then linked into place: a build starting beside this one reads the whole key or none.
            partial = path.with_name(f"{path.name}.{os.getpid()}")
            handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
            with os.fdopen(handle, "wb") as made:
                made.write(os.urandom(KEY_BYTES))
            try:
                os.link(partial, path)
            except FileExistsError:
                pass  # another build made it first: its key is the one
            finally:
                partial.unlink()
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(handle, "rb") as kept:
            info = os.fstat(kept.fileno())
            key = kept.read(KEY_BYTES + 1)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or len(key) != KEY_BYTES:
            return None
        return key
    except OSError:
        return None
