"""What a check found, and how the terminal and check.json show it (build/report.html: report.py)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..validators import FAILURE, WARNING, Finding

if TYPE_CHECKING:
    from rich.console import Console

    from ..translations import Stale

SITE_WIDE = "(whole website)"
# What a factsheet that `check FILE` did not name, and that changed since its last check, shows.
NOT_CHECKED = "not checked since it last changed: run `factsheets check` with no file names"


@dataclass
class CheckReport:
    findings: dict[str, list[Finding]] = field(default_factory=dict)  # factsheet title (or SITE_WIDE) -> findings
    checked: dict[str, list[str]] = field(default_factory=dict)  # factsheet title -> formats checked

    def all(self) -> list[Finding]:
        return [f for group in self.findings.values() for f in group]

    def count(self, level: str) -> int:
        return sum(1 for f in self.all() if f.level == level)


def plain_english_label(tag: str) -> str:
    """What the report says of the plain-English check: run, or why not."""
    from ..i18n import language
    from ..validators.plain_english import has_rules

    return "plain English" if has_rules(tag) else f"plain English: not checked, no rules for {language(tag).english_name}"


def stale_finding(stale: Stale) -> Finding:
    """A translation whose source has moved on: advice, so that a translator is asked."""
    return Finding(WARNING, "translation", stale.message()[0].upper() + stale.message()[1:] + ".",
                   "Send the changes to a translator; until then the page tells readers and links to the current English.",
                   stale.translation.meta.source, stale.line)


# What the report and the terminal call each thing checked: the checks of their own, then every output's label.
OWN_LABELS = {"translation": "Translation", "website": "Website", "plain_english": "Plain English", "plain English": "Plain English",
              "build": "Build", "source": "Written once"}


def label(key: str) -> str:
    from ..formats import describe

    kind = describe(key)
    return OWN_LABELS.get(key) or (f"{kind.label} ({kind.kind})" if kind else key)


def write_json(report: CheckReport, path: Path) -> None:
    data = {
        "failures": report.count(FAILURE),
        "warnings": report.count(WARNING),
        "factsheets": [
            {"factsheet": title, "checked": report.checked.get(title, []), "findings": [asdict(f) for f in findings]}
            for title, findings in report.findings.items()
        ],
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def print_table(report: CheckReport, console: Console | None = None) -> None:
    """A summary table (factsheet x format), then each finding on a line of its own."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = console or Console()
    table = Table(title="factsheets check")
    for column in ("Factsheet", "Checked", "Result", "Failures", "Warnings"):
        table.add_column(column, overflow="fold")
    for title, findings in report.findings.items():
        failures = sum(1 for f in findings if f.level == FAILURE)
        warnings = len(findings) - failures
        result = "[red]FAIL[/red]" if failures else "[yellow]not checked[/yellow]" if report.checked.get(title) == [NOT_CHECKED] else "[green]pass[/green]"
        table.add_row(escape(title), ", ".join(label(c) for c in report.checked.get(title, [])) or "website", result, str(failures), str(warnings))
    console.print(table)
    for findings in report.findings.values():
        for f in sorted(findings, key=lambda f: (f.level != FAILURE, f.format, f.line or 0)):
            verdict = "[red]FAIL[/red]" if f.level == FAILURE else "[yellow]warning[/yellow]"
            where = f"{f.where()}: " if f.where() else ""
            console.print(f"{escape(where)}{verdict} {escape(f'[{label(f.format)}]')} {escape(f.message)} [dim]Fix: {escape(f.fix)}[/dim]", highlight=False, soft_wrap=True)
    console.print(f"{report.count(FAILURE)} failure(s), {report.count(WARNING)} warning(s).")
