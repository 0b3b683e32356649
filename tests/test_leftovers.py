"""Source syntax and spelled-out characters left in an output's words (validators/leftovers.py)."""

import pytest

from factsheets.validators.leftovers import character_names, literal_syntax


@pytest.mark.parametrize("text, what", [
    ('!!! warning "Time limits"', "a call-out"),
    ("??? info", "a call-out"),
    ("the council must[^1] decide", "a footnote mark"),
    ("call {{ advice_line }} today", "a placeholder"),
    ('--8<-- "contact.md"', "a shared-text include"),
    ("First steps {: #first }", "settings for a block"),
    ("Next {#next .important}", "settings for a block"),
    ('=== "Tab one"', "a tab"),
    ("*[SENCO]: Special Educational Needs Coordinator", "an abbreviation's meaning"),
    ("ask for an [[EHC plan]]", "a glossary term"),
])
def test_each_construct_left_as_text_is_found_and_named(text, what):
    [(line, _shown, found)] = literal_syntax("A first line.\n" + text)
    assert line == 2 and found.startswith(what)


@pytest.mark.parametrize("text", [
    "Who??? What?! Really!!",  # punctuation typed for emphasis
    "A set {like this} in words, and a brace }.",
    "Email advice@example.org.uk or call 01632 960123.",
    "The [1] mark of a printed reference",
])
def test_ordinary_text_is_not_taken_for_syntax(text):
    assert literal_syntax(text) == []


def test_character_names_and_escapes_are_found_but_bracketed_words_are_not():
    text = "Gdańsk\nPani (latin small letter e with ogonek) and (grinning face)\n\\x0119\\ then (see above) (page 3)"
    assert character_names(text) == [(2, "(latin small letter e with ogonek)"), (2, "(grinning face)"), (3, "\\x0119\\")]


def test_syntax_the_factsheet_shows_in_code_is_not_a_leftover(tmp_path):
    from factsheets.validators.leftovers import check_outputs, code_texts

    from factsheets import model as m

    meta = m.Meta("s", "T", "", "1", "2024-01", "en-GB", "docs/factsheets/s.md")
    shown = m.Paragraph((m.Text("Write "), m.Code("{{ advice_line }}"), m.Text(" for the number.")), "p", 3)
    document = m.Document(meta, (shown,), None)
    (tmp_path / "s.txt").write_text("Write {{ advice_line }} for the number.\nCall {{ email }}.\n", encoding="utf-8")
    entry = {"formats": {"braille_text": "s.txt"}}
    found = check_outputs(tmp_path, entry, "docs/factsheets/s.md", code_texts(document))
    assert [f.message.split("'")[1] for f in found] == ["{{ email }}"]
