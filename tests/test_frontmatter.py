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
