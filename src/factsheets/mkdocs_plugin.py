"""The MkDocs adapter: places the factsheets, rendered from the model, in MkDocs pages.

`factsheets build` runs MkDocs with this plugin after every other format is
written, and hands it the project and the manifest. Under `mkdocs serve` the
plugin loads the project itself and links the files of the last build, so a
live preview never waits for a PDF or a recording. There it also watches the
glossary, organisation.yml and the lexicon; a problem in the sources turns every
page into one that names the file and line (the server would otherwise keep the
last good pages and look stuck); and a download made from an older text than the
page's is marked as such.
"""

from __future__ import annotations

import json
import logging
import posixpath
import shutil
from importlib.resources import files as package_files
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

import yaml
from . import site_engine  # noqa: F401  (before mkdocs: it may be ProperDocs)
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from . import site
from . import translations
from .site_content import content_problem
from .site_languages import set_page_language
from .site_marks import mark_languages
from .site_pages import add_to_toc, escape_title, files_relative, marked_if_older, without_pages
from .build.own_files import BUILDS_DIR, made_here
from .errors import SourceError
from .sources import read_text, split_front_matter
from .i18n import language as language_of
from .project import Project, load_project
from .manifest_entry import Manifest, ManifestEntry
from .mkdocs_settings import FactsheetsConfig, PluginSettings, project_folder

if TYPE_CHECKING:
    import jinja2
    from jinja2.bccache import BytecodeCache
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import _TocToken

    from . import model as m

LOG = logging.getLogger("mkdocs.plugins.factsheets")
CSS = "assets/factsheets.css"
# Material's offline plugin would load this shim from a CDN; it is served from the site instead.
SHIM = "assets/javascripts/iframe-worker-shim.js"


class FactsheetsPlugin(BasePlugin[PluginSettings]):  # type: ignore[no-untyped-call]  # and BasePlugin's
    config_class = FactsheetsConfig  # the writers' blocks too, or MkDocs would warn of them as unknown

    def __init__(self) -> None:
        self.project: Project | None = None
        self.manifest: Manifest | None = None
        self.files_dir: Path | None = None  # where the other formats' files are
        self.templates: BytecodeCache | None = None  # the theme's templates, compiled ahead
        self.attached = False
        self.serving = False  # under `mkdocs serve` (or `factsheets serve`)
        self.problem: str | None = None  # why the sources could not be loaded, under serve

    def attach(self, project: Project, manifest: Manifest, files_dir: Path, templates: BytecodeCache | None = None) -> None:
        """Called by `factsheets build`: use this project, these outputs and these compiled templates."""
        self.project, self.manifest, self.files_dir, self.templates = project, manifest, files_dir, templates
        self.attached = True

    def add_theme(self, config: MkDocsConfig) -> None:
        """Our templates before Material's; `factsheets build` calls this early, to compile them ahead."""
        ours = str(package_files("factsheets").joinpath("site_theme"))
        if ours not in config.theme.dirs:
            config.theme.dirs.insert(0, ours)

    # MkDocs events ------------------------------------------------------------
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defining on_startup also keeps this one plugin object for every rebuild of `serve`.
        self.serving = command == "serve"

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
        from .serve import watched_paths

        for path in watched_paths(project_folder(config)):
            server.watch(str(path))
        return server

    @event_priority(100)  # before Material's offline plugin, which looks for a shim in polyfills
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        _quiet_jieba()
        self.add_theme(config)
        config.extra["factsheets_language"] = self.config.language
        config.extra["factsheets_direction"] = language_of(self.config.language).direction
        if CSS not in config.extra_css:
            config.extra_css.append(CSS)
        config.extra["polyfills"] = [SHIM]
        snippets = config.mdx_configs.get("pymdownx.snippets")
        if snippets and snippets.get("base_path"):
            # Shared text comes from the project's folders wherever MkDocs is run from (it reads them from the current folder).
            written = snippets["base_path"]
            folders = [written] if isinstance(written, str) else written
            snippets["base_path"] = [str(project_folder(config) / f) for f in folders]
        if not self.attached:
            root = project_folder(config)
            self.problem = None
            try:
                self.project = load_project(root)
            except SourceError as error:
                if not self.serving:
                    raise PluginError(str(error)) from None
                self.problem, self.project = str(error), None
                LOG.error(self.problem)  # in the terminal too, where staff started the preview
            build = root / "build"
            manifest_path = build / "manifest.json"
            # The preview shows the last build's files only if this computer's build made them: a
            # committed build/ could hold links to files anywhere, or a forged manifest.
            trusted = made_here(root, build)
            none_yet: Manifest = {"factsheets": []}
            self.manifest = json.loads(manifest_path.read_text()) if trusted and manifest_path.exists() else none_yet
            self.files_dir = build / "site" / "files" if trusted else root / BUILDS_DIR / "none"
        return config

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Each page as the build read it: its front matter as checked, written out as plain YAML
        between --- lines, then its text. MkDocs would otherwise read some pages differently:
        a first line " ---" (not at the margin) as text, a file whose --- ends it without a line
        break as text, and `name: value` lines at the top of a page with no front matter as
        settings (MultiMarkdown meta-data: `description` goes into every page's <head>)."""
        if page.file.abs_src_path is None:  # a page another plugin made, with no file to read
            return None
        path = Path(page.file.abs_src_path)
        root = project_folder(config).resolve()
        shown = path.resolve().relative_to(root).as_posix() if path.resolve().is_relative_to(root) else str(path)
        try:
            front, body, _ = split_front_matter(read_text(path, shown, root), shown)
        except SourceError as error:
            raise PluginError(str(error)) from None
        return "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        css = package_files("factsheets").joinpath("assets/site.css").read_text(encoding="utf-8")
        files.append(File.generated(config, CSS, content=css))
        shim = package_files("factsheets").joinpath("assets/iframe-worker-shim.js").read_text(encoding="utf-8")
        files.append(File.generated(config, SHIM, content=shim))
        return files

    @event_priority(100)  # before any other plugin loads a template
    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if self.templates is not None:
            env.bytecode_cache = self.templates
        return env

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Translations are reached from their factsheet's language line, not the menu: the menu's
        titles would otherwise be read in the page's language, and it would grow with every language."""
        if self.project is None:  # the sources have a problem (under serve): every page shows it instead
            return nav
        return without_pages(nav, {(self.project.config.root / d.meta.source).resolve()
                                   for d in self.project.documents if d.meta.translation_of is not None})

    def _document_for(self, page: Page) -> m.Document | None:
        if self.project is None or not page.file.abs_src_path:
            return None
        path = Path(page.file.abs_src_path).resolve()
        for document in self.project.documents:
            if (self.project.config.root / document.meta.source).resolve() == path:
                return document
        return None

    def _entry(self, slug: str) -> ManifestEntry:
        for entry in self.manifest["factsheets"] if self.manifest else []:
            if entry["slug"] == slug:
                return entry
        return {"slug": slug, "formats": {"html": ""}}

    def _page_href(self, project: Project, document: m.Document, page: Page) -> str:
        """The address of a factsheet's page, relative to `page`."""
        docs = project.config.docs_dir.relative_to(project.config.root)
        return get_relative_url(Path(document.meta.source).relative_to(docs).with_suffix(".html").as_posix(), page.url)

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # A factsheet page is rendered from the model, not by MkDocs' Markdown.
        document = self._document_for(page)
        if document:
            page.meta["title"] = document.meta.title  # it may come from a "# Title" line, not the front matter
        return "" if document else markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        escape_title(page)
        if self.problem or self.project is None:
            return html  # the page is replaced whole, in on_post_page
        project = self.project
        document = self._document_for(page)
        if document:
            entry = self._entry(document.meta.slug)
            if not self.attached:
                entry = marked_if_older(entry, document)

            def href(key: str) -> str:
                return get_relative_url("files/" + files_relative(entry["formats"][key]), page.url)

            def file_of(key: str) -> Path | None:
                rel = entry["formats"].get(key, "")
                return self.files_dir / files_relative(rel) if self.files_dir and rel.startswith("site/files/") else None

            def link_href(url: str) -> str:
                # Markdown links between pages point at .md files; the site serves their pages,
                # .html or folder/ as use_directory_urls says, from wherever this page is.
                if "://" in url or url.startswith(("#", "mailto:", "tel:", "sms:")):
                    return url
                path, _, fragment = url.partition("#")
                if path.endswith(".md"):
                    target = files.get_file_from_path(posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path)))
                    path = get_relative_url(target.url, page.url) if target else path[:-3] + ".html"
                return path + ("#" + fragment if fragment else "")

            family = [(d, self._page_href(project, d, page)) for d in translations.family(project.documents, document)]
            content, toc = site.factsheet_page(document, entry, href, file_of, link_href, family)
            page.toc = get_toc(cast("list[_TocToken]", toc))  # site.py's tokens are Python-Markdown's, as MkDocs reads them
            set_page_language(page, document.meta.language, family)
            return content
        problem = content_problem(html)
        if problem:  # the reader's check passed its source, but MkDocs read it otherwise
            root = project_folder(config).resolve()
            source = page.file.abs_src_path
            shown = Path(source).resolve().relative_to(root).as_posix() if source else page.file.src_uri
            raise SourceError(shown, f"the website would show this page with {problem}, which its text does not show as written "
                                     "(the site's Markdown reads it otherwise): write the page in plain Markdown, without raw HTML")
        if "<!-- factsheets:" not in html:
            return html
        documents = project.documents

        html = html.replace(site.MARKERS[0], site.factsheet_list(documents, lambda d: self._page_href(project, d, page)))
        if site.MARKERS[1] in html:
            html = html.replace(site.MARKERS[1], site.glossary_page(project.glossary, project.organisation))
            add_to_toc(page, site.glossary_toc(project.glossary))
        html = html.replace(site.MARKERS[2], site.contact_fragment(project.organisation, project.config.language))
        return html

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self.problem:
            from .serve import error_page

            return error_page([self.problem])
        project = self.project
        if project is None:
            return output
        targets = {self._page_href(project, d, page): d.meta.language for d in project.documents}
        return mark_languages(output, page.meta.get("factsheets_language") or self.config.language, self.config.language, targets)

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.problem:
            from .serve import show_error_everywhere

            show_error_everywhere(Path(config.site_dir), [self.problem])
            return
        # Under `mkdocs serve`, show the last build's files; `factsheets build` moves its own in.
        if not self.attached and self.files_dir and self.files_dir.is_dir():
            shutil.copytree(self.files_dir, Path(config.site_dir) / "files", dirs_exist_ok=True)


def _quiet_jieba() -> None:
    """Material's search splits Chinese into words with jieba, which announces loading its
    dictionary on every build: staff need not see that."""
    import logging

    logging.getLogger("jieba").setLevel(logging.WARNING)
