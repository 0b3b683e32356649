"""Running a build's jobs: each in a fresh worker process, two at a time, cached.

A writer that works in parts has each part run as a job of its own; its
assembly runs in this process once every part is finished.
"""

from __future__ import annotations

import os
import re
import shutil
import time
import traceback
from concurrent.futures import as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .. import cache, processes
from ..errors import EngineMissing, Location, SourceError, Warning_
from ..hardlinks import link_tree
from ..writers import FinishedPart, registry
from .result import BUILD_DIR, BuildFailed, Job


def run_job(writer_name: str, document, options: dict, folder: str, parts: dict | None = None) -> cache.Entry:
    """One writer on one factsheet (given its finished parts, if it works in parts). Returns the saved cache entry."""
    writer = registry()[writer_name]
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    if parts is None:
        output = writer.write(document, out, options)
    else:
        output = writer.write(document, out, options, parts=parts)
    return cache.save(out, output.files, output.details, output.warnings, {n: p.folder.name for n, p in (parts or {}).items()})


def run_part(writer_name: str, task, folder: str) -> cache.Entry:
    """One part of a writer's job, in a worker process of its own."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    output = registry()[writer_name].write_part(task, out)
    return cache.save(out, output.files, output.details, output.warnings)


@dataclass
class Assembly:
    """A job whose writer works in parts: it runs, in this process, once every part is finished."""

    job: Job
    folder: Path
    waiting: set[str]
    finished: dict[str, FinishedPart] = field(default_factory=dict)
    began: float = field(default_factory=time.monotonic)
    failed: bool = False


def run_jobs(jobs, build_dir, staging, result, progress, keep_going, workers, meanwhile=None) -> dict[tuple[str, str], cache.Entry]:
    """Every job's cache entry, from the last build's cache where it is still good.
    meanwhile(), if given, is called once the workers have jobs to run, never otherwise."""
    entries: dict[tuple[str, str], cache.Entry] = {}
    counts: dict[str, int] = {}
    for job in jobs:
        counts[job.writer_name] = counts.get(job.writer_name, 0) + 1
    progress.plan(counts)
    failures: list[str] = []

    def finished(job: Job, entry: cache.Entry, began: float) -> None:
        entries[(job.writer_name, job.slug)] = entry
        result.built.append(f"{job.writer_name}: {job.slug}")
        result.warnings.extend(entry.warning_objects())
        progress.done(job.writer_name, job.slug, cached=False, seconds=time.monotonic() - began)

    def failed(job: Job, folder: Path, error: BaseException) -> None:
        if isinstance(error, EngineMissing):
            # A missing engine costs its own format only: the others are still published.
            result.warnings.append(Warning_(Location(job.document.meta.source), f"{job.writer_name}: {error}"))
            result.unavailable.append((job.slug, job.writer_name))
        else:  # every failure is reported, none stops the others
            failures.append(describe_failure(job, error))
        shutil.rmtree(folder, ignore_errors=True)

    def assemble(assembly: Assembly) -> None:
        job = assembly.job
        try:
            entry = run_job(job.writer_name, job.document, job.options, str(assembly.folder), assembly.finished)
        except Exception as error:
            failed(job, assembly.folder, error)
        else:
            finished(job, entry, assembly.began)

    tasks: list[Task] = []
    assemblies: list[Assembly] = []
    writers = registry()
    for job in jobs:
        new = cache.entry_dir(staging, job.writer_name, job.slug, job.key)
        entry = cache.carry_forward(cache.entry_dir(build_dir, job.writer_name, job.slug, job.key), new)
        if entry is not None:
            for part_key in entry.parts.values():  # kept for the next edit, which may need most of them
                part = cache.part_dir(build_dir, job.writer_name, job.slug, part_key)
                if part.is_dir():
                    link_tree(part, cache.part_dir(staging, job.writer_name, job.slug, part_key))
            entries[(job.writer_name, job.slug)] = entry
            result.cached.append(f"{job.writer_name}: {job.slug}")
            result.warnings.extend(entry.warning_objects())
            progress.done(job.writer_name, job.slug, cached=True)
        elif not job.selected:
            result.warnings.append(Warning_(Location(job.document.meta.source), f"{job.writer_name}: not built this time (not selected) and nothing in the cache"))
        elif hasattr(writers[job.writer_name], "parts"):
            processes.start_server()
            try:
                parts = writers[job.writer_name].parts(job.document, job.options)
            except Exception as error:
                failed(job, new, error)
                continue
            assembly = Assembly(job, new, {p.name for p in parts})
            assemblies.append(assembly)
            for part in parts:
                key = cache.part_key(writers[job.writer_name], part.task)
                new_part = cache.part_dir(staging, job.writer_name, job.slug, key)
                part_entry = cache.carry_forward(cache.part_dir(build_dir, job.writer_name, job.slug, key), new_part)
                if part_entry is not None:
                    result.parts_cached += 1
                    assembly.waiting.discard(part.name)
                    assembly.finished[part.name] = FinishedPart(new_part, part_entry.files, part_entry.details)
                else:
                    tasks.append(Task(run_part, (job.writer_name, part.task, str(new_part)), job, assembly, part.name))
        else:
            processes.start_server()
            tasks.append(Task(run_job, (job.writer_name, job.document, job.options, str(new)), job))
    for assembly in assemblies:
        if not assembly.waiting:
            assemble(assembly)

    def settle(task: Task, outcome: cache.Entry | BaseException) -> None:
        job, assembly, folder = task.job, task.assembly, Path(task.arguments[-1])
        if isinstance(outcome, BaseException):
            if assembly is None:
                failed(job, folder, outcome)
            elif not assembly.failed:  # one report for a job, however many of its parts fail
                assembly.failed = True
                failed(job, assembly.folder, outcome)
        elif assembly is None:
            finished(job, outcome, task.began)
        else:
            assembly.waiting.discard(task.name)
            assembly.finished[task.name] = FinishedPart(folder, outcome.files, outcome.details)
            result.parts_built.append(f"{job.writer_name}: {job.slug}: {task.name}")
            if not assembly.waiting and not assembly.failed:
                assemble(assembly)

    if tasks:
        lost = run_in_pool(tasks, min(workers or os.cpu_count() or 1, len(tasks)), settle, meanwhile)
        # A worker that dies (a crash in an engine, or killed for want of memory) breaks the
        # pool, and every job still in it fails with it. Which one died is not known: each
        # runs again in a pool of its own, where dying again is its own failure.
        for task in lost:
            shutil.rmtree(task.arguments[-1], ignore_errors=True)  # whatever the dead worker half wrote
            if run_in_pool([task], 1, settle):
                settle(task, WorkerDied("its worker process stopped unexpectedly, twice (a crash in an engine, or killed for want of memory)"))
        if lost:
            result.warnings.append(Warning_(Location(str(BUILD_DIR)), f"a worker process stopped unexpectedly; {len(lost)} job(s) it took down with it were run again"))
    if failures:
        if not keep_going:
            raise BuildFailed(failures)
        result.failures = failures
    return entries


@dataclass
class Task:
    """What a worker process runs: a job, or a part of one (then its assembly and the part's name)."""

    function: object
    arguments: tuple  # the last is the folder it writes into
    job: Job
    assembly: Assembly | None = None
    name: str | None = None
    began: float = 0.0


class WorkerDied(Exception):
    pass


def run_in_pool(tasks: list[Task], workers: int, settle, meanwhile=None) -> list[Task]:
    """Runs tasks in fresh worker processes, settling each as it ends; returns the tasks a
    broken pool took down (a worker died), unsettled. meanwhile() runs once they are queued."""
    lost = []
    with processes.fresh_process_pool(workers) as pool:
        futures = {}
        for task in tasks:
            task.began = task.began or time.monotonic()
            futures[pool.submit(task.function, *task.arguments)] = task
        if meanwhile:
            meanwhile()
        for future in as_completed(futures):
            try:
                outcome = future.result()
            except BrokenProcessPool:
                lost.append(futures[future])
                continue
            except Exception as error:
                outcome = error
            settle(futures[future], outcome)
    return lost


def describe_failure(job: Job, error: BaseException) -> str:
    if isinstance(error, SourceError):
        return f"{error.location}: {error.message}"
    if isinstance(error, EngineMissing):
        return f"{job.document.meta.source}: {job.writer_name}: {error}"
    where = failure_place(error)
    return f"{job.document.meta.source}: the {job.writer_name} writer failed: {type(error).__name__}: {error}{f' (in {where})' if where else ''}"


def failure_place(error: BaseException) -> str:
    """file:line where an error was raised. From a worker, the pool raises it again in this
    process; where it first was is only in the worker's traceback, kept as text in __cause__."""
    remote = getattr(error.__cause__, "tb", None)
    places = re.findall(r'File "([^"]+)", line (\d+)', remote) if isinstance(remote, str) else []
    if places:
        return f"{Path(places[-1][0]).name}:{places[-1][1]}"
    last = traceback.extract_tb(error.__traceback__)[-1:] if error.__traceback__ else []
    return f"{Path(last[0].filename).name}:{last[0].lineno}" if last else ""
