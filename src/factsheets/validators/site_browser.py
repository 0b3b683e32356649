"""The browser the website's checks run in (validators/website.py): Debian's headless Chromium
under Playwright, the site on a local web server, a page opened with every request noted and
none to another host sent, axe-core run in it. The test suite's browser tests use it too.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files as package_files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

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


# Playwright's sync API allows one instance a thread: whoever asks for Chromium in a thread
# while it is open there (a test suite's session browser, then `check` run in the same
# process) shares it; another thread (check's second lane of pages) launches its own.
class _Shared(threading.local):
    users: int = 0
    browser: Browser | None = None
    manager: PlaywrightContextManager | None = None


_open = _Shared()


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, launched once a thread however many callers are inside this at a time."""
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
HEIGHT = 900  # the window's height, CSS px


@functools.cache
def axe_source() -> str:
    return package_files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def open_page(browser: Browser, url: str, *, palette: Palette = "light", width: int = 1280, javascript: bool = True,
              dialogs: list[str] | None = None) -> tuple[Page, list[str]]:
    """A page in a context of its own and the list of every address it asked for; every dialog
    it opened goes into dialogs. Close its context when done (page.context.close())."""
    tab = _Tab(browser, urlsplit(url).netloc, javascript)
    return tab.visit(url, palette, width, dialogs), tab.requests


class _Tab:
    """A context and its one page: scripts on or off, requests to another host noted and never
    sent (a script that got into a page must not reach anyone from the machine that checks it)."""

    def __init__(self, browser: Browser, host: str, javascript: bool):
        self.host = host
        self.requests: list[str] = []
        self.dialogs: list[str] | None = None
        # No service worker: one registered by a page would answer for every later page of the tab.
        context = browser.new_context(viewport={"width": 1280, "height": HEIGHT}, java_script_enabled=javascript, service_workers="block")
        context.route(lambda address: urlsplit(address).scheme in ("http", "https", "ws", "wss") and urlsplit(address).netloc != host,
                      lambda route: route.abort())
        context.set_default_timeout(PAGE_TIMEOUT_MS)
        # Each page starts with nothing stored, as a first visit does. Cleared as each page's document
        # is made, before its scripts: the last page writes to the storage as it goes (Material saves
        # the palette again when the colour scheme changes), so clearing it before leaving is too soon.
        # The page's own document only: a frame it makes later must not empty the page's storage.
        context.add_init_script("if (window === window.top) { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")
        self.page = context.new_page()
        context.on("request", lambda request: self.requests.append(request.url))  # a window it opened's too
        context.on("page", lambda opened: opened.close() if opened != self.page else None)  # a window a page opens: closed
        self.page.on("dialog", self._on_dialog)

    def _on_dialog(self, dialog: Dialog) -> None:
        if self.dialogs is not None:
            self.dialogs.append(dialog.message)
        dialog.dismiss()

    def visit(self, url: str, palette: Palette, width: int, dialogs: list[str] | None) -> Page:
        self.page.context.clear_cookies()  # the storage is cleared as the page loads (above)
        self.requests.clear()
        self.dialogs = dialogs
        self.page.emulate_media(color_scheme=palette)
        self.page.set_viewport_size({"width": width, "height": HEIGHT})
        self.page.goto(url, wait_until="load")
        self.page.wait_for_timeout(200)
        return self.page


class Tabs:
    """A tab with scripts and one without, each kept for page after page: a new context costs
    Chromium about 0.7 s of a core to start, a visit in a kept one about 0.3 s. Between pages a
    tab's storage and cookies are cleared, and its palette, window and listeners set again; what
    a page added (a style, axe, the palette it switched to) goes with it when the next loads.
    A tab whose page stopped answering is closed (discard), and the next page gets a new one."""

    def __init__(self, browser: Browser):
        self.browser = browser
        self._tabs: dict[bool, _Tab] = {}

    def open(self, url: str, *, palette: Palette = "light", width: int = 1280, javascript: bool = True,
             dialogs: list[str] | None = None) -> tuple[Page, list[str]]:
        """The page at url in this lane's tab (as open_page, but not to be closed: see discard)."""
        host = urlsplit(url).netloc
        tab = self._tabs.get(javascript)
        if tab is not None and tab.host != host:
            self.discard()
            tab = None
        if tab is None:
            tab = self._tabs[javascript] = _Tab(self.browser, host, javascript)
        return tab.visit(url, palette, width, dialogs), tab.requests

    def leave(self) -> None:
        """Every tab sent to a blank page once a page's checks are done: what the page still runs
        (a timer, a listener that the next visit's change of palette or window would wake) ends
        with it, and is not heard as the next page's."""
        for tab in self._tabs.values():
            tab.page.goto("about:blank")

    def discard(self) -> None:
        """Every tab closed: after a page that stopped the browser, the next starts afresh."""
        tabs, self._tabs = list(self._tabs.values()), {}
        for tab in tabs:
            tab.page.context.close()


@contextmanager
def kept_tabs(browser: Browser) -> Iterator[Tabs]:
    tabs = Tabs(browser)
    try:
        yield tabs
    finally:
        tabs.discard()


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


# The search has answered the query typed: results, or the theme's own words for none (in the
# page's language, from its __config), and the list unchanged for 300 ms, so that a prefix's
# answer ("z" of "zł") is not taken for the query's. False after 10 s.
SEARCH_ANSWERED_JS = """() => new Promise(resolve => {
  const list = document.querySelector('.md-search-result');
  const none = JSON.parse(document.getElementById('__config').textContent).translations['search.result.none'];
  if (!list) return resolve(false);
  const answered = () => !!list.querySelector('.md-search-result__item')
    || (list.querySelector('.md-search-result__meta') || {}).textContent?.trim() === none;
  let timer;
  const done = result => { observer.disconnect(); clearTimeout(timer); clearTimeout(deadline); resolve(result); };
  const settle = () => { clearTimeout(timer); timer = setTimeout(() => answered() ? done(true) : settle(), 300); };
  const observer = new MutationObserver(settle);
  const deadline = setTimeout(() => done(false), 10000);
  observer.observe(list, {childList: true, subtree: true, characterData: true});
  settle();
})"""


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
        if not page.evaluate(SEARCH_ANSWERED_JS):
            return 0
        return page.locator(".md-search-result__item").count()
    finally:
        page.context.close()

