"""Errors and warnings that point at a place in a source file.

Staff read these, so every one names the file and line and says what is wrong
in plain words; the command line prints them without a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Location:
    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


class SourceError(Exception):
    """Bad input: the build stops and nothing is published."""

    def __init__(self, location: Location | str | Path, message: str):
        if not isinstance(location, Location):
            location = Location(str(location))
        self.location = location
        self.message = message
        super().__init__(f"{location}: {message}")

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        # Raised in a build's worker process, it must cross back whole to be reported as path:line.
        return (type(self), (self.location, self.message))


    def lines(self) -> list[str]:
        """The error as the command line prints it: one `path:line: message` line each."""
        return [f"{self.location}: {self.message}"]


class SourceErrorWithText(SourceError):
    """An error that shows lines to paste back in (the front matter a factsheet lost), printed
    indented under it so that they read as part of the one problem."""

    def __init__(self, location: Location | str | Path, message: str, text: list[str]):
        super().__init__(location, message)
        self.text = text

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return (type(self), (self.location, self.message, self.text))

    def lines(self) -> list[str]:
        return [*super().lines(), *(f"    {line}" for line in self.text)]


MAX_ERRORS = 20  # printed in one run: enough to fix a factsheet in one go, not a screenful of one mistake


class SourceErrors(SourceError):
    """Several source errors found in one run, so staff can fix them all before building again."""

    def __init__(self, errors: list[SourceError]):
        self.errors = errors
        super().__init__(errors[0].location, errors[0].message)

    def lines(self) -> list[str]:
        shown = [line for error in self.errors[:MAX_ERRORS] for line in error.lines()]
        if len(self.errors) > MAX_ERRORS:
            shown.append(f"... and {len(self.errors) - MAX_ERRORS} more problems: fix these, then build again to see the rest")
        return shown

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return (type(self), (self.errors,))


class ErrorList:
    """Collects the source errors of a run instead of stopping at the first."""

    def __init__(self) -> None:
        self.errors: list[SourceError] = []
        self._said: set[tuple[Location, str]] = set()

    def add(self, error: SourceError) -> None:
        """Keeps the error; one found twice (the same place, the same words) is said once."""
        for one in error.errors if isinstance(error, SourceErrors) else [error]:
            if (one.location, one.message) not in self._said:
                self._said.add((one.location, one.message))
                self.errors.append(one)

    @contextmanager
    def collecting(self) -> Iterator[None]:
        """Runs the block; a SourceError it raises is kept, and the run goes on after the block."""
        try:
            yield
        except SourceError as error:
            self.add(error)

    def raise_if_any(self) -> None:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            # Each file's problems in the order of its lines, the files in the order they were read.
            files = list(dict.fromkeys(e.location.path for e in self.errors))
            raise SourceErrors(sorted(self.errors, key=lambda e: (files.index(e.location.path), e.location.line or 0)))


class EngineMissing(Exception):
    """A native engine is not installed; the message names the package to install."""


@dataclass(frozen=True)
class Warning_:
    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: warning: {self.message}"


def line_of(text: str, needle: str, start_line: int = 1) -> int | None:
    """The 1-based line of the first occurrence of needle in text, counted from start_line."""
    index = text.find(needle)
    if index < 0:
        return None
    return start_line + text.count("\n", 0, index)


class LogCollector(logging.Handler):
    """Keeps what an engine's logger says at WARNING and above, to report it as our own warnings."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def engine_warnings(logger_name: str) -> Iterator[list[str]]:
    """The messages an engine's logger gives at WARNING and above while the block runs."""
    collect = LogCollector()
    logger = logging.getLogger(logger_name)
    logger.addHandler(collect)
    previous = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield collect.messages
    finally:
        logger.removeHandler(collect)
        logger.setLevel(previous)
