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


CLOSED = RuntimeError("the browser closed")


def _lane(monkeypatch, pages, stops_at=None, error=CLOSED, reported=None):
    """What _check_pages reports (into reported, if given) with a stand-in browser whose page check stops at stops_at."""
    reported = [] if reported is None else reported
    from factsheets.validators import website

    @contextmanager
    def browser():
        yield object()

    def page_checks(tabs, base, path, source, factsheet):
        if path == stops_at:
            raise error
        return []

    monkeypatch.setattr(website, "chromium", browser)
    monkeypatch.setattr(website, "page_checks", page_checks)
    results: queue.Queue = queue.Queue()
    try:
        running._check_pages(pages, "http://127.0.0.1:1/", results)
    finally:
        reported.extend(results.get_nowait() for _ in range(results.qsize()))
    return reported


def test_a_lane_that_stops_gives_every_page_left_a_failure_that_is_not_kept(monkeypatch):
    pages = [_page("a", True), _page("b", True), _page("index", False)]
    reported = _lane(monkeypatch, pages, stops_at="b")
    assert [(key, keep) for key, _document, _findings, _checked, keep in reported] == [("key-a", True), ("key-b", False), ("key-index", False)]
    assert reported[0][2] == []
    for _key, _document, findings, _checked, _keep in reported[1:]:
        assert findings[0].level == "failure" and "could not be checked in the browser: RuntimeError: the browser closed" in findings[0].message


def test_a_lane_stopped_by_anything_still_answers_for_each_page(monkeypatch):
    import pytest

    reported: list = []
    with pytest.raises(KeyboardInterrupt):
        _lane(monkeypatch, [_page("a", True), _page("b", True)], stops_at="a", error=KeyboardInterrupt(), reported=reported)
    # a result for each page before the interrupt went on: the check waiting on them ends
    assert [(key, keep) for key, _document, _findings, _checked, keep in reported] == [("key-a", False), ("key-b", False)]
    assert "the check was stopped" in reported[0][2][0].message


def test_a_browser_that_cannot_start_fails_each_page_of_its_lane(monkeypatch):
    from factsheets.validators import website

    @contextmanager
    def no_browser():
        raise FileNotFoundError("/usr/bin/chromium is missing")
        yield

    monkeypatch.setattr(website, "chromium", no_browser)
    results: queue.Queue = queue.Queue()
    pages = [_page("a", True), _page("index", False)]
    running._check_pages(pages, "http://127.0.0.1:1/", results)
    reported = [results.get_nowait() for _ in pages]
    assert [key for key, *_ in reported] == ["key-a", "key-index"]
    for _key, _document, findings, _checked, keep in reported:
        assert findings[0].level == "failure" and "chromium is missing" in findings[0].message and not keep


def test_a_result_not_to_be_kept_is_reported_but_not_stored(tmp_path):
    from factsheets.check import Plan
    from factsheets.check.kept import KeptResults
    from factsheets.validators import FAILURE, Finding

    (tmp_path / ".check-results").mkdir()
    store = KeptResults(tmp_path)
    plan = Plan(store, None, "v", "s")
    finding = Finding(FAILURE, "website", "index.html could not be checked in the browser", "report it", None)
    plan.done("tried", [finding], [], keep=False)
    plan.done("checked", [], [])
    assert plan.results["tried"]["findings"] and store.get("tried") is None
    assert store.get("checked") is not None
