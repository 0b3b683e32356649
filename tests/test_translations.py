"""Translations: front matter, slugs, translated glossary and organisation, English fallback
marked English, staleness (fast tier: the project is loaded, nothing is built)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factsheets.transforms import is_contact
from factsheets import model as m
from factsheets import site, translations
from factsheets.errors import SourceError
from factsheets.project import load_project
from factsheets.walk import iter_block_inlines

WELSH = """---
title: Taflen ffeithiau fer
summary: Taflen fer.
version: 1
date: 2024-03
language: cy
translation_of: short
source_version: 1
sample: true
note: "A sample: a translator must check it."
---

Mae'r daflen hon yn sôn am eich [[Cynnig Lleol]] a'ch [[EHC plan|cynllun EHC]].

## Beth allwch chi ei wneud

Gallwch ofyn am help.
"""

LOCAL_OFFER_CY = """---
term: "Cynnig Lleol"
aliases:
  - "cynnig lleol yr awdurdod"
---
Gwybodaeth gan yr awdurdod lleol am y gwasanaethau sydd ar gael.
"""


@pytest.fixture
def welsh_project(small_project: Path) -> Path:
    (small_project / "docs/factsheets/short-cy.md").write_text(WELSH, encoding="utf-8")
    (small_project / "glossary/local-offer.cy.md").write_text(LOCAL_OFFER_CY, encoding="utf-8")
    (small_project / "organisation.cy.yml").write_text("advice_hours: dydd Llun i ddydd Gwener\n", encoding="utf-8")
    return small_project


def _document(project, slug):
    return next(d for d in project.documents if d.meta.slug == slug)


def test_a_translation_is_a_factsheet_with_its_source_and_language(welsh_project):
    project = load_project(welsh_project)
    welsh = _document(project, "short-cy")
    assert (welsh.meta.language, welsh.meta.translation_of, welsh.meta.source_version, welsh.meta.sample) == ("cy", "short", "1", True)
    assert [d.meta.slug for d in translations.family(project.documents, welsh)] == ["short", "short-cy"]
    assert not project.warnings or all("review" in w.message for w in project.warnings)


def test_terms_are_found_by_their_translated_names_and_untranslated_ones_are_marked_english(welsh_project):
    welsh = _document(load_project(welsh_project), "short-cy")
    refs = [node for _, node in iter_block_inlines(welsh.blocks) if isinstance(node, m.TermRef)]
    assert [r.term_id for r in refs] == ["local-offer", "education-health-and-care-plan"]
    glossary = {b.term_id: b for b in welsh.blocks if isinstance(b, m.GlossaryEntry)}
    assert glossary["local-offer"].language is None  # translated: in the page's language
    assert glossary["education-health-and-care-plan"].language == "en-GB"  # fallback, marked English
    headings = {b.id: b for b in welsh.blocks if isinstance(b, m.Heading)}
    assert m.plain_text(headings["glossary"].children) == "Geirfa"
    english_term = headings["glossary-education-health-and-care-plan"].children
    assert isinstance(english_term[0], m.Span) and (english_term[0].language, english_term[0].direction) == ("en-GB", "ltr")
    assert m.plain_text(headings["glossary-local-offer"].children) == "Cynnig Lleol"


def test_the_organisation_is_translated_where_given_and_english_elsewhere(welsh_project):
    organisation = _document(load_project(welsh_project), "short-cy").organisation
    assert organisation.language == "cy" and organisation.advice_hours == "dydd Llun i ddydd Gwener"
    assert "disclaimer" in organisation.english and "advice_hours" not in organisation.english
    document = _document(load_project(welsh_project), "short-cy")
    [closing] = [b for b in document.blocks if is_contact(b, "end")]
    html = site.SiteRenderer(document).box(closing)
    assert '<span lang="en-GB">' in html  # the untranslated disclaimer (dir only where it differs from the page's)
    assert "Cysylltu â" in html


def test_a_translation_of_a_factsheet_that_does_not_exist_is_refused_with_a_suggestion(welsh_project):
    page = welsh_project / "docs/factsheets/short-cy.md"
    page.write_text(WELSH.replace("translation_of: short", "translation_of: shrt"), encoding="utf-8")
    page.rename(welsh_project / "docs/factsheets/shrt-cy.md")
    with pytest.raises(SourceError) as error:
        load_project(welsh_project)
    assert str(error.value) == "docs/factsheets/shrt-cy.md:7: 'translation_of: shrt' is not a factsheet: did you mean 'short'?"


def test_a_translation_is_named_after_its_source_and_language(welsh_project):
    (welsh_project / "docs/factsheets/short-cy.md").rename(welsh_project / "docs/factsheets/byr.md")
    with pytest.raises(SourceError) as error:
        load_project(welsh_project)
    assert str(error.value).startswith("docs/factsheets/byr.md:7: a translation's file is named after its source and language: rename this file to short-cy.md")


def test_a_translated_term_needs_its_english_entry(welsh_project):
    (welsh_project / "glossary/local-offer.cy.md").rename(welsh_project / "glossary/local-ofer.cy.md")
    with pytest.raises(SourceError) as error:
        load_project(welsh_project)
    assert "glossary/local-ofer.cy.md:1" in str(error.value) and "did you mean local-offer.cy.md?" in str(error.value)


def test_a_source_moving_on_makes_the_translation_stale(welsh_project):
    source = welsh_project / "docs/factsheets/short.md"
    source.write_text(source.read_text(encoding="utf-8").replace("version: 1", "version: 2"), encoding="utf-8")
    project = load_project(welsh_project)
    stale = [w for w in project.warnings if "translation" in w.message]
    assert [str(w.location) for w in stale] == ["docs/factsheets/short-cy.md:8"]
    assert "version 1 of docs/factsheets/short.md, which is now at version 2" in stale[0].message
    welsh = _document(project, "short-cy")
    family = [(d, f"{d.meta.slug}.html") for d in translations.family(project.documents, welsh)]
    html, _ = site.factsheet_page(welsh, {"formats": {"html": ""}}, str, lambda key: None, family=family)
    assert 'class="fs-translation fs-stale"' in html and 'href="short.html" hreflang="en-GB"' in html
    assert "fersiwn 2" in html


def test_the_page_has_a_language_line_on_the_source_and_the_translation(welsh_project):
    project = load_project(welsh_project)
    for slug, linked in (("short", "short-cy.html"), ("short-cy", "short.html")):
        document = _document(project, slug)
        family = [(d, f"{d.meta.slug}.html") for d in translations.family(project.documents, document)]
        html, _ = site.factsheet_page(document, {"formats": {"html": ""}}, str, lambda key: None, family=family)
        assert f'href="{linked}"' in html and ">Cymraeg<" in html and ">English<" in html
        assert 'aria-current="page"' in html


def test_welsh_fixed_words_and_month(welsh_project):
    welsh = _document(load_project(welsh_project), "short-cy")
    html, toc = site.factsheet_page(welsh, {"formats": {"html": ""}}, str, lambda key: None)
    assert "Fersiwn 1, Mawrth 2024" in html



@pytest.mark.engines
def test_bumping_a_sources_version_warns_lists_and_tells_readers(welsh_project):
    """The build warns with the translation's file and line, `check` lists it, and the page says
    which version it translates, linking to the current English."""
    from conftest import factsheets
    from factsheets.check import run_check

    source = welsh_project / "docs/factsheets/short.md"
    assert factsheets(welsh_project, "build", "--format", "print").returncode == 0
    before = (welsh_project / "build/site/factsheets/short-cy.html").read_text(encoding="utf-8")
    assert "fs-stale" not in before and "Cyfieithiad o fersiwn 1" in before
    source.write_text(source.read_text(encoding="utf-8").replace("version: 1", "version: 2"), encoding="utf-8")

    result = factsheets(welsh_project, "build", "--format", "print")
    assert result.returncode == 0, result.stderr
    assert "docs/factsheets/short-cy.md:8: warning: this translation is of version 1 of docs/factsheets/short.md, which is now at version 2" in result.stdout + result.stderr

    report = run_check(welsh_project, website=False, only={"print_html"})
    stale = [f for f in report.findings["Taflen ffeithiau fer"] if f.format == "translation"]
    assert [(f.level, f.where()) for f in stale] == [("warning", "docs/factsheets/short-cy.md:8")]
    assert report.checked["Taflen ffeithiau fer"][0] == "plain English: not checked, no rules for Welsh"
    assert not [f for f in report.findings["Taflen ffeithiau fer"] if f.format == "website"]  # the page is marked Welsh

    page = (welsh_project / "build/site/factsheets/short-cy.html").read_text(encoding="utf-8")
    assert '<html lang="cy" dir="ltr"' in page
    assert 'class="fs-translation fs-stale"' in page
    assert "Cyfieithiad o fersiwn 1 o&#x27;r daflen ffeithiau Saesneg yw hwn." in page
    assert '<a href="short.html" hreflang="en-GB">y fersiwn Saesneg gyfredol</a>' in page


def test_fixed_words_a_language_has_no_catalogue_for_are_english_marked_english(welsh_project):
    # French: none of the twelve community languages the project has catalogues for.
    page = welsh_project / "docs/factsheets/short-cy.md"
    page.write_text(WELSH.replace("language: cy", "language: fr").replace("[[Cynnig Lleol]]", "[[Local Offer|offre locale]]"), encoding="utf-8")
    page.rename(welsh_project / "docs/factsheets/short-fr.md")
    second = welsh_project / "docs/factsheets/other-fr.md"
    second.write_text(WELSH.replace("language: cy", "language: fr").replace("translation_of: short\nsource_version: 1\n", "")
                      .replace("[[Cynnig Lleol]]", "offre locale"), encoding="utf-8")
    project = load_project(welsh_project)
    said = [w for w in project.warnings if "catalogue" in w.message]
    assert [str(w.location) for w in said] == ["docs/factsheets/other-fr.md:6"]  # once for the language, at its first file
    assert said[0].message.startswith("there is no catalogue of fixed words for French (fr), so its factsheets show words such as")
    assert "locales/fr.po" in said[0].message
    romanian = _document(project, "short-fr")
    glossary = next(b for b in romanian.blocks if isinstance(b, m.Heading) and b.id == "glossary")
    assert glossary.children == (m.Span("en-GB", "ltr", (m.Text("Glossary"),)),)
    entry = {"formats": {"html": "", "large_print_pdf": "site/files/x.pdf"}}
    html, _ = site.factsheet_page(romanian, entry, str, lambda key: None)
    assert '<span lang="en-GB" dir="ltr">Download this factsheet</span>' in html


def test_a_language_tag_is_case_insensitive_in_the_file_name_and_in_language(welsh_project):
    page = welsh_project / "docs/factsheets/short-cy.md"
    page.write_text(WELSH.replace("language: cy", "language: zh-hans").replace("[[Cynnig Lleol]]", "[[Local Offer|地方服务]]"), encoding="utf-8")
    page.rename(welsh_project / "docs/factsheets/short-zh-hans.md")
    chinese = _document(load_project(welsh_project), "short-zh-hans")
    assert chinese.meta.language == "zh-Hans"  # and so its catalogue is found: 词汇表, not "Glossary"
    headings = {b.id: b for b in chinese.blocks if isinstance(b, m.Heading)}
    assert m.plain_text(headings["glossary"].children) != "Glossary"
    (welsh_project / "docs/factsheets/short-zh-hans.md").rename(welsh_project / "docs/factsheets/short-ZH-Hans.md")
    assert _document(load_project(welsh_project), "short-ZH-Hans").meta.language == "zh-Hans"


def test_a_file_named_like_a_translation_without_translation_of_warns_and_says_what_to_add(welsh_project):
    page = welsh_project / "docs/factsheets/short-cy.md"
    page.write_text(WELSH.replace("translation_of: short\n", "").replace("source_version: 1\n", ""), encoding="utf-8")
    project = load_project(welsh_project)
    [said] = [w for w in project.warnings if "named like a translation" in w.message]
    assert str(said.location) == "docs/factsheets/short-cy.md:2"
    assert said.message == ("this file is named like a translation of docs/factsheets/short.md into Welsh, but its front matter does not "
                            "say so, so it is published as a factsheet of its own: add 'translation_of: short', 'language: cy' and "
                            "'source_version: 1' (the version of the English it translates)")


def test_a_file_whose_name_only_ends_like_a_language_is_not_taken_for_a_translation(welsh_project):
    source = (welsh_project / "docs/factsheets/short.md").read_text(encoding="utf-8")
    (welsh_project / "docs/factsheets/short-2.md").write_text(source, encoding="utf-8")
    (welsh_project / "docs/factsheets/short-en.md").write_text(source, encoding="utf-8")  # its own language: no translation
    assert not [w for w in load_project(welsh_project).warnings if "named like a translation" in w.message]


def test_a_stale_translation_says_so_at_the_start_of_every_format(welsh_project):
    from factsheets.writers.audio.lexicon import Lexicon
    from factsheets.writers.audio.normalise import Normaliser
    from factsheets.writers.audio.script import build_script
    from factsheets.writers.braille.text import braille_ready_text, pieces
    from factsheets.writers.print_html import print_document

    source = welsh_project / "docs/factsheets/short.md"
    source.write_text(source.read_text(encoding="utf-8").replace("version: 1", "version: 2"), encoding="utf-8")
    project = load_project(welsh_project)
    welsh = _document(project, "short-cy")
    notice = ("Cyfieithiad o fersiwn 1 o'r daflen ffeithiau Saesneg yw hwn. Mae'r Saesneg wedi newid ers hynny (fersiwn 2 yw hi nawr): "
              "darllenwch y fersiwn Saesneg gyfredol i gael y wybodaeth ddiweddaraf.")
    # A block of the document, after the title line: every writer gets it without code of its own.
    assert welsh.blocks[1].id == "translation-notice" and m.plain_text(welsh.blocks[1].children) == notice
    assert not any(b.id == "translation-notice" for b in _document(project, "short").blocks if isinstance(b, m.Paragraph))
    braille = braille_ready_text(pieces(welsh))
    assert notice in braille and braille.index(notice) < braille.index("Beth allwch chi ei wneud")
    printed = print_document(welsh)
    assert printed.index("Cyfieithiad o fersiwn 1") < printed.index("Beth allwch chi ei wneud")
    spoken = build_script(welsh, Normaliser(Lexicon(), "cy")).transcript()
    assert "Cyfieithiad o fersiwn" in spoken.split("[2. ")[0]  # in the introduction, before the first section
    # The website has its own notice, linked to the English (test_bumping_a_sources_version_...): not the block too.
    html, _ = site.factsheet_page(welsh, {"formats": {"html": ""}}, str, lambda key: None)
    assert "Cyfieithiad o fersiwn 1" not in html and 'id="translation-notice"' not in html


def test_a_date_ending_in_an_abbreviation_does_not_double_the_title_lines_full_stop():
    from factsheets.transforms import title_line

    corpus = Path(__file__).parent / "fixtures" / "languages12"
    ukrainian = next(d for d in load_project(corpus).documents if d.meta.slug == "contact-us-uk")
    line = m.plain_text(title_line(ukrainian.meta, ukrainian.organisation).children)
    assert line.endswith("березень 2024\u202fр.") and ".." not in line  # CLDR puts a narrow no-break space before р.
