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
    monkeypatch.setattr("factsheets.validators.website.PAGE_TIMEOUT_MS", 3000)
    (tmp_path / "page.html").write_text('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>'
                                        "<script>for (;;) {}</script></body></html>")
    with serve(tmp_path) as base, chromium() as browser:
        findings = check_page(browser, base, "page.html", "light")
    assert len(findings) == 1 and "could not be read in the browser" in findings[0].message, findings
