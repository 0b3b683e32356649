"""Runs MkDocs, the site generator, as one step of a build (the only module of the build that
imports it, and only when the site is to be built).

The site is built last, from the manifest, on one core. Whatever does not need the
manifest (importing MkDocs, reading its configuration, compiling the theme's
templates) can be done earlier, while the workers are busy: `prepare_site`.
"""

from __future__ import annotations

import io
import marshal
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

import jinja2
import jinja2.meta
import yaml
from jinja2.bccache import BytecodeCache, Bucket

from . import site_engine  # noqa: F401  (before mkdocs: it may be ProperDocs)
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.theme import Theme

from .errors import SourceError, engine_warnings
from .manifest_entry import Manifest
from .project import Config, Project
from .project_root import CONFIG_FILE

if TYPE_CHECKING:
    from .mkdocs_plugin import FactsheetsPlugin

# The templates MkDocs renders; those they extend, include or import are found from them.
ENTRY_TEMPLATES = ["main.html", "404.html", "sitemap.xml"]


@dataclass
class PreparedSite:
    config: MkDocsConfig  # MkDocs' configuration, loaded
    templates: MemoryBytecodeCache  # a Jinja bytecode cache holding the theme's compiled templates
    messages: list[str] = field(default_factory=list)  # what MkDocs warned while loading


def prepare_site(project: Project, site_dir: Path) -> PreparedSite:
    """Everything of the site's build that does not need the manifest."""
    with engine_warnings("mkdocs") as messages:
        try:
            config = mkdocs_config(project.config, site_dir=str(site_dir))
        except MkDocsException as error:
            # MkDocs logs what is wrong, then raises "Aborted with a configuration error!".
            raise SourceError("mkdocs.yml", f"the website could not be built: {'; '.join(messages) or error}") from None
        our_plugin(config).add_theme(config)
        list_theme_once(config.theme)
        templates = compile_templates(config.theme.get_env(), [*ENTRY_TEMPLATES, *config.theme.static_templates], kept_templates())
    return PreparedSite(config, templates, messages)


def our_plugin(config: MkDocsConfig) -> FactsheetsPlugin:
    """The factsheets plugin as MkDocs loaded it (mkdocs.yml's check requires it to be listed)."""
    return cast("FactsheetsPlugin", config.plugins["factsheets"])


def mkdocs_config(settings: Config, **overrides: str) -> MkDocsConfig:
    """MkDocs' configuration, made from mkdocs.yml's checked values (project.load_config), never
    from the file: MkDocs reads YAML with PyYAML's full loader, which runs the code a tag names.
    The values are written out again as plain YAML, which holds no tag."""
    text = yaml.safe_dump(settings.site_settings, allow_unicode=True, sort_keys=False)
    return load_config(io.StringIO(text), config_file_path=str(settings.root / CONFIG_FILE), **overrides)


def compile_templates(env: jinja2.Environment, names: list[str], kept: Path | None = None) -> MemoryBytecodeCache:
    """A bytecode cache holding these templates and every template they name, compiled.

    What was compiled is kept in `kept` (a file outside the build: compiled theme code, as
    Python keeps its own in __pycache__) and read back by the next build, which compiles
    only a template whose source changed: compiling Material's 50 templates took 0.6 s of
    a 4.5 s cold build, on a core the workers needed."""
    cache = MemoryBytecodeCache()
    cache.store, named = _read_kept(kept)  # named: "key checksum" -> the templates that one names
    loader = env.loader
    if loader is None:  # a theme always has one; without it there is nothing to compile
        return cache
    compiled = False
    seen: set[str] = set()
    waiting = list(names)
    while waiting:
        name = waiting.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            source, filename, _ = loader.get_source(env, name)
        except jinja2.TemplateNotFound:
            continue
        bucket = cache.get_bucket(env, name, filename, source)
        known = f"{bucket.key} {bucket.checksum}"
        if bucket.code is None or known not in named:
            tree = env.parse(source, name, filename)
            # Names built at render time (a language's partial, say) are None here: compiled when used.
            named[known] = [n for n in jinja2.meta.find_referenced_templates(tree) if n]
            bucket.code = env.compile(tree, name, filename)
            cache.set_bucket(bucket)
            compiled = True
        waiting.extend(named[known])
    if compiled and kept is not None:
        _write_kept(kept, cache.store, named)
    return cache


def list_theme_once(theme: Theme) -> None:
    """The theme's files are listed now, while the workers are busy, not by the site's build.

    MkDocs lists every file of every theme folder to find the ones to copy to the site:
    14,000 of them, nearly all Material's icons under .icons/, which its own filter then drops
    (it drops every name starting with "."). That was 0.14 s of the site's build, on one core
    at the end. The names left here are the ones MkDocs would keep, and its filter still runs."""
    get_env = theme.get_env
    loader = get_env().loader
    if loader is None:  # a theme always has one
        return
    names = _names_not_hidden(loader)

    def env_listing_once() -> jinja2.Environment:
        env = get_env()
        if env.loader is not None:
            env.loader.list_templates = lambda: names  # type: ignore[method-assign]  # this loader's listing, made once
        return env

    theme.get_env = env_listing_once  # type: ignore[method-assign]  # each later call lists nothing again


def _names_not_hidden(loader: jinja2.BaseLoader) -> list[str]:
    """The loader's template names but those starting with "." (what MkDocs keeps). For a folder
    loader, its folders' hidden top-level folders (.icons) are not walked at all: listing the
    14,500 names and dropping 14,300 took 34 ms, against 0.4 ms (measured)."""
    if not isinstance(loader, jinja2.FileSystemLoader):
        return [name for name in loader.list_templates() if not name.startswith(".")]
    found: set[str] = set()
    for top in loader.searchpath:
        for folder, subfolders, files in os.walk(top, followlinks=loader.followlinks):
            if folder == top:
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            found.update(os.path.relpath(os.path.join(folder, name), top).replace(os.sep, "/") for name in files)
    return sorted(name for name in found if not name.startswith("."))


def kept_templates() -> Path:
    """Where compiled templates are kept between builds: the user's cache folder."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factsheets" / f"templates-{jinja2.__version__}-{sys.version_info[0]}.{sys.version_info[1]}.marshal"


def _read_kept(path: Path | None) -> tuple[dict[str, bytes], dict[str, list[str]]]:
    try:
        store, named = marshal.loads(path.read_bytes()) if path else ({}, {})
        if isinstance(store, dict) and isinstance(named, dict):
            return store, named
    except (OSError, EOFError, ValueError, TypeError):
        pass  # none yet, or unreadable: compiled again, and written again
    return {}, {}


def _write_kept(path: Path, store: dict[str, bytes], named: dict[str, list[str]]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}")
        partial.write_bytes(marshal.dumps((store, named)))
        partial.replace(path)  # whole or not at all, for a build running beside this one
    except OSError:
        pass  # a read-only home: the next build compiles again, no worse than before


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's bytecode cache, in memory: a template is looked up by its name, file and source."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def build_site(project: Project, manifest: Manifest, files_dir: Path, site_dir: Path, prepared: PreparedSite | None = None) -> list[str]:
    """Build the website into site_dir; returns MkDocs' warnings."""
    prepared = prepared or prepare_site(project, site_dir)
    config = prepared.config
    with engine_warnings("mkdocs") as messages:
        try:
            our_plugin(config).attach(project, manifest, files_dir, prepared.templates)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as error:
            raise SourceError("mkdocs.yml", f"the website could not be built: {error}") from None
    return prepared.messages + messages
