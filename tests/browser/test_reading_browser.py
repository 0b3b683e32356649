"""Every factsheet page of the corpus, the leaflet's translations and the community-language
samples, on a 320 px phone, as a GOV.UK guide reads: the text starts within the first screen,
the read-along adds one tab stop for each section (not one for each paragraph), and the page
asks for nothing that fails (no 404 for a sitemap, no other host)."""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from factsheets.validators.website import chromium, serve, site_pages

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
    with ExitStack() as stack:
        for site in (corpus_site, translated_site, languages_site):
            base = stack.enter_context(serve(site))
            for path in site_pages(site):
                context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=javascript)
                page = context.new_page()
                failed: list[str] = []
                page.on("response", lambda r, failed=failed: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
                page.on("requestfailed", lambda r, failed=failed: failed.append(f"failed {r.url}"))
                try:
                    page.goto(base + path, wait_until="load")
                    page.wait_for_timeout(300)
                    found = page.evaluate(READING_JS)
                finally:
                    context.close()
                where = f"{site.parent.parent.name}/{path}"
                problems += [f"{where}: asked for {f}" for f in failed]
                if not path.startswith("factsheets/"):
                    continue
                if found["first"] is None or found["first"] > 640:
                    problems.append(f"{where}: the first paragraph starts at {found['first']} px, below the first screen")
                if found["listen"] > found["sections"] + 2:
                    problems.append(f"{where}: {found['listen']} read-along tab stops for {found['sections']} sections")
    assert not problems, "\n".join(problems)
