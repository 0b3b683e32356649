"""The website step of a build: MkDocs runs once, at the end, unless nothing it reads changed.

A site carried forward from the last build is checked file by file against the
hashes recorded when it was built, as the jobs' outputs are: a page altered or
cut short in build/ is never published again, the site is built afresh.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import sha256_file
from ..errors import Location, Warning_
from ..hardlinks import link_tree
from ..project import Project
from ..shared_text import base_folders
from ..manifest_entry import Manifest
from .result import BuildResult, Job

if TYPE_CHECKING:
    from ..site_adapter import PreparedSite

SITE_KEY_FILE = ".site-key"  # {"key": what the site was built from, "hashes": its files' SHA-256}


def site_key(project: Project, manifest: Manifest, jobs: list[Job]) -> str:
    """Everything the website depends on: the manifest and the files it lists, every page source, the config, the package."""
    digest = hashlib.sha256(json.dumps(manifest, sort_keys=True).encode())
    digest.update(" ".join(sorted(f"{j.writer_name}/{j.slug}/{j.key}" for j in jobs)).encode())
    root = os.path.realpath(project.config.root)
    for path in sorted(site_sources(project)):
        # A link out of the project is refused where it is used; unused, it is not read here either.
        if path.is_file() and os.path.realpath(path).startswith(root + os.sep):
            digest.update(path.relative_to(project.config.root).as_posix().encode() + b"\0" + path.read_bytes())
    package = Path(__file__).parents[1]
    for path in sorted(package.rglob("*")):
        # Every file the package ships: its templates, styles and scripts, and its translations (.po).
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def site_sources(project: Project) -> set[Path]:
    """Every file of the project a page can be made from. A file missed here is an edit the
    site never shows: the shared text a page brings in (--8<--), an organisation's translation."""
    config = project.config
    organisation = config.organisation_file
    folders = [config.docs_dir, config.glossary_dir, *(base_folders(config.extensions, config.root) or [])]
    return {
        config.root / "mkdocs.yml", organisation,
        *organisation.parent.glob(f"{organisation.stem}.*{organisation.suffix}"),  # organisation.cy.yml
        *(path for folder in folders for path in folder.rglob("*")),
    }


def site_hashes(site_dir: Path) -> dict[str, str]:
    """Every file of the site but the factsheets' own files (cached and checked as jobs) -> SHA-256."""
    return {
        path.relative_to(site_dir).as_posix(): sha256_file(path)
        for path in sorted(site_dir.rglob("*"))
        if path.is_file() and path.relative_to(site_dir).parts[0] != "files"
    }


def reusable_site(build_dir: Path, key: str) -> bool:
    """The last build's site was built from the same sources, and every file of it is as built."""
    try:
        recorded = json.loads((build_dir / SITE_KEY_FILE).read_text(encoding="utf-8"))
        if not isinstance(recorded, dict) or recorded.get("key") != key:
            return False
        return site_hashes(build_dir / "site") == recorded.get("hashes")
    except (OSError, ValueError):
        return False


def build_site_cached(project: Project, jobs: list[Job], result: BuildResult, build_dir: Path, staging: Path, files_dir: Path,
                      prepared: PreparedSite | None = None) -> None:
    key = site_key(project, result.manifest, jobs)
    site_dir = staging / "site"
    if reusable_site(build_dir, key):
        link_tree(build_dir / "site", site_dir)
        shutil.rmtree(site_dir / "files", ignore_errors=True)
        result.site_cached = True
    else:
        from ..site_adapter import build_site

        for message in build_site(project, result.manifest, files_dir, site_dir, prepared):
            result.warnings.append(Warning_(Location("mkdocs.yml"), f"website: {message}"))
    hashes = site_hashes(site_dir)
    if files_dir.exists():
        files_dir.rename(site_dir / "files")
    (staging / SITE_KEY_FILE).write_text(json.dumps({"key": key, "hashes": hashes}, sort_keys=True), encoding="utf-8")
