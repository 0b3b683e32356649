"""The language facts come from Babel; messages fall back to English."""

import re
from pathlib import Path

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


def test_every_catalogue_translates_the_same_messages_and_keeps_their_fields():
    import re

    from babel.messages.pofile import read_po

    catalogues = {}
    for path in sorted(i18n.LOCALES.glob("*.po")):
        with path.open("rb") as handle:
            catalogues[path.stem] = {str(m.id): str(m.string) for m in read_po(handle) if m.id}
    assert set(catalogues) >= {"cy", "pl", "ar", "ur", "zh-Hans"}
    messages = set(catalogues["cy"])
    assert {"Glossary", "Page {n} of {total}", "Other formats", "End of quotation.", "This factsheet in:"} <= messages
    for name, catalogue in catalogues.items():
        assert set(catalogue) == messages, name
        for message, translated in catalogue.items():
            assert translated and translated != message or message in (", ", "{n} pages", "{seconds} s", "{minutes} min {seconds} s", "{label}:", "{expansion} ({letters})"), (name, message)
            assert sorted(re.findall(r"\{\w+\}", message)) == sorted(re.findall(r"\{\w+\}", translated)), (name, message)


def test_catalogues_are_marked_as_needing_a_translators_check():
    for path in i18n.LOCALES.glob("*.po"):
        header = path.read_text(encoding="utf-8").split('msgid ""')[0]
        assert "MACHINE-QUALITY" in header and "needs a translator's check" in header, path.name


def test_month_names_come_from_cldr_per_language():
    from factsheets.i18n import display_month

    assert display_month("2021-06") == "June 2021"
    assert display_month("2021-06", "cy") == "Mehefin 2021"
    assert display_month("2021-06-30", "zh-Hans") == "2021年6月"
    assert display_month("2021-06", "ar") == "يونيو 2021"
    assert display_month("not a date", "cy") == "not a date"


# Shown only on the page of a language that has no voice or braille table (Somali), which has
# no catalogue either: no catalogue here would ever be asked for them.
ONLY_WHERE_UNSUPPORTED = {"espeak-ng has no voice for {language}", "liblouis has no literary braille table for {language}",
                          "{label}: not available in this language ({reason})."}
_ASKED = re.compile(r'(?:\bgettext\(\s*[^,()]+(?:\([^()]*\))?,|\bhas_message\(\s*[^,()]+,|\bself\.(?:t|fixed)\()\s*"((?:[^"\\]|\\.)+)"')


def test_every_message_the_code_asks_for_is_in_every_catalogue():
    # A message missing from a catalogue comes out in English on that language's pages.
    asked = set()
    for path in (Path(i18n.__file__).parent).rglob("*.py"):
        asked |= {m.encode().decode("unicode_escape") if "\\u" in m else m for m in _ASKED.findall(path.read_text(encoding="utf-8"))}
    assert {"Listen from here", "Quotation:", "Notes", "End of factsheet."} <= asked
    for tag in ("cy", "pl", "ar", "ur", "zh-Hans"):
        assert sorted(m for m in asked - ONLY_WHERE_UNSUPPORTED if not i18n.has_message(tag, m)) == [], tag


def test_a_language_tag_is_case_insensitive():
    assert [i18n.canonical_tag(t) for t in ("zh-hans", "ZH-HANS-cn", "en-gb", "CY", "pt_br", "zh-Hans", "sr-latn-x-private")] == \
        ["zh-Hans", "zh-Hans-CN", "en-GB", "cy", "pt-BR", "zh-Hans", "sr-Latn-x-private"]
    assert i18n.gettext("zh-hans", "Glossary") == i18n.gettext("zh-Hans", "Glossary") != "Glossary"
    assert i18n.has_catalogue("ZH-hans") and i18n.has_catalogue("en-GB") and not i18n.has_catalogue("fr")


def test_the_twelve_community_languages_each_have_a_catalogue():
    for tag in ("cy", "pl", "ar", "ur", "zh-Hans", "so", "ro", "bn", "uk", "pa", "pt", "lt"):
        assert i18n.has_catalogue(tag), tag
        assert i18n.gettext(tag, "Page {n} of {total}", n=1, total=4) != "Page 1 of 4", tag


def test_a_sentence_about_a_language_names_it_as_the_language_names_itself():
    braille = "liblouis has no literary braille table for {language}"
    assert i18n.about_language("so", braille) == "liblouis ma laha shax farta indhoolaha ah oo Soomaali ah"
    assert i18n.about_language("ro", braille) == "liblouis nu are tabel braille literar pentru română"  # not "pentru Romanian"
    # No French catalogue: the sentence is English, and so is the name in it.
    assert i18n.about_language("fr", "espeak-ng has no voice for {language}") == "espeak-ng has no voice for French"
