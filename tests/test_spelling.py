"""Web addresses and phone numbers (writers/audio/spelling.py), as a person reads them aloud
from a UK leaflet: a short address in full with "hyphen", a long one by its site and where the
full address is; a nought in a phone number "oh" in English, the digit in other languages."""

import pytest

from conftest import LEAFLET
from factsheets.writers.audio.lexicon import load_lexicon
from factsheets.writers.audio.normalise import Normaliser

LEXICON = load_lexicon(LEAFLET / "glossary" / "lexicon.yml")


def said(text: str, language: str = "en-GB") -> str:
    return Normaliser(LEXICON, language).speak(text).text


# Addresses from real UK leaflets (gov.uk, the NHS, councils, charities).
ADDRESSES = [
    ("Apply at www.gov.uk/apply-for-pip.", "Apply at w w w dot gov dot u k slash apply hyphen for hyphen pip."),
    ("See gov.uk/disability-living-allowance-children.", "See gov dot u k slash disability hyphen living hyphen allowance hyphen children."),
    ("Go to www.nhs.uk/conditions/autism.", "Go to w w w dot n h s dot u k slash conditions slash autism."),
    ("Visit bathnes.gov.uk/apply.", "Visit bath n e s dot gov dot u k slash apply."),
    ("Appeal at www.gov.uk/courts-tribunals/first-tier-tribunal-special-educational-needs-and-disability.",
     "Appeal at w w w dot gov dot u k (the full address is in the text)."),
    ("The Local Offer is at https://livewell.bathnes.gov.uk/special-educational-need-or-disability-send.",
     "The Local Offer is at liv well dot bath n e s dot gov dot u k (the full address is in the text)."),
    ("www.gov.uk/government/publications/send-code-of-practice-0-to-25",
     "w w w dot gov dot u k (the full address is in the text)"),
    ("See www.globalmediation.co.uk/service/special-educational-needs-disability/ for more.",
     "See w w w dot global mediation dot c o dot u k (the full address is in the text) for more."),
    ("www.contact.org.uk/", "w w w dot contact dot org dot u k"),
]


@pytest.mark.parametrize("written, spoken", ADDRESSES)
def test_a_short_address_is_said_in_full_and_a_long_one_by_its_site(written, spoken):
    assert said(written) == spoken


PHONES = [
    ("Call us on 01225 394382.", "Call us on oh 1 2 2 5, 3 9 4 3 8 2."),
    ("Phone 0300 123 4567.", "Phone oh 3 oh oh, 1 2 3, 4 5 6 7."),
    ("Freephone 0800 028 8022.", "Freephone oh 8 oh oh, oh 2 8, 8 oh 2 2."),
    ("Ring 020 7946 0000.", "Ring oh 2 oh, 7 9 4 6, oh oh oh oh."),
    ("Text 07700 900123.", "Text oh 7 7 oh oh, 9 oh oh 1 2 3."),
    ("From abroad call +44 (0)1225 394382.", "From abroad call plus 4 4, 1 2 2 5, 3 9 4 3 8 2."),
    ("For the police call 101.", "For the police call 1 oh 1."),
]


@pytest.mark.parametrize("written, spoken", PHONES)
def test_a_nought_in_a_phone_number_is_oh_in_english(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("language, spoken", [
    ("cy", "0 1 2 2 5, 3 9 4 3 8 2"), ("pl", "0 1 2 2 5, 3 9 4 3 8 2"), ("ar", "0 1 2 2 5, 3 9 4 3 8 2"),
    ("fr", "0 1 2 2 5, 3 9 4 3 8 2"),  # no word list of its own: English's words, not its "oh"
    ("en-US", "0 1 2 2 5, 3 9 4 3 8 2"),  # American callers say "zero"
    ("en", "oh 1 2 2 5, 3 9 4 3 8 2"), ("en-gb", "oh 1 2 2 5, 3 9 4 3 8 2"),
])
def test_other_languages_and_other_englishes_keep_the_digit_for_a_nought(language, spoken):
    assert said("01225 394382", language) == spoken


@pytest.mark.parametrize("language, spoken", [
    ("cy", "w w w dot gov dot u k (mae'r cyfeiriad llawn yn y testun)"),
    ("pl", "w w w kropka gov kropka u k (pełny adres jest w tekście)"),
    ("zh-Hans", "w w w 点 gov 点 u k（完整网址见正文）"),
])
def test_every_language_says_where_a_long_address_is_in_its_own_words(language, spoken):
    assert said("www.gov.uk/courts-tribunals/first-tier-tribunal-special-educational-needs-and-disability", language) == spoken


def test_a_short_address_in_another_language_says_its_word_for_the_hyphen():
    assert said("www.bathnes.gov.uk/send-help", "cy") == "w w w dot bathnes dot gov dot u k slaes send cysylltnod help"


@pytest.mark.parametrize("written, spoken", [
    ("Call 0300 123 4567 ext. 234. Then wait.", "Call oh 3 oh oh, 1 2 3, 4 5 6 7, extension 2 3 4. Then wait."),
    ("Call 0300 123 4567 extension 12 now", "Call oh 3 oh oh, 1 2 3, 4 5 6 7, extension 1 2 now"),
    ("Call 01225 394382, ext 2001.", "Call oh 1 2 2 5, 3 9 4 3 8 2, extension 2 oh oh 1."),
    ("Call (0117) 922 2000 now.", "Call oh 1 1 7, 9 2 2, 2 oh oh oh now."),
    ("(01225) 394382", "oh 1 2 2 5, 3 9 4 3 8 2"),
    ("London (020) 7946 0000.", "London oh 2 oh, 7 9 4 6, oh oh oh oh."),
])
def test_an_extension_and_an_area_code_in_brackets_are_part_of_the_number(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken, shown", [
    ("Bath BA1 5AW.", "Bath B eh 1, 5 eh W.", "Bath BA1 5AW."),  # an English voice says a lone "A" as the article
    ("Send to SW1A 1AA", "Send to S W 1 eh, 1 eh eh", "Send to SW1A 1AA"),
    ("Manchester M1 1AE", "Manchester M 1, 1 eh E", "Manchester M1 1AE"),
])
def test_a_postcode_is_spelt(written, spoken, shown):
    said_text = Normaliser(LEXICON).speak(written)
    assert (said_text.text, said_text.shown) == (spoken, shown)
