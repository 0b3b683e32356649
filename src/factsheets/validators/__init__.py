"""Validators: each standard written down once.

The test suite and `factsheets check` call the same functions, one module per
format. A validator reads a real output (a PDF, a BRF, an MP3, a built page)
and returns findings; it never raises for a missed standard.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .. import model as m
    from ..errors import Location
    from ..project import Config

# A character of a PDF page as pdfplumber reads it: its text, font name and place (x0, top, ...).
PdfChar = dict[str, Any]

FAILURE = "failure"  # a format misses its standard
WARNING = "warning"  # advice, such as plain-English
# The fix of a failure with no cause in the sources (the tool made it wrong from a factsheet that
# built): staff are asked to report it, never sent to a file of the tool's own code.
REPORT_IT = ("This is a fault in the factsheets tool, not in your factsheet: report it to whoever looks after the tool, "
             "with this message. The other formats can still be published.")


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


def source_body(document: m.Document, config: Config) -> tuple[str, int] | None:
    """A factsheet's text below its front matter as its file is now, and the line it starts
    on; None when the file cannot be read (the build reports that)."""
    from ..errors import SourceError
    from ..sources import split_front_matter

    path = config.root / document.meta.source
    try:
        _, body, first_line = split_front_matter(path.read_text(encoding="utf-8-sig"), document.meta.source)
    except (OSError, UnicodeDecodeError, SourceError):
        return None
    return body, first_line


def advice_findings(advice: Iterable[tuple[Location, str, str]]) -> list[Finding]:
    """(where, what, fix) rows of advice on a source as `check`'s warnings, each a sentence."""
    return [Finding(WARNING, "plain_english", what[:1].upper() + what[1:] + ".", fix[:1].upper() + fix[1:] + ".", where.path, where.line)
            for where, what, fix in advice]
