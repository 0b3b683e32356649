"""mkdocs.yml against its schema: every line a stranger could write that would run code, put
script on the site or make a visitor's browser ask another host is refused at its own line,
before MkDocs or Python-Markdown sees (or imports) anything."""

import sys
from pathlib import Path

import pytest

from factsheets.errors import SourceError
from factsheets.settings_schema import MKDOCS_YML
from factsheets.yaml_schema import read

from conftest import FIXTURES, REPO

BASE = "site_name: Our factsheets\ndocs_dir: docs\nplugins:\n  - search\n  - offline\n  - factsheets\n"


def refusal(text: str) -> SourceError:
    with pytest.raises(SourceError) as raised:
        read(text, "mkdocs.yml", MKDOCS_YML)
    return raised.value


@pytest.mark.parametrize("path", [REPO / "mkdocs.yml", *sorted(FIXTURES.glob("*/mkdocs.yml"))], ids=lambda p: p.parent.name)
def test_every_mkdocs_yml_of_the_project_and_its_fixtures_passes(path: Path):
    data = read(path.read_text(encoding="utf-8"), "mkdocs.yml", MKDOCS_YML)
    assert isinstance(data, dict) and data["site_name"]


@pytest.mark.parametrize("extra, line, words", [
    ("extra:\n  x: !!python/object/apply:os.system [echo]\n", 8, "the tag 'python/object/apply:os.system' is not allowed"),
    ("copyright: !ENV HOME\n", 7, "the tag '!ENV' is not allowed"),
    ("markdown_extensions:\n  - toc:\n      slugify: !!python/name:os.system\n", 9, "the tag 'python/name:os.system'"),
    ("site_description: !!binary aGVsbG8=\n", 7, "'binary' is not allowed"),
    ("hooks:\n  - hook.py\n", 7, "'hooks' is not allowed: the build runs no code"),
    ("theme:\n  name: material\n  custom_dir: overrides\n", 9, "'custom_dir' is not allowed in 'theme'"),
    ("extra_templates: [x.png]\n", 7, "'extra_templates' is not allowed"),
    ("extra_javascript: [x.js]\n", 7, "'extra_javascript' is not allowed"),
    ("extra_css: [x.css]\n", 7, "'extra_css' is not allowed"),
    ("exclude_docs: '!.evil.html'\n", 7, "'exclude_docs' is not allowed"),
    ("INHERIT: base.yml\n", 7, "'INHERIT' is not allowed"),
    ("repo_url: https://github.com/a/b\n", 7, "'repo_url' is not allowed: the site makes no request to another host"),
    ("extra:\n  analytics:\n    provider: google\n", 8, "'analytics' is not allowed in 'extra'"),
    ("theme:\n  name: material\n  font:\n    text: Roboto\n", 9, "'font' must be false"),
    ("theme:\n  name: material\n  font: 0\n", 9, "'font' must be false"),
    ("theme:\n  name: material\n  logo: https://x.example/l.png\n", 9, "'logo' must be a picture's file name"),
    ("theme:\n  name: material\n  favicon: ../../outside.png\n", 9, "'favicon' must be"),
    ("theme: mkdocs\n", 7, "'theme' must be material"),
    ("markdown_extensions:\n  - tables\n  - nl2br\n", 9, "the Markdown extension 'nl2br' is not allowed"),
    ("markdown_extensions:\n  - toc:\n      baselevel: 2\n", 9, "'baselevel' is not a setting of 'toc'"),
    ("markdown_extensions: tables\n", 7, "'markdown_extensions' must be a list"),
    ("site_descripton: x\n", 7, "did you mean 'site_description'?"),
    ("site_description: '<b>x</b>'\n", 7, "'site_description' holds '<'"),
    ("site_dir: /tmp/x\n", 7, "'site_dir' is not allowed"),
    ("use_directory_urls: maybe\n", 7, "'use_directory_urls' must be true or false"),
])
def test_a_setting_outside_the_schema_is_refused_at_its_own_line(extra, line, words):
    error = refusal(BASE + extra)
    assert error.location.line == line, error
    assert words in error.message, error.message


@pytest.mark.parametrize("plugin", ["material/projects", "material/privacy", "material/info", "macros", "material/blog"])
def test_only_the_projects_plugins_run(plugin):
    error = refusal(BASE.replace("  - offline\n", f"  - offline\n  - {plugin}\n"))
    assert error.location.line == 6 and f"the plugin '{plugin}' is not allowed" in error.message


def test_an_extension_outside_the_list_is_refused_before_it_is_imported():
    sys.modules.pop("this", None)
    error = refusal(BASE + "markdown_extensions:\n  - this\n")
    assert "'this' is not allowed" in error.message
    assert "this" not in sys.modules  # importing it would print the Zen of Python: any module runs code


def test_the_line_is_the_nodes_own_even_when_the_name_appears_earlier():
    # A guess from the text (the first "name:") would point at the site's name.
    text = BASE + "theme:\n  name: material\n  palette:\n    toggle:\n      name: '<script>'\n"
    assert refusal(text).location.line == 11


def test_a_plain_file_reads_as_its_values():
    data = read(BASE + "theme:\n  name: material\n  font: false\nextra:\n  generator: false\n", "mkdocs.yml", MKDOCS_YML)
    assert data["theme"] == {"name": "material", "font": False} and data["plugins"][2] == "factsheets"


def test_a_value_also_written_in_a_comment_is_refused_at_its_own_line():
    # Found by searching the text, the line was the comment's (the first place the words appear).
    text = "# Evil: javascript:alert(1) was tried once\n" + BASE + "nav:\n  - Home: index.md\n  - Evil: javascript:alert(1)\n"
    error = refusal(text)
    assert error.location.line == 10 and "javascript" in error.message


def test_the_theme_language_and_icons_must_be_materials():
    assert "no words for the language 'xx'" in refusal(BASE + "theme:\n  name: material\n  language: xx\n").message
    error = refusal(BASE + "theme:\n  name: material\n  icon:\n    logo: material/no-such-icon\n")
    assert error.location.line == 10 and "no icon 'material/no-such-icon'" in error.message


def test_a_theme_language_with_the_projects_own_words_is_accepted():
    # Material has no Somali or Punjabi; site_theme/partials/languages/ has.
    for tag in ("so", "pa"):
        data = read(BASE + f"theme:\n  name: material\n  language: {tag}\n", "mkdocs.yml", MKDOCS_YML)
        assert data["theme"]["language"] == tag
