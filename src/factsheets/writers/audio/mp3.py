"""MP3 encoding (LAME through lameenc) and ID3 tags with chapters (mutagen).

Constant bit rate, mono: what ACX asks for and what every player seeks in
accurately. Chapters are ID3v2 CHAP frames with a CTOC table of contents (the
"ID3v2 Chapter Frame Addendum"), one a section. Nothing here reads the clock,
so the same audio gives the same bytes.

lameenc writes no Xing/LAME header; encode() puts an "Info" header frame first
(xing.py), so players show the right length and seek by its table. It carries no
LAME extension (no encoder delay), so decoders (sox, ffmpeg, browsers) all play every
sample 1,106 samples late at 22,050 Hz (about 50 ms: LAME's delay of 576 plus the
decoder's 529 and one); the sentence timings add the delay (`timings.ENCODER_DELAY`,
tested in tests/test_sound.py).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import lameenc

from . import xing

if TYPE_CHECKING:
    import numpy as np

BIT_RATE = 64  # kbit/s: clear speech, mono, at 22,050 Hz
QUALITY = 5  # LAME's algorithm quality, 2 best .. 7 fastest; 5 is near 2 for speech and much faster


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    start_ms: int
    end_ms: int


@dataclass(frozen=True)
class Tags:
    title: str
    artist: str  # the organisation
    album: str  # the factsheet series
    date: str  # YYYY-MM, from the factsheet, never the clock
    language: str  # ISO 639-2, e.g. "eng"
    track: str | None = None  # "3/12"
    voice: str = ""  # "Read by a synthetic voice (Piper, en_US-joe-medium)": a comment (COMM), and TXXX:VOICE


def encode(samples: np.ndarray, rate: int) -> bytes:
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(BIT_RATE)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(1)
    encoder.set_quality(QUALITY)
    return xing.with_info(bytes(encoder.encode(samples.astype("<i2").tobytes()) + encoder.flush()))


def duration_ms(data: bytes) -> int:
    """An MP3's length, as mutagen reads it: for constant bit rate (what encode() makes) the
    audio's bytes over the bit rate, which is the frames' count times their 576 samples."""
    from mutagen.mp3 import MPEGInfo

    return round(float(MPEGInfo(io.BytesIO(data)).length) * 1000)


def id3_size(data: bytes) -> int:
    """The bytes of an MP3's ID3v2 tag, header included (0: it has none), as mutagen reads it."""
    from mutagen.id3 import ID3, ID3NoHeaderError

    try:
        return int(ID3(io.BytesIO(data)).size)
    except ID3NoHeaderError:
        return 0


def language_code(language: str) -> str:
    """ISO 639-2, as ID3's TLAN frame wants: from Babel (i18n.iso639_2)."""
    from ...i18n import iso639_2

    return iso639_2(language)


def tag(path: Path, tags: Tags, chapters: list[Chapter] | None = None) -> None:
    # Imported here: planning a build needs Tags, not mutagen (the workers have it imported).
    from mutagen.id3 import CHAP, COMM, CTOC, ID3, TALB, TCON, TDRC, TIT2, TLAN, TPE1, TRCK, TXXX, CTOCFlags

    id3 = ID3()
    id3.add(TIT2(encoding=3, text=tags.title))
    id3.add(TPE1(encoding=3, text=tags.artist))
    id3.add(TALB(encoding=3, text=tags.album))
    id3.add(TDRC(encoding=3, text=tags.date))
    id3.add(TLAN(encoding=3, text=tags.language))
    id3.add(TCON(encoding=3, text="Speech"))
    if tags.track:
        id3.add(TRCK(encoding=3, text=tags.track))
    if tags.voice:
        # The comment is what players show; TXXX:VOICE is for a program that looks for it.
        id3.add(COMM(encoding=3, lang=tags.language if len(tags.language) == 3 else "und", desc="", text=tags.voice))
        id3.add(TXXX(encoding=3, desc="VOICE", text=tags.voice))
    if chapters:
        id3.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=[c.id for c in chapters], sub_frames=[TIT2(encoding=3, text="Contents")]))
        for chapter in chapters:
            id3.add(CHAP(element_id=chapter.id, start_time=chapter.start_ms, end_time=chapter.end_ms, start_offset=0xFFFFFFFF, end_offset=0xFFFFFFFF, sub_frames=[TIT2(encoding=3, text=chapter.title)]))
    id3.save(str(path), v2_version=4, padding=lambda info: 0)
