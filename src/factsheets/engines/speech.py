"""Speech synthesis through pyttsx3, with its measured faults worked around.

pyttsx3 drives espeak-ng on Linux, SAPI5 on Windows and NSSpeechSynthesizer on
macOS through one interface, which is why it is used. Its faults, measured here
with pyttsx3 2.99 and espeak-ng (FORMATS.md):

- `runAndWait()` can return before a long utterance is written: we wait for the
  engine's own "finished-utterance" notification, then for a complete file.
- two `save_to_file` calls queued before one `runAndWait()` write only the last:
  we queue exactly one utterance a call.
- its espeak driver grows one bytes buffer by concatenation (quadratic in the
  length) and prints "Audio saved to ..." on stdout: we give it one paragraph at
  a time and swallow the print.
- no SSML: pauses are made by the caller, as silence between utterances.
- its espeak driver queues the voice, rate and volume, then cancels them (and the
  next utterance) when espeak-ng is still busy; and it takes "en-gb" or "cy" as a
  voice's name, fails, and keeps the English voice: we set all three on espeak-ng
  ourselves, by name or else by language, as the espeak-ng command does.

Sentence timings for read-along come from espeak-ng's word events
(`synthesise_timed`, with the measurements behind it in `espeak_timing`).

`espeak_wav` runs the espeak-ng command itself, which the tests use as the
reference for "the whole utterance was written".
"""

from __future__ import annotations

import contextlib
import ctypes.util
import io
import os
import shutil
import subprocess
import sys
import threading
import time
import wave
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from ..errors import EngineMissing
from .espeak_timing import TimedSynthesis, WordStart
from .speech_voices import DEFAULT_RATE, DEFAULT_VOICE, ENGINES, ESPEAK, ESPEAK_RATE, PIPER, Audio, VoiceSettings  # noqa: F401 (the engines' common names)


APT_PACKAGE = "espeak-ng"
ATTEMPTS = 3
MISSING = (
    f"espeak-ng, the speech engine, is not installed: install the Debian package {APT_PACKAGE} "
    f"(sudo apt-get install {APT_PACKAGE}), or run scripts/setup.sh"
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from .piper import PiperSynthesiser


class Pyttsx3Engine(Protocol):
    """What is used here of a pyttsx3 engine (pyttsx3 has no type information)."""

    proxy: Any  # its driver proxy; `proxy._driver` is the platform's driver, read for espeak-ng's callback

    def connect(self, topic: str, callback: Callable[..., None]) -> object: ...
    def setProperty(self, name: str, value: object) -> None: ...
    def stop(self) -> None: ...
    def save_to_file(self, text: str, filename: str) -> None: ...
    def runAndWait(self) -> None: ...


def synthesiser(settings: VoiceSettings, workdir: Path) -> Synthesiser | PiperSynthesiser:
    """The engine that says with these settings: Piper's or espeak-ng's (through pyttsx3)."""
    if settings.engine == PIPER:
        from .piper import PiperSynthesiser

        return PiperSynthesiser(settings, workdir)
    return Synthesiser(settings, workdir)


def require_engine() -> None:
    """Raises EngineMissing naming the package when the platform's speech engine is absent."""
    if sys.platform.startswith("linux") and not (ctypes.util.find_library("espeak-ng") or ctypes.util.find_library("espeak")):
        raise EngineMissing(MISSING)
    try:
        import pyttsx3  # noqa: F401
    except ImportError as error:
        raise EngineMissing("the Python package pyttsx3 is not installed: run `pip install -e .` in the project's virtual environment") from error


def engine_version() -> str:
    espeak = shutil.which("espeak-ng")
    if not espeak:
        return "espeak-ng missing"
    result = subprocess.run([espeak, "--version"], capture_output=True, text=True)
    return result.stdout.strip()


def read_wav(data: bytes | Path) -> Audio:
    import numpy as np  # here: planning a build reads VoiceSettings, and must not wait for numpy

    with wave.open(io.BytesIO(data) if isinstance(data, bytes) else str(data), "rb") as wav:
        if wav.getsampwidth() != 2:
            raise ValueError("the speech engine wrote a WAV that is not 16-bit")
        frames = wav.readframes(wav.getnframes())
        samples = np.frombuffer(frames, dtype="<i2")
        if wav.getnchannels() > 1:
            samples = samples.reshape(-1, wav.getnchannels()).mean(axis=1).astype(np.int16)
        return Audio(samples.astype(np.int16), wav.getframerate())


class Synthesiser:
    """One pyttsx3 engine for this process (espeak-ng can be initialised only once a process)."""

    _engine: ClassVar[Pyttsx3Engine | None] = None

    def __init__(self, settings: VoiceSettings, workdir: Path):
        # No require_engine() here: a build's planning has called it once, and each section's
        # fresh process would pay for it again (ctypes' find_library runs ldconfig, or gcc); a
        # missing engine still ends as EngineMissing, from pyttsx3.init() in _get_engine.
        self.settings = settings
        self.workdir = workdir
        self._finished = threading.Event()
        self._completed = False
        self.attempts = 0  # utterances tried, retries included
        engine = self.engine = self._get_engine()
        self._espeak = _espeak_library()  # None with another platform's driver
        self.rate = ESPEAK_RATE
        if self._espeak is None:
            engine.setProperty("voice", settings.voice)
            engine.setProperty("rate", settings.rate)
            engine.setProperty("volume", 1.0)
        else:
            self._settle_espeak(self._espeak, settings)

    @staticmethod
    def _settle_espeak(espeak: ModuleType, settings: VoiceSettings) -> None:
        """Sets espeak-ng's voice, rate and volume now, and waits until it has taken them.

        Through pyttsx3 they would wait in its queue until the first runAndWait(), which
        sends them to espeak-ng and at once "stops" espeak-ng if it is still busy with
        them. That stop cancels whatever is in espeak-ng's queue (the rate: a whole section
        spoken at 200 words a minute, about one build in ten under load) and leaves a flag
        in pyttsx3's driver that cancels the next utterance too (about one build in six)."""
        # A voice's name ("gmw/en"), else a language ("en-gb", "cy"), as espeak-ng's -v takes
        # either. (pyttsx3 tries the name only, and ignores the failure: every language was
        # spoken with the default English voice.)
        by_language = espeak.VOICE(languages=settings.voice.encode("utf-8"))
        if espeak.SetVoiceByName(settings.voice.encode("utf-8")) != 0 and espeak.SetVoiceByProperties(by_language) != 0:
            raise ValueError(f"espeak-ng has no voice or language called '{settings.voice}' (see espeak-ng --voices)")
        espeak.SetParameter(espeak.RATE, settings.rate, 0)
        espeak.SetParameter(espeak.VOLUME, 100, 0)
        espeak.Synchronize()

    def _get_engine(self) -> Pyttsx3Engine:
        if Synthesiser._engine is None:
            import pyttsx3

            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    Synthesiser._engine = pyttsx3.init()
            except (OSError, RuntimeError) as error:
                raise EngineMissing(f"{MISSING} ({error})") from error
        engine = Synthesiser._engine
        # A fresh callback each time, so the event is this synthesiser's.
        engine.connect("finished-utterance", self._on_finished)
        return engine

    def _on_finished(self, name: str | None = None, completed: bool = True) -> None:
        self._completed = bool(completed)
        self._finished.set()

    def synthesise(self, text: str) -> Audio:
        """One utterance -> its audio, complete. A synthesis that never finishes is tried again."""
        for _attempt in range(ATTEMPTS):
            audio = self._attempt(text)
            if audio is not None:
                return audio
            if self._espeak is not None:
                self._espeak.Cancel()  # not the driver's stop(), which would cancel the next attempt too (see _attempt)
            else:
                self.engine.stop()
        raise RuntimeError(f"the speech engine did not finish saying: {text[:60]!r}")

    def synthesise_timed(self, text: str) -> tuple[Audio, list[WordStart] | None]:
        """One utterance -> its audio and where each word starts in it. Other platforms'
        drivers report no sample positions: their audio comes with None."""
        if self._espeak is None:
            return self.synthesise(text), None
        import numpy as np

        driver = self.engine.proxy._driver
        for _ in range(ATTEMPTS):
            self.attempts += 1
            result = TimedSynthesis(self._espeak, text).run(driver._onSynth)
            if result is not None:
                data, words = result
                return Audio(np.frombuffer(data, dtype="<i2").astype(np.int16), self.rate), words
        raise RuntimeError(f"the speech engine did not finish saying: {text[:60]!r}")

    def _attempt(self, text: str) -> Audio | None:
        # A new name each time, so a late write of an earlier utterance can never be read as this one.
        self.attempts += 1
        path = self.workdir / f"utterance-{os.getpid()}-{self.attempts}.wav"
        self._finished.clear()
        self._completed = False
        engine = self.engine
        if self._espeak is not None:
            # runAndWait() "stops" espeak-ng if it is still busy, which cancels the utterance
            # about to start (see _settle_espeak): make sure it is idle.
            self._espeak.Synchronize()
        with contextlib.redirect_stdout(io.StringIO()):
            engine.save_to_file(text, str(path))  # exactly one queued: a second would replace it
            engine.runAndWait()
            # runAndWait() may return before the file is written: wait for the engine to say so.
            deadline = time.monotonic() + 5 + len(text) / 200
            while not self._finished.wait(0.05):
                if time.monotonic() > deadline:
                    break
        if self._finished.is_set() and self._completed and path.exists() and path.stat().st_size > 44:
            # The espeak driver writes the file, then says the utterance is complete: no need to watch it.
            complete = path
        elif self._finished.is_set() and not self._completed:
            complete = None  # cancelled: no file will come, try again at once
        else:
            # Drivers without the notification: wait for the file itself to be complete.
            complete = self._complete_file(path, time.monotonic() + 2)
        if complete is None:
            return None
        audio = read_wav(complete)
        path.unlink(missing_ok=True)
        return audio

    @staticmethod
    def _complete_file(path: Path, deadline: float) -> Path | None:
        """Waits until the file exists and its size has stopped changing (for drivers without the event)."""
        last = -1
        while time.monotonic() < deadline:
            size = path.stat().st_size if path.exists() else -1
            if size > 44 and size == last:
                return path
            last = size
            time.sleep(0.02)
        if path.exists() and path.stat().st_size > 44:
            return path
        return None


def _espeak_library() -> ModuleType | None:
    """pyttsx3's binding of espeak-ng, when its espeak driver is the one in use."""
    if "pyttsx3.drivers.espeak" not in sys.modules:
        return None  # another platform's driver
    return sys.modules.get("pyttsx3.drivers._espeak")


def espeak_wav(text: str, path: Path, settings: VoiceSettings) -> Audio:
    """The espeak-ng command's own rendering of some text, for comparison."""
    espeak = shutil.which("espeak-ng")
    if not espeak:
        raise EngineMissing(MISSING)
    subprocess.run([espeak, "-v", settings.voice, "-s", str(settings.rate), "-w", str(path), "--stdin"], input=text.encode("utf-8"), check=True)
    return read_wav(path)
