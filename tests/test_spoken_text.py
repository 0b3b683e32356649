"""What the voice is given, read back (issue 25's audio round trip): no symbol a voice drops."""

import json
from pathlib import Path

import pytest

from factsheets.project import load_project
from factsheets.validators.spoken_text import check_sentences_file, check_spoken
from factsheets.writers.audio.lexicon import load_lexicon
from factsheets.writers.audio.normalise import Normaliser
from factsheets.writers.audio.script import build_script

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent
# Every project of the test fixtures that loads as it is (site-second is a second site with no
# organisation of its own; voices needs a Piper voice copied in, tests/test_piper.py reads its
# audio), and the project's own factsheets: every language they hold.
PROJECTS = [p.parent for p in sorted(FIXTURES.glob("*/mkdocs.yml")) if p.parent.name not in ("site-second", "voices")] + [ROOT]


@pytest.fixture(scope="module")
def languages_document():
    return next(d for d in load_project(FIXTURES / "languages").documents if d.meta.language == "pl")


def spoken(root: Path, document) -> list[tuple[str, str]]:
    script = build_script(document, Normaliser(load_lexicon(root / "glossary" / "lexicon.yml"), document.meta.language))
    return [(u.block_id, u.text) for section in script.sections for u in section.utterances]


@pytest.mark.parametrize("root", PROJECTS, ids=lambda p: p.name)
def test_no_factsheet_in_any_language_gives_its_voice_a_symbol_it_would_drop(root):
    documents = load_project(root).documents
    assert documents
    for document in documents:
        assert check_spoken(spoken(root, document), document) == [], document.meta.slug


def test_a_symbol_in_the_spoken_text_fails_with_the_factsheets_line(languages_document):
    paragraph = next(b for b in languages_document.blocks if b.id and getattr(b, "line", None) and type(b).__name__ == "Paragraph")
    findings = check_spoken([(paragraph.id, "Napisz na a_b@x.org, koszt £5 i 1,250 zł."), (f"{paragraph.id}-s2", "a/b & c")], languages_document)
    assert [(f.line, f.message.split(" it would")[0]) for f in findings] == [
        (paragraph.line, "the voice is given an underscore"), (paragraph.line, "the voice is given an at sign"),
        (paragraph.line, "the voice is given a pound sign"), (paragraph.line, "the voice is given the number '1,250' with a thousands separator"),
        (paragraph.line, "the voice is given a slash"), (paragraph.line, "the voice is given an ampersand"),
    ]
    assert all(f.path == languages_document.meta.source and f.level == "failure" for f in findings)


def test_the_check_reads_the_audios_sentence_timings_file(tmp_path, languages_document):
    path = tmp_path / "sample-sentences.json"
    path.write_text(json.dumps({"audio": "x.mp3", "sentences": [{"block": "title", "text": "Zadzwoń: info@x.org", "start": 0, "end": 1}]}), encoding="utf-8")
    assert [f.message for f in check_sentences_file(path, languages_document)] == [
        "the voice is given an at sign it would drop or misread: '…Zadzwoń: info@x.org…'"]
    path.write_text(json.dumps({"audio": "x.mp3", "sentences": [{"block": "title", "text": "Zadzwoń: info małpa x kropka org", "start": 0, "end": 1}]}), encoding="utf-8")
    assert check_sentences_file(path, languages_document) == []


@pytest.fixture(scope="module")
def send_document(built_project, send_entry):
    return next(d for d in load_project(built_project).documents if d.meta.slug == send_entry["slug"])


@pytest.mark.engines
def test_the_built_audios_spoken_text_passes_and_a_symbol_put_in_it_fails(built_project, send_entry, send_document, tmp_path):
    built = built_project / "build" / send_entry["formats"]["audio_sentences"]
    assert check_sentences_file(built, send_document) == []
    data = json.loads(built.read_text(encoding="utf-8"))
    data["sentences"][-1]["text"] += " Email info_send@example.org."
    faulty = tmp_path / "faulty-sentences.json"
    faulty.write_text(json.dumps(data), encoding="utf-8")
    assert [f.message.split(" it would")[0] for f in check_sentences_file(faulty, send_document)] == [
        "the voice is given an underscore", "the voice is given an at sign"]


@pytest.fixture(scope="module")
def abbreviations_document(tmp_path_factory):
    from constructs_project import constructs_project

    return load_project(constructs_project(tmp_path_factory.mktemp("constructs") / "project")).documents[0]


# Said as no reader would: a label twice at a sentence's start, a meaning inside its abbreviation's phrase.
@pytest.mark.parametrize("text, fault", [
    ("Important: Important:", "the voice says 'Important' twice"),
    ("Important: Important information.", "the voice says 'Important' twice"),
    ("Note: Note.", "the voice says 'Note' twice"),
    ("Pwysig: pwysig.", "the voice says 'Pwysig' twice"),
    ("Quotation: Quotation from paragraph 11.1:", "the voice says 'Quotation' twice"),
    ("The S E N C O, the Special Educational Needs Coordinator, arranges the review.", "the voice says an abbreviation's meaning inside its phrase"),
    ("Ask your S E N C O, Special Educational Needs Coordinator, today.", "the voice says an abbreviation's meaning inside its phrase"),
    ("Important: Time limits.", None),
    ("Note: Notes are read after the paragraph.", None),
    ("The Special Educational Needs Coordinator (S E N C O) arranges the review.", None),
    ("Ask the S E N C O, the Special Educational Needs Coordinator.", None),  # the whole noun phrase, then its meaning
])
def test_a_label_said_twice_or_a_meaning_inside_its_phrase_fails(abbreviations_document, text, fault):
    findings = check_spoken([("top-p1", text)], abbreviations_document)
    assert [f.message.split(":")[0] for f in findings] == ([fault] if fault else [])
    assert all(f.line == 8 for f in findings)
