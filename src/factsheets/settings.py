"""Checks on mkdocs.yml that need the project: the folders and files it names, and the
Markdown extensions it turns on, tried as Python-Markdown will use them.

Everything that can be said from the file alone (names, kinds of values, markup, addresses,
the theme's language and icons) is in its schema (settings_schema.py), checked on the
file's nodes. These checks come after it, on the checked values, and name the line of the
value at fault from the same node tree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import yaml

from .errors import Location, SourceError
from .sources import inside_project
from .yaml_schema import line_at

CONFIG_FILE = "mkdocs.yml"
PATH_SETTINGS = ("factsheets_dir", "glossary_dir", "organisation")
SNIPPETS = "pymdownx.snippets"
# pymdownx.snippets copies files into pages: only from a folder of shared text, never from the web.
SNIPPETS_SETTINGS = {"base_path", "check_paths", "restrict_base_path"}  # shared text is UTF-8, as every source


def fail(tree: yaml.Node | None, names: tuple[str, ...], message: str) -> SourceError:
    return SourceError(Location(CONFIG_FILE, line_at(tree, *names)), message)


def check_settings(tree: yaml.Node | None, data: object, root: Path) -> None:
    if not isinstance(data, dict):
        raise SourceError(Location(CONFIG_FILE, 1), "mkdocs.yml must be a list of 'name: value' settings")
    check_folder(tree, data.get("docs_dir", "docs"), root)
    check_extensions(tree, data.get("markdown_extensions"), root)


def check_folder(tree: yaml.Node | None, value: object, root: Path) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise fail(tree, ("docs_dir",), "'docs_dir' must be the name of a folder in the project")
    folder = root / value
    if folder.exists() or folder.is_symlink():
        inside_project(folder, root, CONFIG_FILE, line_at(tree, "docs_dir"))
    elif not folder.resolve().is_relative_to(root.resolve()):
        raise fail(tree, ("docs_dir",), f"'docs_dir' ({value}) is outside the project folder: name a folder inside it")
    return folder


def check_plugin_block(block: Any, tree: yaml.Node | None, root: Path) -> dict[str, Any]:
    """The factsheets plugin's own settings: each writer's options are a group of settings."""
    at = ("plugins", "factsheets")
    if block is None:
        return {}
    if not isinstance(block, dict):
        raise fail(tree, at, "the factsheets plugin's settings must be a group of 'name: value' lines")
    for key in PATH_SETTINGS:
        if key in block and (not isinstance(block[key], str) or not block[key].strip()):
            raise fail(tree, (*at, key), f"'{key}' must be the name of a file or folder in the project")
        if key in block and not (root / block[key]).resolve().is_relative_to(root.resolve()):
            raise fail(tree, (*at, key), f"'{key}' ({block[key]}) is outside the project folder: name one inside it")
    from .writers.audio import check_voice_files  # a Piper voice's files: inside the project, never fetched

    check_voice_files(block.get("audio"), tree, root)
    return block


def check_snippets(tree: yaml.Node | None, config: Any, root: Path) -> None:
    """Shared text (shared_text.py) only from folders inside the project, named in base_path."""
    at = ("markdown_extensions", SNIPPETS)
    config = config if isinstance(config, dict) else {}
    hint = "give it 'base_path: [shared]', a folder of shared text inside the project"
    written = config.get("base_path")
    folders = [written] if isinstance(written, str) else written
    if not folders or not isinstance(folders, list) or not all(isinstance(f, str) and f.strip() for f in folders):
        raise fail(tree, at, f"the Markdown extension '{SNIPPETS}' copies other files into pages: {hint}")
    for folder in folders:
        real = (root / folder).resolve()
        if Path(folder).is_absolute() or ".." in Path(folder).parts or real == root.resolve() or not real.is_relative_to(root.resolve()):
            raise fail(tree, (*at, "base_path"), f"'{folder}' cannot hold shared text: it must be a folder inside the project "
                       "(not the project's own folder), like shared")
    for name in config:
        if name not in SNIPPETS_SETTINGS:
            raise fail(tree, (*at, name), f"'{name}' of '{SNIPPETS}' is not allowed: shared text comes only from the base_path folders")
    if config.get("restrict_base_path") is False:
        raise fail(tree, (*at, "restrict_base_path"), "'restrict_base_path' must stay true: shared text comes only from the base_path folders")


def check_extensions(tree: yaml.Node | None, extensions: Any, root: Path) -> None:
    """Each extension (the schema has allowed its name and settings) made as Python-Markdown
    will make it: a setting it refuses is reported at its line, never a traceback."""
    for entry in extensions or []:
        if isinstance(entry, dict) and len(entry) == 1:
            [(name, config)] = entry.items()
        else:
            name, config = entry, None
        if name == SNIPPETS:
            check_snippets(tree, config, root)
        try:
            markdown.Markdown(extensions=[name], extension_configs={name: config or {}})
        except Exception as error:  # an unknown name or a bad setting: reported, never a traceback
            raise fail(tree, ("markdown_extensions", name), f"the Markdown extension '{name}' cannot be used "
                       f"({type(error).__name__}: {str(error)[:80]}): check its name and settings") from None
