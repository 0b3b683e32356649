"""Where each word starts in espeak-ng's audio, from the library's own events.

Sentence timings (for read-along: EPUB media overlays, the web player) come from
espeak-ng's own events, read through pyttsx3's ctypes binding of the library
(`synthesise_timed`): each word event carries the word's character position in
the text and the sample it starts at. Measured here with espeak-ng 1.51:

- the audio is the same, sample for sample, as pyttsx3's (the same plain-text
  call to espeak_Synth), so timing a recording does not change it;
- SSML `<mark>` events also carry their sample, but only inside `<s>` elements
  (26 of 26 arrived in a trial); a mark placed right after a full stop, outside
  `<s>`, is dropped. And `<s>` changes the speech: each sentence end gets a
  longer pause (four sentences: 0.86 s longer in all), so the MP3 would change.
  Word events give the same sample positions without changing a sample.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any


@dataclass(frozen=True)
class WordStart:
    character: int  # 0-based index of the word's first character in the text said
    sample: int  # where the word starts in the engine's (untrimmed) audio


class TimedSynthesis:
    """One plain-text utterance through espeak-ng's library directly, collecting its samples
    and word events. pyttsx3's driver would drop the events' sample positions; the call
    (espeak_Synth, plain text, ENDPAUSE, UTF-8) is the driver's own, so the audio is too."""

    def __init__(self, espeak: ModuleType, text: str):
        self.espeak = espeak
        self.text = text
        self.chunks: list[bytes] = []
        self.words: list[WordStart] = []
        self.finished = threading.Event()

    def on_synth(self, wav: ctypes._Pointer[ctypes.c_short], count: int, events: ctypes._Pointer[Any]) -> int:
        # ctypes calls this with the library's pointers; an event is pyttsx3's untyped EVENT structure.
        espeak = self.espeak
        index = 0
        while events[index].type != espeak.EVENT_LIST_TERMINATED:
            event = events[index]
            if event.type == espeak.EVENT_WORD:
                # text_position counts characters from 1 (CHARS_UTF8)
                self.words.append(WordStart(event.text_position - 1, event.sample))
            elif event.type == espeak.EVENT_MSG_TERMINATED:
                self.finished.set()
            index += 1
        if count > 0:
            self.chunks.append(ctypes.string_at(wav, count * ctypes.sizeof(ctypes.c_short)))
        return 0

    def run(self, driver_callback: Callable[..., int]) -> tuple[bytes, list[WordStart]] | None:
        """The utterance's samples and word starts, or None if espeak-ng never finished it.

        Its end is the library's own end-of-message event, waited for on an Event: espeak-ng's
        Synchronize() polls every 20 ms, which cost each utterance up to 20 ms of waiting (3 s
        of a 4 s recording job, 157 utterances, measured). The previous utterance ended the
        same way, so espeak-ng is idle when the next one starts."""
        espeak = self.espeak
        espeak.SetSynthCallback(self.on_synth)
        try:
            # PHONEMES: a lexicon entry written [[...]] is said as those phonemes, as espeak-ng's
            # command line does; text without [[ is said exactly as without the flag.
            espeak.Synth(self.text.encode("utf-8"), flags=espeak.ENDPAUSE | espeak.CHARS_UTF8 | espeak.PHONEMES)
            done = self.finished.wait(5 + len(self.text) / 200)
        finally:
            espeak.SetSynthCallback(driver_callback)  # pyttsx3's own, for any later plain utterance
        if not done:
            espeak.Cancel()
            return None
        return b"".join(self.chunks), self.words
