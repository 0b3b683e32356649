"""Planning a build: which writer runs on which factsheet, with which options and cache key."""

from __future__ import annotations

from .. import cache
from ..errors import SourceError
from ..errors import Location
from ..formats import format_aliases
from ..project import Project
from ..options import check_options, with_defaults
from ..writers import not_available, registry
from .result import Job


def writer_names(formats: list[str] | None) -> list[str] | None:
    """Writer names for --format, which accepts writer names and manifest keys (pdf, brf, ...)."""
    if not formats:
        return None
    writers = registry()
    names = []
    for name in formats:
        name = format_aliases().get(name, name)
        if name == "html":
            continue
        if name not in writers:
            choices = ", ".join(["html", *writers])
            raise SourceError("--format", f"unknown format '{name}': choose from {choices}")
        names.append(name)
    return names


def plan_jobs(project: Project, only_slugs: set[str] | None, only_writers: list[str] | None, overrides: dict) -> list[Job]:
    """Every writer on every factsheet, the writers with the longest jobs first (the registry's
    order), so that both cores stay busy to the end."""
    jobs = []
    writers = registry()
    for name, given in overrides.items():
        check_options(writers[name], given, lambda option: Location("the command line"))
    for name, writer in writers.items():
        for document in project.documents:
            # Its defaults, mkdocs.yml, the factsheet's own front matter, then the command line.
            options = with_defaults(name, project.config.writer_options(name), document.meta.options.get(name, {}), overrides.get(name, {}))
            options["project_root"] = project.config.root
            selected = (only_slugs is None or document.meta.slug in only_slugs) and (only_writers is None or name in only_writers)
            key = cache.job_key(document, writer, options)
            jobs.append(Job(name, document.meta.slug, document, options, key, selected, not_available(writer, document)))
    return jobs
