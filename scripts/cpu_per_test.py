"""A pytest plugin: the processor time each test cost the whole machine, by test and by module.

pytest's --durations gives wall time, which a shared machine stretches, and which leaves out
what a test's processes (the build's workers, Chromium, the JVM) spend on the second core. This
counts the machine's busy time (/proc/stat, every core) from a test's setup to its teardown,
so run it serially (no -n) on a machine doing nothing else:

    PYTHONPATH=scripts .venv/bin/python -m pytest -p cpu_per_test -m "engines or browser or hostile"

It prints the modules and the tests that cost most, and writes every test's figures to
cpu-per-test.json (or the file CPU_PER_TEST names). A session fixture (a build shared by a
module's tests) is counted in the first test that asks for it.
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from collections.abc import Generator
from typing import Any

import pytest

TICKS = os.sysconf("SC_CLK_TCK")
SHOWN = 25


def busy_seconds() -> float:
    """Seconds of processor time the machine has spent, all cores, since it started."""
    with open("/proc/stat", encoding="ascii") as stat:
        fields = [int(v) for v in stat.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle and waiting for the disk
    return (sum(fields) - idle) / TICKS


_rows: list[tuple[str, float, float]] = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, Any, None]:
    busy, started = busy_seconds(), time.monotonic()
    yield
    _rows.append((item.nodeid, busy_seconds() - busy, time.monotonic() - started))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _rows:
        return
    modules: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for nodeid, cpu, wall in _rows:
        module = modules[nodeid.split("::")[0]]
        module[0] += cpu
        module[1] += wall
        module[2] += 1
    write = terminalreporter.write_line
    total = sum(cpu for _, cpu, _ in _rows)
    write(f"processor time: {total / 60:.1f} min over {sum(w for _, _, w in _rows) / 60:.1f} min of the tests' own time")
    write("  cpu s   wall s  tests  module")
    for name, (cpu, wall, count) in sorted(modules.items(), key=lambda m: -m[1][0])[:SHOWN]:
        write(f"{cpu:7.1f} {wall:8.1f} {count:6.0f}  {name}")
    write("  cpu s   wall s  test")
    for nodeid, cpu, wall in sorted(_rows, key=lambda r: -r[1])[:SHOWN]:
        write(f"{cpu:7.1f} {wall:8.1f}  {nodeid}")
    with open(os.environ.get("CPU_PER_TEST", "cpu-per-test.json"), "w", encoding="utf-8") as out:
        json.dump([{"test": n, "cpu": round(c, 2), "wall": round(w, 2)} for n, c, w in _rows], out, indent=0)
