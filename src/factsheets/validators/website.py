"""The website's standards, checked in a real headless Chromium (Debian's package; the browser
and its server: site_browser.py).

axe-core with the WCAG 2.2 AA and best-practice tags on every page in the light and dark
palettes; reflow at 320 CSS px (WCAG 1.4.10); text spacing (WCAG 1.4.12) without content cut
off; all content there with JavaScript off; no request to another host. The test suite and
`factsheets check` both call page_checks() (check/running.py: page after page in kept tabs).

Each page's checks are made on as few loads of it as give the same answers.

A page used to be opened once for each check: in the light palette, in the dark one, at 320 CSS
px, with the text spacing widened, and with JavaScript on and off for the content; six loads of
a factsheet's page, each with its scripts run and its layout made from nothing, most of the
browser's time. Now a page is loaded once with JavaScript, and
- axe runs in the palette it opened in; the other palette is then switched in place as a
  reader's system setting does it (the colour-scheme media query changes, and Material's
  toggle for the scheme that query now matches is chosen, as its script does at load), with
  its transitions let finish, and axe runs again;
- the reflow is measured with the window narrowed to 320 px, then widened again;
- the text spacing is widened, and what it cuts off is found;
- the article's words are read, to compare with a load with JavaScript off (the one check
  that needs a second load: a context runs scripts or does not).

And the pages are visited one after another in two kept tabs, one with scripts and one without
(site_browser.Tabs): a new browser context for each load cost Chromium more than the load.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import FAILURE, Finding
from .site_browser import (AXE_TAGS, CHROMIUM, CHROMIUM_ARGS, HEIGHT, PALETTES, Palette, Tabs, axe_source, axe_violations, chromium,
                           horizontal_overflow, kept_tabs, other_hosts, search_results, serve, site_pages)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

__all__ = ["AXE_TAGS", "CHROMIUM", "CHROMIUM_ARGS", "axe_source", "chromium", "kept_tabs", "search_results", "serve", "site_pages",
           "page_checks", "check_page"]

WIDE, NARROW = 1280, 320
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
# What Material's palette script does at load, done again after the media query changed: the
# toggle whose media now matches is chosen (its change event sets the body's colour attributes
# and shows the other toggle). A page without the toggles is left to its CSS media queries.
SELECT_PALETTE_JS = """
() => {
  const input = [...document.querySelectorAll('input[data-md-color-media]')].find(i => matchMedia(i.getAttribute('data-md-color-media')).matches);
  if (input && !input.checked) { input.checked = true; input.dispatchEvent(new Event('change', {bubbles: true})); }
}
"""
# Transitions (a link's colour fades in 125 ms) done, so axe reads the colours as they rest.
SETTLED_JS = "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect.getComputedTiming().iterations === Infinity)"
NEXT_FRAMES_JS = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def page_checks(tabs: Tabs, base: str, path: str, source: str | None, factsheet: bool) -> list[Finding]:
    """One page in both palettes; a factsheet's page at 320 px, with wide text spacing and without JavaScript too.
    The page is visited in tabs kept for page after page (site_browser.kept_tabs)."""
    return _checked(tabs, base, path, source, PALETTES, factsheet)


def check_page(browser: Browser, base: str, path: str, palette: Palette, source: str | None = None) -> list[Finding]:
    """One page in one palette: axe, the palette it shows, its dialogs and the hosts it asks."""
    with kept_tabs(browser) as tabs:
        return _checked(tabs, base, path, source, (palette,), False)


def _checked(tabs: Tabs, base: str, path: str, source: str | None, palettes: tuple[Palette, ...], factsheet: bool) -> list[Finding]:
    from playwright.sync_api import Error as BrowserError

    findings: list[Finding] = []
    stage: list[str] = [palettes[0]]  # what was being read, for a page that stops the browser
    try:
        text = _with_javascript(tabs, base, path, source, palettes, factsheet, findings, stage)
        if factsheet:
            stage[0] = "JavaScript off"
            findings += _without_javascript(tabs, base, path, source, text)
        stage[0] = "leaving it"
        tabs.leave()
    except BrowserError as error:  # a page that never finishes loading: a script that never ends, say
        tabs.discard()  # its tab may still be busy with it: the next page gets a new one
        findings.append(Finding(FAILURE, "website", f"{path} ({stage[0]}) could not be read in the browser ({str(error).splitlines()[0][:80]})",
                                "Find the source text that carries a script or a very large element, and remove it.", source))
    return findings


def _with_javascript(tabs: Tabs, base: str, path: str, source: str | None, palettes: tuple[Palette, ...], factsheet: bool,
                     findings: list[Finding], stage: list[str]) -> str:
    """Every check of the load with JavaScript, into findings; the article's text, for a factsheet's page."""
    dialogs: list[str] = []
    page, requests = tabs.open(base + path, palette=palettes[0], width=WIDE, dialogs=dialogs)
    text = ""
    for number, palette in enumerate(palettes):
        stage[0] = palette
        if number:
            switch_palette(page, palette)
        findings += palette_findings(page, path, palette, source)
        if factsheet and number == 0:
            stage[0] = f"{NARROW} px"
            findings += reflow_findings(page, path, source)
    if factsheet:
        stage[0] = "text spacing"
        findings += spacing_findings(page, path, source)
        text = page.evaluate(ARTICLE_TEXT_JS)
    for message in dialogs:  # a script of the site's own never opens one: this one was injected
        findings.append(Finding(FAILURE, "website", f"{path} ran a script that opened a dialog ({message[:60]!r})", "Find the source text that carries the script and remove it.", source))
    for address in other_hosts(requests, base):
        findings.append(Finding(FAILURE, "website", f"{path} asked another host for {address}", "Serve every file from the site itself: no CDN, web fonts or analytics.", source))
    return text


def switch_palette(page: Page, palette: Palette) -> None:
    """The page in the other palette without loading it again: as a reader's system setting changes it."""
    page.emulate_media(color_scheme=palette)
    page.evaluate(SELECT_PALETTE_JS)
    settle(page)


def settle(page: Page) -> None:
    """After a change of style or size: the page laid out again, and its transitions finished."""
    from playwright.sync_api import TimeoutError as Timeout

    page.evaluate(NEXT_FRAMES_JS)
    try:
        page.wait_for_function(SETTLED_JS, timeout=2000)
    except Timeout:
        pass  # an animation that never rests: its colours are read as they are


def palette_findings(page: Page, path: str, palette: Palette, source: str | None) -> list[Finding]:
    findings: list[Finding] = []
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
    return findings


def reflow_findings(page: Page, path: str, source: str | None) -> list[Finding]:
    """WCAG 1.4.10: at 320 CSS px the page does not scroll sideways. The window is put back after."""
    page.set_viewport_size({"width": NARROW, "height": HEIGHT})
    settle(page)
    overflow = horizontal_overflow(page)
    page.set_viewport_size({"width": WIDE, "height": HEIGHT})
    settle(page)
    if overflow > 0:
        return [Finding(FAILURE, "website", f"{path} scrolls sideways by {overflow} px at 320 CSS px wide (WCAG 1.4.10)", "Let long words and tables wrap or scroll inside their own box.", source)]
    return []


def spacing_findings(page: Page, path: str, source: str | None) -> list[Finding]:
    """WCAG 1.4.12: nothing in the article is cut off with the spacing widened (the page keeps it)."""
    page.add_style_tag(content=TEXT_SPACING_CSS)
    settle(page)
    clipped = page.evaluate(CLIPPED_JS)
    if clipped:
        return [Finding(FAILURE, "website", f"{path}: text is cut off when a reader widens the text spacing (WCAG 1.4.12): {', '.join(clipped[:5])}",
                        "Let boxes grow with their text instead of hiding what overflows.", source)]
    return []


def _without_javascript(tabs: Tabs, base: str, path: str, source: str | None, with_javascript: str) -> list[Finding]:
    """The page's content is all there with JavaScript off (with_javascript: its article's text with it on)."""
    page, _ = tabs.open(base + path, javascript=False)
    without = page.evaluate(ARTICLE_TEXT_JS)
    with_js, without_js = (set(re.findall(r"\w+", t.lower())) for t in (with_javascript, without))
    missing = sorted(with_js - without_js)
    if missing:
        return [Finding(FAILURE, "website", f"{path}: with JavaScript off these words are missing: {', '.join(missing[:10])}",
                        "Put the content in the page's HTML rather than adding it with a script.", source)]
    return []
