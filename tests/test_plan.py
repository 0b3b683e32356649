"""Planning a build: the writers' order and --format's selection, writers that need others included."""

import pytest

from factsheets.build.plan import build_order, with_needs
from factsheets.errors import SourceError
from factsheets.writers import registry


class Writer:
    def __init__(self, name, needs=()):
        self.name, self.needs = name, needs


def test_a_writer_comes_after_the_writers_it_needs_and_the_rest_keep_their_order():
    writers = {"epub": Writer("epub", ("audio", "pdf")), "braille": Writer("braille"), "pdf": Writer("pdf"), "audio": Writer("audio")}
    assert build_order(writers) == ["audio", "pdf", "epub", "braille"]
    assert build_order({"a": Writer("a"), "b": Writer("b")}) == ["a", "b"]


def test_a_need_that_is_not_installed_or_goes_round_in_a_circle_is_said_plainly():
    with pytest.raises(SourceError, match="no audio writer is installed"):
        build_order({"epub": Writer("epub", ("audio",))})
    with pytest.raises(SourceError, match="each need the other's files"):
        build_order({"a": Writer("a", ("b",)), "b": Writer("b", ("a",))})


def test_the_epub_built_alone_brings_the_audio_and_the_pdf_it_is_made_from():
    assert set(with_needs(["epub"])) == {"epub", "audio", "pdf"}
    assert with_needs(["braille"]) == ["braille", "pdf"]  # the PDF's page changes, for its print page indicators
    assert with_needs(["audio"]) == ["audio"]
    assert with_needs(None) is None
    order = build_order(registry())
    assert order.index("audio") < order.index("epub") and order.index("pdf") < order.index("epub")
    assert order.index("pdf") < order.index("braille")
