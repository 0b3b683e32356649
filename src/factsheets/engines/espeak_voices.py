"""Which espeak-ng voice speaks a language: chosen from espeak-ng's own list of voices.

`espeak-ng --voices` lists each voice with its language, a priority (lower is preferred)
and the other languages it speaks ("cmn ... (zh-cmn 5)(zh 5)"). A factsheet's tag is
looked up as written, then its base language ("zh-Hans" -> "zh"), among both; the voice
with the lowest priority wins, then the one with the shortest file name (the plain voice
before its variants), unless that voice does not read the language's own script itself
(see reads_itself). For Chinese, `cmn` (Mandarin, "latin as English") turns Han characters
into pinyin with tone numbers and reads that as English; `cmn-latn-pinyin` reads them as
Mandarin, with their tones, and is chosen. Latin words in it (an English name) go to the
English voice as English blocks. Measured with espeak-ng 1.51: cy, pl, ar,
ur, bn, ro and uk have voices of their own; Somali has none.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from dataclasses import dataclass

from ..i18n import language


@dataclass(frozen=True)
class Voice:
    name: str  # the language column, which espeak-ng's -v and SetVoiceByName take: "cmn"
    file: str  # "sit/cmn"
    title: str  # the VoiceName column: "Chinese_(Mandarin,_latin_as_English)"
    languages: tuple[tuple[str, int], ...]  # (language, priority), its own first


@functools.cache
def voices() -> tuple[Voice, ...]:
    command = shutil.which("espeak-ng") or shutil.which("espeak")
    if command is None:
        return ()
    listed = subprocess.run([command, "--voices"], capture_output=True, text=True, timeout=60).stdout
    found = []
    for line in listed.splitlines()[1:]:
        columns = line.split()
        if len(columns) < 5 or not columns[0].isdigit():
            continue
        others = tuple((code.lower(), int(priority)) for code, priority in re.findall(r"\(([\w-]+) (\d+)\)", line))
        found.append(Voice(columns[1], columns[4], columns[3], ((columns[1].lower(), int(columns[0])), *others)))
    return tuple(found)


@functools.cache
def voice_for_language(tag: str) -> str | None:
    """The espeak-ng voice for a language, or None if espeak-ng has none."""
    for wanted in dict.fromkeys([tag.lower(), language(tag).base]):
        candidates = sorted((priority, len(voice.file), voice.name) for voice in voices()
                            for code, priority in voice.languages if code == wanted)
        if candidates:
            best = [name for priority, _, name in candidates if priority == candidates[0][0]]
            return next((name for name in best if reads_itself(name, tag)), best[0])
    return None


def reads_itself(voice: str, tag: str) -> bool:
    """Whether a voice reads the language's own name (its autonym, "中文 (简体)") in that
    language, not switched to another: espeak-ng's `cmn` voice turns Han characters into
    pinyin and then reads the pinyin as English ("(en)"), where `cmn-latn-pinyin` reads them."""
    command = shutil.which("espeak-ng") or shutil.which("espeak")
    probe = "".join(c for c in language(tag).autonym if c.isalpha() or c == " ")
    if command is None or not probe.strip():
        return True
    phonemes = subprocess.run([command, "-q", "-x", "-v", voice, probe], capture_output=True, text=True, timeout=60).stdout
    return "(" not in phonemes  # espeak-ng marks a switch of language as "(en)"


def speaks(voice: str, tag: str) -> bool:
    """Whether a voice (as `-v` takes it: a language, a file or a voice's name) speaks the
    language of `tag`, its base language included ("en-gb" speaks "en-GB" and "en-US").
    A voice espeak-ng does not list is given the benefit of the doubt: espeak-ng itself
    says it has no such voice when it is used."""
    wanted = voice.lower()
    matching = [v for v in voices() if wanted in (v.name.lower(), v.file.lower(), v.title.lower())]
    if not matching:
        return True
    base = language(tag).base
    return any(language(code).base == base for v in matching for code, _ in v.languages)
