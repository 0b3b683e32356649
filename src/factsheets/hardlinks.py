"""Copies by hard link: outputs move between the cache, the writers' folders and the
site without their bytes being copied (a factsheet's audio is megabytes)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def link_file(source: Path, dest: Path) -> None:
    """dest becomes the same file as source; a copy where a link cannot be made (another disk)."""
    try:
        os.link(source, dest)
    except OSError:
        shutil.copy2(source, dest)


def link_tree(source: Path, dest: Path) -> None:
    shutil.copytree(source, dest, copy_function=lambda a, b: link_file(Path(a), Path(b)), dirs_exist_ok=True)
