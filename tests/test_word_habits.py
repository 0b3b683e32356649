"""What Word users type (word_habits.py): line breaks, a call-out's text at the margin, a table
pasted with tabs, and the advice each gets. The corpus of habits (tests/fixtures/habits/) is
built and checked in test_habits_corpus.py."""

from __future__ import annotations

from factsheets import model as m
from factsheets import word_habits
from factsheets.reader import parse_blocks

EXTENSIONS = ["admonition", "attr_list"]


def read(body: str) -> list[m.Block]:
    return parse_blocks(body, "x.md", 7, EXTENSIONS)


def said(body: str) -> list[tuple[int | None, str]]:
    return [(w.location.line, w.message) for w in word_habits.warnings(body, "x.md", 7)]


def test_a_backslash_or_two_spaces_at_the_end_of_a_line_break_it_and_the_backslash_is_not_printed():
    for body in ("Civic Centre\\\nMarket Street\\\nNorthdale\n", "Civic Centre  \nMarket Street  \nNorthdale\n"):
        (paragraph,) = read(body)
        assert [type(n) for n in paragraph.children] == [m.Text, m.LineBreak, m.Text, m.LineBreak, m.Text]
        assert "\\" not in m.plain_text(paragraph.children)
        assert said(body) == []


def test_a_backslash_in_code_or_before_a_character_is_left_as_it_is():
    (paragraph,) = read("Type `C:\\` then\\*press\\* Enter.\n")
    assert m.plain_text(paragraph.children) == "Type C:\\ then*press* Enter."


def test_three_short_lines_without_a_break_are_warned_about_as_an_address_run_together():
    body = "Please ring us first if you need an interpreter or a quiet room.\nPhone: 01632 960123\nText: 07700 900456\nEmail: a@b.org\n"
    assert said(body) == [(8, 'these 3 short lines will be joined into one line in every format ("Phone: 01632 960123, '
                              'Text: 07700 900456, Email: a@b.org"): if each should stay on a line of its own, as in an '
                              "address, end each line but the last with a backslash (\\)")]


def test_two_short_lines_a_wrapped_sentence_or_a_list_are_not_an_address():
    assert said("Ring us today\nor write to us.\n") == []
    assert said("You can ask the school to:\n- meet you\n- write a plan\n- review it\n") == []
    wrapped = ("If your child is still not making progress after a term of extra help,\nyou can ask the council for an "
               "assessment of their needs, and\nthe council must answer you within six weeks of your letter.\n")
    assert said(wrapped) == []
    assert said("```\nline one\nline two\nline three\n```\n") == []
    assert said("Band | Charge\n--- | ---\nA | £1,412\n") == []  # a table written without its outer bars


def test_a_call_out_whose_text_is_not_indented_takes_the_paragraph_under_it_and_says_so():
    for gap in ("", "\n"):
        body = f'!!! warning "Time limits"\n{gap}You have 2 months to appeal.\nAsk us if you are not sure.\n\nKeep every letter.\n'
        box, after = read(body)
        assert isinstance(box, m.Box) and box.line == 7
        assert [m.plain_text(b.children) for b in box.blocks] == ["You have 2 months to appeal.\nAsk us if you are not sure."]
        assert m.plain_text(after.children) == "Keep every letter."
        ((line, message),) = said(body)
        assert line == 7 and "the call-out '!!! warning \"Time limits\"' has no indented text" in message
        assert "start each line of a call-out's text with 4 spaces" in message


def test_a_call_out_with_indented_text_or_only_a_title_is_left_alone():
    box, after = read('!!! note "Remember"\n    Bring your letter.\n\nThen ring us.\n')
    assert len(box.blocks) == 1 and m.plain_text(after.children) == "Then ring us."
    assert said('!!! note "Remember"\n    Bring your letter.\n\nThen ring us.\n') == []
    box, after = read('!!! note "Open on Saturdays"\n\n## Next\n')
    assert box.blocks == () and isinstance(after, m.Heading)


def test_lines_pasted_from_a_word_table_become_a_table_and_the_build_shows_the_markdown():
    body = "Each band pays:\nBand\tYearly charge\nA\t£1,412\nB\t£1,647 | more\n\nAsk us.\n"
    intro, table, after = read(body)
    assert [m.plain_text(c) for c in table.header] == ["Band", "Yearly charge"]
    assert [[m.plain_text(c) for c in row] for row in table.rows] == [["A", "£1,412"], ["B", "£1,647 | more"]]
    assert table.line == 8 and m.plain_text(after.children) == "Ask us."
    ((line, message),) = said(body)
    assert line == 8 and message.startswith("these 3 lines have cells separated by tabs (a table pasted from Word) and were made into a table")
    assert message.endswith("for example\n| Band | Yearly charge |\n| --- | --- |\n| A | £1,412 |")


def test_a_single_line_with_a_tab_or_tabs_in_code_is_not_a_table():
    assert isinstance(read("Name\tAddress\n")[0], m.Paragraph)
    assert said("```\na\tb\nc\td\n```\n") == []


def test_bullets_or_numbers_pasted_with_a_tab_are_a_list_not_a_table():
    for body in ("You can:\n•\task for help\n•\tcall us\n", "Steps:\n1.\tRing us\n2.\tWrite to us\n"):
        assert [type(b) for b in read(body)] == [m.Paragraph, m.ListBlock] and said(body) == []
