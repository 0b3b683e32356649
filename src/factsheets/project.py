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

from . import model as m
from .anchors import check_anchors
from .errors import ErrorList, Location, SourceError, SourceErrorWithText, SourceErrors, Warning_, line_of
from .glossary import Glossary, load_glossary
from .organisation import load_organisation, translated_organisation
from .literal_syntax import literal_warnings
from .reader import parse_blocks
from .factsheet_links import check_links_and_images
from .frontmatter import FACTSHEET, check_front_matter, key_line, mapping
from .pages import check_docs
from .placeholders import organisation_fields
from .options import check_plugin_options
from .settings import check_plugin_block, check_settings
from .settings_schema import MKDOCS_YML
from .yaml_schema import read as read_yaml
from .sources import inside_project, load_yaml, read_text, split_front_matter
from .shared_text import expand_shared_text
from .title_line import take_title_line
from .transforms import compose, resolve_terms
from . import translations
from .i18n import display_month

from .project_root import CONFIG_FILE, project_root
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
    site_settings: dict  # the whole of mkdocs.yml, checked against settings_schema: what MkDocs is given

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
    root = project_root(start)
    if root is not None:
        return root
    raise SourceError(Location(str(start / CONFIG_FILE)), "no mkdocs.yml here: run this in the project's folder")


def load_config(root: Path) -> Config:
    root = root.resolve()  # every path of the project is then absolute, whatever the caller gave
    path = root / CONFIG_FILE
    text = read_text(path, CONFIG_FILE, root)
    data = read_yaml(text, CONFIG_FILE, MKDOCS_YML)
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
        site_settings=data,
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


def no_title(shown: str) -> SourceError:
    return SourceError(Location(shown, 1), "this factsheet has no title: add 'title: ...' to the front matter between the --- lines, "
                                           "or start the text with a '# Title' line")


def load_factsheet(path: Path, config: Config, organisation: m.Organisation, glossary: Glossary) -> tuple[m.Document, str, list[Warning_]]:
    root = config.root
    shown = path.relative_to(root).as_posix()
    text = read_text(path, shown, root)
    front, body, first_line = split_front_matter(text, shown)
    written = front.get("title")
    if "title" in front and (not isinstance(written, str) or not written.strip()):
        raise no_title(shown)
    from .writers import registry

    # Beside the factsheet's own fields, a block of options for any writer (checked below).
    check_front_matter(front, {**FACTSHEET, **{name: mapping for name in registry()}}, shown, text, "a factsheet")
    title, body = take_title_line(front, body, first_line, shown)
    if title is None:
        raise no_title(shown)
    if not body.strip():
        raise SourceError(Location(shown, first_line), "this factsheet has no text after its front matter: write the factsheet below the second ---")
    check_lexicon(front.get("audio") or {}, root, shown, text)
    translations.check_file_name(front, path.stem, shown, text)
    errors = ErrorList()  # the lines to paste back, and every problem of the text below them, in one run
    with errors.collecting():
        check_required(front, title, text, shown)
    warnings: list[Warning_] = []
    if not str(front.get("summary") or "").strip():
        warnings.append(Warning_(Location(shown, 1), "the front matter has no 'summary': add one sentence that says what the factsheet is for "
                                                     "(it is shown under the title, and read first in the audio)"))
    meta = m.Meta(
        slug=path.stem,
        title=title,
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
        warnings.append(Warning_(Location(shown, line_of(text, "review_due:")), f"this factsheet was due for review in {display_month(meta.review_due[:7], meta.language)}"))
    blocks: list[m.Block] = []
    used: list[str] = []
    with errors.collecting():
        blocks, used = read_body(body, path, config, shown, text, first_line, organisation, glossary, warnings)
    errors.raise_if_any()
    document = m.Document(meta, compose(blocks, glossary, used, meta, organisation), organisation, tuple(used))
    return document, text, warnings


def read_body(body: str, path: Path, config: Config, shown: str, text: str, first_line: int,
              organisation: m.Organisation, glossary: Glossary, warnings: list[Warning_]) -> tuple[list[m.Block], list[str]]:
    """The factsheet's blocks, with its shared text included; every problem of the text is reported at once,
    a problem in shared text at that file's line."""
    body, origin = expand_shared_text(body, shown, first_line, config.extensions, config.root)
    # The whole file with the shared text in it, so that every line number counts the same lines.
    text = "\n".join(text.split("\n")[: first_line - 1] + [body])
    errors = ErrorList()
    try:
        blocks = parse_blocks(body, shown, first_line, config.extensions, organisation_fields(organisation))
    except SourceError as error:
        raise origin.relocate(error) from None
    for block in blocks:
        if isinstance(block, m.Heading) and block.level == 1:
            errors.add(SourceError(Location(shown, block.line), "only the first line may be a '# Title' heading: start sections with ## (a level-2 heading)"))
    with errors.collecting():
        linked, link_warnings = check_links_and_images(blocks, path, config, shown, text, first_line)
        blocks = list(linked)
        warnings += [Warning_(Location(*origin.place(w.location.line)), w.message) for w in link_warnings]
    warnings += literal_warnings(blocks, shown, body, first_line, config.extensions)
    used: list[str] = []
    with errors.collecting():
        blocks, used = resolve_terms(blocks, glossary, shown, body, first_line)
    if errors.errors:
        raise origin.relocate(SourceErrors(errors.errors))
    return origin.relocate_nodes(blocks), used


SUMMARY_TO_WRITE = "One sentence that says what this factsheet is for."


def check_required(front: dict, title: str, text: str, shown: str) -> None:
    """A factsheet without its version and date would print, braille and say "Version , ."
    under its title: it does not build, and the error shows the lines to paste back in."""
    if str(front.get("summary") or "").strip() == SUMMARY_TO_WRITE:
        raise SourceError(Location(shown, key_line(text, "summary")), "write the summary in your own words: one sentence that says what this factsheet is for")
    missing = [key for key in ("version", "date") if key not in front or not str(front[key] or "").strip()]
    if not missing:
        return
    today = dt.date.today().strftime("%Y-%m")
    lines = {"version": "version: 1", "date": f"date: {today}"}
    if text.split("\n", 1)[0].strip() != "---":  # no front matter at all: the whole block
        quoted = title.replace('"', '\\"')
        block = ["---", f'title: "{quoted}"', f"summary: {SUMMARY_TO_WRITE}", lines["version"], lines["date"], "---"]
        raise SourceErrorWithText(Location(shown, 1), "this factsheet has no front matter (the lines between --- at its top, "
                                  "which give its title, version and date): paste these lines at the very top, then write "
                                  "the summary in your own words", block)
    words = " or ".join(f"'{key}'" for key in missing)
    these = "this line" if len(missing) == 1 else "these lines"
    raise SourceErrorWithText(Location(shown, key_line(text, "title") if "title" in front else 1),
                              f"the front matter has no {words}, which every format shows under the title: "
                              f"add {these} between the --- lines (the date is the month this version was written)",
                              [lines[key] for key in missing])


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
