"""Document model -> HTML fragments, shared by the website page and the print view.

One renderer, two uses: the website links a glossary term to its entry on the
same page; the print view also writes every web address out in full, since
paper cannot be clicked.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from .. import model as m
from ..i18n import gettext, language as language_of
from ..organisation import display_address


def tel_href(number: str) -> str:
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


def mailto_href(address: str, subject: str | None = None) -> str:
    return f"mailto:{address}" + (f"?subject={quote(subject)}" if subject else "")


class HtmlRenderer:
    def __init__(self, document: m.Document, *, print_urls: bool = False, link_href=None):
        self.document = document
        self.print_urls = print_urls
        self.link_href = link_href or (lambda url: url)

    # inlines ------------------------------------------------------------------
    def inlines(self, nodes) -> str:
        return "".join(self.inline(n) for n in nodes)

    def inline(self, node: m.Inline) -> str:
        if isinstance(node, m.Text):
            return escape(node.text, quote=False)
        if isinstance(node, m.Strong):
            return f"<strong>{self.inlines(node.children)}</strong>"
        if isinstance(node, m.Emphasis):
            return f"<em>{self.inlines(node.children)}</em>"
        if isinstance(node, m.Code):
            return f"<code>{escape(node.text)}</code>"
        if isinstance(node, m.LineBreak):
            return "<br>"
        if isinstance(node, m.Image):
            return f'<img src="{escape(self.link_href(node.src))}" alt="{escape(node.alt)}">'
        if isinstance(node, m.TermRef):
            words = self.inlines(node.children)
            if node.first:
                return f'<a class="fs-term" href="#glossary-{escape(node.term_id)}">{words}</a>'
            return f'<span class="fs-term">{words}</span>'
        if isinstance(node, m.Link):
            return self.link(node)
        if isinstance(node, m.Span):
            return f'<span lang="{escape(node.language)}" dir="{escape(node.direction)}">{self.inlines(node.children)}</span>'
        raise TypeError(node)

    def link(self, node: m.Link) -> str:
        words = self.inlines(node.children)
        href = self.link_href(node.url)
        out = f'<a href="{escape(href)}">{words}</a>'
        shown = display_address(node.url)
        if self.print_urls and "://" in node.url and m.plain_text(node.children).strip().rstrip("/") != shown:
            out += f' <span class="fs-url">({escape(shown)})</span>'
        return out

    # languages ------------------------------------------------------------------
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
    def blocks(self, blocks) -> str:
        return "\n".join(self.block(b) for b in blocks)

    def block(self, block: m.Block) -> str:
        if isinstance(block, m.Heading):
            return f'<h{block.level} id="{escape(block.id)}">{self.inlines(block.children)}</h{block.level}>'
        if isinstance(block, m.Paragraph):
            return f"<p>{self.inlines(block.children)}</p>"
        if isinstance(block, m.ListBlock):
            tag = "ol" if block.ordered else "ul"
            start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
            items = "".join(f"<li>{self.item(item)}</li>" for item in block.items)
            return f"<{tag}{start}>{items}</{tag}>"
        if isinstance(block, m.Quote):
            return self.quote(block)
        if isinstance(block, m.Table):
            head = "".join(f'<th scope="col">{self.inlines(c)}</th>' for c in block.header)
            rows = "".join("<tr>" + "".join(f"<td>{self.inlines(c)}</td>" for c in row) + "</tr>" for row in block.rows)
            thead = f"<thead><tr>{head}</tr></thead>" if head else ""
            return f'<div class="fs-table"><table>{thead}<tbody>{rows}</tbody></table></div>'
        if isinstance(block, m.Figure):
            return f'<figure>{self.inline(block.image)}</figure>'
        if isinstance(block, m.GlossaryEntry):
            return f'<div class="fs-definition" id="{escape(block.id)}"{self.lang_attributes(block.language)}>{self.blocks(block.blocks)}</div>'
        if isinstance(block, m.ContactDetails):
            return self.contact(block.placement)
        raise TypeError(block)

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

    # the organisation -----------------------------------------------------------
    def address(self, text: str) -> str:
        """An email or web address as shown; the print view lets long ones break."""
        return escape(text)

    def contact_lines(self) -> str:
        org = self.document.organisation
        rows = [
            (self.t("Advice line"), f'<a href="{tel_href(org.advice_line)}" dir="ltr">{escape(org.advice_line)}</a>'
             + (f", {self.org_words('advice_hours')}" if org.advice_hours else "")),
        ]
        if org.text:
            rows.append((self.t("Text"), f'<a href="{tel_href(org.text).replace("tel:", "sms:")}" dir="ltr">{escape(org.text)}</a>'))
        rows.append((self.t("Email"), f'<a href="{escape(mailto_href(org.email))}" dir="ltr">{self.address(org.email)}</a>'))
        rows.append((self.t("Website"), f'<a href="{escape(org.website)}" dir="ltr">{self.address(display_address(org.website))}</a>'))
        if org.facebook:
            rows.append(("Facebook", f'<a href="{escape(org.facebook)}" dir="ltr">{self.address(display_address(org.facebook))}</a>'))
        items = "".join(f"<li><strong>{escape(label)}:</strong> {value}</li>" for label, value in rows)
        return f'<ul class="fs-contact-lines">{items}</ul>'

    def contact(self, placement: str) -> str:
        org = self.document.organisation
        if placement == "start":
            return (
                f'<section class="fs-contact" aria-label="{escape(self.t("Contact the {name}", name=org.name))}">'
                f'<p class="fs-org"><strong>{self.org_words("name")}</strong><br>{self.org_words("description")}</p>'
                f"{self.contact_lines()}</section>"
            )
        return (
            f'<section class="fs-contact fs-about" aria-label="{escape(self.t("About this factsheet"))}">'
            f"<p><strong>{escape(self.t('Contact the {name}', name=org.name))}</strong></p>{self.contact_lines()}"
            f"{self.closing_details()}</section>"
        )

    def closing_details(self) -> str:
        """What closes a factsheet after the contact lines: partners, version, disclaimer, the promise."""
        org = self.document.organisation
        partners = "".join(
            f"<li>{escape(p.name)}" + (f" – {escape(p.strapline)}" if p.strapline else "") + "</li>"
            for p in org.partners
        )
        parts = [f"<p>{escape(self.t('In partnership with:'))}</p><ul>{partners}</ul>"] if partners else []
        if org.collaboration:
            parts.append(f"<p>{self.org_words('collaboration')}</p>")
        meta = self.document.meta
        parts.append(f"<p>{escape(self.t('Version {version}, {date}', version=meta.version, date=m.display_month(meta.date, meta.language)))}</p>")
        parts.append(f"<p>{self.org_words('disclaimer')}</p>")
        parts.append(f'<p class="fs-promise"><strong>{self.org_words("alternative_formats")}</strong></p>')
        return "".join(parts)


def toc_tokens(document: m.Document) -> list[dict]:
    """Headings as Python-Markdown's toc extension reports them, nested by level."""
    root: list[dict] = []
    stack: list[tuple[int, list]] = [(0, root)]
    for heading in m.headings(document):
        name = escape(m.plain_text(heading.children), quote=False)
        token = {"level": heading.level, "id": heading.id, "name": name, "html": name, "data-toc-label": "", "children": []}
        while stack[-1][0] >= heading.level:
            stack.pop()
        stack[-1][1].append(token)
        stack.append((heading.level, token["children"]))
    return root
