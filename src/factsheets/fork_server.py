"""What the fork server imports before it forks the build's workers (see processes.py):
everything a job would otherwise load for itself in its fresh process, loaded once.

- the scheduler's module, whose functions each worker is asked to run;
- the modules each writer names in its `preload` (numpy and pyttsx3 for the audio, lxml
  for the EPUB...), but not WeasyPrint: it would count in every worker's memory, and only
  PDF jobs need it;
- Babel's CLDR data for English: every writer asks for its factsheet's language by name,
  given in English. Read in each job's process it took about 25 ms, 0.2 s of a
  one-factsheet build (cProfile in the workers). Other languages' data is read by the jobs
  that need it.

Then gc.freeze(): the garbage collector leaves all of this alone in the server and in
every worker. Otherwise a worker's first full collection walks every object it was given,
and each page it touches is copied from the server's memory into its own.

The server is started with its preload list (processes.start_server), which names this
module; the registry of writers is read here, in the server, so the build process can
start the server before it has read the registry itself.
"""

import gc
import importlib

from .build import schedule  # noqa: F401  (imported for its side effect: loaded once)
from .i18n import ENGLISH, language, script
from .writers import registry

for _writer in registry().values():
    for _module in _writer.preload:
        try:
            importlib.import_module(_module)
        except Exception:  # noqa: BLE001  a missing package or engine (pyttsx3's driver without libespeak-ng raises
            pass  # RuntimeError): that writer's jobs import it again, and fail there with the reason

language(ENGLISH)
script(ENGLISH)  # Babel's likely subtags, read with it
gc.freeze()
