"""English inside a translation's sentence (writers/audio/language_runs.py): one utterance a
language run, each by its language's rules and voice, one paragraph in the transcript."""

from factsheets import model as m
from factsheets.writers.audio.language_runs import inline_runs, merged
from factsheets.writers.audio.lexicon import Lexicon
from factsheets.writers.audio.normalise import Normaliser
from factsheets.writers.audio.script import ScriptBuilder
from factsheets.writers.audio.utterances import Script, Section


def english(text: str) -> m.Span:
    return m.Span("en-GB", "ltr", (m.Text(text),))


def welsh_builder(*blocks: m.Block) -> ScriptBuilder:
    meta = m.Meta("t-cy", "Teitl", "Crynodeb.", "1", "2024-03", "cy", "docs/factsheets/t-cy.md")
    return ScriptBuilder(m.Document(meta, blocks, None), Normaliser(Lexicon(), "cy"))


def test_runs_follow_the_spans_languages_through_bold_and_a_span_of_the_documents_own_language_is_not_a_run():
    nodes = (m.Text("Ffoniwch "), m.Strong((english("Monday"),)), m.Span("cy", "ltr", (m.Text(" neu"),)), m.Text(" ddydd Llun."))
    assert inline_runs(nodes, "cy") == [("", [m.Text("Ffoniwch ")]), ("en-GB", [m.Text("Monday")]),
                                        ("", [m.Text(" neu"), m.Text(" ddydd Llun.")])]


def test_punctuation_alone_is_said_with_a_neighbouring_run():
    assert merged([("", "Ffoniwch ni "), ("en-GB", "10.00am – 3.00pm"), ("", ".")]) == [("", "Ffoniwch ni "), ("en-GB", "10.00am – 3.00pm.")]
    assert merged([("", "("), ("en-GB", "Monday"), ("", ") ")]) == [("en-GB", "(Monday) ")]
    # A stop after English words is said by the English voice, as the end of them; the next run starts at its words.
    assert merged([("", "Informator "), ("en-GB", "SEND Partnership Service"), ("", ". Wersja 1.")]) == [
        ("", "Informator "), ("en-GB", "SEND Partnership Service."), ("", " Wersja 1.")]


def test_a_welsh_sentence_with_english_details_is_said_in_runs_each_by_its_own_rules():
    paragraph = m.Paragraph((m.Text("Ffoniwch ni rhwng "), english("10.00am – 3.00pm Monday to Friday"), m.Text(", neu e-bostiwch "),
                             m.Strong((english("SEND Partnership Service"),)), m.Text(".")), "p1", 3)
    builder = welsh_builder(paragraph)
    said = builder.block(paragraph, None)
    assert [(u.language, u.text, u.runs_on, u.pause_after) for u in said] == [
        ("", "Ffoniwch ni rhwng", False, 0.0),
        ("en-GB", "10 a.m. to 3 p.m. Monday to Friday,", True, 0.0),  # the English rules for times; its comma ends its words
        ("", "neu e-bostiwch", True, 0.0),
        ("en-GB", "SEND Partnership Service.", True, 0.5),
    ]
    assert {u.block_id for u in said} == {"p1"}
    assert Script([Section("s", "S", said)]).transcript() == (
        "[1. S]\nFfoniwch ni rhwng 10 a.m. to 3 p.m. Monday to Friday, neu e-bostiwch SEND Partnership Service.\n")
    assert builder.warnings == []


def test_a_paragraph_in_one_language_is_one_utterance_in_it():
    welsh = m.Paragraph((m.Text("Gallwn eich helpu."),), "p1")
    all_english = m.Paragraph((m.Strong((english("SEND Partnership Service"),)), m.Text(" ")), "p2")
    builder = welsh_builder(welsh, all_english)
    assert [(u.language, u.text, u.runs_on) for u in builder.block(welsh, None)] == [("", "Gallwn eich helpu.", False)]
    assert [(u.language, u.text, u.runs_on) for u in builder.block(all_english, None)] == [("en-GB", "SEND Partnership Service.", False)]


def test_a_list_item_with_english_words_keeps_its_runs_numbered_and_ended():
    item = m.ListItem((m.Paragraph((m.Text("Oriau: "), english("9am to 5pm")), "i1"),))
    listed = m.ListBlock(True, (item, m.ListItem((m.Paragraph((m.Text("Dydd Llun"),), "i2"),))), 1, "l1", 5)
    said = welsh_builder(listed).block(listed, None)
    assert [(u.language, u.text, u.shown, u.block_id) for u in said] == [
        ("", "1. Oriau:", "1. Oriau:", "i1"), ("en-GB", "9 a.m. to 5 p.m.", " 9 a.m. to 5 p.m.", "i1"), ("", "2. Dydd Llun.", "2. Dydd Llun.", "i2")]
    assert [u.pause_after for u in said] == [0.0, 0.35, 0.5]
