"""A link described by its words and a caption inside its figure (writers/pdf_tags.py), and
the check that finds a PDF without them (validators/pdf_tags.py)."""

from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURES, copy_project
from factsheets.engines import weasyprint as engine
from factsheets.project import load_project
from factsheets.validators.pdf_tags import check_tags, tag_faults
from factsheets.writers.pdf_tags import fix_tags, link_words
from factsheets.writers.print_html import print_document
from factsheets.writers.print_sources import copy_images, linked_factsheets

# Runs the real engine (WeasyPrint): not in the fast tier.
pytestmark = pytest.mark.engines

BADGE = "applying-for-a-blue-badge"  # a picture with its description, a glossary link, the contact links


def test_link_words_are_the_words_as_printed_without_break_marks():
    html = '<p><a href="tel:01225394382">01225 394382</a> <a href="#fn-1">[1]</a> <a href="mailto:a_b@c.uk">a_b@\u200bc.\u200buk</a></p>'
    assert link_words(html) == {"tel:01225394382": "01225 394382", "fn-1": "[1]", "mailto:a_b@c.uk": "a_b@c.uk"}


def test_the_engines_tags_fail_the_check_until_the_writer_fixes_them(tmp_path):
    root = copy_project(tmp_path / "corpus", FIXTURES / "corpus")
    document = next(d for d in load_project(root).documents if d.meta.slug == BADGE)
    folder = tmp_path / "out"
    folder.mkdir()
    html = print_document(document, image_src=copy_images(document, root, folder), factsheets=linked_factsheets(document, root))
    raw = folder / "raw.pdf"
    engine.render_pdf(html, raw, base_url=folder.as_uri() + "/", identifier=b"0" * 32, allowed_folders=[folder, root])
    targets, loose = tag_faults(raw)
    assert "tel:01632960123" in targets and "glossary-blue-badge" in targets and loose == 1
    assert len(check_tags(raw)) == 2
    fixed = folder / "fixed.pdf"
    shutil.copy(raw, fixed)
    fix_tags(fixed, html)
    assert tag_faults(fixed) == ([], 0) and check_tags(fixed) == []
