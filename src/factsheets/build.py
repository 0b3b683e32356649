"""A build: read the project, run every writer's jobs in parallel with a cache, build
the site once from the manifest, and publish atomically.

The published build/ only ever changes from one complete, good build to the
next: everything is written into a fresh folder beside it, which replaces
build/ only when every step has succeeded. A failed build leaves build/ as it was.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
import traceback
from concurrent.futures import as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, cache, processes
from .errors import EngineMissing, Location, SourceError, Warning_
from .formats import FORMAT_ALIASES, WRITER_FORMATS
from .progress import Progress
from .project import Project, load_project, select_factsheets
from .hardlinks import link_file, link_tree
from .writers import FinishedPart, registry

BUILD_DIR = "build"
LOCK_FILE = ".factsheets-build.lock"
SITE_KEY_FILE = ".site-key"


class BuildFailed(Exception):
    """One or more jobs failed; every failure is listed, nothing was published."""

    def __init__(self, failures: list[str]):
        self.failures = failures
        super().__init__("\n".join(failures))


@dataclass
class BuildResult:
    manifest: dict
    build_dir: Path
    warnings: list[Warning_] = field(default_factory=list)
    built: list[str] = field(default_factory=list)  # "format: slug" of jobs that ran
    cached: list[str] = field(default_factory=list)  # ... and of jobs taken from the cache
    failures: list[str] = field(default_factory=list)  # with --keep-going
    unavailable: list[tuple[str, str]] = field(default_factory=list)  # (slug, writer) whose engine is missing
    parts_built: list[str] = field(default_factory=list)  # "format: slug: part" of parts that ran
    parts_cached: int = 0  # parts of jobs that ran, taken from the cache
    site_cached: bool = False
    seconds: float = 0.0


@dataclass
class Job:
    writer_name: str
    slug: str
    document: object
    options: dict
    key: str
    selected: bool  # False: only taken from the cache (a selective build)


@contextmanager
def build_lock(root: Path):
    handle = open(root / LOCK_FILE, "w")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise SourceError(str(root / LOCK_FILE), "another build of this project is running: wait for it to finish, then try again") from None
    try:
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


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


def manifest_entry(document, docs_dir: str) -> dict:
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
        "formats": {"html": f"site/{page}"},
    }


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


def build(
    root: Path,
    formats: list[str] | None = None,
    factsheets: list[Path] | None = None,
    overrides: dict | None = None,
    keep_going: bool = False,
    progress: Progress | None = None,
    workers: int | None = None,
) -> BuildResult:
    started = time.monotonic()
    root = root.resolve()
    build_dir = root / BUILD_DIR
    progress = progress or Progress(quiet=True)
    with build_lock(root):
        if not (build_dir / cache.CACHE_DIR).is_dir():
            processes.start_server()  # a first build certainly has work: start-up overlaps reading the project
        project = load_project(root)
        only_slugs = select_factsheets(project, factsheets) if factsheets else None
        jobs = plan_jobs(project, only_slugs, writer_names(formats), overrides or {})
        result = BuildResult({}, build_dir, list(project.warnings))
        staging = Path(tempfile.mkdtemp(prefix=".build-new-", dir=root))
        try:
            prepared = []

            def prepare_site():
                # Once a job has run the site must be built again, at the end, on one core. What
                # it needs before the manifest is done now, while the workers are busy.
                from .site_adapter import prepare_site

                prepared.append(prepare_site(project, staging / "site"))

            entries = run_jobs(jobs, build_dir, staging, result, progress, keep_going, workers, meanwhile=prepare_site)
            result.manifest = make_manifest(project, jobs, entries, result)
            files_dir = staging / "files"
            place_files(project, jobs, entries, staging, files_dir)
            build_site_cached(project, jobs, result, build_dir, staging, files_dir, prepared[0] if prepared else None)
            (staging / "manifest.json").write_text(json.dumps(result.manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
            publish(staging, build_dir)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    result.seconds = time.monotonic() - started
    return result


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


def make_manifest(project: Project, jobs, entries, result: BuildResult) -> dict:
    docs_dir = project.config.docs_dir.relative_to(project.config.root).as_posix()
    out = []
    for document in project.documents:
        slug = document.meta.slug
        entry = manifest_entry(document, docs_dir)
        for job in jobs:
            if job.slug != slug:
                continue
            done = entries.get((job.writer_name, slug))
            if done is None:
                failed = any(f.startswith(document.meta.source) and job.writer_name in f for f in result.failures)
                if failed or (slug, job.writer_name) in result.unavailable:
                    entry.setdefault("failed", []).extend(WRITER_FORMATS.get(job.writer_name, [job.writer_name]))
                continue
            for key, name in done.files.items():
                entry["formats"][key] = f"site/files/{slug}/{name}"
            entry.update(done.details)
        out.append(entry)
    return {"generator": f"factsheets {__version__}", "factsheets": out}


def place_files(project, jobs, entries, staging: Path, files_dir: Path) -> None:
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


def site_key(project: Project, manifest: dict, jobs) -> str:
    """Everything the website depends on: the manifest and the files it lists, every page source, the config, the package."""
    digest = hashlib.sha256(json.dumps(manifest, sort_keys=True).encode())
    digest.update(" ".join(sorted(f"{j.writer_name}/{j.slug}/{j.key}" for j in jobs)).encode())
    root = project.config.root
    for path in sorted([root / "mkdocs.yml", project.config.organisation_file, *project.config.docs_dir.rglob("*"), *project.config.glossary_dir.rglob("*")]):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".html", ".css", ".js"):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def build_site_cached(project: Project, jobs, result: BuildResult, build_dir: Path, staging: Path, files_dir: Path, prepared=None) -> None:
    key = site_key(project, result.manifest, jobs)
    old_site = build_dir / "site"
    site_dir = staging / "site"
    if (build_dir / SITE_KEY_FILE).exists() and (build_dir / SITE_KEY_FILE).read_text() == key and old_site.is_dir():
        link_tree(old_site, site_dir)
        shutil.rmtree(site_dir / "files", ignore_errors=True)
        result.site_cached = True
    else:
        from .site_adapter import build_site

        for message in build_site(project, result.manifest, files_dir, site_dir, prepared):
            result.warnings.append(Warning_(Location("mkdocs.yml"), f"website: {message}"))
    if files_dir.exists():
        files_dir.rename(site_dir / "files")
    (staging / SITE_KEY_FILE).write_text(key)


def publish(staging: Path, build_dir: Path) -> None:
    """Swap the new build in for the old one with two renames on the same disk."""
    old = None
    if build_dir.exists():
        old = build_dir.with_name(f".build-old-{os.getpid()}")
        build_dir.rename(old)
    staging.rename(build_dir)
    if old:
        shutil.rmtree(old, ignore_errors=True)
