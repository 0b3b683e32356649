"""What `check` tells staff: never a file of the tool's own code to fix, and a cause in a
factsheet named at its line with what to write there."""

import ast
import re
from pathlib import Path

from mutagen.id3 import ID3, TALB, TDRC, TIT2, TLAN, TPE1

from factsheets.validators.audio import check_tags
from factsheets.validators.epub import Problem, problem_findings

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "factsheets"
CODE_FILE = re.compile(r"src/|\.py\b|writers/|validators/|\bwriter\b")


def _finding_texts(tree: ast.AST):
    """Every piece of text written into a Finding(...) or Problem(...): its message and its fix."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("Finding", "Problem"):
            for argument in [*node.args, *(k.value for k in node.keywords)]:
                for part in ast.walk(argument):
                    if isinstance(part, ast.Constant) and isinstance(part.value, str):
                        yield node.lineno, part.value


def test_no_finding_names_a_file_of_the_tools_code():
    named = [f"{path.relative_to(PACKAGE)}:{line}: {text!r}" for path in sorted(PACKAGE.rglob("*.py"))
             for line, text in _finding_texts(ast.parse(path.read_text(encoding="utf-8"))) if CODE_FILE.search(text)]
    assert named == []


def test_an_epub_checkers_complaint_asks_for_a_report_not_a_code_change():
    [finding] = problem_findings([Problem("EPUBCheck", "ERROR", "RSC-005", "Error while parsing file", "EPUB/page.xhtml:3")], "docs/factsheets/x.md")
    assert "src/" not in finding.fix and "writer" not in finding.fix
    assert finding.fix.startswith("This is a fault in the factsheets tool, not in your factsheet: report it")
    setup = problem_findings([Problem("Ace", "critical", "setup", "DAISY Ace is not installed in .tools/")], "docs/factsheets/x.md")
    assert setup[0].fix == "Run scripts/setup.sh install."


def _tagged(path, date):
    tags = ID3()
    for frame in (TIT2(encoding=3, text="Annual reviews"), TPE1(encoding=3, text="SEND Partnership"),
                  TALB(encoding=3, text="Factsheets"), TLAN(encoding=3, text="eng"), *([TDRC(encoding=3, text=date)] if date else [])):
        tags.add(frame)
    path.write_bytes(b"")
    tags.save(str(path))
    return path


def test_a_recording_without_a_date_says_so_in_words_not_id3_frames(tmp_path):
    mp3 = _tagged(tmp_path / "x.mp3", None)
    [finding] = check_tags(mp3, "Annual reviews", "SEND Partnership", "Factsheets", "2021-06", "eng", "docs/factsheets/x.md")
    assert finding.message == "x.mp3: the recording carries no date where the factsheet's date: says '2021-06': it was made from another text"
    assert finding.fix == "Run `factsheets build` to record it again."
    assert "TDRC" not in finding.message and "None" not in finding.message and finding.path == "docs/factsheets/x.md"


def test_a_factsheet_with_no_date_to_tag_is_sent_to_its_front_matter(tmp_path):
    mp3 = _tagged(tmp_path / "x.mp3", None)
    [finding] = check_tags(mp3, "Annual reviews", "SEND Partnership", "Factsheets", "", "eng", "docs/factsheets/x.md")
    assert finding.message == "the recording has no date: the factsheet gives none"
    assert finding.fix.startswith("Fill in date: in the factsheet's front matter") and "rebuild the audio" not in finding.fix
