"""Recording a section (writers/audio/record.py): trimming the engine's own silence, as
numpy's trim_zeros would, without building an index of every sample."""

import numpy as np
import pytest

from factsheets.engines.speech_voices import PIPER, VoiceSettings
from factsheets.writers.audio import mp3
from factsheets.writers.audio.record import SILENT, trim_bounds, utterance_settings, without_trailing_zeros
from factsheets.writers.audio.section_task import SectionTask
from factsheets.writers.audio.utterances import Section

EDGES = [[], [0], [0, 0, 0], [5], [0, 0, 5], [5, 0, 0], [0, 1, 0, 2, 0, 0], [-1, 0], [1, 2, 3]]


@pytest.mark.parametrize("values", EDGES)
def test_trailing_zeros_go_as_numpy_trims_them(values):
    samples = np.array(values, dtype=np.int16)
    assert np.array_equal(without_trailing_zeros(samples), np.trim_zeros(samples, "b"))


def test_trailing_zeros_go_as_numpy_trims_them_on_random_sound():
    rng = np.random.default_rng(7)
    for _ in range(200):
        samples = rng.integers(-3, 4, size=rng.integers(0, 40)).astype(np.int16)
        samples[rng.random(samples.size) < 0.5] = 0
        assert np.array_equal(without_trailing_zeros(samples), np.trim_zeros(samples, "b"))


def test_the_bounds_keep_a_margin_either_side_of_the_loud_samples():
    samples = np.zeros(2000, dtype=np.int16)
    samples[500], samples[1200] = SILENT + 1, -(SILENT + 1)
    assert trim_bounds(samples) == (500 - 64, 1200 + 256)


def test_the_bounds_are_clipped_to_the_recording():
    samples = np.zeros(100, dtype=np.int16)
    samples[10], samples[90] = 1000, 1000
    assert trim_bounds(samples) == (0, 100)


def test_the_loudest_negative_sample_counts_as_loud():
    # abs(-32768) is not a 16-bit number (it stays -32768): the bounds must not rely on it.
    samples = np.zeros(1000, dtype=np.int16)
    samples[400] = -32768
    assert trim_bounds(samples) == (400 - 64, 400 + 256)


@pytest.mark.parametrize("values", [[], [0, 0], [SILENT, -SILENT, 3]])
def test_a_recording_with_nothing_loud_has_empty_bounds(values):
    assert trim_bounds(np.array(values, dtype=np.int16)) == (0, 0)


def test_english_words_are_said_by_the_english_voice_the_task_gives_else_by_espeak_ngs():
    piper_english = VoiceSettings("en_US-joe-medium", 160, PIPER, "voices/en_US-joe-medium.onnx", "abc")
    tags = mp3.Tags("Cyswllt", "SEND", "SEND", "2024-03", "cym")
    task = SectionTask(3, Section("contact", "Cyswllt"), VoiceSettings("cy"), tags, "03-cyswllt.mp3", True, (("en-GB", piper_english),))
    assert utterance_settings(task, "") == VoiceSettings("cy")
    assert utterance_settings(task, "en-GB") is piper_english
    without = SectionTask(3, Section("contact", "Cyswllt"), VoiceSettings("cy", 140), tags, "03-cyswllt.mp3", True)
    assert utterance_settings(without, "en-GB") == VoiceSettings("en-gb", 140)
