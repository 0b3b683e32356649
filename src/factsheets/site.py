"""What the website shows, rendered from the model and the build's manifest.

This is the core side of the site: HTML fragments for a factsheet page, the
list of factsheets, the glossary and the contact details. It does not import
MkDocs; mkdocs_plugin.py places these fragments in MkDocs pages.

A factsheet page puts the factsheet's own words first: its title, summary and
one link to the other formats and the audio, then the text. The panel of other
formats and the contact details come after the glossary, each under a heading,
so heading navigation finds them and nothing falls under the wrong heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import escape
from pathlib import Path
from typing import Any

from . import model as m
from .formats import describe, in_box_order
from .engines.liblouis_tables import code_name as braille_code_name
from .i18n import ENGLISH, gettext, language as i18n_language
from .site_languages import language_switcher, translation_notice, translations_line, words
from .glossary import Entry, Glossary, normalise
from .manifest_entry import ManifestEntry
from .site_audio import FileOf, Href, audio_player, minutes_text, size_text
from .site_read_along import ReadAlongRenderer, Spoken, spoken_by_block, stretch_of
from .transforms import contact_lines, is_contact, is_title_line, is_translation_notice
from .walk import inline_runs, iter_block_inlines, iter_blocks
from .writers.bidi import isolate_latin
from .writers.html import HtmlRenderer, mailto_href, toc_tokens

MARKERS = ("<!-- factsheets:list -->", "<!-- factsheets:glossary -->", "<!-- factsheets:contact -->")
PANEL_ID = "other-formats"
# Files for software (a player's playlist and chapters, read-along timings, embosser software's
# braille), listed apart from the formats readers and staff ask for.
# A heading in the table of contents, as Python-Markdown's toc extension gives it (and MkDocs' get_toc reads):
# level, id, name, html, data-toc-label and children.
TocToken = dict[str, Any]

TECHNICAL = frozenset({"audio_playlist", "audio_chapters", "audio_sentences", "pef"})


def format_facts(key: str, entry: ManifestEntry, path: Path | None, language: str = ENGLISH) -> list[str]:
    """What the box says of a file besides its name: kind, size, pages, length."""
    kind = describe(key)  # an output no writer now makes (an older manifest's) has no kind to say
    facts = [gettext(language, kind.kind)] if kind is not None else []
    if key == "brf" and not i18n_language(language).is_english:  # the code actually used, not "contracted UEB"
        facts = [f"BRF, {braille_code_name(language, language)}"]
    if key == "html":
        return facts
    if path is not None and path.exists():
        facts.append(size_text(path))
    details = entry.get("details", {}).get(key, {})
    if isinstance(details.get("pages"), int):  # a PDF's page count (an EPUB's "pages" is its page list)
        facts.append(gettext(language, "{n} pages", n=details["pages"]))
    if details.get("braille_pages"):
        facts.append(gettext(language, "{n} braille pages", n=details["braille_pages"]))
    if details.get("duration_s"):
        facts.append(minutes_text(details["duration_s"], language))
    return facts


class SiteRenderer(ReadAlongRenderer):
    """The shared renderer, with the website's own boxes: the contact details appear once, at
    the end, under a heading that is also the name of their region; and the ids and times of
    the sentences the audio says, for the page's read-along (site_read_along.py)."""

    def __init__(self, document: m.Document, spoken: Spoken | None = None, *, link_href: Callable[[str], str] | None = None) -> None:
        super().__init__(document, spoken, link_href=link_href)
        self.section, self.just_after_heading = document.meta.title, False

    def block(self, block: m.Block) -> str:
        """A table is captioned with its section's title (WCAG 1.3.1, as GOV.UK's tables): a screen
        reader names the table by it. Right under that heading, the caption is not shown again."""
        html = super().block(block)
        after_heading, self.just_after_heading = self.just_after_heading, isinstance(block, m.Heading)
        if isinstance(block, m.Heading):
            self.section = m.plain_text(block.children)
        elif isinstance(block, m.Table):
            hidden = ' class="fs-visually-hidden"' if after_heading else ""
            html = html.replace("<table>", f"<table><caption{hidden}>{escape(self.section)}</caption>", 1)
        return html

    def box(self, block: m.Box) -> str:
        if is_contact(block, "start"):
            return ""  # the leaflet's cover; on the web the same details close the page
        if is_contact(block, "end"):
            return (
                f'<section class="fs-contact fs-about" aria-labelledby="{escape(block.id)}">'
                f'<h2 id="{escape(block.id)}"{stretch_of(self.spoken, block.id + "-title")}>{self.inlines(block.title)}</h2>'
                f'{self.blocks(block.blocks)}</section>'
            )
        return super().box(block)


def panel_title(entry: ManifestEntry, language: str = ENGLISH) -> str:
    return gettext(language, "Other formats and audio" if "audio_mp3" in entry.get("formats", {}) else "Other formats")


def formats_link(entry: ManifestEntry, language: str = ENGLISH) -> str:
    """The one line near the top that leads to the panel of other formats and the audio (the
    panel lists them)."""
    labels = [gettext(language, fmt.label) for key, fmt in in_box_order(entry.get("formats", {})) if key != "html" and not fmt.companion_of]
    if not labels:
        return ""
    # The link alone, not the list of formats: on a phone the list took four lines above the text.
    return f'<p class="fs-jump"><a href="#{PANEL_ID}">{escape(panel_title(entry, language))}</a></p>'


def formats_box(document: m.Document, entry: ManifestEntry, href: Href, file_of: FileOf) -> str:
    """The list of downloads. href(key) gives a format's link; file_of(key) its file on disk."""
    items: list[str] = []
    lang = document.meta.language
    # Kept from a build of other formats, or made before the text was edited (a preview).
    older_note = gettext(lang, "This download is older than the page: rebuild to update it.")

    def t(message: str, **values: object) -> str:
        return words(lang, message, **values)

    technical: list[str] = []
    for key, fmt in in_box_order(entry.get("formats", {})):
        facts = gettext(lang, ", ").join(format_facts(key, entry, file_of(key), lang))
        if key == "html":
            continue  # this page: a link to itself would be one more tab stop and no help
        # The file's type and size in the link's words, as GOV.UK writes an attachment's link:
        # a screen reader's list of links then says what each one downloads.
        link = f'<a href="{escape(href(key))}">{t(fmt.label)} ({escape(facts)})</a>'
        older = f' <strong class="fs-older">{escape(older_note)}</strong>' if key in entry.get("older", ()) else ""
        (technical if key in TECHNICAL else items).append(f"<li>{link}: {t(fmt.purpose)}.{older}</li>")
    for _key, fmt in in_box_order(entry.get("failed", [])):
        items.append(f"<li>{t(fmt.label)}: {t('not available at the moment, please ask us for it.')}</li>")
    org = document.organisation
    subject = f"Please send me another format of: {document.meta.title}"  # for staff, who read English
    items += not_available_items(document, entry, mailto_href(org.email, subject))
    ask = (
        f'<p class="fs-ask"><a href="{escape(mailto_href(org.email, subject))}">{t("Ask for another format")}</a> '
        f'{t("(for example another language, a different print size, or braille on paper),")} '
        f"{t('or call the advice line on {number}.', number=org.advice_line)}</p>"
    )
    developers = (f'<h4 id="download-technical">{t("Files for developers and players")}</h4>'
                  f'<ul class="fs-downloads fs-technical">{"".join(technical)}</ul>') if technical else ""
    return f'<h3 id="download">{t("Download this factsheet")}</h3><ul class="fs-downloads">{"".join(items)}</ul>{ask}{developers}'


def not_available_items(document: m.Document, entry: ManifestEntry, ask_href: str) -> list[str]:
    """A line for each format its writer cannot make in this factsheet's language, with the
    writer's reason and how to ask for it (a recording, braille transcribed by hand)."""
    tag = document.meta.language
    items = []
    for key, fmt in in_box_order(entry.get("not_available", {})):
        if fmt.companion_of:
            continue
        said = gettext(tag, "{label}: not available in this language ({reason}).", label=gettext(tag, fmt.label),
                       reason=entry["not_available"][key])
        ask = gettext(tag, "Ask us for a recording" if fmt.media_type.startswith("audio/") else "Ask us for it")
        items.append(f'<li>{escape(said)} <a href="{escape(ask_href)}">{escape(ask)}</a>.</li>')
    return items


def english_texts(document: m.Document) -> frozenset[str]:
    """Every text the page marks as in another language (an untranslated glossary definition, the
    organisation's English words), as the transcript writes it, to mark it there too."""
    found: set[str] = set()
    for block in iter_blocks(document.blocks):
        if isinstance(block, m.GlossaryEntry) and block.language:
            found.add(block.term)
            found.update(m.plain_text(run) for inner in iter_blocks(block.blocks) for run in inline_runs(inner))
        found.update(m.plain_text(node.children) for _, node in iter_block_inlines([block]) if isinstance(node, m.Span))
    return frozenset(" ".join(t.split()).rstrip(".:") for t in found if t.strip())


def formats_panel(document: m.Document, entry: ManifestEntry, href: Href, file_of: FileOf) -> str:
    """The panel the top line leads to: the audio, then every download with its size."""
    lang = document.meta.language
    player = audio_player(entry, href, file_of, lang, document.meta.title, english_texts(document))
    return (
        f'<section class="fs-box fs-formats" aria-labelledby="{PANEL_ID}"><h2 id="{PANEL_ID}">{escape(panel_title(entry, lang))}</h2>'
        f"{player}{formats_box(document, entry, href, file_of)}</section>"
    )


def _token(level: int, id_: str, name: str, children: Iterable[TocToken] = ()) -> TocToken:
    name = escape(name, quote=False)
    return {"level": level, "id": id_, "name": name, "html": name, "data-toc-label": "", "children": list(children)}


def page_footnotes(document: m.Document, renderer: HtmlRenderer) -> str:
    """Every note at the foot of the page, as Material for MkDocs shows footnotes (the print
    and braille put them at the end of each section instead)."""
    notes = tuple(n for b in document.blocks if isinstance(b, m.Notes) for n in b.notes)
    return renderer.notes(m.Notes(notes, "footnotes")) if notes else ""


def factsheet_page(document: m.Document, entry: ManifestEntry, href: Href, file_of: FileOf, link_href: Callable[[str], str] | None = None,
                   family: list[tuple[m.Document, str]] | None = None) -> tuple[str, list[TocToken]]:
    """A factsheet page's HTML and its table of contents, as MkDocs' toc tokens. `family` is
    the factsheet's source and translations with their pages' addresses (a translation's source
    first), for the language line and a translation's notice."""
    meta = document.meta
    lang = meta.language
    timings = file_of("audio_sentences") if "audio_sentences" in entry.get("formats", {}) else None
    renderer = SiteRenderer(document, spoken_by_block(timings), link_href=link_href)
    family = family or []
    source = next(((d, h) for d, h in family if d.meta.slug == meta.translation_of), None)
    lines = [b for b in document.blocks if is_title_line(b)]
    head = (
        f'<h1 id="title"{stretch_of(renderer.spoken, "title")}>{escape(meta.title)}</h1>{language_switcher(document, family)}'
        f"{translation_notice(document, *source) if source else ''}"
        f'<p class="fs-summary">{escape(meta.summary)}</p>{formats_link(entry, lang)}'
    )
    # The out-of-date notice: the page has its own, with a link to the English (site_languages.py).
    blocks = [b for b in document.blocks if not is_contact(b) and not is_title_line(b) and not is_translation_notice(b) and not isinstance(b, m.Notes)]
    contact = [b for b in document.blocks if is_contact(b, "end")]
    has_panel = bool(formats_link(entry, lang)) or bool(entry.get("not_available"))  # saying what is not available, and how to ask
    panel = formats_panel(document, entry, href, file_of) if has_panel else ""
    # Who publishes it, its version and date: after the text, as a guide's "Published" line, not
    # between the title and the text (on a phone it pushed the text below the first screen).
    text = renderer.blocks(blocks)
    if i18n_language(lang).direction == "rtl":  # a number in running text: "01225 394382", not "394382 01225"
        text = isolate_latin(text)
    html = head + text + page_footnotes(document, renderer) + renderer.blocks(lines) + panel + renderer.blocks(contact)
    children = marked_tokens(toc_tokens(document), document)
    if has_panel:
        parts = [_token(3, "listen", gettext(lang, "Listen to this factsheet"))] if "audio_mp3" in entry.get("formats", {}) else []
        children.append(_token(2, PANEL_ID, panel_title(entry, lang), [*parts, _token(3, "download", gettext(lang, "Download this factsheet"))]))
    if contact:
        children.append(_token(2, contact[0].id, m.plain_text(contact[0].title)))
    return html, [_token(1, "title", meta.title, children)]


def marked_tokens(tokens: list[TocToken], document: m.Document) -> list[TocToken]:
    """The table of contents, a heading in another language (an English glossary term on a
    translation) marked with its language there too."""
    spans = {h.id: h.children[0] for h in m.headings(document) if len(h.children) == 1 and isinstance(h.children[0], m.Span)}
    for token in tokens:
        span = spans.get(token["id"])
        if span is not None:
            token["name"] = token["html"] = f'<span lang="{escape(span.language)}" dir="{span.direction}">{token["name"]}</span>'
        marked_tokens(token["children"], document)
    return tokens


def factsheet_list(documents: list[m.Document], href: Callable[[m.Document], str]) -> str:
    """The factsheets, each with a line linking its translations (in their own languages)."""
    items = "".join(
        f'<li><a href="{escape(href(d))}">{escape(d.meta.title)}</a><br>{escape(d.meta.summary)}'
        f"{translations_line(d, [t for t in documents if t.meta.translation_of == d.meta.slug], href)}</li>"
        for d in documents if d.meta.translation_of is None
    )
    return f'<ul class="fs-list">{items}</ul>'


def _stub(organisation: m.Organisation) -> m.Document:
    return m.Document(m.Meta("", "", "", "", "", "", ""), (), organisation)


def _comparable(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", normalise(name)).strip()


def shown_aliases(entry: Entry) -> list[str]:
    """The other names worth telling a reader: not the term itself (in other capitals or
    hyphens) or a part of it, nor the plural of a name already given."""
    shown: list[str] = []
    term = _comparable(entry.term)
    seen = {term}
    for alias in entry.aliases:
        key = _comparable(alias)
        if f" {key} " in f" {term} " or any(key in (s, s + "s", s + "es") for s in seen):
            continue
        seen.add(key)
        shown.append(alias)
    return shown


def glossary_page(glossary: Glossary, organisation: m.Organisation) -> str:
    renderer = HtmlRenderer(_stub(organisation))
    parts: list[str] = []
    for entry in glossary.sorted():
        parts.append(f'<h2 id="glossary-{escape(entry.id)}">{escape(entry.term)}</h2>')
        aliases = shown_aliases(entry)
        if aliases:
            parts.append(f"<p>Also called: {escape(', '.join(aliases))}.</p>")
        parts.append(renderer.blocks(entry.blocks))
    return "\n".join(parts)


def glossary_toc(glossary: Glossary) -> list[tuple[str, str]]:
    """(id, term) of each heading glossary_page() writes, for the page's table of contents."""
    return [(f"glossary-{entry.id}", entry.term) for entry in glossary.sorted()]


def contact_fragment(organisation: m.Organisation, language: str = "en-GB") -> str:
    """The ways to reach the organisation, for a page of the site that asks for them."""
    lines = HtmlRenderer(_stub(organisation)).block(m.ListBlock(False, contact_lines(organisation, language)))
    return lines.replace("<ul>", '<ul class="fs-contact-lines">', 1)
