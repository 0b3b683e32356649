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
warning, "Note: ..." for the rest), read, and closed ("End of important
information.": constructs.box); the contact details close the script as a chapter
of their own, read from the same blocks every format shows.

Running text keeps the words the author wrote, glossary terms included: a
term's `spoken` form (glossary front matter) is how the glossary section says
the term, never pushed into a sentence where the author chose other words.
"""

from __future__ import annotations

from collections.abc import Sequence

from ... import model as m
from ...errors import Location, Warning_
from ...i18n import gettext, has_message
from ...organisation import display_address
from ...transforms import is_contact, is_title_line
from ...walk import unknown_node
from ..constructs import abbreviation_words, fitted_article
from . import constructs
from .language_runs import block_utterances, list_item
from .normalise import Normaliser
from .readings import missing_rule_message
from .titles import one_line
from ..sentences import END_ID, SUMMARY_ID, TITLE_ID
from .utterances import (
    AFTER_HEADING, AFTER_PARAGRAPH, AROUND_QUOTE, BETWEEN_ITEMS, CONTACT_TITLE, ENGLISH, GLOSSARY_TITLE, Script, Section, Utterance, utterance,
)


def is_term_heading(blocks: Sequence[m.Block], index: int) -> bool:
    """A glossary term's heading: read within the glossary, not a chapter of its own."""
    return index + 1 < len(blocks) and isinstance(blocks[index + 1], m.GlossaryEntry)


def chapter_headings(document: m.Document) -> list[m.Heading]:
    """The headings that start a chapter, in order: every heading except glossary terms'."""
    blocks = document.blocks
    return [b for i, b in enumerate(blocks) if isinstance(b, m.Heading) and not is_term_heading(blocks, i)]


class ScriptBuilder:
    def __init__(self, document: m.Document, normaliser: Normaliser) -> None:
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

    def written(self, nodes: Sequence[m.Inline]) -> str:
        """Inlines -> written text for the normaliser: link text, and glossary terms as the author wrote them."""
        out: list[str] = []
        for node in nodes:
            match node:
                case m.FootnoteRef():
                    continue  # the note is read after the paragraph (constructs.notes_after)
                case m.Abbreviation():
                    said = abbreviation_words(node, "".join(out), self.document.meta.language)
                    out[-1:] = [fitted_article(out[-1], said, self.document.meta.language)] if out else []
                    out.append(said)
                case m.Text() | m.Code():
                    out.append(node.text)
                case m.LineBreak():
                    out.append(", ")
                case m.Image():
                    out.append(f"picture: {node.alt}" if node.alt else "")
                case m.Link():
                    out.append(self.link(node))
                case m.Strong() | m.Emphasis() | m.TermRef() | m.Span():
                    out.append(self.written(node.children))
                case _:
                    unknown_node(node, "the audio script cannot say")
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
        line = block.line
        match block:
            case m.Paragraph():  # English words in a translation's paragraph: by the English voice
                return block_utterances(self, block.children, line, block.id)
            case m.ListBlock():
                return self.list_items(block, line)
            case m.Quote():
                return self.quote(block, previous, line)
            case m.Table():
                return self.table(block, line)
            case m.Figure():
                alt = self.say(block.image.alt, line)
                return [utterance(self.sentence(f"Picture: {alt}"), block_id=block.id)] if alt else []
            case m.Box():
                return constructs.box(self, block, line)
            case m.DefinitionList():
                return constructs.definition_list(self, block)
            case m.Notes():
                return []  # each note is read after the paragraph that cites it (constructs.notes_after)
            case m.Heading():  # a heading inside a quotation or a definition: said, not a chapter
                return block_utterances(self, block.children, line, block.id, AFTER_HEADING)
            case m.GlossaryEntry():  # the glossary's entries are read by build(), after their term's heading
                return constructs.glossary_entry(self, block, "")
            case _:
                # A block type the script does not know is an error, never left out of the recording.
                unknown_node(block, "the audio script cannot say")

    def list_items(self, block: m.ListBlock, line: int | None) -> list[Utterance]:
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

    def quote(self, block: m.Quote, previous: m.Block | None, line: int | None) -> list[Utterance]:
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

    def table(self, block: m.Table, line: int | None) -> list[Utterance]:
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
                current.utterances += constructs.glossary_entry(self, block, blocks[index - 1].id if index else "")
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
