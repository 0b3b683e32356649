"""The hostile corpus: inputs an attacker or a careless editor could write.

Each case (tests/hostile/cases/*.yml) is applied to a copy of a small project that
was built once. A refused case must stop the build with one line naming the file
and line, exit 1, print no traceback and leave build/ exactly as it was; a harmless
case must build, and every page it publishes is then opened in Chromium, where no
dialog may open and no request may go to another host. Every case runs within a
time limit; one that builds, reads a fifo or tests the bounds runs as the installed
command with a memory limit too, and the rest through the command's entry point in
this process (see harness.py).
"""

from __future__ import annotations

import re
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import FIXTURES, factsheets
from factsheets.validators.site_browser import SEARCH_ANSWERED_JS
from hostile.harness import load_cases, needs_a_process, prepare_case, run_case, run_case_in_process, tree_hash

CASES = load_cases()
# The cases are run together, in the `outcomes` fixture, on one pytest-xdist worker: the test
# command keeps a module's tests together (--dist loadscope).
pytestmark = pytest.mark.hostile
# path:line: message — the path has no spaces; a whole folder may be named without a line.
ERROR_LINE = re.compile(r"^(?P<path>[^\s:]+)(?::(?P<line>\d+))?: (?P<message>\S.*)$")
REFUSED_SECONDS = 20


@pytest.fixture(scope="session")
def base_project(built_small, tmp_path_factory) -> Path:
    """The small project with a picture, built once with every format (from the session's
    built copy, so that only what the picture changes is made again)."""
    root = tmp_path_factory.mktemp("hostile-base") / "project"
    shutil.copytree(built_small, root, symlinks=True)
    shutil.copy(FIXTURES / "pdf-photo.png", root / "docs" / "picture.png")
    result = factsheets(root, "build")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="session")
def outcomes(request, base_project, tmp_path_factory) -> dict:
    """Every selected case: those that need a process of their own four at a time in the
    background (a refused build mostly waits, it uses little processor time), the rest
    meanwhile in this process, one after another (see harness.py)."""
    selected = {item.callspec.params["case"]["id"] for item in request.session.items
                if hasattr(item, "callspec") and "case" in item.callspec.params and item.get_closest_marker("hostile")}
    base = base_project
    work = tmp_path_factory.mktemp("hostile-cases")

    def run(case, runner):
        folder = work / case["id"]
        folder.mkdir()
        return case["id"], runner(case, base, folder)

    chosen = [c for c in CASES if c["id"] in selected]
    with ThreadPoolExecutor(max_workers=4) as pool:
        in_processes = pool.map(run, [c for c in chosen if needs_a_process(c)], [run_case] * len(chosen))
        here = [run(c, run_case_in_process) for c in chosen if not needs_a_process(c)]
        return dict([*here, *in_processes])


def test_the_corpus_covers_every_class_with_at_least_150_cases():
    classes = {c["class"] for c in CASES}
    assert len(CASES) >= 150, len(CASES)
    assert {"script", "addresses", "front_matter", "outside", "control", "bounds", "no_traceback", "harmless"} <= classes


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case, outcomes):
    outcome = outcomes[case["id"]]
    assert outcome.returncode is not None, f"no answer within the time limit; stderr: {outcome.stderr[-500:]}"
    assert "Traceback" not in outcome.stderr and "Traceback" not in outcome.stdout, outcome.stderr
    # Whatever the case, nothing outside the project is written, truncated, added or removed.
    assert outcome.outside_hash_after == outcome.outside_hash_before, "a file or folder outside the project was changed"
    if case.get("builds"):
        assert outcome.returncode == 0, outcome.stderr
        return
    assert outcome.returncode == 1, outcome.stdout + outcome.stderr
    assert outcome.seconds < REFUSED_SECONDS
    first = outcome.stderr.splitlines()[0]
    match = ERROR_LINE.match(first)
    assert match, first
    assert first.startswith(case["where"] + ":"), first
    for words in [case["says"]] if isinstance(case.get("says"), str) else case.get("says", []):
        assert words in match.group("message"), first
    # One line says what is wrong: the next line only says that nothing was published.
    assert sum(1 for line in outcome.stderr.splitlines() if ERROR_LINE.match(line)) == 1, outcome.stderr
    assert outcome.build_hash_after == outcome.build_hash_before, "the previous build/ was changed"


BUILT = [c for c in CASES if c.get("builds")]


@pytest.fixture(scope="module")  # closed with this module: Playwright's sync API allows one at a time
def browser():
    from factsheets.validators.website import chromium

    with chromium() as launched:
        yield launched


class CaseTab:
    """One tab for every case's pages, as a reader goes from site to site (a new tab starts a
    renderer process, about half a second of the processor's time), with what its pages ask for:
    the dialogs they open and the requests they make."""

    def __init__(self, browser) -> None:
        self.browser = browser
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page = self._opened()

    def _opened(self):
        page = self.browser.new_page()
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("request", lambda request: self.requests.append(request.url))
        return page

    def emptied(self):
        """The tab on a blank page, nothing asked for yet: what the last case's pages were still
        doing is over. A tab the last case left stuck (a script that never ends) is replaced."""
        from playwright.sync_api import Error as BrowserError  # its TimeoutError is one

        try:
            self.page.goto("about:blank", timeout=10_000)
        except BrowserError:
            self.page.close()
            self.page = self._opened()
        self.dialogs.clear()
        self.requests.clear()
        return self.page


@pytest.fixture(scope="module")
def tab(browser):
    shared = CaseTab(browser)
    yield shared
    shared.page.close()


@pytest.mark.browser
@pytest.mark.parametrize("case", BUILT, ids=[c["id"] for c in BUILT])
def test_built_pages_run_no_script_and_reach_no_other_host(case, outcomes, tab):
    outcome = outcomes[case["id"]]
    assert outcome.returncode == 0, outcome.stderr
    site = outcome.root / "build" / "site"
    pages = sorted(p for p in site.rglob("*.html") if "files" not in p.relative_to(site).parts)
    assert len(pages) >= 3, pages
    page = tab.emptied()
    for path in pages:
        page.goto(path.as_uri(), wait_until="load")
        page.wait_for_timeout(150)  # an <img onerror> fires after its request fails
    # The search box shows page titles and text from the search index: it must show them as text.
    page.goto((site / "index.html").as_uri(), wait_until="load")
    page.fill("input.md-search__input", "alert")
    # The search reads the box on a key going up: filled alone, it searched only when its
    # worker was still starting (after the old 800 ms wait there could be no search at all).
    page.locator("input.md-search__input").press("End")
    answered = page.evaluate(SEARCH_ANSWERED_JS)  # results, or none, and the list still for 300 ms
    assert answered, "the search did not answer"
    assert tab.dialogs == [], tab.dialogs
    foreign = [u for u in tab.requests if urlsplit(u).scheme not in ("file", "data", "blob", "about")
               and urlsplit(u).hostname not in ("127.0.0.1", "localhost")]
    assert foreign == [], foreign


def test_a_case_run_in_this_process_shows_an_escaping_exception_as_the_command_would(base_project, tmp_path, monkeypatch):
    # The in-process runner must fail a case the way the command would have: with a traceback.
    from factsheets import cli

    def broken(args):
        raise ValueError("a fault in the build")

    monkeypatch.setattr(cli, "build_command", broken)
    case = next(c for c in CASES if not needs_a_process(c))
    outcome = run_case_in_process(case, base_project, tmp_path)
    assert outcome.returncode == 1
    assert "Traceback" in outcome.stderr and "ValueError: a fault in the build" in outcome.stderr


def test_a_case_run_in_this_process_that_hangs_ends_at_the_time_limit_with_no_answer(base_project, tmp_path, monkeypatch):
    from factsheets import cli
    from hostile import harness

    monkeypatch.setattr(harness, "TIME_LIMIT_S", 0.5)
    monkeypatch.setattr(cli, "build_command", lambda args: time.sleep(30) or 0)
    case = next(c for c in CASES if not needs_a_process(c))
    outcome = run_case_in_process(case, base_project, tmp_path)
    assert outcome.returncode is None and outcome.seconds < 5


def test_a_write_into_an_output_shared_by_hard_link_still_changes_the_build_hash(base_project, tmp_path):
    # A refused case's outputs are hard links to the base's, hashed once (harness.file_hash): a
    # build that wrote into one, even keeping its size, must still be seen to change build/.
    base = tmp_path / "base"
    shutil.copytree(base_project, base, symlinks=True)  # not the session's base: this writes into it
    (tmp_path / "case").mkdir()
    root, _ = prepare_case({"id": "shared-output", "class": "test"}, base, tmp_path / "case", link_outputs=True)
    before = tree_hash(root / "build")
    output = next(p for p in sorted((root / "build").rglob("*.html")) if p.is_file())
    assert output.stat().st_nlink > 1  # shared with the base, as every refused case's are
    text = output.read_bytes()
    output.write_bytes(bytes([text[0] ^ 1]) + text[1:])
    assert tree_hash(root / "build") != before
