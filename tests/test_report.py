"""The check's two reports, the terminal's and build/report.html, name each format alike."""

import io
import re
from html import unescape

from rich.console import Console

from factsheets.check import CheckReport, label, print_table
from factsheets.formats import output_kinds
from factsheets.report import write_report
from factsheets.validators import FAILURE, WARNING, Finding


def test_every_format_has_the_same_name_in_the_terminal_and_in_the_html_report(tmp_path):
    keys = [key for key in output_kinds() if not key.endswith("*")] + ["large_print_pdf_24", "plain_english", "source", "build"]
    findings = [Finding(FAILURE if n % 2 else WARNING, key, f"message {n}", "fix", "docs/factsheets/x.md", n + 1)
                for n, key in enumerate(keys)]
    report = CheckReport({"A factsheet": findings}, {"A factsheet": ["plain English", *keys, "website"]})
    out = io.StringIO()
    print_table(report, Console(file=out, width=400, color_system=None))
    write_report(report, tmp_path / "report.html")
    terminal = out.getvalue()
    html = unescape(re.sub(r"</?code>", "", (tmp_path / "report.html").read_text(encoding="utf-8")))
    for n, key in enumerate(keys):
        name = label(key)
        assert name != key, f"{key} has no name for staff"
        assert f"[{name}] message {n}" in terminal
        assert f"({name}) in docs/factsheets/x.md, line {n + 1}" in html
    assert label("large_print_pdf_24") == "Large print, 24 point (PDF)"


def test_a_factsheet_not_checked_by_check_file_is_not_said_to_pass(tmp_path):
    from factsheets.check.results import NOT_CHECKED

    report = CheckReport({"Annual reviews": []}, {"Annual reviews": [NOT_CHECKED]})
    out = io.StringIO()
    print_table(report, Console(file=out, width=400, color_system=None))
    write_report(report, tmp_path / "report.html")
    assert "not checked" in out.getvalue() and "pass" not in out.getvalue()
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Not checked since it last changed" in html and "Meets the standards" not in html
