"""Where a project and its build are: the folder with mkdocs.yml, here or above, and its
build/ folder. Light to import: the command line asks before it loads the rest of the tool."""

from __future__ import annotations

from pathlib import Path

CONFIG_FILE = "mkdocs.yml"
BUILD_DIR = "build"


def project_root(start: Path) -> Path | None:
    """The folder with mkdocs.yml: start, or the nearest folder above it that has one."""
    return next((folder for folder in [start, *start.parents] if (folder / CONFIG_FILE).exists()), None)
