"""Sentences of a text, for read-along timings: where each one starts and ends.

The same splitter is used on what the audio says (the script's utterances) and
on what the EPUB shows (a block's written words), so that the two agree on how
many sentences a paragraph has wherever the words allow it. A sentence ends at
a full stop, question mark or exclamation mark followed by a space and a
capital letter or a digit, except after a common abbreviation ("e.g.", "Mr.")
or the number that starts a numbered list item ("1. Ask ...").
"""

from __future__ import annotations

import re

# The ids of what the audio says that no block of the document has: the title, the spoken
# introduction (heard where the summary is shown) and "End of factsheet.". The EPUB gives its
# elements these ids, so that its media overlay plays every sentence of the recording.
TITLE_ID, SUMMARY_ID, END_ID = "title", "fs-summary", "fs-end"

ABBREVIATIONS = {"e.g", "i.e", "etc", "eg", "ie", "mr", "mrs", "ms", "dr", "no", "st", "vs", "cf", "para", "ref"}
BOUNDARY = re.compile(r"[.?!][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence, without surrounding spaces."""
    spans = []
    start = 0
    for boundary in BOUNDARY.finditer(text):
        before = text[start:boundary.start()].split()
        last_word = before[-1].lower().rstrip(".") if before else ""
        if last_word in ABBREVIATIONS or (len(before) == 1 and last_word.isdigit()):
            continue
        spans.append((start, boundary.end()))
        start = boundary.end()
    spans.append((start, len(text)))
    return [_stripped(text, a, b) for a, b in spans if text[a:b].strip()]


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]
