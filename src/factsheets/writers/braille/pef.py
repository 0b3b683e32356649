"""PEF: the BRF's pages as a Portable Embosser Format 2008-1 document.

PEF (namespace http://www.daisy.org/ns/2008/pef) holds braille as it is to be
embossed: a volume of pages of rows, each row a string of Unicode braille cells
(U+2800–U+28FF). The rows here are the BRF's lines, page for page and row for
row, the page-number line included, converted through liblouis's own display
table (the one the BRF is written with), so the two files cannot disagree.

Its head carries Dublin Core metadata; the schema requires dc:format
(application/x-pef+xml) and dc:identifier, and a dc:date must be a whole date
(yyyy-mm-dd): a factsheet is dated by month, so its date is the month's first day.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ... import model as m
from ...engines import liblouis
from .brf import CELLS, LINES

PEF_NS = "http://www.daisy.org/ns/2008/pef"
DC_NS = "http://purl.org/dc/elements/1.1/"
MIME_TYPE = "application/x-pef+xml"


def identifier(document: m.Document) -> str:
    meta = document.meta
    return f"factsheet:{meta.slug}:version-{meta.version}:braille"


def whole_date(date: str) -> str:
    """'2021-06' -> '2021-06-01'; a whole date is kept."""
    return date if len(date) == 10 else f"{date[:7]}-01"


def pef(document: m.Document, pages: list[list[str]]) -> bytes:
    """The PEF document for a factsheet whose BRF has these pages (lines of BRF ASCII)."""
    ET.register_namespace("", PEF_NS)
    ET.register_namespace("dc", DC_NS)
    root = ET.Element(f"{{{PEF_NS}}}pef", {"version": "2008-1"})
    meta = ET.SubElement(ET.SubElement(root, f"{{{PEF_NS}}}head"), f"{{{PEF_NS}}}meta")
    for name, value in (
        ("format", MIME_TYPE),
        ("identifier", identifier(document)),
        ("title", document.meta.title),
        ("creator", document.organisation.name),
        ("publisher", document.organisation.name),
        ("language", document.meta.language),
        ("date", whole_date(document.meta.date)),
        ("description", document.meta.summary),
    ):
        ET.SubElement(meta, f"{{{DC_NS}}}{name}").text = value
    body = ET.SubElement(root, f"{{{PEF_NS}}}body")
    # One side of a sheet a page, as the BRF has it: each page carries its own number.
    volume = ET.SubElement(body, f"{{{PEF_NS}}}volume", {"cols": str(CELLS), "rows": str(LINES), "rowgap": "0", "duplex": "false"})
    section = ET.SubElement(volume, f"{{{PEF_NS}}}section")
    for lines in pages:
        page = ET.SubElement(section, f"{{{PEF_NS}}}page")
        for line in lines:
            ET.SubElement(page, f"{{{PEF_NS}}}row").text = liblouis.to_dots(line)
    ET.indent(root)
    written: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)  # typeshed: str or bytes by the encoding
    return written
