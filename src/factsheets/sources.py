"""Reading source files: UTF-8 text with YAML front matter, errors with file and line.

Every file the build reads comes through here, so the limits that keep a build
safe live in one place: a source must be a regular file inside the project (not
a link to a file elsewhere, not a device such as /dev/zero), at most 1 MB (a real
factsheet is about 10 kB), UTF-8 text without control characters, and its YAML
may not use aliases (`*name`), which can make a few lines expand into gigabytes.
A byte-order mark and Windows line ends are accepted and read as plain lines.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from pathlib import Path

import yaml
from yaml.cyaml import CParser  # type: ignore[attr-defined]  # C, not in PyYAML's stubs

from .errors import Location, SourceError
from .invisible import refuse_invisible

MAX_SOURCE_BYTES = 1_000_000
# C0 and C1 control characters other than tab, line feed and carriage return.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
CONTROL_NAMES = {"\x00": "a NUL character", "\x1b": "an escape character", "\x7f": "a delete character"}
# A number longer than any real one (a phone number, a reference, an amount): a paste gone
# wrong, and more digits than Python turns into a number (4,300) make the audio's reading fail.
# It starts where a run of digits starts, so that the search takes one pass over the text.
# 101 digits or more, whatever is between them: YAML 1.1 reads 1_000 and 59:59:00 (base 60) as
# integers too, and Python will not print an integer of more than 4,300 digits.
LONG_NUMBER = re.compile(r"(?<![\d,._:])(?:\d[,._:]?){101,}")


def describe_control(character: str) -> str:
    return CONTROL_NAMES.get(character, f"a control character (U+{ord(character):04X})")


def inside_project(path: Path, root: Path, shown: str, line: int | None = None) -> Path:
    """The real path of a file the build reads; a link that leaves the project, a loop or a device is an error."""
    try:
        real = Path(os.path.realpath(path, strict=True))
    except RuntimeError:
        raise SourceError(Location(shown, line), "this is a link that points to itself (a loop): remove the link") from None
    except OSError as error:
        if error.errno == 40:  # ELOOP
            raise SourceError(Location(shown, line), "this is a link that points to itself (a loop): remove the link") from None
        raise SourceError(Location(shown, line), "this file does not exist, or cannot be read") from None
    if not real.is_relative_to(Path(os.path.realpath(root))):
        raise SourceError(Location(shown, line), "this points to a file outside the project folder: the build reads only the project's own files; copy the file in instead of linking to it")
    mode = real.stat().st_mode
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise SourceError(Location(shown, line), "this is not an ordinary file (it may be a device or a pipe): use an ordinary file")
    return real


def read_text(path: Path, shown: str, root: Path | None = None) -> str:
    """A source file's text. With root, the file must be a regular file inside it."""
    if root is not None:
        real = inside_project(path, root, shown, 1)
        if not real.is_file():
            raise SourceError(Location(shown, 1), "this is a folder, not a file")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
    except IsADirectoryError:
        raise SourceError(Location(shown, 1), "this is a folder, not a file") from None
    except OSError as error:
        raise SourceError(Location(shown, 1), f"this file cannot be read ({error.strerror}): check that it exists and that you may read it") from None
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(Location(shown, 1), f"this file is larger than {MAX_SOURCE_BYTES // 1_000_000} MB, far more than any factsheet: split it into several files")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(Location(shown, line), "this file is not UTF-8 text: save it as UTF-8 and build again") from None
    text = as_plain_lines(text)
    refuse_control_characters(text, shown)
    refuse_invisible(text, shown)
    refuse_long_numbers(text, shown)
    return text


def as_plain_lines(text: str) -> str:
    """Text as every reader expects it: no byte-order mark, lines ending in a line feed.

    Notepad and Word's "save as text" start a UTF-8 file with a byte-order mark
    (U+FEFF), which would hide the opening --- of the front matter; Windows ends
    lines with CR LF, and old Mac files with CR alone.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def refuse_control_characters(text: str, shown: str, first_line: int = 1) -> None:
    match = CONTROL_CHARACTER.search(text)
    if match:
        line = first_line + text.count("\n", 0, match.start())
        raise SourceError(Location(shown, line), f"this line holds {describe_control(match.group())}, which is invisible and not allowed: delete it (retype the line if you cannot see it)")


def refuse_long_numbers(text: str, shown: str) -> None:
    match = LONG_NUMBER.search(text)
    if match:
        line = 1 + text.count("\n", 0, match.start())
        digits = sum(c.isdigit() for c in match.group())
        raise SourceError(Location(shown, line), f"this line has a number {digits:,} digits long, longer than any real number: "
                                                 "check it for a mistake (a paste repeated?) and write the number as it really is")


# libyaml (in PyYAML's wheels) scans and parses in C: PyYAML's own scanner was most of the time
# a project took to load. The nodes are still composed in Python, by PyYAML's Composer placed
# ahead of CParser, so that compose_node below still sees each alias before it is followed.
class _SafeLoader(yaml.composer.Composer, CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    """YAML without aliases, and with dates left as text for the schema to check."""

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _AliasFound(event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        # YAML keeps the last of a name given twice, silently: the one staff read may not be the one used.
        seen: set[str] = set()
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    raise _GivenTwice(key.start_mark, key.value)
                seen.add(key.value)
        return super().construct_mapping(node, deep)


class _AliasFound(Exception):
    def __init__(self, mark: yaml.Mark | Any) -> None:  # libyaml's marks are yaml._yaml.Mark
        self.mark = mark


class _GivenTwice(Exception):
    def __init__(self, mark: yaml.Mark, name: str) -> None:
        self.mark, self.name = mark, name


def _as_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return loader.construct_scalar(node)


# 2021-02-30 must reach the schema as text, to be reported with its line, not crash the YAML reader.
_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _as_text)


def load_yaml(text: str, shown: str, first_line: int = 1) -> Any:
    with _yaml_errors(shown, first_line, text):
        return _SafeLoader(text).get_single_data()


def compose_yaml(text: str, shown: str) -> yaml.Node | None:
    """The text's YAML as a tree of nodes, each knowing its line (yaml_schema checks it)."""
    with _yaml_errors(shown, 1, text):
        return _SafeLoader(text).get_single_node()


def construct_yaml(node: yaml.Node) -> Any:
    """The values of a node tree that yaml_schema has checked (no tags, no aliases)."""
    loader = _SafeLoader("")
    with _yaml_errors("", 1, ""):
        return loader.construct_document(node)


@contextmanager
def _yaml_errors(shown: str, first_line: int, text: str) -> Iterator[None]:
    try:
        yield
    except _GivenTwice as twice:
        raise SourceError(Location(shown, first_line + twice.mark.line), f"'{str(twice.name)[:40]}' is given twice: keep one of them") from None
    except _AliasFound as found:
        raise SourceError(Location(shown, first_line + found.mark.line), "YAML aliases (*name) are not allowed: write the value out in full") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        lines = text.split("\n")
        # libyaml counts a line more at the end of a text whose last line has no line break (front
        # matter never has one): an error found at the end is on the text's last line, not after it.
        line = min(first_line + mark.line, first_line + len(lines) - 1) if mark else first_line
        problem = getattr(error, "problem", None) or str(error)
        if problem == "found character that cannot start any token" and mark and mark.line < len(lines):
            written = lines[mark.line][mark.column:mark.column + 1]  # libyaml does not say which: PyYAML did
            problem = f"found character '{written}' that cannot start any token" if written else problem
        raise SourceError(Location(shown, line), f"the YAML is not valid ({problem})") from None
    except (RecursionError, ValueError, TypeError, OverflowError, KeyError, IndexError) as error:
        # Nesting too deep for the reader, or a value its constructors refuse (`!!bool x` is a
        # KeyError in PyYAML's, an empty `!!int` an IndexError).
        raise SourceError(Location(shown, first_line), f"the YAML cannot be read ({type(error).__name__}): simplify it") from None


# "title: Appeals: what to do" - a second colon YAML cannot read in an unquoted value.
UNQUOTED_WITH_COLON = re.compile(r"^[ \t]*([A-Za-z_]+)[ \t]*:[ \t]+([^'\"\s].*?:(?:[ \t].*)?)$")


def colon_in_value(error: SourceError, lines: list[str]) -> SourceError:
    """A YAML error on a line like `title: A: B` said in staff's words: quote the value."""
    line = error.location.line or 0
    for number in (line, line - 1):
        match = UNQUOTED_WITH_COLON.match(lines[number - 1]) if 0 < number <= len(lines) else None
        if match:
            name, value = match.groups()
            quoted = value.strip().replace('"', '\\"')
            return SourceError(Location(error.location.path, number),
                               f'the {name} has a colon (:) in it: put the {name} in quotes, like {name}: "{quoted}"')
    return error


def front_matter_end(lines: list[str]) -> int | None:
    """The index of the line that closes the front matter; 0 when there is none; None when it is never closed."""
    if not lines or lines[0].strip() != "---":
        return 0
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            return end
    return None


def body_after_front_matter(text: str, shown: str) -> tuple[str, int]:
    """(body, line number where it starts), whatever the front matter holds."""
    lines = text.split("\n")
    end = front_matter_end(lines)
    if end is None:
        raise SourceError(Location(shown, 1), "the front matter that starts with --- is never closed by another ---")
    return ("\n".join(lines[end + 1:]), end + 2) if end else (text, 1)


def split_front_matter(text: str, shown: str) -> tuple[dict[str, Any], str, int]:
    """(front matter, body, line number where the body starts)."""
    lines = text.split("\n")
    end = front_matter_end(lines)
    if end == 0:
        return {}, text, 1
    if end is None:
        raise SourceError(Location(shown, 1), "the front matter that starts with --- is never closed by another ---")
    try:
        meta = load_yaml("\n".join(lines[1:end]), shown, first_line=2)
    except SourceError as error:
        raise colon_in_value(error, lines) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise SourceError(Location(shown, 2), "the front matter must be a list of 'name: value' lines")
    body = "\n".join(lines[end + 1 :])
    return meta, body, end + 2
