"""A build: read the project, run every writer's jobs in parallel with a cache, build
the site once from the manifest, and publish atomically.

The published build/ only ever changes from one complete, good build to the
next: everything is written into a fresh folder beside it, which replaces
build/ in one step only when every step has succeeded (see publish.py). A
failed build leaves build/ as it was.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import cache, processes
from . import unchanged
from ..progress import Progress
from ..project import load_project, select_factsheets
from .manifest import make_manifest, place_files
from .plan import plan_jobs, writer_names
from .own_files import BUILDS_DIR, check_own_files
from .publish import build_lock, kill_point, new_build_folder, publish, remove_leftovers
from .result import BUILD_DIR, BuildFailed, BuildResult, Failure, Job
from .schedule import describe_failure, run_jobs
from .work import job_time_limit
from .website import build_site_cached

if TYPE_CHECKING:
    from ..site_adapter import PreparedSite

__all__ = ["BUILD_DIR", "BuildFailed", "BuildResult", "Failure", "Job", "build", "describe_failure"]


def build(
    root: Path,
    formats: list[str] | None = None,
    factsheets: list[Path] | None = None,
    overrides: dict[str, dict[str, Any]] | None = None,  # a writer's options from the command line
    keep_going: bool = False,
    progress: Progress | None = None,
    workers: int | None = None,
) -> BuildResult:
    started = time.monotonic()
    root = root.resolve()
    build_dir = root / BUILD_DIR
    progress = progress or Progress(quiet=True)
    trusted = check_own_files(root, build_dir)
    # What the last build made is read (its cache, its records) only if this computer's build made it.
    previous = build_dir if trusted else root / BUILDS_DIR / "none"
    with build_lock(root):
        remove_leftovers(root, build_dir)
        arguments = {"formats": formats, "factsheets": sorted(str(p.resolve()) for p in factsheets or []),
                     "overrides": overrides or {}, "keep_going": keep_going}
        taken = unchanged.fingerprint(root, arguments)  # before anything is read: an edit from now on is a change
        last = unchanged.last_build(previous, taken)
        if last is not None:
            result = unchanged.said_again(last, build_dir)
            result.seconds = time.monotonic() - started
            return result
        if not (previous / cache.CACHE_DIR).is_dir() and workers != 1:
            processes.start_server()  # a first build certainly has work: start-up overlaps reading the project
        project = load_project(root)
        only_slugs = select_factsheets(project, factsheets) if factsheets else None
        jobs = plan_jobs(project, only_slugs, writer_names(formats), overrides or {})
        time_limit = job_time_limit(project.config)
        result = BuildResult({"factsheets": []}, build_dir, list(project.warnings))
        staging = new_build_folder(root)
        try:
            prepared: list[PreparedSite] = []

            def prepare_site() -> None:
                # Once a job has run the site must be built again, at the end, on one core. What
                # it needs before the manifest is done now, while the workers are busy.
                from ..site_adapter import prepare_site

                prepared.append(prepare_site(project, staging / "site"))
                kill_point("pool")

            runnable = [job for job in jobs if not job.not_available]  # the others go in the manifest with their reason
            entries = run_jobs(runnable, previous, staging, result, progress, keep_going, workers, prepare_site, time_limit)
            result.manifest = make_manifest(project, jobs, entries, result)
            files_dir = staging / "files"
            place_files(project, jobs, entries, staging, files_dir)
            kill_point("site")
            build_site_cached(project, jobs, result, previous, staging, files_dir, prepared[0] if prepared else None)
            keep_check_report(previous, staging)
            (staging / "manifest.json").write_text(json.dumps(result.manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
            if not result.failures:  # a build with failures is built again next time
                unchanged.save(staging, taken, result.warnings, result.built + result.cached)
            publish(staging, build_dir)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    result.seconds = time.monotonic() - started
    return result


CHECK_FILES = ("report.html", "check.json")  # what `factsheets check` writes into build/


def keep_check_report(previous: Path, staging: Path) -> None:
    """The last check's report goes into the new build, so a build after `check` does not take
    the report away from staff who have not read it yet; it says the day it was checked."""
    for name in CHECK_FILES:
        made = previous / name
        if made.is_file() and not made.is_symlink():
            shutil.copy2(made, staging / name)
