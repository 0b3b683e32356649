"""The last build's manifest as the check reads it: each entry checked for shape, each file for place."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import SourceError
from ..manifest_entry import ManifestEntry
from ..validators import FAILURE, Finding


def load_manifest(build_dir: Path) -> tuple[dict[str, ManifestEntry], list[Finding]]:
    """The manifest's entries by slug, each checked for shape; or a finding that says why there are none."""
    path = build_dir / "manifest.json"
    if not path.exists():
        raise SourceError(str(path), "there is no build to check: run `factsheets build` first")

    def broken(why: str) -> tuple[dict[str, ManifestEntry], list[Finding]]:
        return {}, [Finding(FAILURE, "build", f"build/manifest.json {why}", "Run `factsheets build` again.", "build/manifest.json")]

    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return broken(f"cannot be read: {error}")
    listed = manifest.get("factsheets") if isinstance(manifest, dict) else None
    if not isinstance(listed, list):
        return broken("is not a build's manifest: it has no list of factsheets")
    entries: dict[str, ManifestEntry] = {}
    for entry in listed:
        formats = entry.get("formats") if isinstance(entry, dict) else None
        if not isinstance(formats, dict) or not isinstance(entry.get("slug"), str) or not all(isinstance(v, str) for v in formats.values()):
            return broken(f"has an entry that is not a factsheet's: {str(entry)[:80]}")
        entries[entry["slug"]] = entry
    return entries, []


def usable_files(build_dir: Path, entry: ManifestEntry, source: str) -> tuple[ManifestEntry, list[Finding]]:
    """The entry with only the files that are inside build/ and present; a finding for each other."""
    inside = build_dir.resolve()
    kept = dict(entry["formats"])
    found: list[Finding] = []
    for key, relative in entry["formats"].items():
        path = (build_dir / relative).resolve()
        if not path.is_relative_to(inside):
            found.append(Finding(FAILURE, key, f"the manifest points the {key} file outside build/ ({relative}); it was not read", "Run `factsheets build` again.", source))
        elif not path.is_file() and key != "html":  # a missing page: the site's check says so
            found.append(Finding(FAILURE, key, f"the {key} file {relative} is missing from the last build", "Run `factsheets build` again.", source))
        else:
            continue
        kept.pop(key)
    return {**entry, "formats": kept}, found
