"""A publishing project: mkdocs.yml, the factsheets, the glossary and the organisation.

The configuration lives in one place, mkdocs.yml: the site's settings, the
Markdown extensions every format reads with, and the `factsheets` plugin's own
block (per writer: pdf, braille, audio). The CLI and the MkDocs plugin both
load a project through here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import model as m
from .errors import Location, SourceError, Warning_, line_of
from .glossary import Glossary, load_glossary
from .organisation import load_organisation, translated_organisation
from .reader import parse_blocks
from .frontmatter import FACTSHEET, check_front_matter, key_line, mapping
from .pages import check_docs
from .options import check_plugin_options
from .settings import check_plugin_block, check_settings
from .sources import inside_project, load_yaml, read_text, split_front_matter
from .transforms import compose, resolve_terms
from . import translations

CONFIG_FILE = "mkdocs.yml"
# Settings of the plugin's block that are not paths or a writer's options.
PLUGIN_SETTINGS = ("job_timeout",)
DEFAULT_LEXICON = "glossary/lexicon.yml"
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
    extensions: list
    site_name: str
    language: str
    options: dict  # the plugin block, as written

    def writer_options(self, writer: str) -> dict:
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
    for folder in [start, *start.parents]:
        if (folder / CONFIG_FILE).exists():
            return folder
    raise SourceError(Location(str(start / CONFIG_FILE)), "no mkdocs.yml here: run this in the project's folder")


def load_config(root: Path) -> Config:
    root = root.resolve()  # every path of the project is then absolute, whatever the caller gave
    path = root / CONFIG_FILE
    text = read_text(path, CONFIG_FILE, root)
    data = load_yaml(text, CONFIG_FILE, tolerant=True)
    check_settings(data if data is not None else {}, text, root)
    data = data or {}
    options = dict(DEFAULTS)
    plugins = data.get("plugins") or []
    for plugin in plugins if isinstance(plugins, list) else [plugins]:
        if isinstance(plugin, dict) and "factsheets" in plugin:
            options.update(check_plugin_options(check_plugin_block(plugin["factsheets"], text, root), text, [*DEFAULTS, *PLUGIN_SETTINGS]))
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
    )
    check_lexicon(config.writer_options("audio"), root, CONFIG_FILE, text, default=True)
    return config


def check_lexicon(audio: dict, root: Path, shown: str, text: str, default: bool = False) -> None:
    """The audio's lexicon, if named, must be an ordinary file inside the project, and valid YAML."""
    written = audio.get("lexicon")
    if written is None and not default:
        return
    line = key_line(text, "lexicon") if written is not None else 1
    if written is not None and (not isinstance(written, str) or not written.strip()):
        raise SourceError(Location(shown, line), "'lexicon' must be the name of a file in the project, such as glossary/lexicon.yml")
    path = root / (written or DEFAULT_LEXICON)
    if written is None and not path.exists() and not path.is_symlink():
        return  # no lexicon is allowed: words are said as written
    real = inside_project(path, root, shown if written else DEFAULT_LEXICON, line)
    if not real.is_file():
        raise SourceError(Location(shown, line), f"the lexicon '{written or DEFAULT_LEXICON}' is a folder, not a file")
    lexicon_shown = real.relative_to(root.resolve()).as_posix()
    load_yaml(read_text(path, lexicon_shown, root), lexicon_shown)


def factsheet_paths(config: Config) -> list[Path]:
    return sorted(config.factsheets_dir.glob("*.md"))


def load_project(root: Path) -> Project:
    config = load_config(root)
    root = config.root
    organisation, organisation_text = load_organisation(config.organisation_file, root)
    glossary = load_glossary(config.glossary_dir, root, config.extensions)
    check_docs(config)
    project = Project(config, organisation, organisation_text, glossary, [], {})
    for path in factsheet_paths(config):
        document, text, warnings = load_factsheet(path, config, organisation, glossary)
        project.documents.append(document)
        project.sources[document.meta.slug] = text
        project.warnings.extend(warnings)
    translations.check_sources(project.documents, project.sources)
    project.warnings.extend(translations.stale_warnings(project.documents, project.sources))
    return project


def select_factsheets(project: Project, paths: list[Path]) -> set[str]:
    """The slugs of the named factsheet files; naming any other file is an error."""
    by_path = {(project.config.root / d.meta.source).resolve(): d.meta.slug for d in project.documents}
    for path in paths:
        if path.resolve() not in by_path:
            folder = project.config.factsheets_dir.relative_to(project.config.root)
            raise SourceError(Location(str(path)), f"not a factsheet: factsheets are the .md files in {folder}/")
    return {by_path[p.resolve()] for p in paths}


def _month(value) -> str | None:
    """A checked month or date, as text: 2021-06 or 2021-06-30."""
    return None if value is None else str(value).strip()


def load_factsheet(path: Path, config: Config, organisation: m.Organisation, glossary: Glossary) -> tuple[m.Document, str, list[Warning_]]:
    root = config.root
    shown = path.relative_to(root).as_posix()
    text = read_text(path, shown, root)
    front, body, first_line = split_front_matter(text, shown)
    title = front.get("title")
    if not isinstance(title, str) or not title.strip():
        raise SourceError(Location(shown, 1), "this factsheet has no title: add 'title: ...' to the front matter between the --- lines")
    from .writers import registry

    # Beside the factsheet's own fields, a block of options for any writer (checked below).
    check_front_matter(front, {**FACTSHEET, **{name: mapping for name in registry()}}, shown, text, "a factsheet")
    if not body.strip():
        raise SourceError(Location(shown, first_line), "this factsheet has no text after its front matter: write the factsheet below the second ---")
    check_lexicon(front.get("audio") or {}, root, shown, text)
    translations.check_file_name(front, path.stem, shown, text)
    warnings: list[Warning_] = []
    for key in ("summary", "version", "date"):
        if key not in front:
            warnings.append(Warning_(Location(shown, 1), f"the front matter has no '{key}'"))
    meta = m.Meta(
        slug=path.stem,
        title=title.strip(),
        summary=str(front.get("summary") or "").strip(),
        version=str(front.get("version") or ""),
        date=_month(front.get("date")) or "",
        language=str(front.get("language") or config.language),
        source=shown,
        review_due=_month(front.get("review_due")),
        translation_of=str(front["translation_of"]).strip() if front.get("translation_of") else None,
        source_version=str(front["source_version"]) if "source_version" in front else None,
        sample=bool(front.get("sample")),
        options=front_matter_options(front, shown, text),
    )
    if meta.language != config.language:  # its glossary terms and organisation in its language
        glossary = glossary.for_language(meta.language)
        organisation = translated_organisation(organisation, config.organisation_file, root, meta.language)[0]
    if meta.review_due and meta.review_due[:7] < dt.date.today().strftime("%Y-%m"):
        warnings.append(Warning_(Location(shown, line_of(text, "review_due:")), f"this factsheet was due for review in {m.display_month(meta.review_due[:7], meta.language)}"))
    blocks = parse_blocks(body, shown, first_line, config.extensions)
    for block in blocks:
        if isinstance(block, m.Heading) and block.level == 1:
            raise SourceError(Location(shown, block.line), "the title comes from the front matter: start sections with ## (a level-2 heading)")
    warnings += check_links_and_images(blocks, path, config, shown, text, first_line)
    blocks, used = resolve_terms(blocks, glossary, shown, body, first_line)
    document = m.Document(meta, compose(blocks, glossary, used, meta.language), organisation, tuple(used))
    return document, text, warnings


def front_matter_options(front: dict, shown: str, text: str) -> dict:
    """A factsheet's own writer options (`pdf:`, `audio:`...), checked as mkdocs.yml's are."""
    from .options import check_options
    from .writers import registry

    options = {}
    for name, writer in registry().items():
        if name in front:
            def locate(option, name=name):
                return Location(shown, (line_of(text, f"{option}:") if option else None) or line_of(text, f"{name}:"))

            options[name] = check_options(writer, front[name], locate)
    return options


def _walk_inlines(blocks):
    for block in blocks:
        for name in ("children",):
            yield from _inlines(getattr(block, name, ()))
        if isinstance(block, m.Figure):
            yield block.image
        for inner in getattr(block, "blocks", ()):
            yield from _walk_inlines([inner])
        for item in getattr(block, "items", ()):
            yield from _walk_inlines(item.blocks)
        if isinstance(block, m.Table):
            for cell in block.header:
                yield from _inlines(cell)
            for row in block.rows:
                for cell in row:
                    yield from _inlines(cell)


def _inlines(nodes):
    for node in nodes:
        yield node
        yield from _inlines(getattr(node, "children", ()))


def check_links_and_images(blocks, path: Path, config: Config, shown: str, text: str, first_line: int) -> list[Warning_]:
    """A link to a missing page is an error; a picture must be a file in docs/; no alt text is a warning."""
    warnings = []
    docs = config.docs_dir.resolve()
    for node in _walk_inlines(blocks):
        if isinstance(node, m.Link):
            parts = urlsplit(node.url)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = (path.parent / unquote(parts.path)).resolve()
            if not target.exists() or not target.is_relative_to(docs):
                line = line_of(text, "(" + node.url, 1) or line_of(text, node.url, 1)
                raise SourceError(Location(shown, line), f"the link to '{node.url}' goes to a page that does not exist")
        elif isinstance(node, m.Image):
            line = node.line or line_of(text, node.src, 1)
            if not node.alt.strip():
                warnings.append(Warning_(Location(shown, line), f"the image '{node.src}' has no alt text: describe it in the [brackets] for people who cannot see it"))
            check_picture(node.src, path, config, shown, line)
    return warnings


def check_picture(src: str, page: Path, config: Config, shown: str, line: int | None) -> None:
    """A picture is a file in docs/ (the site publishes only what is there), never a link elsewhere."""
    where = unquote(urlsplit(src).path)
    if not where or where.startswith("/"):
        raise SourceError(Location(shown, line), f"the picture '{src}' must be named relative to this page, like images/map.png, and be in the docs/ folder")
    full = page.parent / where
    if not full.exists() and not full.is_symlink():
        raise SourceError(Location(shown, line), f"the image '{src}' does not exist")
    real = inside_project(full, config.root, shown, line)
    if not real.is_relative_to(config.docs_dir.resolve()) or not real.is_file():
        raise SourceError(Location(shown, line), f"the picture '{src}' is not a file in the docs/ folder: move it there, so that the website can show it")
