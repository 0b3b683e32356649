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
from focus import OTHER_LANGUAGE_JS, walk

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
    for url in urls:
        page = _open(browser, url, size, scheme, javascript)
        try:
            stops = walk(page, backwards)
        finally:
            page.context.close()
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
    for path in pages:
        page = _open(browser, path.as_uri(), "1280", javascript=javascript)
        try:
            problems += [f"{path.parent.name}/{path.name}: {found}" for found in page.evaluate(OTHER_LANGUAGE_JS)]
        finally:
            page.context.close()
    assert not problems, "\n".join(problems)
