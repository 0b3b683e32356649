"""The large-print PDF: the print view, laid out on A4 by WeasyPrint as PDF/UA-1.

One PDF per factsheet at the configured size (18 pt by default, UKAAF G003),
plus one more per extra size asked for (`--print-size 24`, or `print_sizes:
[24]` in a factsheet's `pdf:` front matter), each a separate file.

Before layout the writer measures every word against the width of a line, in
the font's own metrics, so that staff hear about a web address that cannot
break at a sensible point or a table too wide for the page, with file and
line. The stylesheet still makes such input fit (it breaks the word anywhere,
squeezes the table): the PDF is always readable, the warning says what to fix.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .. import model as m
from ..engines import weasyprint as engine
from ..engines.weasyprint import Rendered
from ..errors import Location, SourceError, Warning_
from ..walk import iter_inlines, unknown_node
from . import FinishedJob, FinishedPart, Option, Output, OutputKind, Writer
from .common import NO_ALT_TEXT, printed_address, text_key
from .print_html import DEFAULT_SIZE_PT, address_pieces, is_address, print_document
from .pdf_closing_box import with_closing_box_parts
from .pdf_images import MINIMUM_SIZE_PT, image_text_warning, refused_fetch
from .pdf_tags import fix_tags
from .print_sources import LinkedFactsheet, dependencies, image_file, images_of, linked_factsheets

GLOSSARY_DIR = "glossary"
A4_WIDTH_PT = 595.28
SIDE_MARGINS_PT = 2 * 20 * 72 / 25.4  # print.css: @page margin 20 mm left and right
LINE_WIDTH_PT = A4_WIDTH_PT - SIDE_MARGINS_PT
# Indents of print.css, in em: list items, quotations (padding and rule), table cell padding.
LIST_INDENT_EM, QUOTE_INDENT_EM, CELL_PADDING_EM = 1.4, 1.3, 0.65
BOX_INDENT_EM = 2.2  # a box's padding (1em) and rule (0.1em) on each side (assets/print.css)
# Text in an image made for a screen is rarely smaller than this (a small label at 1:1);
# it is what a drawing's smallest text is taken to be when the author does not say.
# The author's note in the image's title: ![Timeline](timeline.png "print-note: smallest text 14px")


class FontMetrics:
    """Widths of text in a font file, so a line's fit is known before layout."""

    def __init__(self, path: Path) -> None:
        from fontTools.ttLib import TTFont

        font = TTFont(str(path), lazy=True)
        self.units: int = font["head"].unitsPerEm
        self.cmap: dict[int, str] = font.getBestCmap()
        self.advance: dict[str, int] = {name: width for name, (width, _) in font["hmtx"].metrics.items()}
        self.fallback: int = self.advance.get(".notdef", self.units // 2)

    def width(self, text: str, size_pt: float) -> float:
        units = sum(self.advance.get(self.cmap.get(ord(ch), ""), self.fallback) for ch in text)
        return units * size_pt / self.units


@functools.lru_cache(maxsize=1)
def bold_metrics() -> FontMetrics:
    # Bold is the widest face the print view uses (links, terms, labels): measure the worst case.
    return FontMetrics(engine.font_file("Liberation Sans", "Bold"))


def sizes_wanted(options: dict[str, Any], source: str) -> tuple[float, list[float]]:
    """The default size and the extra sizes, checked against the large-print minimum."""
    default = options.get("print_size", DEFAULT_SIZE_PT)
    extra = options.get("print_sizes") or []
    if not isinstance(extra, (list, tuple)):
        extra = [extra]
    sizes = []
    for value in [default, *extra]:
        try:
            size = float(value)
        except (TypeError, ValueError):
            raise SourceError(Location(source), f"pdf: the print size '{value}' is not a number of points, such as 18 or 24") from None
        if not MINIMUM_SIZE_PT <= size <= 72:  # .nan too, which compares false with everything
            raise SourceError(Location(source), f"pdf: a print size of {size:g} pt is not large print: use {MINIMUM_SIZE_PT} pt to 72 pt (UKAAF: 18 pt is the usual size, 24 pt is giant print)")
        sizes.append(size)
    default, extra = sizes[0], sorted({s for s in sizes[1:] if s != sizes[0]})
    return default, extra


def pdf_date(document: m.Document) -> str | None:
    """The dates written into the PDF: the factsheet's own, never the clock's, so builds repeat exactly."""
    if document.meta.date:
        return document.meta.date
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return None


# Checks before layout ------------------------------------------------------------

def _words(nodes: Iterable[m.Inline]) -> list[str]:
    """The words as printed: the text, and each web address the print view writes out after its link."""
    out = []
    for node in iter_inlines(nodes):
        if isinstance(node, (m.Text, m.Code)):
            out.extend(node.text.split())
        elif isinstance(node, m.Link) and (shown := printed_address(node)):
            out.append(shown)
    return out


# Han characters, kana and full-width forms: a line may break before or after each (Unicode's
# line breaking class ID), so a Chinese sentence written without spaces is not one long word.
_BREAKS_ANYWHERE = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_PIECES = re.compile(f"[{_BREAKS_ANYWHERE}]|[^{_BREAKS_ANYWHERE}]+")


def _unbreakable(word: str) -> list[str]:
    """The pieces of a word that a line cannot break inside."""
    if is_address(word):
        return address_pieces(word)
    return _CJK_PIECES.findall(word)


def figure_warnings(block: m.Figure, document: m.Document, root: Path | None, width_pt: float, line: int | None) -> list[Warning_]:
    """An image without a description (no caption is printed), an image whose text prints too small."""
    where = Location(document.meta.source, block.image.line or line)
    warnings = []
    if not block.image.alt.strip():
        warnings.append(Warning_(where, (
            f"large print: the image '{block.image.src}' has no alt text, so in the PDF a screen reader says only "
            f"'{NO_ALT_TEXT}' and no caption is printed: describe it in the [brackets]"
        )))
    if root is not None:
        small = image_text_warning(block.image, image_file(block.image, document, root), width_pt, where)
        warnings.extend([small] if small else [])
    return warnings


def table_warnings(block: m.Table, size_pt: float, metrics: FontMetrics, indent_em: float, where: Location) -> list[Warning_]:
    """A table whose columns' longest unbreakable words do not fit the page's width."""
    columns = list(zip(*([block.header] if block.header else []), *block.rows)) if block.rows or block.header else []
    widest = []
    for cells in columns:
        pieces = [p for cell in cells for w in _words(cell) for p in _unbreakable(w)]
        widest.append(max((metrics.width(p, size_pt) for p in pieces), default=0) + CELL_PADDING_EM * size_pt)
    if sum(widest) <= LINE_WIDTH_PT - indent_em * size_pt:
        return []
    return [Warning_(where, (
        f"large print: the table of {len(columns)} columns is too wide for an A4 page at {size_pt:g} pt, "
        f"so words in its cells are broken to fit: use fewer columns, or a list or headings instead"
    ))]


def layout_warnings(document: m.Document, size_pt: float, metrics: FontMetrics, root: Path | None = None) -> list[Warning_]:
    source = document.meta.source
    warnings: list[Warning_] = []
    seen: set[str] = set()

    def check_words(nodes: Iterable[m.Inline], indent_em: float, line: int | None, where: str) -> None:
        room = LINE_WIDTH_PT - indent_em * size_pt
        for word in _words(nodes):
            too_long = [p for p in _unbreakable(word) if metrics.width(p, size_pt) > room]
            if too_long and word not in seen:
                seen.add(word)
                what = "web address" if is_address(word) else "word"
                shown = word if len(word) <= 60 else word[:57] + "..."
                warnings.append(Warning_(Location(where, line), (
                    f"large print: the {what} '{shown}' is too long for one line at {size_pt:g} pt and cannot break at a "
                    f"sensible point (such as after a /), so it is broken wherever it reaches the margin: "
                    + ("link a short description to it instead of writing it out" if is_address(word) else "shorten it or add spaces")
                )))

    def walk(blocks: Iterable[m.Block], indent_em: float, line: int | None, where: str = source) -> None:
        for block in blocks:
            here = block.line or line
            match block:
                case m.Heading() | m.Paragraph():
                    check_words(block.children, indent_em, here, where)
                case m.ListBlock():
                    for item in block.items:
                        walk(item.blocks, indent_em + LIST_INDENT_EM, here, where)
                case m.Quote():
                    walk(block.blocks, indent_em + QUOTE_INDENT_EM, here, where)
                case m.Box():
                    check_words(block.title, indent_em + BOX_INDENT_EM, here, where)
                    walk(block.blocks, indent_em + BOX_INDENT_EM, here, where)
                case m.Table():
                    warnings.extend(table_warnings(block, size_pt, metrics, indent_em, Location(source, here)))
                case m.Figure():
                    warnings.extend(figure_warnings(block, document, root, LINE_WIDTH_PT - indent_em * size_pt, here))
                case m.GlossaryEntry():
                    # A definition's text and lines are its glossary file's (glossary/<term id>.md), not the factsheet's.
                    walk(block.blocks, indent_em, None, f"{GLOSSARY_DIR}/{block.term_id}.md")
                case m.Notes():
                    for note in block.notes:
                        walk(note.blocks, indent_em, here, where)
                case m.DefinitionList():
                    for definition_item in block.items:
                        for term in definition_item.terms:
                            check_words(term, indent_em, here, where)
                        for definition in definition_item.definitions:
                            walk(definition, indent_em + LIST_INDENT_EM, here, where)
                case _:
                    unknown_node(block, "the large-print checks cannot measure")

    walk(document.blocks, 0, None)
    return warnings


# The writer ---------------------------------------------------------------------

def file_name(slug: str, size_pt: float, default: bool) -> str:
    return f"{slug}-large-print.pdf" if default else f"{slug}-large-print-{size_pt:g}pt.pdf"


def manifest_key(size_pt: float, default: bool) -> str:
    return "large_print_pdf" if default else f"large_print_pdf_{size_pt:g}"


def _print_size_rule(value: float) -> str | None:
    if not MINIMUM_SIZE_PT <= value <= 72:
        return f"{value:g} pt is not large print: use {MINIMUM_SIZE_PT} to 72 (18 is usual, 24 is giant print)"
    return None


class PdfWriter(Writer):
    name = "pdf"
    version = "3"
    summary = "large-print PDF"
    aliases = ("large_print",)
    rank = 20
    outputs = (
        OutputKind("large_print_pdf", "Large print", "PDF", "to print, or to read on screen with a magnifier", "application/pdf",
                   check="factsheets.validators.outputs:large_print_pdf"),
        OutputKind("large_print_pdf_*", "Large print, {} point", "PDF", "the same in bigger type, to print", "application/pdf"),
    )
    options = (
        Option("print_size", (int, float), DEFAULT_SIZE_PT, "the print size in points, such as 18", check=_print_size_rule),
        Option("print_sizes", (list,), [], "a list of extra print sizes in points, such as [24]", items=(int, float), check=_print_size_rule),
        Option("uncompressed", (bool,), False, "true or false: leave the PDF's streams uncompressed (for debugging)"),
    )
    weight = 1.5
    preload = ("factsheets.writers.pdf",)

    def engine_version(self) -> str:
        return engine.engine_version()

    def dependencies(self, document: m.Document, options: dict[str, Any]) -> str:
        return dependencies(document, options)

    def render(self, document: m.Document, size: float, path: Path, base_url: str, factsheets: dict[str, LinkedFactsheet], options: dict[str, Any],
               root: Path) -> Rendered:
        html = print_document(document, size_pt=size, date=pdf_date(document), factsheets=factsheets)
        rendered = engine.render_pdf(html, path, base_url=base_url, identifier=hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii"),
                                     uncompressed=bool(options.get("uncompressed")), allowed_folders=[root])
        if not rendered.refused:  # a link described by its words, a caption inside its figure
            fix_tags(path, html)
        return rendered

    def write(self, document: m.Document, out_dir: Path, options: dict[str, Any], *, parts: dict[str, FinishedPart] | None = None,
              needed: dict[str, FinishedJob] | None = None) -> Output:
        out_dir.mkdir(parents=True, exist_ok=True)
        source = document.meta.source
        default, extra = sizes_wanted(options, source)
        root = Path(options.get("project_root") or ".")
        base_url = (root / source).parent.resolve().as_uri() + "/"
        for image in images_of(document):
            image_file(image, document, root)  # an image outside the project stops here, at its line
        factsheets = linked_factsheets(document, root)
        output = Output()
        metrics = bold_metrics()
        for size in [default, *extra]:
            is_default = size == default
            path = out_dir / file_name(document.meta.slug, size, is_default)
            # Laid out again while the closing box breaks over a page: then two boxes, the second "continued".
            rendered = with_closing_box_parts(document, functools.partial(self.render, size=size, path=path, base_url=base_url,
                                                                        factsheets=factsheets, options=options, root=root))
            if rendered.refused:
                raise refused_fetch(document, root, rendered.refused[0])
            key = manifest_key(size, is_default)
            output.files[key] = path
            output.details[key] = {"pages": rendered.pages}
            if is_default:  # where its pages begin, for the EPUB's page list (which has no layout of its own)
                output.details[key]["page_starts"] = [[text_key(text) for text in page] for page in rendered.page_starts]
            warnings = layout_warnings(document, size, metrics, root)
            output.warnings.extend(w for w in warnings if w not in output.warnings)
            for message in dict.fromkeys(rendered.messages):
                if "alt description" in message or "not read:" in message:
                    continue  # already said above, with the line
                output.warnings.append(Warning_(Location(source), f"large print ({size:g} pt): WeasyPrint: {message}"))
        return output
