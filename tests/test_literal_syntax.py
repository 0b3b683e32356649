"""Syntax that would be printed, brailled and read aloud as typed is refused with its line
(literal_syntax.py): one test a case, for its message."""

from __future__ import annotations

import pytest

from factsheets.errors import SourceError
from factsheets.literal_syntax import literal_warnings
from factsheets.reader import parse_blocks

SHOWN = "docs/factsheets/x.md"
ON = ["tables", "attr_list", "footnotes", "abbr", "def_list"]
BODY_START = 6  # the body's first line in the file


def refused(body: str, extensions: list) -> str:
    with pytest.raises(SourceError) as error:
        parse_blocks(body, SHOWN, BODY_START, extensions)
    return str(error.value)


def test_a_footnote_without_the_extension():
    assert refused("Intro.\n\nAsk us.[^1]\n\n[^1]: Any time.\n", []) == (
        f"{SHOWN}:8: footnotes ('[^1]') are not turned on: add 'footnotes' under markdown_extensions in mkdocs.yml")


def test_a_footnote_with_no_note():
    assert refused("Ask us.[^2]\n", ON) == f"{SHOWN}:6: the footnote '[^2]' has no text: add a line '[^2]: the note' below the paragraph"


def test_an_abbreviation_without_the_extension():
    assert refused("The SENCO.\n\n*[SENCO]: Special Educational Needs Coordinator\n", []) == (
        f"{SHOWN}:8: abbreviations ('*[SENCO]:') are not turned on: add 'abbr' under markdown_extensions in mkdocs.yml")


def test_call_outs_are_read_without_listing_their_extensions():
    from factsheets import model as m

    blocks = parse_blocks("Text.\n\n!!! warning \"Time limits\"\n    You have two months.\n\n??? info \"More\"\n    Details.\n", SHOWN, BODY_START, ON)
    assert [b.kind for b in blocks if isinstance(b, m.Box)] == ["warning", "info"]


def test_content_tabs():
    assert refused("Text.\n\n=== \"By post\"\n\n    Write to us.\n", ON) == (
        f"{SHOWN}:8: content tabs ('=== \"By post\"') cannot be shown on paper, in braille or in the audio: make each tab a section with a ### heading")


def test_shared_text_without_snippets():
    assert refused("--8<-- \"contact.md\"\n", ON) == (
        f"{SHOWN}:6: shared text ('--8<--') is not turned on: add 'pymdownx.snippets' under markdown_extensions in mkdocs.yml")


def test_settings_in_braces_without_attr_list():
    assert refused("## Annual reviews {#annual-review}\n", ["tables"]) == (
        f"{SHOWN}:6: settings in braces ('{{#annual-review}}') are not turned on: add 'attr_list' under markdown_extensions in mkdocs.yml, or remove them")


def test_settings_in_braces_left_over_in_a_paragraph():
    assert refused("Text.\n\nA paragraph {: .note} goes on.\n", ON) == (
        f"{SHOWN}:8: the setting '{{: .note}}' was not applied and would be printed: put it at the end of a heading, or on the line after a paragraph")


def test_syntax_shown_as_code_is_fine():
    blocks = parse_blocks("Write `[^1]`, `!!! note` and `{#id}` to do that.\n", SHOWN, BODY_START, [])
    assert len(blocks) == 1


def warnings(body: str, extensions: list) -> list[str]:
    blocks = parse_blocks(body, SHOWN, BODY_START, extensions)
    return [str(w) for w in literal_warnings(blocks, SHOWN, body, BODY_START, extensions)]


def test_a_definition_list_without_the_extension_is_a_warning():
    assert warnings("Text.\n\nAdvice\n: What each person thinks.\n", ["tables"]) == [
        f"{SHOWN}:9: warning: this looks like a definition list, which is not turned on: add 'def_list' under markdown_extensions in mkdocs.yml"]


def test_a_class_is_ignored_with_a_warning():
    assert warnings("## Reviews {: .big #reviews}\n\nText `{.not-this}`.\n", ON) == [
        f"{SHOWN}:6: warning: the class 'big' in '{{: .big #reviews}}' is ignored: the factsheets' formats have no styles to choose from; remove it"]


def test_check_warns_of_an_ignored_class_with_its_line(tmp_path):
    from constructs_project import constructs_project
    from factsheets.validators.source_advice import check_literal_syntax
    from factsheets.project import load_project

    root = constructs_project(tmp_path / "project")
    page = root / "docs" / "factsheets" / "annual-reviews.md"
    page.write_text(page.read_text().replace("{#before-the-review}", "{#before-the-review .big}"))
    project = load_project(root)
    (finding,) = check_literal_syntax(project.documents[0], project.config)
    assert (finding.level, finding.path, finding.line) == ("warning", "docs/factsheets/annual-reviews.md", 12)
    assert finding.message == "The class 'big' in '{#before-the-review .big}' is ignored."
    assert finding.fix == "The factsheets' formats have no styles to choose from; remove it."
