"""Checks on mkdocs.yml: what the site's settings may hold.

The settings reach every page: the site's name goes into each page's <title>,
`copyright` and `site_description` into its HTML as written, addresses into its
links. So a setting that would put markup or a forbidden address on the site,
or have the build read a file outside the project, stops the build with the
line in mkdocs.yml to fix.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit
from pathlib import Path

import markdown

from .errors import Location, SourceError
from .frontmatter import key_line
from .sources import CONTROL_CHARACTER, describe_control, inside_project
from .urls import SCHEME, as_browser_reads, url_problem

CONFIG_FILE = "mkdocs.yml"
TEXT_SETTINGS = ("site_name", "site_description", "site_author", "copyright")
URL_SETTINGS = ("site_url", "repo_url")
PATH_SETTINGS = ("factsheets_dir", "glossary_dir", "organisation")
SNIPPETS = "pymdownx.snippets"
# pymdownx.snippets copies files into pages: only from a folder of shared text, never from the web.
SNIPPETS_SETTINGS = {"base_path", "check_paths", "restrict_base_path"}  # shared text is UTF-8, as every source
MARKUP = re.compile(r"[<>\"]|&#?\w+;")


def fail(text: str, key, message: str) -> SourceError:
    return SourceError(Location(CONFIG_FILE, key_line(text, key)), message)


def check_settings(data, text: str, root: Path) -> None:
    if not isinstance(data, dict):
        raise SourceError(Location(CONFIG_FILE, 1), "mkdocs.yml must be a list of 'name: value' settings")
    if not isinstance(data.get("site_name"), str) or not data["site_name"].strip():
        raise fail(text, "site_name", "'site_name' is missing: give the site a name, like 'site_name: Our factsheets'")
    for key in TEXT_SETTINGS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise fail(text, key, f"'{key}' must be text")
        match = MARKUP.search(value) or CONTROL_CHARACTER.search(value)
        if match:
            what = describe_control(match.group()) if CONTROL_CHARACTER.match(match.group()) else f"'{match.group()}'"
            raise fail(text, key, f"'{key}' holds {what}: it is shown on every page as plain text, so write it without markup")
    for key in URL_SETTINGS:
        check_address(data.get(key), key, text)
    if isinstance(data.get("edit_uri"), str):
        check_address(data["edit_uri"], "edit_uri", text)
    check_urls_in(data.get("extra"), "extra", text)
    check_urls_in(data.get("nav"), "nav", text, every=True)
    check_nav_titles(data.get("nav"), text)
    check_folder(data.get("docs_dir", "docs"), "docs_dir", text, root)
    check_theme_files(data.get("theme"), text)
    check_extensions(data.get("markdown_extensions"), text, root)


def check_theme_files(theme, text: str) -> None:
    """The theme's language and icons name files Material has: otherwise MkDocs stops with a
    template path of the build machine instead of the line to fix."""
    import material

    templates = Path(material.__file__).parent / "templates"
    if not isinstance(theme, dict):
        return
    language = theme.get("language")
    if isinstance(language, str) and not (templates / "partials" / "languages" / f"{language}.html").is_file():
        raise fail(text, "language", f"the theme has no words for the language '{language}': use a language code such as en, cy, pl or ar")
    palettes = theme.get("palette")
    icons = [*_icon_names(theme.get("icon")), *(p.get("toggle", {}).get("icon") for p in (palettes if isinstance(palettes, list) else [palettes])
                                                 if isinstance(p, dict) and isinstance(p.get("toggle"), dict))]
    for name in icons:
        if isinstance(name, str) and not (templates / ".icons" / f"{name}.svg").is_file():
            raise SourceError(Location(CONFIG_FILE, line_of_value(text, name, "icon")), f"the theme has no icon '{name}': "
                              "use one of Material's icon names, such as material/weather-night")


def _icon_names(value) -> list:
    if isinstance(value, dict):
        return [name for inner in value.values() for name in _icon_names(inner)]
    return [value] if isinstance(value, str) else []


def check_nav_titles(nav, text: str) -> None:
    """A title in nav: goes into every page's navigation as it is written."""
    if isinstance(nav, list):
        for item in nav:
            check_nav_titles(item, text)
    elif isinstance(nav, dict):
        for title, inner in nav.items():
            title = str(title)
            match = MARKUP.search(title) or CONTROL_CHARACTER.search(title)
            if match:
                raise SourceError(Location(CONFIG_FILE, line_of_value(text, title, "nav")), f"the page title '{title[:40]}' in 'nav' holds markup or a control character: write it as plain words")
            check_nav_titles(inner, text)


def check_address(value, key: str, text: str) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise fail(text, key, f"'{key}' must be a web address")
    problem = url_problem(value)
    if problem is None and key == "site_url" and (not re.match(r"https?://", value, re.I) or urlsplit(value).path.startswith("//")):
        # Every page's links and the 404 page's scripts are made from it: "//evil.example/" in its
        # path would have the 404 page load them from another host.
        problem = f"'site_url' must be the site's address, like https://www.example.org.uk/factsheets/, not '{value[:60]}'"
    if problem:
        raise fail(text, key, problem)


def check_urls_in(value, key: str, text: str, every: bool = False) -> None:
    """Every text in a group of settings that is, or looks like, an address; with `every` (nav,
    whose every value is an address) any text that starts like one, spaces or not
    ("javascript:alert(1); void 0")."""
    if isinstance(value, dict):
        for name, inner in value.items():
            check_urls_in(inner, str(name), text, every)
    elif isinstance(value, list):
        for inner in value:
            check_urls_in(inner, key, text, every)
    elif isinstance(value, str) and (key in ("link", "url", "href", "homepage") or looks_like_address(value)
                                     or every and SCHEME.match(as_browser_reads(value.strip()))):
        problem = url_problem(value)
        if problem:
            raise SourceError(Location(CONFIG_FILE, line_of_value(text, value, key)), problem)


def looks_like_address(value: str) -> bool:
    """One word with a scheme before a colon, as a browser would read it: 'javascript:...', 'java&#09;script:...'."""
    return " " not in value.strip() and bool(SCHEME.match(as_browser_reads(value)))


def line_of_value(text: str, value: str, key: str) -> int:
    index = text.find(value)
    return text.count("\n", 0, index) + 1 if index >= 0 else key_line(text, key)


def check_folder(value, key: str, text: str, root: Path) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise fail(text, key, f"'{key}' must be the name of a folder in the project")
    folder = root / value
    if folder.exists() or folder.is_symlink():
        inside_project(folder, root, CONFIG_FILE, key_line(text, key))
    elif not folder.resolve().is_relative_to(root.resolve()):
        raise fail(text, key, f"'{key}' ({value}) is outside the project folder: name a folder inside it")
    return folder


def check_plugin_block(block, text: str, root: Path) -> dict:
    """The factsheets plugin's own settings: each writer's options are a group of settings."""
    if block is None:
        return {}
    if not isinstance(block, dict):
        raise fail(text, "factsheets", "the factsheets plugin's settings must be a group of 'name: value' lines")
    for key in PATH_SETTINGS:
        if key in block and (not isinstance(block[key], str) or not block[key].strip()):
            raise fail(text, key, f"'{key}' must be the name of a file or folder in the project")
        if key in block and not (root / block[key]).resolve().is_relative_to(root.resolve()):
            raise fail(text, key, f"'{key}' ({block[key]}) is outside the project folder: name one inside it")
    from .writers.audio.voices import check_voice_files  # a Piper voice's files: inside the project, never fetched

    check_voice_files(block.get("audio"), text, root)
    return block


def check_snippets(config, text: str, root: Path) -> None:
    """Shared text (shared_text.py) only from folders inside the project, named in base_path."""
    config = config if isinstance(config, dict) else {}
    hint = "give it 'base_path: [shared]', a folder of shared text inside the project"
    written = config.get("base_path")
    folders = [written] if isinstance(written, str) else written
    if not folders or not isinstance(folders, list) or not all(isinstance(f, str) and f.strip() for f in folders):
        raise fail(text, SNIPPETS, f"the Markdown extension '{SNIPPETS}' copies other files into pages: {hint}")
    for folder in folders:
        real = (root / folder).resolve()
        if Path(folder).is_absolute() or ".." in Path(folder).parts or real == root.resolve() or not real.is_relative_to(root.resolve()):
            raise fail(text, "base_path", f"'{folder}' cannot hold shared text: it must be a folder inside the project (not the project's own folder), like shared")
    for name in config:
        if name not in SNIPPETS_SETTINGS:
            raise fail(text, name, f"'{name}' of '{SNIPPETS}' is not allowed: shared text comes only from the base_path folders")
    if config.get("restrict_base_path") is False:
        raise fail(text, "restrict_base_path", "'restrict_base_path' must stay true: shared text comes only from the base_path folders")


def check_extensions(extensions, text: str, root: Path) -> None:
    if extensions is None:
        return
    if not isinstance(extensions, list):
        raise fail(text, "markdown_extensions", "'markdown_extensions' must be a list")
    for entry in extensions:
        if isinstance(entry, dict) and len(entry) == 1:
            [(name, config)] = entry.items()
        else:
            name, config = entry, None
        if not isinstance(name, str):
            raise fail(text, "markdown_extensions", "each Markdown extension must be a name, such as 'tables'")
        if config is not None and not isinstance(config, dict):
            raise fail(text, name, f"the settings of the Markdown extension '{name}' must be a group of 'name: value' lines")
        if name == SNIPPETS:
            check_snippets(config, text, root)
        try:
            markdown.Markdown(extensions=[name], extension_configs={name: config or {}})
        except Exception as error:  # an unknown name or a bad setting: reported, never a traceback
            raise fail(text, name, f"the Markdown extension '{name}' cannot be used ({type(error).__name__}: {str(error)[:80]}): check its name and settings") from None
