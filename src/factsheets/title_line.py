"""A factsheet's `# Title` first line, the MkDocs convention, read as its title.

Staff who know MkDocs start a page with `# Title`. The factsheet's title lives in
its front matter (every format prints it from there), so a first heading is taken
as that title: it is the title when the front matter has none, the same title
when both agree, and an error showing both when they differ. The heading's line
is blanked rather than removed, so every later line keeps its number.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .errors import Location, SourceError
from .frontmatter import text as title_problem

# An ATX level-1 heading: "# Title", "# Title #".
TITLE_LINE = re.compile(r"^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")


def _same(a: str, b: str) -> bool:
    def words(text: str) -> str:
        return " ".join(re.sub(r"[*_`]", "", text).split()).casefold()

    return words(a) == words(b)


def take_title_line(front: Mapping[str, object], body: str, first_line: int, shown: str) -> tuple[str | None, str]:
    """(the title, the body without its title line). The title is None when there is neither."""
    written = front.get("title")
    title = written.strip() if isinstance(written, str) and written.strip() else None
    lines = body.split("\n")
    index = next((i for i, line in enumerate(lines) if line.strip()), None)
    match = TITLE_LINE.match(lines[index]) if index is not None else None
    if index is None or not match:
        return title, body
    heading = match.group(1).strip()
    line = first_line + index
    if title is not None and not _same(title, heading):
        raise SourceError(Location(shown, line), f'the title in the front matter ("{title}") and the "# {heading}" line differ: '
                                                 f'make them the same, or delete one of them; if "{heading}" is a section, start sections with ## (a level-2 heading)')
    problem = title_problem(heading, "title")
    if problem:
        raise SourceError(Location(shown, line), problem)
    lines[index] = ""
    return title or heading, "\n".join(lines)
