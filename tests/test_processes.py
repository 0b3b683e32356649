"""Worker processes (processes.py): the order calls run in, and what the fork server has
loaded before it forks a worker."""

import gc
import sys
import time

from factsheets import processes


def started(name: str) -> tuple[str, float]:
    return name, time.monotonic()


def what_the_worker_was_given() -> dict:
    return {"modules": sorted(m for m in ("numpy", "lxml.etree", "pyttsx3.drivers.espeak", "factsheets.build.schedule") if m in sys.modules),
            "frozen": gc.get_freeze_count()}


def test_a_call_that_waited_for_another_runs_before_the_calls_queued_ahead_of_it():
    # An EPUB waits for its audio: when the audio is done the EPUB is on the build's longest path,
    # and goes ahead of the short jobs still queued (they can run beside it).
    order: list[str] = []

    def settle(call, outcome):
        order.append(outcome[0])
        return [processes.Call(started, ("waited",), 60)] if outcome[0] == "first" else []

    calls = [processes.Call(started, (name,), 60) for name in ("first", "second", "third")]
    processes.run_calls(calls, 1, settle)
    assert order == ["first", "waited", "second", "third"]


def test_a_worker_starts_with_the_writers_modules_loaded_and_frozen():
    outcomes = []
    processes.run_calls([processes.Call(what_the_worker_was_given, (), 60)], 1, lambda call, outcome: outcomes.append(outcome) or [])
    [given] = outcomes
    assert given["modules"] == ["factsheets.build.schedule", "lxml.etree", "numpy", "pyttsx3.drivers.espeak"]
    assert given["frozen"] > 10_000  # gc.freeze() in the fork server: a worker's collections leave all that alone
