"""The factsheet page's read-along, in Debian's Chromium: the sentence being heard is highlighted
as the page's own player plays (muted and sped up here), and "Listen from here" starts the
audio at its section (one button for each) or, once the player has started, at any paragraph. The frozen leaflet, built once for the session."""

from __future__ import annotations

from pathlib import Path

import pytest

from factsheets.validators.website import chromium
from pages import open_page

pytestmark = pytest.mark.browser

PAGE = "factsheets/what-if-i-do-not-agree.html"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"

# The highlighted element (a sentence's span or a whole block), where it is in the page, and
# the player's time; and what has focus.
SPEAKING_JS = """
() => {
  const on = [...document.querySelectorAll('.fs-speaking')];
  const all = [...document.querySelectorAll('*')];
  const audio = document.getElementById('fs-audio');
  return {ids: on.map(e => e.id), order: on.map(e => all.indexOf(e)), time: audio.currentTime,
          begin: on.map(e => parseFloat(e.dataset.fsBegin)), end: on.map(e => parseFloat(e.dataset.fsEnd)),
          focus: document.activeElement.tagName};
}
"""

LOADED_JS = """
() => new Promise(done => {
  const audio = document.getElementById('fs-audio');
  audio.muted = true;
  if (audio.readyState >= 1) return done();
  audio.addEventListener('loadedmetadata', () => done(), {once: true});
  audio.preload = 'auto';
  audio.load();
})
"""


@pytest.fixture(scope="module")
def browser():
    with chromium() as shared:
        yield shared


@pytest.fixture
def page(browser, built_project):
    page = open_page(browser, (built_project / "build" / "site" / PAGE).as_uri(), width=1024, height=700)
    page.evaluate(LOADED_JS)
    yield page
    page.context.close()


def test_the_highlighted_sentence_advances_in_order_as_the_player_plays(page):
    start = float(page.get_attribute("#first-steps-p1", "data-fs-from"))
    page.evaluate(f"() => {{ const a = document.getElementById('fs-audio'); a.currentTime = {start - 3}; a.playbackRate = 4; return a.play(); }}")
    seen = []
    for _ in range(60):  # about 9 s of the page's time, 36 s of the recording's
        page.wait_for_timeout(150)
        state = page.evaluate(SPEAKING_JS)
        assert len(state["ids"]) <= 1, state  # one thing highlighted at a time
        assert state["focus"] == "BODY", state  # focus never moves
        if state["ids"]:
            # what is highlighted is what is heard now (a frame's slack either side)
            assert state["begin"][0] - 0.3 <= state["time"] <= state["end"][0] + 0.3, state
            if not seen or seen[-1][0] != state["ids"][0]:
                seen.append((state["ids"][0], state["order"][0]))
    page.evaluate("document.getElementById('fs-audio').pause()")
    ids = [i for i, _ in seen]
    assert len(ids) >= 5 and ids[:3] == ["first-steps", "first-steps-p1-s1", "first-steps-p2-s1"], ids
    orders = [o for _, o in seen]
    assert orders == sorted(orders) and len(set(ids)) == len(ids), ids  # forward in document order


def test_listen_from_here_plays_from_its_paragraph_and_keeps_focus(page):
    paragraph = page.locator("#mediation-p6")
    start = float(paragraph.get_attribute("data-fs-from"))
    words = " ".join(paragraph.inner_text().split()[:6])
    # Before the player starts, one button for each section, in the tab order; the paragraphs'
    # buttons appear once it has started.
    sections = page.locator("article h2").count()
    assert 0 < page.locator("button.fs-listen:visible").count() <= sections + 1
    assert page.locator("#mediation-p6 button.fs-listen:visible").count() == 0
    page.locator("#mediation-p1 button.fs-listen-section").click()
    page.wait_for_function("() => !document.getElementById('fs-audio').paused", timeout=10000)
    page.evaluate("document.getElementById('fs-audio').pause()")
    assert page.evaluate("document.querySelectorAll('button.fs-listen').length") == page.locator("[data-fs-from]").count() > 50
    button = page.get_by_role("button", name=f"Listen from here: {words}…")
    assert button.count() == 1 and button.inner_text() == "Listen from here"
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.getElementById('fs-audio').paused", timeout=10000)
    page.wait_for_timeout(600)
    state = page.evaluate(SPEAKING_JS)
    page.evaluate("document.getElementById('fs-audio').pause()")
    assert start <= state["time"] <= start + 3, (start, state)
    assert state["ids"] == ["mediation-p6-s1"], state
    assert page.evaluate("document.activeElement.classList.contains('fs-listen')")
    assert page.locator(".fs-audio-status").inner_text().startswith(f"Playing from: “{words}")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "read-along.png"))


def test_without_javascript_the_page_has_its_text_and_no_buttons(browser, built_project):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto((built_project / "build" / "site" / PAGE).as_uri())
        assert page.locator("button.fs-listen").count() == 0
        assert "If you wish to register an appeal" in page.locator("#mediation-p6").inner_text()
        assert page.locator("audio#fs-audio[controls]").count() == 1
    finally:
        context.close()


def test_the_page_follows_the_highlight_at_once_when_the_reader_wants_less_motion(browser, built_project):
    context = browser.new_context(viewport={"width": 1024, "height": 700}, reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto((built_project / "build" / "site" / PAGE).as_uri(), wait_until="load")
        page.evaluate(LOADED_JS)
        page.locator("#first-steps-p1 button.fs-listen").click()
        page.wait_for_function("() => document.querySelector('.fs-speaking')", timeout=10000)
        # A reader following the highlight: when it moves far down the page, the page goes with it, in one step.
        far = float(page.get_attribute("#appeals-p1", "data-fs-from"))
        page.evaluate(f"document.getElementById('fs-audio').currentTime = {far + 0.2}")
        page.wait_for_function("() => document.querySelector('#appeals-p1 .fs-speaking, #appeals-p1.fs-speaking')", timeout=10000)
        page.wait_for_timeout(50)  # far less than a smooth scroll takes
        box = page.evaluate("(() => { const r = document.querySelector('.fs-speaking').getBoundingClientRect(); return [r.top, r.bottom, innerHeight]; })()")
        page.evaluate("document.getElementById('fs-audio').pause()")
        assert 0 < box[0] and box[1] < box[2], box
        assert page.evaluate("document.activeElement.classList.contains('fs-listen')")  # focus stayed on the button
    finally:
        context.close()


# Where the player is set to the middle of each sentence the audio says, what the page's script
# highlights. The audio's own words (its introduction, "End of factsheet") are on no page.
EVERY_SENTENCE_JS = """
async sentences => {
  const audio = document.getElementById('fs-audio');
  const missed = [];
  for (const s of sentences) {
    const seeked = new Promise(done => audio.addEventListener('seeked', done, {once: true}));
    audio.currentTime = (s.start + s.end) / 2;
    await seeked;
    await new Promise(done => requestAnimationFrame(done));
    if (!document.querySelector('.fs-speaking')) missed.push(s.block + ': ' + s.text.slice(0, 50));
  }
  return missed;
}
"""


@pytest.mark.parametrize("slug", ["applying-for-a-blue-badge", "carers-assessment", "asking-for-an-ehc-needs-assessment"])
def test_something_is_highlighted_whatever_the_audio_reads(browser, corpus_site, slug):
    """The title, a table's rows, a picture's description, a quotation's label and close, the
    contact details' heading: each highlighted while it is heard, as the paragraphs are."""
    import json

    sentences = json.loads((corpus_site / "files" / slug / f"{slug}-sentences.json").read_text())["sentences"]
    on_page = [s for s in sentences if s["block"] and not s["block"].startswith("fs-")]
    assert {"title", "contact-end-title"} <= {s["block"] for s in on_page}
    page = open_page(browser, (corpus_site / "factsheets" / f"{slug}.html").as_uri(), width=1024, height=700)
    try:
        page.evaluate(LOADED_JS)
        assert page.evaluate(EVERY_SENTENCE_JS, on_page) == []
    finally:
        page.context.close()
