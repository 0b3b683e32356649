"""Publishing a build: one build at a time, and build/ swapped for the new one at the end."""

from __future__ import annotations

import fcntl
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from ..errors import SourceError

LOCK_FILE = ".factsheets-build.lock"


@contextmanager
def build_lock(root: Path):
    handle = open(root / LOCK_FILE, "w")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise SourceError(str(root / LOCK_FILE), "another build of this project is running: wait for it to finish, then try again") from None
    try:
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def publish(staging: Path, build_dir: Path) -> None:
    """Swap the new build in for the old one with two renames on the same disk."""
    old = None
    if build_dir.exists():
        old = build_dir.with_name(f".build-old-{os.getpid()}")
        build_dir.rename(old)
    staging.rename(build_dir)
    if old:
        shutil.rmtree(old, ignore_errors=True)
