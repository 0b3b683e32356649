"""`factsheets check FILE ...` (check/__init__.py): the named factsheets are checked, the others
are reported from their kept results or as not checked, and a file that is no factsheet is named."""

from pathlib import Path

import pytest

import factsheets.check as check
from factsheets.check import run_check
from factsheets.check.results import NOT_CHECKED
from factsheets.errors import SourceError

from conftest import FIXTURES, copy_project


@pytest.fixture
def habits(tmp_path, monkeypatch) -> Path:
    root = copy_project(tmp_path / "habits", FIXTURES / "habits")
    monkeypatch.chdir(root)
    # The sources' checks only, which need no build (the formats: test_check.py).
    monkeypatch.setattr(check, "load_manifest", lambda build_dir: ({}, []))
    return root


def test_only_the_named_factsheet_is_checked_and_the_others_are_said_not_to_be(habits):
    report = run_check(habits, website=False, factsheets=[Path("docs/factsheets/short-breaks.md")])
    named = [title for title, checked in report.checked.items() if checked != [NOT_CHECKED]]
    assert len(named) == 1 and len(report.checked) == 5
    assert report.checked[named[0]][0] == "plain English"
    assert {f.path for f in report.findings[named[0]]} == {"docs/factsheets/short-breaks.md"}
    assert all(report.findings[title] == [] for title in report.checked if title not in named)


def test_a_file_that_is_no_factsheet_is_named_with_what_to_name(habits):
    with pytest.raises(SourceError) as raised:
        run_check(habits, website=False, factsheets=[Path("docs/factsheets/short-break.md")])
    assert raised.value.lines() == ["docs/factsheets/short-break.md: this is not one of the project's factsheets: "
                                    "name a file in docs/factsheets/, such as docs/factsheets/council-tax-bands.md"]
