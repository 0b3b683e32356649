"""Shared text: a paragraph several factsheets use, written once in its own file.

A line `--8<-- "contact-us.md"` (pymdownx.snippets' syntax, which MkDocs users
know) is replaced by that file's text before the factsheet is read. mkdocs.yml
turns it on and names the folder the shared files live in:

    markdown_extensions:
      - pymdownx.snippets:
          base_path: [shared]

Only files inside that folder are read: an absolute path, a `..` step, or a link
that leads out of it is refused, since a factsheet must never publish another
file of the computer. A missing file is an error at the `--8<--` line. The
included text keeps its own place: a problem in it is reported as that file's
path and line, and the blocks it makes count as the `--8<--` line's in the
factsheet.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, is_dataclass, replace
from pathlib import Path, PurePosixPath
from typing import TypeVar, cast

from .errors import ErrorList, Location, SourceError, SourceErrors
from .literal_syntax import MarkdownExtensions
from .sources import MAX_SOURCE_BYTES, inside_project, read_text

# Any piece of the model: a block, an inline, a tuple or list of them.
Node = TypeVar("Node")

SNIPPETS = "pymdownx.snippets"
# A line of its own: --8<-- "shared.md" (or 'shared.md'); `;--8<--` is pymdownx's escape.
# At the margin: pymdownx.snippets indents the file's lines as far as the --8<-- line, which
# would make them read otherwise (a ~~~ fence inside a list item is no fence).
INCLUDE = re.compile(r"""^--8<--[ \t]+(["'])([^"'\n]*)\1[ \t]*$""")
# Every line pymdownx.snippets takes as an include (any number of dashes: -8<-, ---8<---; a block
# of file names between two such lines; a line range "file.md:2:3"). MkDocs includes what it
# names before any Markdown is read, so a form the build does not read itself is refused.
ANY_SCISSORS = re.compile(r"^[ \t]*-+8<-+")
MAX_DEPTH = 4  # shared text may include shared text, but not without end


def base_folders(extensions: MarkdownExtensions, root: Path) -> list[Path] | None:
    """The folders shared text may come from, as mkdocs.yml gives them; None when it is not turned on."""
    for entry in extensions:
        if entry == SNIPPETS:
            return []
        if isinstance(entry, Mapping) and SNIPPETS in entry:
            settings = entry[SNIPPETS] or {}
            written = settings.get("base_path", []) if isinstance(settings, Mapping) else []
            folders = [written] if isinstance(written, str) else list(written) if isinstance(written, Iterable) else []
            return [root / str(folder) for folder in folders]
    return None


@dataclass
class Origin:
    """Where each line of the expanded text came from: (file as shown, line)."""

    lines: list[tuple[str, int]]
    shown: str
    first_line: int
    in_factsheet: list[int]  # each line's line in the factsheet: for shared text, its --8<-- line

    def place(self, line: int | None) -> tuple[str, int | None]:
        index = (line or 0) - self.first_line
        return self.lines[index] if 0 <= index < len(self.lines) else (self.shown, line)

    def relocate(self, error: SourceError) -> SourceError:
        """An error found in the expanded text, at its real file and line."""
        if isinstance(error, SourceErrors):
            return SourceErrors([self.relocate(e) for e in error.errors])
        if error.location.path != self.shown:
            return error
        path, line = self.place(error.location.line)
        return SourceError(Location(path, line), error.message)

    def factsheet_line(self, line: int | None) -> int | None:
        """A block's line in the factsheet: for included text, the `--8<--` line that brought it in."""
        index = (line or 0) - self.first_line
        return self.in_factsheet[index] if line is not None and 0 <= index < len(self.lines) else line

    def included(self) -> bool:
        return any(path != self.shown for path, _ in self.lines)

    def relocate_nodes(self, node: Node) -> Node:
        """The model with every `line` a line of the factsheet (the model knows one source file)."""
        if not self.included():
            return node
        return cast(Node, self._relocate(node))  # every node is rebuilt as its own type

    def _relocate(self, node: object) -> object:
        if isinstance(node, tuple):
            return tuple(self._relocate(n) for n in node)
        if isinstance(node, list):
            return [self._relocate(n) for n in node]
        if not is_dataclass(node) or isinstance(node, type):
            return node
        changes = {f.name: self._relocate(getattr(node, f.name)) for f in fields(node) if f.name != "line"}
        if any(f.name == "line" for f in fields(node)):
            changes["line"] = self.factsheet_line(getattr(node, "line"))  # noqa: B009 (a dataclass with a line field, found by name)
        return replace(node, **changes)


def _shared_file(name: str, bases: list[Path], root: Path, shown: str, line: int) -> Path:
    def refuse(why: str) -> SourceError:
        return SourceError(Location(shown, line), f"the shared text '{name}' {why}")

    where = ", ".join(f"{b.relative_to(root).as_posix()}/" for b in bases) or "no folder"
    if not bases:
        raise refuse("cannot be read: mkdocs.yml names no folder for shared text (pymdownx.snippets' base_path, like [shared])")
    if not name.strip() or PurePosixPath(name).is_absolute() or re.match(r"^[A-Za-z]:[\\/]", name) or "\\" in name:
        raise refuse(f"must be a file name in {where}, like contact-us.md, not a full path")
    if ".." in PurePosixPath(name).parts:
        raise refuse(f"must be a file in {where}: '..' steps out of it, which is not allowed")
    for base in bases:
        path = base / name
        if path.exists() or path.is_symlink():
            real = inside_project(path, root, shown, line)
            if not real.is_relative_to(Path(os.path.realpath(base))) or not real.is_file():
                raise refuse(f"is not a file in {where} (it is a folder, or a link to somewhere else): copy the text into {where}")
            return path
    raise refuse(f"does not exist: shared text is read from {where}; check the file's name")


def expand_shared_text(body: str, shown: str, first_line: int, extensions: MarkdownExtensions, root: Path) -> tuple[str, Origin]:
    """The body with each `--8<-- "file"` line replaced by the file's text, and where each line came from."""
    bases = base_folders(extensions, root)
    lines: list[str] = []
    origin: list[tuple[str, int]] = []
    in_factsheet: list[int] = []
    size = [len(body)]
    errors = ErrorList()
    said_form: list[str] = []

    def expand(text: str, source: str, start: int, chain: tuple[str, ...], at: int | None) -> None:
        for offset, line in enumerate(text.split("\n")):
            match = INCLUDE.match(line) if bases is not None else None
            if not match and bases is not None and ANY_SCISSORS.match(line):
                if not said_form:  # a block of names between two such lines is one problem, said once
                    errors.add(SourceError(Location(source, start + offset), "shared text is brought in by one line of its own, "
                                           "like --8<-- \"contact-us.md\": write it that way (other forms are not read by every format)"))
                said_form.append(source)
                continue
            if not match:
                lines.append(line)
                origin.append((source, start + offset))
                in_factsheet.append(start + offset if at is None else at)
                continue
            shared, included = None, ""
            with errors.collecting():
                path = _shared_file(match.group(2), bases or [], root, source, start + offset)
                included = path.relative_to(root).as_posix()
                if included in chain or len(chain) > MAX_DEPTH:
                    raise SourceError(Location(source, start + offset), f"the shared text '{match.group(2)}' includes itself "
                                                                        f"(through {' -> '.join(chain[1:] + (included,))}): remove the loop")
                shared = read_text(path, included, root).rstrip("\n")
            if shared is None:
                continue
            size[0] += len(shared)
            if size[0] > MAX_SOURCE_BYTES:  # the same large file brought in again and again: stop at once
                raise SourceError(Location(source, start + offset), f"with its shared text this factsheet is larger than "
                                                                    f"{MAX_SOURCE_BYTES // 1_000_000} MB, far more than any factsheet: bring in less")
            expand(shared, included, 1, chain + (included,), at or start + offset)

    expand(body, shown, first_line, (shown,), None)
    errors.raise_if_any()
    return "\n".join(lines), Origin(origin, shown, first_line, in_factsheet)
