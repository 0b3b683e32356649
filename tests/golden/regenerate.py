"""Writes the golden files again, from the frozen fixtures, after a deliberate change of output.

    .venv/bin/python tests/golden/regenerate.py

Then review the change by eye (`git diff tests/golden/`) before committing it: every line
that changed is a line a reader will get. The goldens hold no dates or paths of the build
machine, so a regeneration with no change of output changes no file.

The leaflet's goldens are built as the tests build them (`factsheets build` in a copy of
tests/fixtures/leaflet/, every format), so they are the files a reader downloads.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent

# A format's output key in the manifest -> its golden file, for the fixture leaflet.
LEAFLET_GOLDENS = {
    "braille_text": "leaflet/braille.txt",
    "brf": "leaflet/braille.brf",
    "audio_transcript": "leaflet/audio-transcript.txt",
    "audio_chapters": "leaflet/chapters.vtt",
    "print_html": "leaflet/print.html",
}
SMALL_BRAILLE = GOLDEN / "small-braille.txt"


def leaflet_outputs(built: Path) -> dict[str, bytes]:
    """The golden files' contents from a built copy of the leaflet: golden path -> bytes."""
    manifest = json.loads((built / "build" / "manifest.json").read_text(encoding="utf-8"))
    (entry,) = manifest["factsheets"]
    return {name: (built / "build" / entry["formats"][key]).read_bytes() for key, name in LEAFLET_GOLDENS.items()}


def small_braille(root: Path, work: Path) -> bytes:
    from factsheets.project import load_project
    from factsheets.writers.braille import BrailleWriter

    output = BrailleWriter().write(load_project(root).documents[0], work, {"project_root": root})
    return output.files["braille_text"].read_bytes()


def main() -> int:
    sys.path.insert(0, str(TESTS))
    from conftest import FIXTURES, copy_project, factsheets

    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        leaflet = copy_project(work / "leaflet")
        result = factsheets(leaflet, "build", "--quiet")
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            return 1
        written = leaflet_outputs(leaflet)
        small = copy_project(work / "small", FIXTURES / "small")
        (work / "out").mkdir()
        written[SMALL_BRAILLE.name] = small_braille(small, work / "out")
        for name, content in written.items():
            target = GOLDEN / name
            target.parent.mkdir(parents=True, exist_ok=True)
            changed = not target.exists() or target.read_bytes() != content
            target.write_bytes(content)
            print(f"{'changed' if changed else 'same   '}  tests/golden/{name}")
    print("Now review the changes by eye: git diff tests/golden/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
