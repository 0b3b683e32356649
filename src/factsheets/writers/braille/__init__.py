"""The braille writer: braille-ready text, and BRF in contracted Unified English Braille.

text.py turns the document model into plain pieces of text; ueb.py has liblouis
(behind engines/liblouis.py) translate each piece to UEB grade 2, with emphasis
and with computer material uncontracted; wrap.py breaks the braille into lines
and brf.py lays them out in pages. pef.py writes the same pages as a PEF file
for embosser software. The Unicode-braille preview is the BRF cell for cell,
for sighted staff to proof-read.
"""

from __future__ import annotations

from pathlib import Path

from ... import model as m
from ...engines import liblouis
from .. import Output, OutputKind
from . import brf as layout
from .fallback import replace_untranslatable
from .pef import pef
from ..print_sources import dependencies, linked_factsheets
from .text import braille_ready_text, name_linked_factsheets, pieces
from .wrap import wrap


def title_lines(document: m.Document, translate) -> list[list[str]]:
    meta = document.meta
    width = layout.CELLS - 2 * layout.CENTRED_MARGIN
    groups = [
        meta.title,
        document.organisation.name,
        f"Version {meta.version}, {m.display_month(meta.date)}",
        "Contracted Unified English Braille",
    ]
    return [
        [layout.centre(line) for line in wrap(translate(text), text, width, width)]
        for text in groups
    ]


class BrailleWriter:
    name = "braille"
    version = "2"
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

    def dependencies(self, document: m.Document, options: dict) -> str:
        return dependencies(document, options)  # the titles of the factsheets it links to

    def write(self, document: m.Document, out_dir: Path, options: dict) -> Output:
        liblouis.louis()  # EngineMissing, naming the packages, before anything is written
        document = name_linked_factsheets(document, linked_factsheets(document, Path(options.get("project_root") or ".")))
        out_dir.mkdir(parents=True, exist_ok=True)
        slug = document.meta.slug
        items, warnings = replace_untranslatable(pieces(document), liblouis.can_translate, document.meta.source)

        text_path = out_dir / f"{slug}-braille.txt"
        text_path.write_text(braille_ready_text(items), encoding="utf-8-sig")  # the BOM tells a browser it is UTF-8

        body = layout.blocks(items, liblouis.translate)
        pages = layout.brf_pages(title_lines(document, liblouis.translate), body, liblouis.translate)
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
            details={"brf": {"braille_pages": len(pages)}},
            warnings=warnings,
        )
