"""One way to walk the document model, for every renderer, transform and validator.

As Pandoc's `walk`/`query` and docutils' visitors do, these functions know
where each node type keeps its children, once. A node type they do not know is
an error (`UnknownNode`), never silently skipped: a new block added to the
model must be taught here, and then every walk sees into it, table cells and
glossary definitions included.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Iterable, Iterator

from . import model as m


class UnknownNode(TypeError):
    """A walk met a node type it does not know."""


def _unknown(node: object) -> UnknownNode:
    return UnknownNode(f"the document model has no {type(node).__name__!r} node that this walk knows")


# Where each block keeps its inlines and its blocks -----------------------------------

def inline_runs(block: m.Block) -> list[tuple[m.Inline, ...]]:
    """The runs of inlines directly in a block: a heading's words, each table cell."""
    if isinstance(block, (m.Heading, m.Paragraph)):
        return [block.children]
    if isinstance(block, m.Table):
        return [*block.header, *(cell for row in block.rows for cell in row)]
    if isinstance(block, m.Figure):
        return [(block.image,)]
    if isinstance(block, m.Box):
        return [block.title]
    if isinstance(block, (m.ListBlock, m.Quote, m.GlossaryEntry, m.Notes)):
        return []
    if isinstance(block, m.DefinitionList):
        return [terms for item in block.items for terms in item.terms]
    raise _unknown(block)


def child_blocks(block: m.Block) -> tuple[m.Block, ...]:
    """The blocks directly inside a block: a list's items' blocks, a quotation's."""
    if isinstance(block, m.ListBlock):
        return tuple(b for item in block.items for b in item.blocks)
    if isinstance(block, (m.Quote, m.GlossaryEntry, m.Box)):
        return block.blocks
    if isinstance(block, (m.Heading, m.Paragraph, m.Table, m.Figure)):
        return ()
    if isinstance(block, m.Notes):
        return tuple(b for note in block.notes for b in note.blocks)
    if isinstance(block, m.DefinitionList):
        return tuple(b for item in block.items for blocks in item.definitions for b in blocks)
    raise _unknown(block)


def inline_children(node: m.Inline) -> tuple[m.Inline, ...]:
    if isinstance(node, (m.Strong, m.Emphasis, m.Link, m.TermRef, m.Span)):
        return node.children
    if isinstance(node, (m.Text, m.Code, m.LineBreak, m.Image, m.FootnoteRef, m.Abbreviation)):
        return ()
    raise _unknown(node)


# Queries -------------------------------------------------------------------------------

def iter_blocks(blocks: Iterable[m.Block]) -> Iterator[m.Block]:
    """Every block, depth first, each before the blocks inside it."""
    for block in blocks:
        yield block
        yield from iter_blocks(child_blocks(block))


def iter_inlines(nodes: Iterable[m.Inline]) -> Iterator[m.Inline]:
    """Every inline of some inlines, depth first, each before its children."""
    for node in nodes:
        yield node
        yield from iter_inlines(inline_children(node))


def iter_block_inlines(blocks: Iterable[m.Block]) -> Iterator[tuple[m.Block, m.Inline]]:
    """Every inline anywhere in some blocks, with the innermost block that holds it."""
    for block in iter_blocks(blocks):
        for run in inline_runs(block):
            for node in iter_inlines(run):
                yield block, node


# Rewriting -----------------------------------------------------------------------------

def map_inlines(blocks: Iterable[m.Block], change: Callable[[m.Inline], m.Inline]) -> tuple[m.Block, ...]:
    """The blocks with every inline run through change(), children first (bottom up)."""

    def inline(node: m.Inline) -> m.Inline:
        children = inline_children(node)
        if children:
            node = replace(node, children=tuple(inline(c) for c in children))  # type: ignore[arg-type]  # only nodes with children get here
        return change(node)

    def run(nodes: Iterable[m.Inline]) -> tuple[m.Inline, ...]:
        return tuple(inline(n) for n in nodes)

    def block(node: m.Block) -> m.Block:
        if isinstance(node, (m.Heading, m.Paragraph)):
            return replace(node, children=run(node.children))
        if isinstance(node, m.Table):
            return replace(node, header=tuple(run(c) for c in node.header),
                           rows=tuple(tuple(run(c) for c in row) for row in node.rows))
        if isinstance(node, m.Figure):
            image = change(node.image)
            return replace(node, image=image) if isinstance(image, m.Image) else node
        if isinstance(node, m.ListBlock):
            return replace(node, items=tuple(m.ListItem(tuple(block(b) for b in item.blocks)) for item in node.items))
        if isinstance(node, (m.Quote, m.GlossaryEntry)):
            return replace(node, blocks=tuple(block(b) for b in node.blocks))
        if isinstance(node, m.Box):
            return replace(node, title=run(node.title), blocks=tuple(block(b) for b in node.blocks))
        if isinstance(node, (m.Notes, m.DefinitionList)):
            return _map_constructs(node, run, block)
        raise _unknown(node)

    return tuple(block(b) for b in blocks)


def _map_constructs(node: m.Notes | m.DefinitionList, run: Callable[[tuple[m.Inline, ...]], tuple[m.Inline, ...]],
                    block: Callable[[m.Block], m.Block]) -> m.Block:
    """map_inlines for footnotes' notes and definition lists."""
    if isinstance(node, m.Notes):
        return replace(node, notes=tuple(replace(n, blocks=tuple(block(b) for b in n.blocks)) for n in node.notes))
    return replace(node, items=tuple(
        m.DefinitionItem(tuple(run(t) for t in item.terms), tuple(tuple(block(b) for b in d) for d in item.definitions))
        for item in node.items))


class Visitor:
    """Calls `visit_<NodeType>(node)` for a node; a type with no method is an error.

    A subclass that renders writes one method a node type; `visit` dispatches.
    """

    def visit(self, node: object) -> Any:
        method = getattr(self, f"visit_{type(node).__name__}", None)
        if method is None:
            raise UnknownNode(f"{type(self).__name__} cannot render a {type(node).__name__!r} node")
        return method(node)
