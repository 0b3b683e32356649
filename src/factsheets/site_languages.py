"""The website's language parts of a factsheet page: the "This factsheet in:" line that links
a source and its translations, and the notice on a translation that says which version of the
English it translates (and that it is out of date, when the English has moved on)."""

from __future__ import annotations

from collections.abc import Callable, MutableMapping, Sequence
from html import escape
from importlib.resources import files as package_files

from typing import Any, Protocol

from . import model as m
from .i18n import ENGLISH, gettext, has_message, language as language_of


def words(tag: str, message: str, **values: object) -> str:
    """A fixed word as page text, escaped: in the page's language, or English marked English
    (lang and dir) where that language's catalogue does not translate it yet."""
    text = escape(gettext(tag, message, **values))
    if has_message(tag, message):
        return text
    return f'<span lang="{ENGLISH}" dir="ltr">{text}</span>'


def autonym(tag: str) -> str:
    """A language's own name, as a reader looks for it: "Polski", "Cymraeg", "العربية";
    "English" for en-GB (a region is not part of the name a reader looks for; a script is)."""
    parts = tag.split("-")
    without_region = "-".join([parts[0], *(p for p in parts[1:] if not (len(p) == 2 or p.isdigit()))])
    name = language_of(without_region).autonym
    return name[:1].upper() + name[1:]


def language_switcher(document: m.Document, family: list[tuple[m.Document, str]]) -> str:
    """"This factsheet in: English · Cymraeg · العربية": each name in its own language and
    direction, linked with hreflang; the page's own language is shown, not linked."""
    if len(family) < 2:
        return ""
    items = []
    for member, href in family:
        tag = member.meta.language
        lang = language_of(tag)
        attributes = f'lang="{escape(tag)}" dir="{lang.direction}"'
        if member.meta.slug == document.meta.slug:
            items.append(f'<li><span {attributes} aria-current="page">{escape(autonym(tag))}</span></li>')
        else:
            items.append(f'<li><a href="{escape(href)}" hreflang="{escape(tag)}" {attributes}>{escape(autonym(tag))}</a></li>')
    label = escape(gettext(document.meta.language, "This factsheet in:"))
    return f'<nav class="fs-languages" aria-label="{label}"><p>{label}</p><ul>{"".join(items)}</ul></nav>'


def translations_line(document: m.Document, translated: list[m.Document], href: Callable[[m.Document], str]) -> str:
    """Under a factsheet in the list: "Also in: Cymraeg · العربية", each linked in its language."""
    if not translated:
        return ""
    links = " · ".join(
        f'<a href="{escape(href(t))}" hreflang="{escape(t.meta.language)}" lang="{escape(t.meta.language)}" '
        f'dir="{language_of(t.meta.language).direction}">{escape(autonym(t.meta.language))}</a>'
        for t in sorted(translated, key=lambda t: t.meta.language)
    )
    return f'<br><span class="fs-also-in">{escape(gettext(document.meta.language, "Also in:"))} {links}</span>'


def translation_notice(document: m.Document, source: m.Document | None, source_href: str) -> str:
    """On a translation: the version of the English it translates, a link to the English, and
    whether the English has changed since; on a sample, that a translator has not checked it."""
    meta = document.meta
    if meta.translation_of is None or source is None:
        return ""
    lang = meta.language

    def t(message: str, **values: object) -> str:
        return words(lang, message, **values)

    english = f'<a href="{escape(source_href)}" hreflang="{escape(source.meta.language)}">{t("the current English version")}</a>'
    parts = [t("This is a translation of version {version} of the English factsheet.", version=meta.source_version)]
    stale = meta.source_version != source.meta.version
    if stale:
        parts.append(t("The English has changed since (it is now version {version}): read {link} for the latest information.",
                       version=source.meta.version, link="\x00").replace("\x00", english))
    else:
        parts.append(t("Read {link}.", link="\x00").replace("\x00", english))
    if meta.sample:
        parts.append(t("This is a sample translation that a translator has not yet checked."))
    kind = "fs-translation fs-stale" if stale else "fs-translation"
    return f'<p class="{kind}" role="note">{" ".join(parts)}</p>'


def material_language(tag: str) -> str:
    """The name of the interface translation for a language tag (partials/languages/<name>.html):
    the tag itself, its script variant, or its base language. Material's own translations come
    first; for a language Material has none of (Punjabi, Somali), the project's own, in
    site_theme/partials/languages/, which the theme's templates find before Material's (the
    plugin puts site_theme in front: mkdocs_plugin.add_theme). English when neither has one."""
    folders = (package_files("material").joinpath("templates/partials/languages"),
               package_files("factsheets").joinpath("site_theme/partials/languages"))
    parts = tag.split("-")
    for name in (tag, "-".join(parts[:2]), parts[0].lower()):
        if any(folder.joinpath(f"{name}.html").is_file() for folder in folders):
            return name
    return "en"


class PageWithMeta(Protocol):
    """A website page as the theme reads it (MkDocs' Page; this module does not import MkDocs)."""

    meta: MutableMapping[str, Any]  # the page's front matter, and what plugins add for the theme


def set_page_language(page: PageWithMeta, tag: str, family: Sequence[tuple[m.Document, str]]) -> None:
    """What the theme's partials (site_theme/partials/language.html, main.html) read to give a
    factsheet page its own language: <html lang dir>, Material's words in that language, and
    the hreflang links to its translations."""
    page.meta["factsheets_language"] = tag
    page.meta["factsheets_direction"] = language_of(tag).direction
    page.meta["factsheets_interface"] = material_language(tag)
    page.meta["factsheets_alternates"] = [{"hreflang": d.meta.language, "href": href} for d, href in family if len(family) > 1]
