"""Audio in community languages: the language's own espeak-ng voice, its letters kept, English
words said by the English voice, the MP3 tagged with the language's ISO 639-2 code."""

from __future__ import annotations

from dataclasses import replace

import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from conftest import FIXTURES
from factsheets.engines import speech
from factsheets.engines.espeak_voices import voice_for_language
from factsheets.i18n import gettext, iso639_2
from factsheets.project import load_project
from factsheets.validators.audio import expected_chapters
from factsheets.writers import defaults
from factsheets.writers.audio import AudioWriter
from factsheets.writers.audio.lexicon import Lexicon
from factsheets.writers.audio.normalise import Normaliser
from factsheets.writers.audio.script import build_script

LANGUAGES = FIXTURES / "languages"
# A few words of each sample's own text, which its transcript must say.
OWN_WORDS = {"cy": "Ffoniwch ein llinell gyngor", "pl": "Zadzwoń na naszą linię porad", "ar": "اتصل بخط المشورة",
             "ur": "ہماری مشورہ لائن", "zh-Hans": "请在2024年3月15日之前拨打我们的咨询热线"}


@pytest.fixture(scope="module")
def documents():
    return {d.meta.language: d for d in load_project(LANGUAGES).documents}


@pytest.mark.parametrize(("tag", "code"), [("en-GB", "eng"), ("cy", "cym"), ("pl", "pol"), ("ar", "ara"), ("ur", "urd"),
                                           ("zh-Hans", "zho"), ("so", "som"), ("ro", "ron"), ("fr", "fra"), ("de", "deu")])
def test_the_mp3_language_is_the_iso_639_2_terminology_code_from_babel(tag, code):
    assert iso639_2(tag) == code


def test_a_language_says_its_numbers_money_and_times_in_its_own_words():
    polish = Normaliser(Lexicon(), "pl").speak("Zadzwoń pod 01225 394382 przed 15 marca, 10.00am, £20 i/lub więcej.")
    assert polish.unsayable == [] and polish.missing == []
    assert polish.text == "Zadzwoń pod 0 1 2 2 5, 3 9 4 3 8 2 przed 15 marca, dziesięć zero zero rano, dwadzieścia funtów i lub więcej."
    arabic = Normaliser(Lexicon(), "ar").speak("اتصل بخط المشورة على الرقم 01225 394382")
    assert arabic.text == "اتصل بخط المشورة على الرقم 0 1 2 2 5, 3 9 4 3 8 2" and arabic.unsayable == []
    # English keeps its English rules.
    assert Normaliser(Lexicon()).speak("10.00am and/or £20").text == "10 a.m. and or twenty pounds"


@pytest.mark.parametrize("tag", ["cy", "pl", "ar", "ur", "zh-Hans"])
def test_each_transcript_says_the_languages_own_words_and_english_details_in_english(documents, tag):
    script = build_script(documents[tag], Normaliser(Lexicon(), tag))
    assert OWN_WORDS[tag] in script.transcript()
    # The advice line's hours ("10.00am"), left in English, are read by the English rules: no
    # warning that Urdu has no words for times, as there was when the Urdu voice read them.
    assert [w.message for w in script.warnings] == []
    contact = script.sections[-1]
    # The labels are the language's own (its catalogue); the details left in English, the English voice.
    advice_line = next(u for u in contact.utterances if u.block_id == "contact-end-item2-1")
    assert advice_line.language == "" and any(u.language == "en-GB" for u in contact.utterances)
    assert all(u.language == "" for section in script.sections[1:-1] for u in section.utterances)


def test_the_english_voice_mkdocs_yml_names_is_given_to_the_sections_that_say_english_words(documents):
    writer, document = AudioWriter(), documents["cy"]
    options = {"voices": {"en": {"engine": "espeak-ng", "voice": "en-us"}}}
    tasks = writer.section_tasks(document, writer.script(document, options), options)
    # Only the introduction (the title line names the organisation) and the contact details hold
    # English (the organisation's details cy does not translate): the other sections' cache keys
    # do not change with the English voice.
    english = (("en-GB", speech.VoiceSettings("en-us")),)
    assert [task.other_voices for task in tasks] == [english, (), english]
    assert {writer.part_group(task) for task in tasks} == {speech.ESPEAK}
    piper = speech.VoiceSettings("en_US-joe-medium", engine=speech.PIPER, model="voices/en_US-joe-medium.onnx")
    assert writer.part_group(replace(tasks[-1], other_voices=(("en-GB", piper),))) == speech.PIPER  # its memory is Piper's


@pytest.mark.engines
@pytest.mark.parametrize(("tag", "voice"), [("en-GB", "en-gb"), ("cy", "cy"), ("pl", "pl"), ("ar", "ar"), ("ur", "ur"),
                                            ("zh-Hans", "cmn-latn-pinyin")])
def test_the_voice_is_the_languages_own_unless_one_is_set_on_purpose(tag, voice):
    # Chinese: espeak-ng's plain `cmn` voice reads Han characters as English-sounding pinyin.
    assert voice_for_language(tag) == voice
    assert speech.VoiceSettings.from_options({}, tag).voice == voice
    # mkdocs.yml's `voice: en-gb` is the English factsheets' voice, not a translation's.
    assert speech.VoiceSettings.from_options({"voice": "en-gb"}, tag).voice == voice
    assert speech.VoiceSettings.from_options({"voice": "en-us"}, "en-GB").voice == "en-us"


@pytest.mark.engines
def test_a_voice_set_on_purpose_is_kept_when_it_speaks_the_language_or_the_language_has_none():
    assert speech.VoiceSettings.from_options({"voice": "Arabic"}, "ar").voice == "arabic"
    assert speech.VoiceSettings.from_options({"voice": "sem/ar"}, "ar").voice == "sem/ar"
    assert speech.VoiceSettings.from_options({"voice": "en-gb"}, "so").voice == "en-gb"


@pytest.mark.engines
def test_somali_audio_is_not_available_and_says_how_to_ask_for_a_recording(documents):
    assert voice_for_language("so") is None
    assert AudioWriter().available(documents["so"]) == "espeak-ng ma laha cod Soomaali ah"  # in Somali, for its page
    assert AudioWriter().available(documents["ar"]) is None


@pytest.mark.engines
def test_a_polish_recording_is_tagged_polish_and_says_polish(documents, tmp_path):
    output = AudioWriter().write(documents["pl"], tmp_path, {**defaults(AudioWriter()), "project_root": LANGUAGES})
    assert str(ID3(output.files["audio_mp3"])["TLAN"]) == "pol"
    assert OWN_WORDS["pl"] in output.files["audio_transcript"].read_text(encoding="utf-8")


@pytest.mark.engines
def test_an_arabic_recording_is_said_by_the_arabic_voice_when_mkdocs_yml_sets_the_english_one(documents, tmp_path):
    # Said by the English voice, Arabic is every letter's English name: five times as long.
    options = {**defaults(AudioWriter()), "project_root": LANGUAGES, "voice": "en-gb"}
    output = AudioWriter().write(documents["ar"], tmp_path, options)
    recorded = MP3(output.files["audio_mp3"]).info.length
    said = "\n".join(line for line in output.files["audio_transcript"].read_text(encoding="utf-8").splitlines()
                     if not line.startswith(("[", "\ufeff[")))
    arabic = speech.espeak_wav(said, tmp_path / "arabic.wav", speech.VoiceSettings("ar"))
    english = speech.espeak_wav(said, tmp_path / "english.wav", speech.VoiceSettings("en-gb"))
    seconds = [len(a.samples) / a.rate for a in (arabic, english)]
    assert recorded < seconds[0] * 1.5 < seconds[1]


@pytest.mark.parametrize(("tag", "title"), [("ar", "تفاصيل الاتصال"), ("cy", "Manylion cyswllt"), ("pl", "Dane kontaktowe")])
def test_the_contact_chapter_is_named_in_the_factsheets_language(documents, tag, title):
    assert build_script(documents[tag], Normaliser(Lexicon(), tag)).sections[-1].title == title
    assert expected_chapters(documents[tag])[-1] == title


@pytest.mark.parametrize("tag", ["cy", "pl", "ar", "ur", "zh-Hans"])
def test_the_tools_own_sentences_are_said_in_the_language_by_its_voice(tag):
    # The whole sample: its introduction, a quotation, the title line and the end.
    document = next(d for d in load_project(FIXTURES / "translated").documents if d.meta.language == tag)
    script = build_script(document, Normaliser(Lexicon(), tag))
    transcript = script.transcript()
    for english in ("It has 3 sections", "Each section is a chapter", "Quotation from paragraph", "End of quotation", "factsheet. Version"):
        assert english not in transcript
    said = [u for section in script.sections for u in section.utterances]
    for message in ("Each section is a chapter you can skip to.", "End of quotation.", "End of factsheet."):
        assert [u.language for u in said if u.text == gettext(tag, message)] == [""]
