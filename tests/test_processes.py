"""Worker processes (processes.py): the order calls run in, and what the fork server has
loaded before it forks a worker."""

import gc
import sys
import time

import pytest

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


# Under load the fork server's pipe broke as a new worker was started after one died: the build
# got a BrokenPipeError traceback instead of a WorkerDied for that job. EOFError is what the
# start raises when the server is gone before it says the new worker's process id.
@pytest.mark.parametrize("broken", [BrokenPipeError(32, "Broken pipe"), EOFError()], ids=["pipe", "server"])
def test_a_worker_that_dies_while_it_is_handed_its_call_is_that_calls_outcome(monkeypatch, broken):
    started_ones = []
    real_start = processes.multiprocessing.get_context("forkserver").Process.start

    def start_or_break(self):
        if not started_ones:
            started_ones.append(self)
            raise broken
        return real_start(self)

    monkeypatch.setattr(processes.multiprocessing.get_context("forkserver").Process, "start", start_or_break)
    outcomes = []
    processes.run_calls([processes.Call(started, ("first",), 60), processes.Call(started, ("second",), 60)], 1,
                        lambda call, outcome: outcomes.append(outcome) or [])
    assert isinstance(outcomes[0], processes.WorkerDied) and "died as it started" in str(outcomes[0])
    assert outcomes[1][0] == "second"


def test_the_last_call_dying_as_it_starts_ends_the_run(monkeypatch):
    # With nothing else running or waiting, there is no answer to wait for: the run ends (a
    # build's last job whose worker died twice as it started raised ValueError from min()).
    def always_break(self):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(processes.multiprocessing.get_context("forkserver").Process, "start", always_break)
    outcomes = []
    processes.run_calls([processes.Call(started, ("only",), 60)], 1, lambda call, outcome: outcomes.append(outcome) or [])
    assert len(outcomes) == 1 and isinstance(outcomes[0], processes.WorkerDied)


def test_no_more_calls_of_a_group_run_at_once_than_its_limit():
    # Piper's sections take about 0.5 GB each: with memory for one, they run one at a time,
    # while the others' calls still run beside them.
    events: list[tuple[str, float]] = []

    def settle(call, outcome):
        events.append((outcome[0], time.monotonic()))
        return []

    calls = [processes.Call(sleep_and_say, (name, 0.25), 60, group=group)
             for name, group in (("piper-1", "piper"), ("piper-2", "piper"), ("espeak", "espeak-ng"))]
    processes.run_calls(calls, 3, settle, limits={"piper": 1})
    ended = dict(events)
    assert ended["espeak"] < ended["piper-2"] and ended["piper-2"] - ended["piper-1"] >= 0.2


def sleep_and_say(name: str, seconds: float) -> tuple[str, float]:
    time.sleep(seconds)
    return name, time.monotonic()


def test_a_groups_limit_is_what_free_memory_holds_and_at_least_one():
    assert processes.group_limits({"piper": 600}, available=2000) == {"piper": 3}
    assert processes.group_limits({"piper": 600}, available=100) == {"piper": 1}
    assert processes.available_memory_mb() > 0
