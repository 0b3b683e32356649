"""lists.py: the lines it rewrites, and those it leaves alone."""

import markdown

from factsheets.lists import typed_lists


def rewrite(text: str) -> str:
    return "\n".join(typed_lists(text.split("\n")))


def test_a_list_under_a_sentence_gets_a_blank_line_and_two_space_nesting_becomes_four():
    assert rewrite("You can:\n- ask\n  - by phone\n- call") == "You can:\n\n- ask\n    - by phone\n- call"


def test_word_bullets_become_dashes_at_their_level():
    assert rewrite("Points:\n•\tfirst\n◦\tsecond\n▪\tthird\n– back") == "Points:\n\n- first\n    - second\n        - third\n- back"


def test_code_is_left_alone():
    fenced = "```\nText\n- not\n  - a list\n```"
    assert rewrite(fenced) == fenced
    indented = "Example:\n\n    - not\n      - a list"
    assert rewrite(indented) == indented


def test_the_body_of_a_call_out_is_read_as_a_text_of_its_own():
    text = '!!! note "Time limits"\n    You can:\n    - ask\n      - by phone\n\nAfter.'
    assert rewrite(text) == '!!! note "Time limits"\n    You can:\n\n    - ask\n        - by phone\n\nAfter.'
    html = markdown.markdown(text, extensions=["factsheets.lists", "admonition"])
    assert '<p>You can:</p>\n<ul>\n<li>ask<ul>\n<li>by phone</li>' in html


def test_a_list_right_under_a_footnotes_text_is_a_list():
    html = markdown.markdown("Text[^1].\n\n[^1]: The note.\n    - a\n    - b\n", extensions=["factsheets.lists", "footnotes"])
    assert "<p>The note.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>" in html


def test_text_at_the_margin_after_a_blank_line_ends_the_list():
    assert rewrite("- a\n\n  more of a\n\nNot in it.\n- new") == "- a\n\n    more of a\n\nNot in it.\n\n- new"


def test_a_list_in_a_definition_stays_in_it():
    html = markdown.markdown("SENCO\n:   The person who:\n    - plans support\n      - and reviews it\n", extensions=["factsheets.lists", "def_list"])
    assert "<dd>\n<p>The person who:</p>\n<ul>\n<li>plans support<ul>\n<li>and reviews it</li>" in html


def test_nesting_deeper_than_the_reader_allows_is_refused_quickly_however_indented():
    import time

    import pytest

    from factsheets.errors import SourceError
    from factsheets.reader import parse_blocks

    text = "Intro.\n\n" + "".join(" " * (2 * level) + "- x\n" for level in range(1000))
    started = time.monotonic()
    with pytest.raises(SourceError) as error:
        parse_blocks(text, "a.md", 1, [])
    assert str(error.value) == "a.md:3: lists, quotations or boxes are nested 12 deep: a factsheet can nest them at most 10 deep, so move some of them out"
    assert time.monotonic() - started < 10  # unbounded, Python-Markdown takes minutes on a thousand levels
