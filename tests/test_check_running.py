"""How a check shares its pages among browsers (check/running.py)."""

from __future__ import annotations

import queue
from contextlib import contextmanager

from factsheets.check import running


def _page(path: str, factsheet: bool) -> running.PageWork:
    return (f"key-{path}", None, (path, f"docs/factsheets/{path}.md" if factsheet else None))


def test_the_pages_are_shared_so_the_lanes_end_together():
    pages = [_page("index", False), _page("a", True), _page("glossary", False), _page("b", True),
             _page("c", True), _page("contact", False)]
    lanes = running.page_lanes(pages)
    assert len(lanes) == running.PAGE_LANES
    assert sorted(p for lane in lanes for p in lane) == sorted(pages)  # each page once
    loads = [sum(running._weight(p) for p in lane) for lane in lanes]
    assert max(loads) - min(loads) <= running.FACTSHEET_PAGE_WEIGHT
    assert all(lane[0][2][1] is not None for lane in lanes)  # a factsheet's page first: the longest


def test_one_page_is_one_lane():
    assert running.page_lanes([_page("index", False)]) == [[_page("index", False)]]


def test_a_browser_that_cannot_start_fails_each_page_of_its_lane_and_the_check_ends(monkeypatch):
    from factsheets.validators import website

    @contextmanager
    def no_browser():
        raise FileNotFoundError("/usr/bin/chromium is missing")
        yield

    monkeypatch.setattr(website, "chromium", no_browser)
    results: queue.Queue = queue.Queue()
    pages = [_page("a", True), _page("index", False)]
    running._check_pages(pages, "http://127.0.0.1:1/", results, None)
    reported = [results.get_nowait() for _ in pages]
    assert [key for key, *_ in reported] == ["key-a", "key-index"]
    for _key, _document, findings, _checked in reported:
        assert findings[0].level == "failure" and "chromium is missing" in findings[0].message
