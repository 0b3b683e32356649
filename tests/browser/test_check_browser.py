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
    real_open = website.open_page
    monkeypatch.setattr(website, "open_page", lambda *args, **kwargs: loads.append(kwargs) or real_open(*args, **kwargs))
    (tmp_path / "page.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title><style>'
        "@media (prefers-color-scheme: dark) { body { background: #000; } .dim { color: #222; } }"
        "</style></head><body><main><h1>x</h1><article><p class=\"dim\">Dim only in the dark</p>"
        '<div style="width:900px">wide</div><p style="height:1.3em;overflow:hidden">Tightly boxed text</p>'
        "<script>document.querySelector('article').insertAdjacentHTML('beforeend', '<p>Scriptonlyword</p>')</script>"
        "</article></main></body></html>")
    with serve(tmp_path) as base, chromium() as browser:
        messages = [f.message for f in website.page_checks(browser, base, "page.html", "x.md", True)]
    assert [load.get("javascript", True) for load in loads] == [True, False]
    assert any("(dark): axe color-contrast" in m for m in messages), messages
    assert not any("(light): axe color-contrast" in m for m in messages), messages
    assert any("scrolls sideways" in m for m in messages), messages
    assert any("text is cut off" in m for m in messages), messages
    assert any("JavaScript off" in m and "scriptonlyword" in m for m in messages), messages
