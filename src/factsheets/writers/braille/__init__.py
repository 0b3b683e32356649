"""The braille writer: braille-ready text, and BRF in contracted Unified English Braille.

text.py turns the document model into plain pieces of text; ueb.py has liblouis
(behind engines/liblouis.py) translate each piece to UEB grade 2, with emphasis
and with computer material uncontracted; wrap.py breaks the braille into lines
and brf.py lays them out in pages, with the large-print PDF's page changes
shown where they fall (print_pages.py: the braille is built after the PDF, which
it `needs`). pef.py writes the same pages as a PEF file
for embosser software. The Unicode-braille preview is the BRF cell for cell,
for sighted staff to proof-read.

A factsheet in another language is brailled with that language's literary table,
chosen from liblouis's own metadata (engines/liblouis_tables.py), and its fixed
words come from the language's message catalogue. Where liblouis has no literary
table for the language (Somali; Romanian has only 8-dot computer braille), the
writer says braille is not available in this language rather than make wrong braille.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ... import model as m
from ...engines import liblouis
from ...engines.liblouis import Translation
from ...engines.liblouis_tables import code_name as braille_code_name, table_for_language
from ...i18n import about_language, gettext
from .. import FinishedJob, FinishedPart, Output, OutputKind, Writer
from . import brf as layout
from .fallback import replace_untranslatable
from .pef import pef
from .print_pages import is_page_line, print_page_starts
from ..print_sources import dependencies, linked_factsheets
from .text import braille_ready_text, name_linked_factsheets, pieces
from .wrap import wrap
from ...i18n import display_month
from ...transforms import org_words

__all__ = ["BrailleWriter", "is_page_line"]  # is_page_line: for the validators, which read the BRF back


def table_for(document: m.Document) -> str | None:
    """The liblouis table for the factsheet's language: contracted UEB for English."""
    return table_for_language(document.meta.language)


def code_name(document: m.Document) -> str:
    """The braille code, as the title page names it: in the factsheet's own language."""
    return braille_code_name(document.meta.language, document.meta.language)


def title_lines(document: m.Document, translate: Callable[[str], Translation]) -> list[list[str]]:
    meta = document.meta
    tag = meta.language
    width = layout.CELLS - 2 * layout.CENTRED_MARGIN
    # The organisation's name a translation leaves in English is brailled in UEB, as in the text (liblouis.py).
    english_name = isinstance(org_words(document.organisation, "name", tag)[0], m.Span)
    groups = [
        (meta.title, translate),
        (document.organisation.name, liblouis.translate if english_name else translate),
        (gettext(tag, "Version {version}, {date}", version=meta.version, date=display_month(meta.date, tag)), translate),
        (code_name(document), translate),
    ]
    return [
        [layout.centre(line) for line in wrap(by(text), text, width, width)]
        for text, by in groups
    ]


class BrailleWriter(Writer):
    name = "braille"
    version = "3"
    summary = "braille-ready text and BRF"
    aliases = ()
    rank = 30
    outputs = (
        OutputKind("braille_text", "Braille-ready text", "plain text", "for a braille transcriber or braille translation software", "text/plain"),
        OutputKind("brf", "Braille file", "BRF, contracted UEB", "to send straight to a braille embosser or open on a braille display",
                   "application/x-brf", check="factsheets.validators.outputs:brf"),
        OutputKind("pef", "Braille file for embosser software", "PEF", "the same braille pages in the Portable Embosser Format, which embosser software opens directly", "application/x-pef+xml", companion_of="brf"),
        OutputKind("braille_preview", "Braille preview", "text", "the braille file shown as braille dots on screen, for sighted staff to check; not for an embosser", "text/plain", companion_of="brf"),
    )
    options = ()
    weight = 0.3
    preload = ("factsheets.writers.braille",)
    needs = ("pdf",)  # where the large-print PDF's pages begin, for the print page indicators (print_pages.py)

    def dependencies(self, document: m.Document, options: dict[str, Any]) -> str:
        return dependencies(document, options)  # the titles of the factsheets it links to

    def available(self, document: m.Document, options: dict[str, Any] | None = None) -> str | None:
        if table_for(document) is not None:
            return None
        tag = document.meta.language
        return about_language(tag, "liblouis has no literary braille table for {language}")

    def write(self, document: m.Document, out_dir: Path, options: dict[str, Any], *, parts: dict[str, FinishedPart] | None = None,
              needed: dict[str, FinishedJob] | None = None) -> Output:
        liblouis.louis()  # EngineMissing, naming the packages, before anything is written
        table = table_for(document)
        if table is None:
            raise ValueError(self.available(document))
        translate = functools.partial(liblouis.translate, table=table)
        document = name_linked_factsheets(document, linked_factsheets(document, Path(options.get("project_root") or ".")))
        out_dir.mkdir(parents=True, exist_ok=True)
        slug = document.meta.slug

        def can_translate(character: str) -> bool:
            return liblouis.can_translate(character, table) or liblouis.can_translate(character)

        items, warnings = replace_untranslatable(pieces(document), can_translate, document.meta.source)

        text_path = out_dir / f"{slug}-braille.txt"
        text_path.write_text(braille_ready_text(items), encoding="utf-8")  # no BOM: a transcriber's software may read it as text

        printed = needed.get("pdf") if needed else None
        page_starts = printed.details.get("large_print_pdf", {}).get("page_starts", []) if printed else []
        body = layout.blocks(items, translate, print_page_starts(items, page_starts))
        pages = layout.brf_pages(title_lines(document, translate), body, translate)
        brf_text = layout.brf(pages)
        brf_path = out_dir / f"{slug}.brf"
        # BRF is ASCII; newline="" keeps the CR LF line ends as they are.
        with open(brf_path, "w", encoding="ascii", newline="") as handle:
            handle.write(brf_text)
        pef_path = out_dir / f"{slug}.pef"
        pef_path.write_bytes(pef(document, pages))

        preview_path = out_dir / f"{slug}-braille-preview.txt"
        # A rule between pages, where the embosser would start a new sheet.
        preview = liblouis.to_unicode(brf_text).replace(layout.LINE_END, "\n").replace(layout.PAGE_BREAK, "─" * layout.CELLS + "\n")
        # A byte-order mark, so that a browser opening the file reads the dots as UTF-8.
        preview_path.write_text("\ufeff" + preview, encoding="utf-8")

        return Output(
            files={"braille_text": text_path, "brf": brf_path, "pef": pef_path, "braille_preview": preview_path},
            # The code in English for the manifest and `check`; the page names it in its language.
            details={"brf": {"braille_pages": len(pages), "code": braille_code_name(document.meta.language)}},
            warnings=warnings,
        )
