"""Piper (`piper-tts` on PyPI): a natural voice from an offline ONNX model the project supplies.

A Piper voice is two files: the model (`x.onnx`) and its settings (`x.onnx.json`, beside it),
which give the sample rate (`audio.sample_rate`) and the voice's own pace and variation
(`inference`). The build never downloads one: the organisation puts the files in the project
and names the model in mkdocs.yml (`audio: voices:`; see writers/audio/voices.py).

How piper-tts 1.x works, read from its source (piper/voice.py):

- `PiperVoice.load(model, config)` opens an onnxruntime session: about 2 s and 0.2-0.5 GB of
  memory for a medium voice, once a process (so a section's process loads it once).
- `voice.synthesize(text, SynthesisConfig)` phonemizes the text with its own copy of
  espeak-ng, splits it into sentences there, and yields one `AudioChunk` a sentence, each
  with `audio_int16_array` at `config.sample_rate`.
- The model samples noise (`noise_scale`, `noise_w`): the same text is not the same samples
  twice. The build's cache keeps a recorded section until its words or its voice change, so
  a rebuild does not re-record it; two cold builds differ by a little, as two readings do.
- By default each sentence is scaled to full scale (`normalize_audio`): sentence to sentence
  the loudness would jump. It is turned off here; the levelling (writers/audio/sound.py)
  sets the level of the whole section.

Sentence timings (read-along) come from sample counts: each sentence of an utterance
(writers/sentences.py, the splitter the EPUB uses too) is synthesised on its own, so where
it starts is the samples of the sentences before it. They are reported as `WordStart`s,
one a sentence, the same shape as espeak-ng's word events.

Piper's phonemizer is not the espeak-ng the lexicon's `[[...]]` phoneme entries are written
for: a Piper voice is given the lexicon's respellings only (writers/audio/__init__.py).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EngineMissing
from .espeak_timing import WordStart
from .speech_voices import config_path, sample_rate, voice_name  # noqa: F401 (the voice's files: read without Piper)

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from piper import PiperVoice, SynthesisConfig

    from .speech_voices import Audio, VoiceSettings

PACKAGE = "piper-tts"
MISSING = f"Piper, the speech engine for natural voices, is not installed: run `pip install {PACKAGE}` in the project's virtual environment, or scripts/setup.sh"
MEMORY_MB = 600  # a process with a medium voice loaded and synthesising (measured ~0.2-0.5 GB), with room


def require_engine() -> None:
    try:
        import piper  # noqa: F401
    except ImportError as error:
        raise EngineMissing(MISSING) from error


def engine_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"piper-tts {version(PACKAGE)}"
    except PackageNotFoundError:
        return "piper-tts missing"


@functools.cache
def _load(model: str) -> PiperVoice:
    """One loaded voice a process and model (loading takes seconds)."""
    require_engine()
    from piper import PiperVoice

    path = Path(model)
    return PiperVoice.load(path, config_path=config_path(path))


class PiperSynthesiser:
    """Says utterances with a Piper voice; the same methods as speech.Synthesiser."""

    def __init__(self, settings: VoiceSettings, workdir: Path):
        self.settings = settings
        self.workdir = workdir  # unused: Piper gives samples, not files; kept for the common interface
        self.voice = _load(str(settings.model_file()))
        self.rate = int(self.voice.config.sample_rate)

    def synthesis_config(self) -> SynthesisConfig:
        from piper import SynthesisConfig

        from .speech_voices import DEFAULT_RATE

        # The voice's own pace at the default rate; `rate: 200` is 160/200 of each sound's length.
        length = (self.voice.config.length_scale or 1.0) * DEFAULT_RATE / self.settings.rate
        return SynthesisConfig(length_scale=length, normalize_audio=False)

    def sentence_samples(self, sentence: str) -> npt.NDArray[np.int16]:
        import numpy as np

        chunks = [chunk.audio_int16_array for chunk in self.voice.synthesize(sentence, self.synthesis_config())]
        return np.concatenate(chunks).astype(np.int16) if chunks else np.zeros(0, dtype=np.int16)

    def synthesise_timed(self, text: str) -> tuple[Audio, list[WordStart]]:
        """One utterance -> its audio, and where each sentence starts in it (in samples)."""
        import numpy as np

        from ..writers.sentences import sentence_spans
        from .speech_voices import Audio

        pieces: list[npt.NDArray[np.int16]] = []
        starts: list[WordStart] = []
        placed = 0
        for begin, end in sentence_spans(text):
            samples = self.sentence_samples(text[begin:end])
            starts.append(WordStart(begin, placed))
            pieces.append(samples)
            placed += samples.size
        audio = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int16)
        return Audio(audio, self.rate), starts

    def synthesise(self, text: str) -> Audio:
        return self.synthesise_timed(text)[0]
