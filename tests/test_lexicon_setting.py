"""The lexicon setting: each language's lexicon beside the main one is checked when the project loads."""

import pytest

from factsheets.errors import SourceError
from factsheets.lexicon_setting import check_lexicon


def test_a_malformed_language_lexicon_stops_the_build_with_its_file_and_line(tmp_path):
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    (glossary / "lexicon.yml").write_text("SEN: S E N\n", encoding="utf-8")
    (glossary / "lexicon.pl.yml").write_text("EHC: e ha ce\nSEN: [[broken\n", encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        check_lexicon({}, tmp_path, "mkdocs.yml", "", default=True)
    assert str(raised.value.location) == "glossary/lexicon.pl.yml:2"
    (glossary / "lexicon.pl.yml").write_text("EHC: e ha ce\n", encoding="utf-8")
    check_lexicon({}, tmp_path, "mkdocs.yml", "", default=True)  # a good one loads
