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


def somali_audio_reason(root):
    from factsheets.build.plan import plan_jobs
    from factsheets.project import load_project

    jobs = plan_jobs(load_project(root), None, ["audio"], {})
    return next(job.not_available for job in jobs if job.writer_name == "audio" and job.slug.endswith("-so"))


def test_a_piper_voice_set_in_mkdocs_yml_alone_makes_audio_available_in_a_language_espeak_ng_lacks(tmp_path, monkeypatch):
    import importlib.util

    from conftest import FIXTURES, copy_project

    root = copy_project(tmp_path / "project", FIXTURES / "languages")
    assert somali_audio_reason(root) == "espeak-ng ma laha cod Soomaali ah"  # no voice set: not available, said in Somali, naming Somali in Somali
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - factsheets\n", "  - factsheets:\n      audio:\n        voices:\n"
                                                 "          so: {engine: piper, model: voices/so-voice.onnx}\n"))
    (root / "voices").mkdir()
    (root / "voices" / "so-voice.onnx").write_bytes(b"model")
    (root / "voices" / "so-voice.onnx.json").write_text("{}")
    assert somali_audio_reason(root) is None  # the front matter names no voice: mkdocs.yml's counts
    # A missing engine is the installation's fault, not the language's: the page does not say
    # "not available in this language"; the build warns staff with the package to install.
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *rest: None if name == "piper" else real_find_spec(name, *rest))
    assert somali_audio_reason(root) is None


def test_a_writer_whose_available_takes_the_document_alone_is_still_asked():
    from factsheets.writers import Writer, not_available

    class OlderWriter(Writer):
        name = "older"

        def available(self, document):  # written before the hook took the job's options
            return f"not for {document}"

    class NewerWriter(Writer):
        name = "newer"

        def available(self, document, options=None):
            return f"not for {document} with {options}"

    assert not_available(OlderWriter(), "cy", {"voice": "x"}) == "not for cy"
    assert not_available(NewerWriter(), "cy", {"voice": "x"}) == "not for cy with {'voice': 'x'}"
    assert not_available(Writer(), "cy", {}) is None
