"""The true peak of chosen blocks (the limiter's), against its definition: the sample peak and
the in-between values of true_peak.between_peaks, one block at a time. No engine: fast tier."""

import numpy as np
import pytest

from factsheets.writers.audio import true_peak

BLOCK = 64


def one_block_at_a_time(samples: np.ndarray, blocks: np.ndarray, block: int) -> np.ndarray:
    """What block_true_peaks gives, by its definition: a small convolution a block."""
    out = []
    for b in blocks:
        size = min(block, samples.size - b * block)
        at = float(np.abs(samples[b * block: b * block + size].astype(np.float64)).max(initial=0)) / true_peak.FULL_SCALE
        out.append(max(at, float(true_peak.between_peaks(samples, b * block, size).max(initial=0))))
    return np.array(out)


@pytest.mark.parametrize("size", [1, 63, 64, 65, 1000, 3 * true_peak.BATCH * BLOCK + 17])
def test_block_true_peaks_are_each_blocks_own(size):
    rng = np.random.default_rng(size)
    samples = np.clip(rng.standard_normal(size) * 12000, -32768, 32767).astype(np.int16)
    count = -(-size // BLOCK)
    # Some blocks, not in a run: the first and the last (a part block: no value past the end) among them.
    blocks = np.union1d(rng.integers(0, count, size=count // 3), [0, count - 1])
    expected = one_block_at_a_time(samples, blocks, BLOCK)
    assert np.allclose(true_peak.block_true_peaks(samples, blocks, BLOCK), expected, rtol=1e-12, atol=0)
    assert true_peak.block_true_peaks(samples, blocks[:0], BLOCK).size == 0


def test_a_block_reads_the_crest_between_its_samples_and_its_neighbours():
    # A tone at a quarter of the sample rate, 45 degrees off its crests: each sample is 0.707 of
    # the crest. A block's true peak is the crest, read with its neighbours' samples; a quiet
    # block beside a loud one reads the loud one's ringing at its edge, not the loud one's peak.
    n = np.arange(BLOCK * 8)
    tone = np.round(np.sin(2 * np.pi * n / 4 + np.pi / 4) * 0.5 * 32768).astype(np.int16)
    tone[: BLOCK * 2] = 0
    peaks = true_peak.block_true_peaks(tone, np.arange(8), BLOCK)
    assert np.allclose(peaks[3:7], 0.5, atol=0.01)  # not 0.354, the samples' peak
    assert peaks[0] == 0 and 0 < peaks[1] < 0.354
    assert np.allclose(peaks, one_block_at_a_time(tone, np.arange(8), BLOCK), rtol=1e-12, atol=1e-15)


def test_a_part_block_has_no_value_past_the_last_sample():
    # Samples chosen so that the last sample and the values between it and the next (absent) one
    # are silent, while the signal, went on in zeros, would ring half a sample after the end.
    size, taps = BLOCK * 3 + 1, true_peak.TAPS
    filters = true_peak._interpolation_filters()

    def weights(sample: int, phase: int) -> np.ndarray:  # what the value at sample + phase/4 takes of each sample
        w = np.zeros(size + 3 * taps)
        w[sample + 1: sample + 2 * taps + 1] = filters[phase - 1]  # samples sample - taps + 1 .. sample + taps, shifted by taps
        return w[taps: taps + size]

    silent = np.array([weights(size - 1, p) for p in (1, 2, 3)] + [np.eye(size)[size - 1]])
    ringing = weights(size, 2)
    samples = ringing - silent.T @ np.linalg.lstsq(silent.T, ringing, rcond=None)[0]
    samples = np.round(samples / np.abs(samples).max() * 20000).astype(np.int16)
    last = np.array([size // BLOCK])
    went_on = np.concatenate([samples, np.zeros(BLOCK, dtype=np.int16)])
    assert true_peak.between_peaks(went_on, size, 1).max() > 1e-3  # it would ring there
    assert true_peak.block_true_peaks(samples, last, BLOCK)[0] < 1e-5
    assert np.allclose(true_peak.block_true_peaks(samples, last, BLOCK), one_block_at_a_time(samples, last, BLOCK), rtol=1e-9, atol=1e-12)
