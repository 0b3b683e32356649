"""`factsheets check`: one report on every factsheet, every format and the plain
English of the source, from the last build.

It runs the same validators the test suite runs (src/factsheets/validators/),
so each standard is written down once. Findings are failures (a format misses
its standard) or warnings (advice); the exit status is 1 on any failure, and
on any warning too with --strict.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .errors import SourceError
from .project import load_project
from .validators import FAILURE, WARNING, Finding

SITE_WIDE = "(whole website)"


@dataclass
class CheckReport:
    findings: dict[str, list[Finding]] = field(default_factory=dict)  # factsheet title (or SITE_WIDE) -> findings
    checked: dict[str, list[str]] = field(default_factory=dict)  # factsheet title -> formats checked

    def all(self) -> list[Finding]:
        return [f for group in self.findings.values() for f in group]

    def count(self, level: str) -> int:
        return sum(1 for f in self.all() if f.level == level)


def format_checks(build_dir: Path, config) -> dict:
    """Manifest format key -> validator(path, document, manifest entry) -> findings, for
    every output whose writer names a check (OutputKind.check, see validators/outputs.py)."""
    from .options import with_defaults
    from .writers import registry

    checks = {}
    for writer in registry().values():
        options = with_defaults(writer.name, config.writer_options(writer.name))
        for kind in writer.outputs:
            if kind.check:
                function = _load(kind.check)
                checks[kind.key] = lambda path, document, entry, f=function, o=options: f(path, document, entry, build_dir, o)
    return checks


def _load(dotted: str):
    import importlib

    module, _, name = dotted.partition(":")
    return getattr(importlib.import_module(module), name)


def run_check(root: Path, website: bool = True) -> CheckReport:
    from .validators import plain_english
    from .validators.website import check_site

    project = load_project(root)
    build_dir = root / "build"
    manifest_path = build_dir / "manifest.json"
    if not manifest_path.exists():
        raise SourceError(str(manifest_path), "there is no build to check: run `factsheets build` first")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    entries = {e["slug"]: e for e in manifest["factsheets"]}
    report = CheckReport()
    names = [n for e in project.glossary.entries.values() for n in (e.term, *e.aliases)]
    pages = {}
    for document in project.documents:
        title = document.meta.title
        found = report.findings.setdefault(title, [])
        checked = report.checked.setdefault(title, ["plain English"])
        found += plain_english.check_document(document, names)
        entry = entries.get(document.meta.slug)
        if entry is None:
            found.append(Finding(FAILURE, "build", "This factsheet is not in the last build.", "Run `factsheets build`.", document.meta.source))
            continue
        pages[entry["formats"]["html"][len("site/"):]] = document.meta.source
        for key, validate in format_checks(build_dir, project.config).items():
            if key in entry["formats"]:
                found += validate(build_dir / entry["formats"][key], document, entry)
                checked.append(key)
            else:
                found.append(Finding(FAILURE, key, f"The {key} file is missing from the last build.", "Run `factsheets build` and look at its messages.", document.meta.source))
    if website:
        by_source = {d.meta.source: d.meta.title for d in project.documents}
        for finding in check_site(build_dir / "site", pages):
            report.findings.setdefault(by_source.get(finding.path, SITE_WIDE), []).append(finding)
        for title in report.checked:
            report.checked[title].append("website")
    return report


# What the report and the terminal call each thing checked: the checks of their own, then every output's label.
OWN_LABELS = {"website": "Website", "plain_english": "Plain English", "plain English": "Plain English", "build": "Build"}


def label(key: str) -> str:
    from .formats import describe

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


def print_table(report: CheckReport, console=None) -> None:
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
        result = "[red]FAIL[/red]" if failures else "[green]pass[/green]"
        table.add_row(escape(title), ", ".join(label(c) for c in report.checked.get(title, [])) or "website", result, str(failures), str(warnings))
    console.print(table)
    for title, findings in report.findings.items():
        for f in sorted(findings, key=lambda f: (f.level != FAILURE, f.format, f.line or 0)):
            verdict = "[red]FAIL[/red]" if f.level == FAILURE else "[yellow]warning[/yellow]"
            where = f"{f.where()}: " if f.where() else ""
            console.print(f"{escape(where)}{verdict} {escape(f'[{label(f.format)}]')} {escape(f.message)} [dim]Fix: {escape(f.fix)}[/dim]", highlight=False, soft_wrap=True)
    console.print(f"{report.count(FAILURE)} failure(s), {report.count(WARNING)} warning(s).")
