"""Recording one section: speech, pauses, levelling, MP3. Runs in a worker process, one
section a process (see the package's docstring); the build's workers have it imported.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np

from typing import TYPE_CHECKING

from ...engines import speech
from ...engines.speech_voices import Audio, VoiceSettings
from .. import WORKING_ON, FinishedPart, Output, Part
from . import mp3, sound, timings
from .section_task import SectionTask

LEAD_IN = 0.6  # seconds of silence before each section (ACX: 0.5 to 1)
TAIL = 1.2  # after each section (ACX: 1 to 5); with the next lead-in, a clear break between chapters
LAST_TAIL = 2.0
SILENT = 98  # |16-bit sample| at or below this (about -50 dBFS) counts as silence when trimming an utterance


def trim_bounds(samples: np.ndarray) -> tuple[int, int]:
    """Where the engine's own leading and trailing silence end and begin. (argmax finds the first
    loud sample from either end without listing every loud one, as flatnonzero did.)"""
    loud = (samples > SILENT) | (samples < -SILENT)  # no abs(): |-32768| is not a 16-bit number
    first = int(loud.argmax()) if loud.size else 0
    if loud.size == 0 or not loud[first]:
        return 0, 0
    last = loud.size - 1 - int(loud[::-1].argmax())
    return max(first - 64, 0), min(last + 256, samples.size)


def without_trailing_zeros(samples: np.ndarray) -> np.ndarray:
    """np.trim_zeros(samples, "b"), without the index of every non-zero sample that it builds:
    that index was 0.2 s of CPU for the leaflet's fifteen sections (cProfile in the workers)."""
    if samples.size == 0:
        return samples
    nonzero = samples[::-1] != 0
    first = int(nonzero.argmax())  # counted from the end
    return samples[:samples.size - first] if nonzero[first] else samples[:0]


def trim(samples: np.ndarray) -> np.ndarray:
    """Removes the engine's own leading and trailing silence, so our pauses are the pauses."""
    begin, end = trim_bounds(samples)
    return samples[begin:end]


if TYPE_CHECKING:
    from ...engines.piper import PiperSynthesiser

_synthesiser: speech.Synthesiser | PiperSynthesiser | None = None  # kept for the process's next section


def synthesiser_for(settings: VoiceSettings, work: Path) -> speech.Synthesiser | PiperSynthesiser:
    """This process's synthesiser, made again only when the engine or voice changes
    (a Piper voice takes seconds to load; espeak-ng is started once a process)."""
    global _synthesiser
    if _synthesiser is None or _synthesiser.settings != settings:
        _synthesiser = speech.synthesiser(settings, work)
    _synthesiser.workdir = work
    return _synthesiser


def utterance_settings(task: SectionTask, language: str) -> VoiceSettings:
    """English words in a translation (an utterance's own language) are said by that language's
    voice as the section task gives it (mkdocs.yml's Piper voice for English, if it names one),
    else by espeak-ng's voice for the language, whichever engine reads the rest."""
    if not language:
        return task.settings
    for tag, settings in task.other_voices:
        if tag == language:
            return settings
    return VoiceSettings(VoiceSettings.from_options({}, language).voice, task.settings.rate)


def render_section(task: SectionTask, out_dir: Path) -> Output:
    """One section: speech -> pauses -> levelled and limited -> MP3 file, in 16-bit samples throughout."""
    out_dir.mkdir(parents=True, exist_ok=True)
    work = out_dir / ".speech"
    work.mkdir(exist_ok=True)
    pieces: list[np.ndarray] = []
    sentences: list[timings.SentenceTime] = []
    placed = 0  # samples so far
    rate = task.settings.sample_rate()  # the section's: an utterance in another voice's rate is resampled to it
    for utterance in task.section.utterances:
        if not any(ch.isalnum() for ch in utterance.text):
            continue  # nothing to say (text the engine could not say was left out, with a warning)
        synthesiser = synthesiser_for(utterance_settings(task, utterance.language), work)
        (out_dir / WORKING_ON).write_text(utterance.block_id, encoding="utf-8")
        audio, words = synthesiser.synthesise_timed(utterance.text)
        if audio.rate != rate:
            if words is not None:
                words = [replace(w, sample=w.sample * rate // audio.rate) for w in words]
            audio = Audio(sound.resampled(audio.samples, audio.rate, rate), rate)
        bounds = trim_bounds(audio.samples)
        before, after = sound.silence(utterance.pause_before, rate), sound.silence(utterance.pause_after, rate)
        sentences += timings.utterance_sentences(utterance.text, utterance.block_id, words, bounds, placed + before.size)
        pieces += [before, audio.samples[bounds[0]:bounds[1]], after]
        placed += before.size + bounds[1] - bounds[0] + after.size
    shutil.rmtree(work, ignore_errors=True)
    (out_dir / WORKING_ON).unlink(missing_ok=True)
    speech_samples = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int16)
    del pieces
    # The pause after a section's last utterance is its tail.
    speech_samples = without_trailing_zeros(speech_samples)
    mastered = sound.master(speech_samples, LEAD_IN, LAST_TAIL if task.last else TAIL, rate)
    del speech_samples
    data = mp3.encode(mastered, rate)
    path = out_dir / task.filename
    path.write_bytes(data)
    mp3.tag(path, task.tags)
    lead = sound.silence(LEAD_IN, rate).size  # master() puts the lead-in before the speech
    details = {"duration_ms": mp3.duration_ms(data), "samples": int(mastered.size), "rate": rate, "sentences": timings.shifted(sentences, lead)}
    return Output(files={"section": path}, details=details)


def _record(part: Part, folder: Path) -> FinishedPart:
    assert isinstance(part.task, SectionTask)  # the audio writer's parts() makes them
    output = render_section(part.task, folder)
    return FinishedPart(folder, {k: p.relative_to(folder).as_posix() for k, p in output.files.items()}, output.details)


def record_apart(parts: list[Part], folder: Path) -> dict[str, FinishedPart]:
    """Every part in a fresh process of its own (espeak-ng's sound depends on what it said before
    in the same process), two at a time: outside a build, which runs parts in its own workers
    and hands write() the finished ones. Only the standard library's pool: no build plumbing."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    workers = min(2, os.cpu_count() or 1, len(parts)) or 1
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, max_tasks_per_child=1) as pool:
        done = pool.map(_record, parts, [folder / p.name for p in parts])
        return {p.name: f for p, f in zip(parts, done)}
