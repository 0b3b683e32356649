"""The document model -> a speech script: sections of utterances with pauses.

The script is what a person reading the factsheet aloud would say: a spoken
introduction, each heading followed by a pause, quotations announced and
closed, lists within lists announced ("and under that, 2 points"), link text
rather than addresses (unless the address is the point), then the glossary and
the contact details. Each section becomes a chapter. The same script, written
out, is the transcript: an utterance's `text` is what the engine is given, its
`shown` the same words with each lexicon word as written (no respellings or
phonemes).

A call-out is announced by its weight and title ("Important: Time limits." for a
warning, "Note: ..." for the rest), then read; the contact details close the
script as a chapter of their own, read from the same blocks every format shows.

Running text keeps the words the author wrote, glossary terms included: a
term's `spoken` form (glossary front matter) is how the glossary section says
the term, never pushed into a sentence where the author chose other words.
"""

from __future__ import annotations

from ... import model as m
from ...errors import Location, Warning_
from ...i18n import gettext, has_message
from ...organisation import display_address
from ...transforms import is_contact, is_title_line
from ...walk import UnknownNode
from ..constructs import abbreviation_words, following_text
from . import constructs
from .language_runs import block_utterances, list_item
from .lexicon import engine_text, reader_text, said_as
from .normalise import Normaliser
from .readings import missing_rule_message
from .titles import one_line
from .utterances import (  # noqa: F401  (Script, Section and Utterance are this module's interface too)
    AFTER_HEADING, AFTER_PARAGRAPH, AROUND_QUOTE, BEFORE_SUBHEADING, BETWEEN_ITEMS, CONTACT_TITLE, ENGLISH,
    END_ID, GLOSSARY_TITLE, SUMMARY_ID, TITLE_ID, Script, Section, Utterance, utterance,
)


def is_term_heading(blocks, index: int) -> bool:
    """A glossary term's heading: read within the glossary, not a chapter of its own."""
    return index + 1 < len(blocks) and isinstance(blocks[index + 1], m.GlossaryEntry)


def chapter_headings(document: m.Document) -> list[m.Heading]:
    """The headings that start a chapter, in order: every heading except glossary terms'."""
    blocks = document.blocks
    return [b for i, b in enumerate(blocks) if isinstance(b, m.Heading) and not is_term_heading(blocks, i)]


class ScriptBuilder:
    def __init__(self, document: m.Document, normaliser: Normaliser):
        self.document = document
        self.normaliser = normaliser
        self.warnings: list[Warning_] = []
        self.missing_warned: set[str] = set()

    # words ---------------------------------------------------------------
    def say(self, written: str, line: int | None = None, language: str = "") -> str:
        """Written text -> normalised text, lexicon words as pairs (lexicon.said_as); English by the English rules."""
        spoken = (self.normaliser.in_english() if language.lower().startswith("en") else self.normaliser).speak(written)
        where = Location(self.document.meta.source, line)
        for problem in spoken.unsayable:
            what = f"read as '{problem.replacement}'" if problem.replacement else "left out"
            self.warnings.append(Warning_(where, f"audio: the speech engine cannot say '{problem.text}': it is {what}; write it in words"))
        for construct, example in [(c, e) for c, e in spoken.missing if c not in self.missing_warned]:  # once a construct
            self.missing_warned.add(construct)
            self.warnings.append(Warning_(where, missing_rule_message(self.document.meta.language, construct, example)))
        return spoken.marked

    def written(self, nodes) -> str:
        """Inlines -> written text for the normaliser: link text, and glossary terms as the author wrote them."""
        out = []
        for index, node in enumerate(nodes):
            if isinstance(node, m.FootnoteRef):
                continue  # the note is read after the paragraph (constructs.notes_after)
            if isinstance(node, m.Abbreviation):
                out.append(abbreviation_words(node, following_text(nodes, index), self.document.meta.language))
            elif isinstance(node, m.Text):
                out.append(node.text)
            elif isinstance(node, m.Code):
                out.append(node.text)
            elif isinstance(node, m.LineBreak):
                out.append(", ")
            elif isinstance(node, m.Image):
                out.append(f"picture: {node.alt}" if node.alt else "")
            elif isinstance(node, m.Link):
                out.append(self.link(node))
            elif isinstance(node, (m.Strong, m.Emphasis, m.TermRef, m.Span)):
                out.append(self.written(node.children))
            else:
                raise UnknownNode(f"the audio script cannot say a {type(node).__name__!r} node")
        return "".join(out)

    def link(self, node: m.Link) -> str:
        words = self.written(node.children)
        shown = display_address(node.url)
        if node.url.startswith("mailto:"):
            return words
        if words.strip().rstrip("/") == shown and "://" in node.url:
            # The address is the content: make sure it is read as an address, to be typed.
            return words if words.startswith("www.") else node.url
        return words

    @staticmethod
    def sentence(text: str) -> str:
        text = text.strip()  # other scripts' own stops count: Chinese 。？！, Arabic ؟, Urdu ۔, the danda । (Bengali, Punjabi)
        return text if not text or text[-1] in ".?!:;。？！؟۔।" else text + "."

    # blocks --------------------------------------------------------------
    def block(self, block: m.Block, previous: m.Block | None) -> list[Utterance]:
        line = getattr(block, "line", None)
        if isinstance(block, m.Paragraph):  # English words in a translation's paragraph: by the English voice
            return block_utterances(self, block.children, line, block.id)
        if isinstance(block, m.ListBlock):
            return self.list_items(block, line)
        if isinstance(block, m.Quote):
            return self.quote(block, previous, line)
        if isinstance(block, m.Table):
            return self.table(block, line)
        if isinstance(block, m.Figure):
            alt = self.say(block.image.alt, line)
            return [utterance(self.sentence(f"Picture: {alt}"), block_id=block.id)] if alt else []
        if isinstance(block, m.Box):
            return self.box(block, line)
        if isinstance(block, m.DefinitionList):
            return constructs.definition_list(self, block)
        if isinstance(block, m.Notes):
            return []  # each note is read after the paragraph that cites it (constructs.notes_after)
        if isinstance(block, m.Heading):  # a heading inside a quotation or a definition: said, not a chapter
            return block_utterances(self, block.children, line, block.id, AFTER_HEADING)
        # A block type the script does not know is an error, never left out of the recording.
        raise UnknownNode(f"the audio script cannot say a {type(block).__name__!r} block")

    def box(self, block: m.Box, line) -> list[Utterance]:
        """A call-out: its weight and title, then its text, set off by pauses."""
        language = self.document.meta.language
        cue = gettext(language, "Important:") if block.kind in m.IMPORTANT_KINDS else gettext(language, "Note:")
        title = self.sentence(self.say(self.written(block.title), line))
        # A call-out with no title of its own is titled by its kind ("Note"): "Note." alone, not "Note: Note."
        said = title if title.rstrip(".").casefold() == cue.rstrip(":：").casefold() else f"{cue} {title}"
        out = [utterance(said, pause_before=AROUND_QUOTE, pause_after=0.3, block_id=f"{block.id}-title" if block.id else "")]
        for inner in block.blocks:
            out += self.block(inner, None)
        out[-1].pause_after = AROUND_QUOTE + AFTER_PARAGRAPH
        return out

    def list_items(self, block: m.ListBlock, line) -> list[Utterance]:
        """Each item an utterance; a list inside an item is announced with its length,
        so that a listener knows where it ends and the outer list goes on. Everything is
        said in the order it is written: what follows an inner list in its item (a paragraph
        after it) is said after the inner list's points, never before them."""
        out = []
        for number, item in enumerate(block.items, block.start):
            said: list[Utterance] = []  # the item's words up to its first inner list
            later: list[Utterance] = []  # from its first inner list on, in the order written
            for inner in item.blocks:
                if isinstance(inner, m.ListBlock) and inner.items:
                    points = len(inner.items)
                    announce = f"and under that, {points} point{'s' if points > 1 else ''}:"
                    if later:
                        later.append(Utterance(announce[0].upper() + announce[1:], pause_after=BETWEEN_ITEMS))
                    else:
                        if said:  # "Fruit, and under that, 2 points:", not "Fruit. and under that"
                            said[-1].text, said[-1].shown = said[-1].text.rstrip(".:;") + ",", (said[-1].shown or "").rstrip(".:;") + ","
                        said.append(Utterance(announce))
                    later += self.list_items(inner, line)
                else:
                    (later if later else said).extend(self.block(inner, None))
            out += list_item(self, said, f"{number}. " if block.ordered else "", item.blocks[0].id if item.blocks else "") + later
        if out:
            out[-1].pause_after = AFTER_PARAGRAPH
        return out

    def quote(self, block: m.Quote, previous, line) -> list[Utterance]:
        """Announced and closed, the reference named as the website names it ("paragraph 11.1")."""
        if block.reference:
            opening, language = self.fixed("Quotation from paragraph {reference}", reference=block.reference)
        else:
            opening, language = self.fixed("Quotation")
        out = [utterance(opening + ":", pause_before=AROUND_QUOTE, pause_after=0.2, block_id=block.id, language=language)]
        for inner in block.blocks:
            out += self.block(inner, None)
        closing, language = self.fixed("End of quotation.")
        out.append(utterance(closing, pause_before=0.2, pause_after=AROUND_QUOTE + AFTER_PARAGRAPH, block_id=f"{block.id}-end" if block.id else "", language=language))
        return out

    def table(self, block: m.Table, line) -> list[Utterance]:
        header = [self.say(self.written(cell), line) for cell in block.header]
        out = []
        for number, row in enumerate(block.rows, 1):
            cells = [self.say(self.written(cell), line) for cell in row]
            pairs = [f"{h}: {c}" if h else c for h, c in zip(header, cells)]
            out.append(utterance(self.sentence("; ".join(pairs)), pause_after=BETWEEN_ITEMS, block_id=f"{block.id}-row{number}" if block.id else ""))
        return out

    # sections ------------------------------------------------------------
    def build(self) -> Script:
        document = self.document
        intro = Section("intro", one_line(document.meta.title))
        sections = [intro]
        blocks = document.blocks
        current = intro
        previous = None
        for index, block in enumerate(blocks):
            if isinstance(block, m.Heading):
                title = one_line(m.plain_text(block.children))
                spoken = self.sentence(self.say(self.written(block.children), block.line))
                if is_term_heading(blocks, index):
                    continue  # the glossary entry says its own term
                current = Section(block.id or f"section-{len(sections)}", title)
                current.utterances.append(utterance(spoken, pause_after=AFTER_HEADING, block_id=block.id))
                if title == GLOSSARY_TITLE:
                    current.utterances.append(utterance("These are the words used in this factsheet, and what they mean.", block_id=block.id))
                sections.append(current)
            elif isinstance(block, m.GlossaryEntry):
                term = self.say(block.term, block.line)
                if block.spoken:  # shown as the term is written, said as the glossary says it
                    term = said_as(reader_text(term), engine_text(self.say(block.spoken, block.line)))
                current.utterances.append(utterance(self.sentence(term), pause_before=BEFORE_SUBHEADING, pause_after=0.4,
                                                     block_id=blocks[index - 1].id if index else ""))
                for inner in block.blocks:
                    for said in self.block(inner, None):
                        if block.language and block.language.split("-")[0] != self.document.meta.language.split("-")[0]:
                            said.language = block.language  # an English definition in a translation
                        # A definition's blocks are numbered within it ("top-p1"): made unique by the entry's id.
                        said.block_id = f"{block.id}-{said.block_id}" if said.block_id else ""
                        current.utterances.append(said)
            elif is_contact(block, "start") or is_title_line(block):
                continue  # the contact details are read once, at the end; the title line in the introduction
            elif is_contact(block, "end"):
                assert isinstance(block, m.Box)
                sections.append(self.contact_section(block))
            else:
                current.utterances += self.block(block, previous) + constructs.notes_after(self, block)
            previous = block
        intro.utterances[:0] = self.introduction(sections)
        return Script(sections, self.warnings)

    def fixed(self, message: str, **values: object) -> tuple[str, str]:
        """One of the tool's own sentences in the factsheet's language, and the language to say
        it in: the factsheet's ("") where its catalogue has it, else English by the English voice."""
        tag = self.document.meta.language
        return gettext(tag, message, **values), "" if has_message(tag, message) else ENGLISH

    def english(self) -> str:
        """The language of the tool's own words in this factsheet: "" (the factsheet's) for an
        English factsheet, else English until a catalogue translates them (see i18n.py)."""
        return "" if self.document.meta.language.lower().startswith("en") else ENGLISH

    def introduction(self, sections: list[Section]) -> list[Utterance]:
        """The title, the title line under it, and what the sections are."""
        meta = self.document.meta
        out = [utterance(self.sentence(self.say(meta.title)), pause_after=AFTER_HEADING, block_id=TITLE_ID)]
        for block in self.document.blocks:
            if is_title_line(block):
                out += self.block(block, None)
        titles = [self.say(s.title).rstrip(".?!:") for s in sections[1:]]
        listed = ", ".join(titles[:-1]) + ", and " + titles[-1] if len(titles) > 1 else "".join(titles)
        count = f"{len(titles)} sections" if len(titles) != 1 else "1 section"
        if self.english():  # the section titles are in the factsheet's language: said by its voice
            how_many, language = self.fixed("Sections after this introduction: {count}.", count=len(titles))
            if language:
                how_many = f"It has {count} after this introduction."
            skip, language_skip = self.fixed("Each section is a chapter you can skip to.")
            out.append(utterance(how_many, block_id=SUMMARY_ID, language=language))
            out.append(utterance(skip, block_id=SUMMARY_ID, language=language_skip))
            out.append(utterance(self.sentence("; ".join(titles)), pause_after=AFTER_HEADING + 0.3, block_id=SUMMARY_ID))
        else:
            out.append(utterance(f"It has {count} after this introduction: {listed}. Each section is a chapter you can skip to.", pause_after=AFTER_HEADING + 0.3, block_id=SUMMARY_ID))
        return out

    def contact_section(self, block: m.Box) -> Section:
        """The contact details' chapter: their title, their blocks, and the end of the factsheet."""
        section = Section("contact-details", gettext(self.document.meta.language, CONTACT_TITLE))
        section.utterances += block_utterances(self, block.title, block.line, f"{block.id}-title", AFTER_HEADING)  # the name in English
        for inner in block.blocks:
            section.utterances += self.block(inner, None)
        end, language = self.fixed("End of factsheet.")
        section.utterances.append(utterance(end, pause_before=0.3, pause_after=0.0, block_id=END_ID, language=language))
        return section


def build_script(document: m.Document, normaliser: Normaliser) -> Script:
    return ScriptBuilder(document, normaliser).build()
