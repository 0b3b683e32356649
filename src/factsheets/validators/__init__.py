"""Validators: each standard written down once.

The test suite and `factsheets check` call the same functions, one module per
format. A validator reads a real output (a PDF, a BRF, an MP3, a built page)
and returns findings; it never raises for a missed standard.
"""

from __future__ import annotations

from dataclasses import dataclass

FAILURE = "failure"  # a format misses its standard
WARNING = "warning"  # advice, such as plain-English


@dataclass(frozen=True)
class Finding:
    level: str  # FAILURE or WARNING
    format: str  # "website", "large_print_pdf", "brf", "audio_mp3", "plain_english", ...
    message: str  # what is wrong, in plain words
    fix: str  # one sentence: how to put it right
    path: str | None = None  # the file it is about (a source file where there is one)
    line: int | None = None

    def where(self) -> str:
        if self.path and self.line:
            return f"{self.path}:{self.line}"
        return self.path or ""


def failures(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == FAILURE]
