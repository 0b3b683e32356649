"""The language of every part of a page (WCAG 3.1.2), where MkDocs and Material write it.

A page is in its factsheet's language (<html lang>); Material's menu around it lists the site's
pages under the site's name, in the site's language, and each factsheet's title in that
factsheet's language. Material's templates write no lang on any of them, so a screen reader
read an English menu with an Arabic voice. This marks, in the page Material wrote:

- the site's menu (the primary navigation): its title and its list, in the site's language,
  when the page is not; its label (aria-label, Material's word for it) stays in the page's,
  which is the language it is translated into (site_theme/partials/languages/);
- the page's own table of contents inside it, and its own entry, back in the page's language;
- each link to another page, in its page's language, when that is not the language around it.
"""

from __future__ import annotations

import re
from html import escape

from .i18n import language as language_of

LINK = re.compile(r'<a href="([^"]*)" class="(?:md-nav__link|fs-site-link)')


def attributes(tag: str) -> str:
    return f' lang="{escape(tag)}" dir="{language_of(tag).direction}"'


def same(a: str, b: str) -> bool:
    return a.split("-")[0].lower() == b.split("-")[0].lower()


def mark_languages(html: str, page_language: str, site_language: str, targets: dict[str, str]) -> str:
    """`targets`: each other page's address as this page links it -> its language (pages not
    listed are in the site's language)."""
    if not same(page_language, site_language):
        start = html.find('<nav class="md-nav md-nav--primary"')
        if start >= 0:
            menu = html[start:]
            for opening in ('<label class="md-nav__title"', '<ul class="md-nav__list"'):  # the menu's first two
                menu = menu.replace(opening, opening + attributes(site_language), 1)
            html = html[:start] + menu
        html = html.replace('<nav class="md-nav md-nav--secondary"', '<nav class="md-nav md-nav--secondary"' + attributes(page_language))
        html = html.replace('<label class="md-nav__link md-nav__link--active"',
                            '<label class="md-nav__link md-nav__link--active"' + attributes(page_language))

    def mark(match: re.Match[str]) -> str:
        target = targets.get(match.group(1), site_language)
        if same(target, site_language):
            return match.group(0)
        return match.group(0).replace("<a ", "<a" + attributes(target) + " ", 1)

    return LINK.sub(mark, html)
