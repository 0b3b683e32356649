"""The build's manifest (build/manifest.json) and each factsheet's files beside the site."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .. import __version__, cache
from ..writers import registry
from ..hardlinks import link_file
from ..project import Project
from .. import model as m
from ..manifest_entry import Manifest, ManifestEntry
from .result import BuildResult, Job

# The jobs made or taken from the cache: (writer, slug) -> its cache entry.
Entries = dict[tuple[str, str], cache.Entry]


def document_digest(document: m.Document) -> str:
    """What the text of every format is made from (the factsheet, its glossary terms, the
    organisation's details), as a short hash: a preview compares it to mark older downloads."""
    return hashlib.sha256(repr(document).encode("utf-8")).hexdigest()[:16]


def manifest_entry(document: m.Document, docs_dir: str) -> ManifestEntry:
    meta = document.meta
    page = Path(meta.source).relative_to(docs_dir).with_suffix(".html").as_posix()
    return {
        "slug": meta.slug,
        "title": meta.title,
        "summary": meta.summary,
        "language": meta.language,
        "version": meta.version,
        "date": meta.date,
        "source": meta.source,
        "digest": document_digest(document),
        "formats": {"html": f"site/{page}"},
        "details": {},  # output key -> its facts: {"large_print_pdf": {"pages": 19}}
    }


def make_manifest(project: Project, jobs: list[Job], entries: Entries, result: BuildResult) -> Manifest:
    docs_dir = project.config.docs_dir.relative_to(project.config.root).as_posix()
    out: list[ManifestEntry] = []
    for document in project.documents:
        slug = document.meta.slug
        entry = manifest_entry(document, docs_dir)
        for job in jobs:
            if job.slug != slug:
                continue
            done = entries.get((job.writer_name, slug))
            if job.not_available:
                kinds = registry()[job.writer_name].outputs
                entry.setdefault("not_available", {}).update({k.key: job.not_available for k in kinds if not k.key.endswith("*")})
                continue
            if done is None:
                failed = any(f.slug == slug and f.writer == job.writer_name for f in result.failures)
                if failed or (slug, job.writer_name) in result.unavailable:
                    kinds = registry()[job.writer_name].outputs
                    entry.setdefault("failed", []).extend(k.key for k in kinds if not k.key.endswith("*"))
                continue
            for key, name in done.files.items():
                entry["formats"][key] = f"site/files/{slug}/{name}"
            if job.older:  # kept from the last build by a build of other formats: made from an older text
                entry.setdefault("older", []).extend(done.files)
            entry["details"].update(done.details)
        out.append(entry)
    return {"generator": f"factsheets {__version__}", "factsheets": out}


def place_files(project: Project, jobs: list[Job], entries: Entries, staging: Path, files_dir: Path) -> None:
    """Each factsheet's files, linked from the cache into the site's files/<slug>/ folder."""
    for job in jobs:
        if (job.writer_name, job.slug) in entries:
            source = cache.entry_dir(staging, job.writer_name, job.slug, job.key)
            dest = files_dir / job.slug
            dest.mkdir(parents=True, exist_ok=True)
            for path in source.rglob("*"):
                if path.is_file() and path.name != cache.ENTRY_FILE:
                    target = dest / path.relative_to(source)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    link_file(path, target)
