"""The built site's markup, read as files: only our own scripts, no event-handler
attributes, no link that runs script, and a page for every factsheet.

A script is ours when it is the theme's (Material for MkDocs: a file it ships,
or an inline script of its templates), or the audio player's of site.py. A
script type the browser does not run (JSON settings) is data. Anything else is
a failure: it came from a source the build should have refused, or was put
into build/ afterwards.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from html.parser import HTMLParser
from importlib.resources import files as package_files
from pathlib import Path

from . import FAILURE, Finding

FORMAT = "website"
SAFE_SCHEMES = {"http", "https", "mailto", "tel", "sms"}  # and relative addresses, which have none
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "xlink:href", "background", "cite", "manifest", "srcdoc"}
NOT_OURS = {"iframe", "object", "embed", "base", "frame", "applet"}  # the site never makes these
DATA_TYPES = {"application/json", "application/ld+json"}  # script elements a browser does not run
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f]+")


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see: whitespace and control characters inside it are ignored."""
    found = _SCHEME.match(_INVISIBLE.sub("", value).lower())
    return found.group(1) if found else None


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts: list[tuple[dict[str, str], str]] = []  # (attributes, inline text)
        self._script: dict[str, str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): value or "" for name, value in attrs}
        for name, value in attributes.items():
            if name.startswith("on"):
                self.problems.append(f"an event-handler attribute {name}= on <{tag}>")
            elif name in URL_ATTRIBUTES and url_scheme(value) not in (None, *SAFE_SCHEMES):
                self.problems.append(f"a {url_scheme(value)}: address in {name}= on <{tag}>")
        if tag in NOT_OURS:
            self.problems.append(f"an <{tag}> element")
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            self.problems.append("a <meta http-equiv=refresh>")
        if tag == "script":
            self._script, self._text = attributes, []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._text)))
            self._script = None


@cache
def theme_scripts() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """SHA-256 of every script file the theme and this package ship; the theme's inline scripts as patterns."""
    material = Path(str(package_files("material"))) / "templates"
    ours = Path(str(package_files("factsheets")))
    # Ours: the package's assets and the site theme's scripts (the page's player and menu).
    hashes = frozenset(hashlib.sha256(p.read_bytes()).hexdigest() for folder in (material / "assets", ours) for p in folder.rglob("*.js"))
    patterns = []
    for template in sorted((material / "partials" / "javascripts").glob("*.html")):
        for body in re.findall(r"<script>(.*?)</script>", template.read_text(encoding="utf-8"), re.S):
            # A template's {{ value }} is filled in when the page is made: any text without a quote there.
            parts = re.split(r"\{\{.*?\}\}|\{%.*?%\}", body)
            patterns.append(re.compile("".join(re.escape(p) + ('[^"\'<>]*' if i < len(parts) - 1 else "") for i, p in enumerate(parts))))
    return hashes, tuple(patterns)


def script_problem(page: Path, site_dir: Path, attributes: dict[str, str], text: str) -> str | None:
    hashes, patterns = theme_scripts()
    kind = attributes.get("type", "").lower()
    if kind in DATA_TYPES:
        try:
            json.loads(text)
            return None
        except ValueError:
            return f"a <script type={kind}> that is not JSON"
    if "src" in attributes:
        source = attributes["src"]
        address = source.split("?")[0].split("#")[0]
        # "/x" is from the site's root (the 404 page's way); "//host/x" is from another host.
        base = site_dir if address.startswith("/") and not address.startswith("//") else page.parent
        target = (base / address.lstrip("/")).resolve()
        if url_scheme(source) or address.startswith("//") or not target.is_relative_to(site_dir.resolve()) or not target.is_file():
            return f"a script from {source!r}, not from the site"
        if hashlib.sha256(target.read_bytes()).hexdigest() not in hashes:
            return f"a script {source!r} that is not the theme's or ours"
        return None
    if any(pattern.fullmatch(text) for pattern in patterns):
        return None
    return f"an inline <script> that is not the theme's or ours: {text.strip()[:60]!r}"


def check_page_markup(page: Path, site_dir: Path, source: str | None = None) -> list[Finding]:
    parser = _Markup()
    try:
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        parser.close()
    except (OSError, AssertionError) as error:
        return [Finding(FAILURE, FORMAT, f"{page.relative_to(site_dir)}: could not be read ({error})", "Run `factsheets build` again.", source)]
    problems = parser.problems + [p for a, t in parser.scripts if (p := script_problem(page, site_dir, a, t))]
    name = page.relative_to(site_dir).as_posix()
    return [Finding(FAILURE, FORMAT, f"{name} has {problem}: script that is not the site's own must never reach a page",
                    "Build again from the sources; if it comes back, find the source text that carries it and remove it.", source)
            for problem in problems]


def check_markup(site_dir: Path, factsheet_pages: dict[str, str]) -> list[Finding]:
    """Every HTML file the site publishes, and a page for every factsheet (page path -> source file)."""
    findings = []
    for path, source in factsheet_pages.items():
        if not (site_dir / path).is_file():
            findings.append(Finding(FAILURE, FORMAT, f"the factsheet has no page in the site ({path} is missing)", "Run `factsheets build` again.", source))
    for page in sorted(site_dir.rglob("*.htm*")):
        if page.is_file():
            findings += check_page_markup(page, site_dir, factsheet_pages.get(page.relative_to(site_dir).as_posix()))
    return findings

