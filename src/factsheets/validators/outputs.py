"""The validators as `factsheets check` calls them, one signature for every output.

A writer names the function that checks each of its outputs (OutputKind.check,
"module:function"); check/factsheet.py calls it as
`check(path, document, entry, build_dir, options) -> list[Finding]`, where path is
the output's file, entry the factsheet's manifest entry and options the writer's.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import Finding

if TYPE_CHECKING:
    from .. import model as m
    from ..manifest_entry import ManifestEntry


def large_print_pdf(path: Path, document: m.Document, entry: ManifestEntry, build_dir: Path, options: dict[str, Any]) -> list[Finding]:
    from .pdf import check_entry

    return check_entry(path, document, entry)


def brf(path: Path, document: m.Document, entry: ManifestEntry, build_dir: Path, options: dict[str, Any]) -> list[Finding]:
    from .braille import check_entry

    return check_entry(build_dir, entry)


def audio_mp3(path: Path, document: m.Document, entry: ManifestEntry, build_dir: Path, options: dict[str, Any]) -> list[Finding]:
    from .audio import check_entry

    return check_entry(path, document, entry, build_dir, int(options.get("rate") or 160))


def audio_chapters(path: Path, document: m.Document, entry: ManifestEntry, build_dir: Path, options: dict[str, Any]) -> list[Finding]:
    from .audio_files import check_chapters_file

    mp3 = entry["formats"].get("audio_mp3")
    return check_chapters_file(path, build_dir / mp3) if mp3 else []


def audio_playlist(path: Path, document: m.Document, entry: ManifestEntry, build_dir: Path, options: dict[str, Any]) -> list[Finding]:
    from .audio_files import check_playlist

    return check_playlist(path, entry)
