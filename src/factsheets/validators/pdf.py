"""The large-print PDF's standards (UKAAF G003 large print, PDF/UA-1 essentials),
checked on the PDF file itself, never on the HTML it was made from.

pikepdf reads the file's structure (tags, content in the tree or an artifact,
/Lang, title, outline, fonts);
pdfplumber reads every glyph on every page with its font and size. The test
suite and `factsheets check` both call check_pdf().
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from .. import model as m
from . import FAILURE, Finding, PdfChar
from .pdf_fonts import check_missing_glyphs
from .pdf_layout import check_layout
from .pdf_tags import check_tags
from .pdf_words import FOOTER_TOP_PT, FORMAT, check_words, document_words, glyphs, pdf_text, prints_captions

if TYPE_CHECKING:
    import pikepdf

    from ..manifest_entry import ManifestEntry

__all__ = ["FOOTER_TOP_PT", "check_entry", "check_glyphs", "check_pdf", "check_structure", "check_words",
           "document_words", "glyphs", "pdf_text", "prints_captions"]
MINIMUM_SIZE_PT = 16  # UKAAF G003: nothing in large print is smaller
A4_PT = (595.28, 841.89)
PDFUA_PART = re.compile(rb"pdfuaid:part(?:>|=\")\s*1")


def _finding(path: Path, message: str, fix: str) -> Finding:
    return Finding(FAILURE, FORMAT, message, fix, str(path))


def _open(path: Path) -> pikepdf.Pdf | Finding:
    import pikepdf

    try:
        return pikepdf.open(path)
    except (pikepdf.PdfError, OSError, ValueError) as error:
        return _finding(path, f"the PDF cannot be opened: {error}", "Build it again with `factsheets build`.")


# The file's structure (pikepdf) --------------------------------------------------

def check_structure(path: Path, title: str | None = None, language: str | None = None) -> list[Finding]:
    """Tagged, marked PDF/UA-1 with /Lang, a title shown as the window title, an outline."""
    pdf = _open(path)
    if isinstance(pdf, Finding):
        return [pdf]
    findings: list[Finding] = []
    with pdf:
        root = pdf.Root
        fix = "Build it with the pdf writer (WeasyPrint's pdf/ua-1 variant) and a <title> and <html lang>."
        if "/StructTreeRoot" not in root:
            findings.append(_finding(path, "the PDF is not tagged (no structure tree), so a screen reader cannot follow it", fix))
        mark_info = root.get("/MarkInfo")
        if mark_info is None or not bool(mark_info.get("/Marked", False)):
            findings.append(_finding(path, "the PDF is not marked as tagged (MarkInfo /Marked is not true)", fix))
        lang = str(root.get("/Lang", "")).strip()
        if not lang:
            findings.append(_finding(path, "the PDF has no /Lang, so a screen reader does not know which voice to use", fix))
        elif language and lang.lower() != language.lower():
            findings.append(_finding(path, f"the PDF's /Lang is '{lang}', not the factsheet's language '{language}'", fix))
        prefs = root.get("/ViewerPreferences")
        if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
            findings.append(_finding(path, "the PDF does not ask viewers to show its title (DisplayDocTitle) instead of the file name", fix))
        xmp = bytes(root.Metadata.read_bytes()) if "/Metadata" in root else b""
        if not PDFUA_PART.search(xmp):
            findings.append(_finding(path, "the PDF does not declare PDF/UA-1 (pdfuaid:part 1 in its XMP metadata)", fix))
        dc_title = pdf.open_metadata().get("dc:title") if xmp else None
        if not dc_title:
            findings.append(_finding(path, "the PDF has no dc:title in its metadata", fix))
        elif title and dc_title != title:
            findings.append(_finding(path, f"the PDF's title is '{dc_title}', not the factsheet's title '{title}'", fix))
        if len(pdf.open_outline().root) == 0:
            findings.append(_finding(path, "the PDF has no bookmarks (outline), so its sections cannot be jumped to", "Give the print view headings (h1-h3)."))
        info = pdf.docinfo
        for key, what in (("/Author", "author"), ("/Subject", "subject"), ("/Keywords", "keywords")):
            if not str(info.get(key, "")).strip():
                findings.append(_finding(path, f"the PDF's document properties have no {what}", "Set it in the print view's <head>."))
        for number, page in enumerate(pdf.pages, start=1):
            width, height = (float(v) for v in page.mediabox[2:])
            if abs(width - A4_PT[0]) > 2 or abs(height - A4_PT[1]) > 2:
                findings.append(_finding(path, f"page {number} is {width:.0f} × {height:.0f} pt, not A4", "Use @page { size: A4 }."))
                break
        orphans = _content_outside_the_tree(pdf)
        if orphans:
            findings.append(_finding(path, f"{orphans} piece(s) of content are neither in the structure tree nor marked as artifacts",
                                     "Build with the pdf writer, which marks the running footer as an artifact."))
        findings += _font_findings(pdf, path)
    return findings


def _content_outside_the_tree(pdf: pikepdf.Pdf) -> int:
    """Marked content whose structure element a screen reader cannot reach (PDF/UA-1 7.1)."""
    import pikepdf

    if "/StructTreeRoot" not in pdf.Root or "/ParentTree" not in pdf.Root.StructTreeRoot:
        return 0
    reachable: set[tuple[int, int]] = set()  # the elements' object ids
    stack: list[pikepdf.Object | None] = list(pdf.Root.StructTreeRoot.get("/K", []))
    while stack:
        element = stack.pop()
        if isinstance(element, pikepdf.Dictionary) and "/S" in element and element.objgen not in reachable:
            reachable.add(element.objgen)
            kids = element.get("/K")
            stack.extend(kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else [])
    nums = pdf.Root.StructTreeRoot.ParentTree.get("/Nums", pikepdf.Array())
    parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    outside = 0
    for page in pdf.pages:
        elements = parents.get(int(page.obj.get("/StructParents", -1)))
        for instruction in pikepdf.parse_content_stream(page, "BDC"):
            operands = instruction.operands
            properties = operands[1] if len(operands) > 1 else None
            if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                mcid = int(properties.MCID)
                element = elements[mcid] if isinstance(elements, pikepdf.Array) and mcid < len(elements) else None
                if not isinstance(element, pikepdf.Dictionary) or element.objgen not in reachable:
                    outside += 1
    return outside


def _fonts(pdf: pikepdf.Pdf) -> list[pikepdf.Object]:
    """Every font the pages use, by object, including fonts inside Type 0 fonts."""
    import pikepdf

    seen: dict[tuple[int, int], pikepdf.Object] = {}
    for page in pdf.pages:
        resources = page.obj.get("/Resources", pikepdf.Dictionary())
        for font in (resources.get("/Font") or pikepdf.Dictionary()).values():
            seen[font.objgen] = font
    return list(seen.values())


def _font_findings(pdf: pikepdf.Pdf, path: Path) -> list[Finding]:
    findings: list[Finding] = []
    for font in _fonts(pdf):
        name = str(font.get("/BaseFont", "?"))
        descriptors = [font.get("/FontDescriptor")]
        for descendant in font.get("/DescendantFonts", []):
            descriptors.append(descendant.get("/FontDescriptor"))
        embedded = any(d is not None and any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")) for d in descriptors)
        if not embedded:
            findings.append(_finding(path, f"the font {name} is not embedded, so the PDF may print in another face", "Build with WeasyPrint, which embeds every font."))
    return findings


# The glyphs (pdfplumber) ------------------------------------------------------------

def check_glyphs(path: Path, minimum_pt: float = MINIMUM_SIZE_PT, family: str = "LiberationSans",
                 pages: list[list[PdfChar]] | None = None) -> list[Finding]:
    """Every glyph in the large-print face at the minimum size or more, none italic, none past the margins."""
    try:
        pages = pages if pages is not None else glyphs(path)
    except Exception as error:  # pdfminer raises many kinds of error for a broken file
        return [_finding(path, f"the PDF's text cannot be read: {error}", "Build it again with `factsheets build`.")]
    findings = []
    chars = [(number, c) for number, page in enumerate(pages, start=1) for c in page]
    if not chars:
        return [_finding(path, "the PDF has no text", "Build it from the factsheet with `factsheets build`.")]
    smallest_number, smallest = min(chars, key=lambda nc: nc[1]["size"])
    if smallest["size"] < minimum_pt - 0.05:
        findings.append(_finding(
            path, f"text on page {smallest_number} is {smallest['size']:.1f} pt ('{smallest['text']}'), smaller than {minimum_pt:g} pt",
            "Large print is 16 pt or more everywhere, page numbers and labels included: set pdf: print_size to 16 or more."))
    names = sorted({c["fontname"].split("+")[-1] for _, c in chars})
    # Latin letters and digits are in the large-print face; another script's letters are in the
    # face made for it (Noto Naskh Arabic, Noto Nastaliq Urdu, Noto Sans CJK SC ...): whether that
    # face has every one of them is check_missing_glyphs's question.
    latin = sorted({c["fontname"].split("+")[-1] for _, c in chars if _is_latin(c["text"])})
    other = [n for n in latin if not n.replace("-", "").startswith(family)]
    if other:
        findings.append(_finding(path, f"text is set in {', '.join(other)}, not {family}", "Install fonts-liberation2 so the print view's face is used."))
    italic = [n for n in names if re.search(r"italic|oblique", n, re.I)]
    if italic:
        findings.append(_finding(path, f"text is set in italics ({', '.join(italic)}), which is hard to read for people with low vision",
                                 "Use bold for emphasis; the print view's stylesheet never asks for italics."))
    width = A4_PT[0]
    outside = [(n, c) for n, c in chars if c["x0"] < 0 or c["x1"] > width + 0.5]
    if outside:
        n, c = outside[0]
        findings.append(_finding(path, f"text runs off page {n} ('{c['text']}' at x = {c['x1']:.0f} pt)", "Break long words and web addresses."))
    return findings


def _is_latin(text: str) -> bool:
    return all(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in text)


def check_pdf(path: Path, document: m.Document | None = None, minimum_pt: float = MINIMUM_SIZE_PT) -> list[Finding]:
    """Every check of a large-print PDF; with the document, its title, language and words too."""
    path = Path(path)
    if not path.is_file():
        return [_finding(path, "the large-print PDF is missing", "Run `factsheets build`.")]
    title = document.meta.title if document else None
    language = document.meta.language if document else None
    findings = check_structure(path, title, language)
    if any("cannot be opened" in f.message for f in findings):
        return findings
    try:
        pages = glyphs(path)
    except Exception as error:  # pdfminer raises many kinds of error for a broken file
        return findings + [_finding(path, f"the PDF's text cannot be read: {error}", "Build it again with `factsheets build`.")]
    findings += check_glyphs(path, minimum_pt, pages=pages)
    findings += check_missing_glyphs(path, pages)
    if document is not None:
        findings += check_words(path, document, pages)
    findings += check_layout(path, pages, document) + check_tags(path)
    return findings


def check_entry(path: Path, document: m.Document, entry: ManifestEntry) -> list[Finding]:
    """For `factsheets check`: the default PDF against the manifest entry's page count."""
    findings = check_pdf(path, document)
    pages = entry.get("details", {}).get("large_print_pdf", {}).get("pages")
    if pages and not findings:
        import pikepdf

        with pikepdf.open(path) as pdf:
            if len(pdf.pages) != pages:
                findings.append(_finding(path, f"the manifest says {pages} pages but the PDF has {len(pdf.pages)}", "Run `factsheets build` again."))
    return findings
