"""The organisation's details, written once in organisation.yml and rendered by every format."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import re

from .errors import Location, SourceError
from .frontmatter import key_line
from .options import did_you_mean
from .model import Organisation, Partner
from .invisible import invisible_problem
from .sources import CONTROL_CHARACTER, describe_control, load_yaml, read_text
from .urls import url_problem

REQUIRED = ("name", "description", "email", "website", "disclaimer", "alternative_formats")
ONE_LINE = ("name", "email", "website", "facebook", "text", "series")
MULTI_LINE = ("description", "disclaimer", "alternative_formats", "collaboration")
KNOWN = (*ONE_LINE, *MULTI_LINE, "advice_line", "partners")
WEB_ADDRESS = re.compile(r"https?://[^/\s]", re.I)
EMAIL = re.compile(r"[^@\s<>\"'(),;:\\]+@[^@\s<>\"'(),;:\\]+\.[^@\s<>\"'(),;:\\]+")


def load_organisation(path: Path, root: Path) -> tuple[Organisation, str]:
    """The organisation and the file's text (for cache keys)."""
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if not path.exists() and not path.is_symlink():
        raise SourceError(Location(shown), "the organisation's details are missing: create this file (see README.md)")
    text = read_text(path, shown, root)
    data = load_yaml(text, shown)
    if not isinstance(data, dict):
        raise SourceError(Location(shown, 1), "this file must be a list of 'name: value' lines")
    check_values(data, shown, text)
    advice = data.get("advice_line") or {}
    partners = [Partner(str(item["name"]).strip(), item.get("strapline")) for item in data.get("partners") or []]
    organisation = Organisation(
        name=data["name"].strip(),
        description=data["description"].strip(),
        advice_line=str(advice["number"]),
        advice_hours=str(advice.get("hours", "")),
        text=str(data["text"]) if data.get("text") else None,
        email=data["email"].strip(),
        website=data["website"].strip(),
        facebook=data["facebook"].strip() if data.get("facebook") else None,
        partners=tuple(partners),
        collaboration=data.get("collaboration"),
        disclaimer=data["disclaimer"].strip(),
        alternative_formats=data["alternative_formats"].strip(),
        series=str(data.get("series") or data["name"]),
    )
    return organisation, text


# What a translation (organisation.<language>.yml) may give: words, never numbers or addresses,
# which stay the same in every language.
TRANSLATABLE = ("name", "description", "advice_hours", "disclaimer", "alternative_formats", "collaboration", "series")


def translated_organisation(english: Organisation, path: Path, root: Path, language: str) -> tuple[Organisation, str]:
    """The organisation in `language`: organisation.<language>.yml beside the English file, if
    there is one, with its words; every detail it does not give stays English and is listed in
    `english` so that writers mark it English. The text is for cache keys."""
    translated = path.with_name(f"{path.stem}.{language}{path.suffix}")
    if not translated.exists() and not translated.is_symlink():
        return replace(english, english=TRANSLATABLE), ""
    shown = translated.relative_to(root).as_posix() if translated.is_relative_to(root) else str(translated)
    text = read_text(translated, shown, root)
    data = load_yaml(text, shown) or {}
    if not isinstance(data, dict):
        raise SourceError(Location(shown, 1), "this file must be a list of 'name: value' lines")
    for key, value in data.items():
        if key not in TRANSLATABLE:
            hint = did_you_mean(str(key), list(TRANSLATABLE), f"a translation can give: {', '.join(TRANSLATABLE)} (numbers and addresses come from the English file)")
            raise SourceError(Location(shown, key_line(text, key)), f"'{key}' cannot be translated here: {hint}")
        problem = text_problem(value, key, one_line=key in ONE_LINE) if isinstance(value, str) and value.strip() else f"'{key}' must be text"
        if problem:
            raise SourceError(Location(shown, key_line(text, key)), problem)
    words = {k: v.strip() for k, v in data.items()}
    return replace(english, **words, language=language, english=tuple(k for k in TRANSLATABLE if k not in words)), text


def check_values(data: dict, shown: str, text: str) -> None:
    """Every name known, every value the right kind: a web address a web address, no markup, no control character."""
    def fail(key, message):
        return SourceError(Location(shown, key_line(text, key)), message)

    for key in data:
        if key not in KNOWN:
            hint = did_you_mean(str(key), list(KNOWN), f"the names this file can have are: {', '.join(KNOWN)}")
            raise fail(key, f"'{key}' is not one of the organisation's details: {hint}")
    for key in REQUIRED:
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise fail(key if key in data else "name", f"'{key}' is missing or empty")
    advice = data.get("advice_line")
    if not isinstance(advice, dict) or not advice.get("number") or set(advice) - {"number", "hours"}:
        raise fail("advice_line", "'advice_line' needs a 'number' (and 'hours'), and nothing else")
    partners = data.get("partners") or []
    if not isinstance(partners, list) or not all(isinstance(p, dict) and p.get("name") and set(p) <= {"name", "strapline"} for p in partners):
        raise fail("partners", "each partner needs a 'name' (and may have a 'strapline')")
    values = [(k, data.get(k)) for k in ONE_LINE] + [("number", advice["number"]), ("hours", advice.get("hours"))]
    values += [("name", p["name"]) for p in partners] + [("strapline", p.get("strapline")) for p in partners]
    for key, value in values:
        if value is not None and (not isinstance(value, (str, int, float)) or isinstance(value, bool)):
            raise fail(key, f"'{key}' must be text")
        problem = text_problem(str(value), key, one_line=True) if value is not None else None
        if problem:
            raise fail(key, problem)
    for key in MULTI_LINE:
        if data.get(key) is not None:
            problem = text_problem(data[key], key, one_line=False) if isinstance(data[key], str) else f"'{key}' must be text"
            if problem:
                raise fail(key, problem)
    for key in ("website", "facebook"):
        value = data.get(key)
        if value is None:
            continue
        problem = url_problem(value) if isinstance(value, str) else f"'{key}' must be a web address"
        if problem is None and not WEB_ADDRESS.match(value.strip()):
            problem = f"'{key}' must be a web address starting with https:// or http://"
        if problem:
            raise fail(key, problem)
    if not EMAIL.fullmatch(data["email"].strip()):
        raise fail("email", "'email' must be one email address, like name@example.org.uk")


def text_problem(value: str, key: str, one_line: bool) -> str | None:
    match = CONTROL_CHARACTER.search(value)
    if match:
        return f"'{key}' holds {describe_control(match.group())}: remove it"
    found = invisible_problem(value)  # written as an escape ("\u202e"), it is not in the file's text
    if found:
        return f"'{key}' holds {found[1]}"
    if one_line and "\n" in value.strip():
        return f"'{key}' must be on one line: remove the line break"
    return None


def display_address(url: str) -> str:
    """A web address as people write it: no http://, no trailing slash."""
    for prefix in ("https://", "http://"):
        if url.startswith(prefix):
            url = url[len(prefix):]
    return url.rstrip("/")
