"""Translations: a factsheet in another language, tied to the English factsheet it translates.

A translation is an ordinary factsheet whose front matter says `language:` (BCP 47),
`translation_of:` (the source's slug) and `source_version:` (the source's version it
translates). Its file is named after the source and the language
(`what-if-i-do-not-agree-cy.md`), so its slug, and its web address, say both. When the
source's version moves on, the translation is out of date: the build warns, `check` lists it
and its page says which version it translates.

Staff deliver translations as they come: a language tag in any case (`zh-hans` is `zh-Hans`,
BCP 47 tags are case-insensitive), and now and then a file named like a translation
(`contact-us-pl.md`) without `translation_of:`, which would be published as a factsheet of its
own with no link to its source: the build warns and says what to add. A language with no
catalogue of fixed words is warned about once, whatever the number of its factsheets.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass

from . import model as m
from .errors import Location, SourceError, Warning_
from .frontmatter import key_line
from .i18n import canonical_tag, has_catalogue, language


@dataclass(frozen=True)
class Stale:
    translation: m.Document
    source: m.Document
    line: int  # of `source_version:` in the translation's file

    def message(self) -> str:
        return (
            f"this translation is of version {self.translation.meta.source_version} of "
            f"{self.source.meta.source}, which is now at version {self.source.meta.version}: "
            f"have the changes translated, then set 'source_version: {self.source.meta.version}'"
        )


def check_file_name(front: Mapping[str, object], stem: str, shown: str, text: str) -> None:
    """A translation names its source and the version it translates, and its file is named
    after both, so its web address is the source's plus the language."""
    source = front.get("translation_of")
    if source is None:
        if "source_version" in front:
            raise SourceError(Location(shown, key_line(text, "source_version")), "'source_version' is for a translation: add 'translation_of: <the source factsheet's file name>'")
        return
    tag = front.get("language")
    if not tag:
        raise SourceError(Location(shown, key_line(text, "translation_of")), "a translation needs 'language:', the language it is in, such as cy or ar")
    if "source_version" not in front:
        raise SourceError(Location(shown, key_line(text, "translation_of")), "a translation needs 'source_version:', the version of the source it translates")
    expected = f"{str(source).strip()}-{canonical_tag(str(tag))}"
    if stem.lower() != expected.lower():  # a language tag is case-insensitive: -zh-hans is -zh-Hans
        raise SourceError(Location(shown, key_line(text, "translation_of")), f"a translation's file is named after its source and language: rename this file to {expected}.md")


def check_sources(documents: list[m.Document], sources: dict[str, str]) -> None:
    """Each translation names a factsheet that exists and is not itself a translation."""
    by_slug = {d.meta.slug: d for d in documents}
    for document in documents:
        meta = document.meta
        if meta.translation_of is None:
            continue
        text = sources[meta.slug]
        where = Location(meta.source, key_line(text, "translation_of"))
        source = by_slug.get(meta.translation_of)
        if source is None:
            originals = [s for s, d in by_slug.items() if d.meta.translation_of is None]
            close = difflib.get_close_matches(meta.translation_of, originals, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "give the file name of an English factsheet in docs/factsheets/, without .md"
            raise SourceError(where, f"'translation_of: {meta.translation_of}' is not a factsheet: {hint}")
        if source.meta.translation_of is not None:
            raise SourceError(where, f"'{meta.translation_of}' is itself a translation: name the factsheet it translates, '{source.meta.translation_of}'")
        if language(meta.language).base == language(source.meta.language).base:
            raise SourceError(Location(meta.source, key_line(text, "language")), f"a translation must be in another language than its source ({source.meta.language})")


def _version_key(version: str) -> tuple[int | str, ...]:
    # isdecimal() alone would pass "²" and other digits int() cannot read; the front matter's
    # check keeps each part short, so int() is never asked for thousands of digits.
    return tuple(int(p) if p.isascii() and p.isdecimal() else p for p in version.replace("-", ".").split("."))


def stale(documents: list[m.Document], sources: dict[str, str]) -> list[Stale]:
    """Translations whose source has moved past the version they translate."""
    by_slug = {d.meta.slug: d for d in documents}
    found = []
    for document in documents:
        meta = document.meta
        source = by_slug.get(meta.translation_of or "")
        if source is None or meta.source_version is None or meta.source_version == source.meta.version:
            continue
        try:
            newer = _version_key(source.meta.version) > _version_key(meta.source_version)
        except TypeError:  # versions of different shapes (2 against 2.a): any difference is news
            newer = True
        if newer:
            found.append(Stale(document, source, key_line(sources[meta.slug], "source_version")))
    return found


def stale_warnings(documents: list[m.Document], sources: dict[str, str]) -> list[Warning_]:
    return [Warning_(Location(s.translation.meta.source, s.line), s.message()) for s in stale(documents, sources)]


def family(documents: list[m.Document], document: m.Document) -> list[m.Document]:
    """The source and all its translations, the source first then by language tag: what a
    page's language switcher and hreflang links list."""
    root = document.meta.translation_of or document.meta.slug
    members = [d for d in documents if d.meta.slug == root or d.meta.translation_of == root]
    return sorted(members, key=lambda d: (d.meta.translation_of is not None, d.meta.language))


def _known_language(tag: str) -> bool:
    """Whether CLDR knows a tag as a language, so that `leaflet-2` or `faq-v` is not taken for one."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(canonical_tag(tag), sep="-")
    except (UnknownLocaleError, ValueError):
        return False
    return True


def unlinked_translations(documents: list[m.Document], sources: dict[str, str]) -> list[Warning_]:
    """A factsheet named `<another factsheet>-<language>` that does not say `translation_of:`:
    most likely a translation delivered without it, which would be published unlinked."""
    by_slug = {d.meta.slug.lower(): d for d in documents}
    found = []
    for document in documents:
        meta = document.meta
        if meta.translation_of is not None:
            continue
        for cut in range(len(meta.slug) - 1, 0, -1):
            if meta.slug[cut] != "-":
                continue
            source, tag = by_slug.get(meta.slug[:cut].lower()), meta.slug[cut + 1:]
            if source is None or source.meta.translation_of is not None or not _known_language(tag):
                continue
            if language(tag).base == language(source.meta.language).base:
                continue
            text = sources[meta.slug]
            found.append(Warning_(Location(meta.source, key_line(text, "title") if "title:" in text else 1),
                                  f"this file is named like a translation of {source.meta.source} into {language(tag).english_name}, "
                                  f"but its front matter does not say so, so it is published as a factsheet of its own: add "
                                  f"'translation_of: {source.meta.slug}', 'language: {canonical_tag(tag)}' and "
                                  f"'source_version: {source.meta.version or 1}' (the version of the English it translates)"))
            break
    return found


def missing_catalogues(documents: list[m.Document], sources: dict[str, str]) -> list[Warning_]:
    """One warning for each language whose fixed words ("Other formats", "Page 1 of 4") have no
    catalogue: its pages show them in English, marked as English."""
    from .i18n import LOCALES

    first: dict[str, m.Document] = {}
    for document in documents:
        tag = canonical_tag(document.meta.language)
        if not has_catalogue(tag):
            first.setdefault(language(tag).base, document)
    return [Warning_(Location(d.meta.source, key_line(sources[d.meta.slug], "language")),
                     f"there is no catalogue of fixed words for {language(d.meta.language).english_name} ({d.meta.language}), "
                     f"so its factsheets show words such as 'Other formats' and 'Page 1 of 4' in English, marked as English: "
                     f"have {LOCALES.name}/{canonical_tag(d.meta.language)}.po translated (copy cy.po and translate each msgstr)")
            for d in first.values()]


def with_stale_notices(documents: list[m.Document], sources: dict[str, str]) -> list[m.Document]:
    """Every stale translation with the out-of-date notice every format prints (transforms.py)."""
    from .transforms import with_stale_notice

    newer = {s.translation.meta.slug: s.source.meta.version for s in stale(documents, sources)}
    return [with_stale_notice(d, newer[d.meta.slug]) if d.meta.slug in newer else d for d in documents]


def language_warnings(documents: list[m.Document], sources: dict[str, str]) -> list[Warning_]:
    """What the build says of a project's languages: stale and unlinked translations, missing catalogues."""
    return stale_warnings(documents, sources) + unlinked_translations(documents, sources) + missing_catalogues(documents, sources)
