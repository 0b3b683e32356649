"""The pieces a check has to run, all at once: the factsheets in worker processes (one a core),
the EPUBs in a thread that drives one JVM and one Node process, the pages in two threads with a
browser each (page_lanes). Each piece's result comes back through one queue to this thread, so a
factsheet is reported (and its results kept) the moment its last piece is done."""

from __future__ import annotations

import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from ..validators import FAILURE, REPORT_IT, Finding
from . import factsheet

if TYPE_CHECKING:
    from .. import model as m
    from ..progress import CheckProgress
    from ..validators.epub import Problem
    from . import Plan
    from .factsheet import Work

# A piece's result: (its key, its factsheet or None, its findings, what it checked, whether it is
# kept: not when the checker itself could not run, so the next check tries again).
Result = tuple[str, "m.Document | None", list[Finding], list[str], bool]
# A page to check: (its key, its factsheet or None, (its path in the site, its factsheet's source or None)).
PageWork = tuple[str, "m.Document | None", tuple[str, str | None]]

def run_pieces(plan: Plan, work: Work, site: Path, progress: CheckProgress | None) -> None:
    started = time.monotonic()
    results: queue.Queue[Result] = queue.Queue()
    waiting = {slug: sum(1 for k in keys if k not in plan.results) for slug, keys in plan.keys.items()}
    titles = {d.meta.slug: d.meta.title for d in work.project.documents}
    outstanding = len(plan.todo["factsheet"]) + len(plan.todo["epub"]) + len(plan.todo["page"])

    def finish(key: str, document: m.Document | None, findings: list[Finding], checked: list[str], keep: bool) -> None:
        plan.done(key, findings, checked, keep)
        if document is not None and progress is not None:
            slug = document.meta.slug
            waiting[slug] -= 1
            if waiting[slug] == 0:
                say_finished(progress, titles[slug], plan.findings_of(document)[0], time.monotonic() - started)

    def drain() -> None:
        """Every piece's result as it comes, until the last: each piece gives exactly one."""
        nonlocal outstanding
        while outstanding:
            item = results.get()
            outstanding -= 1
            finish(*item)

    if progress is not None:
        progress.plan(sum(1 for d in work.project.documents if plan.chosen is None or d.meta.source in plan.chosen))
        for slug, count in waiting.items():
            if count == 0:
                document = next(d for d in work.project.documents if d.meta.slug == slug)
                say_finished(progress, titles[slug], plan.findings_of(document)[0], None)
    pool = _factsheet_pool(work, len(plan.todo["factsheet"]))
    try:
        for key, document, slug in plan.todo["factsheet"]:
            future = pool.submit(factsheet.run, slug)
            future.add_done_callback(_reporter(results, key, document))
        books = threading.Thread(target=_check_books, args=(plan.todo["epub"], results), daemon=True)
        books.start()
        if plan.todo["page"]:
            from ..validators.website import serve

            with serve(site) as base:
                lanes = [threading.Thread(target=_check_pages, args=(lane, base, results), daemon=True) for lane in page_lanes(plan.todo["page"])]
                for lane in lanes:
                    lane.start()
                drain()  # the pages' results among the rest: the server stays up until the last
                for lane in lanes:
                    lane.join()
        drain()
        books.join()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# Pages checked at a time, each lane in a browser of its own. A page's check waits on Chromium
# as much as it works, so two lanes keep two cores busy beside the factsheets' workers and the
# books' engines; more only share the same cores.
PAGE_LANES = 2
FACTSHEET_PAGE_WEIGHT = 3  # a factsheet's page is read five ways (two palettes, 320 px, spacing, no JavaScript), another page two


def page_lanes(pages: list[PageWork], lanes: int = PAGE_LANES) -> list[list[PageWork]]:
    """The pages shared among the lanes, the longest first to the least loaded, so the lanes end together."""
    shared: list[list[PageWork]] = [[] for _ in range(max(1, min(lanes, len(pages))))]
    loads = [0] * len(shared)
    for page in sorted(pages, key=lambda p: -_weight(p)):
        lane = loads.index(min(loads))
        shared[lane].append(page)
        loads[lane] += _weight(page)
    return shared


def _weight(page: PageWork) -> int:
    return FACTSHEET_PAGE_WEIGHT if page[2][1] is not None else 1


def _check_pages(pages: list[PageWork], base: str, results: queue.Queue[Result]) -> None:
    """One lane's pages in a browser of its own (its thread's). A browser that stops or cannot
    start is each remaining page's failure, not kept (the next check tries again); whatever
    stops the lane, every page gets its one result, so the check waiting on them ends."""
    from ..validators.website import chromium, kept_tabs, page_checks

    done = 0
    why = "the check was stopped"
    try:
        with chromium() as browser, kept_tabs(browser) as tabs:
            for key, page_of, (path, source) in pages:
                results.put((key, page_of, page_checks(tabs, base, path, source, source is not None), [], True))
                done += 1
    except Exception as error:  # noqa: BLE001 - reported on each page the lane did not check
        why = f"{type(error).__name__}: {error}"
    finally:
        for key, page_of, (path, source) in pages[done:]:
            results.put((key, page_of, [Finding(FAILURE, "website", f"{path} could not be checked in the browser: {why}", REPORT_IT, source)], [], False))


def _reporter(results: queue.Queue[Result], key: str, document: m.Document) -> Callable[[Future[tuple[list[Finding], list[str]]]], None]:
    """What puts a factsheet's outcome on the queue when its worker is done with it."""
    return lambda done: results.put((key, document, *_outcome(done, document), True))


def _factsheet_pool(work: Work, count: int) -> Executor:
    """Worker processes forked with the project read (a slug is all each is sent), one a core;
    one thread for a single factsheet, which a process would only slow."""
    factsheet.prepare(work)
    cores = os.cpu_count() or 1
    if count <= 1 or cores == 1:
        return ThreadPoolExecutor(max_workers=1)
    return ProcessPoolExecutor(max_workers=min(cores, count), mp_context=multiprocessing.get_context("fork"))


def _outcome(done: Future[tuple[list[Finding], list[str]]], document: m.Document) -> tuple[list[Finding], list[str]]:
    error = done.exception()
    if error is None:
        return done.result()
    return [Finding(FAILURE, "build", f"the check of this factsheet stopped: {type(error).__name__}: {error}", REPORT_IT, document.meta.source)], []


def _check_books(todo: list[tuple[str, m.Document, Path]], results: queue.Queue[Result]) -> None:
    """EPUBCheck and Ace on every book that changed, each engine started once."""
    from ..validators.epub import problem_findings
    from ..validators.epub_batch import check_books

    if not todo:
        return
    reported: set[int] = set()

    def book_done(index: int, problems: list[Problem]) -> None:
        key, document, _ = todo[index]
        reported.add(index)
        results.put((key, document, problem_findings(problems, document.meta.source), [], True))  # "epub" is in the factsheet's own list

    try:
        check_books([path for _, _, path in todo], book_done)
    except Exception as error:  # noqa: BLE001 - a checker that cannot start is a failure of each book, not a crash
        for index, (key, document, _) in enumerate(todo):
            if index not in reported:
                results.put((key, document, [Finding(FAILURE, "epub", f"the EPUB could not be checked: {type(error).__name__}: {error}",
                                                     REPORT_IT, document.meta.source)], [], False))


def say_finished(progress: CheckProgress, title: str, findings: list[Finding], seconds: float | None) -> None:
    failures = sum(1 for f in findings if f.level == FAILURE)
    warnings = len(findings) - failures
    counted = f"{failures} failure{'s' if failures != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    how = "unchanged since the last check" if seconds is None else f"checked in {seconds:.1f} s"
    progress.factsheet_checked(f"{title}: {counted} ({how})")
