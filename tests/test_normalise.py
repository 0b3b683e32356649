"""The speech script's normalisation: what a person reading aloud would say."""

import subprocess

import pytest

from conftest import LEAFLET
from factsheets.errors import SourceError
from factsheets.writers.audio.amounts import number_words
from factsheets.writers.audio.lexicon import Entry, Lexicon, load_lexicon
from factsheets.writers.audio.normalise import Normaliser
from factsheets.writers.audio.utterances import Utterance

LEXICON = LEAFLET / "glossary" / "lexicon.yml"


@pytest.fixture(scope="module")
def say():
    normaliser = Normaliser(load_lexicon(LEXICON))
    return lambda text: normaliser.speak(text).text


# Sentences of the kinds UK council and charity leaflets print (money, opening hours,
# deadlines, helplines, legal references), each with what a person reading it aloud says.
# Every expected text was read by eye; a sample is checked through espeak-ng below.
CASES = [
    # currency
    ('The fee is £1 per session.', 'The fee is one pound per session.'),
    ('Council Tax for a Band D property is £1,200 a year.', 'Council Tax for a Band D property is one thousand two hundred pounds a year.'),
    ('A school meal costs £2.50 and milk is 50p.', 'A school meal costs two pounds fifty and milk is fifty pence.'),
    ('Free school meals are worth £2.41 a day.', 'Free school meals are worth two pounds forty-one a day.'),
    ('The care component is £28.70, £72.65 or £108.55 a week.', 'The care component is twenty-eight pounds seventy, seventy-two pounds sixty-five or one hundred and eight pounds fifty-five a week.'),
    ('The Household Support Fund gives up to £150 per household.', 'The Household Support Fund gives up to one hundred and fifty pounds per household.'),
    ('We have a budget of £1.5m for short breaks.', 'We have a budget of one point five million pounds for short breaks.'),
    ('The council spends £10k a year on transport.', 'The council spends ten thousand pounds a year on transport.'),
    ('Parking costs £1.20 for up to 2 hours.', 'Parking costs one pound twenty for up to 2 hours.'),
    ('Tickets cost £5–£10.', 'Tickets cost five pounds to ten pounds.'),
    ('Stamps cost 85p each.', 'Stamps cost eighty-five pence each.'),
    ("Carer's Allowance is £81.90 a week if you earn £151 or less.", "Carer's Allowance is eighty-one pounds ninety a week if you earn one hundred and fifty-one pounds or less."),
    ('A grant of £1,250.75 was paid.', 'A grant of one thousand two hundred and fifty pounds seventy-five was paid.'),
    ('The charge is £0.50 a page.', 'The charge is fifty pence a page.'),
    ('Pay £12.00 at the door.', 'Pay twelve pounds at the door.'),
    ('It costs 1p per text.', 'It costs one penny per text.'),
    ('The fund is worth £2,000,000.', 'The fund is worth two million pounds.'),
    # ranges
    ('You can read sections 9.45 – 9.52 of the Code.', 'You can read sections 9.45 to 9.52 of the Code.'),
    ('See paragraphs 11.21-11.25.', 'See paragraphs 11.21 to 11.25.'),
    ('See para 6.15 and paras 6.44–6.56.', 'See paragraph 6.15 and paragraphs 6.44 to 6.56.'),
    ('Young people aged 0-25 can get support.', 'Young people aged 0 to 25 can get support.'),
    ('Children aged 5–11 attend primary school.', 'Children aged 5 to 11 attend primary school.'),
    ('It takes 6—8 weeks.', 'It takes 6 to 8 weeks.'),
    ('We expect 10%-15% more requests.', 'We expect 10% to 15% more requests.'),
    ('Sections 11.67 to 11.111 cover complaints.', 'Sections 11.67 to 11.111 cover complaints.'),
    ('The 2023-24 school year.', 'The 2023 to 24 school year.'),
    # dates
    ('We are closed from 24 December to 2 January.', 'We are closed from 24th December to 2nd January.'),
    ('Applications close on 31/03/2024.', 'Applications close on 31st March 2024.'),
    ('The deadline is 2024-09-01.', 'The deadline is 1st September 2024.'),
    ('Term starts on 4th September.', 'Term starts on 4th September.'),
    ('The consultation runs from 1–28 February 2025.', 'The consultation runs from 1st to 28th February 2025.'),
    ('The plan was issued on March 3, 2023.', 'The plan was issued on March 3rd, 2023.'),
    ('Reviewed 06/2021.', 'Reviewed June 2021.'),
    ('The meeting is on Tues 5 March.', 'The meeting is on Tuesday 5th March.'),
    # times
    ('The offices are open Monday–Friday, 9am–5pm.', 'The offices are open Monday to Friday, 9 a.m. to 5 p.m.'),
    ('Open Mon-Fri 9-5pm.', 'Open Monday to Friday 9 a.m. to 5 p.m.'),
    ('Drop in sessions are 10:00am – 12:00pm.', 'Drop in sessions are 10 a.m. to 12 noon.'),
    ('The helpline is open 8am to 8pm.', 'The helpline is open 8 a.m. to 8 p.m.'),
    ('The meeting starts at 10.30.', 'The meeting starts at 10 30.'),
    ('At 10.30 the doors open.', 'At 10 30 the doors open.'),  # a capital at a sentence's start: read, not a crash
    ('Call between 9.30am and 4.30pm.', 'Call between 9 30 a.m. and 4 30 p.m.'),
    ('Lines open at 9.05 am.', 'Lines open at 9 oh 5 a.m.'),
    ('The clinic runs 2-4pm on Wednesdays.', 'The clinic runs 2 p.m. to 4 p.m. on Wednesdays.'),
    # phones
    ('Call us on 01225 394382.', 'Call us on oh 1 2 2 5, 3 9 4 3 8 2.'),
    ('Phone 0300 123 4567 for the helpline.', 'Phone oh 3 oh oh, 1 2 3, 4 5 6 7 for the helpline.'),
    ('Freephone 0800 288 8008.', 'Freephone oh 8 oh oh, 2 8 8, 8 oh oh 8.'),
    ('Call +44 (0)1225 394382 from abroad.', 'Call plus 4 4, 1 2 2 5, 3 9 4 3 8 2 from abroad.'),
    ('In an emergency call 999.', 'In an emergency call 9 9 9.'),
    ('For urgent medical help call NHS 111.', 'For urgent medical help call NHS 1 1 1.'),
    ('Text 07530 263401.', 'Text oh 7 5 3 oh, 2 6 3 4 oh 1.'),
    ('Call the Samaritans free on 116 123.', 'Call the Samaritans free on 1 1 6, 1 2 3.'),
    ('ring 01225394382', 'ring oh 1 2 2 5, 3 9 4 3 8 2'),
    ('ring 02079460000', 'ring oh 2 oh, 7 9 4 6, oh oh oh oh'),
    # emails
    ('Email send_partnershipservice@bathnes.gov.uk for help.', 'Email send underscore partnership service at bath n e s dot gov dot u k for help.'),
    ('Write to info@ipsea.org.uk.', 'Write to info at ipseea dot org dot u k.'),
    ('Email jo.bloggs@example.com now', 'Email jo dot bloggs at example dot com now'),
    ('Contact sendiass@somerset.gov.uk or call.', 'Contact sendiass at somerset dot gov dot u k or call.'),
    # web
    ('Visit www.ipsea.org.uk for advice.', 'Visit w w w dot ipseea dot org dot u k for advice.'),
    ('Go to https://www.gov.uk/children-with-special-educational-needs.', 'Go to w w w dot gov dot u k (the full address is in the text).'),
    ('See gov.uk/disability-living-allowance-children.', 'See gov dot u k slash disability hyphen living hyphen allowance hyphen children.'),
    ('Apply online at bathnes.gov.uk/apply.', 'Apply online at bath n e s dot gov dot u k slash apply.'),
    ('http://www.spsbathnes.org.uk/', 'w w w dot s p s bath n e s dot org dot u k'),
    ('https://livewell.bathnes.gov.uk/send', 'liv well dot bath n e s dot gov dot u k slash send'),
    ('www.contact.org.uk/', 'w w w dot contact dot org dot u k'),
    ('Find it at www.nhs.uk.', 'Find it at w w w dot n h s dot u k.'),
    # acronyms
    ("Ask your SENCO or the school's SEN team.", "Ask your SENCO or the school's S E N team."),
    ('Your child may have an EHC plan.', 'Your child may have an E H C plan.'),
    ('Some CCGs have merged.', "Some C C G's have merged."),
    ('Contact IPSEA for free legal advice.', 'Contact ipseea for free legal advice.'),
    ('the SEND Partnership Service', 'the SEND Partnership Service'),
    ('sent to SENDIASS', 'sent to SENDIASS'),
    ('The IAS service is free.', 'The I eh S service is free.'),  # "A" alone is said as the article
    # sections
    ('This is set out in section 42(2) of the Act.', 'This is set out in section 42 2 of the Act.'),
    ('See regulation 7(1)(a) of the SEND Regulations.', 'See regulation 7 1 eh of the SEND Regulations.'),
    ('Under s.19 of the Act the council must consider your views.', 'Under section 19 of the Act the council must consider your views.'),
    ('Read pp. 12–15 of the guide.', 'Read pages 12 to 15 of the guide.'),
    ('as the Code says (11.45).', 'as the Code says (paragraph 11.45).'),
    ('(11.1)', '(paragraph 11.1)'),
    ('Chapter 11 of the SEND Code of Practice', 'Chapter 11 of the SEND Code of Practice'),
    ('See p. 4 and Room No. 5.', 'See page 4 and Room number 5.'),
    # slashes
    ('SEN support replaces Early Years Action/Action Plus and School Action/Action Plus.', 'S E N support replaces Early Years Action, Action Plus and School Action, Action Plus.'),
    ('Talk to the school/college and/or nursery.', 'Talk to the school or college and or nursery.'),
    ('He/she should be invited.', 'He or she should be invited.'),
    ('About 3/4 of parents said yes.', 'About three quarters of parents said yes.'),
    ('The service is available 24/7.', 'The service is available 24 7.'),
    ('A parent/carer must sign.', 'A parent or carer must sign.'), ('Children with SEN/disability', 'Children with S E N or disability'),
    ('Open 9am/5pm.', 'Open 9 a.m. to 5 p.m.'), ('It is an either/or choice.', 'It is an either or choice.'),
    ('Funding for 2023/24 is set.', 'Funding for 2023 to 24 is set.'), ('Sessions run w/c 5 June.', 'Sessions run week commencing 5th June.'),
    ('S/he can attend, c/o the school.', 'She or he can attend, care of the school.'),
    # symbols
    ('Bath & North East Somerset Council', 'Bath and North East Somerset Council'),
    ('Waiting times are < 18 weeks.', 'Waiting times are less than 18 weeks.'),
    ('For children aged > 5.', 'For children aged more than 5.'),
    ('Marks & Spencer vouchers*', 'Marks and Spencer vouchers'),
    ('The process takes ~6 weeks.', 'The process takes about 6 weeks.'),
    ("Children's Centre → Family Hub", "Children's Centre to Family Hub"),
    ('i.e. the local authority', 'that is the local authority'),
    ('R (on the application of L) v Waltham Forest', 'R (on the application of L) versus Waltham Forest'),
    ("It's free – and confidential.", "It's free, and confidential."),
    ('Support for 1,250 families', 'Support for 1250 families'),
    ('“best endeavours”', '"best endeavours"'),
]


@pytest.mark.parametrize("written, spoken", CASES)
def test_written_text_is_said_as_a_person_would_say_it(say, written, spoken):
    assert say(written) == spoken


def test_the_table_covers_every_kind_with_enough_cases():
    assert len(CASES) >= 80
    assert len({written for written, _ in CASES}) == len(CASES)


@pytest.mark.parametrize("written, spoken", [
    ("Call 01225 394382 today", "Call oh 1 2 2 5, 3 9 4 3 8 2 today"),
    ("ring 0207 946 0000", "ring oh 2 oh 7, 9 4 6, oh oh oh oh"),
    ("ring +44 1225 394382", "ring plus 4 4, 1 2 2 5, 3 9 4 3 8 2"),
    ("at 12.30pm", "at 12 30 p.m."),
    ("from 10:15am to 4pm", "from 10 15 a.m. to 4 p.m."),
    ("open 9am-5pm", "open 9 a.m. to 5 p.m."),
    ("11-1pm", "11 a.m. to 1 p.m."),
    ("at 12am", "at midnight"),
    ("by 31.03.2024", "by 31st March 2024"),
    ("1,000,000 or 12,500.5", "1000000 or 12500.5"),
    ("based on 101 families", "based on 101 families"),
    ("ring 101 or call 111", "ring 1 oh 1 or call 1 1 1"),
])
def test_phone_numbers_and_times(say, written, spoken):
    assert say(written) == spoken


@pytest.mark.parametrize("number, words", [
    (0, "zero"), (1, "one"), (13, "thirteen"), (21, "twenty-one"), (100, "one hundred"), (105, "one hundred and five"),
    (1000, "one thousand"), (1050, "one thousand and fifty"), (1200, "one thousand two hundred"),
    (250_000, "two hundred and fifty thousand"), (1_000_001, "one million and one"), (3_000_000_000, "three billion"),
])
def test_numbers_in_words_as_said_in_britain(number, words):
    assert number_words(number) == words


@pytest.mark.parametrize("written, spoken", [
    ("£1", "one pound"), ("£2", "two pounds"), ("£1.01", "one pound and one penny"), ("£0.01", "one penny"), ("£ 3", "three pounds"),
    ("€2.50", "two euros fifty"), ("$1", "one dollar"), ("£3bn", "three billion pounds"), ("£2.5 million", "two point five million pounds"),
])
def test_money_of_every_shape(say, written, spoken):
    assert say(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("the Covid-19 rules", "the Covid-19 rules"),  # a word and a number: not a range
    ("a 3-year-old", "a 3-year-old"),
    ("a person-centred approach", "a person-centred approach"),
    ("send-code-of-practice-0-to-25", "send-code-of-practice-0-to-25"),  # "0-to": a dash, then a word
    ("You may 2 go", "You may 2 go"),  # "may" in lower case is not the month
    ("see paragraph 9.2.14", "see paragraph 9.2.14"),  # not a date
    ("the children's. 5 more", "the children's. 5 more"),  # not "s." for section
    ("in 2019,200 people", "in 2019,200 people"),  # not a thousands separator
])
def test_dashes_that_are_not_ranges_are_left_alone(say, written, spoken):
    assert say(written) == spoken


@pytest.mark.parametrize("written, engine, transcript", [
    ("children with SEN", "children with S E N", "children with SEN"),
    ("Some CCGs have merged.", "Some C C G's have merged.", "Some CCGs have merged."),
    ("Visit www.ipsea.org.uk", "Visit w w w dot ipseea dot org dot u k", "Visit w w w dot ipsea dot org dot u k"),
    ("School Action/Action Plus", "School Action, Action Plus", "School Action/Action Plus"),
    ("regulation 7(1)(a)", "regulation 7 1 eh", "regulation 7 1 a"),
])
def test_the_transcript_shows_words_as_written_where_the_engine_is_given_a_respelling(written, engine, transcript):
    spoken = Normaliser(load_lexicon(LEXICON)).speak(written)
    assert (spoken.text, spoken.shown) == (engine, transcript)


def test_marker_characters_in_a_source_cannot_forge_a_respelling():
    spoken = Normaliser(Lexicon()).speak("say \ue000nice\ue001rude\ue002 words")
    assert "rude" in spoken.text and "rude" in spoken.shown  # both sides see the same text
    assert [u.text for u in spoken.unsayable] == ["\ue000", "\ue001", "\ue002"]


def test_square_brackets_in_a_source_never_reach_the_engine_as_phonemes():
    spoken = Normaliser(Lexicon()).speak("see [[h@'l@U]] and [note]")
    assert "[" not in spoken.text and "]" not in spoken.text


@pytest.mark.engines
@pytest.mark.parametrize("written, phonemes", [
    ("£1", "w'0n p'aUnd"),  # not "p'aUnd w'0n", "pound one"
    ("£1,200", "w'0n T'aUz@nd t'u: h'VndrI2d p'aUndz"),
    ("£2.50 and 50p", "t'u: p'aUndz f'Ifti"),
    ("sections 9.45 – 9.52", "f'aIv t@ n'aIn"),  # "to" between the numbers
    ("at 10.30", "t'En T'3:ti"),  # not "ten point three zero"
    ("call 999", "n'aIn n'aIn n'aIn"),  # not "nine hundred and ninety-nine"
    ("regulation 7(1)(a) of the Act", "w'0n 'eI 0v"),  # the letter, not the article
])
def test_a_sample_is_said_right_by_espeak_ng(say, written, phonemes):
    said = subprocess.run(["espeak-ng", "-v", "en-gb", "-q", "-x", say(written)], capture_output=True, text=True, check=True).stdout
    assert phonemes in " ".join(said.split()), said


def test_symbols_are_named_and_other_scripts_skipped_with_a_note():
    normaliser = Normaliser(Lexicon())
    spoken = normaliser.speak("Tick ✓ here. مرحبا friend")
    assert "check mark" in spoken.text
    assert "مرحبا" not in spoken.text and "friend" in spoken.text
    assert [u.text for u in spoken.unsayable] == ["✓", "مرحبا"]
    assert spoken.unsayable[1].replacement == ""


def test_lexicon_matches_whole_words_only():
    lexicon = Lexicon([Entry("SEN", "S E N", 1)])
    normaliser = Normaliser(lexicon)
    assert normaliser.speak("SEN SENT SENCO SENs").text == "S E N SENT SENCO S E N's"
    assert normaliser.speak("SEN SENT SENCO SENs").shown == "SEN SENT SENCO SENs"


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
    lexicon = load_lexicon(LEXICON)
    assert lexicon.has("SEN") and lexicon.has("bathnes")


# Runs of dotted letters: espeak-ng 1.51 aborts on about 85 of them with nothing between
# but spaces or punctuation (writers/audio/dotted.py); a long run is spelt with spaces.
@pytest.mark.parametrize("written, engine", [
    ("See e.g. the U.K. rules, i.e. these.", "See e.g. the U.K. rules, i.e. these."),  # short runs: as written
    ("a." * 20, "a." * 20),  # the longest run left as it is
    ("a." * 21, " ".join("a" * 21) + "."),
    ("a." * 100, " ".join("a" * 100) + "."),
    ("Say " + "a.a. " * 43 + "now.", "Say " + " ".join("a" * 86) + ". now."),
    ("e.g. " * 30, " ".join("eg" * 30) + ". "),
    ("a.a.-" * 20 + "x", " ".join("a" * 40) + ".-x"),
    ("a." * 15 + "\n" + "a." * 15, "a." * 15 + "\n" + "a." * 15),  # a newline ends a run
    ("a." * 15 + " word " + "a." * 15, "a." * 15 + " word " + "a." * 15),  # so does a word
    ("ba." * 50, "ba." * 50),  # not single letters
])
def test_long_runs_of_dotted_letters_are_spelt_for_the_engine(written, engine):
    utterance = Utterance(written)
    assert utterance.text == engine
    assert utterance.shown == written  # the transcript keeps what was written


@pytest.mark.engines
@pytest.mark.parametrize("written", ["a." * 100, "a.a. " * 45, "e.g. " * 60, "a.a.; " * 45, "A." * 100])
def test_espeak_ng_is_never_given_a_run_that_crashes_it(written, tmp_path):
    wav = tmp_path / "x.wav"
    result = subprocess.run(["espeak-ng", "-q", "-w", str(wav), Utterance(written).text], capture_output=True)
    assert result.returncode == 0, result.stderr


# Red team, issue 27: a leaflet's "w/e", a relay service's prefix, and a slash said "or" shown as said.
@pytest.mark.parametrize("written, spoken", [
    ("Deliveries are made w/e 12 April.", "Deliveries are made week ending 12th April."),
    ("Timesheets for W/E 5 May", "Timesheets for Week ending 5th May"),
    ("Rota for w/e Friday", "Rota for week ending Friday"),
    ("use Relay UK: 18001 then 01454 868008.", "use Relay UK: 1 8 oh oh 1 then oh 1 4 5 4, 8 6 8 oh oh 8."),
    ("Call textphone 18001 0300 123 4567", "Call textphone 1 8 oh oh 1 oh 3 oh oh, 1 2 3, 4 5 6 7"),
    ("by minicom on 18002", "by minicom on 1 8 oh oh 2"),
])
def test_leaflet_abbreviations_and_relay_numbers(say, written, spoken):
    assert say(written) == spoken


@pytest.mark.parametrize("written, shown", [
    ("Talk to the school and/or nursery.", "Talk to the school and or nursery."),
    ("It is an either/or choice.", "It is an either or choice."),
    ("Visit us Tue/Thu.", "Visit us Tuesday and Thursday."),
])
def test_the_transcript_shows_a_slash_as_it_is_said(written, shown):
    spoken = Normaliser(load_lexicon(LEXICON)).speak(written)
    assert spoken.shown == spoken.text == shown
