"""The corpus: factsheets written as staff write them (tests/fixtures/corpus/), modelled on UK
councils' and charities' public leaflets, build with every format and pass `factsheets check`.

Which construct each factsheet uses:

| factsheet                           | constructs                                                                 |
|-------------------------------------|----------------------------------------------------------------------------|
| applying-for-a-blue-badge           | lists, a table, an image with alt text, [[term]], link (.md)               |
| carers-assessment                   | a quotation with its reference, lists, [[terms]], link (.md)               |
| council-tax-reduction               | two tables, lists, [[term]], link (.md)                                    |
| joining-the-housing-register        | a table, a quotation, lists, [[term]], link (.md)                          |
| choosing-a-school                   | an image with alt text, lists, [[terms]], link (.md)                       |
| sen-support-in-school               | `# Title` line (no title:), lists typed without a blank line, 2-space      |
|                                     | nesting, a numbered list with bold, [[terms]], link (.md)                  |
| annual-reviews                      | `!!! warning "Time limits"`, `??? info "..."`, `!!! note`, shared text     |
|                                     | (--8<--), [[terms]], link (.md)                                            |
| direct-payments                     | footnotes [^1] [^2], abbreviations *[PA], [[terms]], link (.md)            |
| asking-for-an-ehc-needs-assessment  | a definition list, a table, abbreviations, [[terms]], link (.md)           |
| getting-help-at-home                | {{ advice_line }} {{ text }} {{ email }} {{ website }}, a table, shared    |
|                                     | text (--8<--), [[terms]], links (.md)                                      |
| school-transport                    | `# Title` line, typed lists with 2-space nesting, `!!! warning`,           |
|                                     | {{ advice_line }}, link (.html)                                            |
| help-if-you-are-homeless            | `!!! warning`, `??? info`, footnotes, {{ advice_line }} {{ email }},       |
|                                     | [[term]], link (/factsheets/x/)                                            |
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, factsheets

pytestmark = pytest.mark.engines

CORPUS = FIXTURES / "corpus"


def test_the_corpus_is_a_dozen_short_factsheets():
    sheets = sorted((CORPUS / "docs/factsheets").glob("*.md"))
    assert len(sheets) >= 12
    for path in sheets:
        words = len(path.read_text(encoding="utf-8").split("\n---\n", 1)[-1].split())
        assert 300 <= words <= 600, f"{path.name}: {words} words"


@pytest.fixture(scope="module")
def corpus(built_corpus, tmp_path_factory) -> Path:
    """A copy of the session's built corpus: its build below finds nothing changed, and its
    check writes into the copy."""
    root = tmp_path_factory.mktemp("corpus") / "corpus"
    shutil.copytree(built_corpus, root, symlinks=True)
    return root


def test_the_corpus_builds_and_check_finds_no_failure(corpus):
    built = factsheets(corpus, "build")
    assert built.returncode == 0, built.stderr
    checked = factsheets(corpus, "check")
    report = json.loads((corpus / "build/check.json").read_text(encoding="utf-8"))
    failures = [f"{f['path']}: [{f['format']}] {f['message']}" for sheet in report["factsheets"]
                for f in sheet["findings"] if f["level"] == "failure"]
    assert failures == [] and report["failures"] == 0
    assert checked.returncode == 0, checked.stdout[-3000:]
    manifest = json.loads((corpus / "build/manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["factsheets"]) == len(list((corpus / "docs/factsheets").glob("*.md")))
