"""Links to other factsheets, written however staff write them."""

import datetime as dt
from pathlib import Path

import pytest

from conftest import FIXTURES, copy_project
from factsheets import model as m
from factsheets.errors import SourceError
from factsheets.factsheet_links import factsheet_link
from factsheets.project import load_project
from factsheets.walk import iter_block_inlines

FACTSHEETS = {"annual-reviews", "short"}


@pytest.mark.parametrize("url, canonical", [
    ("annual-reviews.md", "annual-reviews.md"),
    ("annual-reviews.html", "annual-reviews.md"),
    ("/factsheets/annual-reviews/", "annual-reviews.md"),
    ("../annual-reviews/", "annual-reviews.md"),
    ("./annual-reviews.md#when", "annual-reviews.md#when"),
    ("annual-reviews", "annual-reviews.md"),
])
def test_every_way_of_writing_a_link_to_a_factsheet_is_its_file_name(url, canonical):
    assert factsheet_link(url, FACTSHEETS) == canonical


@pytest.mark.parametrize("url", ["../index.md", "annual-reviews.pdf", "map.png", "nothing.md"])
def test_a_link_to_something_else_is_not_a_factsheet(url):
    assert factsheet_link(url, FACTSHEETS) is None


def project_with(tmp_path: Path, body: str) -> Path:
    root = copy_project(tmp_path / "p", FIXTURES / "small")
    folder = root / "docs" / "factsheets"
    (folder / "annual-reviews.md").write_text("---\ntitle: Annual reviews\nsummary: x\nversion: 1\ndate: 2024-01\n---\n\nText.\n")
    (folder / "short.md").write_text("---\ntitle: A short factsheet\nsummary: x\nversion: 1\ndate: 2024-01\n---\n\n" + body)
    return root


def test_links_to_a_factsheet_load_as_its_file_name(tmp_path):
    root = project_with(tmp_path, "See [one](annual-reviews.html), [two](/factsheets/annual-reviews/) and [three](../index.md).\n")
    document = next(d for d in load_project(root).documents if d.meta.slug == "short")
    # The contact details are model blocks too: their tel:, mailto: and web links are not these.
    urls = [n.url for _, n in iter_block_inlines(document.blocks) if isinstance(n, m.Link) and ":" not in n.url]
    assert urls[:3] == ["annual-reviews.md", "annual-reviews.md", "../index.md"]


def test_a_link_to_a_factsheet_that_does_not_exist_suggests_the_closest(tmp_path):
    root = project_with(tmp_path, "Text.\n\nSee [reviews](anual-reviews.md).\n")
    with pytest.raises(SourceError) as error:
        load_project(root)
    assert str(error.value) == ("docs/factsheets/short.md:10: the link to 'anual-reviews.md' goes to a page that does not exist: "
                                "did you mean 'annual-reviews'?")


def test_every_bad_link_and_term_of_every_factsheet_is_reported_in_one_run(tmp_path):
    root = project_with(tmp_path, "See [a](nothing-like-it.md).\n\nAn [[EHC pln]].\n\nAnd [b](anual-reviews.html).\n")
    (root / "docs" / "factsheets" / "annual-reviews.md").write_text("---\ntitle: Annual reviews\nversion: 1\ndate: 2024-01\n---\n\nA [[Local Ofer]].\n")
    with pytest.raises(SourceError) as error:
        load_project(root)
    assert error.value.lines() == [
        "docs/factsheets/annual-reviews.md:7: \"Local Ofer\" is not in the glossary: did you mean [[Local Offer]]?",
        "docs/factsheets/short.md:8: the link to 'nothing-like-it.md' goes to a page that does not exist: "
        "check the name: a factsheet is linked by its file name, like annual-reviews.md",
        "docs/factsheets/short.md:10: \"EHC pln\" is not in the glossary: did you mean [[EHC plan]]?",
        "docs/factsheets/short.md:12: the link to 'anual-reviews.html' goes to a page that does not exist: did you mean 'annual-reviews'?",
    ]  # each file's problems in the order of its lines


def test_a_missing_version_and_date_are_reported_with_the_texts_problems_in_one_run(tmp_path):
    root = project_with(tmp_path, "Text.\n")
    (root / "docs" / "factsheets" / "annual-reviews.md").write_text("---\ntitle: Annual reviews\n---\n\nA [[Local Ofer]].\n")
    with pytest.raises(SourceError) as error:
        load_project(root)
    lines = error.value.lines()
    assert lines[0].startswith("docs/factsheets/annual-reviews.md:2: the front matter has no 'version' or 'date'")
    assert lines[1:3] == ["    version: 1", f"    date: {dt.date.today():%Y-%m}"]
    assert lines[3].startswith("docs/factsheets/annual-reviews.md:5: \"Local Ofer\" is not in the glossary")
