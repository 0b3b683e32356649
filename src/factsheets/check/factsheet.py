"""One factsheet's check, as one piece of work: its sources' plain English and habits, then
each of its files by its format's validator (the EPUB's two checkers aside: they run once for
every book, see validators/epub_batch.py). Several factsheets run at once, in worker
processes forked from the check (run()), so each worker has the project as the check read it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..formats import describe
from ..validators import FAILURE, REPORT_IT, Finding
from .manifest import usable_files
from .results import label, plain_english_label

if TYPE_CHECKING:
    from .. import model as m
    from ..manifest_entry import ManifestEntry
    from ..project import Config, Project

# A format's validator: (its file, the factsheet, its manifest entry) -> findings (validators/outputs.py).
Validator = Callable[[Path, "m.Document", "ManifestEntry"], list[Finding]]
# Each format's validator, by manifest key (a batched format's: what the batch leaves, BATCHED).
Checks = dict[str, Validator | None]

# Checked by engines started once for every factsheet (check/running.py); what else the format's
# file is checked for runs with the factsheet's other files, by the validator named here.
BATCHED = {"epub": "factsheets.validators.epub_overlay:check_output"}


@dataclass
class Work:
    """What each worker needs, set before the workers are forked (nothing is pickled but a slug)."""
    root: Path
    build_dir: Path
    project: Project
    checks: Checks
    entries: dict[str, ManifestEntry]  # by slug


_work: Work | None = None


def prepare(work: Work) -> None:
    global _work
    _work = work


def run(slug: str) -> tuple[list[Finding], list[str]]:
    """The findings of one factsheet (by slug) and what was checked: in a worker, or here."""
    assert _work is not None
    document = next(d for d in _work.project.documents if d.meta.slug == slug)
    checked = [plain_english_label(document.meta.language)]
    try:
        found = source_findings(document, _work)
        entry = _work.entries.get(slug)
        if entry is None:
            found.append(Finding(FAILURE, "build", "This factsheet is not in the last build.", "Run `factsheets build`.", document.meta.source))
            return found, checked
        page = entry["formats"].get("html", "")
        if (_work.build_dir / page).is_file() and page.endswith(".html"):
            from ..validators.site_language import check_page_language

            found += check_page_language(_work.build_dir / page, document)
        found += check_formats(_work.build_dir, _work.checks, document, entry, checked)
    except Exception as error:  # noqa: BLE001 - one factsheet's crash is a failure in the report, not the end of the check
        found = [Finding(FAILURE, "build", f"the check of this factsheet stopped: {type(error).__name__}: {error}",
                         REPORT_IT,
                         document.meta.source)]
    return found, checked


def source_findings(document: m.Document, work: Work) -> list[Finding]:
    from ..validators import callouts, plain_english, source_advice, written_once

    project = work.project
    names = [n for e in project.glossary.entries.values() for n in (e.term, *e.aliases)]
    found = plain_english.check_document(document, names)
    found += callouts.check_document(document)
    found += source_advice.check_literal_syntax(document, project.config)
    found += source_advice.check_word_habits(document, project.config)
    found += written_once.check_document(document, work.root, project.glossary.entries)
    return found


def format_checks(build_dir: Path, config: Config, only: set[str] | None = None) -> Checks:
    """Manifest format key -> validator(path, document, manifest entry) -> findings, for
    every output whose writer names a check (OutputKind.check, see validators/outputs.py);
    only those in `only`, when it is given. A batched format's validator checks what the batch does not."""
    from ..options import with_defaults
    from ..writers import registry

    checks: Checks = {}
    for writer in registry().values():
        options = with_defaults(writer.name, config.writer_options(writer.name))
        for kind in writer.outputs:
            if kind.check and (only is None or kind.key in only):
                checks[kind.key] = _validator(_load(BATCHED.get(kind.key, kind.check)), build_dir, options)
    return checks


def _validator(function: Callable[..., list[Finding]], build_dir: Path, options: dict[str, Any]) -> Validator:
    def validate(path: Path, document: m.Document, entry: ManifestEntry) -> list[Finding]:
        return function(path, document, entry, build_dir, options)

    return validate


def _load(dotted: str) -> Callable[..., list[Finding]]:
    """The function a writer's OutputKind.check names ("module:name"): a validator taking the build
    folder and the writer's options too."""
    import importlib

    module, _, name = dotted.partition(":")
    found: Callable[..., list[Finding]] = getattr(importlib.import_module(module), name)
    return found


def check_formats(build_dir: Path, checks: Checks, document: m.Document, entry: ManifestEntry, checked: list[str]) -> list[Finding]:
    """One factsheet's files, each by its validator (`checks`: format_checks(), made once for every factsheet)."""
    from ..i18n import language
    from ..validators.leftovers import check_outputs, code_texts

    source = document.meta.source
    entry, found = usable_files(build_dir, entry, source)
    older = set(entry.get("older", ()))
    for key, validate in checks.items():
        if key in entry.get("not_available", {}):
            continue  # a format its writer cannot serve in this language is no failure: the site says so
        kind = describe(key)  # known: `checks` are the registered writers' outputs
        if key not in entry["formats"]:
            if not (kind and kind.companion_of) and not any(f.format == key for f in found):
                found.append(Finding(FAILURE, key, f"The {key} file is missing from the last build.", "Run `factsheets build` and look at its messages.", source))
            continue
        if key in older:  # kept by a build of other formats: its words are the old text's
            found.append(Finding(FAILURE, key, f"the {label(key)} file was made from an older text of the factsheet",
                                 "Run `factsheets build` to bring every format up to date.", source))
            continue
        if validate is not None:
            try:
                found += validate(build_dir / entry["formats"][key], document, entry)
            except Exception as error:  # a file too damaged for its validator is a failure, not a crash
                found.append(Finding(FAILURE, key, f"the {key} file could not be checked: {type(error).__name__}: {error}", "Run `factsheets build` again.", source))
        code = entry.get("details", {}).get(key, {}).get("code") if key == "brf" else None
        # A translation's braille by the code it is in ("Welsh braille, contracted"), not "contracted UEB".
        checked.append(f"{kind.label if kind else key} (BRF, {code})" if code and not language(entry.get("language") or "en").is_english else key)
    current: ManifestEntry = {**entry, "formats": {k: v for k, v in entry["formats"].items() if k not in older}}
    return found + check_outputs(build_dir, current, source, code_texts(document))


def batched_books(build_dir: Path, checks: Checks, entry: ManifestEntry | None) -> Path | None:
    """The factsheet's EPUB, when the batch is to check it: asked for, built, inside build/, current."""
    if entry is None or "epub" not in checks or "epub" in entry.get("not_available", {}) or "epub" in entry.get("older", ()):
        return None
    relative = entry["formats"].get("epub")
    if relative is None:
        return None
    path = (build_dir / relative).resolve()
    return path if path.is_relative_to(build_dir.resolve()) and path.is_file() else None
