"""Markdown -> document model.

Markdown is parsed once, by Python-Markdown with the extensions mkdocs.yml
lists, so the website and every other format read the text the same way. The
ElementTree it builds is walked into model blocks; nothing downstream sees HTML.
"""

from __future__ import annotations

import html
import re
from contextlib import nullcontext
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

import markdown
from markdown.util import HTML_PLACEHOLDER_RE

from . import model as m
from . import reader_boxes
from .reader_markdown import TERM_TAG, markdown_for, unicode_slug
from . import literal_syntax, reader_notes
from .reader_limits import refuse_oversized
from .errors import ErrorList, Location, SourceError, line_of
from .invisible import INVISIBLE, invisible_problem
from .sources import CONTROL_CHARACTER, describe_control
from .placeholders import FIELD_ATTRIBUTE, FIELD_TAG, field_value
from .markdown_rules import MAX_NESTING, nesting_depth, raw_html_message, refuse_attributes
from .urls import as_written, is_remote, url_problem

REFERENCE = re.compile(r"^\((\d+(?:\.\d+)*)\)$")
# What fenced_code (which MkDocs always turns on, so the reader does too) makes of ``` or ~~~.
FENCED_CODE = re.compile(r'<pre(?: class="[\w -]*")?><code(?: class="[\w -]*")?>([^<]*)</code></pre>\n?')
BLOCK_TAGS = ("p", "ul", "ol", "blockquote", "table", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "div", "details")


@dataclass
class _Walk:
    shown: str
    text: str
    first_line: int
    md: markdown.Markdown
    fields: dict[str, m.Inline | None] | None = None  # what each {{ placeholder }} becomes (placeholders.py); None outside factsheets
    cursor: int = 0
    ids: dict[str, int] = field(default_factory=dict)  # each id given so far -> how many times
    footnotes: list[m.Note] = field(default_factory=list)  # the footnotes division's notes (reader_notes.py)
    custom_ids: set[str] = field(default_factory=set)  # the ids given with {#id} so far
    counter: int = 0
    section: str = "top"

    def locate(self, words: str) -> int | None:
        """Line of a block: where its first words stand, searching on from the last block found."""
        tokens = re.findall(r"[\w’']+", words)[:4]
        if not tokens:
            return None
        # Markup may stand between the words: [[terms]], [links](...), **bold**.
        pattern = r"[\W_]+".join(re.escape(t) for t in tokens)
        match = re.compile(pattern).search(self.text, self.cursor)
        if not match:
            return None
        self.cursor = match.start()  # a quotation and its first paragraph start at the same place
        return self.first_line + self.text.count("\n", 0, match.start())

    def error(self, needle: str, message: str) -> SourceError:
        return SourceError(Location(self.shown, line_of(self.text, needle, self.first_line)), message)

    def raw_html_error(self, raw: str) -> SourceError:
        return self.error(raw.strip()[:20], raw_html_message(raw))

    def line_of_url(self, written: str, url: str) -> int | None:
        """The line of a link's address: as written, or as the last block found if it was disguised."""
        first_word = re.split(r"[\s&\\%]", written.strip(), maxsplit=1)[0]
        for needle in (written, url, written[:12], first_word if len(first_word) > 3 else ""):
            line = line_of(self.text, needle, self.first_line) if needle else None
            if line:
                return line
        return self.first_line + self.text.count("\n", 0, self.cursor)

    def address(self, element: etree.Element, attribute: str) -> str:
        """A link's or picture's address, decoded; a forbidden one stops the build with its line."""
        written = element.get(attribute, "")
        url = as_written(written)
        problem = url_problem(url)
        if problem is None and attribute == "src" and is_remote(url):
            problem = (f"the picture '{url[:60]}' is on another website: the build takes nothing from other hosts, "
                       f"so save the picture in the docs/ folder and link to it there")
        if problem:
            raise SourceError(Location(self.shown, self.line_of_url(written, url)), problem)
        return url

    def next_id(self, kind: str) -> str:
        self.counter += 1
        return f"{self.section}-{kind}{self.counter}"

    def heading_id(self, text: str) -> str:
        base = unicode_slug(text) or "section"
        n = self.ids.get(base, 0)
        self.ids[base] = n + 1
        return base if n == 0 else f"{base}-{n}"

    def entity(self, raw: str) -> str:
        """The character an entity such as &amp; names; one that is invisible or a control
        character is refused as it would be if typed (&#x202e; is a right-to-left override)."""
        character = html.unescape(raw)
        line = line_of(self.text, raw, self.first_line)
        control = CONTROL_CHARACTER.search(character)
        if control:
            raise SourceError(Location(self.shown, line), f"'{raw}' is {describe_control(control.group())}, which is not allowed: delete it")
        start = self.text.rfind("\n", 0, max(self.text.find(raw), 0)) + 1
        end = self.text.find("\n", start)
        found = invisible_problem(self.text[start: end if end >= 0 else None].replace(raw, character))
        if found and INVISIBLE.search(character):
            raise SourceError(Location(self.shown, line), f"'{raw}' is {found[1]}")
        return character

    # inlines ----------------------------------------------------------------
    def unstash(self, text: str) -> list[m.Inline]:
        """Text with Python-Markdown's placeholders resolved: entities become characters."""
        out: list[m.Inline] = []
        pieces = HTML_PLACEHOLDER_RE.split(text)  # text, stash index, text, ... (the pattern captures the index)
        for number, piece in enumerate(pieces):
            if number % 2:
                raw = self.md.htmlStash.rawHtmlBlocks[int(piece)]
                raw = raw if isinstance(raw, str) else str(raw)
                fenced = FENCED_CODE.fullmatch(raw)
                if re.fullmatch(r"&#?\w+;", raw):
                    out.append(m.Text(self.entity(raw)))
                elif fenced:  # ``` or ~~~: its text, as an indented code block's is read
                    out.append(m.Code(html.unescape(fenced.group(1)).rstrip("\n")))
                else:
                    raise self.raw_html_error(raw)
            elif piece:
                out.append(m.Text(piece))
        return out

    def inlines(self, element: etree.Element) -> tuple[m.Inline, ...]:
        out: list[m.Inline] = []
        if element.text:
            out.extend(self.unstash(element.text))
        for child in element:
            out.append(self.inline(child))
            if child.tail:
                out.extend(self.unstash(child.tail))
        return tuple(_merge_text(out))

    def inline(self, element: etree.Element) -> m.Inline:
        tag = element.tag
        if tag in ("strong", "b"):
            return m.Strong(self.inlines(element))
        if tag in ("em", "i"):
            return m.Emphasis(self.inlines(element))
        if tag == "code":
            # Python-Markdown keeps code escaped (&lt;) in its tree: the model holds the characters.
            return m.Code(html.unescape(m.plain_text(self.inlines(element))))
        if tag == "br":
            return m.LineBreak()
        if tag == "a":
            return m.Link(self.address(element, "href"), self.inlines(element))
        if tag == "img":
            src = self.address(element, "src")
            return m.Image(src, element.get("alt", "") or "", self.line_of_url(element.get("src", ""), src) if src else None,
                           element.get("title"))
        if tag == TERM_TAG:
            return m.TermRef(element.get("term", ""), self.inlines(element))  # set on every term (reader_markdown.py)
        if tag == FIELD_TAG:
            value, problem = field_value(element.get(FIELD_ATTRIBUTE, ""), self.fields)
            if value is None:  # then there is a problem, saying why
                raise self.error(element.text or "{{", problem or "")
            return value
        construct = reader_notes.inline(self, element)
        if construct is not None:
            return construct
        raise self.error(f"<{tag}", f"<{tag}> is not something a factsheet can contain: write it in Markdown")

    # blocks -----------------------------------------------------------------
    def blocks(self, parent: etree.Element, errors: ErrorList | None = None) -> list[m.Block]:
        """The blocks of an element. With `errors`, a block with a problem is left out and its
        problem kept there, and the blocks after it are still read (the factsheet's top level)."""
        out: list[m.Block] = []
        starts_inline = len(parent) > 0 and parent[0].tag not in BLOCK_TAGS and not (parent.text or "").strip()
        if parent.tag == "li" and ((parent.text and parent.text.strip()) or starts_inline):
            out.append(m.Paragraph(self.inlines_of_loose_text(parent), self.next_id("p")))
        for child in parent:
            block = None
            with errors.collecting() if errors is not None else nullcontext():
                block = reader_notes.with_id(self.block(child), child, self)
            if block is not None:
                out.append(block)
        return out

    def inlines_of_loose_text(self, li: etree.Element) -> tuple[m.Inline, ...]:
        """A tight list item: its text and inline children, up to its first block child."""
        holder = etree.Element("p")
        holder.text = li.text
        for child in list(li):
            if child.tag in BLOCK_TAGS:
                break
            holder.append(child)
            li.remove(child)
        return self.inlines(holder)

    def block(self, element: etree.Element) -> m.Block | None:
        tag = element.tag
        words = "".join(element.itertext())
        construct = reader_notes.block(self, element)
        if construct is not None:
            return construct or None
        if re.fullmatch(r"h[1-6]", tag):
            children = self.inlines(element)
            text = m.plain_text(children)
            line = self.locate(words)  # as written: a {{ placeholder }} is not its value in the source
            ident = element.get("id") or self.heading_id(text)
            self.section = ident
            self.counter = 0
            return m.Heading(int(tag[1]), children, ident, line)
        if tag == "p":
            children = self.inlines(element)
            line = self.locate(words)
            if len(children) == 1 and isinstance(children[0], m.Image):
                return m.Figure(children[0], self.next_id("figure"), line)
            return m.Paragraph(children, self.next_id("p"), line)
        if tag in ("ul", "ol"):
            line = self.locate(words)
            ident = self.next_id("list")
            items = tuple(m.ListItem(tuple(self.blocks(li))) for li in element if li.tag == "li")
            return m.ListBlock(tag == "ol", items, int(element.get("start", "1")), ident, line)
        if tag == "blockquote":
            line = self.locate(words)
            ident = self.next_id("quote")
            inner = self.blocks(element)
            reference = None
            last = inner[-1] if inner else None
            if isinstance(last, m.Paragraph):
                match = REFERENCE.match(m.plain_text(last.children).strip())
                if match:
                    reference = match.group(1)
                    inner = inner[:-1]
            return m.Quote(tuple(inner), reference, ident, line)
        if tag == "table":
            line = self.locate(words)
            header = tuple(self.inlines(c) for c in element.iter("th"))
            rows = tuple(
                tuple(self.inlines(c) for c in tr if c.tag == "td")
                for tr in element.iter("tr")
                if any(c.tag == "td" for c in tr)
            )
            return m.Table(header, rows, self.next_id("table"), line)
        if tag == "pre":
            return m.Paragraph((m.Code(html.unescape(words)),), self.next_id("p"), self.locate(words))
        if tag == "hr":
            return None
        if reader_boxes.is_box(element):
            line = reader_boxes.marker_line(self.text, self.first_line, self.locate(reader_boxes.body_words(element)))
            return reader_boxes.box(element, self.inlines, self.blocks, self.next_id("box"), line)
        raise self.error(f"<{tag}", f"<{tag}> is not something a factsheet can contain: write it in Markdown")


def _merge_text(nodes: list[m.Inline]) -> list[m.Inline]:
    out: list[m.Inline] = []
    for node in nodes:
        if isinstance(node, m.Text) and out and isinstance(out[-1], m.Text):
            out[-1] = m.Text(out[-1].text + node.text)
        else:
            out.append(node)
    return out


def parse_blocks(body: str, shown: str, first_line: int, extensions: literal_syntax.MarkdownExtensions, fields: dict[str, m.Inline | None] | None = None,
                 errors: ErrorList | None = None) -> list[m.Block]:
    """The blocks of a Markdown body. Raises SourceError for anything a writer could not render,
    or, given `errors`, keeps each block's problem there and gives back the other blocks.
    `fields` fills in {{ placeholders }} (placeholders.organisation_fields)."""
    refuse_oversized(body, shown, first_line)  # before Markdown or any engine takes time over it
    md = markdown_for(extensions)
    try:
        md.convert(body)
    except RecursionError:
        raise SourceError(Location(shown, first_line), f"lists or quotations are nested too deeply: a factsheet can nest them at most {MAX_NESTING} deep") from None
    root = getattr(md, "factsheets_root", None)
    if root is None:  # Python-Markdown stops early on a text with nothing in it
        return []
    walk = _Walk(shown, body, first_line, md, fields)
    refuse_attributes(root, walk)
    walk.cursor = 0
    depth, deepest = nesting_depth(root)
    if depth > MAX_NESTING and deepest is not None:  # deeper than none: there is an innermost one
        line = walk.locate("".join(deepest.itertext())) or first_line
        raise SourceError(Location(shown, line), f"lists, quotations or boxes are nested {depth} deep: a factsheet can nest them at most {MAX_NESTING} deep, so move some of them out")
    found = ErrorList() if errors is None else errors  # every block's problems in one run
    blocks = walk.blocks(root, found)
    with found.collecting():
        blocks = reader_notes.finish(blocks, walk)
    with found.collecting():
        literal_syntax.refuse_literal_syntax(blocks, shown, body, first_line, extensions)
    if errors is None:
        found.raise_if_any()
    return blocks
