"""Reading source files: UTF-8 text with YAML front matter, errors with file and line."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import Location, SourceError


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, which may carry MkDocs-only tags such as !ENV."""


def _unknown_tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("", _unknown_tag)
_TolerantLoader.add_multi_constructor("!", _unknown_tag)


def read_text(path: Path, shown: str) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(Location(shown, line), "this file is not UTF-8 text: save it as UTF-8 and build again") from None


def load_yaml(text: str, shown: str, first_line: int = 1, tolerant: bool = False):
    try:
        return yaml.load(text, Loader=_TolerantLoader if tolerant else yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = first_line + mark.line if mark else first_line
        problem = getattr(error, "problem", None) or str(error)
        raise SourceError(Location(shown, line), f"the YAML is not valid ({problem})") from None


def split_front_matter(text: str, shown: str) -> tuple[dict, str, int]:
    """(front matter, body, line number where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text, 1
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise SourceError(Location(shown, 1), "the front matter that starts with --- is never closed by another ---")
    meta = load_yaml("\n".join(lines[1:end]), shown, first_line=2)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise SourceError(Location(shown, 2), "the front matter must be a list of 'name: value' lines")
    body = "\n".join(lines[end + 1 :])
    return meta, body, end + 2
