"""What the website shows, rendered from the model and the build's manifest.

This is the core side of the site: HTML fragments for a factsheet page, the
list of factsheets, the glossary and the contact details. It does not import
MkDocs; mkdocs_plugin.py places these fragments in MkDocs pages.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from . import model as m
from .formats import describe, in_box_order
from .glossary import Glossary
from .writers.html import HtmlRenderer, mailto_href, toc_tokens

MARKERS = ("<!-- factsheets:list -->", "<!-- factsheets:glossary -->", "<!-- factsheets:contact -->")


def size_text(path: Path) -> str:
    size = path.stat().st_size
    return f"{max(1, round(size / 1024))} kB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def minutes_text(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes} min {seconds} s" if minutes else f"{seconds} s"


def format_facts(key: str, entry: dict, path: Path | None) -> list[str]:
    """What the box says of a file besides its name: kind, size, pages, length."""
    facts = [describe(key).kind]
    if key == "html":
        return facts
    if path is not None and path.exists():
        facts.append(size_text(path))
    if key.startswith("large_print_pdf"):
        pages = entry.get("pdf_pages" + key[len("large_print_pdf"):])
        if pages:
            facts.append(f"{pages} pages")
    if key == "brf" and entry.get("brf_pages"):
        facts.append(f"{entry['brf_pages']} braille pages")
    if key == "audio_mp3" and entry.get("audio_duration_s"):
        facts.append(minutes_text(entry["audio_duration_s"]))
    return facts


def formats_box(document: m.Document, entry: dict, href, file_of) -> str:
    """The "Other formats" box. href(key) gives a format's link; file_of(key) its file on disk."""
    items = []
    for key, fmt in in_box_order(entry.get("formats", {})):
        facts = ", ".join(format_facts(key, entry, file_of(key)))
        if key == "html":
            link = f'<a href="#" aria-current="page">{escape(fmt.label)}</a>'
        else:
            link = f'<a href="{escape(href(key))}">{escape(fmt.label)}</a>'
        items.append(f"<li>{link} ({escape(facts)}): {escape(fmt.purpose)}.</li>")
    for key, fmt in in_box_order(entry.get("failed", [])):
        items.append(f"<li>{escape(fmt.label)}: not available at the moment, please ask us for it.</li>")
    org = document.organisation
    subject = f"Please send me another format of: {document.meta.title}"
    ask = (
        f'<p class="fs-ask"><a href="{escape(mailto_href(org.email, subject))}">Ask for another format</a> '
        f"(for example another language, a different print size, or braille on paper), "
        f"or call the advice line on {escape(org.advice_line)}.</p>"
    )
    return (
        f'<section class="fs-box" aria-label="Other formats">'
        f'<p class="fs-box-title"><strong>Other formats of this factsheet</strong></p>'
        f'<ul>{"".join(items)}</ul>{ask}</section>'
    )


PLAYER_SCRIPT = (
    "<script>document.addEventListener('click',function(e){"
    "var b=e.target.closest('[data-fs-start]');if(!b)return;"
    "var a=document.getElementById(b.getAttribute('aria-controls'));if(!a)return;"
    "a.currentTime=parseFloat(b.getAttribute('data-fs-start'));a.play();a.focus();});</script>"
)


def audio_player(entry: dict, href, file_of) -> str:
    """The factsheet read aloud: a native player, chapter buttons, downloads and the transcript.

    No headings here: the page's headings must be the factsheet's own.
    """
    if "audio_mp3" not in entry.get("formats", {}):
        return ""
    mp3 = file_of("audio_mp3")
    facts = [minutes_text(entry["audio_duration_s"])] if entry.get("audio_duration_s") else []
    if mp3 is not None and mp3.exists():
        facts.append(size_text(mp3))
    chapters = "".join(
        f'<li><button type="button" class="fs-chapter" data-fs-start="{c["start_s"]:.3f}" aria-controls="fs-audio">'
        f'{escape(c["title"])} <span class="fs-chapter-time">({escape(minutes_text(c["start_s"]))} in)</span></button></li>'
        for c in entry.get("audio_chapter_list", [])
    )
    downloads = [f'<li><a href="{escape(href("audio_mp3"))}" download>Download the MP3</a> ({escape(", ".join(facts))}), with chapters</li>']
    if "audio_playlist" in entry.get("formats", {}):
        downloads.append(f'<li><a href="{escape(href("audio_playlist"))}">Playlist of the sections</a> (M3U8), a track for each section, for players without chapters</li>')
    if "audio_transcript" in entry.get("formats", {}):
        downloads.append(f'<li><a href="{escape(href("audio_transcript"))}" download>Transcript</a> (plain text)</li>')
    transcript = ""
    path = file_of("audio_transcript") if "audio_transcript" in entry.get("formats", {}) else None
    if path is not None and path.exists():
        paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        transcript = f'<details class="fs-transcript"><summary>Read the transcript</summary>{body}</details>'
    return (
        f'<section class="fs-box fs-audio" aria-label="Listen to this factsheet">'
        f'<p class="fs-box-title"><strong>Listen to this factsheet</strong> ({escape(", ".join(facts))})</p>'
        f'<audio id="fs-audio" controls preload="none" src="{escape(href("audio_mp3"))}">'
        f'<a href="{escape(href("audio_mp3"))}">Download the MP3</a></audio>'
        f'<p>Go to a section:</p><ol class="fs-chapters">{chapters}</ol>'
        f'<ul>{"".join(downloads)}</ul>{transcript}{PLAYER_SCRIPT}</section>'
    )


def factsheet_page(document: m.Document, entry: dict, href, file_of, link_href=None) -> tuple[str, list[dict]]:
    """A factsheet page's HTML and its table of contents, as MkDocs' toc tokens."""
    meta = document.meta
    renderer = HtmlRenderer(document, link_href=link_href)
    head = (
        f'<h1 id="title">{escape(meta.title)}</h1>'
        f'<p class="fs-meta">Version {escape(meta.version)}, {escape(m.display_month(meta.date))}</p>'
        f'<p class="fs-summary">{escape(meta.summary)}</p>'
    )
    body = renderer.blocks(document.blocks)
    html = head + formats_box(document, entry, href, file_of) + audio_player(entry, href, file_of) + body
    title = escape(meta.title, quote=False)
    toc = [{"level": 1, "id": "title", "name": title, "html": title, "data-toc-label": "", "children": toc_tokens(document)}]
    return html, toc


def factsheet_list(documents: list[m.Document], href) -> str:
    items = "".join(
        f'<li><a href="{escape(href(d))}">{escape(d.meta.title)}</a><br>{escape(d.meta.summary)}</li>'
        for d in documents
    )
    return f'<ul class="fs-list">{items}</ul>'


def _stub(organisation: m.Organisation) -> m.Document:
    return m.Document(m.Meta("", "", "", "", "", "", ""), (), organisation)


def glossary_page(glossary: Glossary, organisation: m.Organisation) -> str:
    renderer = HtmlRenderer(_stub(organisation))
    parts = []
    for entry in glossary.sorted():
        parts.append(f'<h2 id="glossary-{escape(entry.id)}">{escape(entry.term)}</h2>')
        if entry.aliases:
            parts.append(f"<p>Also called: {escape(', '.join(entry.aliases))}.</p>")
        parts.append(renderer.blocks(entry.blocks))
    return "\n".join(parts)


def contact_fragment(organisation: m.Organisation) -> str:
    return HtmlRenderer(_stub(organisation)).contact_lines()
