"""`factsheets new "Title"`: a new factsheet with its front matter filled in.

Staff start a factsheet by giving its title; the file name (which becomes its
web address) is made from the title, and the front matter carries every field
the build expects, so the first build works and says only what is left to write.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from .errors import Location, SourceError
from .invisible import invisible_problem
from .factsheet_file import FIRST_LINE_TO_WRITE, SUMMARY_TO_WRITE
from .project import load_config
from .sources import CONTROL_CHARACTER, describe_control, inside_project

TEMPLATE = """---
title: "{title}"
summary: "{summary}"
version: 1
date: {month}
review_due: {review}
---

{first_line}

## A first section

Write this section here. A new section starts with "## " and its heading.

!!! note "A box, if you need one"
    Lines under "!!! note" that start with 4 spaces make a box like this one. Use
    "!!! warning" for something readers must not miss. Delete this box if you do not need it.
"""


# What staff write besides plain Markdown, which every format shows (see guide/staff-guide.md).
USUAL_EXTENSIONS = ("attr_list", "footnotes", "abbr", "def_list")


def missing_extensions(root: Path) -> list[str]:
    """The usual extensions the project's mkdocs.yml does not turn on: a factsheet that uses
    them there would stop the build (their syntax would otherwise be printed as typed)."""
    from .literal_syntax import extension_names

    enabled = extension_names(load_config(root).extensions)
    return [name for name in USUAL_EXTENSIONS if name not in enabled]


def slug_for(title: str) -> str:
    """'Annual reviews: what to expect' -> 'annual-reviews-what-to-expect'."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].strip("-")


def refuse_hidden_characters(title: str) -> None:
    """The title a build would refuse in the file is refused before the file is written."""
    control = CONTROL_CHARACTER.search(title)
    found = (0, describe_control(control.group()) + ": delete it") if control else invisible_problem(title)
    if found:
        raise SourceError(Location("the command line"), f"the title holds {found[1]} (retype the title if you cannot see it)")


def new_factsheet(root: Path, title: str, today: dt.date | None = None) -> Path:
    """Writes the new factsheet and returns its path; never overwrites one."""
    title = " ".join(title.split())
    refuse_hidden_characters(title)
    slug = slug_for(title)
    if not slug:
        raise SourceError(Location("the command line"), "give the factsheet a title with letters or numbers in it, such as \"Annual reviews\"")
    config = load_config(root)
    folder = config.factsheets_dir
    path = folder / f"{slug}.md"
    shown = path.relative_to(config.root).as_posix()
    if os.path.lexists(path):  # a link too, even one to nothing: it would be written through
        raise SourceError(Location(shown), "a factsheet with this name already exists: open it, or choose another title")
    today = today or dt.date.today()
    text = TEMPLATE.format(title=title.replace("\\", "\\\\").replace('"', '\\"'), month=today.strftime("%Y-%m"),
                           summary=SUMMARY_TO_WRITE, first_line=FIRST_LINE_TO_WRITE,
                           review=f"{today.year + 1}-{today.month:02d}")
    folder.mkdir(parents=True, exist_ok=True)
    # The folder itself must be the project's: a link to a folder elsewhere would have the file written there.
    relative = folder.relative_to(config.root)
    inside_project(folder, config.root, relative.as_posix())
    linked = [part for part in (relative, *relative.parents) if part != Path(".") and (config.root / part).is_symlink()]
    if linked:
        raise SourceError(Location(linked[-1].as_posix()), "this is a link to a folder: factsheets are written only into a real "
                                                           "folder of the project; move the folder itself here")
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    with os.fdopen(handle, "w", encoding="utf-8") as written:
        written.write(text)
    return path
