"""The audio standard (ACX's bar, FORMATS.md), checked on the real MP3.

The MP3 is decoded (by sox) and measured: loudness, true peak, the silence at the
start and end, no long silent gap inside, a plausible length for the words and
the rate, and ID3 chapters that match the factsheet's sections. What the voice was
given is read back too (spoken_text.py): no "£", "@", "_", "&", "/" or "1,250".
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

import numpy as np

from ..writers.audio import true_peak_db
from . import FAILURE, REPORT_IT, Finding

if TYPE_CHECKING:
    import numpy.typing as npt

    from .. import model as m
    from ..manifest_entry import ManifestEntry

FORMAT = "audio_mp3"
RMS_RANGE = (-23.0, -18.0)
PEAK_MAX = -3.0
LEAD_IN = (0.5, 1.0)
TAIL = (1.0, 5.0)
LONGEST_GAP = 3.0
SILENCE_DB = -50.0  # below this a 10 ms window counts as silence
WINDOW_S = 0.01


def decode(path: Path) -> tuple[np.ndarray, int]:
    """MP3 -> 16-bit mono samples and the sample rate, as players hear it: the Info header frame
    (writers/audio/xing.py) is skipped, as ffmpeg and browsers skip it; libmad (sox's decoder)
    would play it as 576 samples of silence (measured: a click heard 1,681 samples in, not 1,105)."""
    from ..writers.audio import audio_frames

    sox = shutil.which("sox")
    if not sox:
        raise RuntimeError("sox is needed to decode the MP3: install the Debian package sox")
    rate = int(subprocess.run([sox, "--i", "-r", str(path)], capture_output=True, text=True, check=True).stdout.strip())
    frames = audio_frames(path.read_bytes())
    raw = subprocess.run([sox, "-t", "mp3", "-", "-t", "raw", "-e", "signed", "-b", "16", "-c", "1", "-"], input=frames, capture_output=True, check=True).stdout
    return np.frombuffer(raw, dtype="<i2"), rate


def _db(value: float) -> float:
    return float(20 * np.log10(max(value, 1e-12)))


def window_levels(samples: npt.NDArray[np.int16], rate: int) -> npt.NDArray[np.float64]:
    size = max(int(rate * WINDOW_S), 1)
    count = samples.size // size
    x = samples[: count * size].astype(np.float64).reshape(count, size) / 32768
    levels: npt.NDArray[np.float64] = 20 * np.log10(np.maximum(np.sqrt((x * x).mean(axis=1)), 1e-12))
    return levels


class Measured(TypedDict):
    """An MP3's sound, as measure() reads it: seconds and decibels (dBFS; the true peak in dBTP)."""

    duration_s: float
    rms_db: float
    peak_db: float
    true_peak_db: float
    lead_in_s: float
    tail_s: float
    longest_gap_s: float


def measure(path: Path) -> Measured:
    samples, rate = decode(path)
    x = samples.astype(np.float64) / 32768
    levels = window_levels(samples, rate)
    loud = np.flatnonzero(levels > SILENCE_DB)
    longest, run = 0, 0
    if loud.size:
        for is_loud in levels[loud[0]: loud[-1] + 1] > SILENCE_DB:
            run = 0 if is_loud else run + 1
            longest = max(longest, run)
    return {
        "duration_s": samples.size / rate,
        "rms_db": _db(float(np.sqrt(np.mean(x * x)))) if x.size else -120.0,
        "peak_db": _db(float(np.max(np.abs(x)))) if x.size else -120.0,
        "true_peak_db": true_peak_db(samples),
        "lead_in_s": (loud[0] if loud.size else levels.size) * WINDOW_S,
        "tail_s": (levels.size - 1 - loud[-1] if loud.size else levels.size) * WINDOW_S,
        "longest_gap_s": longest * WINDOW_S,
    }


def check_peak(path: Path, m: Measured) -> list[Finding]:
    """ACX's peak bar, read as a true-peak meter reads it (4x oversampled, dBTP): the sample
    peak under-reads what a player's converter makes between two loud samples (the leaflet's
    MP3 measured -3.3 dBFS sample peak but -2.7 dBTP)."""
    if m["true_peak_db"] > PEAK_MAX:
        return [Finding(FAILURE, FORMAT, f"{path.name}: the true peak reaches {m['true_peak_db']:.2f} dBTP (sample peak {m['peak_db']:.2f} dBFS), "
                        f"above {PEAK_MAX:.0f}", REPORT_IT, str(path))]
    return []


def check_sound(path: Path, measured: Measured | None = None) -> list[Finding]:
    """RMS, peak, lead-in and tail silence, and no long silent gap, against ACX's bar."""
    m = measured or measure(path)
    out = []
    if not RMS_RANGE[0] <= m["rms_db"] <= RMS_RANGE[1]:
        out.append(Finding(FAILURE, FORMAT, f"{path.name}: loudness (RMS) is {m['rms_db']:.1f} dBFS, outside {RMS_RANGE[0]:.0f} to {RMS_RANGE[1]:.0f}", REPORT_IT, str(path)))
    out += check_peak(path, m)
    if not LEAD_IN[0] <= m["lead_in_s"] <= LEAD_IN[1]:
        out.append(Finding(FAILURE, FORMAT, f"{path.name}: {m['lead_in_s']:.2f} s of silence at the start, not {LEAD_IN[0]}–{LEAD_IN[1]} s", REPORT_IT, str(path)))
    if not TAIL[0] <= m["tail_s"] <= TAIL[1]:
        out.append(Finding(FAILURE, FORMAT, f"{path.name}: {m['tail_s']:.2f} s of silence at the end, not {TAIL[0]:.0f}–{TAIL[1]:.0f} s", REPORT_IT, str(path)))
    if m["longest_gap_s"] > LONGEST_GAP:
        out.append(Finding(FAILURE, FORMAT, f"{path.name}: a silent gap of {m['longest_gap_s']:.1f} s inside the recording", "look for text the engine could not say, or a pause that is too long", str(path)))
    return out


def chapters(path: Path) -> list[tuple[str, int, int]]:
    """The ID3 chapters in table-of-contents order: (title, start ms, end ms)."""
    from mutagen.id3 import ID3

    tags = ID3(str(path))
    by_id = {f.element_id: f for f in tags.getall("CHAP")}
    tocs = tags.getall("CTOC")
    order = tocs[0].child_element_ids if tocs else sorted(by_id)
    out = []
    for element in order:
        frame = by_id.get(element)
        if frame is not None:
            title = frame.sub_frames.get("TIT2")
            out.append((str(title.text[0]) if title else "", frame.start_time, frame.end_time))
    return out


def check_chapters(path: Path, expected_titles: list[str], duration_s: float | None = None) -> list[Finding]:
    """One chapter a section, titled as the section's heading, in order, covering the recording."""
    found = chapters(path)
    titles = [t for t, _, _ in found]
    out = []
    if titles != expected_titles:
        out.append(Finding(FAILURE, FORMAT, f"{path.name}: chapters {titles} do not match the sections {expected_titles}", "Run `factsheets build` to record it again: the chapters come from the headings.", str(path)))
    for (_, start, end), (_, next_start, _) in zip(found, found[1:]):
        if end != next_start or end <= start:
            out.append(Finding(FAILURE, FORMAT, f"{path.name}: chapters overlap or leave a gap at {end} ms", "Run `factsheets build` to record it again.", str(path)))
            break
    if duration_s is not None and found and abs(found[-1][2] / 1000 - duration_s) > 0.5:
        out.append(Finding(FAILURE, FORMAT, f"{path.name}: the last chapter ends at {found[-1][2] / 1000:.1f} s but the recording lasts {duration_s:.1f} s", "Run `factsheets build` to record it again.", str(path)))
    return out


# Each ID3 frame the recording carries, in the words a listener's player shows, and the line of
# the factsheet's front matter (or organisation.yml) it is made from.
TAG_NAMES = {"TIT2": ("title", "title:"), "TPE1": ("artist", "name: in organisation.yml"), "TALB": ("album", "series: in organisation.yml"),
             "TDRC": ("date", "date:"), "TLAN": ("language", "language:")}


def check_tags(path: Path, title: str, artist: str, album: str, date: str, language: str = "eng", source: str | None = None) -> list[Finding]:
    """The recording's tags against the factsheet: a difference means it was made from another text."""
    from mutagen.id3 import ID3

    tags = ID3(str(path))
    expected = {"TIT2": title, "TPE1": artist, "TALB": album, "TDRC": date, "TLAN": language}
    out = []
    for frame, value in expected.items():
        got = str(tags[frame].text[0]) if frame in tags else None
        if got == value:
            continue
        name, line = TAG_NAMES[frame]
        if not value:  # nothing to tag it with: the cause is in the factsheet, not the recording
            out.append(Finding(FAILURE, FORMAT, f"the recording has no {name}: the factsheet gives none",
                               f"Fill in {line} in the factsheet's front matter (between the two --- at its top), then run `factsheets build`.", source or str(path)))
        else:
            said = "no " + name if got is None else f"the {name} {got!r}"
            out.append(Finding(FAILURE, FORMAT, f"{path.name}: the recording carries {said} where the factsheet's {line} says {value!r}: "
                               "it was made from another text", "Run `factsheets build` to record it again.", source or str(path)))
    return out


def check_duration(path: Path, words: int, rate_wpm: int, duration_s: float | None = None, language: str = "en-GB") -> list[Finding]:
    """Length against the words and the speaking rate: a missing or truncated utterance shows here,
    and text read letter by letter in another language's voice (five times as long)."""
    duration_s = duration_s if duration_s is not None else measure(path)["duration_s"]
    speaking = words / rate_wpm * 60
    # Pauses between headings, items and paragraphs add time; the engine's own pace varies a little.
    # espeak-ng's rate is English words a minute: another language's words are longer (an Arabic
    # number said in words is a few long words), measured up to 1.8 times English's time (the
    # leaflet's Arabic translation: 589 words in 360 s at 160).
    stretch = 1.5 if language.lower().startswith("en") else 2.0
    low, high = speaking * 0.85, speaking * stretch + 10
    if not low <= duration_s <= high:
        return [Finding(FAILURE, FORMAT, f"{path.name}: lasts {duration_s:.0f} s; {words} words at {rate_wpm} a minute should take {low:.0f}–{high:.0f} s", "look for text that was not spoken", str(path))]
    return []


def expected_chapters(document: m.Document) -> list[str]:
    """The chapters a factsheet's recording should have: the introduction, each section, the contacts.

    Read from the document model itself, not from the audio writer's choice of chapters, so
    that a writer that drops or adds a chapter is caught: every heading of the factsheet is a
    chapter, except a glossary term's heading (the heading just before its definition), which
    a listener hears inside the glossary chapter.
    """
    from .. import model as m
    from ..i18n import gettext
    from ..transforms import is_contact

    blocks = document.blocks
    terms = {i for i, block in enumerate(blocks[1:]) if isinstance(block, m.GlossaryEntry)}
    sections = [m.plain_text(b.children) for i, b in enumerate(blocks) if isinstance(b, m.Heading) and i not in terms]
    contact = [gettext(document.meta.language, "Contact details")] if any(is_contact(b, "end") for b in blocks) else []
    return [document.meta.title, *sections, *contact]


def check_entry(path: Path, document: m.Document, entry: ManifestEntry, build_dir: Path, rate_wpm: int = 160) -> list[Finding]:
    """For `factsheets check`: the whole MP3 against ACX's bar, its chapters, length and tags."""
    measured = measure(path)  # decoded once (a second or two of a check's CPU), for the sound and the length
    findings = check_sound(path, measured)
    findings += check_chapters(path, expected_chapters(document), entry.get("details", {}).get("audio_mp3", {}).get("duration_s"))
    sentences = entry.get("formats", {}).get("audio_sentences")
    if sentences and (build_dir / sentences).is_file():
        from .spoken_text import check_sentences_file

        findings += check_sentences_file(build_dir / sentences, document)  # no "£", "@", "_" given to the voice
    transcript = entry.get("formats", {}).get("audio_transcript")
    if transcript:
        words = spoken_words((build_dir / transcript).read_text(encoding="utf-8"))
        findings += check_duration(path, words, rate_wpm, measured["duration_s"], document.meta.language)
    organisation = document.organisation
    from ..i18n import iso639_2

    findings += check_tags(path, document.meta.title, organisation.name, organisation.series, document.meta.date,
                           iso639_2(document.meta.language), document.meta.source)
    return findings


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def spoken_words(transcript: str) -> int:
    """Words as the speaking rate counts them: Chinese is written without spaces, and each
    Han character is a syllable, which espeak-ng's Mandarin voice times as a word."""
    return sum(max(1, len(_HAN.findall(token)) + len(_HAN.sub(" ", token).split())) for token in transcript.split())
