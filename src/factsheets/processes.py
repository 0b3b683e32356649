"""Worker processes: a fresh one for every job, forked from a server that has imported
the writers once.

A fresh process a job means memory does not build up from job to job, and no
engine's state carries over: espeak-ng's would change the sound of the next
section it says in the same process.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import forkserver

def preload() -> list[str]:
    """Imported once in the server, not once a job: "__main__" (the command's own script,
    which every worker would otherwise import again) and what each writer asks for. Not
    WeasyPrint: it would count in every worker's memory, and only PDF jobs need it."""
    from .writers import registry

    modules = ["__main__", "factsheets.build.schedule"]
    for writer in registry().values():
        modules += [m for m in writer.preload if m not in modules]
    return modules


def start_server() -> None:
    """Starts the server the workers are forked from; call it as soon as there is work,
    so that its start-up overlaps whatever comes before the first job."""
    multiprocessing.get_context("forkserver").set_forkserver_preload(preload())
    forkserver.ensure_running()


def fresh_process_pool(workers: int) -> ProcessPoolExecutor:
    start_server()
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver"), max_tasks_per_child=1)
