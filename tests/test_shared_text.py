"""Shared text: `--8<-- "contact-us.md"` includes a file of the shared/ folder."""

from pathlib import Path

import pytest

from conftest import FIXTURES, copy_project, factsheets
from factsheets import model as m
from factsheets.transforms import is_title_line
from factsheets.errors import SourceError
from factsheets.project import load_config, load_project

SNIPPETS = "  - pymdownx.snippets:\n      base_path: [shared]\n"
HEAD = "---\ntitle: A short factsheet\nsummary: x\nversion: 1\ndate: 2024-01\n---\n\n"


def project(tmp_path: Path, body: str, shared: dict[str, str] | None = None, snippets: str = SNIPPETS) -> Path:
    root = copy_project(tmp_path / "p", FIXTURES / "small")
    settings = root / "mkdocs.yml"
    settings.write_text(settings.read_text().replace("  - toc\n", "  - toc\n" + snippets))
    (root / "docs" / "factsheets" / "short.md").write_text(HEAD + body)
    for name, text in (shared or {}).items():
        (root / "shared" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "shared" / name).write_text(text)
    return root


def load_error(root: Path) -> str:
    with pytest.raises(SourceError) as error:
        load_project(root)
    return str(error.value)


def test_shared_text_is_read_as_part_of_the_factsheet(tmp_path):
    root = project(tmp_path, "First.\n\n--8<-- \"contact-us.md\"\n\nLast.\n",
                   {"contact-us.md": "Call us on {{ advice_line }}.\n\n- or ask the [[Local Offer]]\n"})
    document = load_project(root).documents[0]
    # The title line is a paragraph the tool adds, not one of the text's.
    paragraphs = [(m.plain_text(b.children), b.line) for b in document.blocks if isinstance(b, m.Paragraph) and not is_title_line(b)]
    assert paragraphs == [("First.", 8), ("Call us on 01225 394382.", 10), ("Last.", 12)]
    [listed] = [b for b in document.blocks if isinstance(b, m.ListBlock)]
    assert listed.line == 10  # included blocks count as the --8<-- line of the factsheet
    assert "local-offer" in document.terms_used


def test_a_problem_in_shared_text_is_reported_at_its_own_file_and_line(tmp_path):
    root = project(tmp_path, "First.\n\n--8<-- \"contact-us.md\"\n\nAn [[EHC pln]].\n",
                   {"contact-us.md": "Call us.\n\nAsk the [[Local Ofer]].\n"})
    assert load_error(root) == (
        'shared/contact-us.md:3: "Local Ofer" is not in the glossary: did you mean [[Local Offer]]?\n'
        'docs/factsheets/short.md:12: "EHC pln" is not in the glossary: did you mean [[EHC plan]]?')


def test_raw_html_in_shared_text_is_refused_at_its_own_line(tmp_path):
    root = project(tmp_path, "--8<-- \"contact-us.md\"\n", {"contact-us.md": "Call us.\n\n<script>steal()</script>\n"})
    assert load_error(root).startswith("shared/contact-us.md:3: raw HTML (<script>steal()</script>) is not allowed here")


@pytest.mark.parametrize("name, message", [
    ("missing.md", "does not exist: shared text is read from shared/; check the file's name"),
    ("/etc/passwd", "must be a file name in shared/, like contact-us.md, not a full path"),
    ("../organisation.yml", "must be a file in shared/: '..' steps out of it, which is not allowed"),
])
def test_a_shared_file_that_is_missing_or_outside_the_folder_is_refused_at_its_line(tmp_path, name, message):
    root = project(tmp_path, f"Text.\n\n--8<-- \"{name}\"\n", {"contact-us.md": "Call us.\n"})
    assert load_error(root) == f"docs/factsheets/short.md:10: the shared text '{name}' {message}"


def test_a_link_out_of_the_shared_folder_is_refused(tmp_path):
    root = project(tmp_path, "--8<-- \"sneaky.md\"\n", {"contact-us.md": "Call us.\n"})
    (root / "shared" / "sneaky.md").symlink_to(root / "organisation.yml")
    assert load_error(root) == ("docs/factsheets/short.md:8: the shared text 'sneaky.md' is not a file in shared/ "
                                "(it is a folder, or a link to somewhere else): copy the text into shared/")
    (root / "shared" / "sneaky.md").unlink()
    (root / "shared" / "sneaky.md").symlink_to("/etc/hostname")
    assert load_error(root).startswith("docs/factsheets/short.md:8: this points to a file outside the project folder")


def test_shared_text_that_includes_itself_is_refused(tmp_path):
    root = project(tmp_path, "--8<-- \"a.md\"\n", {"a.md": "A.\n\n--8<-- \"b.md\"\n", "b.md": "B.\n--8<-- \"a.md\"\n"})
    assert load_error(root) == ("shared/b.md:2: the shared text 'a.md' includes itself "
                                "(through shared/a.md -> shared/b.md -> shared/a.md): remove the loop")


def test_without_the_extension_the_line_is_an_error_not_text_in_every_format(tmp_path):
    root = project(tmp_path, "Text.\n\n--8<-- \"contact-us.md\"\n", {"contact-us.md": "Call us.\n"}, snippets="")
    assert load_error(root) == ("docs/factsheets/short.md:10: shared text ('--8<--') is not turned on: "
                                "add 'pymdownx.snippets' under markdown_extensions in mkdocs.yml")


@pytest.mark.parametrize("snippets, line, message", [
    ("  - pymdownx.snippets\n", 11, "the Markdown extension 'pymdownx.snippets' copies other files into pages: "
                                   "give it 'base_path: [shared]', a folder of shared text inside the project"),
    ("  - pymdownx.snippets:\n      base_path: [..]\n", 12, "'..' cannot hold shared text: it must be a folder inside the project "
                                                           "(not the project's own folder), like shared"),
    ("  - pymdownx.snippets:\n      base_path: [shared]\n      url_download: true\n", 13,
     "'url_download' of 'pymdownx.snippets' is not allowed: shared text comes only from the base_path folders"),
], ids=["no-base-path", "outside", "download"])
def test_mkdocs_yml_may_turn_on_shared_text_only_from_a_folder_of_the_project(tmp_path, snippets, line, message):
    root = project(tmp_path, "Text.\n", snippets=snippets)
    with pytest.raises(SourceError) as error:
        load_config(root)
    assert str(error.value) == f"mkdocs.yml:{line}: {message}"


@pytest.mark.engines
def test_the_website_shows_shared_text_in_factsheets_and_in_other_pages(tmp_path):
    root = project(tmp_path, "First.\n\n--8<-- \"contact-us.md\"\n", {"contact-us.md": "Ring the shared line.\n"})
    index = root / "docs" / "index.md"
    index.write_text(index.read_text() + '\n--8<-- "contact-us.md"\n')
    result = factsheets(root, "build", "--format", "braille")
    assert result.returncode == 0, result.stderr
    site = root / "build" / "site"
    assert "<p>Ring the shared line.</p>" in (site / "factsheets" / "short.html").read_text(encoding="utf-8")
    assert "<p>Ring the shared line.</p>" in (site / "index.html").read_text(encoding="utf-8")
    assert "Ring the shared line." in (site / "files" / "short" / "short-braille.txt").read_text(encoding="utf-8-sig")
