"""Runs MkDocs, the site generator, as one step of a build (the only module of the build that
imports it, and only when the site is to be built).

The site is built last, from the manifest, on one core. Whatever does not need the
manifest (importing MkDocs, reading its configuration, compiling the theme's
templates) can be done earlier, while the workers are busy: `prepare_site`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import jinja2.meta
from jinja2.bccache import BytecodeCache
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .errors import SourceError, engine_warnings
from .project import Project

# The templates MkDocs renders; those they extend, include or import are found from them.
ENTRY_TEMPLATES = ["main.html", "404.html", "sitemap.xml"]


@dataclass
class PreparedSite:
    config: object  # MkDocs' configuration, loaded
    templates: object  # a Jinja bytecode cache holding the theme's compiled templates
    messages: list[str] = field(default_factory=list)  # what MkDocs warned while loading


def prepare_site(project: Project, site_dir: Path) -> PreparedSite:
    """Everything of the site's build that does not need the manifest."""
    with engine_warnings("mkdocs") as messages:
        try:
            config = load_config(str(project.config.root / "mkdocs.yml"), site_dir=str(site_dir))
        except MkDocsException as error:
            # MkDocs logs what is wrong, then raises "Aborted with a configuration error!".
            raise SourceError("mkdocs.yml", f"the website could not be built: {'; '.join(messages) or error}") from None
        config.plugins["factsheets"].add_theme(config)
        templates = compile_templates(config.theme.get_env(), [*ENTRY_TEMPLATES, *config.theme.static_templates])
    return PreparedSite(config, templates, messages)


def compile_templates(env, names: list[str]):
    """A bytecode cache holding these templates and every template they name, compiled."""
    cache = MemoryBytecodeCache()
    seen: set[str] = set()
    waiting = list(names)
    while waiting:
        name = waiting.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            source, filename, _ = env.loader.get_source(env, name)
        except jinja2.TemplateNotFound:
            continue
        tree = env.parse(source, name, filename)
        # Names built at render time (a language's partial, say) are None here: compiled when used.
        waiting.extend(n for n in jinja2.meta.find_referenced_templates(tree) if n)
        bucket = cache.get_bucket(env, name, filename, source)
        bucket.code = env.compile(tree, name, filename)
        cache.set_bucket(bucket)
    return cache


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's bytecode cache, in memory: a template is looked up by its name, file and source."""

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


def build_site(project: Project, manifest: dict, files_dir: Path, site_dir: Path, prepared: PreparedSite | None = None) -> list[str]:
    """Build the website into site_dir; returns MkDocs' warnings."""
    prepared = prepared or prepare_site(project, site_dir)
    config = prepared.config
    with engine_warnings("mkdocs") as messages:
        try:
            config.plugins["factsheets"].attach(project, manifest, files_dir, prepared.templates)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as error:
            raise SourceError("mkdocs.yml", f"the website could not be built: {error}") from None
    return prepared.messages + messages
