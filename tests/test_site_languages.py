"""The website's language parts: Material's interface words in the page's language."""

from __future__ import annotations

from importlib.resources import files as package_files

import jinja2
import pytest

from factsheets.i18n import LOCALES, language
from factsheets.site_languages import material_language

# The interface words (Material's keys) a page of the site shows, read in a build of the
# twelve-language corpus and of the leaflet (whose navigation.top adds "top"): visible text
# (the skip link, "Back to top"), the header's, search's and the contents' aria-labels, titles
# and placeholder, and the search words Material's script shows (the page's __config).
SHOWN_KEYS = (
    "action.skip", "clipboard.copy", "clipboard.copied", "header", "nav", "search",
    "search.placeholder", "search.reset", "search.result.initializer", "search.result.placeholder",
    "search.result.none", "search.result.one", "search.result.other", "search.result.more.one",
    "search.result.more.other", "search.result.term.missing", "select.version", "toc", "top",
)
OURS = package_files("factsheets").joinpath("site_theme")
MATERIAL = package_files("material").joinpath("templates")


def interface_words(name: str) -> dict[str, str]:
    """Each shown key's word in partials/languages/<name>.html, found as the site finds it
    (the project's theme before Material's), by rendering the file's macro."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader([str(OURS), str(MATERIAL)]))
    t = environment.get_template(f"partials/languages/{name}.html").module.t  # type: ignore[attr-defined]
    return {key: str(t(key)).strip() for key in SHOWN_KEYS}


def test_materials_interface_language_for_a_tag():
    assert material_language("cy") == "cy"
    assert material_language("ar") == "ar"
    assert material_language("ur") == "ur"
    assert material_language("zh-Hans") == "zh"  # Material's zh is simplified Chinese
    assert material_language("zh-Hant") == "zh-Hant"
    assert material_language("pl-PL") == "pl"
    assert material_language("en-GB") == "en"
    assert material_language("xx") == "en"  # no one's words: English


def test_a_language_material_lacks_has_the_projects_own_words():
    assert material_language("so") == "so"
    assert material_language("pa") == "pa"
    assert material_language("pa-Guru") == "pa"
    assert not MATERIAL.joinpath("partials/languages/so.html").is_file()  # else ours would hide Material's


def test_every_language_with_a_catalogue_has_interface_words():
    tags = sorted(path.stem for path in LOCALES.glob("*.po"))
    assert {"pa", "so", "cy"} <= set(tags)  # the glob found the catalogues
    assert {tag: material_language(tag) for tag in tags if material_language(tag) == "en" and not language(tag).is_english} == {}


@pytest.mark.parametrize("name", ["pa", "so"])
def test_our_own_words_translate_every_word_a_page_shows(name):
    ours, english = interface_words(name), interface_words("en")
    assert english["action.skip"] == "Skip to content"  # the English is Material's, read through the same macro
    assert [key for key in SHOWN_KEYS if not ours[key] or ours[key] == english[key]] == []
    # Material's script puts the count where # is.
    for key in ("search.result.other", "search.result.more.other"):
        assert "#" in ours[key]


def test_our_own_words_name_their_language():
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader([str(OURS)]))
    for name in ("pa", "so"):
        t = environment.get_template(f"partials/languages/{name}.html").module.t  # type: ignore[attr-defined]
        assert str(t("language")) == name
