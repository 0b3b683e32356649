"""liblouis behind its adapter, characters it cannot translate, and liblouis missing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import factsheets
from factsheets.engines import liblouis
from factsheets.errors import EngineMissing
from factsheets.project import load_project
from factsheets.writers.braille import BrailleWriter

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

EMOJI_LINE = "Call us today 😀 and ask for help★.\n"


def test_the_brf_cells_are_liblouis_display_table():
    louis = liblouis.louis()
    cells = "".join(chr(0x8000 + dots) for dots in range(64))  # liblouis's own dots encoding
    assert louis.dotsToChar([liblouis.BRF_DISPLAY], cells) == liblouis.BRF_CELLS


def test_translation_there_and_back():
    translation = liblouis.translate("The SEND Partnership Service can help.")
    assert translation.braille == ",! ,,S5D ,\"PN]%IP ,S]VICE C HELP4"
    assert len(translation.source_of_cell) == len(translation.braille)
    assert liblouis.back_translate(translation.braille) == "The SEND Partnership Service can help."
    # A backslash is a cell in BRF and an escape to the lou_translate command: not here.
    assert liblouis.back_translate(liblouis.translate("a \\ b").braille) == "a \\ b"


def test_undefined_characters_are_known():
    assert not liblouis.can_translate("😀")
    assert all(liblouis.can_translate(c) for c in "é–—“”’•§")


@pytest.fixture
def emoji_project(small_project):
    source = small_project / "docs" / "factsheets" / "short.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text + "\n" + EMOJI_LINE, encoding="utf-8")
    line = text.count("\n") + 2
    return small_project, line


def test_an_emoji_is_named_with_a_warning_not_dropped(emoji_project, tmp_path):
    root, line = emoji_project
    document = load_project(root).documents[0]
    output = BrailleWriter().write(document, tmp_path, {})
    messages = [str(w) for w in output.warnings]
    assert len(messages) == 2
    assert messages[0].startswith(f"docs/factsheets/short.md:{line}: warning: braille: liblouis cannot translate the character 😀")
    assert "(grinning face)" in messages[0] and "(black star)" in messages[1]
    text = output.files["braille_text"].read_text(encoding="utf-8")
    assert "Call us today (grinning face) and ask for help (black star)." in text
    brf = output.files["brf"].read_bytes()
    assert all(0x20 <= b <= 0x5F or b in b"\r\n\f" for b in brf)
    # Each page's first line is its page number: left out, so a sentence running over a page reads whole.
    pages = [page.split("\r\n")[1:] for page in brf.decode("ascii").split("\f")]
    assert "Call us today (grinning face) and ask for help (black star)." in liblouis.back_translate(
        " ".join(line.strip() for lines in pages for line in lines if line.strip())
    )


def test_the_build_prints_the_warning_with_file_and_line(emoji_project):
    root, line = emoji_project
    result = factsheets(root, "build", "--format", "braille")
    assert result.returncode == 0, result.stderr
    assert f"docs/factsheets/short.md:{line}: warning: braille: liblouis cannot translate the character 😀" in result.stdout + result.stderr


def test_a_missing_binding_names_the_packages(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "louis", None)  # import louis -> ImportError
    monkeypatch.setattr(liblouis, "DEBIAN_BINDING", tmp_path / "none" / "__init__.py")
    liblouis.louis.cache_clear()
    try:
        with pytest.raises(EngineMissing) as error:
            liblouis.louis()
    finally:
        liblouis.louis.cache_clear()
    assert "liblouis-bin liblouis-data python3-louis" in str(error.value)


def test_without_liblouis_the_other_formats_still_build(small_project, tmp_path):
    # A `louis` module that fails as the real one does when liblouis.so is not installed.
    fake = tmp_path / "fake" / "louis"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(textwrap.dedent("""
        raise OSError("liblouis.so.20: cannot open shared object file: No such file or directory")
    """))
    command = Path(sys.executable).parent / "factsheets"
    env = {**os.environ, "PYTHONPATH": str(fake.parent)}
    result = subprocess.run([str(command), "build"], cwd=small_project, capture_output=True, text=True, env=env, timeout=300)
    said = result.stdout + result.stderr
    # One clear message naming the packages; every other format is built and published.
    assert said.count("docs/factsheets/short.md: warning: braille: liblouis is not installed") == 1, said
    assert "install the Debian packages liblouis-bin liblouis-data python3-louis" in said
    assert result.returncode == 0
    manifest = json.loads((small_project / "build" / "manifest.json").read_text())
    formats = manifest["factsheets"][0]["formats"]
    assert "large_print_pdf" in formats and "print_html" in formats and "brf" not in formats
    assert manifest["factsheets"][0]["failed"] == ["braille_text", "brf", "pef", "braille_preview"]
    assert "not available at the moment" in (small_project / "build/site/factsheets/short.html").read_text()
