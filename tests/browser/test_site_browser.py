"""The website as keyboard, screen-reader and phone users meet it, in Debian's Chromium.

As GOV.UK's front end is tested: each page tabbed through at each width, its headings and
landmarks read as a screen reader lists them, the factsheet page's accessibility tree compared
with a reviewed snapshot, axe-core (WCAG 2.2 AA, best practice) in both palettes. Every page of the
real project and of a second one whose factsheet has a table, an image, a quotation, a nested list.
"""

from __future__ import annotations

import re
import shutil
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import FIXTURES, factsheets
from factsheets.validators.website import AXE_TAGS, axe_source, chromium, serve
from pages import (BROKEN_IMAGES_JS, FIRST_PARAGRAPH_JS, FOCUSED_JS, HEADINGS_JS, LANDMARKS_JS, SCROLLED_JS, SMALL_TEXT_JS,
                   all_pages, download_links, factsheet_pages, one_tab, open_page, tab_stops)

pytestmark = pytest.mark.browser

WIDTHS = (320, 768, 1024, 1280)
SNAPSHOT = Path(__file__).parent / "factsheet-page.aria.yml"


@pytest.fixture(scope="module")  # shared with any other caller of chromium() while it is open
def browser():
    with chromium() as shared:
        yield shared


@pytest.fixture(scope="session")
def second_site(built_small, tmp_path_factory) -> Path:
    """The small fixture project with a second factsheet: a table, an image, a quotation, a nested
    list (from the session's built copy: the first factsheet's formats come from its cache)."""
    root = tmp_path_factory.mktemp("second") / "project"
    shutil.copytree(built_small, root, symlinks=True)
    shutil.copytree(FIXTURES / "site-second", root, dirs_exist_ok=True)
    result = factsheets(root, "build")
    assert result.returncode == 0, result.stderr
    return root / "build" / "site"


@pytest.fixture(scope="session")
def sites(built_project, second_site) -> list[Path]:
    return [built_project / "build" / "site", second_site]


@pytest.fixture(scope="session")
def bases(sites):
    """Each site on Python's web server (no range requests): the 404 page's links start at its root."""
    from contextlib import ExitStack

    with ExitStack() as stack:
        yield {site: stack.enter_context(serve(site)) for site in sites}


@pytest.mark.parametrize("width", WIDTHS)
def test_every_tab_stop_is_in_view_with_a_focus_indicator_in_reading_order(browser, sites, bases, width):
    problems = []
    with one_tab(browser, width=width, height=640 if width == 320 else 900, motion="reduce") as visit:
        walks = [(site, path, tab_stops(visit(bases[site] + path))) for site, path in all_pages(sites)]
    for site, path, stops in walks:
        assert len(stops) >= 3, (path, stops)  # at least the header's menu, colours and search
        for number, stop in enumerate(stops, 1):
            where = f"{site.parent.parent.name}/{path} at {width} px, tab stop {number} ({stop['tag']} {stop['name']!r})"
            if not (stop["inView"] and stop["uncovered"]):
                problems.append(f"{where}: not in view or covered when it has focus")
            if not stop["indicator"]:
                problems.append(f"{where}: no visible focus indicator")
        orders = [s["order"] for s in stops]
        if orders != sorted(orders):
            problems.append(f"{path} at {width} px: tab order is not the reading order")
        in_article = [s["y"] for s in stops if s["inArticle"]]
        if any(b < a - 2 for a, b in zip(in_article, in_article[1:])):
            problems.append(f"{path} at {width} px: a tab stop in the text is above the one before it")
    assert not problems, "\n".join(problems)


def test_a_factsheet_starts_with_its_text(browser, sites):
    """At 320x640 the first paragraph is within 1.5 screens; at every width within 15 tab stops."""
    problems = []
    for width in WIDTHS:
        height = 640 if width == 320 else 900
        with one_tab(browser, width=width, height=height, motion="reduce") as visit:
            for site, path in factsheet_pages(sites):
                page = visit((site / path).as_uri())
                first = page.evaluate(FIRST_PARAGRAPH_JS)
                # 16 stops tell whether more than 15 come before it: the rest of the page is walked by the test above.
                before = [s for s in tab_stops(page, limit=16) if s["order"] < first["order"]]
                if width == 320 and first["top"] > 1.5 * height:
                    problems.append(f"{path}: the first paragraph starts {first['top']:.0f} px down at 320x640")
                if len(before) > 15:
                    problems.append(f"{path} at {width} px: {len(before)} tab stops before the first paragraph")
    assert not problems, "\n".join(problems)


def test_the_menu_opens_and_closes_from_the_keyboard_and_says_so(browser, sites):
    site, path = factsheet_pages(sites)[0]
    for width in (320, 768, 1024):
        page = open_page(browser, (site / path).as_uri(), width=width)
        try:
            button = page.locator(".fs-menu-button")
            assert button.get_attribute("aria-expanded") == "false"
            assert page.get_by_role("button", name="Menu").count() == 1
            for _ in range(10):
                page.keyboard.press("Tab")
                if page.evaluate("document.activeElement.classList.contains('fs-menu-button')"):
                    break
            else:
                pytest.fail(f"the menu button is not reached from the keyboard at {width} px")
            page.keyboard.press("Enter")
            # The drawer slides in and out: expect() waits for it (up to 5 s, on a busy machine) where a
            # fixed wait once failed.
            expect(button).to_have_attribute("aria-expanded", "true")
            expect(page.locator("#fs-site-nav a:visible").nth(2)).to_be_visible()
            # Tab on into the open menu: each link is in view when it has focus.
            inside = []
            for _ in range(100):  # the open menu lists the page's sections too
                page.keyboard.press("Tab")
                if page.evaluate("!!document.activeElement.closest('#fs-site-nav')"):
                    page.evaluate(SCROLLED_JS)  # the drawer scrolls the link into view smoothly
                    inside.append(page.evaluate(FOCUSED_JS))
                elif inside:
                    break
            hidden = [s for s in inside if not (s["inView"] and s["uncovered"] and s["indicator"])]
            assert inside and not hidden, (width, hidden)
            # Past the menu, into the page: the menu closes rather than cover what has focus.
            assert button.get_attribute("aria-expanded") == "false"
            button.focus()
            page.keyboard.press("Enter")
            assert button.get_attribute("aria-expanded") == "true"
            page.keyboard.press("Escape")
            expect(button).to_have_attribute("aria-expanded", "false")
            assert page.evaluate("document.activeElement.classList.contains('fs-menu-button')")
            expect(page.locator("#fs-site-nav a:visible")).to_have_count(0)  # hidden again, out of the tab order
        finally:
            page.context.close()


def test_headings_and_landmarks_as_a_screen_reader_lists_them(browser, sites, bases):
    problems = []
    read = []
    with one_tab(browser) as visit:
        for site, path in all_pages(sites):
            page = visit(bases[site] + path)
            read.append((path, page.evaluate(HEADINGS_JS), page.evaluate(LANDMARKS_JS), page.evaluate(
                "() => [...document.querySelectorAll('article section')].map(s => [s.getAttribute('aria-labelledby'),"
                " (s.firstElementChild || {}).id || '', (s.firstElementChild || {}).tagName || ''])"
            )))
    for path, headings, landmarks, sections in read:
        if not headings or headings[0][0] != 1 or [h for h in headings if h[0] == 1][1:]:
            problems.append(f"{path}: not one h1, first: {headings[:1]}")
        for (a, _), (b, text) in zip(headings, headings[1:]):
            if b > a + 1:
                problems.append(f"{path}: heading {text!r} (h{b}) skips a level after h{a}")
        for labelled_by, first_id, first_tag in sections:
            if not labelled_by or labelled_by != first_id or not re.fullmatch(r"H[1-6]", first_tag):
                problems.append(f"{path}: a box is not named by the heading it starts with ({labelled_by}, {first_tag})")
        navs = [lm["name"] for lm in landmarks if lm["tag"] == "nav" or lm["role"] == "navigation"]
        if len(navs) != len(set(navs)):
            problems.append(f"{path}: two navigation landmarks share a name: {navs}")
        for landmark in landmarks:
            # header, main, footer and the one search need no name: each is the page's only one
            needs_name = landmark["tag"] in ("nav", "aside", "section", "form") or landmark["role"] in ("region", "navigation", "dialog")
            if needs_name and not landmark["name"]:
                problems.append(f"{path}: an unnamed {landmark['tag']} landmark")
            if not landmark["content"]:
                problems.append(f"{path}: an empty {landmark['tag']} landmark ({landmark['name']})")
    assert not problems, "\n".join(problems)


def test_the_factsheet_page_s_accessibility_tree_is_the_reviewed_one(browser, second_site):
    """The second project's factsheet: its text is the fixture's own, so the tree is stable."""
    from playwright.sync_api import expect

    page = open_page(browser, (second_site / "factsheets" / "paying-for-support.html").as_uri())
    try:
        expect(page.locator("article")).to_match_aria_snapshot(SNAPSHOT.read_text(encoding="utf-8"))
    finally:
        page.context.close()


@pytest.mark.parametrize("palette", ("light", "dark"))
def test_axe_text_size_and_seven_to_one_contrast(browser, sites, bases, palette):
    problems = []
    for width in (320, 1280):
        with one_tab(browser, width=width, palette=palette) as visit:
            for site, path in all_pages(sites):
                page = visit(bases[site] + path)
                page.add_script_tag(content=axe_source())
                # One run: the tags, and the 7:1 rule (off by default) switched on beside them.
                options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "rules": {"color-contrast-enhanced": {"enabled": True}},
                           "resultTypes": ["violations"]}
                found = page.evaluate("async (o) => (await axe.run(document, o)).violations", options)
                small = page.evaluate(SMALL_TEXT_JS)
                for violation in found:
                    targets = [n["target"] for n in violation["nodes"][:3]]
                    problems.append(f"{path} ({palette}, {width} px): axe {violation['id']}: {violation['help']} at {targets}")
                problems += [f"{path} ({palette}, {width} px): {size} px text: {where} {text!r}" for where, size, text in small]
    assert not problems, "\n".join(problems)


def test_quotations_and_lists_read_from_the_left(browser, second_site):
    page = open_page(browser, (second_site / "factsheets" / "paying-for-support.html").as_uri(), width=1280)
    try:
        found = page.evaluate("""() => {
          const article = document.querySelector('article').getBoundingClientRect().left;
          return [...document.querySelectorAll('article blockquote, article blockquote li, article .fs-reference, article li')]
            .map(e => [e.tagName, getComputedStyle(e).textAlign, e.getBoundingClientRect().left - article]);
        }""")
    finally:
        page.context.close()
    assert any(tag == "BLOCKQUOTE" for tag, _, _ in found)
    for tag, align, left in found:
        assert align in ("left", "start"), (tag, align)
        assert left < 100, (tag, left)  # from the left of the text, not centred


def test_every_image_loads(browser, sites, bases):
    broken = []
    with one_tab(browser) as visit:
        for site, path in all_pages(sites):
            page = visit(bases[site] + path)
            broken += [(path, src) for src in page.evaluate(BROKEN_IMAGES_JS)]
            if path.endswith("paying-for-support.html"):
                assert page.locator("article img").count() == 1
    assert not broken


@pytest.mark.parametrize("served", ("folder", "server"))
def test_every_download_opens_correctly(browser, built_project, served):
    """Text files show their own words (no "Â£" or "â€“"), whatever charset the server names."""
    site = built_project / "build" / "site"
    page_path = next(p for _, p in factsheet_pages([site]))
    links = download_links(site, page_path)
    assert len(links) >= 8
    with serve(site) as base:
        root = base if served == "server" else site.as_uri() + "/"
        context = browser.new_context()
        page = context.new_page()
        try:
            for link in links:
                relative = link[len("../"):]
                file = site / relative
                if file.name.endswith("-braille.txt"):  # for a transcriber's software: plain UTF-8, no byte-order mark
                    with urllib.request.urlopen(base + relative) as response:
                        assert response.read().decode("utf-8") == file.read_text(encoding="utf-8"), relative
                elif file.suffix in (".txt", ".brf", ".vtt"):
                    page.goto(root + relative)
                    shown = page.inner_text("body")
                    expected = file.read_bytes().decode("utf-8-sig")
                    assert " ".join(shown.split()) == " ".join(expected.split()), relative
                else:
                    with urllib.request.urlopen(base + relative) as response:
                        assert response.status == 200 and response.read() == file.read_bytes(), relative
        finally:
            context.close()


@pytest.mark.parametrize("served", ("folder", "server"))
def test_a_chapter_button_plays_from_its_section_and_keeps_focus(browser, built_project, served):
    site = built_project / "build" / "site"
    page_path = next(p for _, p in factsheet_pages([site]))
    with serve(site) as base:
        if served == "server":  # the premise: this server ignores a range request
            request = urllib.request.Request(base + "index.html", headers={"Range": "bytes=0-9"})
            with urllib.request.urlopen(request) as response:
                assert response.status == 200
        url = (base + page_path) if served == "server" else (site / page_path).as_uri()
        page = open_page(browser, url)
        try:
            buttons = page.locator(".fs-chapter")
            assert buttons.count() >= 4
            button = buttons.nth(3)
            start = float(button.get_attribute("data-fs-start"))
            assert start > 30
            button.focus()
            page.keyboard.press("Enter")
            page.wait_for_function("() => /^Playing from/.test(document.querySelector('.fs-audio-status').textContent)", timeout=30000)
            time = page.evaluate("document.getElementById('fs-audio').currentTime")
            assert start - 0.5 <= time <= start + 5, (start, time)
            # Without range requests the browser cannot jump: the page fetched the recording whole.
            assert page.evaluate("document.getElementById('fs-audio').hasAttribute('data-fs-whole')") == (served == "server")
            assert page.evaluate("document.activeElement === document.querySelectorAll('.fs-chapter')[3]")
        finally:
            page.context.close()
