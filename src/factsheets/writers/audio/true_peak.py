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
BATCH = 1024  # blocks a matrix product: a few MB of float at 64 samples a block


def db(value: float) -> float:
    return float(20 * np.log10(max(value, 1e-12)))


def block_true_peaks(samples: np.ndarray, blocks: np.ndarray, block: int) -> np.ndarray:
    """The true peak (full scale 1.0) of each of some blocks of `block` samples: the largest
    |sample| in it, and the largest |value| between_peaks gives for its samples.

    Worked a batch of blocks at a time as one matrix product: each block's window (its samples
    and TAPS either side, zeros outside the recording) times a matrix whose columns are the
    filters placed at each of its positions gives every in-between value of the batch at once.
    One small convolution a block, in a Python loop, was 1.5 s of CPU for the leaflet's
    twenty minutes (most of the levelling's time, twice a section: master and under_true_peak)."""
    out = np.empty(blocks.size)
    width = block + 2 * TAPS - 1
    matrix = _block_matrix(block)
    offsets = np.arange(width) - (TAPS - 1)
    for first in range(0, blocks.size, BATCH):
        chosen = np.asarray(blocks[first:first + BATCH], dtype=np.int64)
        where = chosen[:, None] * block + offsets[None, :]
        inside = (where >= 0) & (where < samples.size)
        window = np.where(inside, samples[np.clip(where, 0, max(samples.size - 1, 0))], 0).astype(np.float64) / FULL_SCALE
        between = np.abs(window @ matrix).reshape(chosen.size, OVERSAMPLE - 1, block).max(axis=1)
        at = np.abs(window[:, TAPS - 1: TAPS - 1 + block])
        # A last block short of `block` samples: no value past the recording's last sample.
        between[np.arange(block)[None, :] >= (samples.size - chosen * block)[:, None]] = 0
        out[first:first + chosen.size] = np.maximum(between.max(axis=1, initial=0), at.max(axis=1, initial=0))
    return out


@functools.cache
def _block_matrix(block: int) -> np.ndarray:
    """(window, phases x positions): column (phase - 1) * block + j holds the phase's filter where
    it reads position j's window, so a block's window times it is between_peaks' values, signed."""
    filters = _interpolation_filters()
    matrix = np.zeros((block + 2 * TAPS - 1, (OVERSAMPLE - 1) * block))
    for phase, taps in enumerate(filters):
        for j in range(block):
            matrix[j: j + 2 * TAPS, phase * block + j] = taps
    matrix.flags.writeable = False
    return matrix


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
