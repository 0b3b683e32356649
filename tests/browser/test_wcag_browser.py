"""WCAG 2.2 AA as an accessibility tester checks it by hand, in Debian's Chromium: every tab stop,
forwards and backwards, at phone, tablet and desktop widths and at 400% zoom, in both colour
schemes, with JavaScript on and off. axe-core finds none of these: it does not move focus.

- 1.4.3, 1.4.11, 2.4.7: the focused element's text 4.5:1 against its background, and its focus
  indicator 3:1 against what is around it;
- 2.4.11 Focus not obscured: nothing (the sticky header, "Back to top") covers what has focus;
- 3.1.2 Language of parts: text in another language is inside an element with its lang;
- without JavaScript: the other pages are reachable by links and no control does nothing.
"""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from factsheets.validators.website import chromium, serve
from focus import OTHER_LANGUAGE_JS, STOP_JS, walk
from pages import one_tab

pytestmark = pytest.mark.browser

# (width, height): a phone, a tablet, a small and a large laptop, and a 1280x900 window at 400%.
SIZES = {"320": (320, 640), "768": (768, 900), "1024": (1024, 900), "1280": (1280, 900), "400%": (320, 225)}


@pytest.fixture(scope="module")
def browser():
    with chromium() as shared:
        yield shared


@pytest.fixture(scope="module")
def urls(translated_site, corpus_site):
    """The pages walked: the leaflet and its Arabic translation, the corpus's longest page (a
    table, a definition list), and the home page."""
    with ExitStack() as stack:
        on = {site: stack.enter_context(serve(site)) for site in (translated_site, corpus_site)}
        yield [on[translated_site] + "factsheets/what-if-i-do-not-agree.html",
               on[translated_site] + "factsheets/what-if-i-do-not-agree-ar.html",
               on[corpus_site] + "factsheets/asking-for-an-ehc-needs-assessment.html",
               on[corpus_site] + "index.html"]


def _open(browser, url: str, size: str, scheme: str = "light", javascript: bool = True):
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme,
                                  java_script_enabled=javascript, reduced_motion="reduce")
    page = context.new_page()
    page.goto(url, wait_until="load")
    return page


@pytest.mark.parametrize("javascript", (True, False), ids=("js", "no-js"))
@pytest.mark.parametrize("backwards", (False, True), ids=("tab", "shift-tab"))
@pytest.mark.parametrize("size", SIZES)
def test_every_tab_stop_is_seen_whole_with_contrast(browser, urls, size, backwards, javascript):
    # Both schemes at every size: the light one forwards, the dark one backwards.
    scheme = "dark" if backwards else "light"
    problems = []
    width, height = SIZES[size]
    with one_tab(browser, width=width, height=height, palette=scheme, motion="reduce", javascript=javascript,
                 settle_ms=0) as visit:
        walks = [(url, walk(visit(url), backwards)) for url in urls]
    for url, stops in walks:
        assert len(stops) >= 3, (url, stops)
        for stop in stops:
            where = f"{url.rsplit('/', 1)[-1]} ({size}, {scheme}): {stop['tag']}.{stop['cls']} {stop['name']!r}"
            if not (stop["inView"] and stop["uncovered"]):
                problems.append(f"{where}: covered by {stop['covering'] or 'the edge of the window'}")
            if stop["indicator"] < 3:
                problems.append(f"{where}: focus indicator {stop['indicator']:.2f}:1")
            if stop["text"] is not None and stop["text"] < 4.5:
                problems.append(f"{where}: text {stop['text']:.2f}:1 when focused")
            if not javascript and (stop["tag"] in ("button", "input", "label") or stop["width"] < 2 or stop["height"] < 2):
                problems.append(f"{where}: a control that does nothing without JavaScript")
        if not javascript and size != "1280" and url.endswith("-ar.html"):
            reached = {stop["href"].split("#")[0].rsplit("/", 1)[-1] for stop in stops}
            wanted = {"index.html", "glossary.html", "accessibility.html"}
            if not wanted <= reached:
                problems.append(f"{url} ({size}, no JavaScript): no link to {sorted(wanted - reached)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("javascript", (True, False), ids=("js", "no-js"))
def test_text_in_another_language_says_so(browser, translated_site, languages_site, javascript):
    problems = []
    pages = [translated_site / "factsheets" / f"what-if-i-do-not-agree{s}.html" for s in ("", "-ar", "-ur", "-zh-Hans")]
    pages += [languages_site / "factsheets" / f"sample-{s}.html" for s in ("ar", "ur", "zh-hans")]
    pages += [languages_site / "index.html", translated_site / "index.html"]
    with one_tab(browser, width=1280, javascript=javascript, motion="reduce", settle_ms=0) as visit:
        for path in pages:
            problems += [f"{path.parent.name}/{path.name}: {found}" for found in visit(path.as_uri()).evaluate(OTHER_LANGUAGE_JS)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", ("light", "dark"))
@pytest.mark.parametrize("size", ("320", "1280"))
def test_search_results_are_reached_with_tab(browser, urls, size, scheme):
    """WCAG 2.1.1: a keyboard user who knows only Tab reaches the results, each seen whole with
    its focus shown; Material leaves them to the arrow keys and closes search on Tab."""
    page = _open(browser, urls[2], size, scheme)
    try:
        if size == "320":
            page.locator("button.fs-search-button").click()  # a phone's way in
        else:
            page.keyboard.press("/")  # Material's key, which a desktop's search box also takes
        page.locator("input.md-search__input").press_sequentially("council", delay=20)
        page.wait_for_selector(".md-search-result__item", timeout=10000)
        # WCAG 4.1.3: how many were found is a status a screen reader announces
        assert any(c.isdigit() for c in page.locator(".md-search-result__meta[role=status]").inner_text())
        results = []
        for _ in range(4):  # the results' box (it scrolls), then the first results
            page.keyboard.press("Tab")
            stop = page.evaluate(STOP_JS)
            if stop and stop["cls"] == "md-search-result__link":
                results.append(stop)
        assert len(results) >= 2, results
        for stop in results:
            assert stop["inView"] and stop["uncovered"] and stop["indicator"] >= 3 and stop["text"] >= 4.5, stop
        page.keyboard.press("Shift+Tab")  # back through them, search still open
        still = page.evaluate("[!!document.activeElement.closest('.md-search'), document.getElementById('__search').checked]")
        assert still == [True, True], still
    finally:
        page.context.close()


# The focused element's ring (its outline and any outer box-shadow) against every box around it
# that cuts off what overflows it: the sides of the ring that are cut off.
CLIPPED_RING_JS = """
() => {
  const el = document.activeElement, s = getComputedStyle(el), r = el.getBoundingClientRect();
  let out = Math.max(0, parseFloat(s.outlineOffset) + (s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth)));
  // a shadow drawn outside: "colour x y blur spread" (a shadow drawn inside, inset, is never cut off)
  for (const shadow of (s.boxShadow || '').split(/,(?![^(]*\\))/).filter(b => b.includes('px') && !b.includes('inset'))) {
    const [x, y, , spread] = shadow.match(/-?[\\d.]+px/g).map(parseFloat);
    out = Math.max(out, (spread || 0) + Math.max(Math.abs(x), Math.abs(y)));
  }
  const ring = {left: r.left - out, right: r.right + out, top: r.top - out, bottom: r.bottom + out};
  const cut = [];
  for (let e = el.parentElement; e; e = e.parentElement) {
    const o = getComputedStyle(e);
    if (o.overflowX === 'visible' && o.overflowY === 'visible') continue;
    const b = e.getBoundingClientRect();
    if (ring.left < b.left - 0.5) cut.push('left');
    if (ring.right > b.right + 0.5) cut.push('right');
  }
  return {name: el.textContent.trim().slice(0, 30), cut};
}
"""


@pytest.mark.parametrize("scheme", ("light", "dark"))
@pytest.mark.parametrize("size", ("320", "768"))
def test_the_menu_s_focus_rings_are_not_cut_off(browser, urls, size, scheme):
    page = _open(browser, urls[0], size, scheme)
    try:
        page.locator("button.fs-menu-button").click()
        page.wait_for_timeout(300)
        problems, links = [], 0
        for _ in range(40):  # past the header's buttons, through the menu's links
            page.keyboard.press("Tab")
            if not page.evaluate("!!document.activeElement.closest('#fs-site-nav')"):
                if links:
                    break
                continue
            links += 1
            found = page.evaluate(CLIPPED_RING_JS)
            if found["cut"]:
                problems.append(f"{found['name']!r}: its focus ring is cut off at the {' and '.join(sorted(set(found['cut'])))}")
        assert links > 3 and problems == []
    finally:
        page.context.close()


def test_the_search_box_keeps_its_edge_in_forced_colours(browser, urls):
    """Windows' contrast themes drop backgrounds: the header's search box, drawn by its
    background alone, would be an invisible field."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, forced_colors="active")
    try:
        page = context.new_page()
        page.goto(urls[3], wait_until="load")
        edge = page.evaluate("""() => { const f = document.querySelector('.md-search__form'), s = getComputedStyle(f);
          return ['Top', 'Right', 'Bottom', 'Left'].map(d => s['border' + d + 'Style'] !== 'none' && parseFloat(s['border' + d + 'Width']) >= 1); }""")
        assert edge == [True] * 4
    finally:
        context.close()
