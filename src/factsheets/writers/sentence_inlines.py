"""A paragraph's inlines cut at its sentences: the EPUB's and the web page's read-along
highlight a sentence at a time, and both cut the same way."""

from __future__ import annotations

from collections.abc import Iterable

from .. import model as m


def split_inlines(nodes: Iterable[m.Inline], spans: list[tuple[int, int]]) -> list[list[m.Inline]]:
    """Top-level inlines -> one list of inlines a sentence. A sentence boundary inside a
    link or emphasis is not cut (the element stays whole, the sentences either side join)."""
    cuts = [start for start, _ in spans[1:]]
    groups: list[list[m.Inline]] = [[]]
    offset = 0
    for node in nodes:
        length = len(m.plain_text((node,)))
        if isinstance(node, m.Text):
            text, begin = node.text, 0
            while cuts and offset + begin <= cuts[0] <= offset + length:
                cut = cuts.pop(0) - offset
                if text[begin:cut]:
                    groups[-1].append(m.Text(text[begin:cut]))
                if groups[-1]:
                    groups.append([])
                begin = cut
            if text[begin:]:
                groups[-1].append(m.Text(text[begin:]))
        else:
            while cuts and cuts[0] < offset + length:
                cuts.pop(0)
            groups[-1].append(node)
        offset += length
    return [g for g in groups if g]
