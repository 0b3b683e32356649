"""`factsheets serve`: the live preview follows edits to the glossary and shows a source's
problem in the page, through MkDocs' real server, fetched over plain HTTP."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from factsheets.serve import error_page

# Runs the installed command and MkDocs: not in the fast tier.
pytestmark = pytest.mark.engines

PAGE = "factsheets/short.html"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8")


def wait_for(url: str, wanted, seconds: float = 60) -> str:
    """The page at url, once wanted(page) holds; fails with the last page seen."""
    deadline, page = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            page = fetch(url)
            if wanted(page):
                return page
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed what was expected; last page:\n{page[:2000]}")


def session_processes(session: int) -> list[str]:
    """The processes still alive in a session (the preview and anything it started)."""
    out = subprocess.run(["ps", "-o", "pid=,stat=,args=", "-s", str(session)], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line.split()[1][0] != "Z"]


@contextmanager
def serving(root: Path):
    port = free_port()
    command = Path(sys.executable).parent / "factsheets"
    process = subprocess.Popen([str(command), "serve", "--port", str(port)], cwd=root, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        yield f"http://127.0.0.1:{port}/", process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)  # Ctrl+C, as staff stop it
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def test_an_edit_to_the_glossary_shows_in_the_preview(small_project):
    definition = small_project / "glossary" / "local-offer.md"
    with serving(small_project) as (url, process):
        first = wait_for(url + PAGE, lambda page: "Local Offer, published by every local authority" in page)
        assert "Ask your council for its Local Offer booklet" not in first
        text = definition.read_text(encoding="utf-8").replace("published by every local authority", "Ask your council for its Local Offer booklet;")
        definition.write_text(text, encoding="utf-8")
        wait_for(url + PAGE, lambda page: "Ask your council for its Local Offer booklet" in page)
        session = process.pid
    assert process.returncode == 0, process.stdout.read()
    assert session_processes(session) == []  # nothing it started outlives it


def test_a_broken_factsheet_shows_its_file_and_line_in_the_page_then_recovers(small_project):
    factsheet = small_project / "docs" / "factsheets" / "short.md"
    good = factsheet.read_text(encoding="utf-8")
    with serving(small_project) as (url, process):
        wait_for(url + PAGE, lambda page: "A short factsheet" in page)
        factsheet.write_text(good.replace("[[Local Offer]]", "[[Local Ofer]]"), encoding="utf-8")
        broken = wait_for(url + PAGE, lambda page: "a file needs fixing" in page)
        line = next(n for n, text in enumerate(good.splitlines(), 1) if "[[Local Offer]]" in text)
        assert f"docs/factsheets/short.md:{line}:" in broken
        assert "Local Ofer" in broken and "Traceback" not in broken
        assert "a file needs fixing" in fetch(url)  # the home page too, and any other
        assert "a file needs fixing" in fetch(url + "no-such-page.html")
        factsheet.write_text(good, encoding="utf-8")
        wait_for(url + PAGE, lambda page: "a file needs fixing" not in page and "A short factsheet" in page)
    output = process.stdout.read()
    assert "Traceback" not in output
    assert "end of life" not in output  # Material's notice is not for staff


def test_a_broken_mkdocs_yml_shows_in_the_page_and_the_terminal(small_project):
    config = small_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "site_name: [unclosed\n", encoding="utf-8")
    with serving(small_project) as (url, process):
        page = wait_for(url, lambda page: "a file needs fixing" in page)
        assert "mkdocs.yml:16:" in page
    assert "mkdocs.yml" in process.stdout.read()


def test_downloads_made_from_an_older_text_are_marked(small_project):
    from factsheets.build import build

    build(small_project, formats=["print"])
    factsheet = small_project / "docs" / "factsheets" / "short.md"
    with serving(small_project) as (url, _process):
        page = wait_for(url + PAGE, lambda page: "Print-friendly page" in page)
        assert "older than the page" not in page
        factsheet.write_text(factsheet.read_text(encoding="utf-8").replace("You can:", "You can also:"), encoding="utf-8")
        page = wait_for(url + PAGE, lambda page: "You can also:" in page)
        assert "This download is older than the page: rebuild to update it." in page


def test_the_error_page_escapes_what_it_shows():
    page = error_page(['docs/factsheets/x.md:3: "<b>" is not in the glossary'])
    assert "&lt;b&gt;" in page and "<b>" not in page
    assert 'lang="en-GB"' in page


def test_materials_end_of_life_notice_is_not_shown_to_staff(small_project):
    """Material prints it on import when the program is named mkdocs, unless NO_MKDOCS_2_WARNING
    is set. Under that name, our switch silences it; without the switch it does print (so the
    check can fail); and our own command never prints it."""
    show = "import sys; sys.argv[0] = '/usr/bin/mkdocs'; {} import material.templates"
    ours = "from factsheets.serve import quiet_material_banner; quiet_material_banner();"
    environment = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    loud = subprocess.run([sys.executable, "-c", show.format("")], capture_output=True, text=True, env=environment)
    assert "end of life" in loud.stderr
    quiet = subprocess.run([sys.executable, "-c", show.format(ours)], capture_output=True, text=True, env=environment)
    assert quiet.returncode == 0 and "end of life" not in quiet.stderr
    from conftest import factsheets

    result = factsheets(small_project, "build", "--format", "print")
    assert result.returncode == 0, result.stderr
    assert "end of life" not in result.stderr + result.stdout


@pytest.mark.parametrize("port", ["99999", "0", "-1"])
def test_a_port_out_of_range_is_one_line_not_a_traceback(port, capsys):
    from factsheets.cli import main

    assert main(["serve", "--port", port]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [f"the command line: --port {port} is not a port: ports are numbered 1 to 65535; use one such as --port 8001"]


def test_a_committed_build_folder_is_not_served(small_project, tmp_path):
    # A build/ the build did not make (committed, say) with links to files outside the project:
    # the preview shows none of it (the key mark of own_files.py says whose build it is).
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-OUTSIDE-THE-PROJECT\n")
    files = small_project / "build" / "site" / "files"
    files.mkdir(parents=True)
    (files / "leak.txt").symlink_to(secret)
    (small_project / "build" / "manifest.json").write_text(
        '{"factsheets": [{"slug": "short", "formats": {"html": "", "audio_transcript": "site/files/../../../../../../..' + str(secret) + '"}}]}')
    with serving(small_project) as (url, _):
        page = wait_for(url + PAGE, lambda page: "A short factsheet" in page)
        assert "SECRET" not in page
        assert "SECRET" not in fetch(url + "files/leak.txt")
