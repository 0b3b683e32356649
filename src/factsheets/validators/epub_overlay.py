"""The EPUB's read-along and page list, checked against the files they were made from.

- Overlay coverage: every sentence the recording says (the audio writer's sentence timings,
  `<slug>-sentences.json`) is played by a `<par>` of the SMIL whose clip holds it and whose
  text points at an element of the content document. A title, a call-out's label, a table's
  row, a footnote or a picture's description the overlay skips is heard with nothing
  highlighted. The coverage is the share of the recording's speech so played.
- Page list: each page marker of the content document (`id="page-N"`) is followed by words
  printed on page N of the large-print PDF, the file the page list names as its source.

Used by `factsheets check` (check_output, the EPUB's own check beside the batch) and by the tests.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from . import FAILURE, REPORT_IT, Finding

if TYPE_CHECKING:
    from .. import model as m
    from ..manifest_entry import ManifestEntry

FORMAT = "epub"
NS = {"x": "http://www.w3.org/1999/xhtml", "s": "http://www.w3.org/ns/SMIL"}
SLACK_SECONDS = 0.001  # clip times are written to the millisecond
PAGE_KEY = 12  # letters and digits after a page marker looked for on its page
ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def seconds(value: str) -> float:
    """A SMIL clock value (h:mm:ss.fff, mm:ss.fff or ss.fff) in seconds."""
    total = 0.0
    for part in value.split(":"):
        total = total * 60 + float(part)
    return total


def _book(path: Path) -> tuple[etree._Element, etree._Element]:
    with zipfile.ZipFile(path) as book:
        return etree.fromstring(book.read("EPUB/text.smil")), etree.fromstring(book.read("EPUB/text.xhtml"))


def overlay_coverage(path: Path, sentences: list[dict[str, Any]]) -> tuple[float, list[str]]:
    """(the share of the speech the overlay plays, the sentences it does not play)."""
    smil, text = _book(path)
    ids = {element.get("id") for element in text.iter() if element.get("id")}
    clips = []
    for par in smil.iterfind(".//s:par", NS):
        target, audio = par.find("s:text", NS), par.find("s:audio", NS)
        if target is None or audio is None or target.get("src", "").partition("#")[2] not in ids:
            continue
        clips.append((seconds(audio.get("clipBegin", "0")), seconds(audio.get("clipEnd", "0"))))
    speech = sum(s["end"] - s["start"] for s in sentences)
    unplayed = [s for s in sentences
                if not any(begin <= s["start"] + SLACK_SECONDS and s["end"] - SLACK_SECONDS <= end for begin, end in clips)]
    missed = sum(s["end"] - s["start"] for s in unplayed)
    return (1 - missed / speech if speech else 1.0), [s["text"] for s in unplayed]


def _key(text: str) -> str:
    """Letters and digits of any script, compatibility forms folded (the PDF's Arabic may be
    presentation forms), case folded."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def page_list_mismatches(path: Path, pdf_pages: list[str], nastaliq: bool = False) -> list[int]:
    """The page markers whose following words are not on that page of the PDF (`pdf_pages`:
    each page's text). In a PDF set in Nastaliq, whose text layer cannot give Urdu words back
    (validators/pdf_words.py warns of it), a marker followed by Urdu words is not compared."""
    _, text = _book(path)
    body = text.find(".//x:body", NS)
    if body is None:
        return []
    markup = etree.tostring(body, encoding="unicode")
    marked = re.sub(r'<[^>]*\bid="page-(\d+)"[^>]*>', lambda found: f"\x00{found.group(1)}\x00", markup)
    pieces = html.unescape(re.sub(r"<[^>]+>", "", marked)).split("\x00")
    pages = [_key(page) for page in pdf_pages]
    wrong = []
    for number, after in zip(pieces[1::2], pieces[2::2]):
        key = _key(after)[:PAGE_KEY]
        page = int(number)
        if nastaliq and ARABIC_LETTER.search(key):
            continue
        if not 1 <= page <= len(pages) or not key or key not in pages[page - 1]:
            wrong.append(page)
    return wrong


def check_overlay(path: Path, sentences_json: Path, source: str) -> list[Finding]:
    sentences = json.loads(sentences_json.read_text(encoding="utf-8"))["sentences"]
    coverage, unplayed = overlay_coverage(path, sentences)
    if not unplayed:
        return []
    shown = "; ".join(f"'{s[:50]}'" for s in unplayed[:5]) + (f" and {len(unplayed) - 5} more" if len(unplayed) > 5 else "")
    return [Finding(FAILURE, FORMAT, (
        f"The EPUB's read-along covers {coverage:.1%} of the recording's speech: {len(unplayed)} spoken sentence(s) "
        f"are played with nothing highlighted: {shown}."),
        REPORT_IT, source)]


def check_page_list(path: Path, pdf: Path, source: str) -> list[Finding]:
    from .pdf_words import glyphs, page_texts, uses_nastaliq

    pages = glyphs(pdf)
    wrong = page_list_mismatches(path, page_texts(pdf, pages), uses_nastaliq(pages))
    if not wrong:
        return []
    return [Finding(FAILURE, FORMAT, (
        f"The EPUB's page list sends a reader to the wrong place for page(s) {', '.join(map(str, wrong))} "
        f"of the large-print PDF: the words after the marker are not on that page."),
        "Build the EPUB and the PDF together (factsheets build); the page marks come from the PDF's layout.", source)]


def check_entry(path: Path, entry: ManifestEntry, build_dir: Path, source: str) -> list[Finding]:
    """For `factsheets check`: the overlay against the recording, the page list against the PDF."""
    files = entry.get("formats", {})
    findings = []
    if files.get("audio_sentences") and (build_dir / files["audio_sentences"]).is_file():
        findings += check_overlay(path, build_dir / files["audio_sentences"], source)
    if files.get("large_print_pdf") and (build_dir / files["large_print_pdf"]).is_file():
        findings += check_page_list(path, build_dir / files["large_print_pdf"], source)
    return findings


def check_output(path: Path, document: m.Document, entry: ManifestEntry, build_dir: Path, options: dict[str, Any]) -> list[Finding]:
    """The EPUB's own part of `factsheets check` (EPUBCheck and Ace check every book in one batch,
    check/running.py): its read-along against the recording, its page list against the PDF.
    Kept with the factsheet's other files' checks, whose key holds every file it reads."""
    return check_entry(path, entry, build_dir, document.meta.source)
