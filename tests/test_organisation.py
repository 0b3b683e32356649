"""organisation.yml (and its translations) read through the node schema: every error names
the line of the value at fault, and the details come out as the formats use them."""

from pathlib import Path

import pytest

from conftest import FIXTURES
from factsheets.errors import SourceError
from factsheets.organisation import load_organisation, translated_organisation

ENGLISH = (FIXTURES / "small" / "organisation.yml").read_text(encoding="utf-8")


def written(tmp_path: Path, text: str, name: str = "organisation.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(SourceError) as caught:
        load_organisation(written(tmp_path, text), tmp_path)
    return str(caught.value)


def line_of(text: str, words: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if words in line)


def test_the_fixture_loads_with_every_detail(tmp_path):
    organisation, text = load_organisation(written(tmp_path, ENGLISH), tmp_path)
    assert text == ENGLISH
    assert organisation.name and organisation.email and organisation.website.startswith("http")
    assert organisation.advice_line and organisation.series


def test_a_control_character_inside_a_folded_value_is_named_at_its_own_line(tmp_path):
    # The case: a character on a continuation line of a '>-' value was said to be at line 3.
    lines = ENGLISH.splitlines()
    folded = next(n for n, line in enumerate(lines) if line.rstrip().endswith(">-"))
    target = folded + 2  # the value's second line (0-based), below the name's line
    lines[target] = lines[target] + " \x01"
    message = error_of(tmp_path, "\n".join(lines) + "\n")
    assert message.startswith(f"organisation.yml:{target + 1}: ") and "control character" in message


def test_a_misspelt_name_is_named_at_its_line_with_a_guess(tmp_path):
    text = ENGLISH.replace("website:", "webiste:")
    assert error_of(tmp_path, text) == (f"organisation.yml:{line_of(text, 'webiste:')}: 'webiste' is not one of the "
                                        "organisation's details: did you mean 'website'?")


def test_a_missing_detail_is_named_and_said_how_to_add(tmp_path):
    text = "\n".join(line for line in ENGLISH.splitlines() if not line.startswith("email:")) + "\n"
    message = error_of(tmp_path, text)
    assert "'email' is missing" in message and "add a line 'email: ...'" in message


def test_a_partner_without_a_name_is_named_at_the_partner(tmp_path):
    text = ENGLISH.replace("partners:\n", "partners:\n  - strapline: No name here\n", 1)
    if text == ENGLISH:
        text = ENGLISH + "partners:\n  - strapline: No name here\n"
    message = error_of(tmp_path, text)
    assert message.startswith(f"organisation.yml:{line_of(text, 'No name here')}: ") and "'name' is missing" in message


def test_a_web_address_that_is_not_one_is_refused_at_its_line(tmp_path):
    text = ENGLISH.replace(next(row for row in ENGLISH.splitlines() if row.startswith("website:")), "website: javascript:alert(1)")
    message = error_of(tmp_path, text)
    assert message.startswith(f"organisation.yml:{line_of(text, 'javascript:')}: ") and "javascript" in message


def test_a_phone_number_written_as_a_number_is_its_text(tmp_path):
    text = ENGLISH.replace(next(row for row in ENGLISH.splitlines() if "number:" in row), "  number: 1225394382")
    organisation, _ = load_organisation(written(tmp_path, text), tmp_path)
    assert organisation.advice_line == "1225394382"


def test_a_translation_gives_words_only(tmp_path):
    english, _ = load_organisation(written(tmp_path, ENGLISH), tmp_path)
    path = tmp_path / "organisation.yml"
    written(tmp_path, "name: Gwasanaeth Partneriaeth\n", "organisation.cy.yml")
    welsh, _ = translated_organisation(english, path, tmp_path, "cy")
    assert welsh.name == "Gwasanaeth Partneriaeth" and welsh.email == english.email and "name" not in welsh.english
    written(tmp_path, "name: Gwasanaeth\nemail: x@example.org\n", "organisation.cy.yml")
    with pytest.raises(SourceError) as caught:
        translated_organisation(english, path, tmp_path, "cy")
    assert str(caught.value).startswith("organisation.cy.yml:2: 'email' cannot be translated here")
