"""The EPUB 3 writer: the factsheet as an accessible ebook with read-along audio.

One EPUB a factsheet, from the document model (not from the website): the text
as one XHTML content document (the website's renderer, made XHTML), a
navigation document with landmarks, accessibility metadata (EPUB Accessibility
1.1), and the audio version with a SMIL media overlay at sentence level, so a
reading system highlights each sentence as it is spoken.

The audio is the audio writer's own recording and its sentence timings, and
the page list follows the large-print PDF the PDF writer made: the EPUB `needs`
both writers, so the build makes them first and hands their finished jobs to
write(). Nothing is recorded or printed a second time, and the cache key holds
their files' digests (see build/needs.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lxml import etree

from ... import model as m
from .. import FinishedJob, FinishedPart, Option, Output, OutputKind, Writer, print_sources
from . import nav, overlay, package
from .pages import print_page_marks
from .xhtml import XhtmlRenderer, content_document
from ..sentences import END_ID, SUMMARY_ID, TITLE_ID

TEXT_HREF = "text.xhtml"


class EpubWriter(Writer):
    name = "epub"
    summary = "EPUB 3 ebook with read-along audio"
    aliases = ("ebook",)
    rank = 45  # in the format box: after the audio
    outputs = (
        OutputKind("epub", "Ebook with read-along audio", "EPUB 3",
                   "for an ebook reader app: change the text size and colours, and hear each sentence read aloud as it is highlighted",
                   "application/epub+zip", check="factsheets.validators.epub:check_output"),
    )
    options: tuple[Option, ...] = ()  # the audio's own options (voice, rate, lexicon) are the audio writer's
    needs = ("audio", "pdf")  # its recording and sentence timings; where the large-print PDF's pages begin
    version = "3"
    weight = 0.2  # no engine but a zip: the recording and the page breaks are given
    preload = ("lxml.etree",)

    def engine_version(self) -> str:
        return f"lxml {etree.__version__}"  # writes the package document

    def dependencies(self, document: m.Document, options: dict[str, Any]) -> str:
        # The book holds the images' bytes and names the factsheets it links to, as the print view does.
        return print_sources.dependencies(document, options)

    def write(self, document: m.Document, out_dir: Path, options: dict[str, Any], *, parts: dict[str, FinishedPart] | None = None,
              needed: dict[str, FinishedJob] | None = None) -> Output:
        if not needed or "audio" not in needed or "pdf" not in needed:
            raise RuntimeError("the EPUB is made from the audio writer's recording and the PDF writer's large-print PDF: build it with them (factsheets build)")
        recording, printed = needed["audio"], needed["pdf"]
        out_dir.mkdir(parents=True, exist_ok=True)
        timings = json.loads(recording.path("audio_sentences").read_text(encoding="utf-8"))["sentences"]
        target = out_dir / f"{document.meta.slug}.epub"
        page_marks, page_count = print_page_marks(document, printed.details["large_print_pdf"]["page_starts"])
        details = write_epub(document, timings, recording.path("audio_mp3"), target, page_marks, page_count,
                             Path(options.get("project_root") or "."))
        return Output(files={"epub": target}, details={"epub": details})


def book_images(document: m.Document, root: Path) -> dict[str, Path]:
    """Each image's file name in the book (images/<name>) -> its file in the project."""
    names: dict[str, Path] = {}
    for image in print_sources.images_of(document):
        path = print_sources.image_file(image, document, root)
        name = f"images/{path.name}"
        if names.get(name, path) != path:  # two images of one name from different folders
            name = f"images/{len(names)}-{path.name}"
        names[name] = path
    return names


def write_epub(document: m.Document, timings: list[dict[str, Any]], mp3: Path, target: Path,
               page_marks: tuple[dict[int, int], dict[int, list[str]]] | None = None, page_count: int = 0, root: Path | None = None) -> dict[str, Any]:
    """The EPUB from the document, the audio's sentence timings and the large-print PDF's page
    marks (`pages.print_page_marks`; None: no page list); returns the details for the manifest.
    `root`, the project's folder, is where its images and the factsheets it links to are."""
    marks, unmarked = page_marks or ({}, {})
    images = book_images(document, root) if root else {}
    by_source = {image.src: name for image in print_sources.images_of(document) for name, path in images.items()
                 if root and path == print_sources.image_file(image, document, root)}
    factsheets = print_sources.linked_factsheets(document, root) if root else {}
    renderer = XhtmlRenderer(document, {t["block"] for t in timings if t["block"]}, marks, unmarked, by_source, factsheets)
    body = renderer.blocks(document.blocks)
    pages = sorted({1, *marks.values(), *(set(unmarked) - set(renderer.unmarked_pages))}) if page_marks is not None else []
    xhtml = content_document(document, body, "style.css", first_page=bool(pages))
    navigation = nav.navigation_document(document, TEXT_HREF, pages)
    for name, text in (("content document", xhtml), ("navigation document", navigation)):
        try:
            etree.fromstring(text.encode("utf-8"))
        except etree.XMLSyntaxError as error:
            raise RuntimeError(f"the EPUB's {name} is not well-formed XHTML: {error}") from error
    # What the audio says that no block is: the title, the spoken introduction, "End of factsheet.".
    written = {TITLE_ID: [], SUMMARY_ID: [], **renderer.sentences, END_ID: []}
    pars = overlay.pars(timings, written, list(written))
    smil = overlay.smil(pars, TEXT_HREF, f"audio/{mp3.name}")
    has_images = any(isinstance(b, m.Figure) for b in document.blocks) or "<img " in body
    source = f"{document.meta.slug}-large-print.pdf, the large-print PDF of this factsheet ({page_count} pages)" if pages else ""
    contents = package.Contents(xhtml, navigation, smil, mp3, overlay.duration(pars), has_images, source, images)
    package.write(document, contents, target)
    sentence_pars = sum(1 for p in pars if "-s" in p.text_id)
    return {"overlay_items": len(pars), "overlay_sentences": sentence_pars, "pages": pages}
