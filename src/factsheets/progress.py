"""What a build says while it runs: a live display on a terminal, one plain line
per step in CI or a log, nothing with --quiet."""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, quiet: bool = False, stream=None):
        self.stream = stream or sys.stdout
        self.quiet = quiet
        self.live = not quiet and self.stream.isatty()
        self.started = time.monotonic()
        self._rich = None
        self._tasks: dict[str, int] = {}

    def __enter__(self):
        if self.live:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn, TimeElapsedColumn

            self._rich = RichProgress(TextColumn("{task.description:<16}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=False)
            self._rich.__enter__()
        return self

    def __exit__(self, *exc):
        if self._rich:
            self._rich.__exit__(*exc)

    def plan(self, counts: dict[str, int]) -> None:
        """How many jobs of each format this build has."""
        if self._rich:
            for name, total in counts.items():
                self._tasks[name] = self._rich.add_task(name, total=total)

    def done(self, format_name: str, slug: str, cached: bool, seconds: float = 0.0) -> None:
        if self._rich:
            self._rich.advance(self._tasks[format_name])
        elif not self.quiet:
            how = "from the cache" if cached else f"built in {seconds:.1f} s"
            print(f"{format_name}: {slug} {how}", file=self.stream, flush=True)

    def say(self, message: str) -> None:
        if self._rich:
            self._rich.console.print(message)
        elif not self.quiet:
            print(message, file=self.stream, flush=True)
