"""Every command the README and the staff guide show runs, on a built copy of the frozen leaflet.

A command is a line `$ ...` in a code block, or an inline `factsheets ...`, `espeak-ng ...`
or `bash scripts/setup.sh ...`. Staff copy them as they are, so each must work as shown.
"""

from __future__ import annotations

import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.engines

GUIDES = (REPO / "README.md", REPO / "guide/staff-guide.md")
INLINE = re.compile(r"^(?:\.venv/bin/)?factsheets (?:build|check|serve|new)\b|^espeak-ng |^bash scripts/setup\.sh ")


def commands(path: Path) -> list[str]:
    """The commands a guide shows, in order, each once."""
    found, fenced = [], False
    text = path.read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip().startswith("```"):
            fenced = not fenced
        elif fenced and line.strip().startswith("$ "):
            found.append(line.strip()[2:])
        elif fenced and line.startswith("bash scripts/setup.sh "):  # the quick start's, shown bare
            found.append(line.strip())
    found += [span for span in re.findall(r"`([^`\n]+)`", text) if INLINE.match(span)]
    return list(dict.fromkeys(command.removeprefix(".venv/bin/") for command in found))


ALL = list(dict.fromkeys(c for guide in GUIDES for c in commands(guide)))


def test_the_guides_show_the_everyday_commands_and_the_readme_its_two_quick_start_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "```\nbash scripts/setup.sh build\n```" in readme and "```\nbash scripts/setup.sh test\n```" in readme
    assert len(readme.splitlines()) <= 150
    for needed in ("factsheets build", "factsheets check", "factsheets serve", 'factsheets new "Annual reviews"'):
        assert needed in ALL, ALL


@pytest.mark.parametrize("command", [c for c in ALL if c.startswith("bash scripts/setup.sh")])
def test_the_setup_commands_are_modes_the_script_takes(command):
    mode = command.split()[-1]
    modes = re.search(r'case "\$mode" in ([\w|]+)\)', (REPO / "scripts/setup.sh").read_text(encoding="utf-8")).group(1)
    assert mode in modes.split("|")  # not run here: they install packages and run every test


@pytest.mark.parametrize("command", [c for c in ALL if c.startswith("espeak-ng")])
def test_the_espeak_commands_run(command, tmp_path):
    result = subprocess.run(shlex.split(command), cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    if " -x " in command:
        assert "'Ipsi:" in result.stdout  # what the staff guide says it prints


@pytest.fixture
def project(checked_project, tmp_path) -> Path:
    """The leaflet built and checked once: `factsheets check` as shown checks again only what changed."""
    root = tmp_path / "leaflet"
    shutil.copytree(checked_project[0], root, symlinks=True)
    return root


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("command", [c for c in ALL if c.startswith("factsheets ")])
def test_the_factsheets_commands_run_as_shown(command, project):
    args = shlex.split(command)[1:]
    executable = str(Path(sys.executable).parent / "factsheets")
    if args[0] == "serve":
        # Port 8000 may be another program's on a shared machine: the guide's port is swapped for a free one.
        port = _free_port()
        args = [a for i, a in enumerate(args) if a != "--port" and (i == 0 or args[i - 1] != "--port")] + ["--port", str(port)]
        server = subprocess.Popen([executable, *args], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  start_new_session=True)
        try:
            deadline, line = time.monotonic() + 120, ""
            while time.monotonic() < deadline and not line.startswith("Preview:"):
                line = server.stdout.readline() if server.stdout else ""
                if server.poll() is not None and not line:
                    break
            assert line.startswith(f"Preview: http://127.0.0.1:{port}/"), server.stderr.read() if server.poll() is not None else line
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        return
    result = subprocess.run([executable, *args], cwd=project, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, f"{command}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
