"""Which lines carry their words as ActualText in the PDF, and how (engines/weasyprint_text.py)."""

from factsheets.engines.weasyprint_text import actual_text, needs_actual_text


def test_indic_lines_and_urdu_in_nastaliq_carry_actual_text_and_arabic_in_naskh_does_not():
    assert needs_actual_text("আমাদের সাথে কীভাবে যোগাযোগ", "bn")
    assert needs_actual_text("ਸਾਡਾ ਫ਼ੋਨ ਨੰਬਰ", "pa")
    assert needs_actual_text("ہم سے رابطہ کیسے کریں", "ur")
    assert not needs_actual_text("كيف تتصل بنا", "ar")  # Naskh's glyphs read back; poppler would reverse a span
    assert not needs_actual_text("01225 394382", "bn")  # an isolated number in a Bengali page: its glyphs are right
    assert not needs_actual_text("Як зв'язатися з нами", "uk")


def test_actual_text_is_a_utf16_string_with_its_byte_order_mark():
    assert actual_text("যো") == b"<FEFF09AF09CB>"
    assert actual_text("a") == b"<FEFF0061>"
