"""The corpus of habits (tests/fixtures/habits/): a factsheet for each thing people used to Word
type, written as they write it, and what the build and `check` say about each.

| factsheet                | habit                                                                     |
|--------------------------|---------------------------------------------------------------------------|
| visiting-our-office      | an address with a backslash at the end of its lines; "Phone: / Text: /    |
|                          | Email:" lines with none (joined: warned); two trailing spaces             |
| time-limits-for-appeals  | `!!! warning "Time limits"` with its text at the margin                   |
| council-tax-bands        | a table pasted from Word (cells separated by tabs)                        |
| help-at-school           | `**EHC plan**` in bold, the term linked earlier in the factsheet          |
| short-breaks             | `**EHC plan**` in bold, the term never linked; another team's number and  |
|                          | ours with two digits swapped                                              |
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, copy_project, factsheets
from factsheets.check import run_check
from factsheets.project import load_project

HABITS = FIXTURES / "habits"
# (factsheet, line, the start of what the build and check say)
SAID_BY_BUILD = [
    ("council-tax-bands", 10, "these 4 lines have cells separated by tabs (a table pasted from Word) and were made into a table"),
    ("time-limits-for-appeals", 10, "the call-out '!!! warning \"Time limits\"' has no indented text, so the paragraph under it was taken into it"),
    ("visiting-our-office", 22, 'these 3 short lines will be joined into one line in every format ("Phone: {{ advice_line }}, '),
]
SAID_BY_CHECK_ONLY = [
    ("help-at-school", 12, '"EHC plan" is a glossary term written in bold'),
    ("short-breaks", 12, '"EHC plan" is a glossary term written in bold'),
    ("short-breaks", 16, "The text types the phone number 01632 960132, which looks like the organisation's"),
]


@pytest.fixture
def habits(tmp_path) -> Path:
    return copy_project(tmp_path / "habits", HABITS)


def test_the_build_warns_about_each_habit_it_read_as_meant_at_its_line(habits):
    project = load_project(habits)
    said = sorted((w.location.path.split("/")[-1][:-3], w.location.line, w.message) for w in project.warnings)
    assert [(name, line) for name, line, _ in said] == [(name, line) for name, line, _ in SAID_BY_BUILD]
    for (_, _, message), (_, _, start) in zip(said, SAID_BY_BUILD):
        assert message.startswith(start), message


def test_check_says_the_same_and_points_at_bold_terms_and_a_mistyped_number(habits, monkeypatch):
    import factsheets.check as check

    # The sources' advice only, which needs no build: the formats are checked in test_corpus.py.
    monkeypatch.setattr(check, "load_manifest", lambda build_dir: ({}, []))
    report = run_check(habits, website=False)
    found = sorted((f.path.split("/")[-1][:-3], f.line, f.message) for findings in report.findings.values()
                   for f in findings if f.level == "warning")
    expected = sorted([(n, line, s[:1].upper() + s[1:]) for n, line, s in SAID_BY_BUILD] + SAID_BY_CHECK_ONLY)
    assert [(n, line) for n, line, _ in found] == [(n, line) for n, line, _ in expected]
    for (_, _, message), (_, _, start) in zip(found, expected):
        assert message.startswith(start), message
    assert not any("01632 960555" in message for _, _, message in found)  # another team's number


@pytest.mark.engines
def test_the_habits_build_with_every_format_and_the_address_keeps_its_lines(tmp_path):
    root = tmp_path / "habits"
    shutil.copytree(HABITS, root)
    built = factsheets(root, "build")
    assert built.returncode == 0, built.stderr
    for name, line, start in SAID_BY_BUILD:
        assert f"docs/factsheets/{name}.md:{line}: warning: {start}" in built.stderr
    files = root / "build/site/files/visiting-our-office"
    page = (root / "build/site/factsheets/visiting-our-office.html").read_text(encoding="utf-8")
    assert "Northdale Advice Service<br>" in page and "Civic Centre<br>" in page and "\\" not in page.split("<main")[-1].split("</main>")[0]
    assert "Civic Centre<br>" in (files / "visiting-our-office-print.html").read_text(encoding="utf-8")
    script = (files / "visiting-our-office-audio-script.txt").read_text(encoding="utf-8")
    assert "Civic Centre, \nMarket Street, " in script
    table = (root / "build/site/factsheets/council-tax-bands.html").read_text(encoding="utf-8")
    assert "<th scope=\"col\">Value in 1991</th>" in table and "<td>£40,001 to £52,000</td>" in table


def test_a_bold_glossary_term_is_warned_about_in_every_factsheet_of_the_corpus_alike(tmp_path):
    from factsheets.validators.written_once import unlinked_terms

    root = copy_project(tmp_path / "corpus", FIXTURES / "corpus")
    sheets = sorted((root / "docs/factsheets").glob("*.md"))
    for path in sheets:  # some link [[EHC plan]] already, some never mention it
        path.write_text(path.read_text(encoding="utf-8") + "\nYour **EHC plan** says what help your child gets.\n", encoding="utf-8")
    project = load_project(root)
    for document in project.documents:
        bold = [f.message for f in unlinked_terms(document, project.glossary.entries) if "EHC plan" in f.message]
        assert bold and bold[0].startswith('"EHC plan" is a glossary term written in bold'), (document.meta.slug, bold)
