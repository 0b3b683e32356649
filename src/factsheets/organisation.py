"""The organisation's details, written once in organisation.yml and rendered by every format."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import yaml

from .errors import Location, SourceError
from .model import Organisation, Partner
from .sources import read_text
from .urls import url_problem
from .yaml_schema import Either, Group, ListOf, Only, Text
from .yaml_schema import read as read_yaml

WEB_ADDRESS = re.compile(r"https?://[^/\s]", re.I)
EMAIL = re.compile(r"[^@\s<>\"'(),;:\\]+@[^@\s<>\"'(),;:\\]+\.[^@\s<>\"'(),;:\\]+")


def web_address_problem(value: str) -> str | None:
    problem = url_problem(value)
    if problem is None and not WEB_ADDRESS.match(value):
        problem = "it must be a web address starting with https:// or http://"
    return problem


def email_problem(value: str) -> str | None:
    return None if EMAIL.fullmatch(value) else "'email' must be one email address, like name@example.org.uk"


# Every format escapes what it shows, so markup here is only text (markup=True); what matters is
# that a one-line detail stays on one line: it goes into M3U8 and WebVTT lines, and ID3 tags.
ONE_LINE = Text(markup=True, one_line=True, numbers=True, empty=True)
NEEDED = Text(markup=True, blank=False)
PARTNER = Group({"name": Text(markup=True, one_line=True, numbers=True, blank=False), "strapline": ONE_LINE}, required=("name",),
                what="a list of '- name: ...' lines, one a partner (with 'strapline: ...' under it, if it has one)")
ORGANISATION = Group({
    "name": Text(markup=True, one_line=True, blank=False, what="the organisation's name"),
    "description": NEEDED,
    "advice_line": Group({"number": Text(markup=True, one_line=True, numbers=True, blank=False, what="phone number"),
                          "hours": ONE_LINE}, required=("number",)),
    "text": ONE_LINE,
    "email": Text(markup=True, one_line=True, blank=False, what="email address", rule=email_problem),
    "website": Text(markup=True, one_line=True, blank=False, what="web address", rule=web_address_problem),
    "facebook": Text(markup=True, one_line=True, empty=True, what="web address", rule=web_address_problem),
    "partners": Either(((yaml.SequenceNode, ListOf(PARTNER)),
                        (yaml.ScalarNode, Only("", "give each partner on a '- name: ...' line, or leave 'partners' out"))),
                       what="a list of partners, each on a '- name: ...' line"),
    "collaboration": Text(markup=True, empty=True),
    "disclaimer": NEEDED,
    "alternative_formats": NEEDED,
    "series": ONE_LINE,
}, required=("name", "description", "advice_line", "email", "website", "disclaimer", "alternative_formats"),
   unknown_why="is not one of the organisation's details")

# What a translation (organisation.<language>.yml) may give: words, never numbers or addresses,
# which stay the same in every language.
TRANSLATABLE = ("name", "description", "advice_hours", "disclaimer", "alternative_formats", "collaboration", "series")
TRANSLATION = Group({key: Text(markup=True, one_line=key in ("name", "advice_hours", "series"), blank=False) for key in TRANSLATABLE},
                    unknown_why="cannot be translated here (numbers and addresses come from the English file)")


def load_organisation(path: Path, root: Path) -> tuple[Organisation, str]:
    """The organisation and the file's text (for cache keys). Every value is checked on the
    file's node tree (yaml_schema), so an error names the line of the value at fault."""
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if not path.exists() and not path.is_symlink():
        raise SourceError(Location(shown), "the organisation's details are missing: create this file (see README.md)")
    text = read_text(path, shown, root)
    data = read_yaml(text, shown, ORGANISATION)
    if not isinstance(data, dict):
        raise SourceError(Location(shown, 1), "this file must be a list of 'name: value' lines")
    advice = data["advice_line"]
    partners = [Partner(str(item["name"]).strip(), _text(item.get("strapline"))) for item in data.get("partners") or []]
    organisation = Organisation(
        name=data["name"].strip(),
        description=data["description"].strip(),
        advice_line=str(advice["number"]).strip(),
        advice_hours=_text(advice.get("hours")) or "",
        text=_text(data.get("text")),
        email=data["email"].strip(),
        website=data["website"].strip(),
        facebook=_text(data.get("facebook")),
        partners=tuple(partners),
        collaboration=data.get("collaboration"),
        disclaimer=data["disclaimer"].strip(),
        alternative_formats=data["alternative_formats"].strip(),
        series=_text(data.get("series")) or data["name"].strip(),
    )
    return organisation, text


def _text(value: object) -> str | None:
    """An optional one-line detail as text; None when it is left out or empty."""
    return (str(value).strip() or None) if value is not None else None


def translated_organisation(english: Organisation, path: Path, root: Path, language: str) -> tuple[Organisation, str]:
    """The organisation in `language`: organisation.<language>.yml beside the English file, if
    there is one, with its words; every detail it does not give stays English and is listed in
    `english` so that writers mark it English. The text is for cache keys."""
    translated = path.with_name(f"{path.stem}.{language}{path.suffix}")
    if not translated.exists() and not translated.is_symlink():
        return replace(english, english=TRANSLATABLE), ""
    shown = translated.relative_to(root).as_posix() if translated.is_relative_to(root) else str(translated)
    text = read_text(translated, shown, root)
    data = read_yaml(text, shown, TRANSLATION) or {}
    if not isinstance(data, dict):
        raise SourceError(Location(shown, 1), "this file must be a list of 'name: value' lines")
    words = {k: v.strip() for k, v in data.items()}
    return replace(english, **words, language=language, english=tuple(k for k in TRANSLATABLE if k not in words)), text


def display_address(url: str) -> str:
    """A web address as people write it: no http://, no trailing slash."""
    for prefix in ("https://", "http://"):
        if url.startswith(prefix):
            url = url[len(prefix):]
    return url.rstrip("/")
