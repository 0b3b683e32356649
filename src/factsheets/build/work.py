"""What a worker does with one job or one part: runs the writer, saves its cache entry, and
turns whatever goes wrong into a Failure there, where the traceback is; and how long a job may
take (job_timeout in mkdocs.yml)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .. import cache, processes
from ..errors import Location, SourceError, line_of
from .. import model as m
from ..writers import FinishedJob, FinishedPart, registry
from .result import Failure

if TYPE_CHECKING:
    from ..project import Config

T = TypeVar("T")

DEFAULT_TIME_LIMIT = 300.0  # seconds for one job or one audio section; a section takes a few
MAX_TIME_LIMIT = 3600.0  # an hour for one job: far beyond any real one, and still an end


def run_job(writer_name: str, document: m.Document, options: dict[str, Any], folder: str, parts: dict[str, FinishedPart] | None = None,
            needed: dict[str, FinishedJob] | None = None) -> cache.Entry:
    """One writer on one factsheet (given its finished parts, if it works in parts, and the finished
    jobs it needs, if it needs any). Returns the saved cache entry."""
    writer = registry()[writer_name]
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    output = writer.write(document, out, options, parts=parts, needed=needed)
    return cache.save(out, output.files, output.details, output.warnings, {n: p.folder.name for n, p in (parts or {}).items()})


def run_part(writer_name: str, task: object, folder: str) -> cache.Entry:
    """One part of a writer's job, in a worker process of its own."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    output = registry()[writer_name].write_part(task, out)
    return cache.save(out, output.files, output.details, output.warnings)


def perform(function: Callable[..., T], arguments: tuple[object, ...], slug: str, writer: str, source: str, hang: bool = False) -> T | Failure:
    """Runs a job (in a worker, or in this process): its entry, or its failure made here,
    where the traceback is, so that nothing has to be read back out of text."""
    try:
        if hang:
            time.sleep(1e6)
        return function(*arguments)
    except processes.TimedOut:  # serial mode's alarm: the scheduler reports it
        raise
    except Exception as error:
        return Failure.from_error(slug, writer, source, error)


def perform_here(function: Callable[..., T], arguments: tuple[object, ...], slug: str, writer: str, source: str, time_limit: float) -> T | Failure:
    """perform() in this process (a job's planning or assembly), within the time limit as a worker is."""
    try:
        with processes.AlarmAfter(time_limit):
            return perform(function, arguments, slug, writer, source)
    except processes.TimedOut as error:
        return Failure(slug, writer, source, f"{writer}: took longer than {error.seconds:g} s to plan or put together and was "
                       "stopped (the limit is job_timeout in mkdocs.yml): look for a stuck engine, or raise the limit")


def job_time_limit(config: Config) -> float:
    """`job_timeout` in the factsheets plugin block of mkdocs.yml: seconds a job may take."""
    value = config.options.get("job_timeout", DEFAULT_TIME_LIMIT)
    # .inf and .nan are numbers to YAML: either would turn the limit off, and a hang would never end.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= MAX_TIME_LIMIT:
        path = config.root / "mkdocs.yml"
        line = line_of(path.read_text(encoding="utf-8"), "job_timeout") if path.exists() else None
        raise SourceError(Location("mkdocs.yml", line), f"job_timeout must be a number of seconds above 0 and at most {MAX_TIME_LIMIT:g}, such as {DEFAULT_TIME_LIMIT:g}, not {value!r}")
    return float(value)
