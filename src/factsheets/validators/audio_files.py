"""The audio's companion files, checked against the recording they index: the WebVTT
chapters are exactly the MP3's ID3 chapters, and the M3U8 playlist lists the manifest's
chapters in order, each a section file of the same factsheet (nothing forged or pointing out).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from . import FAILURE, Finding
from .audio import chapters

if TYPE_CHECKING:
    from ..manifest_entry import ManifestEntry

_CUE_TIME = re.compile(r"^(\d{2,}):(\d{2}):(\d{2})\.(\d{3}) --> (\d{2,}):(\d{2}):(\d{2})\.(\d{3})$")


def _ms(h: str, m: str, s: str, ms: str) -> int:
    return ((int(h) * 60 + int(m)) * 60 + int(s)) * 1000 + int(ms)


def vtt_cues(text: str) -> list[tuple[int, int, str]] | None:
    """A WebVTT file's cues as (start ms, end ms, text); None if it is not WebVTT as the build writes it."""
    blocks = text.replace("\r\n", "\n").strip("\n").split("\n\n")
    if not blocks or blocks[0].strip() != "WEBVTT":
        return None
    cues = []
    for block in blocks[1:]:
        lines = block.split("\n")
        timing = next((i for i, line in enumerate(lines) if "-->" in line), None)
        found = _CUE_TIME.match(lines[timing]) if timing is not None and timing <= 1 else None
        if not found or timing is None:
            return None
        cues.append((_ms(*found.groups()[:4]), _ms(*found.groups()[4:]), "\n".join(lines[timing + 1:])))
    return cues


def check_chapters_file(vtt_path: Path, mp3_path: Path) -> list[Finding]:
    """The WebVTT chapters are exactly the recording's ID3 chapters: no cue of its own."""
    cues = vtt_cues(vtt_path.read_text(encoding="utf-8", errors="replace"))
    if cues is None:
        return [Finding(FAILURE, "audio_chapters", f"{vtt_path.name} is not a WebVTT chapters file as the build writes it", "Run `factsheets build` again.", str(vtt_path))]
    expected = [(start, end, title) for title, start, end in chapters(mp3_path)]
    forged = [cue for cue in cues if cue not in expected]
    if forged:
        start, _, text = forged[0]
        return [Finding(FAILURE, "audio_chapters", f"{vtt_path.name}: the cue {text[:60]!r} at {start / 1000:.3f} s is not one of the recording's chapters",
                        "Run `factsheets build` again; if it comes back, look for line breaks or '-->' in a heading.", str(vtt_path))]
    if len(cues) != len(expected):
        return [Finding(FAILURE, "audio_chapters", f"{vtt_path.name} has {len(cues)} chapters; the recording has {len(expected)}", "Run `factsheets build` again.", str(vtt_path))]
    return []


def check_playlist(m3u8_path: Path, entry: ManifestEntry) -> list[Finding]:
    """The M3U8 playlist lists the manifest's chapters, in order, each a section file beside it."""
    def fail(message: str) -> list[Finding]:
        return [Finding(FAILURE, "audio_playlist", f"{m3u8_path.name}: {message}", "Run `factsheets build` again; if it comes back, look for line breaks or '#' at the start of a heading.", str(m3u8_path))]

    lines = [line for line in m3u8_path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    if not lines or lines[0] != "#EXTM3U":
        return fail("does not start with #EXTM3U")
    titles, tracks = [], []
    for line in lines[1:]:
        if line.startswith("#EXTINF:") and "," in line:
            titles.append(line.split(",", 1)[1])
        elif line.startswith("#"):
            return fail(f"a line the build does not write: {line[:60]!r}")
        else:
            tracks.append(line)
    listed = [c.get("title") for c in entry.get("details", {}).get("audio_mp3", {}).get("chapters", []) if isinstance(c, dict)]
    if titles != listed or len(tracks) != len(listed):
        return fail(f"its {len(tracks)} tracks {titles[:3]}... are not the {len(listed)} chapters the manifest lists")
    folder = m3u8_path.parent.resolve()
    for track in tracks:
        target = (m3u8_path.parent / track).resolve()
        if ":" in track or track.startswith("/") or not target.is_relative_to(folder) or target.suffix != ".mp3" or not target.is_file():
            return fail(f"the track {track[:60]!r} is not a section file of this factsheet")
    return []
