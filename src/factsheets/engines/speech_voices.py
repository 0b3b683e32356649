"""Who reads a factsheet: a speech engine and its voice, per language (mkdocs.yml's `audio: voices:`).

espeak-ng reads every language and is the default; a language may have a Piper voice instead
(engines/piper.py), a model file the organisation supplies. `VoiceSettings` is what a
section's recording is given; its repr is part of the section's cache key.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

DEFAULT_VOICE = "en-gb"  # espeak-ng's British English
DEFAULT_RATE = 160  # words a minute: an unhurried reading pace
# What mkdocs.yml's `voices:` may name (settings_schema.py, writers/audio/voices.py): a language
# code; a Piper model, a .onnx file inside the project (no leading slash, scheme, backslash or
# ".." step); an espeak-ng voice's name (never a path: espeak-ng would open any file named).
LANGUAGE_PATTERN = r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*"
MODEL_PATTERN = r"(?![/\\])(?![a-zA-Z][a-zA-Z0-9+.-]*:)(?!.*(?:^|/)\.\.(?:/|$))[^\s?#<>\"\\]+\.onnx"
ESPEAK_VOICE_PATTERN = r"[A-Za-z0-9][A-Za-z0-9_+-]{0,39}"
ESPEAK_RATE = 22050  # samples a second: what espeak-ng's voices are made at (pyttsx3 writes its WAVs so)

ESPEAK, PIPER = "espeak-ng", "piper"
ENGINES = (ESPEAK, PIPER)


@dataclass(frozen=True)
class VoiceSettings:
    """Who reads: an engine and its voice. Its repr is part of each section's cache key, so a
    change of engine, voice, or of the voice's files (`digest`) records the section again."""

    voice: str = DEFAULT_VOICE  # espeak-ng's voice or language; for Piper, the model's name
    rate: int = DEFAULT_RATE
    engine: str = ESPEAK
    model: str = ""  # Piper: the .onnx file, as mkdocs.yml names it (inside the project)
    digest: str = ""  # Piper: a hash of the model and its .onnx.json
    root: str = field(default="", repr=False, compare=False)  # the project folder (not in the key: a moved project keeps its cache)

    @classmethod
    def from_options(cls, options: Mapping[str, Any], language: str = "en-GB") -> "VoiceSettings":
        """The language's voice in `voices` (mkdocs.yml), else the espeak-ng voice set on
        purpose (the `voice` option), else the language's (espeak_voices.py).

        A set voice that does not speak the factsheet's language gives way to the language's
        own: `voice: en-gb` in mkdocs.yml is the English factsheets' voice, and an Arabic
        translation said by it is every letter's English name ("Arabic letter teh ..."),
        five times as long. Only a language with no voice of its own (Somali) keeps it."""
        from .espeak_voices import speaks, voice_for_language

        tag = language or "en-GB"
        rate = int(options.get("rate") or DEFAULT_RATE)
        configured = configured_voice(options.get("voices"), tag)
        if configured is not None and configured.get("engine") == PIPER:
            root = Path(options.get("project_root") or ".")
            model = str(configured["model"])
            return cls(voice_name(model), rate, PIPER, model, voice_digest(root / model), str(root))
        own = voice_for_language(tag)
        chosen = (configured or {}).get("voice") or options.get("voice")
        if chosen and own and not speaks(str(chosen), tag):
            chosen = None
        voice = str(chosen or own or language or DEFAULT_VOICE).lower()
        return cls(voice, rate)

    def model_file(self) -> Path:
        return Path(self.root or ".") / self.model

    def sample_rate(self) -> int:
        """Samples a second of this voice's audio: a Piper voice's own (its .onnx.json), espeak-ng's 22,050."""
        if self.engine == PIPER:
            return sample_rate(self.model_file())
        return ESPEAK_RATE

    def described(self) -> str:
        """The engine and voice, as a listener is told: "Piper, en_US-joe-medium"."""
        return f"Piper, {self.voice}" if self.engine == PIPER else f"eSpeak NG, {self.voice}"


def configured_voice(voices: object, language: str) -> dict[str, Any] | None:
    """The `voices:` entry for a language: its whole tag (en-GB), else its first part (en)."""
    if not isinstance(voices, dict):
        return None
    by_tag = {str(k).lower(): v for k, v in voices.items()}
    tag = language.lower().replace("_", "-")
    found = by_tag.get(tag) or by_tag.get(tag.split("-")[0])
    return found if isinstance(found, dict) else None


def voice_digest(model: Path) -> str:
    """A hash of a Piper voice's two files ("missing" when absent: the build says so first).
    Remembered while the files' sizes and times are the same: a model is tens of MB, and the
    build asks for a factsheet's voice more than once."""
    files = (model, model.with_name(model.name + ".json"))
    if not all(path.is_file() for path in files):
        return "missing"
    return _digest(tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files))


@functools.cache
def _digest(files: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256()
    for name, _, _ in files:
        with open(name, "rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()[:16]


@dataclass
class Audio:
    """Synthesised speech, from either engine."""

    samples: np.ndarray  # int16, mono
    rate: int  # samples a second


# A Piper voice is two files: <name>.onnx and <name>.onnx.json beside it, which says its sample rate.
def config_path(model: Path) -> Path:
    return model.with_name(model.name + ".json")


def sample_rate(model: Path) -> int:
    """The voice's samples a second, from its .onnx.json (no model is loaded)."""
    return int(json.loads(config_path(model).read_text(encoding="utf-8"))["audio"]["sample_rate"])


def voice_name(model: str) -> str:
    """What the voice is called where a listener is told: the model's file name without .onnx."""
    return Path(model).name.removesuffix(".onnx")
