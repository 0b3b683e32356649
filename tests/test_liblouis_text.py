"""Print text made ready for a language's liblouis table (engines/liblouis_text.py), through the
real tables: the nukta kept, the danda as a full stop, the space after a number's comma kept."""

from __future__ import annotations

import unicodedata

import pytest

from factsheets.engines import liblouis
from factsheets.engines.liblouis_tables import table_for_language
from factsheets.engines.liblouis_text import prepare
from factsheets.validators.braille import words
from factsheets.writers.braille.fallback import replace_untranslatable
from factsheets.writers.braille.text import Piece

pytestmark = pytest.mark.engines


def round_trip(text: str, tag: str) -> str:
    table = table_for_language(tag)
    return liblouis.back_translate(liblouis.translate(text, table=table).braille, table)


@pytest.mark.parametrize(("tag", "text"), [
    ("bn", "সময়"),  # য + nukta, as Unicode's normal form writes it: the table knows only য় (U+09DF)
    ("bn", "বিবেচনায়"),
    ("pa", "ਫ਼ੋਨ"),  # the table knows ਫ + nukta in context and ਫ਼ (U+0A5E) alone
    ("pa", "ਮੁਫ਼ਤ ਸਲਾਹ"),
    ("pa", "ਖ਼ਤਮ"),
])
def test_a_letter_with_a_nukta_is_brailled_and_read_back_with_it(tag, text):
    braille = liblouis.translate(text, table=table_for_language(tag)).braille
    assert all(cell in liblouis.BRF_CELLS for cell in braille)  # six dots, no escape
    back = unicodedata.normalize("NFC", round_trip(text, tag))
    assert "\\x" not in back
    assert ("\u09bc" if tag == "bn" else "\u0a3c") in back  # the nukta came back
    if tag == "pa":  # Bengali's table reads vowel signs back as vowels ("বইবএচ"): words compared for Punjabi
        assert words(back) == words(text)


def test_without_the_composition_bengalis_table_writes_an_escape():
    # What the bug was: the pair alone, given straight to liblouis, comes out as an 8-dot escape.
    table = table_for_language("bn")
    module = liblouis.louis()
    cells = module.translateString([table], "য\u09bc", mode=module.dotsIO | module.ucBrl)
    assert any(ord(cell) > 0x283F for cell in cells)  # dots 7 and 8: liblouis's escape for a character it lacks
    assert prepare("সময\u09bc", lambda s: liblouis._defines(s, table)) == ("সম\u09df", [0, 1, 2])


def test_the_bengali_danda_is_brailled_as_the_tables_full_stop():
    table = table_for_language("bn")
    braille = liblouis.translate("আমরা খুলব। আমাদের", table=table).braille
    assert braille == liblouis.translate("আমরা খুলব. আমাদের", table=table).braille
    assert liblouis.can_translate("।", table)
    # Punjabi's table has the danda: it keeps its own.
    assert prepare("ਹੈ।", lambda s: liblouis._defines(s, table_for_language("pa")))[0] == "ਹੈ।"


@pytest.mark.parametrize(("text", "expected"), [
    ("1, березень", "1, березень"),  # was "1,25резень": the space eaten, the letters read as digits
    ("з 10:30 до 15:00, з понеділка", "15:00, з"),
    ("24, 25 і 26 грудня", "24, 25"),
    ("2,50 £", "2,50"),  # a decimal comma has no space to keep
])
def test_ukrainian_keeps_the_space_after_a_numbers_comma(text, expected):
    back = " ".join(round_trip(text, "uk").split())
    assert expected in back


def test_the_cells_still_point_at_the_print_they_translate():
    translation = liblouis.translate("সময়। আমরা", table=table_for_language("bn"))
    assert translation.source_of_cell == [0, 1, 2, 4, 5, 6, 7, 8, 9]  # the nukta (3) shares its letter's cell
    assert len(translation.braille) == len(translation.source_of_cell)


def test_a_nukta_is_kept_for_the_table_and_an_unbrailled_mark_is_warned_about():
    table = table_for_language("bn")

    def can_translate(character: str) -> bool:
        return liblouis.can_translate(character, table) or liblouis.can_translate(character)

    kept, warnings = replace_untranslatable([Piece("paragraph", "খোলার সময়", line=7)], can_translate, "docs/factsheets/x-bn.md")
    assert kept[0].text == "খোলার সময়" and warnings == []
    # A Devanagari sign Bengali's table cannot braille, on a Bengali letter: said, with its line.
    dropped, warnings = replace_untranslatable([Piece("paragraph", "সম\u0951য়", line=9)], can_translate, "docs/factsheets/x-bn.md")
    assert [str(w.location) for w in warnings] == ["docs/factsheets/x-bn.md:9"]
    assert "cannot translate the mark devanagari stress sign udatta (U+0951)" in warnings[0].message
