"""Words in another language inside a sentence, said by that language's voice and rules.

A translation's sentence may hold English: an untranslated `{{ advice_line.hours }}`, the
organisation's English name (an en-GB `Span`, placeholders.py and transforms.org_words). A
voice reads one language an utterance (espeak-ng takes no language switch in its text, Piper
none at all), so such a block becomes one utterance a language run, in the order written:
each run normalised by its language's reading rules ("10.00am" by the English rules), said
by its language's voice (record.utterance_settings), with no pause between runs beyond the
voices' own. The transcript shows the runs as the one paragraph they are (`runs_on`).

A block all in one language stays one utterance, as before. A run with no letter or digit
(the ", " between two details, the closing ".") is said with the run before it (or, first,
the run after it): a voice given punctuation alone says nothing, or "comma".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ... import model as m
from ...transforms import language_base
from .utterances import AFTER_PARAGRAPH, BETWEEN_ITEMS, Utterance, utterance

if TYPE_CHECKING:
    from .script import ScriptBuilder

Run = tuple[str, str]  # a language ("": the factsheet's) and the written words in it


def inline_runs(nodes: Sequence[m.Inline], document_language: str) -> list[tuple[str, list[m.Inline]]]:
    """Inlines as runs of one language each: "" for the factsheet's, else a Span's tag. Bold
    and italic are seen into (the voice says no emphasis); any other inline is whole."""
    out: list[tuple[str, list[m.Inline]]] = []

    def visit(children: Sequence[m.Inline], language: str) -> None:
        for node in children:
            if isinstance(node, m.Span):
                visit(node.children, "" if language_base(node.language) == language_base(document_language) else node.language)
            elif isinstance(node, (m.Strong, m.Emphasis)):
                visit(node.children, language)
            elif out and out[-1][0] == language:
                out[-1][1].append(node)
            else:
                out.append((language, [node]))

    visit(nodes, "")
    return out


def has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def closing(text: str) -> int:
    """How many characters at the start of a run close what the run before said ("." ", " ")")."""
    count = 0
    while count < len(text) and unicodedata.category(text[count]) in ("Po", "Pe", "Pf"):
        count += 1
    return count


def merged(runs: list[Run]) -> list[Run]:
    """Runs with punctuation alone joined to a neighbour, then neighbours of one language joined;
    the stop that ends a run's words is said with them ("Service." then "Wersja 1"), not after."""
    out: list[Run] = []
    for language, written in runs:
        ends = closing(written) if out else 0
        if ends and has_words(written[ends:]):
            out[-1], written = (out[-1][0], out[-1][1] + written[:ends]), written[ends:]
        if out and (not has_words(written) or out[-1][0] == language):
            out[-1] = (out[-1][0], out[-1][1] + written)
        elif out and not has_words(out[-1][1]):
            out[-1] = (language, out[-1][1] + written)
        else:
            out.append((language, written))
    return out


def block_utterances(builder: ScriptBuilder, nodes: Sequence[m.Inline], line: int | None, block_id: str, pause_after: float = AFTER_PARAGRAPH) -> list[Utterance]:
    """A paragraph's or a heading's utterances: one, or one a language run (see the module's docstring)."""
    runs = merged([(language, builder.written(run)) for language, run in inline_runs(nodes, builder.document.meta.language)])
    if len(runs) <= 1:
        language = runs[0][0] if runs else ""
        written = runs[0][1] if runs else ""
        return [utterance(builder.sentence(builder.say(written, line, language)), pause_after=pause_after, block_id=block_id, language=language)]
    out: list[Utterance] = []
    for index, (language, written) in enumerate(runs):
        said = builder.say(written, line, language)
        last = index == len(runs) - 1
        made = utterance(builder.sentence(said) if last else said, pause_after=pause_after if last else 0.0, block_id=block_id, language=language)
        if index:
            made.runs_on = True
            if written[:1].isspace() or runs[index - 1][1][-1:].isspace():
                made.shown = " " + (made.shown or "")
        out.append(made)
    return out


def list_item(builder: ScriptBuilder, said: list[Utterance], prefix: str, block_id: str) -> list[Utterance]:
    """A list item's words up to its first inner list, from its blocks' utterances ("1. " its
    prefix in a numbered list): one utterance ended as a sentence, or, where its words are in
    more than one language, its utterances as they are, the first numbered and the last ended."""
    text = prefix + " ".join(u.text for u in said).strip()
    if not said or not text.strip():
        return []
    finish = (lambda t: t) if text.endswith(":") else builder.sentence
    if len({u.language for u in said}) == 1 and not any(u.runs_on for u in said):
        shown = prefix + " ".join(u.shown or "" for u in said).strip()
        return [Utterance(finish(text), 0.0, BETWEEN_ITEMS, finish(shown), block_id=block_id, language=said[0].language)]
    first, last = said[0], said[-1]
    first.text, first.shown = prefix + first.text, prefix + (first.shown or "")
    shown = last.shown or ""
    last.text, last.shown = finish(last.text), shown[:len(shown) - len(shown.lstrip())] + finish(shown)  # a run's space kept
    for made in said[:-1]:
        made.pause_after = min(made.pause_after, BETWEEN_ITEMS)
    last.pause_after = BETWEEN_ITEMS
    first.block_id = first.block_id or block_id
    return said
