"""What more than one writer says the same way, in a module of no writer's own.

Paper and braille write a link's web address after its words, and both name an
image that has no description; the rules live here so that neither writer
imports the other (a braille writer must not change when the print page does).
"""

from __future__ import annotations

import re
import unicodedata

from .. import model as m
from ..organisation import display_address

# PDF/UA wants every figure described; this is honest and the build warns about it.
NO_ALT_TEXT = "An image without a description"


KEY_CHARACTERS = 24  # letters and digits: enough to tell one paragraph from another


def text_key(text: str) -> str:
    """A block's words as a short key, for finding the same block in another format: its
    first letters and digits, in any script (compatibility forms folded, case folded),
    nothing else. A key of Latin letters alone was empty for an Arabic, Bangla or Chinese
    paragraph, and an empty key matched any block: the EPUB's page list of every such
    translation pointed at the wrong paragraphs (the braille's matching skipped empty keys)."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())[:KEY_CHARACTERS]


def printed_address(link: m.Link) -> str | None:
    """The web address written after a link on paper (or in braille), unless its words already are the address."""
    if "://" not in link.url:
        return None
    shown = display_address(link.url)
    words = m.plain_text(link.children).strip().rstrip("/")
    return None if words in (shown, link.url.rstrip("/")) else shown
