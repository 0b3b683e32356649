"""The EPUB 3 writer: the factsheet as an accessible ebook with read-along audio.

One EPUB a factsheet, from the document model (not from the website): the text
as one XHTML content document (the website's renderer, made XHTML), a
navigation document with landmarks, accessibility metadata (EPUB Accessibility
1.1), and the audio version with a SMIL media overlay at sentence level, so a
reading system highlights each sentence as it is spoken.

The audio is recorded exactly as the audio writer records it, section by
section in parts (same tasks, same engine), with the audio writer's options:
the build keeps one writer's outputs from another's, so the EPUB records its
own copy, cached as its parts.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from lxml import etree

from ... import model as m
from ...errors import Warning_
from .. import FinishedPart, Option, Output, OutputKind, Part
from ..audio import AudioWriter
from . import nav, overlay, package
from .pages import print_page_marks
from .xhtml import XhtmlRenderer, content_document

TEXT_HREF = "text.xhtml"


def audio_options(document: m.Document, options: dict) -> dict:
    """The audio writer's options for this factsheet: its defaults, mkdocs.yml, then the front matter."""
    from ...options import with_defaults
    from ...project import load_config

    root = Path(options.get("project_root") or ".")
    audio = with_defaults("audio", load_config(root).writer_options("audio"), document.meta.options.get("audio", {}))
    return audio | {"project_root": root}


class EpubWriter:
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
    weight = 1.0  # a section of audio, as the audio writer's parts
    preload = (*AudioWriter.preload, "ebooklib.epub", "lxml.etree")

    @property
    def version(self) -> str:
        # The cache key hashes this writer's own code, not the audio writer's it records with: name both.
        from .. import code_digest

        return f"1; audio {AudioWriter.version} {code_digest('audio')}"

    def engine_version(self) -> str:
        from importlib.metadata import version

        return f"ebooklib {version('ebooklib')}; {AudioWriter().engine_version()}"

    def dependencies(self, document: m.Document, options: dict) -> str:
        audio = audio_options(document, options)
        public = {k: v for k, v in sorted(audio.items()) if k != "project_root"}
        return json.dumps(public, sort_keys=True, default=str) + AudioWriter().dependencies(document, audio)

    def available(self, document: m.Document) -> str | None:
        """The read-along audio is part of the ebook: not available where the audio is not."""
        return AudioWriter().available(document)

    def parts(self, document: m.Document, options: dict) -> list[Part]:
        return AudioWriter().parts(document, audio_options(document, options))

    @staticmethod
    def write_part(task, out_dir: Path) -> Output:
        return AudioWriter.write_part(task, out_dir)

    def write(self, document: m.Document, out_dir: Path, options: dict, parts: dict[str, FinishedPart] | None = None) -> Output:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=out_dir, prefix=".audio-") as folder:
            recorded = AudioWriter().write(document, Path(folder), audio_options(document, options), parts)
            timings = json.loads(recorded.files["audio_sentences"].read_text(encoding="utf-8"))["sentences"]
            target = out_dir / f"{document.meta.slug}.epub"
            page_marks, page_count = print_page_marks(document, options)
            details = write_epub(document, timings, recorded.files["audio_mp3"], target, page_marks, page_count)
        shutil.rmtree(out_dir / ".parts", ignore_errors=True)
        warnings: list[Warning_] = [w for w in recorded.warnings if "audio:" not in w.message]
        return Output(files={"epub": target}, details=details, warnings=warnings)


def write_epub(document: m.Document, timings: list[dict], mp3: Path, target: Path, page_marks=None, page_count: int = 0) -> dict:
    """The EPUB from the document, the audio's sentence timings and the large-print PDF's page
    marks (`pages.print_page_marks`; None: no page list); returns the details for the manifest."""
    marks, unmarked = page_marks or ({}, {})
    renderer = XhtmlRenderer(document, {t["block"] for t in timings if t["block"]}, marks, unmarked)
    body = renderer.blocks(document.blocks)
    pages = sorted({1, *marks.values(), *(set(unmarked) - set(renderer.unmarked_pages))}) if page_marks is not None else []
    xhtml = content_document(document, body, "style.css", first_page=bool(pages))
    navigation = nav.navigation_document(document, TEXT_HREF, pages)
    for name, text in (("content document", xhtml), ("navigation document", navigation)):
        try:
            etree.fromstring(text.encode("utf-8"))
        except etree.XMLSyntaxError as error:
            raise RuntimeError(f"the EPUB's {name} is not well-formed XHTML: {error}") from error
    order = [i for i in renderer.sentences]
    pars = overlay.pars(timings, renderer.sentences, order)
    smil = overlay.smil(pars, TEXT_HREF, f"audio/{mp3.name}")
    has_images = any(isinstance(b, m.Figure) for b in document.blocks) or "<img " in body
    source = f"{document.meta.slug}-large-print.pdf, the large-print PDF of this factsheet ({page_count} pages)" if pages else ""
    contents = package.Contents(xhtml, navigation, smil, mp3, overlay.duration(pars), has_images, source)
    package.write(document, contents, target)
    sentence_pars = sum(1 for p in pars if "-s" in p.text_id)
    return {"epub_overlay_items": len(pars), "epub_overlay_sentences": sentence_pars, "epub_pages": pages}
