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
from dataclasses import dataclass
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


@functools.cache
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

