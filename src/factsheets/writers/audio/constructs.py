"""What the audio says for call-outs, footnotes and definition lists.

A call-out is announced by its weight and title ("Important: Time limits.") and closed
("End of important information.", "End of note."), as a quotation is: a listener cannot see
where the box ends. A title that already starts with the weight's word ("Important",
"Important information") is said once, never "Important: Important:".

A listener cannot glance down to a note: each note is read straight after the
paragraph (or list, table or definition list) that cites it, "Note: ...", once,
and its number is never read. The "Notes" at the end of a section, which print
and braille show, are not read again (only a note cited in a heading is read there). A definition list is read "term:
definition", an item at a time. A glossary entry is its term (as the glossary says it), then
its definition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import model as m
from ...i18n import gettext, has_message
from ...walk import iter_block_inlines, iter_blocks
from .lexicon import engine_text, reader_text, said_as

if TYPE_CHECKING:
    from .script import ScriptBuilder
    from .utterances import Utterance

BETWEEN_DEFINITIONS = 0.35


def box(builder: ScriptBuilder, block: m.Box, line: int | None) -> list[Utterance]:
    """A call-out: its weight and title, its text, and its end, set off by pauses."""
    from .utterances import AFTER_PARAGRAPH, AROUND_QUOTE, ENGLISH, utterance

    language = builder.document.meta.language
    important = block.kind in m.IMPORTANT_KINDS
    cue = gettext(language, "Important:") if important else gettext(language, "Note:")
    title = builder.sentence(builder.say(builder.written(block.title), line))
    words = m.plain_text(block.title).strip().rstrip(".:：").casefold().split()
    said = title if words[:1] == [cue.rstrip(":：").casefold()] else f"{cue} {title}"
    out = [utterance(said, pause_before=AROUND_QUOTE, pause_after=0.3, block_id=f"{block.id}-title" if block.id else "")]
    for inner in block.blocks:
        out += builder.block(inner, None)
    out[-1].pause_after = 0.2
    if important:
        end, known = gettext(language, "End of important information."), has_message(language, "End of important information.")
    else:
        end, known = gettext(language, "End of note."), has_message(language, "End of note.")
    # Words not in the text: the read-along highlights the whole box as it is closed (its own id;
    # its title is "-title"), so every sentence heard has text shown (epub/overlay.py).
    out.append(utterance(end, pause_before=0.2, pause_after=AROUND_QUOTE + AFTER_PARAGRAPH, block_id=block.id,
                         language="" if known else ENGLISH))
    return out


def notes_by_id(document: m.Document) -> dict[str, m.Note]:
    return {note.id: note for block in iter_blocks(document.blocks) if isinstance(block, m.Notes) for note in block.notes}


def notes_after(builder: ScriptBuilder, block: m.Block) -> list[Utterance]:
    """'Note: ...' for each note the block cites that has not been read yet. At the section's
    Notes block, any note of it still unread (one cited only in a heading) is read there."""
    from .utterances import utterance

    if isinstance(block, m.Heading):
        return []
    notes = builder.__dict__.setdefault("notes", notes_by_id(builder.document))
    read = builder.__dict__.setdefault("notes_read", set())
    if isinstance(block, m.Notes):
        wanted = [note.id for note in block.notes]
    else:
        wanted = [node.note_id for _, node in iter_block_inlines([block]) if isinstance(node, m.FootnoteRef)]
    out = []
    for note_id in wanted:
        if note_id in notes and note_id not in read:
            read.add(note_id)
            words = " ".join(_written(builder, b) for b in notes[note_id].blocks)
            label = gettext(builder.document.meta.language, "Note:")
            out.append(utterance(builder.sentence(builder.say(f"{label} {words}", getattr(block, "line", None))), block_id=note_id))
    return out


def _written(builder: ScriptBuilder, block: m.Block) -> str:
    """A block's words as the script writes them; a list's items joined into one sentence."""
    from ...walk import inline_runs

    runs = [run for inner in iter_blocks([block]) for run in inline_runs(inner)]
    return "; ".join(builder.written(run).strip().rstrip(".") for run in runs if run) + "."


def definition_list(builder: ScriptBuilder, block: m.DefinitionList) -> list[Utterance]:
    """Each item one utterance: 'Term: definition; second definition.'"""
    from .utterances import AFTER_PARAGRAPH, utterance

    out = []
    line = block.line
    for item in block.items:
        terms = ", ".join(builder.written(t).strip() for t in item.terms)
        meanings = [" ".join(_written(builder, inner).rstrip(".") for inner in definition) for definition in item.definitions]
        text = terms + (": " + "; ".join(meanings) if meanings else "")
        # No element holds one term and its definition: the list is what the text highlights.
        out.append(utterance(builder.sentence(builder.say(text, line)), pause_after=BETWEEN_DEFINITIONS, block_id=block.id))
    if out:
        out[-1].pause_after = AFTER_PARAGRAPH
    return out


def glossary_entry(builder: ScriptBuilder, block: m.GlossaryEntry, heading_id: str) -> list[Utterance]:
    """The term, shown as it is written and said as the glossary says it, then its definition.
    `heading_id`: the term's heading, which the term's words highlight."""
    from .utterances import BEFORE_SUBHEADING, utterance

    term = builder.say(block.term, block.line)
    if block.spoken:
        term = said_as(reader_text(term), engine_text(builder.say(block.spoken, block.line)))
    out = [utterance(builder.sentence(term), pause_before=BEFORE_SUBHEADING, pause_after=0.4, block_id=heading_id)]
    other_language = block.language and block.language.split("-")[0] != builder.document.meta.language.split("-")[0]
    for inner in block.blocks:
        for said in builder.block(inner, None):
            if other_language:
                said.language = block.language or ""  # an English definition in a translation
            # A definition's blocks are numbered within it ("top-p1"): made unique by the entry's id.
            said.block_id = f"{block.id}-{said.block_id}" if said.block_id else ""
            out.append(said)
    return out
