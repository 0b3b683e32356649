"""The language facts come from Babel; messages fall back to English."""

from factsheets import i18n


def test_direction_and_names_come_from_cldr():
    arabic = i18n.language("ar")
    assert (arabic.direction, arabic.autonym, arabic.english_name) == ("rtl", "العربية", "Arabic")
    assert i18n.language("zh-Hans").base == "zh"
    assert i18n.language("cy").direction == "ltr"


def test_an_unknown_tag_is_usable():
    assert i18n.language("xx-YY").direction == "ltr"


def test_a_message_falls_back_to_english_and_is_formatted(tmp_path, monkeypatch):
    (tmp_path / "cy.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Page {n} of {total}"\nmsgstr "Tudalen {n} o {total}"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "LOCALES", tmp_path)
    i18n._catalogue.cache_clear()
    try:
        assert i18n.gettext("cy-GB", "Page {n} of {total}", n=1, total=4) == "Tudalen 1 o 4"
        assert i18n.gettext("cy", "Glossary") == "Glossary"
        assert i18n.has_message("cy", "Page {n} of {total}")
        assert not i18n.has_message("cy", "Glossary")
    finally:
        i18n._catalogue.cache_clear()
