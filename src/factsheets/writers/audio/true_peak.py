"""True peak: the signal's peak between its samples as well as at them.

A player's converter makes a continuous wave from the samples, and between two loud samples
it can rise above both: a sample peak under-reads it (ACX's -3 dB bar is read by true-peak
meters). Measured as ITU-R BS.1770's meter does, by oversampling 4x: the values a quarter,
half and three quarters of the way between samples, each from a windowed-sinc filter of
2*TAPS samples. Used by the levelling (sound.py) and by the audio check (validators/audio.py).
"""

from __future__ import annotations

import functools

import numpy as np

FULL_SCALE = 32768.0
OVERSAMPLE = 4  # as ITU-R BS.1770's true-peak meter
TAPS = 12  # samples either side in the interpolation filter
CHUNK = 1 << 16


def db(value: float) -> float:
    return float(20 * np.log10(max(value, 1e-12)))


def block_true_peaks(samples: np.ndarray, blocks: np.ndarray, block: int) -> np.ndarray:
    """The true peak (full scale 1.0) of each of some blocks of `block` samples, in batches."""
    out = np.empty(blocks.size)
    for first in range(0, blocks.size, 256):
        chosen = blocks[first:first + 256]
        out[first:first + chosen.size] = [
            max(float(np.abs(samples[b * block:(b + 1) * block].astype(np.float64)).max(initial=0)) / FULL_SCALE,
                float(between_peaks(samples, b * block, min(block, samples.size - b * block)).max(initial=0)))
            for b in chosen]
    return out


@functools.cache
def _interpolation_filters() -> np.ndarray:
    """For each in-between position (1/4, 2/4, 3/4 of a sample on), a windowed-sinc filter
    of 2*TAPS samples that gives the signal's value there."""
    k = np.arange(-TAPS + 1, TAPS + 1)
    filters = []
    for phase in range(1, OVERSAMPLE):
        x = k - phase / OVERSAMPLE
        filters.append(np.sinc(x) * np.kaiser(2 * TAPS, 8.0))
    return np.array(filters)


def between_peaks(samples: np.ndarray, begin: int, size: int) -> np.ndarray:
    """For each sample from `begin` (full scale 1.0), the largest |value| of the signal in the
    quarter, half and three quarters of the way to the next sample."""
    filters = _interpolation_filters()
    start, stop = begin - TAPS + 1, begin + size + TAPS
    part = np.zeros(stop - start)
    lo, hi = max(start, 0), min(stop, samples.size)
    part[lo - start: hi - start] = samples[lo:hi].astype(np.float64) / FULL_SCALE
    # Output j of a valid convolution is the value at begin + j + phase/4.
    peaks: np.ndarray = np.max([np.abs(np.convolve(part, taps[::-1], mode="valid")[:size]) for taps in filters], axis=0)
    return peaks


def true_peak_db(samples: np.ndarray) -> float:
    """The peak of the signal between the samples as well as at them (4x oversampled, as a
    true-peak meter reads it, dBTP): a sample peak under-reads what a player's converter
    makes of two loud samples in a row. Worked in slices, as everything here."""
    if samples.size == 0:
        return -120.0
    peak = float(max(int(samples.max()), -int(samples.min()))) / FULL_SCALE
    for begin in range(0, samples.size, CHUNK):
        peak = max(peak, float(between_peaks(samples, begin, min(CHUNK, samples.size - begin)).max()))
    return db(peak)
