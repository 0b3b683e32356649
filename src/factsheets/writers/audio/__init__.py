"""The audio writer: the factsheet read aloud, as MP3 with chapters.

Each section (a chapter) is a part: synthesised, levelled and encoded on its
own, in a fresh process (espeak-ng's output depends on what it said before in
the same process, so a section must not depend on which process had which
section). The build runs the parts as jobs of their own and caches each, so an
edit to one paragraph re-records one section. The whole-factsheet MP3 is the
section MP3s' frames one after another, so chapter times are exact frame
boundaries and no whole-recording buffer is ever held. Each section also reports where
each of its sentences starts (`timings`), and the whole factsheet's sentences
are written as JSON (block id, sentence id, text, start and end in seconds of
the decoded MP3), for read-along in the EPUB and on the web page.

Recording is in `record` (numpy, LAME, the speech engine), imported only where a
section is recorded: planning a build, which needs this module, stays quick.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import shutil
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np  # imported only when true_peak_db is called (see there)

from ... import model as m
from ...engines import piper, speech
from ...engines.speech_voices import DEFAULT_RATE, PIPER, VoiceSettings, configured_voice
from ...errors import Location, SourceError, Warning_
from .. import FinishedJob, FinishedPart, Option, Output, OutputKind, Part, Writer
from . import mp3, timings, xing
from .lexicon import language_lexicon_names, load_lexicon as load_lexicon  # re-exported: lexicon_setting.py
from .normalise import Normaliser
from .script import build_script
from .section_task import SectionTask
from .titles import one_line
from .utterances import Script
from .voices import check_voice_files as check_voice_files, for_engine, model_problem, read_by, voices_problem  # noqa: F401 (re-exported: settings.py's check of mkdocs.yml; read_by: the tests')

def vtt_time(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def cue_text(title: str) -> str:
    """A title as WebVTT cue text: one line (a blank line would end the cue, and a line
    with "-->" start a new one), with &, < and > as the character references WebVTT
    defines, so that no title is read as a tag or a timing line."""
    return one_line(title).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def webvtt(chapters: list[mp3.Chapter]) -> str:
    cues = [f"{i}\n{vtt_time(c.start_ms)} --> {vtt_time(c.end_ms)}\n{cue_text(c.title)}" for i, c in enumerate(chapters, 1)]
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"


def playlist(entries: list[tuple[str, int, str]]) -> str:
    """M3U8: a title on its #EXTINF line, made one line so that it cannot add a track."""
    lines = ["#EXTM3U"]
    for title, duration_ms, href in entries:
        lines.append(f"#EXTINF:{round(duration_ms / 1000)},{one_line(title)}")
        lines.append(href)
    return "\n".join(lines) + "\n"


def file_slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or "section"


def lexicon_path(options: dict[str, Any]) -> tuple[Path, str]:
    root = Path(options.get("project_root") or ".")
    path = Path(options["lexicon"]) if options.get("lexicon") else Path("glossary/lexicon.yml")
    full = path if path.is_absolute() else root / path
    try:
        shown = full.relative_to(root).as_posix()
    except ValueError:
        shown = str(full)
    return full, shown


def voice_name_problem(value: str) -> str | None:
    """A voice is a name (en-gb, cy, en-gb+f3), never a path: espeak-ng would open any file
    named here ("../../etc/passwd", "/dev/zero", which never ends)."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_+-]{0,39}", value):
        return f"'{value[:40]}' is not a voice's name: write a name such as en-gb or cy, with letters, digits and hyphens only"
    return None


class AudioWriter(Writer):
    name = "audio"
    summary = "MP3 read aloud"
    aliases = ("mp3",)
    rank = 40
    outputs = (
        OutputKind("audio_mp3", "Audio", "MP3", "the factsheet read aloud, with a chapter for each section", "audio/mpeg",
                   check="factsheets.validators.outputs:audio_mp3"),
        OutputKind("audio_transcript", "Audio transcript", "plain text", "the words of the audio version, as they are spoken", "text/plain", companion_of="audio_mp3"),
        OutputKind("audio_playlist", "Audio, a track for each section", "M3U8 playlist", "for players that do not show chapters", "audio/x-mpegurl",
                   check="factsheets.validators.outputs:audio_playlist", companion_of="audio_mp3"),
        OutputKind("audio_chapters", "Audio chapters", "WebVTT", "the start time of each section in the audio", "text/vtt",
                   check="factsheets.validators.outputs:audio_chapters", companion_of="audio_mp3"),
        OutputKind("audio_sentences", "Audio sentence timings", "JSON", "when each sentence of the audio starts and ends, for read-along players", "application/json",
                   companion_of="audio_mp3"),
    )
    options = (
        Option("voice", (str,), None, "an espeak-ng voice or language, such as en-gb (the factsheet's language if not set)",
               check=voice_name_problem),
        Option("rate", (int,), DEFAULT_RATE, "words a minute, such as 160", check=lambda v: None if 80 <= v <= 450 else "use 80 to 450 words a minute"),
        Option("lexicon", (str,), "glossary/lexicon.yml", "the lexicon file, inside the project, such as glossary/lexicon.yml"),
        Option("voices", (dict,), None, "a voice for each language, such as en: {engine: piper, model: voices/en_GB-example-medium.onnx}",
               check=voices_problem),
    )
    # Memory one section's process takes, by engine: the build runs no more Piper sections at
    # once than the machine's free memory holds (build/schedule.py). espeak-ng's is small.
    part_memory_mb = {PIPER: piper.MEMORY_MB}
    weight = 1.0  # a section
    in_parts = True
    # mutagen: imported where used, so planning does not wait for it. pyttsx3's espeak driver
    # loads libespeak-ng (each section's process starts its own engine): 15-20 ms a section otherwise.
    preload = ("pyttsx3", "pyttsx3.drivers.espeak", "mutagen.id3", "factsheets.writers.audio.record")
    version = "5"  # 5: true peak, the voice in the tags; 4: sentence timings (3: a language's own voice)

    def engine_version(self) -> str:
        return _engine_version()

    def part_group(self, task: SectionTask) -> str:
        """The engine a part runs, for part_memory_mb: Piper's if any of its voices is Piper's."""
        engines = {task.settings.engine} | {settings.engine for _, settings in task.other_voices}
        return PIPER if PIPER in engines else task.settings.engine

    def voice(self, document: m.Document, options: dict[str, Any], language: str = "") -> VoiceSettings:
        """Who reads this factsheet (or its words in `language`); a Piper model's files are
        checked before any section is planned."""
        settings = VoiceSettings.from_options(options, language or document.meta.language)
        if settings.engine == PIPER:
            problem = model_problem(settings.model, Path(options.get("project_root") or "."))
            if problem:
                raise SourceError(Location("mkdocs.yml"), f"audio: voices: {problem}")
        return settings

    def available(self, document: m.Document, options: dict[str, Any] | None = None) -> str | None:
        """Not available in a language espeak-ng has no voice for (Somali), unless a voice is set on
        purpose (`audio: voice:` or `voices:`, in mkdocs.yml or the front matter: `options`). A Piper
        voice whose engine or files are missing still counts: staff are told where it is found
        (check_voice_files, voice(), engines/piper.py), not the public page "not in this language"."""
        from ...engines.espeak_voices import voice_for_language
        from ...i18n import about_language

        tag = document.meta.language
        chosen = options if options is not None else document.meta.options.get(self.name, {})
        if chosen.get("voice") or configured_voice(chosen.get("voices"), tag) or voice_for_language(tag) is not None:
            return None
        return about_language(tag, "espeak-ng has no voice for {language}")

    def dependencies(self, document: m.Document, options: dict[str, Any]) -> str:
        """The lexicon is not in the document, but changes what is said."""
        path, _ = lexicon_path(options)
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "no lexicon"
        own = next((p for p in language_lexicon_names(path, document.meta.language) if p.is_file()), None)
        return digest + (" " + hashlib.sha256(own.read_bytes()).hexdigest() if own else "")  # a translation's lexicon.<language>.yml

    def script(self, document: m.Document, options: dict[str, Any]) -> Script:
        """What is said. A build asks twice for a factsheet's script in its own process, to plan
        the sections and to put them together at the end, when every other job is done; so the
        last one made for the same document and lexicon is given again (40 ms, measured)."""
        path, shown = lexicon_path(options)
        lexicon = path.read_bytes() if path.is_file() else None
        engine = VoiceSettings.from_options(options, document.meta.language).engine
        key = id(document)
        made = _scripts.get(key)
        if made is None or made[0]() is not document or made[1] != (path, lexicon, engine):
            # Kept while the document lives, and no longer (a preview server makes new ones).
            held = weakref.ref(document, functools.partial(_forget_script, key))
            words = for_engine(load_lexicon(path, shown), engine)
            made = (held, (path, lexicon, engine), build_script(document, Normaliser(words, document.meta.language)))
            _scripts[key] = made
        return made[2]

    def section_tasks(self, document: m.Document, script: Script, options: dict[str, Any]) -> list[SectionTask]:
        settings = self.voice(document, options)
        count = len(script.sections)
        # English words in a translation (language_runs.py): mkdocs.yml's English voice reads them.
        other = sorted({u.language for section in script.sections for u in section.utterances if u.language})
        other_voices = tuple((language, self.voice(document, options, language)) for language in other)
        language = mp3.language_code(document.meta.language)
        return [
            SectionTask(
                number, section, settings,
                mp3.Tags(one_line(section.title), one_line(document.organisation.name), one_line(document.meta.title), one_line(document.meta.date or ""), language,
                         f"{number}/{count}", read_by(settings)),
                f"{number:02d}-{file_slug(section.title)}.mp3", number == count,
                tuple(voice for voice in other_voices if any(u.language == voice[0] for u in section.utterances)),
            )
            for number, section in enumerate(script.sections, 1)
        ]

    def parts(self, document: m.Document, options: dict[str, Any]) -> list[Part]:
        """A part a section, longest first so that the workers finish together."""
        speech.require_engine()  # espeak-ng, also under Piper: English words in a translation, and Piper's own phonemes
        tasks = self.section_tasks(document, self.script(document, options), options)
        if any(self.part_group(task) == PIPER for task in tasks):
            piper.require_engine()
        tasks.sort(key=lambda t: -t.section.words())
        return [Part(Path(t.filename).stem, t) for t in tasks]

    @staticmethod
    def write_part(task: SectionTask, out_dir: Path) -> Output:
        from .record import render_section

        return render_section(task, out_dir)

    def write(self, document: m.Document, out_dir: Path, options: dict[str, Any], *, parts: dict[str, FinishedPart] | None = None,
              needed: dict[str, FinishedJob] | None = None) -> Output:
        """The whole recording from its sections; without finished parts (outside a build), records them first."""
        speech.require_engine()
        script = self.script(document, options)
        tasks = self.section_tasks(document, script, options)
        slug = document.meta.slug
        out_dir.mkdir(parents=True, exist_ok=True)
        transcript = out_dir / f"{slug}-audio-script.txt"
        transcript.write_text(script.transcript(), encoding="utf-8-sig")  # the BOM tells a browser it is UTF-8
        if parts is None:
            from .record import record_apart

            parts = record_apart(self.parts(document, options), out_dir / ".parts")

        sections_dir = out_dir / f"{slug}-sections"
        sections_dir.mkdir(exist_ok=True)
        durations, timed = [], []
        for task in tasks:
            finished = parts[Path(task.filename).stem]
            finished.link("section", sections_dir / task.filename)
            durations.append(int(finished.details["duration_ms"]))
            timed.append((finished.details.get("sentences", []), int(finished.details.get("rate", 22050))))
        shutil.rmtree(out_dir / ".parts", ignore_errors=True)

        # The whole factsheet: the sections' frames in order, then tags with a chapter each.
        whole = out_dir / f"{slug}.mp3"
        chapters: list[mp3.Chapter] = []
        start = 0
        xing.join([sections_dir / t.filename for t in tasks], whole, audio_frames)
        for task, duration in zip(tasks, durations):
            chapters.append(mp3.Chapter(f"chp{task.number}", one_line(task.section.title), start, start + duration))
            start += duration
        organisation = document.organisation
        title, artist, album, date = (one_line(t or "") for t in (document.meta.title, organisation.name, organisation.series, document.meta.date))
        voice = read_by(tasks[0].settings) if tasks else ""
        mp3.tag(whole, mp3.Tags(title, artist, album, date, mp3.language_code(document.meta.language), None, voice), chapters)

        chapters_file = out_dir / f"{slug}-chapters.vtt"
        chapters_file.write_text(webvtt(chapters), encoding="utf-8")
        sentences_file = out_dir / f"{slug}-sentences.json"
        section_starts = [sum(durations[:i]) for i in range(len(durations))]
        sentences = timings.whole_recording([(said, begin, rate) for (said, rate), begin in zip(timed, section_starts, strict=True)])
        sentences_file.write_text(json.dumps({"audio": whole.name, "sentences": sentences}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        playlist_file = out_dir / f"{slug}-sections.m3u8"
        playlist_file.write_text(playlist([(t.section.title, d, f"{sections_dir.name}/{t.filename}") for t, d in zip(tasks, durations)]), encoding="utf-8")

        warnings = list(script.warnings)
        if not document.meta.date:
            warnings.append(Warning_(Location(document.meta.source, 1), "audio: the factsheet has no date, so the MP3 has none in its tags"))
        return Output(
            files={"audio_mp3": whole, "audio_transcript": transcript, "audio_playlist": playlist_file, "audio_chapters": chapters_file, "audio_sentences": sentences_file},
            details={"audio_mp3": {"duration_s": round(start / 1000, 1), "voice": voice, "chapters": [{"title": c.title, "start_s": c.start_ms / 1000} for c in chapters]}},
            warnings=warnings,
        )


_scripts: dict[int, tuple[weakref.ref[m.Document], tuple[Path, bytes | None, str], Script]] = {}  # see AudioWriter.script


def _forget_script(key: int, _: object) -> None:
    _scripts.pop(key, None)


@functools.cache
def _engine_version() -> str:
    """Both engines' versions: a section's cache entry names the engine that made it."""
    return f"{speech.engine_version()}; {piper.engine_version()}"


def audio_frames(data: bytes) -> bytes:
    """An MP3 file without its ID3v2 tag and Info header: the frames to join into the whole recording."""
    return xing.without_info(data[mp3.id3_size(data):])


def true_peak_db(samples: np.ndarray) -> float:
    """The true peak of int16 samples, in dBTP (true_peak.py), for the audio validator: imported
    here only when called, since numpy must not load while a build plans or finds nothing changed."""
    from .true_peak import true_peak_db as measured

    return measured(samples)
