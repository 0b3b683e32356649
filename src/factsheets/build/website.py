"""The website step of a build: MkDocs runs once, at the end, unless nothing it reads changed."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from ..errors import Location, Warning_
from ..hardlinks import link_tree
from ..project import Project
from .result import BuildResult

SITE_KEY_FILE = ".site-key"


def site_key(project: Project, manifest: dict, jobs) -> str:
    """Everything the website depends on: the manifest and the files it lists, every page source, the config, the package."""
    digest = hashlib.sha256(json.dumps(manifest, sort_keys=True).encode())
    digest.update(" ".join(sorted(f"{j.writer_name}/{j.slug}/{j.key}" for j in jobs)).encode())
    root = project.config.root
    for path in sorted([root / "mkdocs.yml", project.config.organisation_file, *project.config.docs_dir.rglob("*"), *project.config.glossary_dir.rglob("*")]):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    package = Path(__file__).parents[1]
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".html", ".css", ".js"):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def build_site_cached(project: Project, jobs, result: BuildResult, build_dir: Path, staging: Path, files_dir: Path, prepared=None) -> None:
    key = site_key(project, result.manifest, jobs)
    old_site = build_dir / "site"
    site_dir = staging / "site"
    if (build_dir / SITE_KEY_FILE).exists() and (build_dir / SITE_KEY_FILE).read_text() == key and old_site.is_dir():
        link_tree(old_site, site_dir)
        shutil.rmtree(site_dir / "files", ignore_errors=True)
        result.site_cached = True
    else:
        from ..site_adapter import build_site

        for message in build_site(project, result.manifest, files_dir, site_dir, prepared):
            result.warnings.append(Warning_(Location("mkdocs.yml"), f"website: {message}"))
    if files_dir.exists():
        files_dir.rename(site_dir / "files")
    (staging / SITE_KEY_FILE).write_text(key)
