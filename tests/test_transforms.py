import pytest

from factsheets import model as m
from factsheets.errors import SourceError
from factsheets.glossary import load_glossary
from factsheets.reader import parse_blocks
from factsheets.transforms import compose, resolve_terms

from conftest import LEAFLET

GLOSSARY = load_glossary(LEAFLET / "glossary", LEAFLET, [])


def resolve(text):
    blocks = parse_blocks(text, "f.md", 5, [])
    return resolve_terms(blocks, GLOSSARY, "f.md", text, 5)


def refs(blocks):
    out = []
    for block in blocks:
        out += [c for c in getattr(block, "children", ()) if isinstance(c, m.TermRef)]
    return out


def test_first_use_of_a_term_links_and_later_uses_do_not():
    blocks, used = resolve("An [[EHC plan]] here.\n\nAn [[EHCP]] there, and the [[Local Offer]].\n")
    assert [(r.term_id, r.first) for r in refs(blocks)] == [
        ("education-health-and-care-plan", True),
        ("education-health-and-care-plan", False),
        ("local-offer", True),
    ]
    assert used == ["education-health-and-care-plan", "local-offer"]


def test_an_undefined_term_is_an_error_naming_its_line():
    with pytest.raises(SourceError) as error:
        resolve("Fine.\n\nSee the [[Parent Carer Forum]].\n")
    assert str(error.value.location) == "f.md:7"
    assert "Parent Carer Forum" in error.value.message


def test_glossary_section_holds_only_the_terms_used_in_alphabetical_order():
    blocks, used = resolve("The [[SEN support]] and an [[EHC plan]].\n")
    composed = compose(blocks, GLOSSARY, used)
    entries = [b.term_id for b in composed if isinstance(b, m.GlossaryEntry)]
    assert entries == ["education-health-and-care-plan", "sen-support"]
    heading = next(b for b in composed if isinstance(b, m.Heading) and b.id == "glossary")
    assert heading.level == 2
    assert isinstance(composed[0], m.ContactDetails) and isinstance(composed[-1], m.ContactDetails)
