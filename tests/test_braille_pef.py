"""PEF beside the BRF: valid PEF 2008-1, the BRF's pages row for row, with its metadata.

tests/schemas/pef-2008-1.rng is the PEF 2008-1 RELAX NG schema (the "light" one:
the schema without the extra Schematron checks) as DAISY's braille utilities ship
it (github.com/mtmse/dotify.library, src/org/daisy/braille/utils/pef/resource-files/
pef-2008-1-light.rng, LGPL), stored as test data and read with lxml.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from factsheets.engines import liblouis
from factsheets.validators import FAILURE
from factsheets.validators.braille import brf_pages, check_entry, check_pef, pef_pages
from factsheets.writers.braille import BrailleWriter
from factsheets.project import load_project

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

SCHEMA = etree.RelaxNG(etree.parse(str(Path(__file__).parent / "schemas" / "pef-2008-1.rng")))
DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.fixture(scope="module")
def send_pef(built_project, send_entry) -> tuple[Path, Path]:
    formats = send_entry["formats"]
    return built_project / "build" / formats["pef"], built_project / "build" / formats["brf"]


def test_the_send_pef_is_valid_pef(send_pef):
    assert SCHEMA.validate(etree.parse(str(send_pef[0]))), SCHEMA.error_log


def test_the_send_pef_is_the_brf_page_for_page_and_row_for_row(send_pef):
    pef, brf = send_pef
    rows, lines = pef_pages(pef), brf_pages(brf)
    assert len(rows) == len(lines) > 10
    for page_rows, page_lines in zip(rows, lines):
        assert len(page_rows) == len(page_lines)
        for row, line in zip(page_rows, page_lines):
            assert len(row) == len(line) and all(0x2800 <= ord(cell) <= 0x283F for cell in row)
            assert liblouis.from_unicode(row) == line.upper()  # the other way round, by the hand table
    assert check_pef(pef, brf) == []


def test_the_send_pef_says_what_it_is(send_pef):
    root = etree.parse(str(send_pef[0])).getroot()
    meta = {element.tag.removeprefix(DC): element.text for element in root.iter() if element.tag.startswith(DC)}
    assert meta["title"] == "What if I do not agree with decisions about SEN provision?"
    assert meta["language"] == "en-GB" and meta["date"] == "2021-06-01"
    assert meta["format"] == "application/x-pef+xml" and meta["identifier"]
    volume = root.find("{http://www.daisy.org/ns/2008/pef}body/{http://www.daisy.org/ns/2008/pef}volume")
    assert (volume.get("cols"), volume.get("rows")) == ("40", "25")


def test_the_manifest_and_the_check_command_know_the_pef(built_project, send_entry):
    assert send_entry["formats"]["pef"].endswith("what-if-i-do-not-agree.pef")
    assert check_entry(built_project / "build", send_entry) == []


def test_the_schema_and_the_validator_find_a_broken_pef(send_pef, tmp_path):
    pef, brf = send_pef
    tree = etree.parse(str(pef))
    pages = tree.getroot().findall(".//{http://www.daisy.org/ns/2008/pef}page")
    # A page missing: valid PEF, but no longer the BRF.
    pages[-1].getparent().remove(pages[-1])
    short = tmp_path / "short.pef"
    tree.write(str(short), encoding="utf-8", xml_declaration=True)
    assert SCHEMA.validate(etree.parse(str(short)))
    assert [f.level for f in check_pef(short, brf)] == [FAILURE] and "pages" in check_pef(short, brf)[0].message
    # A row with a letter in it: not PEF at all.
    pages[0].find("{http://www.daisy.org/ns/2008/pef}row").text = "⠁A"
    bad = tmp_path / "bad.pef"
    tree.write(str(bad), encoding="utf-8", xml_declaration=True)
    assert not SCHEMA.validate(etree.parse(str(bad)))
    assert [f.level for f in check_pef(bad, brf)] == [FAILURE]


def test_a_pef_is_written_beside_every_brf(small_project, tmp_path):
    document = load_project(small_project).documents[0]
    output = BrailleWriter().write(document, tmp_path, {})
    pef = output.files["pef"]
    assert pef.parent == output.files["brf"].parent and pef.suffix == ".pef"
    assert SCHEMA.validate(etree.parse(str(pef))), SCHEMA.error_log
    assert check_pef(pef, output.files["brf"]) == []
    assert len(pef_pages(pef)) == output.details["brf"]["braille_pages"]
