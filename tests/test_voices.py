"""`audio: voices:` in mkdocs.yml: a voice for each language, checked with its line, and a Piper
model that must be the project's own ordinary file with its .onnx.json beside it."""

import os
from pathlib import Path

import pytest

from factsheets.engines.speech_voices import PIPER, VoiceSettings, configured_voice
from factsheets.errors import SourceError
from factsheets.project import load_config
from factsheets.settings_schema import MKDOCS_YML
from factsheets.writers.audio import for_engine, read_by
from factsheets.writers.audio.lexicon import Entry, Lexicon
from factsheets.writers.audio.voices import check_voice_files, model_problem, voices_problem
from factsheets.yaml_schema import read

from conftest import FIXTURES, copy_project

BASE = "site_name: Our factsheets\ndocs_dir: docs\nplugins:\n  - factsheets:\n      audio:\n        voices:\n"


def refusal(voices: str) -> SourceError:
    with pytest.raises(SourceError) as raised:
        read(BASE + voices, "mkdocs.yml", MKDOCS_YML)
    return raised.value


@pytest.mark.parametrize("voices, line, words", [
    ("          en: {engine: piper}\n", 7, "the Piper voice for 'en' needs 'model:'"),
    ("          en: {engine: pipr, model: voices/x.onnx}\n", 7, "needs 'engine: piper'"),
    ("          en: {engine: piper, model: ../voices/x.onnx}\n", 7, "'model' must be a .onnx file inside the project"),
    ("          en: {engine: piper, model: /usr/share/x.onnx}\n", 7, "'model' must be a .onnx file inside the project"),
    ("          en: {engine: piper, model: https://example.org/x.onnx}\n", 7, "inside the project"),
    ("          en: {engine: piper, model: voices/x.onnx.json}\n", 7, "a .onnx file"),
    ("          cy: {engine: espeak-ng, voice: ../../etc/passwd}\n", 7, "an espeak-ng voice's name"),
    ("          cy: {engine: espeak-ng, model: voices/x.onnx}\n", 7, "'model' is not a setting of 'cy'"),
    ("          en: {engine: piper, model: voices/x.onnx}\n          Welsh!: {engine: espeak-ng}\n", 8, "'Welsh!' in 'voices' is not a language code"),
    ("          en: piper\n", 7, "needs 'engine: piper'"),
])
def test_a_wrong_voice_is_refused_at_its_own_line(voices, line, words):
    error = refusal(voices)
    assert error.location.line == line and words in error.message, error


def test_the_example_in_the_guide_passes():
    data = read(BASE + "          en: {engine: piper, model: voices/en_GB-example-medium.onnx}\n          cy: {engine: espeak-ng, voice: cy}\n",
                "mkdocs.yml", MKDOCS_YML)
    assert data["plugins"][0]["factsheets"]["audio"]["voices"]["cy"] == {"engine": "espeak-ng", "voice": "cy"}


@pytest.fixture
def project(tmp_path) -> Path:
    root = copy_project(tmp_path / "voices", FIXTURES / "voices")
    (root / "voices").mkdir()
    return root


def test_a_missing_model_stops_the_build_at_its_line_in_mkdocs_yml(project):
    with pytest.raises(SourceError) as raised:
        load_config(project)
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert raised.value.location.path == "mkdocs.yml"
    assert text.split("\n")[raised.value.location.line - 1].strip().startswith("en: {engine: piper")
    assert "voices/en_US-joe-medium.onnx is not in the project" in raised.value.message
    assert "downloads nothing" in raised.value.message


def test_a_model_without_its_onnx_json_is_refused(project):
    (project / "voices" / "en_US-joe-medium.onnx").write_bytes(b"model")
    problem = model_problem("voices/en_US-joe-medium.onnx", project)
    assert problem and "en_US-joe-medium.onnx.json is not in the project" in problem


def test_a_model_linked_from_outside_the_project_is_refused(project, tmp_path):
    outside = tmp_path / "elsewhere.onnx"
    outside.write_bytes(b"model")
    os.symlink(outside, project / "voices" / "en_US-joe-medium.onnx")
    (project / "voices" / "en_US-joe-medium.onnx.json").write_text("{}", encoding="utf-8")
    problem = model_problem("voices/en_US-joe-medium.onnx", project)
    assert problem and "points outside the project folder" in problem


def test_a_folder_named_as_a_model_is_refused(project):
    (project / "voices" / "en_US-joe-medium.onnx").mkdir()
    (project / "voices" / "en_US-joe-medium.onnx.json").write_text("{}", encoding="utf-8")
    assert "not an ordinary file" in model_problem("voices/en_US-joe-medium.onnx", project)


def test_the_files_are_checked_only_for_piper_voices():
    check_voice_files({"voices": {"cy": {"engine": "espeak-ng", "voice": "cy"}}}, "", Path("/nonexistent"))


@pytest.mark.parametrize("value, words", [
    ({"en": {"engine": "piper", "model": "../x.onnx"}}, "needs 'model:'"),
    ({"en": {"engine": "piper", "model": "v/x.onnx", "voice": "x"}}, "not 'voice'"),
    ({"en": "piper"}, "must be a group"),
    ("piper", "must be a group of languages"),
    ({"en GB": {"engine": "piper", "model": "v/x.onnx"}}, "not a language code"),
])
def test_front_matter_voices_are_checked_too(value, words):
    assert words in (voices_problem(value) or "")


@pytest.mark.parametrize("tag, found", [("en-GB", "piper"), ("en", "piper"), ("EN-us", "piper"), ("cy", "espeak-ng"), ("pl", None)])
def test_a_language_takes_its_whole_tag_or_its_first_part(tag, found):
    voices = {"en": {"engine": "piper", "model": "v/x.onnx"}, "cy": {"engine": "espeak-ng", "voice": "cy"}}
    assert (configured_voice(voices, tag) or {}).get("engine") == found


def test_the_voice_and_its_files_are_in_the_cache_key(tmp_path):
    (tmp_path / "v").mkdir()
    model = tmp_path / "v" / "x.onnx"
    model.write_bytes(b"one")
    (tmp_path / "v" / "x.onnx.json").write_text("{}", encoding="utf-8")
    options = {"voices": {"en": {"engine": "piper", "model": "v/x.onnx"}}, "project_root": str(tmp_path)}
    first = VoiceSettings.from_options(options, "en-GB")
    assert first.engine == PIPER and first.voice == "x" and "x.onnx" in repr(first) and first.digest in repr(first)
    assert str(tmp_path) not in repr(first)  # a moved project keeps its cache
    model.write_bytes(b"two, a new voice")
    assert VoiceSettings.from_options(options, "en-GB").digest != first.digest
    assert VoiceSettings.from_options(options, "cy").engine == "espeak-ng"


def test_a_piper_voice_gets_the_respellings_and_not_espeak_ngs_phonemes():
    lexicon = Lexicon([Entry("livewell", "live well", 1), Entry("IPSEA", "[['Ipsi:@]]", 2)])
    assert [e.written for e in for_engine(lexicon, "piper").entries] == ["livewell"]
    assert for_engine(lexicon, "espeak-ng") is lexicon


def test_the_listener_is_told_which_voice_reads():
    settings = VoiceSettings("en_US-joe-medium", 160, PIPER, "voices/en_US-joe-medium.onnx", "abc")
    assert read_by(settings) == "Read by a synthetic voice (Piper, en_US-joe-medium)"
    assert read_by(VoiceSettings("cy")) == "Read by a synthetic voice (eSpeak NG, cy)"
