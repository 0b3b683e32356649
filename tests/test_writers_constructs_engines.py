"""Footnotes, abbreviations, definition lists and {#id}s through the real engines: the project
of tests/constructs_project.py built and checked by the installed command, then its PDF read
back as text (WeasyPrint's output), its BRF back-translated (liblouis) and its MP3 measured."""

from __future__ import annotations

import json
import subprocess
import zipfile

import pytest

from conftest import factsheets
from constructs_project import constructs_project
from factsheets.validators.braille import brf_pages, read_back

pytestmark = pytest.mark.engines


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = constructs_project(tmp_path_factory.mktemp("constructs-engines") / "project")
    result = factsheets(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root, root / "build" / "site" / "files" / "annual-reviews"


def test_the_project_builds_and_passes_check(built):
    root, _ = built
    result = factsheets(root, "check")
    assert result.returncode == 0, result.stdout
    report = json.loads((root / "build" / "check.json").read_text(encoding="utf-8"))
    assert report["failures"] == 0 and report["warnings"] == 0


def test_the_pdf_prints_the_expansion_the_notes_and_the_terms(built):
    _, folder = built
    printed = subprocess.run(["pdftotext", str(folder / "annual-reviews-large-print.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(printed.split())
    assert "The SENCO (Special Educational Needs Coordinator) arranges" in text
    assert "EHC plan.[1] Ask the SENCO if you are not sure. Notes [1] The review must be held" in text
    assert "Advice What each person thinks your child needs. Outcomes What your child" in text
    assert "Notes [2] Everyone must send it" in text


def test_the_brf_reads_back_with_the_expansion_and_the_notes(built):
    _, folder = built
    text = " ".join(read_back(page) for page in brf_pages(folder / "annual-reviews.brf"))
    text = " ".join(text.split())
    assert "The Special Educational Needs Coordinator (SENCO) arranges" in text
    assert "Notes [1] The review must be held within twelve months of the plan." in text
    assert "Advice What each person thinks your child needs." in text


def test_the_epub_holds_footnotes_and_note_references(built):
    _, folder = built
    with zipfile.ZipFile(folder / "annual-reviews.epub") as archive:
        content = "".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".xhtml"))
    assert 'epub:type="noteref"' in content and content.count('epub:type="footnote"') == 2
