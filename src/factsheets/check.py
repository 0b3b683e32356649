"""`factsheets check`: one report on every factsheet, every format and the plain
English of the source, from the last build.

It runs the same validators the test suite runs (src/factsheets/validators/),
so each standard is written down once. Findings are failures (a format misses
its standard) or warnings (advice); the exit status is 1 on any failure, and
on any warning too with --strict.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .build.own_files import check_own_files
from .errors import SourceError
from .formats import describe
from . import translations
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


def load_manifest(build_dir: Path) -> tuple[dict[str, dict], list[Finding]]:
    """The manifest's entries by slug, each checked for shape; or a finding that says why there are none."""
    path = build_dir / "manifest.json"
    if not path.exists():
        raise SourceError(str(path), "there is no build to check: run `factsheets build` first")

    def broken(why: str) -> tuple[dict, list[Finding]]:
        return {}, [Finding(FAILURE, "build", f"build/manifest.json {why}", "Run `factsheets build` again.", "build/manifest.json")]

    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return broken(f"cannot be read: {error}")
    listed = manifest.get("factsheets") if isinstance(manifest, dict) else None
    if not isinstance(listed, list):
        return broken("is not a build's manifest: it has no list of factsheets")
    entries = {}
    for entry in listed:
        formats = entry.get("formats") if isinstance(entry, dict) else None
        if not isinstance(formats, dict) or not isinstance(entry.get("slug"), str) or not all(isinstance(v, str) for v in formats.values()):
            return broken(f"has an entry that is not a factsheet's: {str(entry)[:80]}")
        entries[entry["slug"]] = entry
    return entries, []


def usable_files(build_dir: Path, entry: dict, source: str) -> tuple[dict, list[Finding]]:
    """The entry with only the files that are inside build/ and present; a finding for each other."""
    inside = build_dir.resolve()
    kept, found = dict(entry["formats"]), []
    for key, relative in entry["formats"].items():
        path = (build_dir / relative).resolve()
        if not path.is_relative_to(inside):
            found.append(Finding(FAILURE, key, f"the manifest points the {key} file outside build/ ({relative}); it was not read", "Run `factsheets build` again.", source))
        elif not path.is_file() and key != "html":  # a missing page: the site's check says so
            found.append(Finding(FAILURE, key, f"the {key} file {relative} is missing from the last build", "Run `factsheets build` again.", source))
        else:
            continue
        kept.pop(key)
    return {**entry, "formats": kept}, found


def check_formats(build_dir: Path, checks: dict, document, entry: dict, checked: list[str], only: set[str] | None = None) -> list[Finding]:
    """One factsheet's files, each by its validator (`checks`: format_checks(), made once for every factsheet)."""
    from .i18n import language
    from .validators.leftovers import check_outputs, code_texts

    source = document.meta.source
    entry, found = usable_files(build_dir, entry, source)
    older = set(entry.get("older", ()))
    for key, validate in checks.items():
        if (only is not None and key not in only) or key in entry.get("not_available", {}):
            continue  # a format its writer cannot serve in this language is no failure: the site says so
        if key not in entry["formats"]:
            if not describe(key).companion_of and not any(f.format == key for f in found):
                found.append(Finding(FAILURE, key, f"The {key} file is missing from the last build.", "Run `factsheets build` and look at its messages.", source))
            continue
        if key in older:  # kept by a build of other formats: its words are the old text's
            found.append(Finding(FAILURE, key, f"the {label(key)} file was made from an older text of the factsheet",
                                 "Run `factsheets build` to bring every format up to date.", source))
            continue
        try:
            found += validate(build_dir / entry["formats"][key], document, entry)
        except Exception as error:  # a file too damaged for its validator is a failure, not a crash
            found.append(Finding(FAILURE, key, f"the {key} file could not be checked: {type(error).__name__}: {error}", "Run `factsheets build` again.", source))
        code = entry.get("details", {}).get(key, {}).get("code") if key == "brf" else None
        # A translation's braille by the code it is in ("Welsh braille, contracted"), not "contracted UEB".
        checked.append(f"{describe(key).label} (BRF, {code})" if code and not language(entry.get("language") or "en").is_english else key)
    current = {**entry, "formats": {k: v for k, v in entry["formats"].items() if k not in older}}
    return found + check_outputs(build_dir, current, source, code_texts(document))


def run_check(root: Path, website: bool = True, only: set[str] | None = None) -> CheckReport:
    """Every factsheet's formats and plain English; the site's markup; in Chromium too unless website=False."""
    from . import literal_syntax, word_habits
    from .validators import callouts, plain_english, written_once
    from .validators.site_language import check_page_language
    from .validators.site_markup import check_markup
    from .validators.website import check_site

    project = load_project(root)
    build_dir = root / "build"
    if os.path.lexists(build_dir) and not check_own_files(root, build_dir):
        # Its files would be read, and the report written into it: only a build of this computer's is.
        raise SourceError("build", "this was not made by a build on this computer (it may have been copied or committed): "
                          "run 'factsheets build', then check again")
    entries, problems = load_manifest(build_dir)
    report = CheckReport()
    if problems:
        report.findings[SITE_WIDE] = problems
    names = [n for e in project.glossary.entries.values() for n in (e.term, *e.aliases)]
    pages = {}
    checks = format_checks(build_dir, project.config)
    stale = {s.translation.meta.slug: s for s in translations.stale(project.documents, project.sources)}
    for document in project.documents:
        found = report.findings.setdefault(document.meta.title, [])
        checked = report.checked.setdefault(document.meta.title, [plain_english_label(document.meta.language)])
        found += plain_english.check_document(document, names)
        found += callouts.check_document(document)
        found += literal_syntax.check_findings(document, project.config)
        found += word_habits.check_findings(document, project.config)
        found += written_once.check_document(document, root, project.glossary.entries)
        if document.meta.slug in stale:
            found.append(stale_finding(stale[document.meta.slug]))
        entry = entries.get(document.meta.slug)
        if entry is None:
            found.append(Finding(FAILURE, "build", "This factsheet is not in the last build.", "Run `factsheets build`.", document.meta.source))
            continue
        page = entry["formats"].get("html", "")
        pages[page.removeprefix("site/") or f"(no page for {document.meta.slug})"] = document.meta.source
        if (build_dir / page).is_file() and page.endswith(".html"):
            found += check_page_language(build_dir / page, document)
        found += check_formats(build_dir, checks, document, entry, checked, only)
    by_source = {d.meta.source: d.meta.title for d in project.documents}
    site_findings = check_markup(build_dir / "site", pages)
    if website:
        site_findings += check_site(build_dir / "site", {p: s for p, s in pages.items() if (build_dir / "site" / p).is_file()})
        for title in report.checked:
            report.checked[title].append("website")
    for finding in site_findings:
        report.findings.setdefault(by_source.get(finding.path, SITE_WIDE), []).append(finding)
    return report


def plain_english_label(tag: str) -> str:
    """What the report says of the plain-English check: run, or why not."""
    from .i18n import language
    from .validators.plain_english import has_rules

    return "plain English" if has_rules(tag) else f"plain English: not checked, no rules for {language(tag).english_name}"


def stale_finding(stale) -> Finding:
    """A translation whose source has moved on: advice, so that a translator is asked."""
    return Finding(WARNING, "translation", stale.message()[0].upper() + stale.message()[1:] + ".",
                   "Send the changes to a translator; until then the page tells readers and links to the current English.",
                   stale.translation.meta.source, stale.line)


# What the report and the terminal call each thing checked: the checks of their own, then every output's label.
OWN_LABELS = {"translation": "Translation", "website": "Website", "plain_english": "Plain English", "plain English": "Plain English",
              "build": "Build", "source": "Written once"}


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
    for findings in report.findings.values():
        for f in sorted(findings, key=lambda f: (f.level != FAILURE, f.format, f.line or 0)):
            verdict = "[red]FAIL[/red]" if f.level == FAILURE else "[yellow]warning[/yellow]"
            where = f"{f.where()}: " if f.where() else ""
            console.print(f"{escape(where)}{verdict} {escape(f'[{label(f.format)}]')} {escape(f.message)} [dim]Fix: {escape(f.fix)}[/dim]", highlight=False, soft_wrap=True)
    console.print(f"{report.count(FAILURE)} failure(s), {report.count(WARNING)} warning(s).")
