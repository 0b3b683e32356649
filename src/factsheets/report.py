"""The check's report for staff: one self-contained HTML page (build/report.html)."""

from __future__ import annotations

import datetime as dt
from html import escape
from collections.abc import Sequence
from pathlib import Path

from .check import CheckReport, label
from .check.results import NOT_CHECKED
from .validators import FAILURE, WARNING, Finding



STYLE = """
body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 1.1rem; line-height: 1.5; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #111; background: #fff; }
h1, h2 { line-height: 1.2; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #555; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #eee; }
.pass { color: #075e07; font-weight: bold; }
.fail { color: #9b0000; font-weight: bold; }
.warn { color: #6b4a00; font-weight: bold; }
.finding { border-left: 0.4rem solid #555; padding: 0.2rem 0.8rem; margin: 0.8rem 0; }
.finding.fail { border-color: #9b0000; } .finding.warn { border-color: #b37a00; }
.finding p { margin: 0.2rem 0; color: #111; font-weight: normal; }
code { font-size: 1rem; }
"""


def _verdict(findings: Sequence[Finding], checked: list[str]) -> str:
    if checked == [NOT_CHECKED]:
        return '<span class="warn">Not checked since it last changed</span>'
    failures = sum(1 for f in findings if f.level == FAILURE)
    warnings = sum(1 for f in findings if f.level == WARNING)
    if failures:
        return f'<span class="fail">Needs fixing: {failures} problem{"s" if failures != 1 else ""}</span>' + (f", {warnings} suggestion{'s' if warnings != 1 else ''}" if warnings else "")
    if warnings:
        return f'<span class="pass">Meets the standards</span>, <span class="warn">{warnings} suggestion{"s" if warnings != 1 else ""}</span>'
    return '<span class="pass">Meets the standards</span>'


def write_report(report: CheckReport, path: Path) -> None:
    today = dt.date.today().strftime("%d %B %Y").lstrip("0")
    failures, warnings = report.count(FAILURE), report.count(WARNING)
    parts = [
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Accessibility check of the factsheets, {escape(today)}</title><style>{STYLE}</style></head><body><main>",
        f"<h1>Accessibility check of the factsheets</h1><p>Checked on {escape(today)}.</p>",
        "<p>Every factsheet and every format made from it (website, large print, braille, audio) was checked against its standard. "
        "<strong>Problems</strong> mean a format does not meet its standard and must be fixed before it is published. "
        "<strong>Suggestions</strong> are advice on writing in plain English; they do not stop publication.</p>",
        f"<p><strong>In total: {failures} problem{'s' if failures != 1 else ''} and {warnings} suggestion{'s' if warnings != 1 else ''}.</strong></p>",
        "<h2>Summary</h2><table><thead><tr><th scope=\"col\">Factsheet</th><th scope=\"col\">What was checked</th><th scope=\"col\">Result</th></tr></thead><tbody>",
    ]
    for title, findings in report.findings.items():
        checked = ", ".join(label(c) for c in report.checked.get(title, [])) or "the website as a whole"
        parts.append(f"<tr><td>{escape(title)}</td><td>{escape(checked)}</td><td>{_verdict(findings, report.checked.get(title, []))}</td></tr>")
    parts.append("</tbody></table>")
    for title, findings in report.findings.items():
        if not findings:
            continue
        parts.append(f"<h2>{escape(title)}</h2>")
        for f in sorted(findings, key=lambda f: (f.level != FAILURE, f.format, f.line or 0)):
            kind, verdict = ("fail", "Problem") if f.level == FAILURE else ("warn", "Suggestion")
            where = f" in <code>{escape(f.path)}</code>" if f.path else ""
            where += f", line {f.line}" if f.path and f.line else ""
            parts.append(
                f'<div class="finding {kind}"><p><span class="{kind}">{verdict}</span> ({escape(label(f.format))}){where}</p>'
                f"<p>{escape(f.message)}</p><p><strong>How to fix it:</strong> {escape(f.fix)}</p></div>"
            )
    parts.append("</main></body></html>\n")
    path.write_text("\n".join(parts), encoding="utf-8")
