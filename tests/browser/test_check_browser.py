"""`check`'s own browser (validators/website.py): a page that carries a script the build missed
is read without the script reaching anyone, and a page that never finishes loading is a
finding, not a traceback."""

from __future__ import annotations

import http.server
import threading

import pytest

from factsheets.validators.website import check_page, chromium, serve

pytestmark = pytest.mark.browser


class _Counting(http.server.BaseHTTPRequestHandler):
    asked: list[str] = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        _Counting.asked.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_request_to_another_host_is_reported_and_never_sent(tmp_path):
    # 127.0.0.2 stands in for another host: the page's own server is on 127.0.0.1.
    other = http.server.ThreadingHTTPServer(("127.0.0.2", 0), _Counting)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    address = f"http://127.0.0.2:{other.server_address[1]}"
    (tmp_path / "page.html").write_text(f'<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><main><h1>x</h1>'
                                        f'<img src="{address}/tracker.png" alt=""><script>fetch("{address}/from-script")</script>'
                                        "</main></body></html>")
    try:
        with serve(tmp_path) as base, chromium() as browser:
            findings = check_page(browser, base, "page.html", "light")
    finally:
        other.shutdown()
        other.server_close()
    assert any("asked another host" in f.message and "tracker.png" in f.message for f in findings), findings
    assert _Counting.asked == []


def test_a_page_whose_script_never_ends_is_a_finding(tmp_path, monkeypatch):
    monkeypatch.setattr("factsheets.validators.site_browser.PAGE_TIMEOUT_MS", 3000)
    (tmp_path / "page.html").write_text('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>'
                                        "<script>for (;;) {}</script></body></html>")
    with serve(tmp_path) as base, chromium() as browser:
        findings = check_page(browser, base, "page.html", "light")
    assert len(findings) == 1 and "could not be read in the browser" in findings[0].message, findings


def test_a_page_is_loaded_twice_for_every_check_and_a_fault_of_the_dark_palette_alone_is_found(tmp_path, monkeypatch):
    """validators/website.py: one load with JavaScript for both palettes, the reflow and the spacing, one
    without; the dark palette switched in place still shows what only it gets wrong, and the other
    checks still fail on their faults."""
    from factsheets.validators import website

    loads = []
    real_open = website.Tabs.open
    monkeypatch.setattr(website.Tabs, "open", lambda *args, **kwargs: loads.append(kwargs) or real_open(*args, **kwargs))
    (tmp_path / "page.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title><style>'
        "@media (prefers-color-scheme: dark) { body { background: #000; } .dim { color: #222; } }"
        "</style></head><body><main><h1>x</h1><article><p class=\"dim\">Dim only in the dark</p>"
        '<div style="width:900px">wide</div><p style="height:1.3em;overflow:hidden">Tightly boxed text</p>'
        "<script>document.querySelector('article').insertAdjacentHTML('beforeend', '<p>Scriptonlyword</p>')</script>"
        "</article></main></body></html>")
    with serve(tmp_path) as base, chromium() as browser, website.kept_tabs(browser) as tabs:
        messages = [f.message for f in website.page_checks(tabs, base, "page.html", "x.md", True)]
    assert [load.get("javascript", True) for load in loads] == [True, False]
    assert any("(dark): axe color-contrast" in m for m in messages), messages
    assert not any("(light): axe color-contrast" in m for m in messages), messages
    assert any("scrolls sideways" in m for m in messages), messages
    assert any("text is cut off" in m for m in messages), messages
    assert any("JavaScript off" in m and "scriptonlyword" in m for m in messages), messages


def test_pages_checked_one_after_another_in_kept_tabs_leave_nothing_to_the_next(tmp_path):
    """site_browser.Tabs: a page that stops answering gives its finding and the next page a new
    tab; what a page stored, and the palette it switched to, do not reach the next page."""
    from factsheets.validators import site_browser, website

    head = '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><main><h1>x</h1><article>'
    (tmp_path / "keeps.html").write_text(head + "<p>Kept</p><script>localStorage.setItem('left', 'behind'); document.cookie = 'c=1';"
                                         # as Material saves the palette again when the colour scheme changes
                                         "matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => localStorage.setItem('left', 'behind'))"
                                         "</script>"
                                         "</article></main></body></html>")
    (tmp_path / "hangs.html").write_text(head + "<script>for (;;) {}</script></article></main></body></html>")
    (tmp_path / "reads.html").write_text(head + "<p id=r>x</p><script>document.getElementById('r').textContent = "
                                         "'stored ' + localStorage.getItem('left') + ' cookie ' + (document.cookie || 'none')</script>"
                                         "</article></main></body></html>")
    contexts = []
    real_tab = site_browser._Tab.__init__
    with serve(tmp_path) as base, chromium() as browser, website.kept_tabs(browser) as tabs:
        site_browser._Tab.__init__ = lambda self, *args: contexts.append(args) or real_tab(self, *args)
        try:
            kept = website.page_checks(tabs, base, "keeps.html", "k.md", True)
            website.switch_palette(tabs.open(base + "keeps.html", palette="dark")[0], "dark")
            read = tabs.open(base + "reads.html")[0]
            assert read.inner_text("#r") == "stored null cookie none"
            assert read.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") is False
            site_browser.PAGE_TIMEOUT_MS, timeout = 3000, site_browser.PAGE_TIMEOUT_MS
            try:
                tabs.discard()  # a tab made with the short timeout, for the page that hangs
                hung = website.page_checks(tabs, base, "hangs.html", "h.md", False)
            finally:
                site_browser.PAGE_TIMEOUT_MS = timeout
            after = website.page_checks(tabs, base, "keeps.html", "k.md", False)
        finally:
            site_browser._Tab.__init__ = real_tab
    assert kept == [] and after == [], (kept, after)
    assert len(hung) == 1 and "could not be read in the browser" in hung[0].message, hung
    # keeps.html with and without scripts, then reads.html: two tabs; a new one after the hang, and a new one again
    assert [javascript for _browser, _host, javascript in contexts] == [True, False, True, True]


def test_what_a_checked_page_still_runs_is_not_blamed_on_the_next(tmp_path):
    """A page that fetches from another host and opens a dialog when the colour scheme changes:
    the next page's visit changes it back (site_browser.Tabs.leave sends the tab away first)."""
    from factsheets.validators import website

    head = '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><main><h1>x</h1><article>'
    (tmp_path / "noisy.html").write_text(head + "<p>Noisy</p><script>matchMedia('(prefers-color-scheme: dark)').addEventListener('change', "
                                         "() => { fetch('http://127.0.0.2:9/late'); alert('late'); })</script></article></main></body></html>")
    (tmp_path / "clean.html").write_text(head + "<p>Clean</p></article></main></body></html>")
    with serve(tmp_path) as base, chromium() as browser, website.kept_tabs(browser) as tabs:
        noisy = website.page_checks(tabs, base, "noisy.html", "n.md", False)
        clean = website.page_checks(tabs, base, "clean.html", "c.md", False)
    assert any("asked another host" in f.message for f in noisy), noisy  # its own switch to dark woke it
    assert clean == [], clean


def test_a_frame_a_page_makes_leaves_the_page_its_storage(tmp_path):
    """The kept tabs clear the storage as each page's own document is made, not a frame's."""
    from factsheets.validators import website

    (tmp_path / "inner.html").write_text('<!DOCTYPE html><html lang="en"><head><title>i</title></head><body>inner</body></html>')
    (tmp_path / "framed.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p id="r">waiting</p><script>'
        "localStorage.setItem('mine', 'kept'); const frame = document.createElement('iframe'); frame.src = 'inner.html';"
        "frame.onload = () => { document.getElementById('r').textContent = 'after the frame: ' + localStorage.getItem('mine'); };"
        "document.body.append(frame);</script></body></html>")
    with serve(tmp_path) as base, chromium() as browser, website.kept_tabs(browser) as tabs:
        page, _ = tabs.open(base + "framed.html")
        page.wait_for_function("document.getElementById('r').textContent !== 'waiting'")
        assert page.inner_text("#r") == "after the frame: kept"
