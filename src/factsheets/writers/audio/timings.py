"""Where each sentence is heard: from the engine's word starts to times in the MP3.

A section's recording is built from utterances (trimmed, with pauses between),
then given its lead-in and encoded. A sentence's start follows the same steps:
the sample of its first word in the engine's audio, less what was trimmed off
the front, plus where the utterance was placed, plus the lead-in.

The MP3 adds one more: LAME without a gapless (Xing/LAME) header, as lameenc
writes it here, makes decoders (ffmpeg, sox, browsers) give every sample 1,106
samples late at 22,050 Hz (about 50 ms): LAME's own delay of 576 samples plus
the decoder's 529 and one, measured by decoding a click with sox. Nothing in the
file tells a player to skip them, so the timings add them instead.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ...engines.espeak_timing import WordStart

from ..sentences import sentence_spans

ENCODER_DELAY = 1106  # samples: see the module's docstring


@dataclass(frozen=True)
class SentenceTime:
    block: str  # the document block it says ("" for words not in the text, e.g. "Quotation:")
    text: str  # as said
    start: int  # samples from the start of the section's recording
    end: int


def utterance_sentences(text: str, block: str, words: list[WordStart] | None, trimmed: tuple[int, int], placed_at: int) -> list[SentenceTime]:
    """The sentences of one utterance. `words` are the engine's word starts (None where the
    engine reports none: then each sentence is placed by its share of the characters)."""
    begin, end = trimmed
    length = end - begin
    starts = []
    for span_start, span_end in sentence_spans(text):
        if words is None:
            sample = begin + length * span_start // max(len(text), 1)
        else:
            inside = [w.sample for w in words if span_start <= w.character < span_end]
            if not inside:
                continue  # a sentence the engine said no word of (punctuation alone)
            sample = inside[0]
        starts.append((span_start, span_end, placed_at + min(max(sample - begin, 0), length)))
    out = []
    for index, (span_start, span_end, start) in enumerate(starts):
        stop = starts[index + 1][2] if index + 1 < len(starts) else placed_at + length
        out.append(SentenceTime(block, text[span_start:span_end], start, max(stop, start)))
    if out:
        out[0] = SentenceTime(out[0].block, out[0].text, placed_at, out[0].end)  # heard from its first sound
    return out


def shifted(sentences: list[SentenceTime], samples: int) -> list[dict[str, Any]]:
    """As plain data (for the part's details), moved later by some samples (the lead-in)."""
    return [asdict(s) | {"start": s.start + samples, "end": s.end + samples} for s in sentences]


def whole_recording(sections: list[tuple[list[dict[str, Any]], int, int]]) -> list[dict[str, Any]]:
    """Each section's sentences (samples in the section), its start in the whole MP3 (ms) and
    its sample rate -> every sentence with start and end in seconds of the decoded MP3."""
    out = []
    for sentences, start_ms, rate in sections:
        for sentence in sentences:
            out.append({
                "block": sentence["block"],
                "text": sentence["text"],
                "start": round(start_ms / 1000 + (sentence["start"] + ENCODER_DELAY) / rate, 3),
                "end": round(start_ms / 1000 + (sentence["end"] + ENCODER_DELAY) / rate, 3),
            })
    for number, sentence in enumerate(out, 1):
        sentence["id"] = f"s{number}"
    return out
