"""Every rule run on source text finishes on 100 KB of its worst case (issue 31).

A pattern tried from every character of a long run ("a.a.a.…", "AAAA …", "{:{:{:")
that scans the rest of the run each time is quadratic: 100 KB of it took minutes.
Each rule here gets 100 KB of the shapes that made one of them slow, and must answer
well within SECONDS: a hang detector, not a benchmark (each takes under a second).
"""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

from factsheets import literal_syntax
from factsheets.errors import SourceError
from factsheets.reader import parse_blocks
from factsheets.validators import leftovers, plain_english, written_once
from factsheets.build.result import working_on_line
from factsheets.build.work import perform_here
from factsheets.writers import WORKING_ON
from factsheets.writers.audio import amounts
from factsheets.writers.audio.dotted import spell_dotted_runs
from factsheets.writers.audio.lexicon import Entry, Lexicon
from factsheets.writers.audio.normalise import Normaliser
from factsheets.writers.braille.ueb import computer_spans
from factsheets.writers.sentences import split_sentences

# Hostile input, and 20 s of the run: in the hostile tier, beside tests/hostile/, so the fast
# tier stays a few seconds.
pytestmark = pytest.mark.hostile

SECONDS = 10
SIZE = 100_000

# Runs that made a rule scan on from each character: dotted, hyphened and @ runs (addresses),
# capitals, spaces and stars (symbols), digits and money (amounts), brackets and braces
# (literal syntax), and their mixtures.
UNITS = [
    "a.", "1.", "a-", "a.-", "a-.", "é-", "a@", "a.a@", "+k", "http://a.", "www.a.", "a.uk.", "a.pdf.",
    "A ", " A", "A' ", "AB ", "A, ", "a ", "**", "*a", "\n ", " \t", " <", "  <", "|", "~", "→ ", "A/", "a/",
    "1,", "1 ", "1-", "£1", "£1-", "10:", "10am-", "1st-", "Mon-", "01234 ", "+44 ", "(1)", "1/1/", "a.m.",
    "[^", "{:", "{.a", "{", "{{", "[[", "*[", "`", "!!! ", "=== \"", "-8<", ": a", "\\x0", "(a",
]


def worst(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def timed(rule, text: str) -> float:
    started = time.monotonic()
    try:
        rule(text)
    except SourceError:
        pass  # refused, with its line: an answer
    return time.monotonic() - started


LEXICON = Lexicon([Entry("SEN", "S E N", 1), Entry("EHC plan", "E H C plan", 2), Entry("IPSEA", "ip see ah", 3)])
RULES = {
    "normaliser": Normaliser(LEXICON).speak,
    # Another language's reading rules (readings.py) and one whose numbers are left as digits.
    "normaliser in Polish": Normaliser(LEXICON, "pl").speak,
    "normaliser in Urdu": Normaliser(LEXICON, "ur").speak,
    "amounts": amounts.amounts,
    "lexicon": LEXICON.apply,
    "dotted letters": spell_dotted_runs,
    "braille computer material": computer_spans,
    "plain English capitals": lambda text: list(plain_english.capitals(text)),
    "plain English acronyms": lambda text: list(plain_english.ACRONYM.finditer(text)),
    "plain English sentences": plain_english.sentences,
    "sentences": split_sentences,
    "literal syntax": lambda text: literal_syntax.advice([], "x.md", text, 1, []),
    "leftovers": leftovers.literal_syntax,
    "character names": leftovers.character_names,
    "written once": written_once._typed,
    "reader": lambda text: parse_blocks(text, "docs/factsheets/x.md", 8, ["abbr", "footnotes", "attr_list", "admonition"]),
}


@pytest.mark.parametrize("rule", RULES, ids=list(RULES))
def test_each_rule_finishes_on_100_kilobytes_of_every_worst_case(rule):
    slow = {unit: seconds for unit in UNITS if (seconds := timed(RULES[rule], worst(unit))) > SECONDS}
    assert not slow, f"{rule}: {slow}"


@pytest.mark.parametrize("unit", ["a.", "A ", "*a ", "[a ", "_a ", "`a ", "a@", "{: ", "[^", "<a "])
def test_the_reader_finishes_on_100_kilobytes_of_paragraphs_just_under_its_limits(unit):
    # Paragraphs of 9,000 characters, each word under the limit: the reader reads them all.
    paragraph = " ".join(worst(unit, 90) for _ in range(100))
    body = "\n\n".join([paragraph] * (SIZE // len(paragraph)))
    assert timed(RULES["reader"], body) < SECONDS


def test_a_dead_workers_part_names_the_line_of_the_text_it_was_saying(tmp_path):
    blocks = parse_blocks("Text.\n\nThe second paragraph.\n", "docs/factsheets/x.md", 8, [])
    document = SimpleNamespace(blocks=blocks)
    assert working_on_line(tmp_path, document) is None  # it wrote nothing: no line
    (tmp_path / WORKING_ON).write_text(blocks[1].id, encoding="utf-8")
    assert working_on_line(tmp_path, document) == 10


def test_work_done_in_the_build_process_has_the_time_limit_too():
    # A writer's planning (the audio script) and assembly run in the build's own process.
    failure = perform_here(time.sleep, (5,), "x", "audio", "docs/factsheets/x.md", 0.2)
    assert str(failure).startswith("docs/factsheets/x.md: audio: took longer than 0.2 s")
