"""A build: read the project, run every writer, build the site, publish atomically.

The published build/ only ever changes from one complete, good build to the
next: everything is written into a fresh folder beside it, which replaces
build/ only when every step has succeeded. A failed build leaves build/ as it was.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .errors import EngineMissing, Location, SourceError, Warning_
from .project import Project, load_project
from .writers import registry

BUILD_DIR = "build"
LOCK_FILE = ".factsheets-build.lock"


@dataclass
class BuildResult:
    manifest: dict
    build_dir: Path
    warnings: list[Warning_] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    seconds: float = 0.0


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


def manifest_entry(document) -> dict:
    meta = document.meta
    return {
        "slug": meta.slug,
        "title": meta.title,
        "summary": meta.summary,
        "language": meta.language,
        "version": meta.version,
        "date": meta.date,
        "source": meta.source,
        "formats": {"html": f"site/{Path(meta.source).relative_to('docs').with_suffix('.html').as_posix()}"},
    }


def select_writers(formats: list[str] | None):
    writers = registry()
    if not formats:
        return list(writers.values())
    unknown = [f for f in formats if f not in writers and f != "html"]
    if unknown:
        raise SourceError("--format", f"unknown format '{unknown[0]}': choose from html, {', '.join(writers)}")
    return [w for name, w in writers.items() if name in formats]


def build(root: Path, formats: list[str] | None = None, log=lambda message: None) -> BuildResult:
    started = time.monotonic()
    root = root.resolve()
    build_dir = root / BUILD_DIR
    with build_lock(root):
        project = load_project(root)
        result = BuildResult({}, build_dir, list(project.warnings))
        staging = Path(tempfile.mkdtemp(prefix=".build-new-", dir=root))
        try:
            files_dir = staging / "files"
            result.manifest = run_writers(project, select_writers(formats), files_dir, result, log)
            from .site_adapter import build_site

            for message in build_site(project, result.manifest, files_dir, staging / "site"):
                result.warnings.append(Warning_(Location("mkdocs.yml"), f"website: {message}"))
            if files_dir.exists():
                files_dir.rename(staging / "site" / "files")
            (staging / "manifest.json").write_text(json.dumps(result.manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            publish(staging, build_dir)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    result.seconds = time.monotonic() - started
    return result


def run_writers(project: Project, writers, files_dir: Path, result: BuildResult, log) -> dict:
    entries = []
    for document in project.documents:
        entry = manifest_entry(document)
        out_dir = files_dir / document.meta.slug
        for writer in writers:
            options = {
                **project.config.writer_options(writer.name),
                **document.meta.options.get(writer.name, {}),
                "project_root": project.config.root,
            }
            try:
                output = writer.write(document, out_dir, options)
            except EngineMissing as error:
                # A missing engine costs that format only: the others still build.
                result.warnings.append(Warning_(Location(document.meta.source), str(error)))
                entry.setdefault("failed", []).append(writer.name)
                continue
            for key, path in output.files.items():
                entry["formats"][key] = "site/files/" + path.relative_to(files_dir).as_posix()
                result.written.append(entry["formats"][key])
            entry.update(output.details)
            result.warnings.extend(output.warnings)
            log(f"{document.meta.slug}: {writer.name} written")
        entries.append(entry)
    return {"generator": f"factsheets {__version__}", "factsheets": entries}


def publish(staging: Path, build_dir: Path) -> None:
    """Swap the new build in for the old one with two renames on the same disk."""
    old = None
    if build_dir.exists():
        old = build_dir.with_name(f".build-old-{os.getpid()}")
        build_dir.rename(old)
    staging.rename(build_dir)
    if old:
        shutil.rmtree(old, ignore_errors=True)
