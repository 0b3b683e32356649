"""Levelling and limiting, on signals whose right answer is known."""

import numpy as np

from factsheets.validators.audio import decode
from factsheets.writers.audio import sound, xing
import pytest

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

RATE = 22050


def speech_like(seconds: float, level: float) -> np.ndarray:
    """A tone with loud bursts: the bursts must be limited, the rest levelled."""
    t = np.arange(int(seconds * RATE)) / RATE
    x = level * np.sin(2 * np.pi * 220 * t) * (1 + 0.5 * np.sin(2 * np.pi * 0.7 * t))
    x[RATE: RATE + 400] = 0.99  # a burst at full scale, as espeak-ng's plosives reach
    return np.round(x * 32767).astype(np.int16)


def test_master_levels_to_the_target_and_keeps_peaks_under_the_ceiling():
    speech = speech_like(20.0, 0.05)  # quiet: about -30 dBFS
    out = sound.master(speech, 0.6, 1.2, RATE)
    lead, tail = round(0.6 * RATE), round(1.2 * RATE)
    assert out.dtype == np.int16 and out.size == lead + speech.size + tail
    assert not out[:lead].any() and not out[-tail:].any()
    assert abs(sound.rms_db(out) - sound.TARGET_RMS_DB) < 0.2
    assert sound.peak_db(out) <= sound.CEILING_DB + 0.01


def test_slicing_does_not_change_the_result(monkeypatch):
    speech = speech_like(30.0, 0.05)  # ten slices and a part
    sliced = sound.master(speech, 0.6, 1.2, RATE)
    monkeypatch.setattr(sound, "CHUNK", 1 << 24)  # the whole recording in one slice
    whole = sound.master(speech, 0.6, 1.2, RATE)
    assert np.array_equal(sliced, whole)


def test_block_peaks_across_slice_boundaries():
    samples = np.zeros(sound.CHUNK + 100, dtype=np.int16)
    samples[sound.CHUNK - 1] = -32768  # the last sample of the first slice
    samples[sound.CHUNK + 99] = 16384  # the last sample of all, in a part block
    peaks = sound.block_peaks(samples)
    assert peaks.size == -(-samples.size // sound.BLOCK)
    assert peaks[(sound.CHUNK - 1) // sound.BLOCK] == 1.0
    assert peaks[-1] == 0.5
    assert np.count_nonzero(peaks) == 2


def test_silence_stays_silence():
    out = sound.master(np.zeros(1000, dtype=np.int16), 0.5, 1.0, RATE)
    assert out.size == 1000 + round(1.5 * RATE) and not out.any()


def test_the_mp3_is_decoded_late_by_the_encoder_delay(tmp_path):
    # No LAME gapless extension: decoders play every sample ENCODER_DELAY samples late, and the
    # read-along timings add it. Measured on a click, decoded by sox from the frames after the
    # Info header, as players decode it (ffmpeg, measured here: 1,105 samples, with or without
    # the header; sox given the whole file plays the header as one frame, 576 samples, of silence).
    import subprocess

    from factsheets.writers.audio import mp3, timings

    samples = np.zeros(2 * RATE, dtype=np.int16)
    samples[10_000:10_020] = 20_000
    path = tmp_path / "click.mp3"
    path.write_bytes(mp3.encode(samples, RATE))

    def heard(mp3_bytes: bytes) -> int:
        raw = subprocess.run(["sox", "-t", "mp3", "-", "-t", "raw", "-e", "signed", "-b", "16", "-c", "1", "-"],
                             input=mp3_bytes, capture_output=True, check=True).stdout
        return int(np.argmax(np.abs(np.frombuffer(raw, dtype="<i2").astype(int)) > 3000))

    assert abs(heard(xing.without_info(path.read_bytes())) - 10_000 - timings.ENCODER_DELAY) <= 3
    assert abs(heard(path.read_bytes()) - 10_000 - timings.ENCODER_DELAY - 576) <= 3
    decoded, _ = decode(path)  # the audio check hears it as players do
    assert abs(int(np.argmax(np.abs(decoded.astype(int)) > 3000)) - 10_000 - timings.ENCODER_DELAY) <= 3


def test_mp3_length_and_tag_size_are_read_by_mutagen(tmp_path):
    from factsheets.writers.audio import audio_frames, mp3

    rate = 22050
    samples = (np.sin(np.arange(rate * 3) / 7) * 8000).astype("int16")
    data = mp3.encode(samples, rate)
    header = xing.frame_length(data[:4])
    assert mp3.id3_size(data) == 0 and audio_frames(data) == data[header:]  # the frames without the Info header
    # LAME adds its delay and pads the last frame: a little over 3 s, never less.
    assert 3000 <= mp3.duration_ms(data) <= 3000 + 2 * 1152 * 1000 // rate
    path = tmp_path / "tagged.mp3"
    path.write_bytes(data)
    mp3.tag(path, mp3.Tags("Title", "Organisation", "Series", "2024-01", "eng"))
    tagged = path.read_bytes()
    assert mp3.id3_size(tagged) == len(tagged) - len(data)
    assert audio_frames(tagged) == data[header:]
    assert mp3.duration_ms(audio_frames(tagged)) == mp3.duration_ms(data)


@pytest.mark.parametrize("size", [0, 1, 31, 32, 64, 100, 4096 + 17, 3 * sound.CHUNK + 5])
def test_the_energy_after_limiting_is_the_energy_of_the_limited_samples(size):
    rng = np.random.default_rng(size)
    samples = (rng.standard_normal(size) * 8000).clip(-32768, 32767).astype(np.int16)
    gains = rng.uniform(0.2, 2.0, max(-(-size // sound.BLOCK), 1))
    applied = sum(float((part.astype(np.float64) ** 2).sum()) for part in sound.limited_slices(samples, gains))
    assert sound.limited_energy(sound.segment_energies(samples), gains) == pytest.approx(applied, rel=1e-5, abs=1e-9)


def test_gain_ramps_are_the_numbers_np_interp_gives():
    # The same operations in the same order: the levelled sound keeps its bytes.
    rng = np.random.default_rng(3)
    for _ in range(100):
        gains = rng.random(int(rng.integers(1, 3000))) * 3
        size = gains.size * sound.BLOCK - int(rng.integers(0, sound.BLOCK))
        centres = np.arange(gains.size) * sound.BLOCK + sound.BLOCK / 2
        for begin in range(0, size, sound.CHUNK):
            count = min(sound.CHUNK, size - begin)
            assert np.array_equal(sound.gain_ramps(gains, begin, count), np.interp(np.arange(begin, begin + count), centres, gains))


def test_the_true_peak_reads_between_the_samples():
    # A tone at a quarter of the sample rate, sampled 45 degrees off its crests: every sample is
    # at 0.707 of the wave's peak, so the sample peak is 3 dB under the true one.
    n = np.arange(4000)
    fade = np.minimum(1, np.minimum(n, n[::-1]) / 400)  # no click at either end: a click's true peak is its own
    tone = np.round(np.sin(2 * np.pi * n / 4 + np.pi / 4) * 0.5 * fade * 32768).astype(np.int16)
    assert abs(sound.peak_db(tone) - (-9.03)) < 0.05
    assert abs(sound.true_peak_db(tone) - (-6.02)) < 0.1


def test_master_keeps_the_true_peak_under_its_ceiling_with_the_loudness_in_range():
    n = np.arange(RATE * 5)
    crests_between_samples = np.sin(2 * np.pi * n / 4 + np.pi / 4) * 0.3 * (1 + np.sin(2 * np.pi * 0.5 * n / RATE))
    speech = np.round(crests_between_samples * 32767).astype(np.int16)
    out = sound.master(speech, 0.6, 1.2, RATE)
    assert sound.true_peak_db(out) <= sound.TRUE_PEAK_DB + 0.01
    assert sound.true_peak_db(sound.master(speech[:0], 0.6, 1.2, RATE)) == -120.0 or not sound.master(speech[:0], 0.6, 1.2, RATE).any()
    assert -23 <= sound.rms_db(out) <= -18


def test_an_utterance_at_another_rate_is_resampled_to_the_sections():
    tone = np.round(np.sin(2 * np.pi * 440 * np.arange(16000) / 16000) * 10000).astype(np.int16)
    out = sound.resampled(tone, 16000, RATE)
    assert out.size == RATE
    crossings = np.count_nonzero(np.diff(np.signbit(out.astype(np.int32))))
    assert abs(crossings - 880) <= 2  # still 440 Hz: a second of it
