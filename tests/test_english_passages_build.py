"""English inside a translation's sentence, built in every format: a Polish factsheet whose
text writes `{{ advice_line.hours }}` and `{{ name }}`, which no organisation.pl.yml
translates, as it does not translate the name the title line and the contact details' title
give. The words are marked English on the page, in the PDF's tags and in the ebook, brailled
in UEB, and read by the English rules in their own utterance (placeholders.py,
transforms.naming_words, engines/weasyprint_lang.py, audio/language_runs.py)."""

from __future__ import annotations

import json
import zipfile

import pdfplumber
import pikepdf
import pytest

from conftest import FIXTURES, copy_project, factsheets

pytestmark = pytest.mark.engines

FILES = "build/site/files/hours-pl"
HOURS = "10.00am – 3.00pm Monday to Friday"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("english-passages"), FIXTURES / "english-passages")
    result = factsheets(root, "build")
    assert result.returncode == 0, result.stderr
    return root


def test_the_web_page_and_the_print_view_mark_the_english_words_english(built):
    paragraph = (f'Zadzwoń do nas <span lang="en-GB">{HOURS}</span>. '
                 '<span lang="en-GB">SEND Partnership Service</span> udziela bezpłatnych porad.</p>')
    assert paragraph in (built / "build/site/factsheets/hours-pl.html").read_text(encoding="utf-8")
    assert "<p>" + paragraph in (built / FILES / "hours-pl-print.html").read_text(encoding="utf-8")
    title_line = '<strong>Informator <span lang="en-GB">SEND Partnership Service</span>. Wersja 1, marzec 2024.</strong>'
    assert title_line in (built / FILES / "hours-pl-print.html").read_text(encoding="utf-8")


def english_words_on_page_one(path) -> list[str]:
    """The words on the PDF's first page whose structure element (or an ancestor) has /Lang en-GB."""
    with pikepdf.open(path) as pdf:
        first, marked = pdf.pages[0].obj.objgen, set()

        def walk(node, lang: str, page) -> None:
            if isinstance(node, pikepdf.Array):
                for kid in node:
                    walk(kid, lang, page)
            elif isinstance(node, pikepdf.Dictionary):
                page = node.Pg.objgen if "/Pg" in node else page
                if "/K" in node:
                    walk(node.K, str(node.get("/Lang", lang)), page)
            elif lang == "en-GB" and page == first:  # a marked-content id
                marked.add(int(node))

        walk(pdf.Root.StructTreeRoot.K, "", None)
    with pdfplumber.open(path) as pdf:
        words: dict[int, str] = {}
        for char in pdf.pages[0].chars:
            if char.get("mcid") in marked:
                words[char["mcid"]] = words.get(char["mcid"], "") + char["text"]
    return [words[mcid] for mcid in sorted(words)]


def test_the_pdf_tags_them_english_for_a_screen_reader(built):
    # In order: the title line's name, the contact box's title and description, the hours
    # (two lines), the Facebook label (no Polish catalogue word for it), then the paragraph's.
    assert english_words_on_page_one(built / FILES / "hours-pl-large-print.pdf") == [
        "SEND Partnership Service", "SEND Partnership Service", "Special Educational Needs & Disability (SEND)",
        "Impartial Information, Advice and Support Service for", "Bath & North East Somerset", "10.00am – 3.00pm Monday",
        "to Friday", "Facebook", HOURS, "SEND Partnership Service"]


def test_the_ebook_marks_them_english_for_reading_systems_too(built):
    with zipfile.ZipFile(built / FILES / "hours-pl.epub") as epub:
        text = epub.read("EPUB/text.xhtml").decode("utf-8")
    assert f'Zadzwoń do nas <span xml:lang="en-GB" lang="en-GB">{HOURS}</span>.' in text


def test_braille_gives_them_in_contracted_ueb_and_the_rest_in_polish_braille(built):
    brf = " ".join((built / FILES / "hours-pl.brf").read_text(encoding="ascii").split())
    # The English in UEB: its capital sign (dot 6, ","), its "day" contraction ("D). The Polish
    # in Polish braille: its capital sign (dots 4-6, "."), its ń (?) and full stop (dot 3, "'").
    assert brf.startswith('#A .KIEDY DO NAS DZWONI% ,,S5D ,"PN]%IP ,S]VICE .WERSJA #A1 MARZEC #BJBD')  # the title page
    assert '.INFORMATOR ,,S5D ,"PN]%IP ,S]VICE\' .WERSJA' in brf and '.KONTAKT3 ,,S5D ,"PN]%IP ,S]VICE' in brf
    assert '.ZADZWO? DO NAS #AJ4JJ;AM ,- #C4JJPM ,MON"D TO ,FRI"D\' ,,S5D ,"PN]%IP ,S]VICE UDZIELA BEZP<ATNYCH PORAD\'' in brf


def test_the_audio_reads_them_by_the_english_rules_in_their_own_utterance(built):
    timings = json.loads((built / FILES / "hours-pl-sentences.json").read_text(encoding="utf-8"))
    said = [s["text"] for s in timings["sentences"] if s["block"] == "linia-porad-p1"]
    # "10 a.m." by the English rules; the Polish ones said "dziesięć zero zero rano".
    assert said == ["Zadzwoń do nas", "10 a.m. to 3 p.m.", "Monday to Friday.", "SEND Partnership Service", "udziela bezpłatnych porad."]
    title_line = [s["text"] for s in timings["sentences"] if s["block"] == "title-line"]
    assert title_line == ["Informator", "SEND Partnership Service.", "Wersja 1, marzec 2024."]  # not "S E N D", as Polish spells capitals
    # The transcript shows the sentence as the one paragraph it is.
    transcript = (built / FILES / "hours-pl-audio-script.txt").read_text(encoding="utf-8")
    assert "Zadzwoń do nas 10 a.m. to 3 p.m. Monday to Friday. SEND Partnership Service udziela bezpłatnych porad." in transcript
