"""Facts written once: `{{ advice_line }}` in a factsheet stands for organisation.yml's value.

Staff who type the advice line's number into a paragraph leave it behind when the
number changes. A placeholder, `{{ name }}` with the name of one of the
organisation's details (`{{ advice_line }}`, `{{ advice_line.hours }}`,
`{{ email }}`, `{{ website }}`), is read by the reader into ordinary model text:
a phone number becomes a tel: link, an email a mailto: link, a web address a
link, anything else words. So every format shows the value without knowing
there was a placeholder. In code (between backticks) it stays as written.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor

from . import model as m
from .options import did_you_mean
from .organisation import display_address

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


def organisation_fields(organisation: m.Organisation) -> dict[str, m.Inline | None]:
    """Each placeholder's name, as organisation.yml names the detail, and what it becomes (None: not set)."""
    def text(value: str | None) -> m.Inline | None:
        return m.Text(value.strip()) if value and value.strip() else None

    def web(url: str | None) -> m.Inline | None:
        return m.Link(url, (m.Text(display_address(url)),)) if url else None

    advice = m.Link(_phone_href(organisation.advice_line), (m.Text(organisation.advice_line),))
    return {
        "name": text(organisation.name),
        "description": text(organisation.description),
        "advice_line": advice,
        "advice_line.number": advice,
        "advice_line.hours": text(organisation.advice_hours),
        "text": text(organisation.text),
        "email": m.Link(f"mailto:{organisation.email}", (m.Text(organisation.email),)),
        "website": web(organisation.website),
        "facebook": web(organisation.facebook),
        "collaboration": text(organisation.collaboration),
        "disclaimer": text(organisation.disclaimer),
        "alternative_formats": text(organisation.alternative_formats),
        "series": text(organisation.series),
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
