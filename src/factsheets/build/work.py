"""What a worker does with one job or one part: runs the writer, saves its cache entry, and
turns whatever goes wrong into a Failure there, where the traceback is."""

from __future__ import annotations

import time
from pathlib import Path

from .. import cache, processes
from ..writers import registry
from .result import Failure


def run_job(writer_name: str, document, options: dict, folder: str, parts: dict | None = None, needed: dict | None = None) -> cache.Entry:
    """One writer on one factsheet (given its finished parts, if it works in parts, and the finished
    jobs it needs, if it needs any). Returns the saved cache entry."""
    writer = registry()[writer_name]
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    output = writer.write(document, out, options, parts=parts, needed=needed)
    return cache.save(out, output.files, output.details, output.warnings, {n: p.folder.name for n, p in (parts or {}).items()})


def run_part(writer_name: str, task, folder: str) -> cache.Entry:
    """One part of a writer's job, in a worker process of its own."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    output = registry()[writer_name].write_part(task, out)
    return cache.save(out, output.files, output.details, output.warnings)


def perform(function, arguments: tuple, slug: str, writer: str, source: str, hang: bool = False) -> cache.Entry | Failure:
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


def perform_here(function, arguments: tuple, slug: str, writer: str, source: str, time_limit: float) -> cache.Entry | Failure:
    """perform() in this process (a job's planning or assembly), within the time limit as a worker is."""
    try:
        with processes.AlarmAfter(time_limit):
            return perform(function, arguments, slug, writer, source)
    except processes.TimedOut as error:
        return Failure(slug, writer, source, f"{writer}: took longer than {error.seconds:g} s to plan or put together and was "
                       "stopped (the limit is job_timeout in mkdocs.yml): look for a stuck engine, or raise the limit")
