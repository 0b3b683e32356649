"""Planning a build: which writer runs on which factsheet, with which options and cache key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import cache
from ..errors import SourceError
from ..errors import Location
from ..formats import format_aliases
from ..project import Project
from ..options import check_options, with_defaults
from ..writers import Writer, needs, not_available, registry
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


def with_needs(names: list[str] | None) -> list[str] | None:
    """The writers --format names and every writer they are made from: an EPUB built alone
    still has its audio and its large-print PDF built (or taken from the cache)."""
    if names is None:
        return None
    wanted: list[str] = []
    todo = list(names)
    while todo:
        name = todo.pop(0)
        if name not in wanted:
            wanted.append(name)
            todo += needs(registry()[name])
    return wanted


def build_order(writers: Mapping[str, Writer]) -> list[str]:
    """The registry's order (the longest jobs first, so that both cores stay busy to the end),
    with each writer after the writers it needs."""
    ordered: list[str] = []

    def place(name: str, path: tuple[str, ...]) -> None:
        if name in ordered:
            return
        for needed in needs(writers[name]):
            if needed not in writers:
                raise SourceError("mkdocs.yml", f"the {name} writer is made from the {needed} writer's files, and no {needed} writer is installed")
            if needed in path:
                raise SourceError("mkdocs.yml", f"the {name} and {needed} writers each need the other's files: neither can be built")
            place(needed, (*path, name))
        ordered.append(name)

    for name in writers:
        place(name, (name,))
    return ordered


def plan_jobs(project: Project, only_slugs: set[str] | None, only_writers: list[str] | None, overrides: Mapping[str, dict[str, Any]]) -> list[Job]:
    """Every writer on every factsheet, in build order (see build_order)."""
    jobs = []
    writers = registry()
    only_writers = with_needs(only_writers)
    for name, given in overrides.items():
        check_options(writers[name], given, lambda option: Location("the command line"))
    for name in build_order(writers):
        writer = writers[name]
        for document in project.documents:
            selected = (only_slugs is None or document.meta.slug in only_slugs) and (only_writers is None or name in only_writers)
            # Its defaults, mkdocs.yml, the factsheet's own front matter, then the command line, which is
            # for the factsheets it builds: `--print-size 24 one.md` leaves the others' PDFs current, not older.
            given = overrides.get(name, {}) if selected else {}
            options = with_defaults(name, project.config.writer_options(name), document.meta.options.get(name, {}), given)
            options["project_root"] = project.config.root
            key = cache.job_key(document, writer, options)  # a writer with needs: completed by the scheduler
            jobs.append(Job(name, document.meta.slug, document, options, key, selected, needs(writer),
                            not_available=not_available(writer, document, options)))
    return unavailable_with_needs(jobs)


def unavailable_with_needs(jobs: list[Job]) -> list[Job]:
    """A job made from another that cannot be made in this language (an EPUB from audio with no
    voice for the language) cannot be made either, and says why."""
    reasons = {(job.writer_name, job.slug): job.not_available for job in jobs if job.not_available}
    for job in jobs:
        missing = [(name, reasons[(name, job.slug)]) for name in job.needs if (name, job.slug) in reasons]
        if missing and not job.not_available:
            # The reason it cannot be made is its source's, already in the factsheet's language
            # ("espeak-ng ma laha cod Somali ah"): said alone, the page's line stays in one language.
            job.not_available = missing[0][1]
    return jobs
