"""The HTML MkDocs made of a page that is not a factsheet, checked before it is published.

A factsheet's page is rendered from the document model; every other page in docs/ (the home
page, the accessibility statement) is rendered by MkDocs' own Markdown, after the reader has
checked its source. Wherever the two read a text differently (pymdownx.snippets indenting a
shared file, a table pasted with tabs, an extension one of them has and the other not), the
reader's check says nothing of what MkDocs makes. So what MkDocs made is checked too, against
what Markdown of the kinds the project allows can make: ordinary text elements, links to web
pages, emails and phone numbers or to other pages, pictures from the site. Anything else (a
script, an event handler, a style sheet, a picture from another host) stops the build.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .validators.site_markup import SAFE_SCHEMES, url_scheme

ELEMENTS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "img", "em", "strong", "b", "i", "code", "pre",
    "blockquote", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "hr", "br", "div", "span", "sup", "sub",
    "abbr", "dl", "dt", "dd", "details", "summary", "del", "ins", "small", "figure", "figcaption", "colgroup", "col",
}
ATTRIBUTES = {"id", "class", "title", "href", "src", "alt", "align", "start", "colspan", "rowspan", "open", "width", "height",
              "lang", "dir", "reversed"}
TEXT_ALIGN = re.compile(r"text-align:\s*(left|right|center);?")
MARKERS = ("<!-- factsheets:list -->", "<!-- factsheets:glossary -->", "<!-- factsheets:contact -->")


class _Content(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problem: str | None = None

    def refuse(self, what: str) -> None:
        self.problem = self.problem or what

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ELEMENTS:
            self.refuse(f"a <{tag}> element")
        for name, value in attrs:
            value = value or ""
            if name == "style" and TEXT_ALIGN.fullmatch(value.strip()):
                continue  # a table column's alignment, as Markdown tables write it
            if name not in ATTRIBUTES:
                self.refuse(f"an attribute {name}= on <{tag}>")
            elif name == "href" and url_scheme(value) not in (None, *SAFE_SCHEMES):
                self.refuse(f"a {url_scheme(value)}: address on <{tag}>")
            elif name == "src" and (url_scheme(value) is not None or value.strip().startswith(("/", "\\"))):
                self.refuse(f"a picture from {value[:60]!r}, outside the site")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data: str) -> None:
        if f"<!--{data}-->" not in MARKERS:
            self.refuse("an HTML comment")

    def handle_decl(self, decl: str) -> None:
        self.refuse("a declaration")

    def unknown_decl(self, data: str) -> None:  # <![CDATA[ ... ]]>: a browser ends it at the first >, this parser does not
        self.refuse("a CDATA section")

    def handle_pi(self, data: str) -> None:
        self.refuse("a processing instruction")


def content_problem(html: str) -> str | None:
    """What in a page's HTML no allowed Markdown makes, or None."""
    parser = _Content()
    parser.feed(html)
    parser.close()
    return parser.problem
