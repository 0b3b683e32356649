"""A build of factsheets in community languages: a format its writer cannot serve in a language
(braille and audio in Somali) is skipped, recorded with its reason in the manifest, shown as
"not available in this language" with how to ask for it on the page, and `check` does not fail it;
the page's interface words (Material's) are in its language."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, copy_project, factsheets
from factsheets.check import run_check
from factsheets.validators import FAILURE

pytestmark = pytest.mark.engines


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("languages"), FIXTURES / "languages")
    result = factsheets(root, "build", "--format", "braille")
    assert result.returncode == 0, result.stderr
    return root


def entries(root) -> dict:
    manifest = json.loads((root / "build" / "manifest.json").read_text(encoding="utf-8"))
    return {entry["slug"]: entry for entry in manifest["factsheets"]}


def test_somali_braille_is_skipped_with_its_reason(built):
    somali = entries(built)["sample-so"]
    reason = "liblouis ma laha shax farta indhoolaha ah oo Soomaali ah"  # in Somali, as the Somali page says it
    braille = {"braille_text": reason, "brf": reason, "pef": reason, "braille_preview": reason}
    assert {k: v for k, v in somali["not_available"].items() if k in braille} == braille
    # Audio (and the ebook, whose read-along is that audio) too, even in a braille-only build.
    assert somali["not_available"]["audio_mp3"] == "espeak-ng ma laha cod Soomaali ah"
    assert somali["not_available"]["epub"] == "espeak-ng ma laha cod Soomaali ah"  # the audio's reason, in Somali
    assert "brf" not in somali["formats"] and "failed" not in somali
    assert not (built / "build" / "site" / "files" / "sample-so" / "sample-so.brf").exists()
    polish = entries(built)["sample-pl"]
    assert "brf" in polish["formats"] and "not_available" not in polish


def test_the_page_says_braille_is_not_available_in_this_language_and_how_to_ask(built):
    page = (built / "build" / entries(built)["sample-so"]["formats"]["html"]).read_text(encoding="utf-8")
    assert "Faylka farta indhoolaha: laguma heli karo luqaddan (liblouis ma laha shax farta indhoolaha ah oo Soomaali ah)." in page
    line = page[page.index("Faylka farta indhoolaha: laguma"):]
    assert line.index('href="mailto:') < line.index("</li>")  # how to ask, on the same line
    assert "Cod: laguma heli karo luqaddan (espeak-ng ma laha cod Soomaali ah). <a href=\"mailto:" in page
    assert ">Naga codso duubis</a>" in page


def test_check_does_not_count_it_as_a_failure(built):
    report = run_check(built, website=False, only={"brf", "braille_text", "pef"})
    braille = [f for f in report.all() if f.format in ("brf", "braille_text", "pef", "build") and f.level == FAILURE]
    assert braille == []
    # The braille by the code it is in, not "contracted UEB".
    assert "Braille file (BRF, Polish braille, uncontracted)" in report.checked["Co zrobić, jeśli się nie zgadzam?"]


def test_the_somali_page_shows_materials_interface_words_in_somali(built):
    # Material has no Somali; the project's own words (site_theme/partials/languages/so.html).
    page = (built / "build" / entries(built)["sample-so"]["formats"]["html"]).read_text(encoding="utf-8")
    assert '<html lang="so" dir="ltr"' in page
    assert 'placeholder="Raadi"' in page
    skip = page[page.index('class="md-skip">'):]
    assert skip[:skip.index("</a>")].split(">", 1)[1].strip() == "U gudub qoraalka"
    assert "Skip to content" not in page and "Table of contents" not in page
