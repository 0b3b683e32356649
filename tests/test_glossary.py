from pathlib import Path

import pytest

from factsheets.errors import SourceError
from factsheets.glossary import load_glossary

from conftest import REPO


def test_the_real_glossary_finds_terms_by_any_alias():
    glossary = load_glossary(REPO / "glossary", REPO, ["tables"])
    assert glossary.find("EHCP").id == "education-health-and-care-plan"
    assert glossary.find("ehc  Plan").id == "education-health-and-care-plan"
    assert glossary.find("SENCO").term == "Special Educational Needs Coordinator (SENCO)"
    assert glossary.find("nonsense") is None


def test_glossary_is_alphabetical():
    glossary = load_glossary(REPO / "glossary", REPO, ["tables"])
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
