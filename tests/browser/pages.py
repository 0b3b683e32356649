"""What the browser tests measure in a page, written once: the JavaScript run in Chromium."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from factsheets.validators.website import site_pages

# The element that has focus, where it is and whether it shows it. A zero-size radio button
# (Material's palette switch) shows its focus on its label, so the label is measured.
FOCUSED_JS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  let shown = el;
  const box = el.getBoundingClientRect();
  if (box.width < 2) {
    // Material's palette switch: the label shown is the one after the radio button
    const next = el.nextElementSibling;
    const candidates = [next, ...(el.labels || [])].filter(l => l && l.tagName === 'LABEL');
    const label = candidates.find(l => l.getBoundingClientRect().width > 0);
    if (label) shown = label;
  }
  const r = shown.getBoundingClientRect();
  const s = getComputedStyle(shown);
  let opacity = 1;
  for (let e = shown; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
  const inView = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
    && r.top < innerHeight && r.left < innerWidth && s.visibility === 'visible' && opacity > 0.5;
  const x = Math.min(Math.max(r.left + Math.min(r.width / 2, 8), 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const uncovered = !!top && (shown.contains(top) || top.contains(shown) || el.contains(top) || top === el);
  const transparent = c => c === 'transparent' || /rgba\\(.*, 0\\)$/.test(c);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && !transparent(s.outlineColor);
  const indicator = outline || s.boxShadow !== 'none';
  const all = [...document.querySelectorAll('*')];
  const name = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
  return {order: all.indexOf(el), tag: el.tagName.toLowerCase(), name, inView, uncovered, indicator,
          inArticle: !!el.closest('article'), y: r.top + scrollY};
}
"""

# Resolves when nothing around the focused element scrolls any more (the same place two frames
# running), or after a second: a smooth scroll into view has ended, however long it took.
SCROLLED_JS = """
async () => {
  const places = () => { const at = [scrollX, scrollY];
    for (let e = document.activeElement; e; e = e.parentElement) at.push(e.scrollTop, e.scrollLeft);
    return at.join(); };
  const frame = () => new Promise(done => requestAnimationFrame(done));
  let last = places(), still = 0;
  for (let i = 0; i < 60 && still < 2; i++) { await frame(); const now = places(); still = now === last ? still + 1 : 0; last = now; }
}
"""
FIRST_PARAGRAPH_JS = """
() => {
  const p = [...document.querySelectorAll('article > p')].find(p => !p.className);
  const all = [...document.querySelectorAll('*')];
  return p ? {order: all.indexOf(p), top: p.getBoundingClientRect().top + scrollY, text: p.textContent.slice(0, 40)} : null;
}
"""

# Landmarks as a screen reader lists them: each must be named (where a name is needed) and hold something.
LANDMARKS_JS = """
() => {
  const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const sel = 'header, nav, main, footer, aside, section[aria-label], section[aria-labelledby], form[aria-label], [role=search], [role=region], [role=navigation], [role=dialog]';
  return [...document.querySelectorAll(sel)].filter(e => {
    // <header>/<footer> inside <article>/<section> are not landmarks
    if (['HEADER', 'FOOTER'].includes(e.tagName) && e.parentElement.closest('article, section, main, aside, nav')) return false;
    return shown(e);
  }).map(e => {
    const by = e.getAttribute('aria-labelledby');
    const name = (e.getAttribute('aria-label') || (by && document.getElementById(by) ? document.getElementById(by).textContent : '') || '').trim();
    const content = (e.innerText || '').trim() || e.querySelector('input, button, audio, img') ? true : false;
    return {tag: e.tagName.toLowerCase(), role: e.getAttribute('role') || '', name, content,
            labelledByHeading: by ? /^H[1-6]$/.test((document.getElementById(by) || {}).tagName) : null};
  });
}
"""

HEADINGS_JS = """
() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(h => h.getClientRects().length)
  .map(h => [parseInt(h.tagName[1]), h.textContent.trim()])
"""

# Every element in the article with text of its own: its font size.
SMALL_TEXT_JS = """
() => [...document.querySelectorAll('article *, .md-nav *')].filter(e =>
  [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) && e.getClientRects().length
  && getComputedStyle(e).visibility === 'visible'
).map(e => [e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : ''),
            parseFloat(getComputedStyle(e).fontSize), e.textContent.trim().slice(0, 30)])
 .filter(([, size]) => size < 16)
"""

BROKEN_IMAGES_JS = "() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"


def all_pages(sites):
    return [(site, path) for site in sites for path in site_pages(site)]


def factsheet_pages(sites):
    return [(site, path) for site, path in all_pages(sites) if path.startswith("factsheets/")]


def open_page(browser, url, width=1280, height=900, palette="light", motion="no-preference"):
    """motion="reduce" when only the settled page counts (a tab walk): no smooth scrolling to wait out."""
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=palette, reduced_motion=motion)
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_timeout(150)
    return page


@contextmanager
def one_tab(browser, width=1280, height=900, palette="light", motion="no-preference", javascript=True,
            settle_ms=150) -> Iterator[Callable]:
    """One browser tab that goes from page to page, as a reader does: a new tab for each page
    starts a renderer process of its own, which costs more than most tests' look at the page.
    Yields visit(url), which loads the page, lets it settle for settle_ms (as open_page) and returns it."""
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=palette,
                                  reduced_motion=motion, java_script_enabled=javascript)
    page = context.new_page()

    def visit(url: str):
        page.goto(url, wait_until="load")
        if settle_ms:
            page.wait_for_timeout(settle_ms)
        return page

    try:
        yield visit
    finally:
        context.close()


def tab_stops(page, limit=400) -> list[dict]:
    """Every tab stop, in the order Tab reaches them, until focus leaves the page (opened with
    motion="reduce": a stop not yet settled is looked at again after Material's transitions)."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")  # the page is opened with reduced motion: nothing scrolls smoothly
        focused = page.evaluate(FOCUSED_JS)
        if focused and not (focused["inView"] and focused["uncovered"]):
            # Material closes its search overlay and scrolls with transitions of up to 250 ms:
            # what counts is where things are once they have settled.
            page.wait_for_timeout(400)
            focused = page.evaluate(FOCUSED_JS)
        if focused is None or (stops and focused["order"] == stops[0]["order"]):
            break
        stops.append(focused)
    return stops


def download_links(site: Path, path: str) -> list[str]:
    html = (site / path).read_text(encoding="utf-8")
    return sorted(set(re.findall(r'href="(\.\./files/[^"#]+)"', html)))


