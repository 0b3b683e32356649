"""Runs MkDocs, the site generator, as one step of a build (the only module of the build that imports it)."""

from __future__ import annotations

import logging
from pathlib import Path

from .errors import LogCollector, SourceError
from .project import Project


def build_site(project: Project, manifest: dict, files_dir: Path, site_dir: Path) -> list[str]:
    """Build the website into site_dir; returns MkDocs' warnings."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    collect = LogCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    previous = logger.level
    logger.setLevel(logging.WARNING)
    try:
        config = load_config(str(project.config.root / "mkdocs.yml"), site_dir=str(site_dir))
        config.plugins["factsheets"].attach(project, manifest, files_dir)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:
        raise SourceError("mkdocs.yml", f"the website could not be built: {error}") from None
    finally:
        logger.removeHandler(collect)
        logger.setLevel(previous)
    return collect.messages
