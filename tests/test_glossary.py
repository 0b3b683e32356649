from pathlib import Path

import pytest

from factsheets.errors import SourceError
from factsheets.glossary import load_glossary

from conftest import LEAFLET


def test_the_real_glossary_finds_terms_by_any_alias():
    glossary = load_glossary(LEAFLET / "glossary", LEAFLET, ["tables"])
    assert glossary.find("EHCP").id == "education-health-and-care-plan"
    assert glossary.find("ehc  Plan").id == "education-health-and-care-plan"
    assert glossary.find("SENCO").term == "Special Educational Needs Coordinator (SENCO)"
    assert glossary.find("nonsense") is None


def test_glossary_is_alphabetical():
    glossary = load_glossary(LEAFLET / "glossary", LEAFLET, ["tables"])
    terms = [e.term.casefold() for e in glossary.sorted()]
    assert terms == sorted(terms)


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_a_name_shared_by_two_terms_is_an_error(tmp_path):
    write(tmp_path / "glossary", "a.md", "---\nterm: Plan A\naliases: [plan]\n---\nA.\n")
    write(tmp_path / "glossary", "b.md", "---\nterm: Plan B\naliases: [Plan]\n---\nB.\n")
    with pytest.raises(SourceError) as error:
        load_glossary(tmp_path / "glossary", tmp_path, [])
    assert "glossary/b.md" in str(error.value) and "already a name" in error.value.message


def test_an_entry_without_a_term_names_its_file(tmp_path):
    write(tmp_path / "glossary", "a.md", "---\naliases: [x]\n---\nA.\n")
    with pytest.raises(SourceError) as error:
        load_glossary(tmp_path / "glossary", tmp_path, [])
    assert str(error.value.location) == "glossary/a.md:1"


def test_an_entrys_id_is_made_from_its_term_not_its_file_name(tmp_path):
    write(tmp_path / "glossary", 'x"><img src=x onerror=alert(1)>.md', "---\nterm: First-tier Tribunal (SEND)\n---\nA court.\n")
    [entry] = load_glossary(tmp_path / "glossary", tmp_path, []).sorted()
    assert entry.id == "first-tier-tribunal-send"


def test_two_terms_with_the_same_id_are_an_error(tmp_path):
    write(tmp_path / "glossary", "a.md", "---\nterm: Local Offer\n---\nA.\n")
    write(tmp_path / "glossary", "b.md", "---\nterm: local offer!\n---\nB.\n")
    with pytest.raises(SourceError) as error:
        load_glossary(tmp_path / "glossary", tmp_path, [])
    assert "too like" in error.value.message


@pytest.mark.parametrize("text, line, words", [
    ("---\nterm: Empty\n---\n", 4, "has no definition"),
    ("---\nterm: Empty\n---\n\n\n", 4, "has no definition"),
    ("---\nterm: X\nalias: [y]\n---\nA.\n", 3, "did you mean 'aliases'?"),
    ("---\nterm: \"X\\nY\"\n---\nA.\n", 2, "one line"),
    ("---\nterm: X\n---\nSee [it](javascript:alert(1)).\n", 4, "javascript: link"),
])
def test_a_bad_entry_is_one_error_with_its_line(tmp_path, text, line, words):
    write(tmp_path / "glossary", "a.md", text)
    with pytest.raises(SourceError) as error:
        load_glossary(tmp_path / "glossary", tmp_path, [])
    assert error.value.location.line == line and words in error.value.message


def test_a_link_to_a_definition_outside_the_project_is_refused(tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text("---\nterm: Stolen\n---\nSecret.\n")
    (tmp_path / "p" / "glossary").mkdir(parents=True)
    (tmp_path / "p" / "glossary" / "stolen.md").symlink_to(outside)
    with pytest.raises(SourceError) as error:
        load_glossary(tmp_path / "p" / "glossary", tmp_path / "p", [])
    assert "outside the project" in error.value.message


def test_a_term_in_a_definitions_table_cell_is_refused(tmp_path):
    """The old hand-written walk skipped table cells: the [[term]] was left unresolved."""
    from factsheets.errors import SourceError
    from factsheets.glossary import load_entry

    path = tmp_path / "glossary" / "fees.md"
    path.parent.mkdir()
    path.write_text('---\nterm: "Fees"\n---\n\n| What | Who |\n|---|---|\n| [[Local Offer]] | the council |\n', encoding="utf-8")
    with pytest.raises(SourceError, match=r"cannot use \[\[\.\.\.\]\] terms") as error:
        load_entry(path, tmp_path, ["tables"])
    assert error.value.location.path == "glossary/fees.md" and error.value.location.line == 5
