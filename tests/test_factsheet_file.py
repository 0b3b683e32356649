"""A factsheet file read into a document: every problem of its front matter and its text is
reported by one run, each at its line, so staff fix them all before building again."""

from pathlib import Path

import pytest

from conftest import FIXTURES, copy_project
from factsheets.errors import SourceError
from factsheets.project import load_project

FIVE_MISTAKES = """---
title: Appeals: what to do
sumary: What to do if you disagree.
version: 1
date: 2024-03
---

Call us on {{ advice_line.nubmer }}.

<!-- Sam: check this with the team -->

Ask us.[^9]
"""


def project_with(tmp_path: Path, text: str) -> Path:
    root = copy_project(tmp_path / "p", FIXTURES / "small")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - toc\n", "  - toc\n  - footnotes\n"), encoding="utf-8")
    (root / "docs" / "factsheets" / "short.md").write_text(text, encoding="utf-8")
    return root


def problems(root: Path) -> list[str]:
    with pytest.raises(SourceError) as raised:
        load_project(root)
    return raised.value.lines()


def test_five_kinds_of_mistake_are_all_reported_by_one_build(tmp_path):
    lines = problems(project_with(tmp_path, FIVE_MISTAKES))
    assert len(lines) == 5, lines
    assert lines[0].startswith('docs/factsheets/short.md:2: the title has a colon (:) in it: put the title in quotes')
    assert lines[1].startswith("docs/factsheets/short.md:3: 'sumary' is not a setting a factsheet can have: did you mean 'summary'?")
    assert lines[2].startswith("docs/factsheets/short.md:8: ") and "nubmer" in lines[2]
    assert lines[3].startswith("docs/factsheets/short.md:10: ") and "Sam: check this" in lines[3]
    assert lines[4].startswith("docs/factsheets/short.md:12: ") and "[^9]" in lines[4]


def test_a_misspelt_name_in_front_matter_that_reads_is_reported_with_the_texts_problems(tmp_path):
    text = FIVE_MISTAKES.replace("title: Appeals: what to do", 'title: "Appeals: what to do"')
    lines = problems(project_with(tmp_path, text))
    assert [line.split(": ", 1)[0] for line in lines] == [f"docs/factsheets/short.md:{n}" for n in (3, 8, 10, 12)], lines


def test_a_front_matter_never_closed_is_one_problem_alone(tmp_path):
    lines = problems(project_with(tmp_path, "---\ntitle: A\n\nText with {{ nothing }}.\n"))
    assert lines == ["docs/factsheets/short.md:1: the front matter that starts with --- is never closed by another ---"]


def test_a_note_to_a_colleague_is_quoted_whole_with_where_notes_go(tmp_path):
    text = FIVE_MISTAKES.replace("title: Appeals: what to do", "title: Appeals").replace("sumary", "summary")
    text = text.replace("<!-- Sam: check this with the team -->", "<!-- Sam: check the dates\nwith the team before May -->")
    lines = problems(project_with(tmp_path, text))
    assert lines[1] == ('docs/factsheets/short.md:10: the note "Sam: check the dates with the team before May" (an HTML comment) '
                        "would be published with the factsheet: notes to colleagues cannot stay in its text. Move it to the "
                        "front matter as 'note: ...' (never published), or delete it")


def test_a_block_with_a_problem_and_a_misspelt_term_elsewhere_are_reported_together(tmp_path):
    text = FIVE_MISTAKES.replace("title: Appeals: what to do", "title: Appeals").replace("sumary", "summary")
    text += "\nAsk about your [[EHC pln]].\n"
    lines = problems(project_with(tmp_path, text))
    assert any(":10: the note" in line for line in lines) and any("EHC pln" in line for line in lines), lines
