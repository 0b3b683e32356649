"""SMIL media overlays: each sentence of the text paired with its stretch of the MP3.

The audio writer reports each spoken sentence with the block it says and its
start and end in the decoded MP3 (encoder delay included). The text has the
same block's written sentences in spans. Where a block has as many written as
spoken sentences, they pair one to one; where the spoken words split
differently (the audio writes out a number or an abbreviation), the block is
highlighted whole, from its first spoken sentence's start to its last one's end.
Every sentence heard has text to highlight (coverage is the whole recording): the
audio names an element for what no block says, such as its title, its spoken
introduction (the summary), a call-out's label and its end (the whole call-out), a table's row, a quotation's cues,
a footnote, and "End of factsheet." (see xhtml.py). The items play in the order
they are heard: a footnote read after the paragraph that cites it is highlighted
then, though the text shows it at the end of its section.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

SMIL_NS = "http://www.w3.org/ns/SMIL"
EPUB_NS = "http://www.idpf.org/2007/ops"
ACTIVE_CLASS = "-epub-media-overlay-active"


@dataclass(frozen=True)
class Par:
    text_id: str  # the span (or block) in the content document
    begin: float  # seconds in the audio file
    end: float


def by_block(sentences: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for sentence in sentences:
        if sentence["block"]:
            out.setdefault(sentence["block"], []).append(sentence)
    return out


def pars(sentences: list[dict[str, Any]], written: dict[str, list[str]], order: list[str]) -> list[Par]:
    """`written`: block id -> its sentence span ids (empty: the block is one target);
    `order`: the block ids in the order the text has them."""
    spoken = by_block(sentences)
    out: list[Par] = []
    for block in order:
        said = spoken.get(block)
        if not said or block not in written:
            continue
        spans = written[block]
        if spans and len(spans) == len(said):
            out += [Par(span, s["start"], s["end"]) for span, s in zip(spans, said, strict=True)]
        else:
            out.append(Par(block, said[0]["start"], said[-1]["end"]))
    return sorted(out, key=lambda par: par.begin)


def clock(seconds: float) -> str:
    """A SMIL clock value, as EPUB's media:duration also takes it: h:mm:ss.fff."""
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def smil(pars: list[Par], text_href: str, audio_href: str) -> str:
    items = "\n".join(
        f'    <par id="par{n}"><text src="{escape(text_href)}#{escape(p.text_id)}"/>'
        f'<audio src="{escape(audio_href)}" clipBegin="{clock(p.begin)}" clipEnd="{clock(p.end)}"/></par>'
        for n, p in enumerate(pars, 1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<smil xmlns="{SMIL_NS}" xmlns:epub="{EPUB_NS}" version="3.0">\n'
        f'  <body>\n   <seq id="seq1" epub:textref="{escape(text_href)}" epub:type="bodymatter">\n{items}\n   </seq>\n  </body>\n</smil>\n'
    )


def duration(pars: list[Par]) -> float:
    """What the overlay plays: the sum of its clips (EPUB asks for this, not the file's length)."""
    return sum(p.end - p.begin for p in pars)
