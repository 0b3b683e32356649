"""The frozen leaflet's outputs, byte for byte, against the golden files read by eye.

After a deliberate change of output, regenerate them with one command and review the diff:
    .venv/bin/python tests/golden/regenerate.py
    git diff tests/golden/
"""

from __future__ import annotations

import pytest

from golden.regenerate import GOLDEN, LEAFLET_GOLDENS, leaflet_outputs

# Builds the leaflet with every engine: not in the fast tier.
pytestmark = pytest.mark.engines

REGENERATE = "if the change is deliberate, run `.venv/bin/python tests/golden/regenerate.py` and review `git diff tests/golden/`"


@pytest.fixture(scope="module")
def outputs(built_project) -> dict[str, bytes]:
    return leaflet_outputs(built_project)


@pytest.mark.parametrize("name", LEAFLET_GOLDENS.values())
def test_the_leaflet_matches_its_golden_file(outputs, name):
    made, golden = outputs[name], (GOLDEN / name).read_bytes()
    if made != golden:
        # Compared as text so that pytest shows the lines that differ.
        assert made.decode("utf-8").splitlines() == golden.decode("utf-8").splitlines(), REGENERATE
        assert made == golden, f"only the line endings or the byte-order mark differ; {REGENERATE}"


def test_the_goldens_hold_nothing_of_the_machine_or_the_day(outputs):
    # A regeneration with no change of output must change no file.
    for name, made in outputs.items():
        text = made.decode("utf-8")
        assert "/tmp/" not in text and "pytest" not in text, name
