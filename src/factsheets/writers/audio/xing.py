"""The Xing "Info" header: an MP3's length and seek table, in a silent first frame.

lameenc hands back frames only: LAME writes its Xing/LAME header by seeking back to the
start of a file, which an encoder writing into memory cannot do. Without one a player
estimates the length from the bit rate and the file's size (wrong with tags or padding)
and seeks by guessing. So the header is written here, as LAME writes it for a constant bit
rate ("Info", not "Xing"): a frame of the stream's own kind whose side information is
zero, holding the count of the audio frames after it, the stream's bytes (this frame
included), a table of contents (for constant bit rate, a straight line) and a quality.

It has no LAME extension (encoder delay and padding): with one, gapless players (ffmpeg,
browsers) would drop LAME's 576-sample delay and decoders that ignore it (libmad, sox)
would not, and the read-along timings could be right for only one of them. Without it,
both play the first sample ENCODER_DELAY samples in (timings.py); the header frame itself is
skipped by decoders that know it (the measure is in tests/test_sound.py).
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

# (version bits) -> MPEG version: 3 is MPEG-1, 2 is MPEG-2, 0 is MPEG-2.5
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}
_BITRATES_V1 = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
_BITRATES_V2 = (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)
FLAGS = 0x0F  # frames, bytes, table of contents, quality
QUALITY = 50


def frame_length(header: bytes) -> int:
    """The bytes of the Layer III frame this 4-byte header starts (0: not a frame header)."""
    b1, b2 = header[1], header[2]
    if header[0] != 0xFF or (b1 & 0xE0) != 0xE0 or (b1 >> 1) & 3 != 1:
        return 0
    version, bitrate_index, rate_index = (b1 >> 3) & 3, b2 >> 4, (b2 >> 2) & 3
    if version == 1 or bitrate_index in (0, 15) or rate_index == 3:
        return 0
    bitrate = (_BITRATES_V1 if version == 3 else _BITRATES_V2)[bitrate_index] * 1000
    rate = _RATES[version][rate_index]
    per_frame = 144 if version == 3 else 72  # bytes a (bit a second / sample rate): 1152 or 576 samples a frame
    return per_frame * bitrate // rate + ((b2 >> 1) & 1)


def frames(data: bytes) -> list[tuple[int, int]]:
    """(offset, length) of each frame of a stream that starts with a frame (LAME's output)."""
    out, at = [], 0
    while at + 4 <= len(data):
        length = frame_length(data[at:at + 4])
        if length == 0:
            break
        out.append((at, length))
        at += length
    return out


def _side_info(header: bytes) -> int:
    mono = (header[3] >> 6) == 3
    if (header[1] >> 3) & 3 == 3:
        return 17 if mono else 32
    return 9 if mono else 17


def info_frame(first_header: bytes, count: int, audio_bytes: int) -> bytes:
    """A silent frame of the stream's kind (no padding) carrying the Info header for `count`
    audio frames of `audio_bytes` bytes in all."""
    header = bytes([first_header[0], first_header[1], first_header[2] & ~0x02, first_header[3]])
    size = frame_length(header)
    total = size + audio_bytes
    toc = bytes(min(255, i * 256 // 100) for i in range(100))
    body = b"Info" + struct.pack(">III", FLAGS, count, total) + toc + struct.pack(">I", QUALITY)
    frame = header + bytes(_side_info(header)) + body
    return frame + bytes(size - len(frame))


def is_info(frame: bytes) -> bool:
    """Whether a frame is a Xing/Info header rather than audio."""
    offset = 4 + _side_info(frame)
    return frame[offset:offset + 4] in (b"Info", b"Xing")


def with_info(data: bytes) -> bytes:
    """LAME's frames with an Info header frame before them."""
    found = frames(data)
    if not found:
        return data
    audio = data[: found[-1][0] + found[-1][1]]
    return info_frame(data[:4], len(found), len(audio)) + audio


def without_info(data: bytes) -> bytes:
    """The audio frames of a stream that may start with an Info header frame."""
    length = frame_length(data[:4]) if len(data) >= 4 else 0
    if length and is_info(data[:length]):
        return data[length:]
    return data


def join(sections: list[Path], path: Path, audio_of: Callable[[bytes], bytes]) -> None:
    """The whole recording from section files: one Info header for all their audio frames, then
    the frames (audio_of(file's bytes) takes each section's tag and own header off). Each file
    is read twice, counted then copied, so no more than one section is held at once."""
    count, size, first = 0, 0, b""
    for section in sections:
        part = audio_of(section.read_bytes())
        count, size, first = count + len(frames(part)), size + len(part), first or part[:4]
    with open(path, "wb") as out:
        if first:
            out.write(info_frame(first, count, size))
        for section in sections:
            out.write(audio_of(section.read_bytes()))
