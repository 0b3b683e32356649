"""Which web addresses a factsheet, the glossary or the settings may contain.

A link may be a web page (https:, http:), an email (mailto:), a phone number
(tel:, sms:) or a relative link to another page of the site. Everything else is
refused, because `javascript:`, `data:`, `vbscript:` and the like run a program
or show a page made up by whoever wrote the link. Browsers forgive a lot when
they read an address (they drop tabs and line breaks, ignore case, decode
`&#58;` as a colon), so the check reads the address the way a browser would
before it looks at the scheme; a disguised address is refused, not repaired.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote, urlsplit

from markdown.util import AMP_SUBSTITUTE

ALLOWED_SCHEMES = ("https", "http", "mailto", "tel", "sms")
SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):", re.I)
# Python-Markdown's stand-in for "&" in the addresses it obfuscates (email autolinks).
MARKDOWN_AMP = AMP_SUBSTITUTE  # "\x02amp\x03"
INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]")


def as_written(url: str) -> str:
    """The address a Markdown link means: entities decoded, Python-Markdown's placeholders resolved."""
    return html.unescape(url.replace(MARKDOWN_AMP, "&"))


def as_browser_reads(url: str, backslash: str = "") -> str:
    """What a browser would take the scheme from: entities, escapes, invisible characters removed.
    A backslash is dropped (javascript\\: is a look-alike) or, for backslash="/", read as a slash
    (a browser reads \\\\host as //host)."""
    seen = url.replace(MARKDOWN_AMP, "&")
    for _ in range(3):  # &amp;#58; is decoded twice by some readers
        seen = html.unescape(seen)
    seen = INVISIBLE.sub("", seen).replace("\\", backslash)
    return unquote(seen)


QUOTES_OR_MARKUP = re.compile(r'["<>\\]')


def url_problem(url: str) -> str | None:
    """Why this link's address is refused, or None if it is allowed."""
    if INVISIBLE.search(url.strip()):
        return f"the address '{shown(url)}' contains a space, a tab, a line break or an invisible character: remove it (write a space as %20)"
    read = as_browser_reads(url)
    match = SCHEME.match(read)
    if match and match.group(1).lower() not in ALLOWED_SCHEMES:
        return (f"the address '{shown(url)}' is a {match.group(1).lower()}: link, which is not allowed (it could run a program "
                f"in a visitor's browser): links must start with https://, http://, mailto:, tel: or sms:, or go to another page of this site")
    if not match and as_browser_reads(url, "/").startswith("//"):
        return f"the address '{shown(url)}' has no scheme: write it in full, starting with https://"
    if match and read.lower().startswith(("http:", "https:")) and not re.match(r"https?://[^/\s]", read, re.I):
        return f"the address '{shown(url)}' is not a complete web address: write it like https://www.example.org.uk"
    if QUOTES_OR_MARKUP.search(url):  # an address is written into the page as an attribute: these end it early
        return f"the address '{shown(url)}' holds a double quote, < or > or a backslash, which no web address needs: remove them"
    try:
        urlsplit(url)
    except ValueError:  # "https://[x/": brackets that are not an IPv6 address
        return f"the address '{shown(url)}' is not a web address a browser can read: check it"
    return None


def is_remote(url: str) -> bool:
    """True if the address is on another host (it has a scheme or starts with //)."""
    return bool(SCHEME.match(as_browser_reads(url))) or as_browser_reads(url, "/").startswith("//")


def shown(url: str) -> str:
    """An address as it can be printed on one line of an error message."""
    text = INVISIBLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if m.group() != " " else " ", url)
    return text if len(text) <= 60 else text[:57] + "..."
