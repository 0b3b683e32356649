"""The audio writer: the factsheet read aloud, as MP3 with chapters.

Each section (a chapter) is synthesised, levelled and encoded on its own, in a
process pool: memory is one section's, both cores work, and encoding (the real
cost, FORMATS.md) is shared. The whole-factsheet MP3 is the section MP3s'
frames one after another, so chapter times are exact frame boundaries and no
whole-recording buffer is ever held.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ... import model as m
from ...engines import speech
from ...errors import Location, Warning_
from .. import Output
from . import mp3, sound
from .lexicon import load_lexicon
from .normalise import Normaliser
from .script import Section, build_script

LEAD_IN = 0.6  # seconds of silence before each section (ACX: 0.5 to 1)
TAIL = 1.2  # after each section (ACX: 1 to 5); with the next lead-in, a clear break between chapters
LAST_TAIL = 2.0
SILENT = 0.003  # |sample| below this (about -50 dBFS) counts as silence when trimming an utterance
WORKERS = 2


@dataclass(frozen=True)
class SectionJob:
    number: int
    count: int
    section: Section
    settings: speech.VoiceSettings
    tags: mp3.Tags
    path: Path
    workdir: Path
    last: bool


@dataclass(frozen=True)
class SectionResult:
    number: int
    path: Path
    duration_ms: int
    samples: int
    rate: int


def trim(samples: np.ndarray) -> np.ndarray:
    """Removes the engine's own leading and trailing silence, so our pauses are the pauses."""
    loud = np.flatnonzero(np.abs(samples) > SILENT)
    if loud.size == 0:
        return samples[:0]
    return samples[max(loud[0] - 64, 0): loud[-1] + 256]


_synthesiser: speech.Synthesiser | None = None


def render_section(job: SectionJob) -> SectionResult:
    """One section: speech -> pauses -> levelled and limited -> MP3 file. Runs in a worker process."""
    global _synthesiser
    if _synthesiser is None or _synthesiser.settings != job.settings:
        _synthesiser = speech.Synthesiser(job.settings, job.workdir)
    pieces: list[np.ndarray] = []
    rate = None
    for utterance in job.section.utterances:
        if not any(ch.isalnum() for ch in utterance.text):
            continue  # nothing to say (text the engine could not say was left out, with a warning)
        audio = _synthesiser.synthesise(utterance.text)
        rate = audio.rate
        pieces.append(sound.silence(utterance.pause_before, rate))
        pieces.append(trim(audio.samples.astype(np.float32) / np.float32(sound.FULL_SCALE)))
        pieces.append(sound.silence(utterance.pause_after, rate))
    rate = rate or 22050
    speech_samples = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.float32)
    del pieces
    # The pause after a section's last utterance is its tail.
    speech_samples = np.trim_zeros(speech_samples, "b")
    mastered = sound.master(speech_samples, LEAD_IN, LAST_TAIL if job.last else TAIL, rate)
    data = mp3.encode(mastered, rate)
    job.path.write_bytes(data)
    mp3.tag(job.path, job.tags)
    return SectionResult(job.number, job.path, mp3.duration_ms(data, rate), mastered.size, rate)


def vtt_time(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def webvtt(chapters: list[mp3.Chapter]) -> str:
    cues = [f"{i}\n{vtt_time(c.start_ms)} --> {vtt_time(c.end_ms)}\n{c.title}" for i, c in enumerate(chapters, 1)]
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"


def playlist(entries: list[tuple[str, int, str]]) -> str:
    lines = ["#EXTM3U"]
    for title, duration_ms, href in entries:
        lines.append(f"#EXTINF:{round(duration_ms / 1000)},{title}")
        lines.append(href)
    return "\n".join(lines) + "\n"


def file_slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or "section"


def lexicon_path(options: dict) -> tuple[Path, str]:
    root = Path(options.get("project_root") or ".")
    path = Path(options["lexicon"]) if options.get("lexicon") else Path("glossary/lexicon.yml")
    full = path if path.is_absolute() else root / path
    try:
        shown = full.relative_to(root).as_posix()
    except ValueError:
        shown = str(full)
    return full, shown


class AudioWriter:
    name = "audio"
    version = "1"

    def engine_version(self) -> str:
        return speech.engine_version()

    def dependencies(self, document: m.Document, options: dict) -> str:
        """The lexicon is not in the document, but changes what is said."""
        path, _ = lexicon_path(options)
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "no lexicon"

    def write(self, document: m.Document, out_dir: Path, options: dict) -> Output:
        speech.require_engine()
        settings = speech.VoiceSettings.from_options(options, document.meta.language)
        path, shown = lexicon_path(options)
        script = build_script(document, Normaliser(load_lexicon(path, shown)))
        slug = document.meta.slug
        organisation = document.organisation
        out_dir.mkdir(parents=True, exist_ok=True)
        transcript = out_dir / f"{slug}-audio-script.txt"
        transcript.write_text(script.transcript(), encoding="utf-8")

        sections_dir = out_dir / f"{slug}-sections"
        sections_dir.mkdir(exist_ok=True)
        work = out_dir / ".speech"
        work.mkdir(exist_ok=True)
        count = len(script.sections)
        language = mp3.language_code(document.meta.language)
        jobs = [
            SectionJob(
                number, count, section, settings,
                mp3.Tags(section.title, organisation.name, document.meta.title, document.meta.date, language, f"{number}/{count}"),
                sections_dir / f"{number:02d}-{file_slug(section.title)}.mp3", work, number == count,
            )
            for number, section in enumerate(script.sections, 1)
        ]
        results = self.render(jobs)
        for leftover in work.iterdir():
            leftover.unlink()
        work.rmdir()

        # The whole factsheet: the sections' frames in order, then tags with a chapter each.
        whole = out_dir / f"{slug}.mp3"
        chapters: list[mp3.Chapter] = []
        start = 0
        with whole.open("wb") as out:
            for job, result in zip(jobs, results):
                out.write(audio_frames(result.path.read_bytes()))
                chapters.append(mp3.Chapter(f"chp{job.number}", job.section.title, start, start + result.duration_ms))
                start += result.duration_ms
        mp3.tag(whole, mp3.Tags(document.meta.title, organisation.name, organisation.series, document.meta.date, language), chapters)

        chapters_file = out_dir / f"{slug}-chapters.vtt"
        chapters_file.write_text(webvtt(chapters), encoding="utf-8")
        playlist_file = out_dir / f"{slug}-sections.m3u8"
        playlist_file.write_text(playlist([(j.section.title, r.duration_ms, f"{sections_dir.name}/{r.path.name}") for j, r in zip(jobs, results)]), encoding="utf-8")

        warnings = list(script.warnings)
        if not document.meta.date:
            warnings.append(Warning_(Location(document.meta.source, 1), "audio: the factsheet has no date, so the MP3 has none in its tags"))
        return Output(
            files={"audio_mp3": whole, "audio_transcript": transcript, "audio_playlist": playlist_file, "audio_chapters": chapters_file},
            details={"audio_duration_s": round(start / 1000, 1), "audio_chapter_list": [{"title": c.title, "start_s": c.start_ms / 1000} for c in chapters]},
            warnings=warnings,
        )

    @staticmethod
    def render(jobs: list[SectionJob]) -> list[SectionResult]:
        # Longest sections first, so the two workers finish together.
        order = sorted(jobs, key=lambda j: -j.section.words())
        workers = min(WORKERS, os.cpu_count() or 1, len(jobs))
        if workers > 1:
            # A fresh process for every section: espeak-ng's output depends on what it said before
            # in the same process, so a section must not depend on which worker had which section.
            with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver"), max_tasks_per_child=1) as pool:
                done = {r.number: r for r in pool.map(render_section, order)}
        else:
            done = {r.number: r for r in map(render_section, order)}
        return [done[j.number] for j in jobs]


def audio_frames(data: bytes) -> bytes:
    """An MP3 file without its ID3v2 tag: the frames to join into the whole recording."""
    if data[:3] == b"ID3":
        size = data[6] << 21 | data[7] << 14 | data[8] << 7 | data[9]
        data = data[10 + size:]
    return data
