"""Facts written once: `{{ advice_line }}` in a factsheet stands for organisation.yml's value.

Staff who type the advice line's number into a paragraph leave it behind when the
number changes. A placeholder, `{{ name }}` with the name of one of the
organisation's details (`{{ advice_line }}`, `{{ advice_line.hours }}`,
`{{ email }}`, `{{ website }}`), is read by the reader into ordinary model text:
a phone number becomes a tel: link, an email a mailto: link, a web address a
link, anything else words. So every format shows the value without knowing
there was a placeholder. In code (between backticks) it stays as written.

In a translation, a detail organisation.<language>.yml does not give is the English
file's words: it becomes a `Span` in English (en-GB), so the page marks it `lang="en-GB"`,
the audio reads it by the English rules with the English voice, and braille gives it in
UEB, as the contact box does with the same detail (transforms.org_words).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor

from . import model as m
from .options import did_you_mean
from .organisation import TRANSLATABLE, display_address

FIELD_TAG = "factsheets-field"
FIELD_ATTRIBUTE = "field"
# {{ advice_line }} or {{ advice_line.hours }}: a name of organisation.yml, spaces optional.
FIELD_PATTERN = r"\{\{[ \t]*([A-Za-z_][\w.]*)[ \t]*\}\}"


class FieldProcessor(InlineProcessor):  # type: ignore[misc]  # Python-Markdown has no type information: its base classes are Any
    def handleMatch(self, match: re.Match[str], data: str) -> tuple[etree.Element, int, int]:
        element = etree.Element(FIELD_TAG)
        element.set(FIELD_ATTRIBUTE, match.group(1))
        element.text = match.group(0)
        return element, match.start(0), match.end(0)


def _phone_href(number: str) -> str:
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


# A placeholder's name -> the Organisation attribute it reads, where they differ.
ATTRIBUTE = {"advice_line.hours": "advice_hours"}
ENGLISH = "en-GB"


def in_english(name: str, organisation: m.Organisation, language: str) -> bool:
    """Whether a detail's words are English in a document in `language`: a translation that
    organisation.<language>.yml leaves in English (so the English file's words stand)."""
    detail = ATTRIBUTE.get(name, name)
    if language.split("-")[0].lower() == "en" or detail not in TRANSLATABLE:  # numbers and addresses are no language's
        return False
    return detail in organisation.english or organisation.language.split("-")[0].lower() == "en"


def organisation_fields(organisation: m.Organisation, language: str = ENGLISH) -> dict[str, m.Inline | None]:
    """Each placeholder's name, as organisation.yml names the detail, and what it becomes (None: not set),
    in a document written in `language`: words left in English are marked English."""
    def text(value: str | None, name: str) -> m.Inline | None:
        if not value or not value.strip():
            return None
        words = m.Text(value.strip())
        return m.Span(ENGLISH, "ltr", (words,)) if in_english(name, organisation, language) else words

    def web(url: str | None) -> m.Inline | None:
        return m.Link(url, (m.Text(display_address(url)),)) if url else None

    advice = m.Link(_phone_href(organisation.advice_line), (m.Text(organisation.advice_line),))
    return {
        "name": text(organisation.name, "name"),
        "description": text(organisation.description, "description"),
        "advice_line": advice,
        "advice_line.number": advice,
        "advice_line.hours": text(organisation.advice_hours, "advice_line.hours"),
        "text": text(organisation.text, "text"),  # a number: never marked
        "email": m.Link(f"mailto:{organisation.email}", (m.Text(organisation.email),)),
        "website": web(organisation.website),
        "facebook": web(organisation.facebook),
        "collaboration": text(organisation.collaboration, "collaboration"),
        "disclaimer": text(organisation.disclaimer, "disclaimer"),
        "alternative_formats": text(organisation.alternative_formats, "alternative_formats"),
        "series": text(organisation.series, "series"),
    }


def field_value(name: str, fields: dict[str, m.Inline | None] | None) -> tuple[m.Inline | None, str | None]:
    """(what the placeholder becomes, None) or (None, why it cannot be filled in)."""
    if fields is None:
        return None, (f"{{{{ {name} }}}} can be used only in a factsheet's text: write the words out here, "
                      f"or put it in `code` to show it as it is")
    if name not in fields:
        hint = did_you_mean(name, sorted(fields), f"the details you can use are: {', '.join(sorted(fields))}")
        return None, f"{{{{ {name} }}}} is not one of the organisation's details in organisation.yml: {hint}"
    value = fields[name]
    if value is None:
        return None, f"{{{{ {name} }}}} is empty: organisation.yml does not give '{name}', so add it there or remove this"
    return value, None
