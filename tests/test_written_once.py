"""Facts written once (validators/written_once.py): contact details typed into the text and glossary
terms never linked, each a warning at its line."""

from factsheets.project import load_project
from factsheets.validators.written_once import check_document

from conftest import FIXTURES, copy_project

TEXT = """---
title: Typed as staff type
summary: Contact details and glossary words typed out.
version: 1
date: 2024-04
---

Call the advice line on 01225 394382 or email send_partnershipservice@bathnes.gov.uk today.
Our old number, 01225 394832, and our site www.spsbathnes.org.uk/contact are on the letter.
Ring the national helpline on 0800 288 8888 or write to help@other-charity.org.uk.

The **Local Offer** lists the services near you.

Ask about your [[EHC plan]] first; the EHC plan itself is linked, so this is fine.

> **Important:** the council must reply within 6 weeks.

The number `01225 394382` in code is shown as typed, and so is {{ advice_line }}.
"""


def findings_for(tmp_path, text=TEXT):
    root = copy_project(tmp_path / "p", FIXTURES / "small")
    (root / "docs/factsheets/typed.md").write_text(text, encoding="utf-8")
    project = load_project(root)
    document = next(d for d in project.documents if d.meta.slug == "typed")
    return [(f.line, f.message, f.fix) for f in check_document(document, root, project.glossary.entries)]


def test_each_detail_of_organisation_yml_typed_in_the_text_is_a_warning_at_its_line(tmp_path):
    found = findings_for(tmp_path)
    typed = [(line, fix) for line, message, fix in found if "organisation.yml already holds" in message]
    assert typed == [(8, "Write {{ advice_line }} in its place."), (8, "Write {{ email }} in its place.")]
    alike = [(line, message.split(" which")[0], fix) for line, message, fix in found if "looks like the organisation's" in message]
    assert alike == [
        (9, "The text types the phone number 01225 394832,", "If it is ours, write {{ advice_line }} in its place."),
        (9, "The text types the web address www.spsbathnes.org.uk/contact,", "If it is ours, write {{ website }} in its place."),
    ]
    assert not any(line in (10, 18) for line, _m, _f in found), found  # another body's number; code and a placeholder


def test_a_glossary_term_in_bold_that_is_never_linked_gets_the_link_to_write(tmp_path):
    found = findings_for(tmp_path)
    terms = [(line, message, fix) for line, message, fix in found if "glossary term" in message]
    assert terms == [(12, '"Local Offer" is a glossary term written in bold: bold does not link it to its meaning, '
                          "and every format shows it as bold words, not as a term.", "Write it as [[Local Offer]] (once is enough).")]


def test_a_glossary_term_in_bold_is_warned_about_whether_or_not_the_factsheet_links_it_elsewhere(tmp_path):
    head = TEXT.split("\n\n")[0]
    linked = findings_for(tmp_path / "a", head + "\n\nAsk for an [[EHC plan]].\n\nYour **EHC plan** says what help you get.\n")
    unlinked = findings_for(tmp_path / "b", head + "\n\nAsk the council.\n\nYour **EHC plan** says what help you get.\n")
    assert [(line, message[:45]) for line, message, _ in linked] == [(10, '"EHC plan" is a glossary term written in bold')]
    assert [(line, message[:45]) for line, message, _ in unlinked] == [(10, '"EHC plan" is a glossary term written in bold')]
    # As plain words, only a term the factsheet never links is pointed out.
    assert findings_for(tmp_path / "c", head + "\n\nAsk for an [[EHC plan]].\n\nYour EHC plan says what help you get.\n") == []


def test_another_teams_number_is_not_ours_but_ours_with_a_digit_or_two_wrong_is_warned_about(tmp_path):
    head = TEXT.split("\n\n")[0]
    found = findings_for(tmp_path, head + "\n\nThe school transport team is on 01225 396000.\n"
                                          "Our advice line is 01225 394328 or 01225 39438.\n")
    assert [(line, message.split(",")[0]) for line, message, _ in found] == [
        (9, "The text types the phone number 01225 394328"), (9, "The text types the phone number 01225 39438")]


def test_a_factsheet_that_writes_facts_once_has_no_warnings(tmp_path):
    clean = TEXT.split("\n\n")[0] + "\n\nCall us on {{ advice_line }} about the [[Local Offer]] and your [[EHC plan]].\n"
    assert findings_for(tmp_path, clean) == []
