"""Running a build's jobs: each in a fresh worker process, two at a time, cached, each
within a time limit; or, with one job at a time (--jobs 1), all in this process.

A writer that works in parts has each part run as a job of its own; its
assembly runs in this process once every part is finished. Whatever goes wrong
in a job comes back as a Failure made where it went wrong.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from .. import cache, processes
from ..errors import Location, Warning_
from ..hardlinks import link_tree
from ..writers import FinishedJob, FinishedPart, Writer, registry
from .needs import Waiting
from .work import DEFAULT_TIME_LIMIT, perform, perform_here, run_job, run_part
from .result import BUILD_DIR, BuildFailed, BuildResult, Failure, Job, working_on_line

if TYPE_CHECKING:
    from ..progress import Progress

T = TypeVar("T")
# What comes back from a task: its entry, its Failure, or its worker's death or time-out.
Outcome = cache.Entry | Failure | BaseException

HANG_FOR_TESTS = "FACTSHEETS_TEST_HANG"  # a writer's name: its jobs hang (tests of the time limit only)


@dataclass
class Assembly:
    """A job whose writer works in parts: it runs, in this process, once every part is finished."""

    job: Job
    folder: Path
    waiting: set[str]
    finished: dict[str, FinishedPart] = field(default_factory=dict)
    began: float = field(default_factory=time.monotonic)
    failed: bool = False


@dataclass
class Task:
    """What a worker process runs: a job, or a part of one (then its assembly and the part's name)."""

    function: Callable[..., cache.Entry]  # run_job or run_part
    arguments: tuple[object, ...]  # run_job's or run_part's
    folder: Path  # where it writes
    job: Job
    assembly: Assembly | None = None
    name: str = ""  # a part's; "" for a whole job
    began: float = 0.0
    died: bool = False  # its worker died once: it has run again
    group: str = ""  # a part's engine, whose memory limits how many run at once (processes.group_limits)

    def what(self) -> str:
        return f"{self.job.writer_name} ({self.name})" if self.name else self.job.writer_name


class Scheduler:
    """One build's jobs: taken from the cache, or run, and each outcome settled."""

    def __init__(self, build_dir: Path, staging: Path, result: BuildResult, progress: Progress, time_limit: float, workers: int):
        self.build_dir, self.staging, self.result, self.progress = build_dir, staging, result, progress
        self.time_limit, self.workers = time_limit, workers
        self.entries: dict[tuple[str, str], cache.Entry] = {}
        self.failures: list[Failure] = []
        self.tasks: list[Task] = []
        self.assemblies: list[Assembly] = []
        self.rerun = 0
        self.hang = os.environ.get(HANG_FOR_TESTS)
        self.waiting = Waiting(self)

    def finished(self, job: Job, entry: cache.Entry, began: float) -> None:
        self.entries[(job.writer_name, job.slug)] = entry
        self.result.built.append(f"{job.writer_name}: {job.slug}")
        self.result.warnings.extend(entry.warning_objects())
        self.progress.done(job.writer_name, job.slug, cached=False, seconds=time.monotonic() - began)
        self.waiting.release()

    def failed(self, folder: Path, failure: Failure) -> None:
        if failure.engine_missing:
            # A missing engine costs its own format only: the others are still published.
            self.result.warnings.append(Warning_(Location(failure.location), failure.message))
            self.result.unavailable.append((failure.slug, failure.writer))
        else:  # every failure is reported, none stops the others
            self.failures.append(failure)
        shutil.rmtree(folder, ignore_errors=True)
        self.waiting.broken(failure.writer, failure.slug, "unavailable" if failure.engine_missing else "failed")

    def assemble(self, assembly: Assembly) -> None:
        job = assembly.job
        outcome = self.here(job, run_job, (job.writer_name, job.document, job.options, str(assembly.folder), assembly.finished))
        if isinstance(outcome, Failure):
            self.failed(assembly.folder, outcome)
        else:
            self.finished(job, outcome, assembly.began)

    def here(self, job: Job, function: Callable[..., T], arguments: tuple[object, ...]) -> T | Failure:
        return perform_here(function, arguments, job.slug, job.writer_name, job.document.meta.source, self.time_limit)

    def plan(self, jobs: list[Job]) -> None:
        """Takes what it can from the last build's cache; queues tasks for the rest. A job that needs
        other writers' jobs waits for them (see Waiting)."""
        self.waiting.know(jobs)
        for job in jobs:
            if job.needs:
                self.waiting.add(job)
            else:
                self.plan_job(job)
        self.waiting.release()
        for assembly in self.assemblies:
            if not assembly.waiting:
                self.assemble(assembly)

    def plan_job(self, job: Job, needed: dict[str, FinishedJob] | None = None) -> None:
        writer = registry()[job.writer_name]
        new = cache.entry_dir(self.staging, job.writer_name, job.slug, job.key)
        entry = cache.carry_forward(cache.entry_dir(self.build_dir, job.writer_name, job.slug, job.key), new)
        if entry is not None:
            self.carried(job, entry)
            return
        if not job.selected:
            if not self.keep_last(job):
                self.waiting.broken(job.writer_name, job.slug, "not built")
            return
        if self.workers > 1:
            processes.start_server()  # there is work: its start-up overlaps the rest of the planning
        if writer.in_parts:
            self.plan_parts(job, writer, new)
        else:
            self.tasks.append(Task(run_job, (job.writer_name, job.document, job.options, str(new), None, needed), new, job))

    def keep_last(self, job: Job) -> bool:
        """A format not asked for this time whose text changed: the last build's files stay on
        the site (marked as older than the text) rather than vanish from it."""
        entry = None
        last = self.build_dir / cache.CACHE_DIR / job.writer_name / job.slug
        for folder in sorted(last.iterdir()) if last.is_dir() else []:
            entry = cache.carry_forward(folder, cache.entry_dir(self.staging, job.writer_name, job.slug, folder.name))
            if entry is not None:
                job.key, job.older = folder.name, True
                break
        source = Location(job.document.meta.source)
        if entry is None:
            self.result.warnings.append(Warning_(source, f"{job.writer_name}: not built this time (not selected) and nothing in the cache"))
            return False
        self.entries[(job.writer_name, job.slug)] = entry
        self.result.cached.append(f"{job.writer_name}: {job.slug}")
        self.result.warnings.append(Warning_(source, f"{job.writer_name}: kept from the last build, older than the text: "
                                             "run `factsheets build` to bring it up to date"))
        return True

    def carried(self, job: Job, entry: cache.Entry) -> None:
        for part_key in entry.parts.values():  # kept for the next edit, which may need most of them
            part = cache.part_dir(self.build_dir, job.writer_name, job.slug, part_key)
            if part.is_dir():
                link_tree(part, cache.part_dir(self.staging, job.writer_name, job.slug, part_key))
        self.entries[(job.writer_name, job.slug)] = entry
        self.result.cached.append(f"{job.writer_name}: {job.slug}")
        self.result.warnings.extend(entry.warning_objects())
        self.progress.done(job.writer_name, job.slug, cached=True)

    def plan_parts(self, job: Job, writer: Writer, new: Path) -> None:
        outcome = self.here(job, writer.parts, (job.document, job.options))
        if isinstance(outcome, Failure):
            self.failed(new, outcome)
            return
        assembly = Assembly(job, new, {p.name for p in outcome})
        self.assemblies.append(assembly)
        for part in outcome:
            key = cache.part_key(writer, part.task)
            new_part = cache.part_dir(self.staging, job.writer_name, job.slug, key)
            part_entry = cache.carry_forward(cache.part_dir(self.build_dir, job.writer_name, job.slug, key), new_part)
            if part_entry is not None:
                self.result.parts_cached += 1
                assembly.waiting.discard(part.name)
                assembly.finished[part.name] = FinishedPart(new_part, part_entry.files, part_entry.details)
            else:
                group = writer.part_group(part.task) if hasattr(writer, "part_group") else ""
                self.tasks.append(Task(run_part, (job.writer_name, part.task, str(new_part)), new_part, job, assembly, part.name, group=group))

    def settle(self, task: Task, outcome: Outcome) -> Task | None:
        """A task's outcome: its entry, a Failure, or its worker's death or time-out. Gives back a task to run again."""
        job, assembly, folder = task.job, task.assembly, task.folder
        if isinstance(outcome, processes.WorkerDied) and not task.died:
            # A worker that dies (a crash in an engine, or killed for want of memory) runs its job again, once.
            shutil.rmtree(folder, ignore_errors=True)  # whatever the dead worker half wrote
            task.died = True
            self.rerun += 1
            return task
        if isinstance(outcome, BaseException):
            outcome = self.failure_of(task, outcome)
        if isinstance(outcome, Failure):
            if assembly is None:
                self.failed(folder, outcome)
            elif not assembly.failed:  # one report for a job, however many of its parts fail
                assembly.failed = True
                self.failed(assembly.folder, outcome)
        elif assembly is None:
            self.finished(job, outcome, task.began)
        else:
            assembly.waiting.discard(task.name)
            assembly.finished[task.name] = FinishedPart(folder, outcome.files, outcome.details)
            self.result.parts_built.append(f"{job.writer_name}: {job.slug}: {task.name}")
            if not assembly.waiting and not assembly.failed:
                self.assemble(assembly)
        return None

    def failure_of(self, task: Task, error: BaseException) -> Failure:
        job = task.job
        line = working_on_line(task.folder, job.document)
        where = f"{job.document.meta.source}:{line}" if line else job.document.meta.source
        if isinstance(error, processes.TimedOut):
            message = (f"{task.what()}: took longer than {error.seconds:g} s and was stopped (the limit is job_timeout "
                       "in mkdocs.yml): look for a full disk or a stuck engine, or raise the limit")
        elif line:
            message = (f"{task.what()}: the engine crashed twice on the text that starts at this line: reword it, "
                       "or put spaces in its longest run of letters and dots")
        else:
            message = (f"the {job.writer_name} writer failed: WorkerDied: its worker process stopped unexpectedly, twice "
                       "(a crash in an engine, or killed for want of memory)")
        return Failure(job.slug, job.writer_name, where, message)

    def run(self, meanwhile: Callable[[], object] | None = None) -> None:
        """Runs the queued tasks: in fresh worker processes, or all in this process with one worker."""
        if not self.tasks:
            return
        tasks, self.tasks = self.tasks, []
        if self.workers == 1:
            self.run_here(tasks, meanwhile)
            return
        calls = [processes.Call(perform, self.perform_arguments(task), self.time_limit, task, group=task.group) for task in tasks]

        def settle(call: processes.Call, outcome: object) -> list[processes.Call]:
            task = cast(Task, call.tag)  # each call is made with its task as its tag, and comes back with perform's outcome
            task.began = call.began
            again = self.settle(task, cast(Outcome, outcome))
            # A job may have been waiting for this one (an EPUB for its audio): it runs now too.
            more, self.tasks = ([again] if again else []) + self.tasks, []
            return [processes.Call(perform, self.perform_arguments(task), self.time_limit, task, group=task.group) for task in more]

        # Each writer's memory a part, by engine (the audio writer's Piper: about 0.5 GB a process).
        memory = {group: mb for writer in registry().values() for group, mb in getattr(writer, "part_memory_mb", {}).items()}
        processes.run_calls(calls, self.workers, settle, meanwhile, processes.group_limits(memory))
        if self.rerun:
            self.result.warnings.append(Warning_(Location(str(BUILD_DIR)), f"a worker process stopped unexpectedly; {self.rerun} job(s) it took down with it were run again"))

    def perform_arguments(self, task: Task) -> tuple[Any, ...]:
        job = task.job
        return (task.function, task.arguments, job.slug, job.writer_name, job.document.meta.source, self.hang == job.writer_name)

    def run_here(self, tasks: list[Task], meanwhile: Callable[[], object] | None = None) -> None:
        """Serial mode, for debugging: every task in this process, one after another, with the same
        results and failures. The time limit holds only while Python code runs (an alarm signal)."""
        if meanwhile:
            meanwhile()
        while tasks:
            task = tasks.pop(0)
            task.began = time.monotonic()
            outcome: Outcome
            with processes.AlarmAfter(self.time_limit):
                try:
                    outcome = perform(*self.perform_arguments(task))
                except processes.TimedOut as error:
                    outcome = error
            self.settle(task, outcome)
            tasks, self.tasks = tasks + self.tasks, []  # jobs that waited for this one


def run_jobs(jobs: list[Job], build_dir: Path, staging: Path, result: BuildResult, progress: Progress, keep_going: bool, workers: int | None,
             meanwhile: Callable[[], object] | None = None, time_limit: float = DEFAULT_TIME_LIMIT) -> dict[tuple[str, str], cache.Entry]:
    """Every job's cache entry, from the last build's cache where it is still good.
    meanwhile(), if given, is called once the workers have jobs to run, never otherwise."""
    counts: dict[str, int] = {}
    for job in jobs:
        counts[job.writer_name] = counts.get(job.writer_name, 0) + 1
    progress.plan(counts)
    scheduler = Scheduler(build_dir, staging, result, progress, time_limit, workers or os.cpu_count() or 1)
    scheduler.plan(jobs)
    scheduler.run(meanwhile)
    scheduler.waiting.left_over()
    if scheduler.failures:
        if not keep_going:
            raise BuildFailed(scheduler.failures)
        result.failures = scheduler.failures
    return scheduler.entries


def describe_failure(job: Job, error: BaseException) -> str:
    """A failure in this process, described as a worker's would be."""
    return str(Failure.from_error(job.slug, job.writer_name, job.document.meta.source, error))
