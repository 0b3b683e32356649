"""The names and kinds of value a front matter may hold.

Anything a page's front matter holds can reach the website's templates (MkDocs
passes it on to the theme: `template:` replaces the page, `description:` goes
into a <meta> tag unescaped). So only the names below are allowed; a misspelt
one is an error that suggests the right name, rather than a setting that
silently does nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Hashable, Mapping
from typing import TypeVar

from .errors import ErrorList, Location, SourceError, line_of
from .options import did_you_mean
from .invisible import invisible_problem
from .sources import CONTROL_CHARACTER, describe_control

# A line break or a control character inside a one-line value would forge lines in
# the formats that are made of lines (WebVTT cues, M3U8 tracks) and is never wanted.
ONE_LINE_BREAKS = re.compile(r"[\n\r\u2028\u2029\u0085]")
MONTH = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
LANGUAGE = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")
# 1, 2.1, 3-b: what a translation's source_version is compared with, part by part.
VERSION = re.compile(r"[0-9A-Za-z]{1,10}(?:[.-][0-9A-Za-z]{1,10}){0,4}")


# A name in front matter: YAML may give any key (a number, a date), each refused by name.
Key = TypeVar("Key", bound=Hashable)

# A field's check: the value as YAML read it, and the field's name -> what is wrong with it, or None.
FieldCheck = Callable[[object, str], str | None]

MAX_TEXT = 500  # characters: a title or a summary is a line or two, never a page


def text(value: object, name: str) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return f"'{name}' must be some text"
    if len(value) > MAX_TEXT:
        return f"'{name}' is {len(value)} characters long: keep it under {MAX_TEXT}"
    return _plain(value.strip(), name)


def _plain(value: str, name: str) -> str | None:
    if ONE_LINE_BREAKS.search(value):
        return f"'{name}' must be on one line: remove the line break"
    match = CONTROL_CHARACTER.search(value)
    if match:
        return f"'{name}' holds {describe_control(match.group())}: remove it"
    found = invisible_problem(value)  # written as an escape ("\u202e"), it is not in the file's text
    if found:
        return f"'{name}' holds {found[1]}"
    return None


def version(value: object, name: str) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return f"'{name}' must be a version number like 1 or 2.1"
    written = str(value).strip()
    problem = _plain(written, name)
    if problem:
        return problem
    if not VERSION.fullmatch(written):
        shown = written if len(written) <= 20 else written[:20] + "..."
        return (f"'{name}: {shown}' is not a version number: write numbers (and letters) separated by dots, "
                f"like 1, 2.1 or 3.0.2")
    return None


def month(value: object, name: str) -> str | None:
    match = MONTH.fullmatch(str(value).strip()) if isinstance(value, (str, dt.date)) else None
    if not match:
        return f"'{name}' must be a year and month like 2021-06 (or a date like 2021-06-30)"
    year, number, day = int(match.group(1)), int(match.group(2)), int(match.group(3) or 1)
    try:
        dt.date(year, number, day)
    except ValueError:
        return f"'{name}' is not a real date ({value}): check the month and the day"
    return None


def language(value: object, name: str) -> str | None:
    if not isinstance(value, str) or not LANGUAGE.fullmatch(value.strip()):
        return f"'{name}' must be a language code like en-GB"
    return None


def slug(value: object, name: str) -> str | None:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", value.strip()):
        return f"'{name}' must be the file name of a factsheet, without .md, like what-if-i-do-not-agree"
    return None


def yes_no(value: object, name: str) -> str | None:
    if not isinstance(value, bool):
        return f"'{name}' must be true or false"
    return None


def mapping(value: object, name: str) -> str | None:
    if not isinstance(value, dict):
        return f"'{name}' must be a group of settings, one 'name: value' a line indented under '{name}:'"
    return None


def text_list(value: object, name: str) -> str | None:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(a, str) and a.strip() for a in items):
        return f"'{name}' must be a list of names"
    for item in items:
        problem = _plain(item, name)
        if problem:
            return problem
    return None


def choice_list(*choices: str) -> FieldCheck:
    def check(value: object, name: str) -> str | None:
        if not isinstance(value, list) or not all(isinstance(v, str) and v in choices for v in value):
            return f"'{name}' must be a list of some of: {', '.join(choices)}"
        return None

    return check


FACTSHEET: dict[str, FieldCheck] = {
    "title": text, "summary": text, "version": version, "date": month, "review_due": month,
    "language": language,
    # A translation: the source's slug, the source's version it translates; a sample is marked
    # so (with a note) until a translator has checked it.
    "translation_of": slug, "source_version": version, "sample": yes_no, "note": text,
}  # and a block of options named after each writer: see project.py
GLOSSARY: dict[str, FieldCheck] = {"term": text, "aliases": text_list, "spoken": text}
PAGE: dict[str, FieldCheck] = {"title": text, "hide": choice_list("navigation", "toc", "footer", "path", "tags", "feedback")}


def key_line(source: str, key: str, first_line: int = 1) -> int:
    """The line of `key:` in a file's text (front matter keys start a line)."""
    match = re.search(rf"^[ \t]*['\"]?{re.escape(str(key))}['\"]?[ \t]*:", source, re.M)
    if match:
        return first_line + source.count("\n", 0, match.start())
    return line_of(source, str(key), first_line) or first_line


def check_front_matter(front: Mapping[Key, object], schema: Mapping[str, FieldCheck], shown: str, source: str, what: str,
                       errors: ErrorList | None = None) -> set[Key]:
    """Refuses unknown names (with a did-you-mean) and values of the wrong kind, with their line.
    With `errors`, every one is kept there instead, and the names at fault are returned."""
    bad: set[Key] = set()
    for key, value in front.items():
        check = schema.get(key) if isinstance(key, str) else None
        if check is None:
            hint = did_you_mean(str(key), list(schema), f"the names {what} can have are: {', '.join(schema)}")
            problem: str | None = f"'{key}' is not a setting {what} can have: {hint}"
        else:
            problem = check(value, str(key))
        if problem:
            error = SourceError(Location(shown, key_line(source, str(key))), problem)
            if errors is None:
                raise error
            errors.add(error)
            bad.add(key)
    return bad
