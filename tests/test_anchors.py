"""A link to a part of a page (#part) must name a part that is on the page."""

from __future__ import annotations

import pytest

from factsheets.errors import SourceError
from factsheets.project import load_project

SECOND = "---\ntitle: Second\nsummary: S.\nversion: 1\ndate: 2024-03\n---\n\nText.\n\n## Who can help\n\nUs.\n"


def add_link(project, link: str) -> None:
    path = project / "docs/factsheets/short.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\nSee [there]({link}).\n", encoding="utf-8")
    (project / "docs/factsheets/second.md").write_text(SECOND, encoding="utf-8")


@pytest.mark.parametrize("link", ["#what-you-can-do", "#", "second.md#who-can-help", "../second/#who-can-help",
                                  "#glossary", "second.md"])
def test_a_part_that_is_on_the_page_is_a_good_link(small_project, link):
    add_link(small_project, link)
    load_project(small_project)


@pytest.mark.parametrize("link, says", [
    ("#nowhere", "the link to '#nowhere' goes to a part that is not on this page: link to one of its headings"),
    ("#what-you-can", "did you mean '#what-you-can-do'?"),
    ("second.md#who-can", "goes to a part that is not on second.md: did you mean '#who-can-help'?"),
    ("../second/#nobody", "not on second.md"),
])
def test_a_part_that_is_not_on_the_page_is_an_error_at_the_links_line(small_project, link, says):
    add_link(small_project, link)
    lines = (small_project / "docs/factsheets/short.md").read_text(encoding="utf-8").count("\n")
    with pytest.raises(SourceError) as raised:
        load_project(small_project)
    assert str(raised.value.location) == f"docs/factsheets/short.md:{lines}"
    assert says in raised.value.message
