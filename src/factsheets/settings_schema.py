"""What mkdocs.yml may hold: the settings this project supports, and nothing that runs code.

Anyone who may commit a factsheet may commit mkdocs.yml, so it is read as a stranger's
file. MkDocs would run or fetch what it names: hooks and plugins are Python, a theme's
custom_dir and extra_templates are Jinja templates (which reach Python through
`lipsum.__globals__`), extra_javascript is script on every page, a Markdown extension's
name is imported, `exclude_docs: "!.x.html"` publishes a hidden file, and some theme
settings make every visitor's browser ask another host (Google Fonts for `font`, GitHub's
API for `repo_url`, an analytics service for `extra.analytics`). So the file is checked
against this schema before MkDocs sees it, and MkDocs is then given the checked values
(site_adapter.mkdocs_config), never the file.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .engines.speech_voices import ENGINES, ESPEAK_VOICE_PATTERN, LANGUAGE_PATTERN, MODEL_PATTERN, PIPER
from .sources import CONTROL_CHARACTER, describe_control
from .urls import SCHEME, as_browser_reads, url_problem
from .yaml_schema import (
    MARKUP, NO_SETTINGS, Any_, Either, Flag, Group, ListOf, Named, Only, Spec, Text, Whole, fail,
)

IS_TEXT, IS_LIST, IS_GROUP = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode
# A separator or a search language may hold quotes and brackets: it goes into JSON, never into a page.
RAW = Text(markup=True)

# An icon's name (material/weather-night, fontawesome/brands/facebook): the theme reads the file
# .icons/<name>.svg into the page, so no step may leave that folder.
NAME = r"[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)*"
LOCAL_FILE = r"(?!/|\\|[a-zA-Z][a-zA-Z0-9+.-]*:)(?!.*(?:^|/)\.\.(?:/|$))[^\s?#]+"



def site_url_problem(value: str) -> str | None:
    """Every page's links and the 404 page's scripts are made from site_url: "//evil.example/" in
    its path would have the 404 page load them from another host."""
    problem = url_problem(value)
    if problem is None and (not re.match(r"https?://", value, re.I) or urlsplit(value).path.startswith("//")):
        problem = f"'site_url' must be the site's address, like https://www.example.org.uk/factsheets/, not '{value[:60]}'"
    return problem


@functools.cache
def _material_templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def theme_language_problem(value: str) -> str | None:
    """A language the theme has no words for stops MkDocs with a template path of the build
    machine instead of the line to fix. The theme's words are Material's, or the project's own
    for a language Material lacks (site_theme/partials/languages/: Punjabi, Somali)."""
    ours = Path(__file__).parent / "site_theme" / "partials" / "languages"
    if any((folder / f"{value}.html").is_file() for folder in (_material_templates() / "partials" / "languages", ours)):
        return None
    return f"the theme has no words for the language '{value}': use a language code such as en, cy, pl or ar"


def icon_problem(value: str) -> str | None:
    if (_material_templates() / ".icons" / f"{value}.svg").is_file():
        return None
    return f"the theme has no icon '{value}': use one of Material's icon names, such as material/weather-night"


class Nav(Spec):
    """The site's navigation: titles and the pages or addresses they go to, nested. A title goes
    into every page's navigation as it is written, so it is plain words; every value is an
    address, so one that starts like an address with a scheme is checked as one, spaces or not
    ("javascript:alert(1); void 0")."""

    what = "a list of 'Title: page.md' lines"

    def check(self, node: yaml.Node, shown: str, name: str, at: yaml.Node | None = None) -> None:
        if isinstance(node, yaml.SequenceNode):
            for entry in node.value:
                self.check(entry, shown, name)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                title = str(key.value)
                if not isinstance(key, yaml.ScalarNode) or MARKUP.search(title) or CONTROL_CHARACTER.search(title):
                    said = describe_control(c.group()) if (c := CONTROL_CHARACTER.search(title)) else "markup"
                    raise fail(key, shown, f"the page title '{title[:40]}' in 'nav' holds {said}: write it as plain words")
                self.check(value, shown, title)
        elif isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
            problem = url_problem(node.value) if SCHEME.match(as_browser_reads(node.value.strip())) else None
            if problem:
                raise fail(node, shown, problem)
        elif not isinstance(node, yaml.ScalarNode) or not node.tag.endswith(":null"):
            raise fail(at or node, shown, f"'nav' must be {self.what}")


ADDRESS = Text(markup=True, what="a web address", rule=url_problem)
ICON = Text(pattern=NAME, what="an icon's name", rule=icon_problem)

CODE = "the build runs no code from the project's files"
OTHER_HOST = "the site makes no request to another host"

PALETTE = Group({
    "media": Text(pattern=r"[^<>\"]*", what="a media query"),
    "scheme": Text(pattern=r"[a-z]+", what="a colour scheme's name (default or slate)"),
    "primary": Text(pattern=r"[a-z ]+", what="a colour's name, like indigo"),
    "accent": Text(pattern=r"[a-z ]+", what="a colour's name, like indigo"),
    "toggle": Group({"icon": ICON, "name": Text()}),
})
ICONS = Group({}, others=Either(((IS_TEXT, ICON), (IS_GROUP, Group({}, others=ICON))), what="an icon's name"))

THEME = Group(
    {
        "name": Only("material", "the formats and the checks are made for Material for MkDocs"),
        "language": Text(pattern=r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*", what="a language code, like en", rule=theme_language_problem),
        "direction": Text(pattern="ltr|rtl", what="ltr or rtl"),
        "font": Only(False, f"{OTHER_HOST}: a font's name makes every visitor's browser fetch it from Google Fonts; "
                     "the site uses the visitor's own fonts"),
        "features": ListOf(Text(pattern=r"[a-z]+(?:\.[a-z]+)*", what="a feature's name, like navigation.top")),
        "palette": Either(((IS_GROUP, PALETTE), (IS_LIST, ListOf(PALETTE))), what="a colour palette"),
        "logo": Text(pattern=LOCAL_FILE, what="a picture's file name inside docs/, like images/logo.png"),
        "favicon": Text(pattern=LOCAL_FILE, what="a picture's file name inside docs/, like images/favicon.png"),
        "icon": ICONS,
    },
    refused={
        "custom_dir": f"{CODE}, and a theme's templates are code: the site's look comes from Material and the project's own theme",
        "static_templates": f"{CODE}, and templates are code",
        "locale": "use 'language'",
    },
)

SEARCH = Group({
    "lang": Either(((IS_TEXT, RAW), (IS_LIST, ListOf(RAW))), what="a language code or a list of them"),
    "separator": RAW,
    "pipeline": ListOf(Text(pattern="stemmer|stopWordFilter|trimmer", what="stemmer, stopWordFilter or trimmer")),
    "min_search_length": Whole(),
    "enabled": Flag(),
}, refused={"jieba_dict": "the search reads no file of its own", "jieba_dict_user": "the search reads no file of its own"})

LANGUAGE_TAG = r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*"


@dataclass
class SpeechVoices(Spec):
    """`audio: voices:`, a voice for each language: `en: {engine: piper, model: voices/x.onnx}` or
    `cy: {engine: espeak-ng, voice: cy}`. The model's files are checked by
    writers/audio/voices.check_voice_files (it needs the project folder)."""

    what: str = "a group of languages, one a line, such as en: {engine: piper, model: voices/en_GB-example-medium.onnx}"

    def check(self, node: yaml.Node, shown: str, name: str, at: yaml.Node | None = None) -> None:
        if not isinstance(node, IS_GROUP):
            raise fail(at or node, shown, f"'{name}' must be {self.what}")
        for key, value in node.value:
            if not isinstance(key, IS_TEXT) or not re.fullmatch(LANGUAGE_PATTERN, str(key.value)):
                raise fail(key, shown, f"'{key.value}' in 'voices' is not a language code: write one such as en or cy")
            pairs = value.value if isinstance(value, IS_GROUP) else []
            engine = next((v.value for k, v in pairs if isinstance(k, IS_TEXT) and k.value == "engine"), None)
            if engine not in ENGINES:
                raise fail(value if isinstance(value, IS_GROUP) else key, shown,
                           f"the voice for '{key.value}' needs 'engine: piper' (with 'model:') or 'engine: espeak-ng' (with 'voice:')")
            fields: dict[str, Spec] = {"engine": ENGINE}
            fields.update({"model": MODEL} if engine == PIPER else {"voice": ESPEAK_VOICE})
            Group(fields).check(value, shown, str(key.value), key)
            if engine == PIPER and not any(k.value == "model" for k, _ in value.value):
                raise fail(key, shown, f"the Piper voice for '{key.value}' needs 'model:', its .onnx file inside the project")


ENGINE = Text(pattern="|".join(ENGINES), what="piper or espeak-ng")
MODEL = Text(pattern=MODEL_PATTERN, what="a .onnx file inside the project, such as voices/en_GB-example-medium.onnx")
ESPEAK_VOICE = Text(pattern=ESPEAK_VOICE_PATTERN, what="an espeak-ng voice's name, such as en-gb or cy")
# Only `voices` is checked here; the audio writer's other options by options.check_plugin_options.
AUDIO = Group({"voices": SpeechVoices()}, others=Any_())
# The plugin's own settings; each writer's block (pdf:, audio:...) is checked against the
# writer's options, and a misspelt name refused, by options.check_plugin_options.
FACTSHEETS = Group({
    "language": Text(pattern=LANGUAGE_TAG, what="a language code, like en-GB"),
    "factsheets_dir": Text(), "glossary_dir": Text(), "organisation": Text(),
    "job_timeout": Either(((yaml.ScalarNode, Any_()),), what="a number of seconds"),
    "audio": AUDIO,
}, others=Any_())

PLUGINS = Named(
    {"search": SEARCH, "offline": Group({"enabled": Flag()}), "factsheets": FACTSHEETS},
    kind="plugin",
    why=f"{CODE} and the site fetches nothing from other hosts, so only these plugins are run",
    aliases={"material/search": "search", "material/offline": "offline"},
)

EXTENSIONS = Named(
    {
        "tables": NO_SETTINGS,
        "factsheets.lists": NO_SETTINGS,
        "pymdownx.snippets": Any_(),  # settings.check_snippets keeps it to folders inside the project
        "attr_list": NO_SETTINGS,
        "admonition": NO_SETTINGS,
        "pymdownx.details": NO_SETTINGS,
        "footnotes": NO_SETTINGS,
        "abbr": NO_SETTINGS,
        "def_list": NO_SETTINGS,
        "toc": Group({"permalink": Flag(), "toc_depth": Whole()}),
    },
    kind="Markdown extension",
    why="every format (print, braille, audio, EPUB) must understand what the Markdown makes, so only these are read",
    aliases={f"markdown.extensions.{name}": name for name in ("tables", "attr_list", "admonition", "footnotes", "abbr", "def_list", "toc")},
)

MKDOCS_YML = Group(
    {
        "site_name": Text(blank=False, what="the site's name, like 'site_name: Our factsheets'"),
        "site_description": Text(),
        "site_author": Text(),
        "copyright": Text(),
        "site_url": Text(markup=True, what="the site's address", rule=site_url_problem),
        "docs_dir": Text(),
        "use_directory_urls": Flag(),
        "strict": Flag(),
        "theme": Either(((IS_TEXT, Only("material", "the formats and the checks are made for Material for MkDocs")),
                         (IS_GROUP, THEME)), what="material, or a group of the theme's settings"),
        # Material writes these into every page as they are (its templates escape nothing), so
        # names are plain text; links are checked as addresses.
        "extra": Group({
            "generator": Flag(),
            "homepage": ADDRESS,
            "social": ListOf(Group({"icon": ICON, "link": ADDRESS, "name": Text()})),
            "alternate": ListOf(Group({"name": Text(), "link": ADDRESS, "lang": Text(pattern=r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", what="a language code")})),
        }, refused={
            "analytics": f"{OTHER_HOST}: analytics sends every visit to another company",
            "consent": "it asks visitors to agree to analytics, which the site does not have",
        }),
        "markdown_extensions": EXTENSIONS,
        "plugins": PLUGINS,
        "nav": Nav(),
        "not_in_nav": RAW,
    },
    refused={
        "hooks": f"{CODE}, and hooks are Python code",
        "INHERIT": "keep every setting in this one mkdocs.yml",
        "extra_javascript": "the site's pages run only the script the site is built with: a script added here runs on every visitor's browser",
        "extra_templates": f"{CODE}, and templates are code",
        "extra_css": f"{OTHER_HOST}, and a style sheet can make every visitor's browser fetch files from anywhere: "
                     "the site's colours are set by the theme's palette",
        "exclude_docs": "every file in docs/ is built and checked as it is: remove a file rather than exclude it",
        "draft_docs": "every file in docs/ is built and checked as it is",
        "repo_url": f"{OTHER_HOST}: the theme would ask GitHub's (or GitLab's) servers for the repository's details on every visit; "
                    "put a link in a page instead",
        "repo_name": "it goes with repo_url, which is not allowed",
        "edit_uri": "it goes with repo_url, which is not allowed",
        "site_dir": "the build always writes the site into build/site",
        "dev_addr": "the preview's address is given to 'factsheets serve' (--port)",
        "watch": "'factsheets serve' watches the project's own folders",
        "remote_branch": "the build does not publish to a remote repository",
        "remote_name": "the build does not publish to a remote repository",
    },
    required=("site_name",),
)
