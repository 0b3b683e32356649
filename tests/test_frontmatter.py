import pytest

from factsheets.errors import SourceError
from factsheets.frontmatter import FACTSHEET, check_front_matter, mapping

# A factsheet's schema as project.py makes it: its fields, and a block for each writer.
SCHEMA = {**FACTSHEET, "pdf": mapping}

TEXT = "---\ntitle: T\nreveiw_due: 2030-01\ndate: 2021-02-30\npdf: 5\nsummary: x\n---\n"


@pytest.mark.parametrize("front, line, words", [
    ({"title": "T", "reveiw_due": "2030-01"}, 3, "did you mean 'review_due'?"),
    ({"title": "T", "date": "2021-02-30"}, 4, "not a real date"),
    ({"title": "T", "date": "2021-6"}, 4, "a year and month"),
    ({"title": "T", "pdf": 5}, 5, "'pdf' must be a group of settings"),
    ({"title": "T\nWEBVTT"}, 2, "one line"),
    ({"title": "T", "summary": "a\x00b"}, 6, "a NUL character"),
    ({"title": "T" * 600}, 2, "characters long"),
])
def test_front_matter_is_checked_against_the_schema(front, line, words):
    with pytest.raises(SourceError) as error:
        check_front_matter(front, SCHEMA, "a.md", TEXT, "a factsheet")
    assert error.value.location.line == line and words in error.value.message


def test_good_front_matter_passes():
    check_front_matter({"title": "T", "date": "2024-02-29", "review_due": "2030-06", "version": 1.2,
                        "language": "cy-GB", "pdf": {"print_size": 24}}, SCHEMA, "a.md", TEXT, "a factsheet")


TRANSLATION = "---\ntitle: T\nlanguage: cy\ntranslation_of: what if\nsource_version: [4]\nsample: yes please\n---\n"


@pytest.mark.parametrize("front, line, words", [
    ({"translation_of": "what if"}, 4, "the file name of a factsheet"),
    ({"source_version": [4]}, 5, "a version number"),
    ({"sample": "yes please"}, 6, "true or false"),
    ({"translaton_of": "x"}, 1, "did you mean 'translation_of'?"),
])
def test_a_translations_front_matter_is_checked(front, line, words):
    with pytest.raises(SourceError) as error:
        check_front_matter(front, SCHEMA, "a.md", TRANSLATION, "a factsheet")
    assert error.value.location.line == line and words in error.value.message


def test_a_translations_good_front_matter_passes():
    check_front_matter({"title": "T", "language": "zh-Hans", "translation_of": "what-if-i-do-not-agree", "source_version": 4,
                        "sample": True, "note": "A sample."}, SCHEMA, "a.md", TRANSLATION, "a factsheet")
