"""Each format as a reader meets it, on the leaflet and the corpus's factsheets (built once
each, see conftest.py): every sentence the audio says is in the EPUB's media overlay."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

NS = {"x": "http://www.w3.org/1999/xhtml", "s": "http://www.w3.org/ns/SMIL"}


def built_files(root: Path) -> list[Path]:
    """Each factsheet's folder of published files."""
    return sorted(p for p in (root / "build/site/files").iterdir() if p.is_dir())


def seconds(clock: str) -> float:
    hours, minutes, rest = clock.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


def overlay_gaps(folder: Path) -> list[str]:
    """The spoken sentences (the audio's timings) that no overlay item plays, or whose item
    points at no element of the text."""
    slug = folder.name
    with zipfile.ZipFile(folder / f"{slug}.epub") as book:
        smil = etree.fromstring(book.read("EPUB/text.smil"))
        text = etree.fromstring(book.read("EPUB/text.xhtml"))
    ids = {element.get("id") for element in text.iter() if element.get("id")}
    clips = []
    for par in smil.iterfind(".//s:par", NS):
        target = par.find("s:text", NS).get("src").split("#")[1]
        audio = par.find("s:audio", NS)
        if target in ids:
            clips.append((seconds(audio.get("clipBegin")), seconds(audio.get("clipEnd"))))
    spoken = json.loads((folder / f"{slug}-sentences.json").read_text(encoding="utf-8"))["sentences"]
    return [s["text"] for s in spoken
            if not any(begin <= s["start"] + 0.001 and s["end"] - 0.001 <= end for begin, end in clips)]


def test_the_leaflets_overlay_plays_every_sentence_it_says(built_project):
    [folder] = built_files(built_project)
    assert overlay_gaps(folder) == []


def test_every_corpus_overlay_plays_every_sentence_it_says(built_corpus):
    """Titles, call-out labels, footnotes, table rows, picture descriptions and quotation cues too."""
    gaps = {folder.name: overlay_gaps(folder) for folder in built_files(built_corpus)}
    assert {slug: said for slug, said in gaps.items() if said} == {}
