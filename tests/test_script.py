"""The speech script: what is said for each kind of block, and what the transcript shows."""

import pytest

from conftest import FIXTURES, copy_project
from factsheets.project import load_project
from factsheets.writers.audio import AudioWriter
from factsheets.writers.audio.titles import one_line

FRONT = "---\ntitle: A test factsheet\nsummary: For the speech script's tests.\nversion: 1\ndate: 2024-03\n---\n\n"
TERMS = {
    "senco.md": '---\nterm: "Special Educational Needs Coordinator (SENCO)"\naliases:\n  - "Special Educational Needs Coordinator"\n'
                'spoken: "Special Educational Needs Coordinator, or SENCO"\n---\n\nA teacher who co-ordinates help.\n',
    "tribunal.md": '---\nterm: "First Tier Tribunal (SEN and disability)"\naliases:\n  - "SEND Tribunal"\n'
                   'spoken: "First Tier Tribunal, for S E N and disability"\n---\n\nA legal body that hears appeals.\n',
}


@pytest.fixture
def script_of(tmp_path):
    """Markdown body -> (engine texts, transcript) of its script, with a small project around it."""
    root = copy_project(tmp_path / "project", FIXTURES / "small")
    for name, text in TERMS.items():
        (root / "glossary" / name).write_text(text)
    (root / "glossary" / "lexicon.yml").write_text("SEN: S E N\nIPSEA: ipseea\n")

    def make(body: str):
        (root / "docs" / "factsheets" / "short.md").write_text(FRONT + body)
        document = load_project(root).documents[0]
        script = AudioWriter().script(document, {"project_root": root})
        said = [u.text for s in script.sections for u in s.utterances]
        return said, script.transcript()

    return make


@pytest.mark.parametrize("body, author_wrote, pushed_in", [
    ("Talk to the [[Special Educational Needs Coordinator]] or the Headteacher.\n",
     "Talk to the Special Educational Needs Coordinator or the Headteacher.", "Coordinator, or SENCO or"),
    ("Appeal to the [[First Tier Tribunal (SEN and disability)]] you first.\n",
     "Appeal to the First Tier Tribunal (S E N and disability) you first.", "Tribunal, for S E N"),
    ("Ask the [[SEND Tribunal|tribunal]] now.\n", "Ask the tribunal now.", "for S E N"),
])
def test_running_text_keeps_the_words_the_author_wrote(script_of, body, author_wrote, pushed_in):
    said, transcript = script_of(body)
    assert author_wrote in said
    sentence = said.index(author_wrote)
    assert pushed_in not in said[sentence], said[sentence]  # (the glossary section may say it)


def test_the_glossary_says_a_term_by_its_spoken_form_and_shows_it_as_written(script_of):
    said, transcript = script_of("Ask the [[SEND Tribunal]] and the [[Special Educational Needs Coordinator]].\n")
    assert "First Tier Tribunal, for S E N and disability." in said
    assert "Special Educational Needs Coordinator, or SENCO." in said
    assert "\nFirst Tier Tribunal (SEN and disability).\n" in transcript
    assert "\nSpecial Educational Needs Coordinator (SENCO).\n" in transcript


def test_a_nested_list_is_announced_with_its_length_and_read_in_order(script_of):
    said, transcript = script_of("You can:\n\n- ask for help\n- go to a meeting:\n    - with a friend\n    - with notes\n- call us\n")
    start = said.index("ask for help.")
    assert said[start:start + 5] == ["ask for help.", "go to a meeting, and under that, 2 points:", "with a friend.", "with notes.", "call us."]


def test_lists_nested_twice_and_ordered_lists(script_of):
    said, _ = script_of("1. First\n    - a point\n        - a detail\n2. Second\n")
    start = said.index("1. First, and under that, 1 point:")
    assert said[start:start + 4] == ["1. First, and under that, 1 point:", "a point, and under that, 1 point:", "a detail.", "2. Second."]


@pytest.mark.parametrize("body, opening", [
    ("The Code says:\n\n> Decisions should be made jointly.\n>\n> (11.1)\n", "Quotation from paragraph 11.1:"),
    ("> Decisions should be made jointly.\n>\n> (9.45)\n", "Quotation from paragraph 9.45:"),
    ("> Decisions should be made jointly.\n", "Quotation:"),
])
def test_a_quotation_is_opened_and_closed_and_named_as_the_website_names_it(script_of, body, opening):
    said, transcript = script_of(body)
    start = said.index(opening)
    assert said[start:start + 3] == [opening, "Decisions should be made jointly.", "End of quotation."]
    assert "from section" not in transcript


@pytest.mark.parametrize("written, said_text, shown", [
    ("SEN support replaces Early Years Action/Action Plus.", "S E N support replaces Early Years Action, Action Plus.",
     "SEN support replaces Early Years Action/Action Plus."),
    ("Ask the Headteacher/SENCO.", "Ask the Headteacher, SENCO.", "Ask the Headteacher/SENCO."),
    ("Ask the school/college.", "Ask the school or college.", "Ask the school or college."),
])
def test_a_slash_between_names_is_a_pause_not_or(script_of, written, said_text, shown):
    said, transcript = script_of(written + "\n")
    assert said_text in said
    assert "\n" + shown + "\n" in transcript


def test_the_transcript_shows_lexicon_words_as_written(script_of):
    said, transcript = script_of("Contact IPSEA about SEN.\n")
    assert "Contact ipseea about S E N." in said
    assert "\nContact IPSEA about SEN.\n" in transcript
    assert "ipseea" not in transcript and "S E N" not in transcript


@pytest.mark.parametrize("written, expected", [
    ("First\nSecond", "First Second"),
    ("A\r\n\r\n2\n00:00:00.000 --> 00:01:00.000\nforged", "A 2 00:00:00.000 --> 00:01:00.000 forged"),
    ("Tab\tand\x00NUL\x1b[31m", "Tab and NUL [31m"),
    ("Line\u2028separator\u2029and\u0085next", "Line separator and next"),
    ("Right\u202eto left\u2066isolate\u2069", "Rightto leftisolate"),
    ("  spaced   out  ", "spaced out"),
])
def test_one_line_leaves_no_line_break_or_control_character(written, expected):
    assert one_line(written) == expected


def test_the_audio_check_expects_the_chapters_the_script_makes_without_asking_the_writer():
    from factsheets import model as m
    from factsheets.transforms import contact_box
    from factsheets.validators.audio import expected_chapters
    from factsheets.writers.audio.lexicon import Lexicon
    from factsheets.writers.audio.normalise import Normaliser
    from factsheets.writers.audio.script import build_script

    organisation = m.Organisation("Service", "Advice", "01225 394382", "", None, "a@b.c", "http://x", None, (), None, "d", "f", "s")
    meta = m.Meta("s", "A title", "Summary", "1", "2024-01", "en-GB", "docs/factsheets/s.md")
    blocks = (contact_box(meta, organisation, "start"), m.Heading(2, (m.Text("About"),), "about"),
              m.Paragraph((m.Text("Words."),), "p1"), m.Heading(2, (m.Text("Glossary"),), "glossary"),
              m.Heading(3, (m.Text("Tribunal"),), "glossary-tribunal"),
              m.GlossaryEntry("tribunal", "Tribunal", None, (m.Paragraph((m.Text("A court."),), "p1"),), "definition-tribunal"),
              contact_box(meta, organisation, "end"))
    document = m.Document(meta, blocks, organisation)
    titles = [section.title for section in build_script(document, Normaliser(Lexicon())).sections]
    assert expected_chapters(document) == titles == ["A title", "About", "Glossary", "Contact details"]


def test_and_or_is_said_as_people_say_it_and_shown_as_said(script_of):
    # The transcript is the readable form of what is said (issue 27): "and or", as "w/c" is "week commencing".
    said, transcript = script_of("Children with needs and/or disabilities.\n")
    assert "Children with needs and or disabilities." in said
    assert "\nChildren with needs and or disabilities.\n" in transcript


def test_a_paragraph_after_an_inner_list_is_said_after_its_points(script_of):
    said, transcript = script_of("- Fruit:\n\n    - apples\n    - pears\n\n    Eat them daily.\n\n- Bread\n")
    start = said.index("Fruit, and under that, 2 points:")
    assert said[start:start + 5] == ["Fruit, and under that, 2 points:", "apples.", "pears.", "Eat them daily.", "Bread."]
    assert transcript.index("pears.") < transcript.index("Eat them daily.")


def test_a_call_out_with_no_title_of_its_own_is_announced_once(script_of):
    _, transcript = script_of("Text.\n\n!!! note\n    From Year 9, reviews look at adult life.\n\n!!! warning \"Time limits\"\n    Two months.\n")
    assert "\nNote.\n\nFrom Year 9, reviews look at adult life." in transcript and "Note: Note" not in transcript
    assert "\nImportant: Time limits.\n" in transcript


def test_the_script_is_made_once_a_document_and_again_when_the_lexicon_changes(tmp_path):
    # A build asks for it to plan the sections, and again to put them together at the end.
    root = copy_project(tmp_path / "project", FIXTURES / "small")
    lexicon = root / "glossary" / "lexicon.yml"
    lexicon.write_text("IPSEA: ipseea\n")
    document = load_project(root).documents[0]
    writer, options = AudioWriter(), {"project_root": root}
    first = writer.script(document, options)
    assert writer.script(document, options) is first
    lexicon.write_text("IPSEA: ip see ah\n")
    changed = writer.script(document, options)
    assert changed is not first and writer.script(document, options) is changed
    assert writer.script(load_project(root).documents[0], options) is not changed  # another document, though equal


def test_a_kept_script_goes_with_its_document(tmp_path):
    import gc

    from factsheets.writers import audio

    root = copy_project(tmp_path / "project", FIXTURES / "small")
    document = load_project(root).documents[0]
    AudioWriter().script(document, {"project_root": root})
    assert id(document) in audio._scripts
    key = id(document)
    del document
    gc.collect()
    assert key not in audio._scripts


def test_a_sentence_that_ends_with_its_scripts_own_stop_gets_no_full_stop():
    from factsheets.writers.audio.script import ScriptBuilder

    assert [ScriptBuilder.sentence(t) for t in ("এটি প্রথম বাক্য।", "ਇਹ ਵਾਕ ਹੈ।", "یہ جملہ ہے۔", "清楚了吗？", "Ready")] == [
        "এটি প্রথম বাক্য।", "ਇਹ ਵਾਕ ਹੈ।", "یہ جملہ ہے۔", "清楚了吗？", "Ready."]


# A call-out is announced and closed, as a quotation is; a title that is its weight's word is said once.
@pytest.mark.parametrize("body, said_in_order", [
    ('!!! warning "Time limits"\n    Two months.\n', ["Important: Time limits.", "Two months.", "End of important information."]),
    ('!!! warning "Important"\n    Two months.\n', ["Important.", "Two months.", "End of important information."]),
    ('!!! danger "Important:"\n    Two months.\n', ["Important:", "Two months.", "End of important information."]),
    ('!!! important "Important information"\n    Keep your letter.\n', ["Important information.", "Keep your letter.", "End of important information."]),
    ("!!! note\n    From Year 9, reviews look at adult life.\n", ["Note.", "From Year 9, reviews look at adult life.", "End of note."]),
    ('!!! tip "Before the meeting"\n    Write your questions down.\n', ["Note: Before the meeting.", "Write your questions down.", "End of note."]),
])
def test_a_call_out_is_announced_once_and_its_end_is_said(script_of, body, said_in_order):
    said, transcript = script_of("Text.\n\n" + body + "\nAfter.\n")
    start = said.index(said_in_order[0])
    assert said[start:start + 4] == said_in_order + ["After."]
    assert "Important: Important" not in transcript and "Note: Note" not in transcript


# A link with words is read by its words (the page's title), never its address; an address
# written as the link's words is read to be typed: in full when short, by its site when long.
@pytest.mark.parametrize("body, said", [
    ("Read [the tribunal's guide](https://www.gov.uk/courts-tribunals/first-tier-tribunal-special-educational-needs-and-disability).\n",
     "Read the tribunal's guide."),
    ("See [Apply for PIP](https://www.gov.uk/apply-for-pip) online.\n", "See Apply for PIP online."),
    ("Go to <https://www.gov.uk/courts-tribunals/first-tier-tribunal-special-educational-needs-and-disability>.\n",
     "Go to w w w dot gov dot u k (the full address is in the text)."),
    ("Go to <https://www.gov.uk/apply-for-pip>.\n", "Go to w w w dot gov dot u k slash apply hyphen for hyphen pip."),
    ("Visit [www.gov.uk/apply-for-pip](https://www.gov.uk/apply-for-pip).\n", "Visit w w w dot gov dot u k slash apply hyphen for hyphen pip."),
])
def test_a_link_is_read_by_its_words_and_an_address_as_a_person_reads_it(script_of, body, said):
    spoken, _ = script_of(body)
    assert said in spoken
