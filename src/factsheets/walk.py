"""One way to walk the document model, for every renderer, transform and validator.

As Pandoc's `walk`/`query` and docutils' visitors do, these functions know
where each node type keeps its children, once. `model.Block` and `model.Inline`
are closed unions, and every function here (and every renderer) matches on them
exhaustively, ending in `unknown_node`: a block added to the model is a mypy
error at each place that must be taught it, and then every walk sees into it,
table cells and glossary definitions included. At run time a node of another
type (one made outside the model) is an error too, never silently skipped.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable, Iterator, Never

from . import model as m


class UnknownNode(TypeError):
    """A walk met a node type it does not know."""


def unknown_node(node: Never, doing: str) -> Never:
    """The last case of a `match` over every node type, as `typing.assert_never` is: mypy
    reports a call it can reach, naming the node type the match forgot ("incompatible type
    'Sidebar'; expected 'Never'"). At run time it says which renderer met which node."""
    raise UnknownNode(f"{doing} a {type(node).__name__!r} node")


_WALK = "the document model's walk does not know"


# Where each block keeps its inlines and its blocks -----------------------------------

def inline_runs(block: m.Block) -> list[tuple[m.Inline, ...]]:
    """The runs of inlines directly in a block: a heading's words, each table cell."""
    match block:
        case m.Heading() | m.Paragraph():
            return [block.children]
        case m.Table():
            return [*block.header, *(cell for row in block.rows for cell in row)]
        case m.Figure():
            return [(block.image,)]
        case m.Box():
            return [block.title]
        case m.ListBlock() | m.Quote() | m.GlossaryEntry() | m.Notes():
            return []
        case m.DefinitionList():
            return [terms for item in block.items for terms in item.terms]
        case _:
            unknown_node(block, _WALK)


def child_blocks(block: m.Block) -> tuple[m.Block, ...]:
    """The blocks directly inside a block: a list's items' blocks, a quotation's."""
    match block:
        case m.ListBlock():
            return tuple(b for item in block.items for b in item.blocks)
        case m.Quote() | m.GlossaryEntry() | m.Box():
            return block.blocks
        case m.Heading() | m.Paragraph() | m.Table() | m.Figure():
            return ()
        case m.Notes():
            return tuple(b for note in block.notes for b in note.blocks)
        case m.DefinitionList():
            return tuple(b for item in block.items for blocks in item.definitions for b in blocks)
        case _:
            unknown_node(block, _WALK)


def inline_children(node: m.Inline) -> tuple[m.Inline, ...]:
    match node:
        case m.Strong() | m.Emphasis() | m.Link() | m.TermRef() | m.Span():
            return node.children
        case m.Text() | m.Code() | m.LineBreak() | m.Image() | m.FootnoteRef() | m.Abbreviation():
            return ()
        case _:
            unknown_node(node, _WALK)


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
        match node:
            case m.Heading() | m.Paragraph():
                return replace(node, children=run(node.children))
            case m.Table():
                return replace(node, header=tuple(run(c) for c in node.header),
                               rows=tuple(tuple(run(c) for c in row) for row in node.rows))
            case m.Figure():
                image = change(node.image)
                return replace(node, image=image) if isinstance(image, m.Image) else node
            case m.ListBlock():
                return replace(node, items=tuple(m.ListItem(tuple(block(b) for b in item.blocks)) for item in node.items))
            case m.Quote() | m.GlossaryEntry():
                return replace(node, blocks=tuple(block(b) for b in node.blocks))
            case m.Box():
                return replace(node, title=run(node.title), blocks=tuple(block(b) for b in node.blocks))
            case m.Notes() | m.DefinitionList():
                return _map_constructs(node, run, block)
            case _:
                unknown_node(node, _WALK)

    return tuple(block(b) for b in blocks)


def _map_constructs(node: m.Notes | m.DefinitionList, run: Callable[[tuple[m.Inline, ...]], tuple[m.Inline, ...]],
                    block: Callable[[m.Block], m.Block]) -> m.Block:
    """map_inlines for footnotes' notes and definition lists."""
    if isinstance(node, m.Notes):
        return replace(node, notes=tuple(replace(n, blocks=tuple(block(b) for b in n.blocks)) for n in node.notes))
    return replace(node, items=tuple(
        m.DefinitionItem(tuple(run(t) for t in item.terms), tuple(tuple(block(b) for b in d) for d in item.definitions))
        for item in node.items))
