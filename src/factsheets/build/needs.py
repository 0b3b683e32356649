"""Jobs made from other writers' jobs (an EPUB from the audio's recording and the
large-print PDF): each waits until the jobs it needs on the same factsheet are settled.

Then its cache key takes in the SHA-256 of every file of those jobs
(`cache.with_needed`): the same recording finds the last EPUB in the cache, a new
one makes a new EPUB. Its writer is handed their finished jobs (`FinishedJob`),
so it neither records nor lays out anything a second time. If a job it needs
fails, it is not made either, and says why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import cache
from ..errors import Location, Warning_
from ..writers import FinishedJob
from .result import Failure, Job

if TYPE_CHECKING:
    from .schedule import Scheduler


class Waiting:
    """The jobs waiting for others, for one Scheduler."""

    def __init__(self, scheduler: Scheduler) -> None:
        self.scheduler = scheduler
        self.jobs: list[Job] = []
        self.all_jobs: dict[tuple[str, str], Job] = {}
        self.settled_badly: dict[tuple[str, str], str] = {}  # (writer, slug) -> "failed", "unavailable", "not built"

    def add(self, job: Job) -> None:
        self.jobs.append(job)

    def know(self, jobs: list[Job]) -> None:
        self.all_jobs = {(job.writer_name, job.slug): job for job in jobs}

    def broken(self, writer: str, slug: str, how: str) -> None:
        self.settled_badly[(writer, slug)] = how
        self.release()

    def release(self) -> None:
        """Plans each waiting job whose needs are all settled: made, or failed with them."""
        for job in list(self.jobs):
            if job not in self.jobs:
                continue  # released while this loop ran (a give-up releases in turn)
            pairs = [(name, job.slug) for name in job.needs]
            bad = [(pair[0], self.settled_badly[pair]) for pair in pairs if pair in self.settled_badly]
            if bad:
                self.jobs.remove(job)
                self.give_up(job, bad)
            elif all(pair in self.scheduler.entries for pair in pairs):
                self.jobs.remove(job)
                self.scheduler.plan_job(job, self.needed(job))

    def needed(self, job: Job) -> dict[str, FinishedJob]:
        """The finished jobs `job` is made from; its key completed with their files' digests."""
        entries = self.scheduler.entries
        finished: dict[str, FinishedJob] = {}
        for name in job.needs:
            entry, source = entries[(name, job.slug)], self.all_jobs[(name, job.slug)]
            folder = cache.entry_dir(self.scheduler.staging, name, job.slug, source.key)
            finished[name] = FinishedJob(folder, dict(entry.files), dict(entry.details), dict(source.options))
        job.key = cache.with_needed(job.key, {name: entries[(name, job.slug)].hashes for name in job.needs})
        return finished

    def give_up(self, job: Job, bad: list[tuple[str, str]]) -> None:
        names = " and ".join(f"the {name} ({how})" for name, how in bad)
        source = job.document.meta.source
        if not job.selected or all(how == "not built" for _, how in bad):  # not asked for: said, not failed
            self.scheduler.result.warnings.append(Warning_(Location(source), f"{job.writer_name}: not built this time: it is made from {names}"))
            self.broken(job.writer_name, job.slug, "not built")
            return
        unavailable = all(how == "unavailable" for _, how in bad)
        message = f"{job.writer_name}: not made, because it is made from {names}: see the message about that first"
        folder = cache.entry_dir(self.scheduler.staging, job.writer_name, job.slug, job.key)
        self.scheduler.failed(folder, Failure(job.slug, job.writer_name, source, message, engine_missing=unavailable))

    def left_over(self) -> None:
        """Cannot happen (every job waited for settles one way or another), but never silently."""
        for job in self.jobs:
            message = f"{job.writer_name}: not built: what it is made from was never settled"
            self.scheduler.result.warnings.append(Warning_(Location(job.document.meta.source), message))
