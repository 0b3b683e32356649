"""Applies a hostile case to a copy of a small built project and runs `factsheets build` on it.

A case is data (tests/hostile/cases/*.yml): which files to write, edit, link or
remove, and what the build must answer. The base project is built once; each case
works on its own copy, so a refused case can be checked to leave build/ as it was.

Most cases are refused while the project is read, in a tenth of a second; started as a
command each paid the second a fresh Python takes to load the tool. Those run in this
process through the command's own entry point (cli.main with the same argv, stdout and
stderr captured, an escaping exception written as the traceback it would print). A case
runs as the installed command, in a process of its own, where the process is what is
tested (needs_a_process): one that builds (its workers, then its pages in Chromium), one
that reads a fifo, and the bounds and time classes, which only a memory and a time
limit on a process of their own keep from taking the test session down with them.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

import yaml

CASES = Path(__file__).parent / "cases"
FACTSHEET = "docs/factsheets/short.md"
BUILDS_FOLDER = ".builds"  # where a project's builds are; build/ is a link to the last one
TIME_LIMIT_S = 60
MEMORY_LIMIT_BYTES = 3 * 1024**3  # address space of each process of the build
DEFAULT_FRONT = {
    "title": "title: A short factsheet",
    "summary": "summary: A factsheet small enough to read in full in a test.",
    "version": "version: 1",
    "date": "date: 2024-03",
}
DEFAULT_BODY = "This factsheet tells you about your [[EHC plan]] and the [[Local Offer]].\n\n## What you can do\n\nCall us.\n"


@dataclass
class Outcome:
    returncode: int | None
    stdout: str
    stderr: str
    seconds: float
    build_hash_before: str
    build_hash_after: str
    root: Path
    outside_hash_before: str = ""
    outside_hash_after: str = ""


def load_cases() -> list[dict]:
    cases = []
    for path in sorted(CASES.glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            case["class"] = path.stem
            cases.append(case)
    ids = [c["id"] for c in cases]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"case ids used twice: {duplicates}"
    return cases


def factsheet_text(case: dict) -> str:
    """The default factsheet with the case's front-matter lines (a known name replaces its line) and body."""
    front = dict(DEFAULT_FRONT)
    extra: list[str] = []
    key = None
    for line in as_text(case.get("front") or "").splitlines():
        if line[:1].isspace() and key in front:  # an indented line belongs to the name above it
            front[key] += "\n" + line
            continue
        key = line.split(":", 1)[0].strip()
        if key in front:
            front[key] = line
        else:
            key = None
            extra.append(line)
    for name in case.get("drop_front") or []:
        front.pop(name)
    lines = ["---", *front.values(), *extra, "---", ""]
    return "\n".join(lines) + "\n" + as_text(case.get("body", DEFAULT_BODY))


def as_text(value) -> str:
    """A case's text, or a generated one: {before, repeat, times, after} for a large or deeply nested file."""
    if isinstance(value, dict):
        return value.get("before", "") + value["repeat"] * value["times"] + value.get("after", "")
    return value


def content(value) -> bytes:
    encoding = value.get("encoding", "utf-8") if isinstance(value, dict) else "utf-8"
    return as_text(value).encode(encoding)


def apply_case(case: dict, root: Path, outside: Path) -> None:
    """Writes the case into the project at root; {outside} in a link stands for a folder outside it."""
    for name in case.get("remove") or []:
        path = root / name
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    if "front" in case or "body" in case or "drop_front" in case:
        (root / FACTSHEET).write_text(factsheet_text(case), encoding="utf-8")
    for name, value in (case.get("files") or {}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content(value).replace(b"{outside}", str(outside).encode()))
    for name, edits in (case.get("edit") or {}).items():
        path = root / name
        text = path.read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text, f"{case['id']}: '{old}' is not in {name}"
            text = text.replace(old, new.replace("{outside}", str(outside)), 1)
        path.write_text(text, encoding="utf-8")
    for name, target in (case.get("links") or {}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target.replace("{outside}", str(outside)))
    for name in case.get("fifos") or []:
        os.mkfifo(root / name)


def tree_hash(folder: Path) -> str:
    """A hash of every name, link and byte under folder."""
    digest = hashlib.sha256()
    if not folder.exists():
        return "absent"
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            digest.update(f"L {rel} {os.readlink(path)}\n".encode())
        elif path.is_file():
            digest.update(f"F {rel} ".encode() + file_hash(path) + b"\n")
        else:
            digest.update(f"D {rel}\n".encode())
    return digest.hexdigest()


_FILE_HASHES: dict[tuple, bytes] = {}


def file_hash(path: Path) -> bytes:
    """The file's SHA-256, read once for each file (inode) as long as its size and time of last
    change stay the same: the cases run in this process share the base project's outputs by
    hard links (prepare_case), so one build's files are hashed once, not twice a case. Writing
    to a file changes its time; a build that wrote into a shared output would be hashed again."""
    status = path.stat()
    key = (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)
    if key not in _FILE_HASHES:
        _FILE_HASHES[key] = hashlib.sha256(path.read_bytes()).digest()
    return _FILE_HASHES[key]


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))


def needs_a_process(case: dict) -> bool:
    """Whether the case runs as the installed command in a process of its own (see above)."""
    return bool(case.get("builds") or case.get("fifos") or case["class"] in ("bounds", "time"))


def build_argv(case: dict) -> list[str]:
    return ["build", *(["--format", case["format"]] if case.get("format") else [])]


def prepare_case(case: dict, base: Path, work: Path, link_outputs: bool = False) -> tuple[Path, Path]:
    """The case written into its own copy of the base project; the project and the folder outside it.
    link_outputs: the base's builds (.builds/, 8 MB) are hard links, not copies, for a case the
    build refuses, which must not write to them (the case checks build/ is unchanged); a case
    that builds gets copies, for it may write to its own."""
    root = work / "project"

    def copy(source: str, destination: str) -> None:
        if link_outputs and BUILDS_FOLDER in Path(source).relative_to(base).parts[:1]:
            os.link(source, destination)
        else:
            shutil.copy2(source, destination)

    shutil.copytree(base, root, symlinks=True, copy_function=copy)
    outside = work / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET-OUTSIDE-THE-PROJECT\n")
    (outside / "picture.png").write_bytes((base / "docs" / "picture.png").read_bytes())
    (outside / "folder").mkdir()
    (outside / "folder" / "kept.txt").write_text("A FILE IN A FOLDER OUTSIDE THE PROJECT\n")
    apply_case(case, root, outside)
    return root, outside


def run_case(case: dict, base: Path, work: Path) -> Outcome:
    """The case run as the installed command, within the time and memory limits."""
    root, outside = prepare_case(case, base, work)
    # As the case left it (a case may itself replace build/ or .builds/): the build must not change it.
    build_hash = tree_hash(root / "build")
    outside_hash = tree_hash(outside)
    command = [str(Path(sys.executable).parent / "factsheets"), *build_argv(case)]
    started = time.monotonic()
    # A session of its own, so that a build that hangs is killed with every worker it started.
    process = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="backslashreplace",
                               preexec_fn=_limit_memory, start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=TIME_LIMIT_S)
        returncode = process.returncode
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
        returncode = None
    seconds = time.monotonic() - started
    return Outcome(returncode, stdout, stderr, seconds, build_hash, tree_hash(root / "build"), root, outside_hash, tree_hash(outside))


def run_case_in_process(case: dict, base: Path, work: Path) -> Outcome:
    """The case run through the command's entry point in this process (main thread only: the
    command sets its Ctrl+C handler, and the working folder is the process's)."""
    interrupt_handler = signal.getsignal(signal.SIGINT)  # before the import: cli sets its own
    from factsheets import cli

    root, outside = prepare_case(case, base, work, link_outputs=True)
    build_hash = tree_hash(root / "build")
    outside_hash = tree_hash(outside)
    stdout, stderr = io.StringIO(), io.StringIO()
    started = time.monotonic()
    returncode: int | None
    try:
        with contextlib.chdir(root), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr), _time_limit(TIME_LIMIT_S):
            returncode = cli.main(build_argv(case))
    except _NoAnswer:  # as a process killed at the time limit: no answer
        returncode = None
    except SystemExit as stopped:  # argparse, or sys.exit: the process would end as Python ends it
        if stopped.code is None or isinstance(stopped.code, int):
            returncode = stopped.code or 0
        else:  # sys.exit("a message"): the message on stderr, and 1
            stderr.write(f"{stopped.code}\n")
            returncode = 1
    except KeyboardInterrupt:  # the person running the tests pressed Ctrl+C
        raise
    except BaseException:  # noqa: B036  the command would have printed this and died with code 1
        stderr.write(traceback.format_exc())
        returncode = 1
    finally:
        signal.signal(signal.SIGINT, interrupt_handler)
    seconds = time.monotonic() - started
    return Outcome(returncode, stdout.getvalue(), stderr.getvalue(), seconds, build_hash, tree_hash(root / "build"), root,
                   outside_hash, tree_hash(outside))


class _NoAnswer(BaseException):
    """The case's time limit passed (a BaseException, so that no `except Exception` in the tool stops it)."""


@contextlib.contextmanager
def _time_limit(seconds: float):
    """Ends a case that runs in this process at the time limit a process of its own would have
    had, rather than hanging the test session. (A job the build runs in its own process sets
    its own alarm, and ends this one: a refused case runs none.)"""
    def expire(number, frame):
        raise _NoAnswer()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
