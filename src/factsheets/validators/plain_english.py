"""Plain English in the source (GOV.UK style): advice for staff, reported as warnings.

Reading ease and grade per factsheet and per section (textstat), sentences
over 25 words, blocks of capitals, unexplained acronyms, vague link text,
images without alt text, and a review date that has passed. Quotations are
left out of the sentence and reading checks: they cannot be reworded.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .. import model as m
from ..walk import inline_runs, iter_block_inlines, iter_blocks, unknown_node
from . import WARNING, Finding
from ..i18n import display_month

LONG_SENTENCE = 25
READING_EASE_FACTSHEET = 50  # Flesch reading ease below this: hard going for many readers
READING_EASE_SECTION = 30
VAGUE_LINKS = {"click here", "here", "this link", "read more", "more", "link", "this page"}
ACRONYM = re.compile(r"\b([A-Z]{2,})s?\b")
CAPITALS = re.compile(r"\b(?:[A-Z][A-Z']*[\s,]+){2,}[A-Z]{2,}\b")
# A run of words in capitals. CAPITALS tried from each of its words would scan the rest
# of the run each time (120 KB took 252 s); it is tried from the run's first word only,
# where it finds the longest match there is, so any later start could find only less.
CAPITAL_RUN = re.compile(r"(?<!\w)(?<![A-Z]')[A-Z][A-Z']*(?:[\s,]+[A-Z][A-Z']*)*")


def capitals(text: str) -> Iterator[re.Match[str]]:
    """CAPITALS' matches in text, in linear time."""
    for run in CAPITAL_RUN.finditer(text):
        found = CAPITALS.match(text, run.start())
        if found:
            yield found


def _sections(document: m.Document) -> Iterator[tuple[str, int | None, list[tuple[m.Block, str]]]]:
    """(heading text, heading line, [(block, text)]) for the body, quotations left out."""
    title: str = "Introduction"
    line: int | None = None
    items: list[tuple[m.Block, str]] = []
    for block in document.blocks:
        match block:
            case m.Heading():
                if block.id == "glossary":
                    break
                if items:
                    yield title, line, items
                title, line, items = m.plain_text(block.children), block.line, []
            case m.Paragraph():
                if block.id != "title-line":  # the publisher's line, not the author's
                    items.append((block, m.plain_text(block.children)))
            case m.ListBlock():
                for item in block.items:
                    for inner in item.blocks:
                        if isinstance(inner, m.Paragraph):
                            items.append((block, m.plain_text(inner.children)))
            case m.Box():
                if block.kind != "contact":  # a call-out's text is the author's
                    items.extend((inner, m.plain_text(inner.children)) for inner in block.blocks if isinstance(inner, m.Paragraph))
            case m.Quote():
                pass  # a quotation cannot be reworded
            case m.Table() | m.Figure() | m.GlossaryEntry() | m.Notes() | m.DefinitionList():
                pass  # cells, captions, definitions and notes are not running sentences to score
            case _:
                unknown_node(block, "the plain English checks cannot read")
    if items:
        yield title, line, items


def sentences(text: str) -> list[str]:
    """The sentences the checks count: the one splitter every format uses (writers/sentences.py)."""
    from ..writers.sentences import split_sentences

    return split_sentences(text.strip(), "en-GB")


def reading_scores(text: str) -> tuple[float, float]:
    import textstat

    return textstat.flesch_reading_ease(text), textstat.flesch_kincaid_grade(text)


FRONT_MATTER = "the lines between the two --- at the top of the factsheet (its front matter)"


def scores_in_words(ease: float, grade: float) -> str:
    """The two scores, with what they mean: staff are not expected to know the formulas."""
    return (f"its reading ease score is {ease:.0f} out of 100, where higher is easier and plain English aims for 60 or more; "
            f"its grade is {grade:.0f}, about the years of schooling a reader needs, where plain English aims for 9 (age 14)")
# The languages these rules are written for: sentence lengths, reading ease (Flesch, for
# English), capitals and acronyms mean nothing, or something else, in other languages.
RULES_FOR = ("en",)


def has_rules(language: str) -> bool:
    return language.split("-")[0].lower() in RULES_FOR


def check_document(document: m.Document, glossary_names: list[str], today: dt.date | None = None) -> list[Finding]:
    source = document.meta.source
    findings: list[Finding] = []
    if not has_rules(document.meta.language):
        return _links_and_images(document, words=False)  # a missing description is missing in any language

    def warn(message: str, fix: str, line: int | None = None) -> None:
        findings.append(Finding(WARNING, "plain_english", message, fix, source, line))

    all_text = []
    for title, line, items in _sections(document):
        text = " ".join(t for _, t in items)
        all_text.append(text)
        if len(text.split()) >= 60:
            ease, grade = reading_scores(text)
            if ease < READING_EASE_SECTION:
                warn(f'The section "{title}" is hard to read: {scores_in_words(ease, grade)}.',
                     "Use shorter sentences and everyday words in this section.", line)
        for block, part in items:
            for sentence in sentences(part):
                count = len(sentence.split())
                if count > LONG_SENTENCE:
                    warn(f'A sentence of {count} words: "{sentence[:60]}…"',
                         f"Split it into sentences of {LONG_SENTENCE} words or fewer.", block.line)
            for match in capitals(part):
                warn(f'Words in capitals: "{match.group(0)}"', "Write them in sentence case; capitals are harder to read.", block.line)
    whole = " ".join(all_text)
    if whole.strip():
        ease, grade = reading_scores(whole)
        if ease < READING_EASE_FACTSHEET:
            warn(f"The factsheet is hard to read overall: {scores_in_words(ease, grade)}.",
                 "Shorten the longest sentences and explain or replace legal words.", 1)
    findings += _acronyms(document, glossary_names)
    findings += _links_and_images(document)
    today = today or dt.date.today()
    if document.meta.review_due and document.meta.review_due[:7] < today.strftime("%Y-%m"):
        warn(f"The review date, {display_month(document.meta.review_due[:7])}, has passed.",
             f"Check the factsheet is still right, then set a new date on the review_due: line, in {FRONT_MATTER}.", 1)
    return findings


def _acronyms(document: m.Document, glossary_names: list[str]) -> list[Finding]:
    org = document.organisation
    known_text = " ".join(glossary_names + [org.name, org.description])
    explained = set(re.findall(r"\(([A-Z]{2,})s?\)", known_text))
    known = set(re.findall(r"\b[A-Z]{2,}\b", " ".join(glossary_names)))
    # An abbreviation defined with *[SENCO]: ... is spelt out by every format at its first use.
    known |= {n.text for _, n in iter_block_inlines(document.blocks) if isinstance(n, m.Abbreviation) and n.expansion}
    findings, seen = [], set()
    for block in document.blocks:
        if isinstance(block, m.Heading) and block.id == "glossary":
            break
        for text, line in _texts(block):
            shouting = [m.span() for m in capitals(text)]  # reported as capitals, not acronyms
            for match in ACRONYM.finditer(text):
                word = match.group(1)
                if word in seen or any(a <= match.start() < b for a, b in shouting):
                    continue
                seen.add(word)
                after = text[match.end(): match.end() + 2]
                before = text[max(0, match.start() - 1): match.start()]
                if word in known or word in explained or (before == "(" and after.startswith(")")):
                    explained.add(word)
                    continue
                findings.append(Finding(WARNING, "plain_english", f'"{word}" is not explained where it is first used.',
                                        f'Write it out in full the first time, e.g. "... ({word})", or add it to the glossary.',
                                        document.meta.source, line))
    return findings


def _texts(top: m.Block) -> Iterator[tuple[str, int | None]]:
    """The words of every heading, paragraph and table cell in a block, with the nearest line known."""
    for block in iter_blocks([top]):
        if isinstance(block, m.Figure):
            continue  # an image's alt text is checked as alt text
        for run in inline_runs(block):
            yield m.plain_text(run), getattr(block, "line", None) or top.line


def _links_and_images(document: m.Document, words: bool = True) -> list[Finding]:
    findings = []
    source = document.meta.source
    for top in document.blocks:
        for block, node in iter_block_inlines([top]):
            line = getattr(block, "line", None) or top.line
            if words and isinstance(node, m.Link) and m.plain_text(node.children).strip().lower().rstrip(".") in VAGUE_LINKS:
                findings.append(Finding(WARNING, "plain_english", f'A link says only "{m.plain_text(node.children)}".',
                                        "Make the link's words say where it goes, e.g. “the Local Offer”.", source, line))
            if isinstance(node, m.Image) and not node.alt.strip():
                findings.append(Finding(WARNING, "plain_english", f"The image {node.src} has no alt text.",
                                        "Describe the image in the [square brackets] for people who cannot see it.", source, node.line or line))
    return findings
