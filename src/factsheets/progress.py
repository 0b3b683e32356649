"""What a build says while it runs: a live display on a terminal; in CI or a log, one
line for each format once its jobs are done (a line for each job with --verbose, which
staff found hid the warnings: thirty lines of "from the cache"); nothing with --quiet."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING, Self, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress, TaskID


class Progress:
    def __init__(self, quiet: bool = False, stream: TextIO | None = None, verbose: bool = False):
        self.stream = stream or sys.stdout
        self.quiet = quiet
        self.verbose = verbose and not quiet
        self._counts: dict[str, list[int]] = {}  # format -> [jobs, built, from the cache]
        self.live = not quiet and self.stream.isatty()
        self.started = time.monotonic()
        self._rich: RichProgress | None = None
        self._tasks: dict[str, TaskID] = {}

    def __enter__(self) -> Self:
        if self.live:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn, TimeElapsedColumn

            self._rich = RichProgress(TextColumn("{task.description:<16}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=False)
            self._rich.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None) -> None:
        if self._rich:
            self._rich.__exit__(kind, error, traceback)
        for name in list(self._counts):  # a format whose jobs did not all finish (a job failed)
            self._summary(name)

    def plan(self, counts: dict[str, int]) -> None:
        """How many jobs of each format this build has."""
        self._counts = {name: [total, 0, 0] for name, total in counts.items()}
        if self._rich:
            for name, total in counts.items():
                self._tasks[name] = self._rich.add_task(name, total=total)

    def done(self, format_name: str, slug: str, cached: bool, seconds: float = 0.0) -> None:
        if self._rich:
            self._rich.advance(self._tasks[format_name])
            if not self.verbose:
                return
        how = "from the cache" if cached else f"built in {seconds:.1f} s"
        if self.verbose:
            self.say(f"{format_name}: {slug} {how}")
        counts = self._counts.setdefault(format_name, [0, 0, 0])
        counts[2 if cached else 1] += 1
        if counts[1] + counts[2] >= counts[0] and not self._rich:
            self._summary(format_name)

    def _summary(self, name: str) -> None:
        """One line for a format: "pdf: 2 built, 10 from the cache"."""
        total, built, cached = self._counts.pop(name)
        if self.quiet or self.verbose or self._rich or built + cached == 0:
            return
        parts = [f"{built} built"] if built else []
        parts += [f"{cached} from the cache"] if cached else []
        print(f"{name}: {', '.join(parts)}", file=self.stream, flush=True)

    def say(self, message: str) -> None:
        if self._rich:
            self._rich.console.print(message)
        elif not self.quiet:
            print(message, file=self.stream, flush=True)


class CheckProgress:
    """What `check` says while it runs: a line for each factsheet as it finishes (with a bar
    below them on a terminal; plain lines in a pipe or a log), nothing with quiet."""

    def __init__(self, quiet: bool = False, stream: TextIO | None = None):
        self.stream = stream or sys.stdout
        self.quiet = quiet
        self.live = not quiet and self.stream.isatty()
        self._rich: RichProgress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> Self:
        return self

    def plan(self, total: int) -> None:
        """How many factsheets this check reports on: the bar's length."""
        if self.live and total and self._rich is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn, TimeElapsedColumn

            self._rich = RichProgress(TextColumn("Checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                      console=Console(file=self.stream), transient=True)
            self._rich.__enter__()
            self._task = self._rich.add_task("check", total=total)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None) -> None:
        if self._rich:
            self._rich.__exit__(kind, error, traceback)

    def factsheet_checked(self, line: str) -> None:
        if self._rich and self._task is not None:  # a task whenever a bar was started (plan)
            self._rich.console.print(line, markup=False, highlight=False)
            self._rich.advance(self._task)
        elif not self.quiet:
            print(line, file=self.stream, flush=True)
