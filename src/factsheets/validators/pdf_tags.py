"""The large-print PDF's tags for links and pictures, read from the file (pikepdf).

A screen reader says a link's alternate description (its annotation's /Contents): it must
be words, not an address's scheme or an anchor's id ("tel:01225394382", "fn-1"). A picture's
caption must be inside its /Figure, so the two are read as one. writers/pdf_tags.py makes
them so; this checks the PDF as written. Used by check_pdf() and so by `factsheets check`.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import FAILURE, REPORT_IT, Finding
from .pdf_words import FORMAT

# "tel:...", "mailto:...", "#x", "fn-1": a target, never a link's printed words. A web address
# may be both (a link written out as its address), so it is not taken for a target.
TARGET = re.compile(r"^(?:tel|sms|mailto|fax|callto):|^#|^[a-z0-9]+(?:-[a-z0-9]+)+$")


def tag_faults(path: Path) -> tuple[list[str], int]:
    """(link descriptions that are targets, not words; captions outside a figure)."""
    import pikepdf

    from ..writers.pdf_tags import structure_elements

    with pikepdf.open(path) as pdf:
        targets = [str(a.Contents) for page in pdf.pages for a in page.obj.get("/Annots", [])
                   if a.get("/Subtype") == "/Link" and TARGET.match(str(a.get("/Contents", ""))) and " " not in str(a.get("/Contents", ""))]
        loose = 0
        if "/StructTreeRoot" in pdf.Root:
            loose = sum(1 for e in structure_elements(pdf.Root.StructTreeRoot) if e.S == "/Caption" and e.get("/P", pikepdf.Dictionary()).get("/S") != "/Figure")
    return targets, loose


def check_tags(path: Path) -> list[Finding]:
    targets, loose = tag_faults(path)
    findings = []
    if targets:
        findings.append(Finding(FAILURE, FORMAT, (
            f"{len(targets)} link(s) are described to a screen reader by their target, not their words: {', '.join(targets[:3])}"),
            REPORT_IT, str(path)))
    if loose:
        findings.append(Finding(FAILURE, FORMAT, f"{loose} picture caption(s) are tagged outside their /Figure",
                                REPORT_IT, str(path)))
    return findings
