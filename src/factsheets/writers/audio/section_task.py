"""What one section's recording needs, handed to a worker process: its own module, so that
`record` (run in the workers) and the writer (run in the build) share it without importing
each other."""

from __future__ import annotations

from dataclasses import dataclass

from ...engines.speech_voices import VoiceSettings
from . import mp3
from .utterances import Section


@dataclass(frozen=True)
class SectionTask:
    """Everything a section's recording depends on: its repr is hashed into the part's key."""

    number: int
    section: Section
    settings: VoiceSettings
    tags: mp3.Tags
    filename: str
    last: bool
    # The voice of each other language its utterances are in (English words in a translation):
    # mkdocs.yml's voice for that language, Piper's if it names one, else espeak-ng's.
    other_voices: tuple[tuple[str, VoiceSettings], ...] = ()
