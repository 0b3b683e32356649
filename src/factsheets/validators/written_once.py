"""Facts written once: advice for staff (warnings) where a factsheet repeats what is kept
elsewhere, so that it would not change when the other place does.

- A phone number, email or web address typed into the text that organisation.yml
  holds: write its placeholder (`{{ advice_line }}`) instead. One that looks like
  the organisation's (same dialling code, same email domain, same website) but is not
  in organisation.yml is probably out of date.
- A glossary term or alias written as plain or bold words, in a factsheet that never
  links that term: write it as `[[term]]`, so the reader gets its meaning.

Contact details are looked for in the source file's lines, not in the document
model: there a placeholder is already the organisation's value, which is right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .. import model as m
from ..errors import SourceError
from ..sources import split_front_matter
from ..walk import inline_children, inline_runs, iter_blocks
from . import WARNING, Finding

if TYPE_CHECKING:
    from ..glossary import Entry

FORMAT = "source"
_PHONE = re.compile(r"(?<![\d+])(?:\+44\s?\(?0?\)?\s?|0)\d(?:[\s-]?\d){8,9}(?!\d)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WEB = re.compile(r"(?:https?://|(?<![\w@.])www\.)[^\s)\]>\"']+", re.IGNORECASE)
_NOT_TEXT = re.compile(r"`[^`]*`|\{\{[^{}]*\}\}")  # code is shown as typed; a placeholder is already right


def _digits(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return "0" + digits[2:] if digits.startswith("44") else digits


def _web(address: str) -> str:
    address = re.sub(r"^https?://", "", address.lower().rstrip(".,;:!?/"))
    return address.removeprefix("www.").rstrip("/")


def organisation_details(organisation: m.Organisation) -> list[tuple[str, str, str, str]]:
    """(kind, placeholder name, value as written, value compared) for each contact detail."""
    details = [("phone number", "advice_line", organisation.advice_line, _digits(organisation.advice_line))]
    if organisation.text:
        details.append(("phone number", "text", organisation.text, _digits(organisation.text)))
    details.append(("email address", "email", organisation.email, organisation.email.lower()))
    for name in ("website", "facebook"):
        value = getattr(organisation, name)
        if value:
            details.append(("web address", name, value, _web(value)))
    return details


def _typed(line: str) -> list[tuple[str, str, str]]:
    """(kind, as typed, as compared) for each phone number, email and web address on a line."""
    line = _NOT_TEXT.sub(" ", line)
    found = [(e.start(), "email address", e.group(), e.group().lower()) for e in _EMAIL.finditer(line)]
    found += [(w.start(), "web address", w.group().rstrip(".,;:!?"), _web(w.group())) for w in _WEB.finditer(line)]
    found += [(p.start(), "phone number", p.group(), _digits(p.group())) for p in _PHONE.finditer(_EMAIL.sub(" ", line))]
    return [detail[1:] for detail in sorted(found)]  # in the order they are typed


def _looks_like(kind: str, typed: str, ours: str) -> bool:
    """Another value of the same sort as one of ours: same dialling code, email domain or website."""
    if kind == "phone number":
        # Another team's number shares our dialling code; a mistyped or old copy of ours is a digit or two off.
        return 0 < _digit_changes(typed, ours) <= 2
    if kind == "email address":
        return typed.partition("@")[2] == ours.partition("@")[2]
    return typed.split("/")[0] == ours.split("/")[0] and typed != ours


def _digit_changes(one: str, other: str) -> int:
    """Digits added, dropped or changed to turn one number into the other (Levenshtein distance)."""
    previous = list(range(len(other) + 1))
    for i, a in enumerate(one, 1):
        current = [i]
        for j, b in enumerate(other, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]


def contact_details(document: m.Document, root: Path) -> list[Finding]:
    """A warning for each of the organisation's details typed into the factsheet's text."""
    source = document.meta.source
    try:
        _front, body, first = split_front_matter((root / source).read_text(encoding="utf-8-sig"), source)
    except (OSError, UnicodeDecodeError, SourceError):  # the build reported any problem with the file
        return []
    ours = organisation_details(document.organisation)
    findings, fenced = [], False
    for number, line in enumerate(body.split("\n"), first):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced:
            continue
        for kind, typed, compared in _typed(line):
            same = next((d for d in ours if d[0] == kind and d[3] == compared), None)
            alike = next((d for d in ours if d[0] == kind and _looks_like(kind, compared, d[3])), None)
            if same:
                findings.append(Finding(WARNING, FORMAT, f"The text types the {kind} {typed}, which organisation.yml already holds "
                                        f"as {same[1]}: typed here, it will not change when organisation.yml does.",
                                        f"Write {{{{ {same[1]} }}}} in its place.", source, number))
            elif alike:
                findings.append(Finding(WARNING, FORMAT, f"The text types the {kind} {typed}, which looks like the organisation's "
                                        f"but is not the one in organisation.yml ({alike[1]}: {alike[2]}): it may be out of date.",
                                        f"If it is ours, write {{{{ {alike[1]} }}}} in its place.", source, number))
    return findings


def _words(nodes: Iterable[m.Inline], bold: bool = False) -> Iterator[tuple[str, bool]]:
    """(text, in bold) of every piece of plain text, leaving out links, glossary terms and code."""
    for node in nodes:
        if isinstance(node, m.Text):
            yield node.text, bold
        elif isinstance(node, (m.Strong, m.Emphasis)):
            yield from _words(node.children, bold or isinstance(node, m.Strong))
        elif not isinstance(node, (m.Link, m.TermRef, m.Code, m.Image)):
            yield from _words(inline_children(node), bold)


def _body(document: m.Document) -> Iterator[m.Block]:
    for block in document.blocks:
        if isinstance(block, m.Heading) and block.id == "glossary":
            return
        yield block


def unlinked_terms(document: m.Document, entries: dict[str, Entry]) -> list[Finding]:
    """A warning for each glossary term the factsheet writes as words but never links (entries: term id -> Entry)."""
    linked = {node.term_id for block in iter_blocks(_body(document)) for run in inline_runs(block)
              for node in _all(run) if isinstance(node, m.TermRef)}
    names = sorted(((name, term_id) for term_id, entry in entries.items()
                    for name in (entry.term, *entry.aliases)), key=lambda pair: -len(pair[0]))
    findings: list[Finding] = []
    told: set[str] = set()
    for top in _body(document):
        for block in iter_blocks([top]):
            for run in inline_runs(block):
                for text, bold in _words(run):
                    for name, term_id in names:
                        found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)
                        # In bold, a term is marked as one, as Word users mark them: warned in every factsheet,
                        # linked elsewhere in it or not. As plain words, only where it is never linked.
                        if not found or term_id in told or not (bold or term_id not in linked):
                            continue
                        told.add(term_id)
                        if bold:
                            message = (f'"{found.group()}" is a glossary term written in bold: bold does not link it to its meaning, '
                                       "and every format shows it as bold words, not as a term.")
                        else:
                            message = (f'"{found.group()}" is a glossary term, written as plain words, and this factsheet never links it: '
                                       "readers do not get its meaning.")
                        findings.append(Finding(WARNING, FORMAT, message, f"Write it as [[{found.group()}]] (once is enough).",
                                                document.meta.source, getattr(block, "line", None) or top.line))
    return findings


def _all(nodes: Iterable[m.Inline]) -> Iterator[m.Inline]:
    for node in nodes:
        yield node
        yield from _all(inline_children(node))


def check_document(document: m.Document, root: Path, entries: dict[str, Entry]) -> list[Finding]:
    return contact_details(document, root) + unlinked_terms(document, entries)
