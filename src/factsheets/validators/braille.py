"""The braille files' standards, checked on the real files.

BRF: 40 cells a line, 25 lines a page, CR LF line ends, a form feed between
pages, only BRF ASCII (0x20-0x5F), a braille page number on every page. The
braille-ready text: plain text with no markup but its heading marker (a
heading's line starts with '#' a level and a space). And the BRF, translated
back to print by liblouis, keeps at least 98% of the words of the
braille-ready text. PEF: the BRF's pages and rows, cell for cell. Each line break,
read as a reader meets it, changes no word (braille_breaks.py).

Reading back is done as a reader reads: a line that ends with UEB's line
continuation indicator (dot 5, '"' in BRF) runs on to the next with no space,
and UEB's bold and italic indicators, which liblouis writes but cannot read
back, are set aside (they change how words look, not which words they are).

A factsheet in another language is read back through its own language's table
(engines/liblouis_tables.py). Its braille may carry stretches in UEB (English
letters its table does not define), so a word also counts as kept if UEB reads
it back. A word neither reading gives back still counts if its own braille is in
the BRF: liblouis's Welsh table reads its own "Mae'r" back as "M'r" (see
in_the_braille). Chinese braille spells sounds, not characters, so no table can
give the Han characters back: those words are not counted; its other words are.
Neither braille file may spell a letter out by its Unicode name ("(latin small
letter e with ogonek)") or hold liblouis's escape for a character it lacks
("\\x0119"): both mean the letter's language had the wrong table.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..manifest_entry import ManifestEntry

from . import FAILURE, Finding
from .braille_breaks import check_line_breaks
from .brf_reading import brf_pages, joined_cells, read_back

CELLS = 40
LINES = 25
WORDS_KEPT = 0.98
_PAGE_NUMBER = re.compile(r"^ *#[A-J]+$")  # the number sign and digits a-j
_MARKUP = re.compile(r"^#{7,} |^#+(?![# ])|\*\*|\]\(|</?[a-z]+[ >/]|^[ \t]*[*+-] |^> ", re.MULTILINE)
def check_brf(path: Path) -> list[Finding]:
    findings: list[Finding] = []

    def fail(message: str, fix: str) -> None:
        findings.append(Finding(FAILURE, "brf", message, fix, str(path)))

    raw = path.read_bytes()
    bad = sorted({b for b in raw if not (0x20 <= b <= 0x5F or b in (0x0D, 0x0A, 0x0C))})
    if bad:
        fail(f"characters that are not BRF: {', '.join(f'0x{b:02X}' for b in bad[:8])}",
             "Only BRF ASCII (0x20 to 0x5F), CR LF and form feed belong in a BRF file.")
    if re.search(rb"(?<!\r)\n|\r(?!\n)", raw):
        fail("line ends that are not CR LF", "End every line with CR LF, as embossers expect.")
    for number, lines in enumerate(brf_pages(path), start=1):
        if len(lines) > LINES:
            fail(f"braille page {number} has {len(lines)} lines, more than {LINES}", "Break pages after 25 lines.")
        for index, line in enumerate(lines, start=1):
            if len(line) > CELLS:
                fail(f"braille page {number}, line {index} has {len(line)} cells, more than {CELLS}", "Break lines at 40 cells.")
        if not lines or not _PAGE_NUMBER.match(lines[0]) or braille_number(lines[0]) != number:
            fail(f"braille page {number} does not start with its page number on a line of its own",
                 "Put the braille page number at the right of the first line of every page.")
    return findings


def braille_number(line: str) -> int | None:
    """'   #BJ' -> 20."""
    digits = line.strip().lstrip("#")
    if not digits or any(c not in "ABCDEFGHIJ" for c in digits):
        return None
    return int("".join(str((ord(c) - ord("A") + 1) % 10) for c in digits))


def check_braille_text(path: Path) -> list[Finding]:
    text = path.read_text(encoding="utf-8")
    found = _MARKUP.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        return [Finding(FAILURE, "braille_text", f"markup '{found.group().strip()}' at line {line}",
                        "Braille-ready text must be plain words, without Markdown or HTML.", str(path), line)]
    spelled = spelled_out_letter(text)
    if spelled:
        line = text.count("\n", 0, text.index(spelled)) + 1
        return [Finding(FAILURE, "braille_text", f"'{spelled}' at line {line}: a letter spelled out instead of brailled",
                        "Braille the factsheet with its own language's table (its front matter's `language:`).", str(path), line)]
    return []


_ESCAPE = re.compile(r"\\x[0-9a-fA-F]{2,}")
_BRACKETED = re.compile(r"\(([a-z][a-z0-9 -]+)\)")


def spelled_out_letter(text: str) -> str | None:
    """The first letter or digit written as its Unicode name in brackets, or as a liblouis
    escape; None if there is none. (An emoji's name is the writer's deliberate fallback.)"""
    escape = _ESCAPE.search(text)
    if escape:
        return escape.group()
    for found in _BRACKETED.finditer(text):
        try:
            character = unicodedata.lookup(found.group(1))
        except KeyError:
            continue
        if unicodedata.category(character)[0] in "LN":
            return found.group()
    return None


def _digit(match: re.Match[str]) -> str:
    return str(unicodedata.digit(match.group(), match.group()))


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def words(text: str) -> Counter[str]:
    """Words as a reader would count them: case, quotes and punctuation aside; digits of
    any script as 0-9 (Urdu braille reads numbers back in Urdu digits); Han characters,
    which no braille gives back, aside. A letter's marks are part of its word (Python's \\w
    leaves out the vowel signs and the nukta of Indic scripts, which split "ਫ਼ੋਨ" in three), in
    Unicode's normal form, so a word that lost its nukta in the braille is a word missing."""
    text = re.sub(r"\d", _digit, unicodedata.normalize("NFC", text).lower().replace("’", "'"))
    return Counter(w for w in _WORD.findall(text) if not _HAN.search(w))


_MARKS = "".join(re.escape(chr(c)) for c in range(0x0300, 0x10000) if unicodedata.category(chr(c))[0] == "M")
_WORD = re.compile(rf"[^\W_](?:[^\W_]|[{_MARKS}])*(?:'[^\W\d_]+)?")


def words_kept(brf_path: Path, text_path: Path, table: str | None = None) -> float:
    """The share of the braille-ready text's words that the BRF, translated back, has."""
    # Page-number lines and all: extra words (page numbers) cost nothing.
    lines = [line for page in brf_pages(brf_path) for line in page]
    wanted = words(text_path.read_text(encoding="utf-8"))
    found = words(read_back(lines, table))
    if table:  # stretches in UEB (English details, addresses) read back as UEB: either reading counts
        found += words(read_back(lines))
    total = sum(wanted.values())
    kept = sum((wanted & found).values())
    if table:
        kept += sum(in_the_braille(wanted - found, joined_cells(lines), table).values())
    return kept / total if total else 1.0


def in_the_braille(missing: Counter[str], cells: str, table: str) -> Counter[str]:
    """The missing words whose own braille is in the BRF's cells, as often as they are missing.

    Such a word is not lost: the table reads its braille back as another spelling. liblouis's
    Welsh table writes "Mae'r" as the letter m before 'r, as Welsh braille does, then reads
    that back as "M'r"; "partneriaeth" comes back "¶tneriaeth" and "plentyn" runs into the
    next word. Only words the print comparison missed are looked for, so a short word whose
    braille is common (one letter) cannot hide a longer lost one."""
    from ..engines.liblouis import translate

    found: Counter[str] = Counter()
    for word, count in missing.items():
        braille = translate(word, table=table).braille
        found[word] = min(count, cells.count(braille)) if braille.strip() else 0
    return +found


def check_back_translation(brf_path: Path, text_path: Path, table: str | None = None) -> list[Finding]:
    kept = words_kept(brf_path, text_path, table)
    if kept >= WORDS_KEPT:
        return []
    return [Finding(FAILURE, "brf", f"the BRF translated back keeps {kept:.1%} of the words, fewer than {WORDS_KEPT:.0%}",
                    "Look for words lost in translation or layout: compare the braille preview with the text.", str(brf_path))]


def check_braille(brf_path: Path, text_path: Path, language: str = "en-GB") -> list[Finding]:
    """Every braille check on a factsheet's two braille files, read back through its language's table."""
    from ..engines.liblouis import CONTRACTED_UEB
    from ..engines.liblouis_tables import table_for_language


    table = table_for_language(language)
    own = None if table in (None, CONTRACTED_UEB) else table
    breaks = check_line_breaks(brf_path, text_path) if own is None else []  # see braille_breaks.py
    return check_brf(brf_path) + check_braille_text(text_path) + check_back_translation(brf_path, text_path, own) + breaks


PEF_NS = "{http://www.daisy.org/ns/2008/pef}"
DC_NS = "{http://purl.org/dc/elements/1.1/}"


def pef_pages(path: Path) -> list[list[str]]:
    """A PEF file's pages, each a list of rows of Unicode braille."""
    from xml.etree import ElementTree as ET

    root = ET.parse(path).getroot()
    return [[row.text or "" for row in page.iter(f"{PEF_NS}row")] for page in root.iter(f"{PEF_NS}page")]


def check_pef(pef_path: Path, brf_path: Path) -> list[Finding]:
    """The PEF's metadata, and its pages and rows the BRF's, cell for cell."""
    from xml.etree import ElementTree as ET

    from ..engines.liblouis import to_dots

    def fail(message: str, fix: str = "Run `factsheets build` again.") -> list[Finding]:
        return [Finding(FAILURE, "pef", message, fix, str(pef_path))]

    try:
        root = ET.parse(pef_path).getroot()
    except (ET.ParseError, OSError) as error:
        return fail(f"the PEF file cannot be read: {error}")
    if root.tag != f"{PEF_NS}pef" or root.get("version") != "2008-1":
        return fail("the file is not PEF 2008-1")
    meta = {child.tag.removeprefix(DC_NS): (child.text or "") for child in root.iter() if child.tag.startswith(DC_NS)}
    missing = [name for name in ("format", "identifier", "title", "language", "date") if not meta.get(name)]
    if missing:
        return fail(f"the PEF has no {', '.join('dc:' + name for name in missing)}")
    wanted = [[to_dots(line) for line in page] for page in brf_pages(brf_path)]
    found = pef_pages(pef_path)
    if len(found) != len(wanted):
        return fail(f"the PEF has {len(found)} pages but the BRF has {len(wanted)}")
    for number, (rows, lines) in enumerate(zip(found, wanted), start=1):
        if rows != lines:
            return fail(f"page {number} of the PEF is not the BRF's page {number}")
    return []


def check_entry(build_dir: Path, entry: ManifestEntry) -> list[Finding]:
    """For `factsheets check`: a manifest entry's braille files, its page count, and the braille
    code the manifest names (the one the page and the title page say)."""
    from ..engines.liblouis_tables import code_name

    formats = entry.get("formats", {})
    if "brf" not in formats or "braille_text" not in formats:
        return []
    brf_path, text_path = build_dir / formats["brf"], build_dir / formats["braille_text"]
    findings = check_braille(brf_path, text_path, entry.get("language") or "en-GB")
    if "pef" in formats:
        findings += check_pef(build_dir / formats["pef"], brf_path)
    code = entry.get("details", {}).get("brf", {}).get("code")
    expected = code_name(entry.get("language") or "en-GB")
    if code is not None and code != expected:  # the page and the title page would name the wrong code
        findings.append(Finding(FAILURE, "brf", f"the manifest says the braille is {code}, but a factsheet in this language is brailled in {expected}",
                                "Run `factsheets build` again.", str(brf_path)))
    pages = entry.get("details", {}).get("brf", {}).get("braille_pages")
    if pages and len(brf_pages(brf_path)) != pages:
        findings.append(Finding(FAILURE, "brf", f"the manifest says {pages} braille pages but the BRF has {len(brf_pages(brf_path))}",
                                "Run `factsheets build` again.", str(brf_path)))
    return findings
