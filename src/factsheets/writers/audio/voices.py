"""A voice for each language: `audio: voices:` in mkdocs.yml, checked.

    plugins:
      - factsheets:
          audio:
            voices:
              en: {engine: piper, model: voices/en_GB-example-medium.onnx}
              cy: {engine: espeak-ng, voice: cy}

A language is named by its whole tag (en-GB) or its first part (en). A language not named
keeps espeak-ng (engines/speech_voices.py). A Piper model is a file the organisation puts in
the project, with its `.onnx.json` beside it: the build reads only those two files and never
downloads a voice. The schema (settings_schema.py) checks the shape with each line; the files
are checked here, when mkdocs.yml is read (with the line) and again when a section is planned
(a factsheet's front matter cannot name a file outside the project either).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ...engines.speech_voices import ENGINES, ESPEAK, VoiceSettings, ESPEAK_VOICE_PATTERN, LANGUAGE_PATTERN, MODEL_PATTERN, PIPER
from ...errors import Location, SourceError
from .lexicon import Lexicon, is_phonemes

LANGUAGE, MODEL, ESPEAK_VOICE = LANGUAGE_PATTERN, MODEL_PATTERN, ESPEAK_VOICE_PATTERN
EXAMPLE = "en: {engine: piper, model: voices/en_GB-example-medium.onnx}"


def entry_problem(language: str, entry: object) -> str | None:
    """What is wrong with one language's voice, or None."""
    if not re.fullmatch(LANGUAGE, str(language)):
        return f"'{language}' is not a language code: write one such as en or cy"
    if not isinstance(entry, dict):
        return f"the voice for '{language}' must be a group such as {{{EXAMPLE.split(': ', 1)[1][1:-1]}}}"
    engine = entry.get("engine")
    if engine not in ENGINES:
        return f"the voice for '{language}' needs 'engine: piper' or 'engine: espeak-ng', not {engine!r}"
    allowed = {"engine", "model"} if engine == PIPER else {"engine", "voice"}
    extra = sorted(set(map(str, entry)) - allowed)
    if extra:
        return f"the {engine} voice for '{language}' takes {' and '.join(sorted(allowed))}, not '{extra[0]}'"
    if engine == PIPER:
        model = entry.get("model")
        if not isinstance(model, str) or not re.fullmatch(MODEL, model):
            return (f"the Piper voice for '{language}' needs 'model:', a .onnx file inside the project such as "
                    "voices/en_GB-example-medium.onnx (with its .onnx.json beside it)")
    elif engine == ESPEAK and "voice" in entry and not re.fullmatch(ESPEAK_VOICE, str(entry["voice"])):
        return f"'{str(entry['voice'])[:40]}' is not a voice's name: write a name such as en-gb or cy"
    return None


def voices_problem(voices: object) -> str | None:
    """The `voices` option's check (mkdocs.yml or a factsheet's front matter)."""
    if not isinstance(voices, dict):
        return f"must be a group of languages, one a line, such as {EXAMPLE}"
    for language, entry in voices.items():
        problem = entry_problem(str(language), entry)
        if problem:
            return problem
    return None


def model_problem(model: str, root: Path) -> str | None:
    """A Piper model must be an ordinary file inside the project, with its .onnx.json beside it."""
    import os

    real_root = Path(os.path.realpath(root))
    for path in (root / model, root / (model + ".json")):
        shown = path.relative_to(root).as_posix()
        if not path.exists():
            return f"the voice file {shown} is not in the project: put the Piper voice's .onnx and .onnx.json there (the build downloads nothing)"
        real = Path(os.path.realpath(path))
        if not real.is_relative_to(real_root):
            return f"the voice file {shown} points outside the project folder: copy the voice's files in instead"
        if not real.is_file():
            return f"the voice file {shown} is not an ordinary file"
    return None


def check_voice_files(audio_block: object, tree: yaml.Node | None, root: Path) -> None:
    """mkdocs.yml's `audio: voices:`: each Piper model's files, with the line that names it
    (from the file's node tree: mkdocs.yml has been checked against its schema)."""
    from ...yaml_schema import line_at

    if not isinstance(audio_block, dict) or not isinstance(audio_block.get("voices"), dict):
        return
    for language, entry in audio_block["voices"].items():
        if isinstance(entry, dict) and entry.get("engine") == PIPER and isinstance(entry.get("model"), str):
            problem = model_problem(entry["model"], root)
            if problem:
                line = line_at(tree, "plugins", "factsheets", "audio", "voices", str(language), "model")
                raise SourceError(Location("mkdocs.yml", line), f"audio: voices: {language}: {problem}")


def read_by(settings: VoiceSettings) -> str:
    """What a listener is told about the voice (the web page, the MP3's tags)."""
    return f"Read by a synthetic voice ({settings.described()})"


def for_engine(lexicon: Lexicon, engine: str) -> Lexicon:
    """The lexicon as an engine can use it: phoneme entries ([[...]]) are espeak-ng's own
    mnemonics, which Piper's phonemizer does not read; a Piper voice gets the respellings only,
    and says a phoneme entry's word as it is written."""
    if engine == ESPEAK:
        return lexicon
    return Lexicon([entry for entry in lexicon.entries if not is_phonemes(entry.spoken)])
