"""Braille in community languages: each language's own liblouis table, chosen from liblouis's
metadata; English details in UEB; read back through the language's own table."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES
from factsheets.engines.liblouis import back_translate
from factsheets.engines.liblouis_tables import code_name, literary_table, table_for_language
from factsheets.project import load_project
from factsheets.validators import FAILURE
from factsheets.validators.braille import check_braille, check_braille_text, spelled_out_letter, words_kept
from factsheets.writers.braille import BrailleWriter

pytestmark = pytest.mark.engines

LANGUAGES = FIXTURES / "languages"


@pytest.fixture(scope="module")
def documents():
    return {d.meta.language: d for d in load_project(LANGUAGES).documents}


@pytest.mark.parametrize(("tag", "table", "contraction"), [
    ("cy", "cy.tbl", "full"),  # Welsh contracted braille
    ("pl", "pl.tbl", "no"),  # a bare language:pl query gives pl-pl-comp8.ctb, 8-dot computer braille
    ("ar", "ar-ar-g2.ctb", "full"),
    ("ur", "ur-pk-g2.ctb", "full"),
    ("zh-Hans", "zhcn-g2.ctb", ""),  # filed under cmn (Mandarin), which Babel aliases to zh
])
def test_each_language_gets_its_literary_six_dot_table_from_liblouis_metadata(tag, table, contraction):
    found = literary_table(tag)
    assert found is not None and Path(found.path).name == table and found.contraction == contraction


def test_english_is_contracted_ueb_and_languages_without_a_literary_table_have_none():
    assert Path(table_for_language("en-GB")).name == "en-ueb-g2.ctb"
    assert literary_table("so") is None  # Somali: no table at all
    assert literary_table("ro") is None  # Romanian: only 8-dot computer braille


@pytest.mark.parametrize("tag", ["cy", "pl", "ar", "ur", "zh-Hans"])
def test_each_language_reads_back_through_its_own_table(documents, tag, tmp_path):
    document = documents[tag]
    output = BrailleWriter().write(document, tmp_path, {})
    brf, text = output.files["brf"], output.files["braille_text"]
    assert check_braille(brf, text, tag) == []
    assert words_kept(brf, text, table_for_language(tag)) >= 0.98
    assert spelled_out_letter(text.read_text(encoding="utf-8")) is None
    assert document.meta.title in text.read_text(encoding="utf-8")
    assert output.warnings == []


def test_the_title_page_names_the_languages_braille_code(documents, tmp_path):
    output = BrailleWriter().write(documents["pl"], tmp_path, {})
    brf = output.files["brf"].read_text(encoding="ascii")
    # In Polish, read back through the Polish table: "Brajl (polski), bez skrótów", not UEB (Polish
    # braille has one cell for both brackets, which liblouis reads back as "(").
    assert "brajl (polski(, bez skrótów" in back_translate(brf.split("\f")[0], table_for_language("pl")).lower()
    assert "UNIFIED ENGLISH" not in brf
    assert output.details["brf"]["code"] == "Polish braille, uncontracted"  # the manifest's, in English
    # Its date in Polish too ("marzec 2024"), as the text's own title line has it; not "March".
    title_page = brf.split("\f")[0]
    assert "MARZEC" in title_page and "MARCH" not in title_page


def test_somali_braille_is_not_available_with_a_reason(documents):
    reason = BrailleWriter().available(documents["so"])
    assert reason == "liblouis ma laha shax farta indhoolaha ah oo Soomaali ah"  # in Somali, for the Somali page
    assert BrailleWriter().available(documents["pl"]) is None


def test_a_letter_spelled_out_or_escaped_fails_the_braille_text(tmp_path):
    assert spelled_out_letter("Zadzwo (latin small letter n with acute) na") == "(latin small letter n with acute)"
    assert spelled_out_letter("nasz\\x0105 lini") == "\\x0105"
    assert spelled_out_letter("Great news (grinning face) today") is None  # an emoji's name is the writer's fallback
    path = tmp_path / "spelled.txt"
    path.write_text("# Co zrobi\u0107\n\nZadzwo (latin small letter n with acute) na numer.\n", encoding="utf-8")
    assert [f.level for f in check_braille_text(path)] == [FAILURE]


@pytest.mark.parametrize("tag", ["cy", "pl", "ar", "ur", "zh-Hans"])
def test_each_full_sample_translation_passes_the_braille_check(tag, tmp_path):
    # The whole leaflet, translated: liblouis's Welsh table reads its own "Mae'r" back as "M'r".
    document = next(d for d in load_project(FIXTURES / "translated").documents if d.meta.language == tag)
    output = BrailleWriter().write(document, tmp_path, {})
    assert check_braille(output.files["brf"], output.files["braille_text"], tag) == []


def test_welsh_words_lost_from_the_brf_are_still_found_missing(tmp_path):
    document = next(d for d in load_project(FIXTURES / "translated").documents if d.meta.language == "cy")
    output = BrailleWriter().write(document, tmp_path, {})
    brf, text = output.files["brf"], output.files["braille_text"]
    pages = brf.read_bytes().split(b"\x0c")
    brf.write_bytes(b"\x0c".join(pages[:2] + pages[3:]))  # one page of braille lost
    assert words_kept(brf, text, table_for_language("cy")) < 0.98
    assert "keeps" in check_braille(brf, text, "cy")[-1].message


@pytest.mark.parametrize(("tag", "english", "own"), [
    ("cy", "Welsh braille, contracted", "Braille Cymraeg, cyfangedig"),
    ("ar", "Arabic braille, contracted", "برايل العربية، مختصر"),
    ("uk", "Ukrainian braille", "Брайль (українська)"),
    ("pt", "Portuguese braille, contracted", "Braille português, contraído"),
    ("en-GB", "Contracted Unified English Braille", "Contracted Unified English Braille"),
    ("so", "", ""),  # no table: no code to name
])
def test_the_braille_code_is_named_from_the_tables_metadata_in_english_and_in_the_language(tag, english, own):
    assert code_name(tag) == english
    assert code_name(tag, tag) == own


TWELVE = FIXTURES / "languages12"


@pytest.fixture(scope="module")
def corpus():
    return load_project(TWELVE).documents


@pytest.mark.parametrize("tag", ["cy", "pl", "ar", "ur", "zh-Hans", "so", "ro", "bn", "uk", "pa", "pt", "lt"])
def test_every_languages_braille_of_the_corpus_reads_back_or_is_said_to_be_not_available(corpus, tag, tmp_path):
    for document in (d for d in corpus if d.meta.language == tag):
        writer = BrailleWriter()
        reason = writer.available(document)
        if tag in ("so", "ro"):  # Somali has no table; Romanian only 8-dot computer braille
            assert reason and "liblouis" in reason
            continue
        output = writer.write(document, tmp_path / document.meta.slug, {})
        brf, text = output.files["brf"], output.files["braille_text"]
        assert words_kept(brf, text, table_for_language(tag)) >= 0.98, document.meta.slug
        assert check_braille(brf, text, tag) == [], document.meta.slug
        assert spelled_out_letter(text.read_text(encoding="utf-8")) is None
        assert output.warnings == [], document.meta.slug  # no mark dropped, no danda spelled out
