"""The audio writer's real output, decoded and measured against the standard."""

import re

import numpy as np
import pytest
from mutagen.mp3 import MP3

from conftest import copy_project, factsheets
from factsheets.engines import speech
from factsheets.errors import EngineMissing
from factsheets.project import load_project
from factsheets.validators import audio as check
from factsheets.writers.audio import AudioWriter, mp3
from factsheets.writers.audio.script import chapter_headings
from factsheets import model as m

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines


@pytest.fixture(scope="module")
def send_audio(built_project, send_entry):
    formats = send_entry["formats"]
    return {key: built_project / "build" / path for key, path in formats.items() if key.startswith("audio")}


@pytest.fixture(scope="module")
def send_document(built_project):
    project = load_project(built_project)
    return next(d for d in project.documents if d.meta.slug == "what-if-i-do-not-agree")


@pytest.fixture(scope="module")
def measured(send_audio):
    """The whole recording decoded and measured once (eighteen minutes of speech), as check_entry does."""
    return check.measure(send_audio["audio_mp3"])


def test_whole_mp3_meets_the_acx_bar(send_audio, measured):
    assert check.check_sound(send_audio["audio_mp3"], measured) == []
    assert -23 <= measured["rms_db"] <= -18 and measured["peak_db"] <= -3
    assert 0.5 <= measured["lead_in_s"] <= 1 and 1 <= measured["tail_s"] <= 5


def test_every_section_track_meets_the_acx_bar(send_audio):
    lines = send_audio["audio_playlist"].read_text().splitlines()
    tracks = [send_audio["audio_playlist"].parent / line for line in lines if line and not line.startswith("#")]
    assert len(tracks) == len(check.chapters(send_audio["audio_mp3"]))
    for track in tracks:
        assert check.check_sound(track) == [], track.name
        assert MP3(track).info.channels == 1


def test_mono_constant_bit_rate(send_audio):
    info = MP3(send_audio["audio_mp3"]).info
    assert info.channels == 1 and info.bitrate == mp3.BIT_RATE * 1000
    data = send_audio["audio_mp3"].read_bytes()
    frames = re.findall(rb"\xff[\xf2\xf3](.)", data[10:4000])
    assert frames and len({f[0] >> 4 for f in frames}) == 1  # one bit rate index in every frame header


def test_chapters_match_the_headings(send_audio, send_document, send_entry):
    expected = [send_document.meta.title] + [m.plain_text(h.children) for h in chapter_headings(send_document)] + ["Contact details"]
    assert "Glossary" in expected and "First steps" in expected
    assert check.check_chapters(send_audio["audio_mp3"], expected, send_entry["details"]["audio_mp3"]["duration_s"]) == []


def test_duration_fits_the_words_and_rate(send_audio, send_entry, measured):
    words = len(send_audio["audio_transcript"].read_text().split())
    assert check.check_duration(send_audio["audio_mp3"], words, 160, measured["duration_s"]) == []
    assert abs(measured["duration_s"] - send_entry["details"]["audio_mp3"]["duration_s"]) < 0.5


def test_tags(send_audio, send_document):
    organisation = send_document.organisation
    assert check.check_tags(send_audio["audio_mp3"], send_document.meta.title, organisation.name, organisation.series, "2021-06", "eng") == []


def test_webvtt_chapters_match_the_id3_chapters(send_audio):
    text = send_audio["audio_chapters"].read_text()
    assert text.startswith("WEBVTT\n\n")
    cues = re.findall(r"(\d\d):(\d\d):(\d\d)\.(\d{3}) --> [\d:.]+\n(.+)", text)
    id3 = check.chapters(send_audio["audio_mp3"])
    assert [c[4] for c in cues] == [t for t, _, _ in id3]
    assert [((int(h) * 60 + int(mi)) * 60 + int(s)) * 1000 + int(ms) for h, mi, s, ms, _ in cues] == [start for _, start, _ in id3]


def test_transcript_reads_as_a_person_would_say_it(send_audio):
    text = send_audio["audio_transcript"].read_text()
    for said in ("oh 1 2 2 5, 3 9 4 3 8 2", "10 a.m. to 3 p.m.", "Quotation from paragraph 11.1:", "End of quotation.",
                 "w w w dot spsbathnes dot org dot u k", "send underscore partnershipservice at bathnes dot gov dot u k",
                 "It has 14 sections after this introduction", "Version 4, June 2021", "(CCGs)",
                 "sections 9.45 to 9.52", "Early Years Action/Action Plus",
                 "to the Special Educational Needs Coordinator or the Headteacher.",
                 "the First Tier Tribunal (SEN and disability) you first", "IPSEA at w w w dot ipsea dot org dot u k"):
        assert said in text, said
    # Respellings are for the engine: the transcript shows words as written.
    for respelt in ("S E N", "C C G", "ipseea", "ip see ah", "bath n e s", "from section", "Action or Action"):
        assert respelt not in text, respelt
    assert "http" not in text and "(11." not in text and "&" not in text and "[[" not in text
    # The contact details' chapter, read from the same blocks as every format, partners included.
    contact = text.index(". Contact details]\nContact the SEND Partnership Service.\n")
    assert text.index("\nGlossary.\n") < contact and "In partnership with:" in text[contact:]


HOSTILE_TITLES = [
    "Title\n\n99\n00:00:00.000 --> 09:00:00.000\nforged cue",
    "Title\r\n#EXTINF:1,forged track\r\nforged.mp3",
    "Nul\x00in the\x1etitle\u2028and a line separator",
    "Tags <b>bold</b> & <c.red>coloured</c> --> arrow",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_a_hostile_title_cannot_forge_a_webvtt_cue(title):
    from factsheets.writers.audio import webvtt

    chapters = [mp3.Chapter("chp1", title, 0, 1000), mp3.Chapter("chp2", "Second", 1000, 2000)]
    cues = webvtt(chapters).split("\n\n")
    assert cues[0] == "WEBVTT" and len(cues) == 3
    for number, cue in enumerate(cues[1:], 1):
        lines = cue.strip("\n").split("\n")
        assert len(lines) == 3 and lines[0] == str(number), cue
        assert "-->" in lines[1] and "-->" not in lines[2] and "<" not in lines[2], cue
        assert all(ch.isprintable() for ch in lines[2]), cue


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_a_hostile_title_cannot_forge_an_m3u8_track(title):
    from factsheets.writers.audio import playlist

    lines = playlist([(title, 1000, "sections/01.mp3"), ("Second", 2000, "sections/02.mp3")]).splitlines()
    assert lines[0] == "#EXTM3U" and len(lines) == 5
    assert [line.startswith("#EXTINF:") for line in lines[1:]] == [True, False, True, False]
    assert lines[2::2] == ["sections/01.mp3", "sections/02.mp3"]
    assert all(ch.isprintable() for line in lines for ch in line)


def test_hostile_titles_and_headings_reach_vtt_m3u8_and_id3_as_one_line(small_project, tmp_path):
    import dataclasses

    from mutagen.id3 import ID3

    source = next((small_project / "docs").rglob("factsheets/*.md"))
    source.write_text(source.read_text().replace("## What you can do", "## Heading --> 00:00:00.000 & \\<v Voice\\>forged"))
    document = load_project(small_project).documents[0]
    document = dataclasses.replace(document, meta=dataclasses.replace(document.meta, title=HOSTILE_TITLES[0] + "\x00" + HOSTILE_TITLES[1]))
    output = AudioWriter().write(document, tmp_path / "out", {"project_root": small_project})
    vtt = output.files["audio_chapters"].read_text()
    cues = vtt.split("\n\n")[1:]
    assert len(cues) == len(check.chapters(output.files["audio_mp3"])) == 4  # title, heading, glossary, contact
    assert [cue.count("-->") for cue in cues] == [1, 1, 1, 1]
    assert "Heading --&gt; 00:00:00.000 &amp; " in vtt and "&lt;v Voice&gt;forged" in vtt
    m3u8 = output.files["audio_playlist"].read_text().splitlines()
    assert len(m3u8) == 9 and [line.startswith("#EXTINF") for line in m3u8[1:]] == [True, False] * 4
    tags = ID3(output.files["audio_mp3"])
    for text in [tags["TIT2"].text] + [chapter.sub_frames["TIT2"].text for chapter in tags.getall("CHAP")]:
        assert len(text) == 1 and all(ch.isprintable() for ch in text[0]), text
    sections = sorted((tmp_path / "out").rglob("*-sections/*.mp3"))
    assert all(ch.isprintable() for path in sections for text in ID3(path)["TALB"].text for ch in text)


def test_a_validator_fails_raw_engine_output(tmp_path):
    # Raw espeak-ng peaks near 0 dBFS with no lead-in: the validator must say so.
    raw = speech.espeak_wav("Raw speech straight from the engine, with no levelling at all. " * 3, tmp_path / "raw.wav", speech.VoiceSettings())
    path = tmp_path / "raw.mp3"
    path.write_bytes(mp3.encode(np.clip(raw.samples.astype(np.int32) * 2, -32768, 32767).astype(np.int16), raw.rate))
    problems = " ".join(f.message for f in check.check_sound(path))
    assert "true peak" in problems and "start" in problems


def test_same_source_gives_identical_files(small_project, tmp_path):
    document = load_project(small_project).documents[0]
    options = {"voice": "en-gb", "rate": 160, "project_root": small_project}
    first = AudioWriter().write(document, tmp_path / "one", options)
    second = AudioWriter().write(document, tmp_path / "two", options)
    for key, path in first.files.items():
        assert path.read_bytes() == second.files[key].read_bytes(), key
    sections = sorted((tmp_path / "one").rglob("*-sections/*.mp3"))
    assert sections and all(p.read_bytes() == (tmp_path / "two" / p.relative_to(tmp_path / "one")).read_bytes() for p in sections)


def test_text_the_engine_cannot_say_is_a_warning_with_file_and_line(small_project, tmp_path):
    source = next((small_project / "docs").rglob("factsheets/*.md"))
    text = source.read_text()
    source.write_text(text.replace("You can:", "You can ✓ do this in 日本語:\n\n日本語"))
    document = load_project(small_project).documents[0]
    output = AudioWriter().write(document, tmp_path / "out", {"project_root": small_project})
    line = text.splitlines().index("You can:") + 1
    messages = [str(w) for w in output.warnings]
    assert any(f"{document.meta.source}:{line}:" in w and "✓" in w and "check mark" in w for w in messages), messages
    assert any("日本語" in w and "left out" in w for w in messages), messages
    assert "日本語" not in output.files["audio_transcript"].read_text()


def test_missing_espeak_ng_is_engine_missing(small_project, tmp_path, monkeypatch):
    monkeypatch.setattr(speech.ctypes.util, "find_library", lambda name: None)
    monkeypatch.setattr(speech.sys, "platform", "linux")
    document = load_project(small_project).documents[0]
    with pytest.raises(EngineMissing, match="espeak-ng"):
        AudioWriter().write(document, tmp_path / "out", {"project_root": small_project})


def test_malformed_lexicon_stops_the_build_with_file_and_line(tmp_path):
    root = copy_project(tmp_path / "project")
    lexicon = root / "glossary" / "lexicon.yml"
    lexicon.write_text(lexicon.read_text() + "CCGs:\n")
    line = len(lexicon.read_text().splitlines())
    result = factsheets(root, "build", "--format", "audio")
    assert result.returncode == 1
    assert f"glossary/lexicon.yml:{line}:" in result.stdout + result.stderr


def test_a_translation_may_take_longer_than_english_but_not_letter_by_letter(tmp_path):
    # espeak-ng's rate counts English words: the leaflet's Arabic took 360 s for 598 words at 160.
    mp3 = tmp_path / "x.mp3"
    assert check.check_duration(mp3, 598, 160, 360.0, "ar") == []
    assert check.check_duration(mp3, 598, 160, 360.0, "en-GB")  # too long for English
    assert check.check_duration(mp3, 598, 160, 5 * 224.0, "ar")  # five times as long: read letter by letter
