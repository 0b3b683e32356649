"""Modules of a few hundred lines (the developer guide's house rule): one that grows past 300
is split by what it does, as validators/audio_files.py was from validators/audio.py."""

from __future__ import annotations

from pathlib import Path

LIMIT = 300
SOURCE = Path(__file__).resolve().parent.parent / "src" / "factsheets"


def test_every_module_of_the_package_is_at_most_300_lines():
    long = {str(path.relative_to(SOURCE)): lines for path in sorted(SOURCE.rglob("*.py"))
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT}
    assert long == {}
