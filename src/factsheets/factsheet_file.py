"""One factsheet file read into a document: its front matter, its text, the shared text it
brings in, its links and glossary terms. Every problem of the file is found in one run, so
staff fix them all before building again; the build then stops with all of them."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from . import model as m
from . import translations, word_habits
from .errors import ErrorList, Location, SourceError, SourceErrorWithText, SourceErrors, Warning_, line_of
from .factsheet_links import check_links_and_images
from .frontmatter import FACTSHEET, FieldCheck, check_front_matter, key_line, mapping
from .glossary import Glossary
from .i18n import canonical_tag, display_month
from .lexicon_setting import check_lexicon
from .options import did_you_mean
from .literal_syntax import literal_warnings
from .organisation import translated_organisation
from .placeholders import organisation_fields
from .reader import parse_blocks
from .shared_text import expand_shared_text
from .sources import body_after_front_matter, read_text, split_front_matter
from .title_line import take_title_line
from .transforms import compose, resolve_terms

if TYPE_CHECKING:
    from .project import Config


def _month(value: object) -> str | None:
    """A checked month or date, as text: 2021-06 or 2021-06-30."""
    return None if value is None else str(value).strip()


def no_title(shown: str) -> SourceError:
    return SourceError(Location(shown, 1), "this factsheet has no title: add 'title: ...' to the front matter between the --- lines, "
                                           "or start the text with a '# Title' line")


def load_factsheet(path: Path, config: Config, organisation: m.Organisation, glossary: Glossary) -> tuple[m.Document, str, list[Warning_]]:
    root = config.root
    shown = path.relative_to(root).as_posix()
    text = read_text(path, shown, root)
    errors = ErrorList()  # every problem of the front matter and of the text, in one run
    front, body, first_line, said = read_front_matter(text, shown, errors)
    readable = said is not None
    title, body = take_title_line(front, body, first_line, shown)
    if title is None:
        if said is not None and "title" not in said:  # front matter that cannot be read may hold the title: its own error says so
            errors.add(no_title(shown))
        title = path.stem  # the text is still read, for its own problems
    if not body.strip():
        errors.add(SourceError(Location(shown, first_line), "this factsheet has no text after its front matter: write the factsheet below the second ---"))
        errors.raise_if_any()
    with errors.collecting():
        check_lexicon(front.get("audio") or {}, root, shown, text)
    if not (said or set()) & {"translation_of", "language", "source_version"}:  # one of them wrong is said already
        with errors.collecting():
            translations.check_file_name(front, path.stem, shown, text)
    if readable:
        with errors.collecting():
            check_required(front, title, text, shown, said or set())
    warnings: list[Warning_] = []
    if readable and not str(front.get("summary") or "").strip():
        warnings.append(Warning_(Location(shown, 1), "the front matter has no 'summary': add one sentence that says what the factsheet is for "
                                                     "(it is shown under the title, and read first in the audio)"))
    options: dict[str, dict[str, Any]] = {}
    with errors.collecting():
        options = front_matter_options(front, shown, text)
    meta = m.Meta(
        slug=path.stem,
        title=title,
        summary=str(front.get("summary") or "").strip(),
        version=str(front.get("version") or ""),
        date=_month(front.get("date")) or "",
        language=canonical_tag(str(front.get("language") or config.language)),  # zh-hans is zh-Hans
        source=shown,
        review_due=_month(front.get("review_due")),
        translation_of=str(front["translation_of"]).strip() if front.get("translation_of") else None,
        source_version=str(front["source_version"]) if "source_version" in front else None,
        sample=bool(front.get("sample")),
        options=options,
    )
    if meta.language != config.language:  # its glossary terms and organisation in its language
        glossary = glossary.for_language(meta.language)
        organisation = translated_organisation(organisation, config.organisation_file, root, meta.language)[0]
    if meta.review_due and meta.review_due[:7] < dt.date.today().strftime("%Y-%m"):
        warnings.append(Warning_(Location(shown, line_of(text, "review_due:")), f"this factsheet was due for review in {display_month(meta.review_due[:7], meta.language)}"))
    blocks: list[m.Block] = []
    used: list[str] = []
    with errors.collecting():
        blocks, used = read_body(body, path, config, shown, text, first_line, organisation, glossary, warnings, meta.language)
    errors.raise_if_any()
    document = m.Document(meta, compose(blocks, glossary, used, meta, organisation), organisation, tuple(used))
    return document, text, warnings


def read_front_matter(text: str, shown: str, errors: ErrorList) -> tuple[dict[str, Any], str, int, set[str] | None]:
    """(the front matter's good settings, the body, its first line, the names whose problem is
    already said: None when the front matter could not be read at all). A problem goes into
    `errors` and the text is still read: a colon in the title and a misspelt placeholder below
    it are both reported by one build."""
    from .writers import registry

    # Beside the factsheet's own fields, a block of options for any writer (checked below).
    schema = {**FACTSHEET, **{name: mapping for name in registry()}}
    try:
        front, body, first_line = split_front_matter(text, shown)
    except SourceError as error:
        errors.add(error)
        body, first_line = body_after_front_matter(text, shown)  # never closed: that error alone
        if error.message.startswith("the YAML is not valid") or "has a colon (:) in it" in error.message:  # not aliases, not depth
            check_names_by_line(text.split("\n")[1:first_line - 2], schema, shown, errors)
        return {}, body, first_line, None
    said = check_front_matter(front, schema, shown, text, "a factsheet", errors)
    kept = {k: v for k, v in front.items() if k not in said}
    written = kept.get("title")
    if "title" in kept and (not isinstance(written, str) or not written.strip()):
        del kept["title"]  # said below as no title, once
    return kept, body, first_line, said


NAME_AT_START = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:")


def check_names_by_line(lines: list[str], schema: Mapping[str, FieldCheck], shown: str, errors: ErrorList) -> None:
    """The names of front matter that YAML cannot read, checked line by line: a misspelt name
    is still found in the same run as the colon that broke the YAML."""
    for number, line in enumerate(lines, start=2):
        match = NAME_AT_START.match(line)
        if match and match.group(1) not in schema:
            name = match.group(1)
            hint = did_you_mean(name, list(schema), f"the names a factsheet can have are: {', '.join(schema)}")
            errors.add(SourceError(Location(shown, number), f"'{name}' is not a setting a factsheet can have: {hint}"))


def read_body(body: str, path: Path, config: Config, shown: str, text: str, first_line: int,
              organisation: m.Organisation, glossary: Glossary, warnings: list[Warning_], language: str) -> tuple[list[m.Block], list[str]]:
    """The factsheet's blocks, with its shared text included; every problem of the text is reported at once,
    a problem in shared text at that file's line."""
    body, origin = expand_shared_text(body, shown, first_line, config.extensions, config.root)
    # The whole file with the shared text in it, so that every line number counts the same lines.
    text = "\n".join(text.split("\n")[: first_line - 1] + [body])
    errors = ErrorList()  # a block's problem, and the links' and terms' of the others, in one run
    try:
        blocks = parse_blocks(body, shown, first_line, config.extensions, organisation_fields(organisation, language), errors)
    except SourceError as error:  # one that stops the reader itself: nesting, size
        raise origin.relocate(error) from None
    for block in blocks:
        if isinstance(block, m.Heading) and block.level == 1:
            errors.add(SourceError(Location(shown, block.line), "only the first line may be a '# Title' heading: start sections with ## (a level-2 heading)"))
    with errors.collecting():
        linked, link_warnings = check_links_and_images(blocks, path, config, shown, text, first_line)
        blocks = list(linked)
        warnings += [Warning_(Location(*origin.place(w.location.line)), w.message) for w in link_warnings]
    warnings += literal_warnings(blocks, shown, body, first_line, config.extensions)
    warnings += [Warning_(Location(*origin.place(w.location.line)), w.message) for w in word_habits.warnings(body, shown, first_line)]
    used: list[str] = []
    with errors.collecting():
        blocks, used = resolve_terms(blocks, glossary, shown, body, first_line)
    if errors.errors:
        raise origin.relocate(SourceErrors(errors.errors))
    return origin.relocate_nodes(blocks), used


# What `factsheets new` writes for staff to replace (scaffold.py): left as it is, it would be published.
SUMMARY_TO_WRITE = "One sentence: who this factsheet is for and what it helps them do."
FIRST_LINE_TO_WRITE = "Write the first paragraph here: what this factsheet is about, in one or two short sentences."


def check_required(front: Mapping[str, object], title: str, text: str, shown: str, said: set[str]) -> None:
    """A factsheet without its version and date would print, braille and say "Version , ."
    under its title: it does not build, and the error shows the lines to paste back in."""
    examples = ErrorList()
    if str(front.get("summary") or "").strip() == SUMMARY_TO_WRITE:
        examples.add(SourceError(Location(shown, key_line(text, "summary")), "write the summary in your own words: one sentence that says what this factsheet is for"))
    if FIRST_LINE_TO_WRITE in text:
        examples.add(SourceError(Location(shown, line_of(text, FIRST_LINE_TO_WRITE)), "this is the example text 'factsheets new' wrote: "
                                                                                    "replace it, and the example section and box below it, with your own text"))
    examples.raise_if_any()
    # A name said to be misspelt ('Date', 'verison') is not said to be missing too.
    misspelt = {close for name in said for close in difflib.get_close_matches(str(name).lower(), ["version", "date"], n=1)}
    missing = [key for key in ("version", "date") if key not in said | misspelt and (key not in front or not str(front[key] or "").strip())]
    if not missing:
        return
    today = dt.date.today().strftime("%Y-%m")
    lines = {"version": "version: 1", "date": f"date: {today}"}
    if text.split("\n", 1)[0].strip() != "---":  # no front matter at all: the whole block
        quoted = title.replace('"', '\\"')
        block = ["---", f'title: "{quoted}"', f'summary: "{SUMMARY_TO_WRITE}"', lines["version"], lines["date"], "---"]
        raise SourceErrorWithText(Location(shown, 1), "this factsheet has no front matter (the lines between --- at its top, "
                                  "which give its title, version and date): paste these lines at the very top, then write "
                                  "the summary in your own words", block)
    words = " or ".join(f"'{key}'" for key in missing)
    these = "this line" if len(missing) == 1 else "these lines"
    raise SourceErrorWithText(Location(shown, key_line(text, "title") if "title" in front else 1),
                              f"the front matter has no {words}, which every format shows under the title: "
                              f"add {these} between the --- lines (the date is the month this version was written)",
                              [lines[key] for key in missing])


def front_matter_options(front: Mapping[str, object], shown: str, text: str) -> dict[str, dict[str, Any]]:
    """A factsheet's own writer options (`pdf:`, `audio:`...), checked as mkdocs.yml's are."""
    from .options import check_options
    from .writers import registry

    options: dict[str, dict[str, Any]] = {}
    for name, writer in registry().items():
        if name in front:
            def locate(option: str | None, name: str = name) -> Location:
                return Location(shown, (line_of(text, f"{option}:") if option else None) or line_of(text, f"{name}:"))

            options[name] = check_options(writer, front[name], locate)
    return options
