"""Document model -> HTML fragments, shared by the website page and the print view.

One renderer, two uses: the website links a glossary term to its entry on the
same page; the print view also writes every web address out in full, since
paper cannot be clicked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import escape
from typing import Any
from urllib.parse import quote

from .. import model as m
from ..i18n import gettext, language as language_of
from ..organisation import display_address
from ..transforms import CONTACT_END, CONTACT_KIND
from ..walk import unknown_node


def mailto_href(address: str, subject: str | None = None) -> str:
    return f"mailto:{address}" + (f"?subject={quote(subject)}" if subject else "")


class HtmlRenderer:
    def __init__(self, document: m.Document, *, print_urls: bool = False, link_href: Callable[[str], str] | None = None) -> None:
        self.document = document
        self.print_urls = print_urls
        self.link_href: Callable[[str], str] = link_href or (lambda url: url)

    # inlines ------------------------------------------------------------------
    def inlines(self, nodes: Iterable[m.Inline]) -> str:
        return "".join(self.inline(n) for n in nodes)

    def inline(self, node: m.Inline) -> str:
        match node:
            case m.Text():
                return escape(node.text, quote=False)
            case m.Strong():
                return f"<strong>{self.inlines(node.children)}</strong>"
            case m.Emphasis():
                return f"<em>{self.inlines(node.children)}</em>"
            case m.Code():
                return f"<code>{escape(node.text)}</code>"
            case m.LineBreak():
                return "<br>"
            case m.Image():
                return f'<img src="{escape(self.link_href(node.src))}" alt="{escape(node.alt)}">'
            case m.TermRef():
                words = self.inlines(node.children)
                if node.first:
                    return f'<a class="fs-term" href="#glossary-{escape(node.term_id)}">{words}</a>'
                return f'<span class="fs-term">{words}</span>'
            case m.Link():
                return self.link(node)
            case m.FootnoteRef():
                return self.footnote_ref(node)
            case m.Abbreviation():
                return self.abbreviation(node)
            case m.Span():
                return self.span(node)
            case _:
                unknown_node(node, "HTML cannot render")

    def span(self, node: m.Span) -> str:
        """Words in another language: `lang` for a screen reader's voice, and `dir` only where
        it differs from the page's (an English name in Arabic), so Latin text needs no isolation."""
        own = language_of(self.document.meta.language).direction
        direction = f' dir="{escape(node.direction)}"' if node.direction != own else ""
        return f'<span lang="{escape(node.language)}"{direction}>{self.inlines(node.children)}</span>'

    # footnotes, abbreviations, definition lists ----------------------------------
    def footnote_ref(self, node: m.FootnoteRef) -> str:
        """As Python-Markdown's footnotes extension writes it, which Material for MkDocs styles."""
        own = f' id="{escape(node.ref_id)}"' if node.ref_id else ""
        return f'<sup{own}><a class="footnote-ref" href="#{escape(node.note_id)}">{node.number}</a></sup>'

    def abbreviation(self, node: m.Abbreviation) -> str:
        return f'<abbr title="{escape(node.expansion)}">{escape(node.text, quote=False)}</abbr>'

    def notes(self, block: m.Notes) -> str:
        """The footnotes extension's markup: a rule, then the notes numbered as cited, each
        with a link back to where it was cited."""
        return f'<div class="footnote" id="{escape(block.id)}"><hr>{self.note_list(block)}</div>'

    def note_list(self, block: m.Notes) -> str:
        language = self.document.meta.language
        items = []
        for note in block.notes:
            back = (f'&#160;<a class="footnote-backref" href="#fnref-{escape(note.id.removeprefix("fn-"))}" '
                    f'title="{escape(gettext(language, "Jump back to footnote {number} in the text", number=note.number))}">&#8617;</a>')
            body = self.blocks(note.blocks)
            body = body[:-4] + back + "</p>" if body.endswith("</p>") else body + back
            items.append(f'<li id="{escape(note.id)}" value="{note.number}">{body}</li>')
        return f'<ol start="{block.notes[0].number if block.notes else 1}">{"".join(items)}</ol>'

    def note_with_lead(self, note: m.Note, lead: str) -> str:
        """A note's blocks with `lead` (its number, a link back) at the start of its first paragraph."""
        body = self.blocks(note.blocks)
        opening = re.match(r"<p[^>]*>", body)
        return body[:opening.end()] + lead + body[opening.end():] if opening else f"<p>{lead}</p>{body}"

    def definition_list(self, block: m.DefinitionList) -> str:
        parts = []
        for item in block.items:
            parts += [f"<dt>{self.term(t)}</dt>" for t in item.terms]
            parts += [f"<dd>{self.item(m.ListItem(d))}</dd>" for d in item.definitions]
        return f'<dl id="{escape(block.id)}">{"".join(parts)}</dl>'

    def term(self, inlines: tuple[m.Inline, ...]) -> str:
        return self.inlines(inlines)

    def link(self, node: m.Link) -> str:
        words = self.inlines(node.children)
        href = self.link_href(node.url)
        # A phone number, an email or a web address on a right-to-left page is read left to right:
        # isolated, or "01225 394382" shows as "394382 01225".
        ltr = ' dir="ltr"' if self.right_to_left and node.url.split(":")[0] in ("tel", "sms", "mailto", "http", "https") else ""
        out = f'<a href="{escape(href)}"{ltr}>{words}</a>'
        shown = display_address(node.url)
        if self.print_urls and "://" in node.url and m.plain_text(node.children).strip().rstrip("/") != shown:
            out += f' <span class="fs-url">({escape(shown)})</span>'
        return out

    # languages ------------------------------------------------------------------
    @property
    def right_to_left(self) -> bool:
        return language_of(self.document.meta.language).direction == "rtl"

    def t(self, message: str, **values: object) -> str:
        """A fixed word in the document's language (English where its catalogue lacks it)."""
        return gettext(self.document.meta.language, message, **values)

    def lang_attributes(self, tag: str | None) -> str:
        """lang and dir for words in another language than the page's (an English fallback)."""
        if not tag or tag.split("-")[0] == self.document.meta.language.split("-")[0]:
            return ""
        return f' lang="{escape(tag)}" dir="{language_of(tag).direction}"'

    def org_words(self, field: str) -> str:
        """One of the organisation's details, marked English where a translation left it so."""
        org = self.document.organisation
        words = escape(str(getattr(org, field)))
        marked = self.lang_attributes(org.language if field not in org.english else "en-GB")
        return f"<span{marked}>{words}</span>" if marked else words

    # blocks -------------------------------------------------------------------
    def blocks(self, blocks: Iterable[m.Block]) -> str:
        return "\n".join(self.block(b) for b in blocks)

    def block(self, block: m.Block) -> str:
        match block:
            case m.Heading():
                return f'<h{block.level} id="{escape(block.id)}">{self.inlines(block.children)}</h{block.level}>'
            case m.Paragraph():
                return f"<p>{self.inlines(block.children)}</p>"
            case m.ListBlock():
                tag = "ol" if block.ordered else "ul"
                start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
                items = "".join(f"<li>{self.item(item)}</li>" for item in block.items)
                return f"<{tag}{start}>{items}</{tag}>"
            case m.Quote():
                return self.quote(block)
            case m.Table():
                head = "".join(f'<th scope="col">{self.inlines(c)}</th>' for c in block.header)
                rows = "".join("<tr>" + "".join(f"<td>{self.inlines(c)}</td>" for c in row) + "</tr>" for row in block.rows)
                thead = f"<thead><tr>{head}</tr></thead>" if head else ""
                return f'<div class="fs-table"><table>{thead}<tbody>{rows}</tbody></table></div>'
            case m.Figure():
                return f'<figure>{self.inline(block.image)}</figure>'
            case m.GlossaryEntry():
                return f'<div class="fs-definition" id="{escape(block.id)}"{self.lang_attributes(block.language)}>{self.blocks(block.blocks)}</div>'
            case m.Box():
                return self.box(block)
            case m.Notes():
                return self.notes(block)
            case m.DefinitionList():
                return self.definition_list(block)
            case _:
                unknown_node(block, "HTML cannot render")

    def item(self, item: m.ListItem) -> str:
        # A list item of one paragraph is written without <p>, as Markdown does for tight lists.
        if len(item.blocks) == 1 and isinstance(item.blocks[0], m.Paragraph):
            return self.inlines(item.blocks[0].children)
        return self.blocks(item.blocks)

    def quote(self, block: m.Quote) -> str:
        reference = ""
        if block.reference:
            reference = f'<p class="fs-reference">({escape(self.t("paragraph {reference}", reference=block.reference))})</p>'
        label = self.t("Quotation from paragraph {reference}", reference=block.reference) if block.reference else self.t("Quotation")
        return (
            f'<figure class="fs-quote" aria-label="{escape(label)}">'
            f"<blockquote>{self.blocks(block.blocks)}</blockquote>{reference}</figure>"
        )

    # boxes --------------------------------------------------------------------
    def box(self, block: m.Box) -> str:
        """A call-out in Material for MkDocs' markup, which its stylesheet draws: the title is
        words on the page (the kind's icon is only decoration). The contact details are a
        section of their own, their title in bold."""
        ident = escape(block.id)
        title = self.inlines(block.title)
        labelled = f' id="{ident}" aria-labelledby="{ident}-title"' if ident else ""
        title_id = f' id="{ident}-title"' if ident else ""
        if block.kind == CONTACT_KIND:
            about = " fs-about" if block.id == CONTACT_END else ""
            return (f'<section class="fs-contact{about}"{labelled}>'
                    f'<p class="fs-box-title"{title_id}><strong>{title}</strong></p>{self.blocks(block.blocks)}</section>')
        kind = escape(block.kind)
        if block.collapsible:
            shown = " open" if block.expanded else ""
            return (f'<details class="{kind}"{labelled}{shown}><summary{title_id}>{title}</summary>'
                    f"{self.blocks(block.blocks)}</details>")
        return (f'<div class="admonition {kind}" role="note"{labelled}>'
                f'<p class="admonition-title"{title_id}>{title}</p>{self.blocks(block.blocks)}</div>')


def toc_tokens(document: m.Document) -> list[dict[str, Any]]:
    """Headings as Python-Markdown's toc extension reports them, nested by level."""
    root: list[dict[str, Any]] = []
    stack: list[tuple[int, list[dict[str, Any]]]] = [(0, root)]
    for heading in m.headings(document):
        name = escape(m.plain_text(heading.children), quote=False)
        children: list[dict[str, Any]] = []
        token = {"level": heading.level, "id": heading.id, "name": name, "html": name, "data-toc-label": "", "children": children}
        while stack[-1][0] >= heading.level:
            stack.pop()
        stack[-1][1].append(token)
        stack.append((heading.level, children))
    return root
