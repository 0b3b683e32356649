"""A schema for YAML read as a tree of nodes, so that every error names the line at fault.

A check on the loaded values has to guess an error's line back from the text, and
guesses wrong when a name appears twice; a node read by `yaml.compose` knows its own
line. Tags are refused outright: PyYAML's full loader (the one MkDocs uses) runs
`!!python/object/apply:os.system [...]`, and MkDocs' `!ENV NAME` copies the build
machine's environment onto the pages. No file of a project needs either.

A schema is made of the specs below; each checks one node and raises `SourceError`
with the node's line. `read` gives back the node tree's values once it passes.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Callable

import yaml

from .errors import Location, SourceError
from .invisible import invisible_problem
from .sources import CONTROL_CHARACTER, compose_yaml, construct_yaml, describe_control

YAML_TAG = "tag:yaml.org,2002:"
PLAIN_TAGS = {YAML_TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")}
MARKUP = re.compile(r"[<>\"]|&#?\w+;")


class Spec:
    """Checks one node; `what` says in staff's words what the value must be."""

    what = "a value"

    def check(self, node: yaml.Node, shown: str, name: str, at: yaml.Node | None = None) -> None:
        """`at`: the node whose line an error about the whole value names (its name's, in a group)."""
        raise NotImplementedError


def line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def line_of_character(node: yaml.Node, character: str) -> int:
    """The line of a character inside a value that may span lines (a '>-' block): found in the
    file's own text between the node's marks; the node's first line when it was written as an
    escape ("\\x01") and so is not in the text."""
    start, end = node.start_mark, node.end_mark
    buffer = getattr(start, "buffer", None)
    if isinstance(buffer, str):
        at = buffer.find(character, start.index, end.index)
        if at != -1:
            return start.line + 1 + buffer.count("\n", start.index, at)
    return line(node)


def fail(node: yaml.Node, shown: str, message: str) -> SourceError:
    return SourceError(Location(shown, line(node)), message)


def refuse_tags(node: yaml.Node, shown: str) -> None:
    """Every node in the tree is plain YAML: text, a number, yes/no, a list or a group."""
    waiting = [node]
    while waiting:
        node = waiting.pop()
        if node.tag not in PLAIN_TAGS:
            raise fail(node, shown, f"the tag '{node.tag.removeprefix(YAML_TAG)}' is not allowed: write the value itself "
                       "(tags can run code or read the build machine's settings)")
        if isinstance(node, yaml.SequenceNode):
            waiting.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            waiting.extend(item for pair in node.value for item in pair)


def read(text: str, shown: str, schema: Spec) -> object:
    """The file's values, once its node tree has no tag and passes the schema; None for an empty file."""
    return read_tree(text, shown, schema)[1]


def read_tree(text: str, shown: str, schema: Spec) -> tuple[yaml.Node | None, object]:
    """The node tree (for the lines of checks made later, with what only the project knows) and
    the values, once the tree has no tag and passes the schema."""
    node = compose_yaml(text, shown)
    if node is None:
        return None, None
    refuse_tags(node, shown)
    schema.check(node, shown, "")
    return node, construct_yaml(node)


def line_at(node: yaml.Node | None, *names: str) -> int:
    """The line of the value reached by these names from the top of the tree: a group's name
    ('theme', 'language'), or in a list, the entry of that name ('plugins', 'factsheets');
    the deepest one found when the rest is not there (1 for an empty file)."""
    found = 1 if node is None else line(node)
    for name in names:
        inner = None
        if isinstance(node, yaml.MappingNode):
            inner = next(((key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode) and key.value == name), None)
        elif isinstance(node, yaml.SequenceNode):
            inner = next(((entry, entry) for entry in node.value if isinstance(entry, yaml.ScalarNode) and entry.value == name), None)
            inner = inner or next(((entry.value[0][0], entry.value[0][1]) for entry in node.value if isinstance(entry, yaml.MappingNode)
                                   and len(entry.value) == 1 and isinstance(entry.value[0][0], yaml.ScalarNode)
                                   and entry.value[0][0].value == name), None)
        if inner is None:
            return found
        found, node = line(inner[0]), inner[1]
    return found


def _scalar(node: yaml.Node, shown: str, name: str, what: str, tags: tuple[str, ...], at: yaml.Node | None) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag.removeprefix(YAML_TAG) not in tags:
        raise fail(at or node, shown, f"'{name}' must be {what}")
    return str(node.value)


@dataclass
class Text(Spec):
    """Plain text: no control character, no invisible formatting character, and no markup
    unless `markup` (a value that every format escapes, or that goes into JSON or an address,
    never into a page as it is); `pattern` narrows it further. `one_line`: no line break;
    `numbers`: a number is read as its text (a phone number); `blank`: may be empty;
    `empty`: may be left out with no value ('facebook:'); `rule` returns what else is wrong."""

    pattern: str | None = None
    what: str = "text"
    markup: bool = False
    one_line: bool = False
    numbers: bool = False
    blank: bool = True
    empty: bool = False
    rule: Callable[[str], str | None] | None = None

    def check(self, node: yaml.Node, shown: str, name: str, at: yaml.Node | None = None) -> None:
        if self.empty and isinstance(node, yaml.ScalarNode) and node.tag == YAML_TAG + "null":
            return
        value = _scalar(node, shown, name, self.what, ("str", "int", "float") if self.numbers else ("str",), at)
        control = CONTROL_CHARACTER.search(value)
        if control:
            raise SourceError(Location(shown, line_of_character(node, control.group())),
                              f"'{name}' holds {describe_control(control.group())}: remove it")
        invisible = invisible_problem(value)  # written as an escape ("\u202e"), it is not in the file's text
        if invisible:
            raise fail(node, shown, f"'{name}' holds {invisible[1]}")
        found = None if self.markup else MARKUP.search(value)
        if found:
            raise fail(node, shown, f"'{name}' holds '{found.group()}': it is shown on the site as plain text, so write it without markup")
        if self.one_line and "\n" in value.strip():
            raise fail(node, shown, f"'{name}' must be on one line: remove the line break")
        if not self.blank and not value.strip():
            raise fail(at or node, shown, f"'{name}' is empty: write its {self.what}")
        if self.pattern and not re.fullmatch(self.pattern, value):
            raise fail(node, shown, f"'{name}' must be {self.what}, not '{value[:60]}'")
        problem = self.rule(value.strip()) if self.rule else None
        if problem:
            raise fail(node, shown, problem)


@dataclass
class Flag(Spec):
    what: str = "true or false"

    def check(self, node: yaml.Node, shown: str, name: str, at: yaml.Node | None = None) -> None:
        _scalar(node, shown, name, self.what, ("bool",), at)


@dataclass
class Whole(Spec):
    what: str = "a whole number"

    def check(self, node: yaml.Node, shown: str, name: str, at: yaml.Node | None = None) -> None:
        _scalar(node, shown, name, self.what, ("int",), at)


@dataclass
class Only(Spec):
    """One value allowed (font: false); `why` says why no other is."""

    value: str | bool
    why: str

    def check(self, node: yaml.Node, shown: str, name: str, at: yaml.Node | None = None) -> None:
        if not isinstance(node, yaml.ScalarNode) or construct_yaml(node) != self.value or node.tag == YAML_TAG + "int":
            said = str(self.value).lower() if isinstance(self.value, bool) else self.value
            raise fail(at or node, shown, f"'{name}' must be {said}: {self.why}")


@dataclass
class Any_(Spec):
    """Any plain value (tags are refused for the whole file before any spec runs)."""

    def check(self, node: yaml.Node, shown: str, name: str, at: yaml.Node | None = None) -> None:
        return None


@dataclass
class Either(Spec):
    """The first spec whose node kind matches: a name alone or a group of settings, say."""

    specs: tuple[tuple[type[yaml.Node], Spec], ...]
    what: str = "a value"

    def check(self, node: yaml.Node, shown: str, name: str, at: yaml.Node | None = None) -> None:
        for kind, spec in self.specs:
            if isinstance(node, kind):
                return spec.check(node, shown, name, at)
        raise fail(at or node, shown, f"'{name}' must be {self.what}")


@dataclass
class ListOf(Spec):
    item: Spec
    what: str = "a list"

    def check(self, node: yaml.Node, shown: str, name: str, at: yaml.Node | None = None) -> None:
        if not isinstance(node, yaml.SequenceNode):
            raise fail(at or node, shown, f"'{name}' must be {self.what} (one '- ' line each)")
        for inner in node.value:
            self.item.check(inner, shown, name)


@dataclass
class Group(Spec):
    """A group of 'name: value' lines. A name in `refused` is refused with its reason; any other
    name not in `fields` is refused with the names allowed, unless `others` checks it."""

    fields: dict[str, Spec]
    refused: dict[str, str] = field(default_factory=dict)
    others: Spec | None = None
    what: str = "a group of 'name: value' lines"
    required: tuple[str, ...] = ()  # said missing at the group's first line
    unknown_why: str = ""  # what an unknown name is told instead of "is not a setting"

    def check(self, node: yaml.Node, shown: str, name: str, at: yaml.Node | None = None) -> None:
        if not isinstance(node, yaml.MappingNode):
            raise fail(at or node, shown, f"'{name}' must be {self.what}" if name else f"{shown} must be {self.what}")
        seen: set[str] = set()
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag != YAML_TAG + "str":
                raise fail(key, shown, "each name before a colon must be a word")
            if key.value in seen:  # YAML keeps the last silently: the one read may not be the one checked by eye
                raise fail(key, shown, f"'{key.value}' is given twice{' in ' + repr(name) if name else ''}: keep one of them")
            seen.add(key.value)
            if key.value in self.refused:
                raise fail(key, shown, f"'{key.value}' is not allowed{' in ' + repr(name) if name else ''}: {self.refused[key.value]}")
            spec = self.fields.get(key.value, self.others)
            if spec is None:
                raise fail(key, shown, unknown(key.value, name, list(self.fields), self.unknown_why))
            spec.check(value, shown, key.value, key)
        for key_name in self.required:
            if key_name not in seen:
                raise fail(node, shown, f"'{key_name}' is missing{' from ' + repr(name) if name else ''}: add a line '{key_name}: ...'")


def unknown(key: str, within: str, known: list[str], why: str = "") -> str:
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"the names allowed are: {', '.join(known)}"
    return f"'{key}' {why or 'is not a setting ' + ('of ' + repr(within) if within else 'this project uses')}: {hint}"


@dataclass
class Named(Spec):
    """A list of names, each alone or with its settings ('- toc' or '- toc: {permalink: false}'):
    Markdown extensions and plugins. A name not in `allowed` is refused before anything imports it."""

    allowed: dict[str, Spec]
    kind: str  # "Markdown extension", "plugin"
    why: str  # why only these
    aliases: dict[str, str] = field(default_factory=dict)  # another spelling -> the name in `allowed`

    def check(self, node: yaml.Node, shown: str, name: str, at: yaml.Node | None = None) -> None:
        if not isinstance(node, yaml.SequenceNode):
            raise fail(at or node, shown, f"'{name}' must be a list (one '- ' line for each {self.kind})")
        for entry in node.value:
            settings: yaml.Node | None = None
            key = entry
            if isinstance(entry, yaml.MappingNode) and len(entry.value) == 1:
                key, settings = entry.value[0]
            if not isinstance(key, yaml.ScalarNode) or key.tag != YAML_TAG + "str":
                raise fail(entry, shown, f"each {self.kind} must be a name, such as '{next(iter(self.allowed))}'")
            real = self.aliases.get(key.value, key.value)
            if real not in self.allowed:
                raise fail(key, shown, f"the {self.kind} '{key.value}' is not allowed: {self.why}; "
                           f"the ones allowed are: {', '.join(self.allowed)}")
            if settings is not None and not (isinstance(settings, yaml.ScalarNode) and settings.tag == YAML_TAG + "null"):
                self.allowed[real].check(settings, shown, key.value, key)


NO_SETTINGS = Group({}, what="given no settings")
