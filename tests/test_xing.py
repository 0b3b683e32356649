"""The MP3's Info (Xing) header (writers/audio/xing.py): written by us, read by mutagen."""

import numpy as np
import pytest

from factsheets.writers.audio import xing

# LAME makes the frames (lameenc): with the real engines.
pytestmark = pytest.mark.engines


def test_the_mp3_carries_an_info_header_that_mutagen_reads(tmp_path):
    # lameenc writes frames only: the Info (Xing) header is ours. mutagen reads the length from
    # its frame count, not from the file's size and the bit rate.
    from mutagen.mp3 import MP3, BitrateMode

    from factsheets.writers.audio import mp3

    rate = 22050
    data = mp3.encode((np.sin(np.arange(rate * 3) / 7) * 8000).astype("int16"), rate)
    frames = xing.frames(data)
    assert xing.is_info(data[:frames[0][1]]) and data[13:17] == b"Info"  # after MPEG-2 mono's 9 bytes of side information
    count, total = int.from_bytes(data[21:25], "big"), int.from_bytes(data[25:29], "big")
    assert count == len(frames) - 1 and total == len(data)
    path = tmp_path / "info.mp3"
    path.write_bytes(data + bytes(5000))  # bytes after the audio (a bad copy) no longer stretch the length
    info = MP3(path).info
    assert info.bitrate_mode == BitrateMode.CBR
    assert info.length == pytest.approx(count * 576 / rate, abs=1e-6)


def test_a_stream_without_frames_is_left_as_it_is():
    assert xing.with_info(b"") == b"" and xing.without_info(b"ID3") == b"ID3"
    assert xing.frame_length(b"\xff\xf3\xf0\xc4") == 0  # bit rate index 15 is not a bit rate
