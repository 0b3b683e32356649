"""Levelling, peak limiting and silence, to the ACX bar (FORMATS.md).

Raw espeak-ng speech has about the right loudness but peaks at 0 dBFS, so gain
alone cannot meet "RMS -23 to -18 dBFS, peaks at or below -3 dBFS": a limiter
turns down only the few loud moments. It works on blocks of samples with a
gain that never exceeds what each block needs, so no sample passes the ceiling
and there is no distortion from clipping.
"""

from __future__ import annotations

import numpy as np

FULL_SCALE = 32768.0
TARGET_RMS_DB = -20.0  # the middle of ACX's -23 to -18
CEILING_DB = -3.5  # half a decibel under ACX's -3, for MP3 encoding's overshoot
CHUNK = 1 << 18
BLOCK = 64  # samples: about 3 ms at 22,050 Hz
SPREAD = 8  # blocks either side a gain reduction reaches, so it is not heard as a click


def db(value: float) -> float:
    return 20 * np.log10(max(value, 1e-12))


def undb(decibels: float) -> float:
    return 10 ** (decibels / 20)


def rms_db(samples: np.ndarray) -> float:
    """RMS level in dBFS, as sox measures it (over every sample, silence included)."""
    if samples.size == 0:
        return -120.0
    x = samples.astype(np.float64) / FULL_SCALE if samples.dtype != np.float64 else samples / FULL_SCALE
    return db(float(np.sqrt(np.dot(x, x) / x.size)))


def peak_db(samples: np.ndarray) -> float:
    if samples.size == 0:
        return -120.0
    return db(float(max(samples.max(), -samples.min())) / FULL_SCALE)


def silence(seconds: float, rate: int) -> np.ndarray:
    return np.zeros(int(round(seconds * rate)), dtype=np.float32)


def limit(x: np.ndarray, ceiling: float) -> np.ndarray:
    """A look-ahead limiter: per-block gain, the minimum over nearby blocks, then interpolated."""
    if x.size == 0:
        return x
    blocks = -(-x.size // BLOCK)
    padded = np.zeros(blocks * BLOCK, dtype=x.dtype)
    padded[: x.size] = np.abs(x)
    peaks = padded.reshape(blocks, BLOCK).max(axis=1)
    needed = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-12))
    # Each block's gain is the least any block within SPREAD needs, so interpolating
    # between neighbouring blocks can never give more gain than a sample can take.
    wide = np.pad(needed, SPREAD, constant_values=1.0)
    gain = np.min(np.lib.stride_tricks.sliding_window_view(wide, 2 * SPREAD + 1), axis=1)
    centres = np.arange(blocks) * BLOCK + BLOCK / 2
    out = np.empty_like(x)
    # In slices, so memory stays a small multiple of the section, not of float64 index arrays.
    for begin in range(0, x.size, CHUNK):
        end = min(begin + CHUNK, x.size)
        out[begin:end] = x[begin:end] * np.interp(np.arange(begin, end), centres, gain).astype(x.dtype)
    return out


def master(speech: np.ndarray, lead_in: float, tail: float, rate: int) -> np.ndarray:
    """Speech (float, full scale 1.0) -> levelled, limited and padded 16-bit samples."""
    ceiling = undb(CEILING_DB)
    x = np.concatenate([silence(lead_in, rate), speech.astype(np.float32), silence(tail, rate)])
    current = level_db(x)
    if current < -100:
        return x.astype(np.int16)
    source = x
    gain = 0.0
    for _ in range(5):  # limiting lowers the RMS a little; a few rounds settle it
        gain += TARGET_RMS_DB - current
        x = limit(source * np.float32(undb(gain)), ceiling)
        current = level_db(x)
        if abs(current - TARGET_RMS_DB) < 0.2:
            break
    x *= FULL_SCALE
    np.round(x, out=x)
    return np.clip(x, -32768, 32767).astype(np.int16)


def level_db(x: np.ndarray) -> float:
    """RMS of float samples (full scale 1.0) in dBFS."""
    total = float(np.dot(x.astype(np.float64), x.astype(np.float64))) if x.size < CHUNK else sum(
        float(np.dot(x[i:i + CHUNK].astype(np.float64), x[i:i + CHUNK].astype(np.float64))) for i in range(0, x.size, CHUNK))
    return db(np.sqrt(total / max(x.size, 1)))
