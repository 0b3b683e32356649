"""Every factsheet page of the corpus, the leaflet's translations and the community-language
samples, on a 320 px phone, as a GOV.UK guide reads: the text starts within the first screen,
the read-along adds one tab stop for each section (not one for each paragraph), and the page
asks for nothing that fails (no 404 for a sitemap, no other host)."""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from factsheets.validators.website import chromium, serve, site_pages
from pages import one_tab

pytestmark = pytest.mark.browser

# The factsheet's first paragraph of its own text (after the title, its lines and its summary),
# the read-along's buttons a keyboard reaches, and the page's sections (h2).
READING_JS = """
() => {
  const summary = document.querySelector('article .fs-summary');
  const after = e => !summary || (summary.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);
  const first = [...document.querySelectorAll('article p')].find(p => !p.className && after(p) && !p.closest('nav, .fs-formats, .fs-box'));
  const stops = [...document.querySelectorAll('article button.fs-listen')].filter(b => b.tabIndex >= 0 && b.getClientRects().length);
  return {first: first ? first.getBoundingClientRect().top + scrollY : null, listen: stops.length,
          sections: document.querySelectorAll('article h2').length};
}
"""


@pytest.fixture(scope="module")
def browser():
    with chromium() as shared:
        yield shared


@pytest.mark.parametrize("javascript", (True, False), ids=("js", "no-js"))
def test_a_phone_shows_the_text_first_with_few_stops_and_no_failed_request(browser, corpus_site, translated_site, languages_site, javascript):
    problems = []
    failed: list[str] = []
    with ExitStack() as stack:
        # One tab goes from page to page; what each page asked for is noted from its start to its end.
        visit = stack.enter_context(one_tab(browser, width=320, height=640, javascript=javascript, settle_ms=300))
        tab = visit("about:blank")
        tab.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        # Leaving a page cancels what it still had on the way (net::ERR_ABORTED): a new tab for each
        # page left nothing to cancel, so that is not counted; a refused or unreachable host still is.
        tab.on("requestfailed", lambda r: r.failure == "net::ERR_ABORTED" or failed.append(f"failed {r.url} ({r.failure})"))
        for site in (corpus_site, translated_site, languages_site):
            base = stack.enter_context(serve(site))
            for path in site_pages(site):
                failed.clear()
                found = visit(base + path).evaluate(READING_JS)
                where = f"{site.parent.parent.name}/{path}"
                problems += [f"{where}: asked for {f}" for f in failed]
                if not path.startswith("factsheets/"):
                    continue
                if found["first"] is None or found["first"] > 640:
                    problems.append(f"{where}: the first paragraph starts at {found['first']} px, below the first screen")
                if found["listen"] > found["sections"] + 2:
                    problems.append(f"{where}: {found['listen']} read-along tab stops for {found['sections']} sections")
    assert not problems, "\n".join(problems)


# The header's title (the site's name) whole; the body text's size and how many characters a
# line of the longest paragraph holds; each table's caption.
GUIDE_JS = """
() => {
  const title = document.querySelector('.md-header__topic .md-ellipsis');
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const box = title.getBoundingClientRect();
  const fits = e => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1;
  const drawer = document.querySelector('.md-nav--primary > .md-nav__title');  // over the menu, where it is a drawer
  const whole = fits(title) && box.top >= header.top && box.bottom <= header.bottom && (!drawer || innerWidth >= 1220 || fits(drawer));
  const paragraphs = [...document.querySelectorAll('article p')].filter(p => !p.className && !p.closest('nav, .fs-formats, .fs-box, .admonition'));
  const longest = paragraphs.sort((a, b) => b.textContent.length - a.textContent.length)[0];
  // its words, up to the read-along's button the script adds at its end
  const button = longest.querySelector('button');
  const range = document.createRange();
  range.selectNodeContents(longest);
  if (button) range.setEndBefore(button);
  const lines = new Set([...range.getClientRects()].map(r => Math.round(r.bottom))).size;
  return {whole, title: title.textContent.trim(), size: parseFloat(getComputedStyle(longest).fontSize),
          perLine: range.toString().trim().length / lines,
          captions: [...document.querySelectorAll('article table')].map(t => t.caption ? t.caption.textContent.trim() : '')};
}
"""


@pytest.mark.parametrize("width", (320, 768, 1024, 1280))
def test_a_guide_s_title_type_and_tables(browser, corpus_site, translated_site, width):
    """As GOV.UK: the header's title whole (not cut short with "…") at every width; the body
    text 19 px from 641 px wide, about 70 characters a line; every table captioned."""
    problems = []
    with ExitStack() as stack:
        pages = [stack.enter_context(serve(corpus_site)) + f"factsheets/{s}.html" for s in ("getting-help-at-home", "asking-for-an-ehc-needs-assessment")]
        pages += [stack.enter_context(serve(translated_site)) + f"factsheets/what-if-i-do-not-agree{s}.html" for s in ("", "-ar", "-zh-Hans")]
        for javascript in (True, False):
            visit = stack.enter_context(one_tab(browser, width=width, height=800, javascript=javascript, settle_ms=0))
            for url in pages:
                found = visit(url).evaluate(GUIDE_JS)
                where = f"{url.rsplit('/', 1)[-1]} at {width} px{'' if javascript else ', no JavaScript'}"
                if not found["whole"]:
                    problems.append(f"{where}: the header's title {found['title']!r} is cut short")
                if width > 640 and found["size"] != 19:
                    problems.append(f"{where}: body text {found['size']} px")
                # near 70, as GOV.UK's: a column of 40 em, narrower where the menus take room beside it
                if width > 640 and "zh" not in url and not 55 <= found["perLine"] <= 85:
                    problems.append(f"{where}: {found['perLine']:.0f} characters a line")
                problems += [f"{where}: a table without a caption" for caption in found["captions"] if not caption]
    assert not problems, "\n".join(problems)


def test_the_search_index_is_loaded_only_when_search_is_opened(browser, corpus_site):
    with serve(corpus_site) as base:
        context = browser.new_context(viewport={"width": 320, "height": 640})
        try:
            page = context.new_page()
            asked: list[str] = []
            page.on("request", lambda r: asked.append(r.url))
            page.goto(base + "factsheets/carers-assessment.html", wait_until="load")
            page.wait_for_timeout(500)
            assert not [u for u in asked if "search_index" in u]
            page.locator("button.fs-search-button").click()
            page.locator("input.md-search__input").press_sequentially("carer", delay=20)
            page.wait_for_selector(".md-search-result__item", timeout=10000)
            assert len([u for u in asked if u.endswith("search/search_index.json")]) == 1
        finally:
            context.close()
