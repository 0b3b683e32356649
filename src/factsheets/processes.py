"""Worker processes: a fresh one for every job, forked from a server that has imported
the writers once, each with a time limit, and none outliving the build.

A fresh process a job means memory does not build up from job to job, and no
engine's state carries over: espeak-ng's would change the sound of the next
section it says in the same process.

Workers die with the build. When the build process dies, even by SIGKILL, the
fork server sees the other end of its "alive" pipe close and exits; each worker
has asked the kernel (prctl PR_SET_PDEATHSIG) for SIGKILL when its parent, the
fork server, exits. A worker that runs past its time limit is killed by the build.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing import connection, forkserver
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

# One BLAS thread a process. The build's parallelism is its own processes, one a core; numpy's
# OpenBLAS would start a thread a core in each of them as well, and on a machine whose cores are
# busy those threads spin waiting for one another: the audio's levelling (sums of squares by
# np.dot) took 2-4 s a section instead of 0.1 s, measured on the 2-core development machine.
# Set before numpy is first imported, here or in the fork server, which reads the environment
# when it starts.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def start_server() -> None:
    """Starts the server the workers are forked from; call it as soon as there is work,
    so that its start-up overlaps whatever comes before the first job."""
    # "__main__": the command's own script, which every worker would otherwise import again;
    # fork_server: everything else the workers need, read there (the writers' registry too).
    multiprocessing.get_context("forkserver").set_forkserver_preload(["__main__", "factsheets.fork_server"])
    # The server loads its modules before it ignores Ctrl+C itself: it starts with Ctrl+C ignored
    # (a process inherits that through exec), so Ctrl+C in its first half second is no traceback
    # from it. Its workers inherit it too: on Ctrl+C the build ends them (run_calls), and they
    # end with their server.
    if threading.current_thread() is not threading.main_thread():
        forkserver.ensure_running()
        return
    # Blocked as well as ignored here: Linux keeps a blocked signal pending even while it is
    # ignored, so a Ctrl+C meanwhile still reaches this process once its handler is back.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def die_with_parent() -> None:
    """This worker gets SIGKILL when its parent, the fork server, exits (Linux); at once if it
    already has. The server exits when no process holds the other end of its "alive" pipe:
    multiprocessing hands that end to every worker too, so a worker lets go of it here, or
    a hung worker would keep the server, and so itself, alive after the build died."""
    # The server's end of the pipe is private to multiprocessing (typeshed does not describe it): read
    # by name, and left alone by a Python that has none.
    server = forkserver._forkserver
    alive = getattr(server, "_forkserver_alive_fd", None)
    if alive is not None:
        try:
            os.close(alive)
        except OSError:
            pass
        setattr(server, "_forkserver_alive_fd", None)  # noqa: B010 (the private name above)
    parent = os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the time limits still bound every job
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


class WorkerDied(Exception):
    """The worker process ended without an answer: a crash in an engine, or killed."""


class TimedOut(Exception):
    def __init__(self, seconds: float):
        self.seconds = seconds
        super().__init__(f"took longer than {seconds:g} s")


class AlarmAfter:
    """Raises TimedOut in this (main) thread after the given seconds; does nothing in another thread."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.armed = threading.current_thread() is threading.main_thread()

    def __enter__(self) -> None:
        if self.armed:
            self.previous = signal.signal(signal.SIGALRM, self.expire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def expire(self, *_: object) -> None:
        raise TimedOut(self.seconds)

    def __exit__(self, *_: object) -> None:
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)


@dataclass
class Call:
    """A function to run in a fresh worker process, with a time limit in seconds."""

    function: Callable[..., object]
    arguments: tuple[object, ...]
    time_limit: float
    tag: object = None  # the caller's own record of what this is
    began: float = field(default=0.0)
    group: str = ""  # calls of one group share a limit on how many run at once (see run_calls)


# The calls running: the answer's reading end -> (call, its worker process).
Running = dict[Connection, tuple[Call, BaseProcess]]


def available_memory_mb() -> int:
    """Memory the system can give without swapping (Linux's MemAvailable); a large number elsewhere."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 1 << 20


def group_limits(memory_mb: dict[str, int], available: int | None = None) -> dict[str, int]:
    """How many calls of each group may run at once: as many as the free memory holds at
    `memory_mb` each (at least one, so a build still finishes, one at a time)."""
    free = available_memory_mb() if available is None else available
    return {group: max(1, free // max(mb, 1)) for group, mb in memory_mb.items()}


def _next_call(queue: deque[Call], running: Running, limits: dict[str, int]) -> Call | None:
    """The first waiting call whose group is under its limit, taken from the queue."""
    counts: dict[str, int] = {}
    for call, _ in running.values():
        counts[call.group] = counts.get(call.group, 0) + 1
    for index, call in enumerate(queue):
        if call.group not in limits or counts.get(call.group, 0) < limits[call.group]:
            del queue[index]
            return call
    return None


def _child(answer: Connection, function: Callable[..., object], arguments: tuple[object, ...]) -> None:
    die_with_parent()
    try:
        value = function(*arguments)
    except BaseException as error:  # the function itself should answer with its failure
        value = WorkerDied(f"{type(error).__name__}: {error}")
    answer.send(value)
    answer.close()


def run_calls(calls: list[Call], workers: int, settle: Callable[[Call, object], list[Call]], meanwhile: Callable[[], object] | None = None,
              limits: dict[str, int] | None = None) -> None:
    """Runs every call in a fresh process, `workers` at a time, and no more of a group at once
    than `limits` says (memory: see group_limits). settle(call, outcome) gets the
    function's return value, or WorkerDied or TimedOut; it gives back the calls to run next
    (the same call again, calls that waited for this one's outcome), if any.
    meanwhile(), if given, runs once the first workers have started. No worker outlives this."""
    start_server()
    context = multiprocessing.get_context("forkserver")
    queue = deque(calls)
    running: Running = {}
    exiting: list[BaseProcess] = []  # workers that have answered and are ending: waited for at the end
    try:
        while queue or running:
            while queue and len(running) < workers:
                call = _next_call(queue, running, limits or {})
                if call is None:
                    break  # every waiting call's group is at its limit: wait for one to end
                reader, writer = context.Pipe(duplex=False)
                process: BaseProcess = context.Process(target=_child, args=(writer, call.function, call.arguments), daemon=True)
                call.began = time.monotonic()
                try:
                    process.start()
                except (OSError, EOFError) as error:
                    # The new worker died while it was being handed its call (BrokenPipeError from
                    # the fork server's pipe, seen under load), or the server did before it said the
                    # worker's number (EOFError): the call's outcome, never a traceback.
                    writer.close()
                    reader.close()
                    queue.extendleft(reversed(settle(call, WorkerDied(f"the worker died as it started ({type(error).__name__})"))))
                    continue
                writer.close()
                running[reader] = (call, process)
            if meanwhile:
                meanwhile()
                meanwhile = None
            if not running:
                continue  # every call started failed as it started (WorkerDied), and none is left to wait for
            for call, outcome in _next_outcomes(running, exiting):
                # Ahead of the queue: a call that waited for others is on the build's longest
                # path (an EPUB, after every audio section), and short jobs can fill in beside it.
                queue.extendleft(reversed(settle(call, outcome)))
            exiting = [process for process in exiting if process.is_alive()]
    finally:
        for process in exiting:  # they have answered: given a moment to end, then ended
            process.join(5)
            process.kill()
            process.join()
        for reader, (_, process) in running.items():  # an error or an interrupt in this process
            process.kill()
            process.join()
            reader.close()


def _next_outcomes(running: Running, exiting: list[BaseProcess]) -> list[tuple[Call, object]]:
    """Waits for answers, deaths or the first time limit; takes the ended workers out of running.
    A worker that answered goes to `exiting` rather than being waited for here: the next job
    starts while it ends (waiting for each to end held up every next job by tens of ms)."""
    now = time.monotonic()
    first_deadline = min(call.began + call.time_limit for call, _ in running.values())
    waitables: list[Connection | int] = [*running, *(process.sentinel for _, process in running.values())]
    ready = set(connection.wait(waitables, timeout=max(first_deadline - now, 0)))
    now = time.monotonic()
    out: list[tuple[Call, object]] = []
    for reader, (call, process) in list(running.items()):
        outcome: object | None = None
        if reader in ready or process.sentinel in ready:
            try:
                outcome = reader.recv() if reader.poll() else WorkerDied("no answer")
            except (EOFError, OSError):
                outcome = WorkerDied("no answer")
        elif now >= call.began + call.time_limit:
            outcome = TimedOut(call.time_limit)
        if outcome is None:
            continue
        reader.close()
        del running[reader]
        if isinstance(outcome, WorkerDied) or isinstance(outcome, TimedOut) or not process.is_alive():
            process.kill()  # one that hung, at once
            process.join()
        else:
            exiting.append(process)
        out.append((call, outcome))
    return out
