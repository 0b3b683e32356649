"""Print page indicators in the BRF: where each page of the large-print PDF begins
(writers/braille/print_pages.py)."""

from __future__ import annotations

import pytest

from factsheets.writers.braille.print_pages import is_page_line, print_page_starts
from factsheets.writers.braille.text import Piece
from factsheets.writers.common import text_key

ITEMS = [
    Piece("heading", "What if I do not agree", level=1),
    Piece("paragraph", "SEND Partnership Service factsheet"),
    Piece("paragraph", "What you can do if you are unhappy."),
    Piece("boxline", "\u2836", marker="Box"),
    Piece("item", "Advice line: 01225 394382", marker="•"),
    Piece("paragraph", "The SEND Partnership Service can:"),
    Piece("item", "listen to your concerns", marker="•"),
    Piece("heading", "Seeking help", level=2),
    Piece("paragraph", "It might be helpful to ask a friend."),
    *[Piece("paragraph", f"Filler paragraph number {n}.") for n in range(40)],
    Piece("paragraph", "SEND Partnership Service factsheet"),  # the same words again, at the end
]


def starts(*texts: str) -> list[str]:
    return [text_key(text) for text in texts]


def test_each_print_page_is_shown_before_the_first_piece_that_starts_on_it():
    pages = [
        starts("What if I do not agree", "What you can do if", "SEND Partnership Service factsheet"),
        starts("listen to your concerns"),  # a page that starts mid-list: its item
        starts("a line of the contact details", "Seeking help", "It might be helpful"),
    ]
    marks = print_page_starts(ITEMS, pages)
    assert marks == {6: 2, 7: 3}  # page 1 is the start of the factsheet, not marked


def test_words_that_come_back_later_do_not_carry_the_pages_past_everything_between():
    """The PDF's page 1 holds "SEND Partnership Service factsheet" after the summary, which the
    braille has before it; the same words close the factsheet. Page 2 is still found."""
    pages = [starts("What if I do not agree", "What you can do if", "SEND Partnership Service factsheet"),
             starts("The SEND Partnership Service can")]
    assert print_page_starts(ITEMS, pages) == {5: 2}


def test_a_page_that_starts_with_words_the_braille_does_not_have_is_shown_at_its_next_block():
    pages = [starts("What if I do not agree"), starts("Words only print has", "Seeking help")]
    assert print_page_starts(ITEMS, pages) == {7: 2}


@pytest.mark.parametrize("line, expected", [
    ("-" * 38 + "#D", True), ("-" * 37 + "#AH", True),
    ("  SEND-CODE-OF-PRACTICE-#J-TO-#BE", False), ("----", False), (",-", False),
])
def test_a_print_page_line_is_told_from_text(line, expected):
    assert is_page_line(line) is expected


def test_a_page_that_starts_with_a_box_is_shown_before_the_box_line():
    pages = [starts("What if I do not agree"), starts("Advice line: 01225 394382")]
    items = [*ITEMS[:4], Piece("heading", "Advice line: 01225 394382", level=3), *ITEMS[5:]]
    assert print_page_starts(items, pages) == {3: 2}
