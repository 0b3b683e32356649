"""The organisation's details, written once in organisation.yml and rendered by every format."""

from __future__ import annotations

from pathlib import Path

from .errors import Location, SourceError, line_of
from .model import Organisation, Partner
from .sources import load_yaml, read_text

REQUIRED = ("name", "description", "email", "website", "disclaimer", "alternative_formats")


def load_organisation(path: Path, root: Path) -> tuple[Organisation, str]:
    """The organisation and the file's text (for cache keys)."""
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if not path.exists():
        raise SourceError(Location(shown), "the organisation's details are missing: create this file (see README.md)")
    text = read_text(path, shown)
    data = load_yaml(text, shown)
    if not isinstance(data, dict):
        raise SourceError(Location(shown, 1), "this file must be a list of 'name: value' lines")
    for key in REQUIRED:
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise SourceError(Location(shown, line_of(text, key + ":") or 1), f"'{key}' is missing or empty")
    advice = data.get("advice_line") or {}
    if not isinstance(advice, dict) or not advice.get("number"):
        raise SourceError(Location(shown, line_of(text, "advice_line") or 1), "'advice_line' needs a 'number' (and 'hours')")
    partners = []
    for item in data.get("partners") or []:
        if not isinstance(item, dict) or not item.get("name"):
            raise SourceError(Location(shown, line_of(text, "partners") or 1), "each partner needs a 'name'")
        partners.append(Partner(str(item["name"]), item.get("strapline")))
    organisation = Organisation(
        name=data["name"].strip(),
        description=data["description"].strip(),
        advice_line=str(advice["number"]),
        advice_hours=str(advice.get("hours", "")),
        text=str(data["text"]) if data.get("text") else None,
        email=data["email"].strip(),
        website=data["website"].strip(),
        facebook=data.get("facebook"),
        partners=tuple(partners),
        collaboration=data.get("collaboration"),
        disclaimer=data["disclaimer"].strip(),
        alternative_formats=data["alternative_formats"].strip(),
        series=str(data.get("series") or data["name"]),
    )
    return organisation, text


def display_address(url: str) -> str:
    """A web address as people write it: no http://, no trailing slash."""
    for prefix in ("https://", "http://"):
        if url.startswith(prefix):
            url = url[len(prefix):]
    return url.rstrip("/")
