#!/usr/bin/env python3
"""Measures the build in one run and prints one table, with the ratios the targets name.

    .venv/bin/python scripts/benchmark.py [--factsheets 50] [--only build|check]

1. a cold build of the project (every format of every factsheet): the median of 5,
   3 before the collection's builds and 2 after;
2. a rebuild with nothing changed: the median of 3;
3. a collection of N factsheets generated from the SEND factsheet: its cold
   build, then a rebuild after editing one of them (cache warm); and a cold
   build of N/5, to tell the growth from the fixed cost of a build;
4. the raw engines alone on the same content, one after another (the run of 3 with the
   median sum), with the settings the build uses (like for like): espeak-ng -w on the speech script
   at the build's voice and rate, LAME on that audio at the build's quality, bit
   rate and mono (-q 5 -m m -b 64, from writers/audio/mp3.py), WeasyPrint's
   command line on the print HTML, lou_translate on the braille text, and
   mkdocs build;
5. the peak memory of the build (all its processes together, RSS and PSS): of a cold build
   of its own for one factsheet (sampling every 50 ms slows a build by a tenth: the timed
   builds are not sampled), and of the collection's cold build, sampled twice a second.

and of `factsheets check` (--only check runs this part alone, in a few minutes with
--factsheets 0):

6. a cold check of the project (all its factsheets, every format, the site in the browser;
   no result kept from an earlier check), then a check with nothing changed (median of 3),
   then a check after one factsheet is edited and built again;
7. the cold check of a collection of N factsheets and of N/5, for the growth.

Everything runs in a temporary folder; the project itself is not touched.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PROJECT_FILES = ("mkdocs.yml", "organisation.yml", "docs", "glossary")
SEND = "what-if-i-do-not-agree"
COLD_RUNS_BEFORE, COLD_RUNS_AFTER = 3, 2  # cold builds of the project, before and after the collection's


def copy_project(dest: Path, whole: bool = False) -> Path:
    dest.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, dest / name)
    for translated in REPO.glob("organisation.*.yml"):  # a translation's organisation: organisation.cy.yml
        shutil.copy2(translated, dest / translated.name)
    # The SEND factsheet alone, as the raw engines are measured on it: the sample translations
    # beside it in docs/factsheets/ would make the build do six factsheets' work against one.
    # The check's figures are of the whole project (whole=True), as staff run it.
    for page in (dest / "docs/factsheets").glob("*.md"):
        if page.stem != SEND and not whole:
            page.unlink()
    return dest


def tree_memory_kb(pid: int) -> tuple[int, int]:
    """Resident memory of a process and all its descendants, in kB: RSS summed (a page
    shared by several processes counted in each) and PSS summed (shared pages divided among them)."""
    rss = pss = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            rss += int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) if "VmRSS" in status else 0
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            pss += int(re.search(r"^Pss:\s+(\d+)", rollup, re.M).group(1))
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                stack.extend(int(c) for c in children)
        except (OSError, AttributeError):
            continue
    return rss, pss


def timed(command: list[str], cwd: Path, env=None, sample_every: float | None = None) -> tuple[float, tuple[int, int]]:
    """Seconds and, when sampled, peak memory (kB: RSS and PSS of the whole process tree) of a
    command that must succeed. Timings are taken without sampling: reading every process's
    memory (smaps_rollup) every 50 ms cost a cold build 0.27 s on the 2-core machine (3.70 s
    against 3.42 s, four of each), CPU taken from the build's own workers, and none from
    the raw engines, which leave a core idle. So memory is measured in runs of its own."""
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    peak_rss = peak_pss = 0
    while sample_every and process.poll() is None:
        rss, pss = tree_memory_kb(process.pid)
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(sample_every)
    stderr = process.communicate()[1]
    seconds = time.monotonic() - started
    if process.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{stderr}")
    return seconds, (peak_rss, peak_pss)


def build(root: Path, *args: str, sample_every: float | None = None) -> tuple[float, tuple[int, int]]:
    return timed([str(BIN / "factsheets"), "build", "--quiet", *args], root, sample_every=sample_every)


def cold_builds(root: Path, count: int, sample_every: float | None = None) -> list[tuple[float, tuple[int, int]]]:
    runs = []
    for _ in range(count):
        # build/ is a link to the last build in .builds/: both go, or the build would not be cold.
        (root / "build").unlink(missing_ok=True)
        shutil.rmtree(root / ".builds", ignore_errors=True)
        runs.append(build(root, sample_every=sample_every))
    return runs


def make_collection(root: Path, count: int) -> None:
    """count factsheets made from the SEND factsheet, titles and some paragraphs varied."""
    source = (root / "docs/factsheets" / f"{SEND}.md").read_text(encoding="utf-8")
    (root / "docs/factsheets" / f"{SEND}.md").unlink()
    for n in range(1, count + 1):
        text = source.replace("title: What if I do not agree", f"title: Factsheet {n} - what if I do not agree", 1)
        text = text.replace("It might be helpful to ask a friend", f"In case {n}, it might be helpful to ask a friend", 1)
        text = text.replace("The meeting will be arranged within 30 days.", f"The meeting will be arranged within {30 + n % 7} days.", 1)
        (root / "docs/factsheets" / f"factsheet-{n:02d}.md").write_text(text, encoding="utf-8")


def raw_engines(built: Path, work: Path) -> dict[str, float]:
    """The engines alone, on the content the build gave them, one after another."""
    manifest = json.loads((built / "build/manifest.json").read_text())
    entry = next(e for e in manifest["factsheets"] if e["slug"] == SEND)
    files = {k: built / "build" / v for k, v in entry["formats"].items()}
    times: dict[str, float] = {}
    script = files.get("audio_transcript")
    if script:
        wav = work / "speech.wav"
        times["espeak-ng -w (speech script)"], _ = timed(["espeak-ng", "-v", "en-gb", "-s", "160", "-w", str(wav), "-f", str(script)], work)
        # The build's own encoder settings: LAME's default quality (-q 3) would be a slower baseline than the build's.
        from factsheets.writers.audio.mp3 import BIT_RATE, QUALITY

        lame = ["lame", "--quiet", "-q", str(QUALITY), "-m", "m", "-b", str(BIT_RATE), str(wav), str(work / "speech.mp3")]
        times[f"lame -q {QUALITY} -m m -b {BIT_RATE} (encode that audio, as the build does)"], _ = timed(lame, work)
    html = files.get("print_html")
    if html:
        times["weasyprint (print HTML)"], _ = timed([str(BIN / "weasyprint"), "--pdf-variant", "pdf/ua-1", str(html), str(work / "print.pdf")], work)
    text = files.get("braille_text")
    if text:
        # lou_translate reads backslash escapes: double them, as the build's adapter does.
        escaped = work / "braille.txt"
        escaped.write_text(text.read_text(encoding="utf-8").replace("\\", "\\\\"), encoding="utf-8")
        started = time.monotonic()
        with open(escaped, "rb") as handle:
            subprocess.run(["lou_translate", "--forward", "en-us-brf.dis,en-ueb-g2.ctb"], stdin=handle, stdout=subprocess.DEVNULL, check=True)
        times["lou_translate (braille text)"] = time.monotonic() - started
    times["mkdocs build (site)"], _ = timed([str(BIN / "mkdocs"), "build", "-q", "-d", str(work / "site")], built)
    return times


CHECK_CPU: list[float] = []  # the CPU seconds of each check, all its processes: what a busy machine does not change


def check(root: Path, *args: str) -> float:
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = timed([str(BIN / "factsheets"), "check", "--quiet", *args], root)[0]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CHECK_CPU.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return seconds


def cold_check(root: Path) -> float:
    """A check with no result kept from an earlier one (build/.check-results/ removed)."""
    shutil.rmtree(root / "build" / ".check-results", ignore_errors=True)
    return check(root)


def check_figures(tmp: Path, count: int) -> tuple[list[tuple[str, str]], list[tuple[str, float, str]]]:
    """6 and 7: the check's times, cold, with nothing changed and after one edit; and its growth."""
    project = copy_project(tmp / "checked", whole=True)
    build(project)
    cold = cold_check(project)
    agains = [check(project) for _ in range(3)]
    again = statistics.median(agains)
    edited = project / "docs/factsheets" / f"{SEND}.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("It might be helpful to ask a friend", "It may help to ask a friend", 1), encoding="utf-8")
    build(project)
    one_changed = check(project)
    factsheets = len(list((project / "docs/factsheets").glob("*.md")))
    cpu = CHECK_CPU[-5:]  # the cold check's, the three unchanged ones', the one-changed one's
    rows = [(f"6a. cold check of the project ({factsheets} factsheets, every format and the site)", f"{cold:.2f} s (CPU {cpu[0]:.1f} s)"),
            ("6b. check, nothing changed (median of 3)", f"{again:.2f} s ({', '.join(f'{s:.2f}' for s in agains)}; CPU {statistics.median(cpu[1:4]):.2f} s)"),
            ("6c. check after editing and building 1 factsheet", f"{one_changed:.2f} s (CPU {cpu[4]:.1f} s)")]
    ratios = [("cold check / 145 s (the check before results were kept)", cold / 145, "≤ 0.25"),
              ("nothing-changed check / 3 s", again / 3, "< 1"), ("one-changed check / 15 s", one_changed / 15, "< 1")]
    if count:
        fewer_count = max(count // 5, 2)
        checks = {}
        for size in (count, fewer_count):
            collection = copy_project(tmp / f"checked-{size}")
            make_collection(collection, size)
            build(collection)
            checks[size] = cold_check(collection)
        rows += [(f"7a. cold check of {count} factsheets", f"{checks[count]:.2f} s"),
                 (f"7b. cold check of {fewer_count} factsheets", f"{checks[fewer_count]:.2f} s")]
        ratios.append((f"check of {count} / ({count / fewer_count:g} × {fewer_count})", checks[count] / (count / fewer_count * checks[fewer_count]),
                       "about 1: grows linearly"))
    return rows, ratios


def collection_figures(tmp: Path, count: int) -> dict:
    """3a-3c: a collection of count factsheets built cold, then again after one is edited, and a
    collection of a fifth as many built cold, to tell growth from the fixed cost of a build."""
    many = copy_project(tmp / "many")
    make_collection(many, count)
    # Its memory is sampled twice a second: often enough for a peak that lasts as long as a
    # section's recording, seldom enough to cost its time about one per cent.
    cold_many, many_peak = build(many, sample_every=0.5)
    edited = many / "docs/factsheets" / f"factsheet-{(count + 1) // 2:02d}.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Seeking help", "Getting help", 1), encoding="utf-8")
    one_edit, _ = build(many)
    # A third size, to tell growth from the fixed cost of a build (start-up, the site, the last idle core).
    tenth = max(count // 5, 2)
    fewer = copy_project(tmp / "fewer")
    make_collection(fewer, tenth)
    cold_fewer, _ = build(fewer)
    return {"cold": cold_many, "peak": many_peak, "one_edit": one_edit, "tenth": tenth, "cold_fewer": cold_fewer}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factsheets", type=int, default=50, help="size of the generated collection (default 50; 0: none)")
    parser.add_argument("--only", choices=("build", "check"), help="measure only the build (1-5) or only the check (6-7)")
    args = parser.parse_args()
    rows: list[tuple[str, str]] = []
    ratios: list[tuple[str, float, str]] = []
    if args.only != "build":
        with tempfile.TemporaryDirectory(prefix="factsheets-bench-") as tmp:
            rows, ratios = check_figures(Path(tmp), args.factsheets)
    if args.only == "check":
        report(rows, ratios)
        return
    with tempfile.TemporaryDirectory(prefix="factsheets-bench-") as tmp:
        tmp = Path(tmp)
        one = copy_project(tmp / "one")
        # One factsheet's build is short, so the machine's noise is a large share of it (a few
        # tenths of a second, more when the shared machine is busy): the unit the 50 are compared
        # with is the median of several, some before the collection's builds and some after.
        colds = cold_builds(one, COLD_RUNS_BEFORE)
        # A tenth of a second, in which a busy moment of the shared machine is a large share: a median too.
        agains = [build(one)[0] for _ in range(3)]
        again = statistics.median(agains)
        # Three runs of the raw engines, the one with the median sum reported: the sum is the
        # ratio's denominator, and one busy moment would flatter the build.
        runs = sorted((raw_engines(one, tmp) for _ in range(3)), key=lambda times: sum(times.values()))
        engines = runs[1]
        engines_sum = sum(engines.values())

        # The collection (3a-3c), unless --factsheets 0 asks for the project alone.
        collection = {}
        if args.factsheets:
            collection = collection_figures(tmp, args.factsheets)

        colds += cold_builds(one, COLD_RUNS_AFTER)
        cold = statistics.median(seconds for seconds, _ in colds)
        [(_, cold_peak)] = cold_builds(one, 1, sample_every=0.05)  # a cold build of its own, its memory sampled every 50 ms

        rows += [
            (f"1. cold build of the project (1 factsheet, every format; median of {len(colds)})",
             f"{cold:.2f} s ({', '.join(f'{seconds:.2f}' for seconds, _ in colds)})"),
            ("2. rebuild, nothing changed (median of 3)", f"{again:.2f} s ({', '.join(f'{s:.2f}' for s in agains)})"),
        ]
        if collection:
            count, tenth = args.factsheets, collection["tenth"]
            rows += [(f"3a. cold build of {count} factsheets", f"{collection['cold']:.2f} s"),
                     (f"3b. rebuild after editing 1 of {count}", f"{collection['one_edit']:.2f} s"),
                     (f"3c. cold build of {tenth} factsheets", f"{collection['cold_fewer']:.2f} s")]
        rows += [(f"4. {name}", f"{seconds:.2f} s") for name, seconds in engines.items()]
        rows += [
            ("4. raw engines, serial sum (like for like; median of 3)", f"{engines_sum:.2f} s ({', '.join(f'{sum(r.values()):.2f}' for r in runs)})"),
            ("5. peak memory, 1 factsheet (all processes: RSS summed / PSS)", f"{cold_peak[0] / 1024:.0f} MB / {cold_peak[1] / 1024:.0f} MB"),
        ]
        peak = cold_peak[0]
        build_ratios = [
            ("cold build / like-for-like raw engines' serial sum", cold / engines_sum, "≤ 0.6; 0.5 is the limit on 2 cores"),
            ("nothing-changed rebuild / cold build", again / cold, "≤ 0.05"),
        ]
        if collection:
            many_peak = collection["peak"]
            peak = max(peak, many_peak[0])
            rows.append((f"5. peak memory, {count} factsheets (all processes: RSS summed / PSS)", f"{many_peak[0] / 1024:.0f} MB / {many_peak[1] / 1024:.0f} MB"))
            build_ratios += [
                (f"one edit among {count} / (one factsheet + site)", collection["one_edit"] / cold, "≤ 2.0"),
                (f"{count} factsheets / ({count} × one)", collection["cold"] / (count * cold), "0.9–1.1"),
                (f"{count} factsheets / ({count / tenth:g} × {tenth})", collection["cold"] / (count / tenth * collection["cold_fewer"]), "none: shows the growth"),
            ]
        build_ratios.append(("peak memory (RSS summed, the larger build) / 500 MB", peak / 1024 / 500, "≤ 1.0"))
        ratios = build_ratios + ratios
    report(rows, ratios)


def report(rows: list[tuple[str, str]], ratios: list[tuple[str, float, str]]) -> None:
    width = max(len(name) for name, _ in rows + [(r[0], "") for r in ratios])
    print(f"Measured on {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}\n")
    print(f"| {'measure'.ljust(width)} | value |\n|{'-' * (width + 2)}|-------|")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")
    for name, ratio, target in ratios:
        print(f"| {('ratio: ' + name).ljust(width)} | {ratio:.3f} (target {target}) |")


if __name__ == "__main__":
    main()
