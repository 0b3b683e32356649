"""What the command line says to a new member of staff (issue 29): the warnings after the
summary, no build/ folder spoken of where there is none, the preview's address only once it
listens (and a free port when it cannot), a giant-print PDF of one factsheet leaving the
others' current, and `check` keeping what the next build needs."""

from __future__ import annotations

import shutil
import socket
import pytest

from conftest import FIXTURES, copy_project, factsheets
from factsheets import cli


def test_build_outside_a_project_speaks_of_no_previous_build_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["build"]) == 1
    err = capsys.readouterr().err
    assert "no mkdocs.yml here" in err and "build/ folder" not in err and "The build stopped." in err


def test_a_first_build_that_stops_speaks_of_no_previous_build_folder(small_project, monkeypatch, capsys):
    sheet = small_project / "docs/factsheets/short.md"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("version: 1\n", ""), encoding="utf-8")
    monkeypatch.chdir(small_project)
    assert cli.main(["build", "--format", "html"]) == 1
    err = capsys.readouterr().err
    assert err.rstrip().endswith("The build stopped.") and "build/ folder" not in err


def test_a_port_in_use_is_said_before_any_address_with_a_free_port_to_use(small_project, monkeypatch, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        monkeypatch.chdir(small_project)
        assert cli.main(["serve", "--port", str(port)]) == 1
    out, err = capsys.readouterr()
    assert "Preview:" not in out and "http://" not in out
    assert f"The preview could not start on port {port}: " in err
    free = int(err.rsplit("--port ", 1)[1])
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", free))  # it was free indeed


@pytest.mark.engines  # two builds by the installed command (MkDocs)
def test_the_next_build_keeps_the_report_check_wrote(small_project):
    assert factsheets(small_project, "build", "--format", "html").returncode == 0
    (small_project / "build/report.html").write_text("<p>Checked on 7 December 2026.</p>", encoding="utf-8")  # as check writes it
    (small_project / "build/check.json").write_text("{}\n", encoding="utf-8")
    before = (small_project / "build").resolve()
    sheet = small_project / "docs/factsheets/short.md"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert factsheets(small_project, "build", "--format", "html").returncode == 0
    assert (small_project / "build").resolve() != before  # a new build was published
    assert (small_project / "build/report.html").read_text(encoding="utf-8") == "<p>Checked on 7 December 2026.</p>"
    assert (small_project / "build/check.json").is_file()


@pytest.mark.engines
def test_the_warnings_come_after_the_summary_one_line_a_format(tmp_path):
    root = copy_project(tmp_path / "habits", FIXTURES / "habits")
    built = factsheets(root, "build", "--format", "print")
    assert built.returncode == 0, built.stderr
    lines = built.stdout.splitlines()
    assert "print: 5 built" in lines and not any(line.startswith("print: council") for line in lines)
    assert lines[-1].endswith("warning(s), listed above.")
    # stderr is written after stdout's summary: the warnings are the last thing on the screen before the count.
    assert "visiting-our-office.md:22: warning:" in built.stderr


@pytest.mark.engines
def test_a_giant_print_pdf_of_one_factsheet_leaves_the_others_pdfs_current(built_small, tmp_path):
    root = tmp_path / "small"
    shutil.copytree(built_small, root, symlinks=True)
    sheet = root / "docs/factsheets/short.md"
    (root / "docs/factsheets/second.md").write_text(sheet.read_text(encoding="utf-8").replace("A short factsheet", "A second factsheet"),
                                                     encoding="utf-8")
    assert factsheets(root, "build", "--format", "pdf").returncode == 0
    giant = factsheets(root, "build", "docs/factsheets/second.md", "--format", "pdf", "--print-size", "24")
    assert giant.returncode == 0, giant.stderr
    assert "older than the text" not in giant.stderr and "short.md" not in giant.stderr, giant.stderr
    assert list((root / "build/site/files/second").glob("*24*.pdf")), sorted(p.name for p in (root / "build/site/files/second").iterdir())
