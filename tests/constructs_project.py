"""A small project whose factsheet uses every construct of tests/test_reader_notes.py:
footnotes, an abbreviation, a definition list and an {#id} (shared by the writers' tests)."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, copy_project

EXTENSIONS = "markdown_extensions:\n  - tables\n  - attr_list\n  - footnotes\n  - abbr\n  - def_list\n"

FACTSHEET = """---
title: Annual reviews
summary: What happens at the annual review of an EHC plan.
version: 1
date: 2024-03
---

The SENCO arranges the annual review of your [[EHC plan]].[^timing] Ask the SENCO if you are not sure.

*[SENCO]: Special Educational Needs Coordinator

## Before the meeting {#before-the-review}

The school asks for advice from everyone who works with your child.[^advice]

Advice
: What each person thinks your child needs.

Outcomes
: What your child should achieve by the end of the key stage.

## After the meeting

The SENCO writes a report. Read [before the meeting](#before-the-review) again if you need to.

[^timing]: The review must be held within twelve months of the plan.
[^advice]: Everyone must send it at least two weeks before the meeting.
"""


def constructs_project(folder: Path) -> Path:
    """The small fixture project with the extensions on and the factsheet above as its only one."""
    root = copy_project(folder, FIXTURES / "small")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    start = config.index("markdown_extensions:")
    end = config.index("plugins:")
    (root / "mkdocs.yml").write_text(config[:start] + EXTENSIONS + config[end:], encoding="utf-8")
    (root / "docs" / "factsheets" / "short.md").unlink()
    (root / "docs" / "factsheets" / "annual-reviews.md").write_text(FACTSHEET, encoding="utf-8")
    return root
