"""`factsheets check`: one report on every factsheet, every format and the plain English of the
source, from the last build.

It runs the same validators the test suite runs (src/factsheets/validators/), so each standard
is written down once. Findings are failures (a format misses its standard) or warnings
(advice); the exit status is 1 on any failure, and on any warning too with --strict.

A check is made of pieces, each kept by the content it read (kept.py), so only what changed is
checked again: each factsheet's sources and files (several factsheets at once, one a core:
factsheet.py), every EPUB under EPUBCheck and Ace (one JVM and one Node for all of them), and
each page of the site (two browsers share them, each visiting page after page in two kept tabs:
running.py). Each factsheet is reported as it finishes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from .. import translations
from ..build.own_files import check_own_files
from ..errors import SourceError
from ..project import load_project
from ..validators import FAILURE, WARNING, Finding
from .factsheet import Work, batched_books, format_checks
from .kept import KeptResults, checker_version, digest, file_digest, findings_data, findings_from
from .manifest import load_manifest, usable_files
from .results import NOT_CHECKED, OWN_LABELS, SITE_WIDE, CheckReport, label, plain_english_label, print_table, stale_finding, write_json

if TYPE_CHECKING:
    from .. import model as m
    from ..manifest_entry import ManifestEntry
    from ..progress import CheckProgress
    from ..project import Project
    from .factsheet import Checks

__all__ = ["CheckReport", "SITE_WIDE", "OWN_LABELS", "label", "plain_english_label", "print_table", "stale_finding",
           "write_json", "run_check", "load_manifest", "usable_files", "format_checks", "FAILURE", "WARNING"]

PROJECT_SETTINGS = ("mkdocs.yml", "organisation*.yml", "glossary/*")


class Todo(TypedDict):
    """The pieces to run, by kind: (key, document or None, what the piece reads)."""

    factsheet: list[tuple[str, m.Document, str]]  # its slug
    epub: list[tuple[str, m.Document, Path]]  # the book
    page: list[tuple[str, m.Document | None, tuple[str, str | None]]]  # the page's path in the site, its factsheet's source


def run_check(root: Path, website: bool = True, only: set[str] | None = None, factsheets: list[Path] | None = None,
              progress: CheckProgress | None = None) -> CheckReport:
    """Every factsheet's formats and plain English; the site's markup; in Chromium too unless
    website=False. `only`: these formats alone. `factsheets`: these factsheets (and their pages)
    alone are checked; the others are reported from their kept results."""
    from ..validators.site_markup import check_markup

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
    chosen = chosen_sources(root, project, factsheets)
    store = KeptResults(build_dir if os.path.lexists(build_dir) else None)
    checks = format_checks(build_dir, project.config, only)
    plan = Plan(store, chosen, checker_version(), project_settings(root))
    pages: dict[str, str] = {}
    for document in project.documents:
        entry = entries.get(document.meta.slug)
        plan.factsheet(document, entry, checks, root, build_dir)
        book = batched_books(build_dir, checks, entry)
        if book is not None:
            key = digest("epub", plan.version, file_digest(book), document.meta.source)
            if plan.piece(document, "epub", key):
                plan.todo["epub"].append((key, document, book))
        if entry is not None:
            page = entry["formats"].get("html", "")
            pages[page.removeprefix("site/") or f"(no page for {document.meta.slug})"] = document.meta.source
    site = build_dir / "site"
    if website:
        from ..validators.website import site_pages

        plan.pages(site, site_pages(site) if site.is_dir() else [], pages, project.documents)
    plan.run(Work(root, build_dir, project, checks, entries), site, progress)
    stale = {s.translation.meta.slug: s for s in translations.stale(project.documents, project.sources)}
    by_source = {d.meta.source: d.meta.title for d in project.documents}
    for document in project.documents:
        title = document.meta.title
        found, checked = plan.findings_of(document)
        report.findings.setdefault(title, []).extend(found)
        if document.meta.slug in stale:
            report.findings[title].append(stale_finding(stale[document.meta.slug]))
        report.checked[title] = checked + (["website"] if website and checked and checked[0] != NOT_CHECKED else [])
    for finding in check_markup(site, pages) + plan.site_findings:
        report.findings.setdefault(by_source.get(finding.path or "", SITE_WIDE), []).append(finding)
    if factsheets is None and only is None and website:
        store.forget_unused()
    return report


def chosen_sources(root: Path, project: Project, factsheets: list[Path] | None) -> set[str] | None:
    """The sources (docs/factsheets/x.md) of the factsheets named on the command line; None for all."""
    if factsheets is None:
        return None
    known = {d.meta.source for d in project.documents}
    chosen: set[str] = set()
    for named in factsheets:
        try:
            source = (Path.cwd() / named).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            source = str(named)
        if source not in known:
            raise SourceError(str(named), "this is not one of the project's factsheets: name a file in docs/factsheets/, "
                              "such as docs/factsheets/" + sorted(known)[0].rsplit("/", 1)[-1] if known else "there are no factsheets")
        chosen.add(source)
    return chosen


def project_settings(root: Path) -> str:
    """The project files every factsheet's check of its source reads: the settings, the organisation, the glossary."""
    return digest(*(f"{p.relative_to(root).as_posix()} {file_digest(p)}" for pattern in PROJECT_SETTINGS for p in sorted(root.glob(pattern))))


class Plan:
    """The pieces of one check: which are kept, which to run, and what each found."""

    def __init__(self, store: KeptResults, chosen: set[str] | None, version: str, settings: str):
        self.store, self.chosen, self.version, self.settings = store, chosen, version, settings
        self.results: dict[str, dict[str, Any]] = {}  # key -> {"findings": [...], "checked": [...]}
        self.todo: Todo = {"factsheet": [], "epub": [], "page": []}
        self.keys: dict[str, list[str]] = {}  # slug -> its pieces' keys
        self.site_keys: list[str] = []
        self.site_findings: list[Finding] = []

    def piece(self, document: m.Document | None, kind: str, key: str) -> bool:
        """Whether the piece is to run (its result is not kept, and it is chosen): the caller queues it."""
        if document is not None:
            self.keys.setdefault(document.meta.slug, []).append(key)
        else:
            self.site_keys.append(key)
        kept = self.store.get(key)
        if kept is not None:
            self.results[key] = kept
            return False
        return self.chosen is None or (document is not None and document.meta.source in self.chosen) or (document is None and kind == "page")

    def factsheet(self, document: m.Document, entry: ManifestEntry | None, checks: Checks, root: Path, build_dir: Path) -> None:
        files = sorted(entry["formats"].values()) if entry else []
        key = digest("factsheet", self.version, self.settings, document.meta.source, file_digest(root / document.meta.source),
                     repr(document), json.dumps(entry, sort_keys=True), sorted(checks),
                     *(f"{name} {file_digest(build_dir / name)}" for name in files))
        if self.piece(document, "factsheet", key):
            self.todo["factsheet"].append((key, document, document.meta.slug))

    def pages(self, site: Path, paths: list[str], factsheet_pages: dict[str, str], documents: list[m.Document]) -> None:
        # The pages' own styles and scripts: what the browser applies besides the page's HTML.
        assets = digest(*(f"{p.relative_to(site).as_posix()} {file_digest(p)}" for p in sorted(site.rglob("*"))
                          if p.suffix in (".css", ".js") and not p.relative_to(site).as_posix().startswith(("files/", "search/"))))
        by_source = {d.meta.source: d for d in documents}
        for path in paths:
            source = factsheet_pages.get(path)
            key = digest("page", self.version, path, file_digest(site / path), assets, source)
            document = by_source.get(source or "")
            if self.piece(document, "page", key):
                self.todo["page"].append((key, document, (path, source)))

    def findings_of(self, document: m.Document) -> tuple[list[Finding], list[str]]:
        keys = self.keys.get(document.meta.slug, [])
        if not all(k in self.results for k in keys):
            return [], [NOT_CHECKED]
        found: list[Finding] = []
        checked: list[str] = []
        for key in keys:
            found += findings_from(self.results[key]["findings"])
            checked += self.results[key].get("checked", [])
        return found, checked

    def run(self, work: Work, site: Path, progress: CheckProgress | None) -> None:
        from .running import run_pieces

        run_pieces(self, work, site, progress)
        for key in self.site_keys:
            if key in self.results:
                self.site_findings += findings_from(self.results[key]["findings"])

    def done(self, key: str, findings: list[Finding], checked: list[str] | None = None, keep: bool = True) -> None:
        self.results[key] = {"findings": findings_data(findings), "checked": checked or []}
        if keep:
            self.store.put(key, self.results[key])
