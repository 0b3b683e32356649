"""Publishing a build: one build at a time, and build/ swapped for the new one in one step.

build/ is a symbolic link to a complete build in .builds/ (staff open
build/site/index.html as before: the link is followed). A build is written
into a new folder in .builds/; publishing points a new link at it and renames
that link over build/, which the kernel does in one step (rename(2)). Killed at
any moment, build/ is the old complete build or the new one, never neither.
The next build removes whatever a dead build left behind.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import signal
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import SourceError
from .own_files import BUILDS_DIR, LOCK_FILE, mark

LEFTOVERS = (".build-new-*", ".build-old-*", ".build-link-*")  # in the project folder, from a dead build
KILL_FOR_TESTS = "FACTSHEETS_TEST_KILL_AT"  # a step's name: the build kills itself there (tests only)
RENAME_EXCHANGE = 2  # from <linux/fs.h>
AT_FDCWD = -100


def kill_point(step: str) -> None:
    """Where a test may have the build killed (SIGKILL), to prove each step leaves build/ whole."""
    if os.environ.get(KILL_FOR_TESTS) == step:
        os.kill(os.getpid(), signal.SIGKILL)


@contextmanager
def build_lock(root: Path) -> Iterator[None]:
    # Never through a link, never truncated, never waiting on a named pipe (own_files checked
    # the name first; these flags close the gap between that check and this open).
    try:
        handle = os.open(root / LOCK_FILE, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o644)
    except OSError as error:
        if error.errno not in (errno.ELOOP, errno.ENXIO, errno.EISDIR):
            raise  # a read-only disk, say: said as such by the command line
        raise SourceError(LOCK_FILE, f"this should be the build's own lock file, but it cannot be opened as one ({error.strerror}): delete it, then build again") from None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise SourceError(LOCK_FILE, "this should be the build's own lock file, but it is not an ordinary file: delete it, then build again")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SourceError(str(root / LOCK_FILE), "another build of this project is running: wait for it to finish, then try again") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)


def new_build_folder(root: Path) -> Path:
    """A fresh folder for the build being made, beside the published ones."""
    builds = root / BUILDS_DIR
    builds.mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="build-", dir=builds))
    mark(folder)
    return folder


def remove_leftovers(root: Path, build_dir: Path) -> None:
    """What a dead build left: every folder in .builds/ but the published one, and the
    .build-new-*/.build-old-* folders of earlier versions. Called with the build lock held."""
    for pattern in LEFTOVERS:
        for path in root.glob(pattern):
            remove(path)
    if build_dir.is_symlink() and not build_dir.exists():
        build_dir.unlink()  # its build was removed by hand: the next build starts afresh
    published = build_dir.resolve() if build_dir.is_symlink() else None
    builds = root / BUILDS_DIR
    if builds.is_dir():
        for path in builds.iterdir():
            if path.resolve() != published:
                remove(path)


def remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def publish(staging: Path, build_dir: Path) -> None:
    """Points build/ at the new build in one rename, then removes the old one."""
    kill_point("publish-start")
    root = build_dir.parent
    old = build_dir.resolve() if build_dir.is_symlink() else None
    link = root / f".build-link-{os.getpid()}"
    link.unlink(missing_ok=True)
    link.symlink_to(staging.relative_to(root), target_is_directory=True)
    if old is not None and old != staging:
        from ..check.kept import carry_forward

        carry_forward(old, staging)  # what `check` found, by content: an output unchanged is not checked again
    kill_point("publish-linked")
    if build_dir.is_dir() and not build_dir.is_symlink():
        # build/ as a folder, from before builds were kept in .builds/: the two are swapped in one step.
        exchange(link, build_dir)
        kill_point("publish-swapped")
        shutil.rmtree(link)
    else:
        os.replace(link, build_dir)
        kill_point("publish-swapped")
        if old is not None and old.parent == staging.parent and old != staging:
            shutil.rmtree(old, ignore_errors=True)
    kill_point("publish-done")


def exchange(one: Path, other: Path) -> None:
    """Swaps two paths in one step (Linux renameat2 RENAME_EXCHANGE)."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.renameat2(AT_FDCWD, os.fsencode(one), AT_FDCWD, os.fsencode(other), RENAME_EXCHANGE) != 0:
        number = ctypes.get_errno()
        raise OSError(number, os.strerror(number), str(other))
