"""A publishing project: mkdocs.yml, the factsheets, the glossary and the organisation.

The configuration lives in one place, mkdocs.yml: the site's settings, the
Markdown extensions every format reads with, and the `factsheets` plugin's own
block (per writer: pdf, braille, audio). The CLI and the MkDocs plugin both
load a project through here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import model as m
from .anchors import check_anchors
from .errors import ErrorList, Location, SourceError, Warning_
from .glossary import Glossary, load_glossary
from .organisation import load_organisation
from .pages import check_docs
from .options import check_plugin_options
from .settings import check_plugin_block, check_settings
from .settings_schema import MKDOCS_YML
from .yaml_schema import read_tree
from .sources import read_text
from . import translations
from .project_root import CONFIG_FILE, project_root
from .factsheet_file import load_factsheet
from .lexicon_setting import check_lexicon

# Settings of the plugin's block that are not paths or a writer's options.
PLUGIN_SETTINGS = ("job_timeout",)
# The plugin block's own settings; beside them, one block per writer, named as the writer is.
DEFAULTS = {
    "factsheets_dir": "factsheets",  # inside docs_dir
    "glossary_dir": "glossary",
    "organisation": "organisation.yml",
    "language": "en-GB",
}


@dataclass
class Config:
    root: Path
    docs_dir: Path
    factsheets_dir: Path
    glossary_dir: Path
    organisation_file: Path
    extensions: list[str | dict[str, object]]  # markdown_extensions: a name, or a name with its settings
    site_name: str
    language: str
    options: dict[str, Any]  # the plugin block, as written
    site_settings: dict[str, Any]  # the whole of mkdocs.yml, checked against settings_schema: what MkDocs is given

    def writer_options(self, writer: str) -> dict[str, Any]:
        """The writer's options as mkdocs.yml sets them (checked when the config was loaded)."""
        value = self.options.get(writer) or {}
        return dict(value) if isinstance(value, dict) else {}


@dataclass
class Project:
    config: Config
    organisation: m.Organisation
    organisation_text: str
    glossary: Glossary
    documents: list[m.Document]
    sources: dict[str, str]  # slug -> the factsheet file's text
    warnings: list[Warning_] = field(default_factory=list)


def find_root(start: Path) -> Path:
    root = project_root(start)
    if root is not None:
        return root
    raise SourceError(Location(str(start / CONFIG_FILE)), "no mkdocs.yml here: run this in the project's folder")


def load_config(root: Path) -> Config:
    root = root.resolve()  # every path of the project is then absolute, whatever the caller gave
    path = root / CONFIG_FILE
    text = read_text(path, CONFIG_FILE, root)
    tree, read = read_tree(text, CONFIG_FILE, MKDOCS_YML)
    check_settings(tree, read if read is not None else {}, root)
    data: dict[str, Any] = read if isinstance(read, dict) else {}  # a group of settings, or nothing: checked just now
    options = dict(DEFAULTS)
    plugins = data.get("plugins") or []
    for plugin in plugins if isinstance(plugins, list) else [plugins]:
        if isinstance(plugin, dict) and "factsheets" in plugin:
            options.update(check_plugin_options(check_plugin_block(plugin["factsheets"], tree, root), text, [*DEFAULTS, *PLUGIN_SETTINGS]))
    docs_dir = root / data.get("docs_dir", "docs")
    language = options.get("language") or "en-GB"
    config = Config(
        root=root,
        docs_dir=docs_dir,
        factsheets_dir=docs_dir / options["factsheets_dir"],
        glossary_dir=root / options["glossary_dir"],
        organisation_file=root / options["organisation"],
        extensions=list(data.get("markdown_extensions") or []),
        site_name=str(data.get("site_name", "")),
        language=language,
        options=options,
        site_settings=data,
    )
    check_lexicon(config.writer_options("audio"), root, CONFIG_FILE, text, default=True)
    return config


def factsheet_paths(config: Config) -> list[Path]:
    return sorted(config.factsheets_dir.glob("*.md"))


def load_project(root: Path) -> Project:
    config = load_config(root)
    root = config.root
    organisation, organisation_text = load_organisation(config.organisation_file, root)
    glossary = load_glossary(config.glossary_dir, root, config.extensions)
    check_docs(config)
    project = Project(config, organisation, organisation_text, glossary, [], {})
    errors = ErrorList()  # every factsheet is read, so one run shows the problems of all of them
    for path in factsheet_paths(config):
        with errors.collecting():
            document, text, warnings = load_factsheet(path, config, organisation, glossary)
            project.documents.append(document)
            project.sources[document.meta.slug] = text
            project.warnings.extend(warnings)
    errors.raise_if_any()
    check_anchors(project.documents, project.sources)
    translations.check_sources(project.documents, project.sources)
    project.warnings.extend(translations.language_warnings(project.documents, project.sources))
    project.documents[:] = translations.with_stale_notices(project.documents, project.sources)
    return project


def select_factsheets(project: Project, paths: list[Path]) -> set[str]:
    """The slugs of the named factsheet files; naming any other file is an error."""
    by_path = {(project.config.root / d.meta.source).resolve(): d.meta.slug for d in project.documents}
    for path in paths:
        if path.resolve() not in by_path:
            folder = project.config.factsheets_dir.relative_to(project.config.root)
            raise SourceError(Location(str(path)), f"not a factsheet: factsheets are the .md files in {folder}/")
    return {by_path[p.resolve()] for p in paths}
