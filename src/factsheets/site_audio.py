"""The factsheet page's audio: a native player, its chapters, its downloads and its transcript.

The chapters are listed as text with the time each starts; the page's script
(site_theme/assets/javascripts/factsheets.js) makes each a button that plays the recording from
there, so that without JavaScript no button does nothing (the native player still plays).

The transcript is the audio's own text file, a paragraph for each thing said. On a translation
some of it is said in English (a glossary definition not yet translated, the partners' names):
each such paragraph is marked English, so that a screen reader reads it with an English voice
(WCAG 3.1.2). The text file does not say which they are; the page knows the words it marks as
English, and a paragraph with no letter of the page's own script is not in its language either.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable
from html import escape
from pathlib import Path

from .i18n import ENGLISH, gettext, has_message
from .manifest_entry import ManifestEntry
from .site_languages import words

# An output key ("audio_mp3") -> the address the page links it by.
Href = Callable[[str], str]
# An output key -> its file on disk, or None when there is none to read (for its size).
FileOf = Callable[[str], Path | None]


def size_text(path: Path) -> str:
    size = path.stat().st_size
    return f"{max(1, round(size / 1024))} kB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def minutes_text(seconds: float, language: str = ENGLISH) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    if minutes:
        return gettext(language, "{minutes} min {seconds} s", minutes=minutes, seconds=seconds)
    return gettext(language, "{seconds} s", seconds=seconds)


def scripts(text: str) -> Counter[str]:
    """How many letters of each script a text has, by the first word of their Unicode names
    ("LATIN", "ARABIC", "CJK")."""
    return Counter(unicodedata.name(c, " ").split(" ")[0] for c in text if c.isalpha())


def transcript_html(text: str, language: str, title: str, english: frozenset[str]) -> str:
    """The transcript's paragraphs, those said in English on a translation marked English."""
    own = (scripts(title).most_common(1) or [("LATIN", 0)])[0][0]
    out = []
    for paragraph in (p.strip() for p in text.split("\n\n")):
        if not paragraph:
            continue
        said = " ".join(paragraph.split()).rstrip(".:")
        letters = scripts(paragraph)
        other = not language.lower().startswith("en") and (
            said in english or (own != "LATIN" and not letters[own] and letters["LATIN"] > 0))
        mark = f' lang="{ENGLISH}" dir="ltr"' if other else ""
        out.append(f"<p{mark}>{escape(paragraph)}</p>")
    return "".join(out)


def audio_player(entry: ManifestEntry, href: Href, file_of: FileOf, language: str = ENGLISH, title: str = "",
                 english: frozenset[str] = frozenset()) -> str:
    """The factsheet read aloud: a native player, chapter buttons, downloads and the transcript.

    The chapter buttons are worked by assets/factsheets.js: on a server that cannot send part of
    a file, the browser cannot jump into the recording, so the script fetches it whole first, and
    says so in the status line (or why it cannot). `title` is the factsheet's (in its script);
    `english`, the texts the page marks English (see the module's docstring).
    """
    if "audio_mp3" not in entry.get("formats", {}):
        return ""

    def t(message: str, **values: object) -> str:
        return words(language, message, **values)

    mp3 = file_of("audio_mp3")
    recording = entry.get("details", {}).get("audio_mp3", {})
    facts = [minutes_text(recording["duration_s"], language)] if recording.get("duration_s") else []
    if mp3 is not None and mp3.exists():
        facts.append(size_text(mp3))
    chapters = "".join(
        f'<li><span class="fs-chapter" data-fs-start="{c["start_s"]:.3f}" data-fs-controls="fs-audio">'
        f'{escape(c["title"])} <span class="fs-chapter-time">({t("{time} in", time=minutes_text(c["start_s"], language))})</span></span></li>'
        for c in recording.get("chapters", [])
    )
    downloads = [f'<li><a href="{escape(href("audio_mp3"))}" download>{t("Download the MP3")}</a> ({escape(gettext(language, ", ").join(facts))}), {t("with chapters")}</li>']
    if "audio_playlist" in entry.get("formats", {}):
        downloads.append(f'<li><a href="{escape(href("audio_playlist"))}">{t("Playlist of the sections")}</a> (M3U8), {t("a track for each section, for players without chapters")}</li>')
    if "audio_transcript" in entry.get("formats", {}):
        downloads.append(f'<li><a href="{escape(href("audio_transcript"))}">{t("Transcript")}</a> ({t("plain text")})</li>')
    transcript = ""
    path = file_of("audio_transcript") if "audio_transcript" in entry.get("formats", {}) else None
    if path is not None and path.exists():
        # utf-8-sig: the file starts with a byte-order mark, so browsers read it as UTF-8.
        body = transcript_html(path.read_text(encoding="utf-8-sig"), language, title, english)
        transcript = f'<details class="fs-transcript"><summary>{t("Read the transcript")}</summary>{body}</details>'
    # Who reads it, as the MP3's tags say ("Read by a synthetic voice (Piper, en_US-joe-medium)"):
    # the words are the tags' own, in English, and marked so on another language's page (WCAG 3.1.2).
    english_mark = "" if language.lower().startswith("en") else f' lang="{ENGLISH}" dir="ltr"'
    voice = f'<p class="fs-voice"{english_mark}>{escape(recording["voice"])}</p>' if recording.get("voice") else ""
    go_to = f'<p>{t("Go to a section:")}</p><ol class="fs-chapters">{chapters}</ol>' if chapters else ""
    return (
        f'<h3 id="listen">{t("Listen to this factsheet")}</h3><p>{escape(gettext(language, ", ").join(facts))}</p>{voice}'
        f'<audio id="fs-audio" controls preload="none" src="{escape(href("audio_mp3"))}"'
        f' data-fs-listen="{escape(gettext(language, "Listen from here"))}"'
        f' data-fs-listen-lang="{escape(language if has_message(language, "Listen from here") else ENGLISH)}">'
        f'<a href="{escape(href("audio_mp3"))}">{t("Download the MP3")}</a></audio>'
        f'<p class="fs-audio-status" role="status"></p>{go_to}'
        f'<ul>{"".join(downloads)}</ul>{transcript}'
    )


