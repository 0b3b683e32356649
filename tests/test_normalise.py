"""The speech script's normalisation: what a person reading aloud would say."""

from pathlib import Path

import pytest

from factsheets.errors import SourceError
from factsheets.writers.audio.lexicon import Entry, Lexicon, load_lexicon
from factsheets.writers.audio.normalise import Normaliser

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def say():
    normaliser = Normaliser(load_lexicon(REPO / "glossary" / "lexicon.yml"))
    return lambda text: normaliser.speak(text).text


@pytest.mark.parametrize("written, spoken", [
    ("Call 01225 394382 today", "Call 0 1 2 2 5, 3 9 4 3 8 2 today"),
    ("Text 07530 263401.", "Text 0 7 5 3 0, 2 6 3 4 0 1."),
    ("ring 01225394382", "ring 0 1 2 2 5, 3 9 4 3 8 2"),
    ("ring 0207 946 0000", "ring 0 2 0 7, 9 4 6, 0 0 0 0"),
    ("ring 02079460000", "ring 0 2 0, 7 9 4 6, 0 0 0 0"),
    ("ring +44 1225 394382", "ring plus 4 4, 1 2 2 5, 3 9 4 3 8 2"),
])
def test_phone_numbers_are_read_in_digit_groups(say, written, spoken):
    assert say(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("10.00am – 3.00pm Monday to Friday", "10 a.m. to 3 p.m. Monday to Friday"),
    ("open 9am-5pm", "open 9 a.m. to 5 p.m."),
    ("at 12.30pm", "at 12 30 p.m."),
    ("at 9.05 am", "at 9 oh 5 a.m."),
    ("from 10:15am to 4pm", "from 10 15 a.m. to 4 p.m."),
])
def test_times_and_ranges(say, written, spoken):
    assert say(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("www.spsbathnes.org.uk", "w w w dot s p s bath n e s dot org dot u k"),
    ("http://www.spsbathnes.org.uk/", "w w w dot s p s bath n e s dot org dot u k"),
    ("at www.ipsea.org.uk.", "at w w w dot ip see ah dot org dot u k."),
    ("https://livewell.bathnes.gov.uk/send", "live well dot bath n e s dot gov dot u k slash send"),
    ("www.contact.org.uk/", "w w w dot contact dot org dot u k"),
    ("www.gov.uk/government/publications/send-code-of-practice-0-to-25",
     "w w w dot gov dot u k slash government slash publications slash send dash code dash of dash practice dash 0 dash to dash 25"),
])
def test_web_addresses_are_read_to_be_typed(say, written, spoken):
    assert say(written) == spoken


def test_email_addresses(say):
    assert say("send_partnershipservice@bathnes.gov.uk") == "send underscore partnership service at bath n e s dot gov dot u k"
    assert say("Email jo.bloggs@example.com now") == "Email jo dot bloggs at example dot com now"


@pytest.mark.parametrize("written, spoken", [
    ("(11.1)", "(section 11.1)"),
    ("as the Code says (11.45).", "as the Code says (section 11.45)."),
    ("sections 11.2 and 11.67 to 11.111", "sections 11.2 and 11.67 to 11.111"),
])
def test_references(say, written, spoken):
    assert say(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("children with SEN", "children with S E N"),
    ("an EHC plan", "an E H C plan"),
    ("clinical commissioning groups (CCGs)", "clinical commissioning groups (C C G's)"),
    ("the CCG must", "the C C G must"),
    ("ask the SENCO", "ask the SENCO"),  # said as a word by the engine; the transcript keeps the capitals
    ("the SEND Partnership Service", "the SEND Partnership Service"),
    ("Bath & North East Somerset", "Bath and North East Somerset"),
    ("sent to SENDIASS", "sent to SENDIASS"),  # not a lexicon word: untouched
    ("school/college and/or nursery", "school or college and or nursery"),
    ("free – and confidential", "free, and confidential"),
    ("“best endeavours”", '"best endeavours"'),
])
def test_lexicon_and_words(say, written, spoken):
    assert say(written) == spoken


def test_symbols_are_named_and_other_scripts_skipped_with_a_note():
    normaliser = Normaliser(Lexicon())
    spoken = normaliser.speak("Tick ✓ here. مرحبا friend")
    assert "check mark" in spoken.text
    assert "مرحبا" not in spoken.text and "friend" in spoken.text
    assert [u.text for u in spoken.unsayable] == ["✓", "مرحبا"]
    assert spoken.unsayable[1].replacement == ""


def test_lexicon_matches_whole_words_only():
    lexicon = Lexicon([Entry("SEN", "S E N", 1)])
    assert lexicon.apply("SEN SENT SENCO SENs") == "S E N SENT SENCO S E N's"


@pytest.mark.parametrize("text, line", [
    ("SEN: S E N\nEHC:\n", 2),
    ("SEN: S E N\nEHC: [E, H, C]\n", 2),
    ("SEN: S E N\n\nSEN: sen\n", 3),
    ("SEN: S E N\nCCG: 3\n", 2),
    ("- SEN\n", 1),
    ("SEN: S E N\nEHC: E H C: x\n", 2),
])
def test_malformed_lexicon_entry_is_an_error_with_file_and_line(tmp_path, text, line):
    path = tmp_path / "lexicon.yml"
    path.write_text(text)
    with pytest.raises(SourceError) as error:
        load_lexicon(path, "glossary/lexicon.yml")
    assert error.value.location.path == "glossary/lexicon.yml"
    assert error.value.location.line == line


def test_the_project_lexicon_loads():
    lexicon = load_lexicon(REPO / "glossary" / "lexicon.yml")
    assert lexicon.has("SEN") and lexicon.has("bathnes")
