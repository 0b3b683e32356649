import datetime as dt

from factsheets import model as m
from factsheets.validators import WARNING
from factsheets.validators.plain_english import check_document, sentences

ORG = m.Organisation("SEND Partnership Service", "Special Educational Needs & Disability (SEND) service", "01225 394382", "",
                     None, "a@b.c", "http://x", None, (), None, "d", "f", "s")


def doc(*blocks, review_due=None):
    meta = m.Meta("s", "T", "", "1", "2024-01", "en-GB", "docs/factsheets/s.md", review_due)
    return m.Document(meta, tuple(blocks), ORG)


def para(text, line=5, *extra):
    return m.Paragraph((m.Text(text), *extra), "p", line)


def messages(document, names=()):
    findings = check_document(document, list(names), today=dt.date(2026, 11, 27))
    assert all(f.level == WARNING and f.path == "docs/factsheets/s.md" for f in findings)
    return [(f.line, f.message) for f in findings]


def test_a_long_sentence_is_named_with_its_line():
    long = "You can " + " ".join(["ask"] * 30) + "."
    assert (7, f'A sentence of 32 words: "{long[:60]}…"') in messages(doc(para("Short one. " + long, 7)))


def test_quotations_are_not_judged_they_cannot_be_reworded():
    quote = m.Quote((para(" ".join(["word"] * 40) + "."),), "11.1", "q", 3)
    assert messages(doc(quote)) == []


def test_capitals_and_unexplained_acronyms():
    found = messages(doc(para("WHAT IF I DO NOT AGREE? Ask IPSEA or your special educational needs (SEN) team about SEN and SEND.", 4)))
    assert any("Words in capitals" in message for _, message in found)
    acronyms = [message for _, message in found if "not explained" in message]
    assert acronyms == ['"IPSEA" is not explained where it is first used.']


def test_glossary_names_count_as_explained():
    assert messages(doc(para("Ask for an EHC plan.")), ["EHC plan"]) == []


def test_vague_link_text_and_image_without_alt():
    link = m.Link("http://x", (m.Text("click here"),))
    figure = m.Figure(m.Image("map.png", "", 9), "f", 9)
    found = messages(doc(para("To find out more ", 8, link), figure))
    assert (8, 'A link says only "click here".') in found
    assert (9, "The image map.png has no alt text.") in found


def test_review_date_passed():
    assert (1, "The review date, June 2024, has passed.") in messages(doc(para("Fine."), review_due="2024-06"))
    assert messages(doc(para("Fine."), review_due="2027-06")) == []


def test_sentences_split_on_full_stops_not_on_references():
    assert sentences("See section 11.1 of the Code. Then ask.") == ["See section 11.1 of the Code.", "Then ask."]


def test_a_vague_link_and_an_acronym_in_a_table_cell_are_found():
    """Table cells were skipped by the old hand-written walks; the one walk sees into them."""
    cell = (m.Link("https://example.org", (m.Text("click here"),)),)
    table = m.Table(((m.Text("What"),),), ((cell,), ((m.Text("Ask the LA"),),)), "t", 9)
    found = messages(doc(table))
    assert (9, 'A link says only "click here".') in found
    assert (9, '"LA" is not explained where it is first used.') in found


def test_hard_reading_is_explained_in_plain_words():
    legal = ("Notwithstanding the aforementioned statutory obligations, the local authority's determination "
             "regarding educational provision necessitates comprehensive multidisciplinary consideration. ") * 6
    section = [message for _, message in messages(doc(para(legal, 3))) if "hard to read" in message]
    assert section and all("out of 100, where higher is easier and plain English aims for 60 or more" in s for s in section)
    assert all("about the years of schooling a reader needs" in s for s in section)
    [review] = [f.fix for f in check_document(doc(para("Fine."), review_due="2024-06"), [], today=dt.date(2026, 11, 27))]
    assert "between the two --- at the top of the factsheet" in review
def test_the_rules_run_only_for_english():
    from dataclasses import replace

    from factsheets.validators.plain_english import has_rules

    long = "Dyma " + " ".join(["frawddeg"] * 30) + ". SEN A DIM OND PRIFLYTHRENNAU."
    welsh = doc(para(long, 7))
    welsh = replace(welsh, meta=replace(welsh.meta, language="cy"))
    assert messages(welsh) == []
    assert has_rules("en-GB") and has_rules("en") and not has_rules("cy") and not has_rules("zh-Hans")
    no_alt = replace(welsh, blocks=(m.Figure(m.Image("x.png", "", 9), "f", 9),))
    assert messages(no_alt) == [(9, "The image x.png has no alt text.")]  # missing in any language
