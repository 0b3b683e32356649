"""The website's read-along: each sentence the audio says, marked in the page with when it is heard.

The audio writer reports every sentence it says with the id of the block it says (a model
block's id; a glossary definition's paragraphs are numbered within it, so their ids start with
the definition's) and its start and end in seconds of the MP3 as a browser decodes it (the
encoder's delay is already counted in). The page gives those blocks the same ids, and marks the
words with the times they are heard, pairing them as the EPUB's media overlay does:

- a block with as many written sentences as spoken ones: each sentence in a span of its own,
  `id="<block>-s<n>"`, with `data-fs-begin` and `data-fs-end` (seconds);
- a block whose spoken words split differently (the audio writes out a number or an
  abbreviation): the whole block carries `data-fs-begin` and `data-fs-end`;
- a paragraph (or a list item's paragraph) also carries `data-fs-from`, where the audio starts
  saying it, for the "Listen from here" button the page's script adds after it;
- what the audio says that is not a paragraph is marked on its own element: a table's rows
  (`<table>-row<n>`, "Week: 6; What happens: ..."), a picture's description ("Picture: ..."),
  a quotation's label ("Quotation from paragraph 6.18:", on the quotation) and its close ("End
  of quotation.", on the quoted text's box), a call-out's label (on its title) and its close
  ("End of important information.", on the whole call-out), a heading, a definition list's terms (each term
  and its definitions, said as one sentence, in a `<div>` of their own in the `<dl>`). The page's h1 (`title`) and the contact
  details' heading (`contact-end-title`) are marked where site.py writes them (`stretch_of`).

The script, site_theme/assets/javascripts/factsheets.js, highlights the element whose stretch
holds the player's time. Without the script these attributes do nothing: the text reads as ever.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TypedDict

from . import model as m
from .transforms import is_contact
from .writers.sentences import sentence_spans
from .writers.sentence_inlines import split_inlines
from .writers.html import HtmlRenderer


class SpokenSentence(TypedDict):
    """A sentence the audio says, as its timings file holds it (writers/audio/timings.py)."""

    id: str  # "s1", "s2", ... in the order said
    block: str  # the id of the block it says ("" for none: a section's title)
    text: str
    start: float  # seconds into the decoded MP3
    end: float


# The sentences said, by the id of the block they say.
Spoken = dict[str, list[SpokenSentence]]


def spoken_by_block(path: Path | None) -> Spoken:
    """The audio's sentence timings (its JSON file), by the block they say; none without the file."""
    if path is None or not path.exists():
        return {}
    out: Spoken = {}
    for sentence in json.loads(path.read_text(encoding="utf-8"))["sentences"]:
        if sentence["block"]:
            out.setdefault(sentence["block"], []).append(sentence)
    return out


def stretch(begin: float, end: float) -> str:
    return f' data-fs-begin="{begin:.3f}" data-fs-end="{end:.3f}"'


def stretch_of(spoken: Spoken, block_id: str) -> str:
    """The attributes that mark an element with when the audio says `block_id`; none if it does not."""
    said = spoken.get(block_id)
    return stretch(said[0]["start"], said[-1]["end"]) if said else ""


def _mark_first(html: str, start_tag: str, attributes: str) -> str:
    """`html` with `attributes` added to the first `start_tag` (written without its closing '>')."""
    return html.replace(start_tag, start_tag + attributes, 1) if attributes else html


class ReadAlongRenderer(HtmlRenderer):
    """HtmlRenderer with the ids and times of what the audio says (see the module's docstring)."""

    def __init__(self, document: m.Document, spoken: Spoken | None = None, *,
                 link_href: Callable[[str], str] | None = None) -> None:
        super().__init__(document, link_href=link_href)
        self.spoken = spoken or {}
        self.scope = ""  # a glossary definition's paragraph ids are numbered within it

    def timed_words(self, block_id: str, nodes: tuple[m.Inline, ...]) -> tuple[str, str]:
        """(attributes of the block's element, its words with sentence spans where they pair)."""
        said = self.spoken[block_id]
        begin, end = said[0]["start"], said[-1]["end"]
        attributes = f' id="{escape(block_id)}" data-fs-from="{begin:.3f}"'
        groups = split_inlines(nodes, sentence_spans(m.plain_text(nodes), self.document.meta.language))
        if len(groups) != len(said):
            return attributes + stretch(begin, end), self.inlines(nodes)
        words = " ".join(
            f'<span id="{escape(block_id)}-s{n}"{stretch(s["start"], s["end"])}>{self.inlines(group).strip()}</span>'
            for n, (group, s) in enumerate(zip(groups, said, strict=True), 1)
        )
        return attributes, words

    def block(self, block: m.Block) -> str:
        if isinstance(block, m.GlossaryEntry):
            self.scope = f"{block.id}-"
            try:
                return super().block(block)
            finally:
                self.scope = ""
        if isinstance(block, m.Paragraph) and block.id and self.scope + block.id in self.spoken:
            attributes, words = self.timed_words(self.scope + block.id, block.children)
            return f"<p{attributes}>{words}</p>"
        html = super().block(block)
        if isinstance(block, m.Heading):
            return _mark_first(html, f'<h{block.level} id="{escape(block.id)}"', stretch_of(self.spoken, block.id))
        if isinstance(block, m.Figure) and block.id:
            return _mark_first(html, "<figure", f' id="{escape(block.id)}"' + stretch_of(self.spoken, block.id))
        if isinstance(block, m.Quote) and block.id:
            html = _mark_first(html, '<figure class="fs-quote"', stretch_of(self.spoken, block.id))
            return _mark_first(html, "<blockquote", stretch_of(self.spoken, f"{block.id}-end"))
        if isinstance(block, m.Table) and block.id:
            return self.timed_rows(block.id, html)
        if isinstance(block, m.Box) and block.id and not is_contact(block):
            html = _mark_first(html, f' id="{escape(block.id)}-title"', stretch_of(self.spoken, f"{block.id}-title"))
            return _mark_first(html, f' id="{escape(block.id)}"', stretch_of(self.spoken, block.id))
        return html

    def definition_list(self, block: m.DefinitionList) -> str:
        said = self.spoken.get(self.scope + block.id, []) if block.id else []
        if len(said) != len(block.items):
            return _mark_first(super().definition_list(block), "<dl", stretch_of(self.spoken, self.scope + block.id))
        groups = "".join(
            f'<div{stretch(s["start"], s["end"])}>'
            + "".join(f"<dt>{self.term(t)}</dt>" for t in item.terms)
            + "".join(f"<dd>{self.item(m.ListItem(d))}</dd>" for d in item.definitions) + "</div>"
            for item, s in zip(block.items, said, strict=True)
        )
        return f'<dl id="{escape(block.id)}">{groups}</dl>'

    def timed_rows(self, table_id: str, html: str) -> str:
        """A table's body rows, each marked with when the audio reads it (`<table>-row<n>`)."""
        head, _, body = html.partition("<tbody>")
        rows = body.split("<tr>")
        for n in range(1, len(rows)):
            row_id = f"{table_id}-row{n}"
            if row_id in self.spoken:
                rows[n] = f' id="{escape(row_id)}"{stretch_of(self.spoken, row_id)}>' + rows[n]
            else:
                rows[n] = ">" + rows[n]
        return head + "<tbody>" + "<tr".join(rows) if body else html

    def item(self, item: m.ListItem) -> str:
        if len(item.blocks) == 1 and isinstance(item.blocks[0], m.Paragraph):
            paragraph = item.blocks[0]
            block_id = self.scope + paragraph.id
            if paragraph.id and block_id in self.spoken:
                attributes, words = self.timed_words(block_id, paragraph.children)
                return f"<span{attributes}>{words}</span>"
        return super().item(item)
