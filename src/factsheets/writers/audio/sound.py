"""Levelling, peak limiting and silence, to the ACX bar (FORMATS.md).

Raw espeak-ng speech has about the right loudness but peaks at 0 dBFS, so gain
alone cannot meet "RMS -23 to -18 dBFS, peaks at or below -3 dBFS": a limiter
turns down only the few loud moments. It works on blocks of samples with a
gain that never exceeds what each block needs, so no sample passes the ceiling
and there is no distortion from clipping.

A section is held as 16-bit samples, in and out, and worked on in slices of
float: memory is four bytes a sample, not the several float copies of the
whole recording that array arithmetic would make (a long section is minutes).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from .true_peak import block_true_peaks, true_peak_db  # noqa: F401 (true_peak_db: the validator's too)

FULL_SCALE = 32768.0
TARGET_RMS_DB = -20.0  # the middle of ACX's -23 to -18
CEILING_DB = -3.5  # half a decibel under ACX's -3, for MP3 encoding's overshoot
TRUE_PEAK_DB = -3.8  # the true peak (4x oversampled) before encoding: ACX's -3 dBTP, less MP3's overshoot (measured up to 0.6 dB)
NEAR_DB = 6.0  # a block's true peak is read only where its samples come within this of the ceiling (see master)
CHUNK = 1 << 16  # samples in a slice: a multiple of BLOCK
BLOCK = 64  # samples: about 3 ms at 22,050 Hz
SPREAD = 8  # blocks either side a gain reduction reaches, so it is not heard as a click


def db(value: float) -> float:
    return float(20 * np.log10(max(value, 1e-12)))


def undb(decibels: float) -> float:
    return 10 ** (decibels / 20)


def rms_db(samples: np.ndarray) -> float:
    """RMS level of 16-bit samples in dBFS, as sox measures it (over every sample, silence included)."""
    if samples.size == 0:
        return -120.0
    total = sum(float(np.dot(s, s)) for s in _float_slices(samples, 1 / FULL_SCALE, np.float64))
    return db(np.sqrt(total / samples.size))


def peak_db(samples: np.ndarray) -> float:
    if samples.size == 0:
        return -120.0
    return db(float(max(int(samples.max()), -int(samples.min()))) / FULL_SCALE)


def silence(seconds: float, rate: int) -> np.ndarray:
    return np.zeros(int(round(seconds * rate)), dtype=np.int16)


def resampled(samples: np.ndarray, rate: int, to: int) -> np.ndarray:
    """16-bit samples at another rate, by linear interpolation: for the odd utterance in a voice
    of another rate (English words in a translation), not for music."""
    if rate == to or samples.size == 0:
        return samples
    count = int(round(samples.size * to / rate))
    positions = np.arange(count) * (rate / to)
    resampled: np.ndarray = np.round(np.interp(positions, np.arange(samples.size), samples.astype(np.float64))).astype(np.int16)
    return resampled


def _float_slices(samples: np.ndarray, scale: float, dtype: type[np.floating[Any]] = np.float32) -> Iterator[np.ndarray]:
    for begin in range(0, samples.size, CHUNK):
        yield samples[begin:begin + CHUNK].astype(dtype) * dtype(scale)


def block_peaks(samples: np.ndarray) -> np.ndarray:
    """The largest |sample| of each BLOCK, full scale 1.0: found in whole numbers (int32, where
    |-32768| fits), then scaled, which is exact; in float it took twice as long."""
    blocks = -(-samples.size // BLOCK)
    peaks = np.empty(blocks, dtype=np.int32)
    for begin in range(0, samples.size, CHUNK):
        part = np.abs(samples[begin:begin + CHUNK].astype(np.int32))
        padded = np.zeros(-(-part.size // BLOCK) * BLOCK, dtype=np.int32)
        padded[: part.size] = part
        peaks[begin // BLOCK: begin // BLOCK + padded.size // BLOCK] = padded.reshape(-1, BLOCK).max(axis=1)
    return peaks / FULL_SCALE


def limiter_gains(peaks: np.ndarray, gain: float, ceiling: float) -> np.ndarray:
    """Each block's gain after `gain`: the least any block within SPREAD needs, so
    interpolating between neighbouring blocks never gives a sample more than it can take."""
    needed = np.minimum(gain, ceiling / np.maximum(peaks, 1e-12))
    wide = np.pad(needed, SPREAD, constant_values=gain)
    smallest: np.ndarray = np.min(np.lib.stride_tricks.sliding_window_view(wide, 2 * SPREAD + 1), axis=1)
    return smallest


def limited_slices(samples: np.ndarray, gains: np.ndarray) -> Iterator[np.ndarray]:
    """The samples (full scale 1.0) with the block gains applied, interpolated, slice by slice."""
    for begin, part in zip(range(0, samples.size, CHUNK), _float_slices(samples, 1 / FULL_SCALE)):
        yield part * gain_ramps(gains, begin, part.size).astype(np.float32)


def gain_ramps(gains: np.ndarray, begin: int, size: int) -> np.ndarray:
    """The gain of each sample from `begin`: linear from one block's centre to the next, the
    first block's before the first centre and the last's after the last. np.interp gives the
    same numbers (the same operations, in the same order), but searches for each sample's
    block: it was two thirds of the levelling's time."""
    half, last = BLOCK // 2, gains.size - 1
    shift = begin - half  # samples from the first centre
    first_block = shift // BLOCK  # the block centre at or before the first sample (negative before the first)
    offset = shift - first_block * BLOCK
    blocks = np.arange(first_block, first_block + -(-(offset + size) // BLOCK))
    left, right = gains[np.clip(blocks, 0, last)], gains[np.clip(blocks + 1, 0, last)]
    slope = (right - left) / BLOCK
    ramps = slope[:, None] * np.arange(BLOCK)[None, :] + left[:, None]
    gains_here: np.ndarray = ramps.ravel()[offset: offset + size]
    return gains_here


def segment_energies(samples: np.ndarray) -> tuple[float, np.ndarray, float]:
    """What limited_energy needs to give the energy after any block gains, without applying them.

    limited_slices interpolates the gain linearly between block centres, so on the samples
    from one centre to the next it is a + d*u (u = 0, 1/BLOCK, ...). The energy there is
    a²·Σe + 2ad·Σe·u + d²·Σe·u², e the squared samples: three sums a segment, taken once.
    Before the first centre and after the last the gain is constant. (Applying the gains to
    every sample in each levelling round was most of the levelling's time.)"""
    half = BLOCK // 2
    segments = max(-(-samples.size // BLOCK) - 1, 0)
    body_end = half + segments * BLOCK
    sums = np.zeros((segments, 3))
    u = np.arange(BLOCK) / BLOCK
    weights = np.stack([np.ones(BLOCK), u, u * u], axis=1)
    for begin in range(half, body_end, CHUNK):
        part = samples[begin:min(begin + CHUNK, body_end)].astype(np.float64) / FULL_SCALE
        squared = np.zeros(-(-part.size // BLOCK) * BLOCK)
        squared[: part.size] = part * part
        first = (begin - half) // BLOCK
        sums[first: first + squared.size // BLOCK] = squared.reshape(-1, BLOCK) @ weights

    def energy(piece: np.ndarray) -> float:
        scaled = piece.astype(np.float64) / FULL_SCALE
        return float((scaled * scaled).sum())

    return energy(samples[:min(half, samples.size)]), sums, energy(samples[max(body_end, half):])


def limited_energy(energies: tuple[float, np.ndarray, float], gains: np.ndarray) -> float:
    """The sum of squares (full scale 1.0) of limited_slices' samples, from segment_energies."""
    head, sums, tail = energies
    level, slope = gains[:-1], np.diff(gains)
    body = float((level * level * sums[:, 0] + 2 * level * slope * sums[:, 1] + slope * slope * sums[:, 2]).sum())
    return float(head * gains[0] ** 2 + body + tail * gains[-1] ** 2)


def master(speech: np.ndarray, lead_in: float, tail: float, rate: int) -> np.ndarray:
    """16-bit speech -> levelled, limited and padded 16-bit samples."""
    lead, end = len(silence(lead_in, rate)), len(silence(tail, rate))
    source = np.zeros(lead + speech.size + end, dtype=np.int16)
    source[lead: lead + speech.size] = speech
    current = rms_db(source)
    if current < -100:
        return source
    ceiling = undb(min(CEILING_DB, TRUE_PEAK_DB))  # held by the samples and by the signal between them
    peaks = block_peaks(source)
    energies = segment_energies(source)
    gains = levelled_gains(peaks, energies, current, ceiling, source.size)
    # The true peak of the blocks that come near the ceiling (reading every block's was most of
    # the levelling's time): between the samples the signal may rise over them.
    near = np.flatnonzero(peaks * gains > ceiling * undb(-NEAR_DB))
    if near.size:
        peaks[near] = np.maximum(peaks[near], block_true_peaks(source, near, BLOCK))
        gains = levelled_gains(peaks, energies, current, ceiling, source.size)
    out = np.empty_like(source)
    for begin, part in zip(range(0, source.size, CHUNK), limited_slices(source, gains)):
        part *= np.float32(FULL_SCALE)
        np.round(part, out=part)
        out[begin: begin + part.size] = np.clip(part, -32768, 32767)
    return under_true_peak(out)


def levelled_gains(peaks: np.ndarray, energies: tuple[float, np.ndarray, float], current: float, ceiling: float, size: int) -> np.ndarray:
    """Each block's gain: the RMS at the target, no block over the ceiling."""
    gain = 0.0
    for _ in range(5):  # limiting lowers the RMS a little; a few rounds settle it
        gain += TARGET_RMS_DB - current
        gains = limiter_gains(peaks, undb(gain), ceiling)
        current = db(np.sqrt(limited_energy(energies, gains) / size))
        if abs(current - TARGET_RMS_DB) < 0.2:
            break
    return gains


def under_true_peak(samples: np.ndarray) -> np.ndarray:
    """Turned down as a whole, if need be, so its true peak is at most TRUE_PEAK_DB: the
    limiter holds the samples under CEILING_DB, but not what lies between them (a fraction
    of a decibel, so the loudness stays in ACX's range)."""
    peaks = block_peaks(samples)
    near = np.flatnonzero(peaks > undb(TRUE_PEAK_DB - NEAR_DB))
    highest = max(float(peaks.max(initial=0)), float(block_true_peaks(samples, near, BLOCK).max(initial=0)))
    over = db(highest) - TRUE_PEAK_DB
    if over <= 0:
        return samples
    return np.round(samples.astype(np.float32) * np.float32(undb(-over))).astype(np.int16)
