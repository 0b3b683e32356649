"""Planning a build: which writer runs on which factsheet, with which options and cache key."""

from __future__ import annotations

from .. import cache
from ..errors import SourceError
from ..formats import FORMAT_ALIASES
from ..project import Project
from ..writers import registry
from .result import Job


def writer_names(formats: list[str] | None) -> list[str] | None:
    """Writer names for --format, which accepts writer names and manifest keys (pdf, brf, ...)."""
    if not formats:
        return None
    writers = registry()
    names = []
    for name in formats:
        name = FORMAT_ALIASES.get(name, name)
        if name == "html":
            continue
        if name not in writers:
            choices = ", ".join(["html", *writers])
            raise SourceError("--format", f"unknown format '{name}': choose from {choices}")
        names.append(name)
    return names


def plan_jobs(project: Project, only_slugs: set[str] | None, only_writers: list[str] | None, overrides: dict) -> list[Job]:
    jobs = []
    writers = registry()
    for document in project.documents:
        for name, writer in writers.items():
            # mkdocs.yml, then the factsheet's own front matter, then what the command line asked for.
            options = {
                **project.config.writer_options(name),
                **document.meta.options.get(name, {}),
                **overrides.get(name, {}),
                "project_root": project.config.root,
            }
            selected = (only_slugs is None or document.meta.slug in only_slugs) and (only_writers is None or name in only_writers)
            jobs.append(Job(name, document.meta.slug, document, options, cache.job_key(document, writer, options), selected))
    # The longest tasks first, so both cores stay busy to the end: a PDF (a second or so)
    # is longer than most audio sections, which run longest first; braille and print are short.
    order = {"pdf": 0, "audio": 1, "braille": 2}
    jobs.sort(key=lambda j: order.get(j.writer_name, 9))
    return jobs
