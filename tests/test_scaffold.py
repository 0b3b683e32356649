"""`factsheets new`: a new factsheet that builds at once, never one written over another."""

import datetime as dt

import pytest

from conftest import FIXTURES, copy_project, factsheets
from factsheets.errors import SourceError
from factsheets.project import load_project
from factsheets.factsheet_file import FIRST_LINE_TO_WRITE, SUMMARY_TO_WRITE
from factsheets.scaffold import new_factsheet, slug_for


def test_the_file_name_comes_from_the_title():
    assert slug_for("Annual reviews: what to expect") == "annual-reviews-what-to-expect"
    assert slug_for("  SEN   support?  ") == "sen-support"


def test_a_new_factsheet_reads_as_a_complete_factsheet(tmp_path):
    root = copy_project(tmp_path / "p", FIXTURES / "small")
    path = new_factsheet(root, 'Transport to school: "who pays?"', today=dt.date(2024, 2, 29))
    with pytest.raises(SourceError) as unwritten:  # its example words are not published
        load_project(root)
    assert [line.split(": ", 1)[0] for line in unwritten.value.lines()] == [f"docs/factsheets/{path.name}:{n}" for n in (3, 9)]
    written = path.read_text(encoding="utf-8").replace(SUMMARY_TO_WRITE, "Who pays for transport to school.")
    path.write_text(written.replace(FIRST_LINE_TO_WRITE, "Most children who need it get free transport."), encoding="utf-8")
    document = next(d for d in load_project(root).documents if d.meta.slug == path.stem)
    assert document.meta.title == 'Transport to school: "who pays?"'
    assert (document.meta.date, document.meta.review_due) == ("2024-02", "2025-02")


def test_an_existing_factsheet_is_never_written_over(tmp_path):
    root = copy_project(tmp_path / "p", FIXTURES / "small")
    before = (root / "docs/factsheets/short.md").read_text()
    with pytest.raises(SourceError, match="already exists"):
        new_factsheet(root, "short")
    assert (root / "docs/factsheets/short.md").read_text() == before


@pytest.mark.engines  # runs the installed command
def test_the_command_says_where_the_file_is_and_the_version_is_printed(tmp_path):
    root = copy_project(tmp_path / "p", FIXTURES / "small")
    result = factsheets(root, "new", "Annual reviews")
    assert result.returncode == 0 and "docs/factsheets/annual-reviews.md" in result.stdout
    assert factsheets(root, "new", "?!").returncode == 1
    version = factsheets(root, "--version")
    assert version.returncode == 0 and version.stdout.startswith("factsheets ")


def test_new_names_the_usual_extensions_mkdocs_yml_does_not_turn_on(tmp_path):
    from factsheets.scaffold import missing_extensions

    root = copy_project(tmp_path / "p", FIXTURES / "small")  # its mkdocs.yml has tables, attr_list and toc
    assert missing_extensions(root) == ["footnotes", "abbr", "def_list"]
    from conftest import REPO

    assert missing_extensions(REPO) == []  # the project's own turns them all on


@pytest.mark.parametrize("title, says", [
    ("Annual \u202eweiver", "right-to-left override, U+202E"),
    ("Annual \u2067review\u2069", "for lines of right-to-left text"),
    ("Annual\u200breviews", "zero width space"),
    ("Annual \x1b[31mreviews", "an escape character"),
])
def test_a_title_with_an_invisible_character_writes_no_file(tmp_path, title, says):
    root = copy_project(tmp_path / "p", FIXTURES / "small")
    before = sorted((root / "docs/factsheets").iterdir())
    with pytest.raises(SourceError) as raised:
        new_factsheet(root, title)
    assert str(raised.value.location) == "the command line" and says in raised.value.message
    assert sorted((root / "docs/factsheets").iterdir()) == before


def test_a_right_to_left_title_may_keep_a_number_the_right_way_round(tmp_path):
    root = copy_project(tmp_path / "p", FIXTURES / "small")
    path = new_factsheet(root, "Annual reviews: \u0627\u0644\u0645\u0631\u0627\u062c\u0639\u0629 \u20662024\u2069")
    written = path.read_text(encoding="utf-8").replace(SUMMARY_TO_WRITE, "Reviews.").replace(FIRST_LINE_TO_WRITE, "Text.")
    path.write_text(written, encoding="utf-8")
    assert load_project(root).documents and path.exists()


def test_a_factsheets_folder_that_links_out_of_the_project_gets_no_new_file(tmp_path):
    root = copy_project(tmp_path / "p", FIXTURES / "small")
    outside = tmp_path / "outside"
    outside.mkdir()
    factsheets_dir = root / "docs" / "factsheets"
    for path in factsheets_dir.iterdir():
        path.unlink()
    factsheets_dir.rmdir()
    factsheets_dir.symlink_to(outside)
    with pytest.raises(SourceError) as error:
        new_factsheet(root, "Pwned note")
    assert "outside the project" in str(error.value)
    assert list(outside.iterdir()) == []


def test_a_link_in_the_new_files_place_is_not_written_through(tmp_path):
    root = copy_project(tmp_path / "p", FIXTURES / "small")
    target = tmp_path / "created-by-new.md"
    (root / "docs" / "factsheets" / "annual-reviews.md").symlink_to(target)  # to a file that does not exist yet
    with pytest.raises(SourceError) as error:
        new_factsheet(root, "Annual reviews")
    assert "already exists" in str(error.value) and not target.exists()


def test_a_factsheets_folder_that_is_a_link_inside_the_project_gets_no_new_file(tmp_path):
    root = copy_project(tmp_path / "p", FIXTURES / "small")
    (root / "elsewhere").mkdir()
    factsheets_dir = root / "docs" / "factsheets"
    for path in factsheets_dir.iterdir():
        (root / "elsewhere" / path.name).write_bytes(path.read_bytes())
        path.unlink()
    factsheets_dir.rmdir()
    factsheets_dir.symlink_to(root / "elsewhere")
    with pytest.raises(SourceError) as error:
        new_factsheet(root, "Annual reviews")
    assert str(error.value).startswith("docs/factsheets: this is a link to a folder")
