"""A `# Title` first line, as MkDocs users write it."""

from pathlib import Path

import pytest

from conftest import FIXTURES, copy_project
from factsheets import model as m
from factsheets.errors import SourceError
from factsheets.project import load_project
from factsheets.title_line import take_title_line


def test_a_title_line_is_the_title_when_the_front_matter_has_none():
    title, body = take_title_line({}, "\n# Annual reviews\n\nText.\n", 5, "a.md")
    assert title == "Annual reviews"
    assert body == "\n\n\nText.\n"  # the line is blanked, so later lines keep their numbers


def test_a_title_line_that_matches_the_front_matter_is_not_a_second_heading():
    title, body = take_title_line({"title": "Annual reviews"}, "# Annual  *reviews* #\nText.\n", 5, "a.md")
    assert title == "Annual reviews" and body == "\nText.\n"


def test_a_title_line_that_differs_shows_both_at_its_line():
    with pytest.raises(SourceError) as error:
        take_title_line({"title": "Annual reviews"}, "\n# Yearly reviews\nText.\n", 5, "a.md")
    assert str(error.value) == ('a.md:6: the title in the front matter ("Annual reviews") and the "# Yearly reviews" line differ: '
                                "make them the same, or delete one of them; if \"Yearly reviews\" is a section, start sections with ## (a level-2 heading)")


def test_a_later_level_one_heading_is_left_for_the_reader():
    title, body = take_title_line({"title": "A"}, "Text.\n\n# Not a title\n", 5, "a.md")
    assert title == "A" and body == "Text.\n\n# Not a title\n"


def _factsheet(tmp_path: Path, text: str, encoding_bytes: bytes | None = None) -> Path:
    root = copy_project(tmp_path / "p", FIXTURES / "small")
    path = root / "docs" / "factsheets" / "short.md"
    if encoding_bytes is not None:
        path.write_bytes(encoding_bytes)
    else:
        path.write_text(text, encoding="utf-8")
    return root


def test_a_factsheet_with_only_a_title_line_loads_with_that_title(tmp_path):
    root = _factsheet(tmp_path, "---\nsummary: S.\nversion: 1\ndate: 2024-03\n---\n# Annual reviews\n\n## First\n\nText.\n")
    document = load_project(root).documents[0]
    assert document.meta.title == "Annual reviews"
    headings = [b for b in document.blocks if isinstance(b, m.Heading)]
    assert [(h.level, m.plain_text(h.children), h.line) for h in headings] == [(2, "First", 8)]


def test_a_factsheet_saved_by_notepad_with_a_bom_and_crlf_loads(tmp_path):
    text = "\ufeff---\r\ntitle: Annual reviews\r\nsummary: S.\r\nversion: 1\r\ndate: 2024-03\r\n---\r\n\r\n## First\r\n\r\nText.\r\n"
    root = _factsheet(tmp_path, "", text.encode("utf-8"))
    for name in ("organisation.yml", "glossary/local-offer.md"):
        path = root / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    project = load_project(root)
    assert project.documents[0].meta.title == "Annual reviews"
    assert project.organisation.name and project.glossary.find("Local Offer") is not None


def test_a_factsheet_with_no_title_anywhere_is_told_both_ways_to_give_one(tmp_path):
    root = _factsheet(tmp_path, "---\nsummary: S.\nversion: 1\ndate: 2024-03\n---\n\nText.\n")
    with pytest.raises(SourceError) as error:
        load_project(root)
    assert str(error.value) == ("docs/factsheets/short.md:1: this factsheet has no title: add 'title: ...' to the front matter "
                                "between the --- lines, or start the text with a '# Title' line")


def test_an_unquoted_title_with_a_colon_is_told_to_use_quotes(tmp_path):
    root = _factsheet(tmp_path, "---\nsummary: S.\ntitle: Appeals: what to do\nversion: 1\ndate: 2024-03\n---\n\nText.\n")
    with pytest.raises(SourceError) as error:
        load_project(root)
    assert str(error.value) == ('docs/factsheets/short.md:3: the title has a colon (:) in it: put the title in quotes, '
                                'like title: "Appeals: what to do"')
