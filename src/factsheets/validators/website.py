"""The website's standards, checked in a real headless Chromium (Debian's package).

axe-core with the WCAG 2.2 AA and best-practice tags on every page in the
light and dark palettes; reflow at 320 CSS px (WCAG 1.4.10); text spacing
(WCAG 1.4.12) without content cut off; all content there with JavaScript off;
no request to another host. The test suite and `factsheets check` both call check_site().
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import files as package_files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from . import FAILURE, Finding

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Dialog, Page
    from playwright.sync_api._context_manager import PlaywrightContextManager  # what sync_playwright() gives: not exported

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking switches Chromium calls Google's servers at start.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
Palette = Literal["light", "dark"]
PALETTES: tuple[Palette, ...] = ("light", "dark")


# Playwright's sync API allows one instance a thread: whoever asks for Chromium while it is
# open (a test suite's session browser, then `check` run in the same process) shares it.
@dataclass
class _Shared:
    users: int = 0
    browser: Browser | None = None
    manager: PlaywrightContextManager | None = None


_open = _Shared()


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, launched once however many callers are inside this at a time."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"{CHROMIUM} is missing: install Debian's chromium package (bash scripts/setup.sh test does)")
    if _open.users == 0 or _open.browser is None:
        manager = sync_playwright()
        playwright = manager.start()
        try:
            _open.browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except BaseException:
            manager.__exit__(None, None, None)
            raise
        _open.manager = manager
    _open.users += 1
    try:
        yield _open.browser
    finally:
        _open.users -= 1
        if _open.users == 0 and _open.browser is not None and _open.manager is not None:
            _open.browser.close()
            _open.manager.__exit__(None, None, None)
            _open.browser = _open.manager = None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the standard library's name)
        pass


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """The site on a local web server at 127.0.0.1, as a visitor's browser would fetch it."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


PAGE_TIMEOUT_MS = 30_000  # a page and each step on it; the site's own take well under a second


def axe_source() -> str:
    return package_files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def open_page(browser: Browser, url: str, *, palette: Palette = "light", width: int = 1280, javascript: bool = True,
              dialogs: list[str] | None = None) -> tuple[Page, list[str]]:
    """A page and the list of every address it asked for; every dialog it opened goes into dialogs."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=palette, java_script_enabled=javascript)
    # A request to another host is noted (requests) and never sent: a script that got into a
    # page must not reach anyone from the machine that checks it.
    local = urlsplit(url).netloc
    context.route(lambda address: urlsplit(address).scheme in ("http", "https", "ws", "wss") and urlsplit(address).netloc != local,
                  lambda route: route.abort())
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))

    def on_dialog(dialog: Dialog) -> None:
        if dialogs is not None:
            dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(200)
    return page, requests


def axe_violations(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(content=axe_source())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    violations: list[dict[str, Any]] = result["violations"]  # axe's JSON: id, impact, help, nodes
    return violations


def other_hosts(requests: list[str], base: str) -> list[str]:
    host = urlsplit(base).netloc
    return sorted({r for r in requests if urlsplit(r).scheme in ("http", "https") and urlsplit(r).netloc != host})


def horizontal_overflow(page: Page) -> int:
    """How many CSS px the page scrolls sideways (0 when it reflows)."""
    return int(page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))


def site_pages(site_dir: Path) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html") if not p.relative_to(site_dir).as_posix().startswith("files/"))


def check_page(browser: Browser, base: str, path: str, palette: Palette, source: str | None = None) -> list[Finding]:
    from playwright.sync_api import Error as BrowserError

    try:
        return _check_page(browser, base, path, palette, source)
    except BrowserError as error:  # a page that never finishes loading: a script that never ends, say
        return [Finding(FAILURE, "website", f"{path} ({palette}) could not be read in the browser ({str(error).splitlines()[0][:80]})",
                        "Find the source text that carries a script or a very large element, and remove it.", source)]


def _check_page(browser: Browser, base: str, path: str, palette: Palette, source: str | None = None) -> list[Finding]:
    findings: list[Finding] = []
    dialogs: list[str] = []
    page, requests = open_page(browser, base + path, palette=palette, dialogs=dialogs)
    try:
        scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        expected = "slate" if palette == "dark" else "default"
        if scheme and scheme != expected:
            findings.append(Finding(FAILURE, "website", f"{path} did not switch to the {palette} palette", "Check the palette settings in mkdocs.yml.", source))
        for violation in axe_violations(page):
            targets = "; ".join(" ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"]) for node in violation["nodes"][:3])
            findings.append(Finding(
                FAILURE, "website",
                f"{path} ({palette}): axe {violation['id']} ({violation['impact']}): {violation['help']} at {targets}",
                f"Fix the page so that: {violation['help'].rstrip('.')}.", source,
            ))
        for message in dialogs:  # a script of the site's own never opens one: this one was injected
            findings.append(Finding(FAILURE, "website", f"{path} ran a script that opened a dialog ({message[:60]!r})", "Find the source text that carries the script and remove it.", source))
        for address in other_hosts(requests, base):
            findings.append(Finding(FAILURE, "website", f"{path} asked another host for {address}", "Serve every file from the site itself: no CDN, web fonts or analytics.", source))
    finally:
        page.context.close()
    return findings


def check_reflow(browser: Browser, base: str, path: str, source: str | None = None) -> list[Finding]:
    page, _ = open_page(browser, base + path, width=320)
    try:
        overflow = horizontal_overflow(page)
    finally:
        page.context.close()
    if overflow > 0:
        return [Finding(FAILURE, "website", f"{path} scrolls sideways by {overflow} px at 320 CSS px wide (WCAG 1.4.10)", "Let long words and tables wrap or scroll inside their own box.", source)]
    return []


# WCAG 1.4.12: the spacing a reader may set; content must not be cut off.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
CLIPPED_JS = """
() => [...document.querySelectorAll('article *')].filter(e => {
  const s = getComputedStyle(e);
  const hides = v => v === 'hidden' || v === 'clip';
  if (!e.textContent.trim()) return false;
  // Text hidden on purpose for screen readers (a table's caption under its own heading) is clipped
  // to a pixel by design: a reader who widens the spacing was never shown it.
  if (e.closest('.fs-visually-hidden, .md-visually-hidden') || (s.clip && s.clip !== 'auto')) return false;
  return (hides(s.overflowX) && e.scrollWidth > e.clientWidth + 1) || (hides(s.overflowY) && e.scrollHeight > e.clientHeight + 1);
}).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : ''))
"""
# The article's words, less its buttons: a control a script adds (the read-along's "Listen from
# here") does nothing without the script, so it is not content that JavaScript off would lose.
ARTICLE_TEXT_JS = """
() => {
  const article = document.querySelector('article') || document.body;
  article.querySelectorAll('button').forEach(b => { b.hidden = true; });
  return article.innerText;
}
"""


def check_text_spacing(browser: Browser, base: str, path: str, source: str | None = None) -> list[Finding]:
    page, _ = open_page(browser, base + path)
    try:
        page.add_style_tag(content=TEXT_SPACING_CSS)
        page.wait_for_timeout(100)
        clipped = page.evaluate(CLIPPED_JS)
    finally:
        page.context.close()
    if clipped:
        return [Finding(FAILURE, "website", f"{path}: text is cut off when a reader widens the text spacing (WCAG 1.4.12): {', '.join(clipped[:5])}",
                        "Let boxes grow with their text instead of hiding what overflows.", source)]
    return []


def check_without_javascript(browser: Browser, base: str, path: str, source: str | None = None) -> list[Finding]:
    """The page's content is all there with JavaScript off."""
    import re

    texts = []
    for javascript in (True, False):
        page, _ = open_page(browser, base + path, javascript=javascript)
        try:
            texts.append(page.evaluate(ARTICLE_TEXT_JS))
        finally:
            page.context.close()
    with_js, without_js = (set(re.findall(r"\w+", t.lower())) for t in texts)
    missing = sorted(with_js - without_js)
    if missing:
        return [Finding(FAILURE, "website", f"{path}: with JavaScript off these words are missing: {', '.join(missing[:10])}",
                        "Put the content in the page's HTML rather than adding it with a script.", source)]
    return []


def check_site(site_dir: Path, factsheet_pages: dict[str, str] | None = None) -> list[Finding]:
    """Every page in both palettes; reflow on the factsheet pages (page path -> source file)."""
    factsheet_pages = factsheet_pages or {}
    findings: list[Finding] = []
    with serve(site_dir) as base, chromium() as browser:
        for path in site_pages(site_dir):
            findings += page_checks(browser, base, path, factsheet_pages.get(path), path in factsheet_pages)
    return findings


def page_checks(browser: Browser, base: str, path: str, source: str | None, factsheet: bool) -> list[Finding]:
    """One page in both palettes; a factsheet's page at 320 px, with wide text spacing and without JavaScript too."""
    findings: list[Finding] = []
    for palette in PALETTES:
        findings += check_page(browser, base, path, palette, source)
    if factsheet:
        findings += check_reflow(browser, base, path, source)
        findings += check_text_spacing(browser, base, path, source)
        findings += check_without_javascript(browser, base, path, source)
    return findings


def search_results(browser: Browser, url: str, query: str) -> int:
    """How many results the site's own search gives for a query (it must work offline, file:// included)."""
    page, requests = open_page(browser, url)
    try:
        page.keyboard.press("/")
        box = page.locator("input.md-search__input")
        box.press_sequentially(query, delay=20)
        # A letter no key makes (Arabic, Chinese) is typed as inserted text, with no key-up, which
        # is what the search listens for; a last key-up, as an input method's would be.
        box.press("End")
        try:
            page.wait_for_selector(".md-search-result__item", timeout=10000)
        except Exception:
            return 0
        return page.locator(".md-search-result__item").count()
    finally:
        page.context.close()
