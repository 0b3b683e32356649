"""The factsheets plugin's settings in mkdocs.yml, as MkDocs reads them (mkdocs_plugin.py):
the plugin's own, and a block for each registered writer (whose options project.py checks
against the writer's own description, with their lines)."""

from __future__ import annotations

from pathlib import Path

from . import site_engine  # noqa: F401  (before mkdocs: it may be ProperDocs)
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig

from .project_root import CONFIG_FILE


class PluginSettings(Config):  # type: ignore[no-untyped-call]  # MkDocs' Config.__init_subclass__ is unannotated
    """The plugin's own settings in mkdocs.yml (beside them, a block for each writer: _plugin_config)."""

    language = config_options.Type(str, default="en-GB")
    factsheets_dir = config_options.Type(str, default="factsheets")
    glossary_dir = config_options.Type(str, default="glossary")
    organisation = config_options.Type(str, default="organisation.yml")
    job_timeout = config_options.Type((int, float), default=300)  # seconds one job may take (read by the build)


def _plugin_config() -> type[PluginSettings]:
    """The plugin's settings, and a block for each registered writer (whose options
    project.py checks against the writer's own description, with their lines)."""
    from .writers import registry

    blocks = {name: config_options.Type(dict, default={}) for name in registry()}
    return type("FactsheetsConfig", (PluginSettings,), blocks)


FactsheetsConfig = _plugin_config()


def project_folder(config: MkDocsConfig) -> Path:
    """The folder of the project's mkdocs.yml (MkDocs, given no file, reads it in the current folder)."""
    return Path(config.config_file_path or CONFIG_FILE).parent
