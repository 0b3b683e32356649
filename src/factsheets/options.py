"""Each writer's options, checked against the writer's own description of them.

Options come from mkdocs.yml (the factsheets plugin's block: `pdf:`, `braille:`,
`audio:`, or any registered writer's name), then a factsheet's front matter,
then the command line. Every value is checked here against the writer's
`options` (see writers.Option): an unknown name, a wrong type or a value out of
range is an error that names the file and line, never a surprise deep in a job.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Callable

from .errors import Location, SourceError
from .writers import Option, Writer, defaults, registry

TYPE_WORDS = {bool: "true or false", int: "a whole number", float: "a number", str: "text", list: "a list", dict: "a list of 'name: value' lines"}


def type_words(types: tuple[type, ...]) -> str:
    return " or ".join(dict.fromkeys(TYPE_WORDS.get(t, t.__name__) for t in types))


def fits(value: Any, types: tuple[type, ...]) -> bool:
    # YAML's true is an int to Python: a number option must not take it.
    if isinstance(value, bool):
        return bool in types
    return isinstance(value, types)


def check_options(writer: Writer, given: Any, locate: Callable[[str | None], Location]) -> dict[str, Any]:
    """The options given for a writer, checked; locate(name) is where name is written (None: the block)."""
    if given is None:
        return {}
    if not isinstance(given, dict):
        raise SourceError(locate(None), f"'{writer.name}' must be a group of settings, one 'name: value' a line indented under '{writer.name}:', such as {example(writer)}")
    known = {option.name: option for option in writer.options}
    for name, value in given.items():
        option = known.get(name)
        if option is None:
            raise SourceError(locate(name), unknown_message(writer, str(name), list(known)))
        problem = option_problem(option, value)
        if problem:
            raise SourceError(locate(name), f"{writer.name}: '{name}' {problem}")
    return dict(given)


def option_problem(option: Option, value: Any) -> str | None:
    if value is None:
        return None  # as good as not set: the default applies
    if not fits(value, option.types):
        return f"must be {type_words(option.types)}: {option.help}"
    if option.items:
        for item in value:
            if not fits(item, option.items):
                return f"must be a list of {type_words(option.items)}: {option.help}"
            problem = option.check(item) if option.check else None
            if problem:
                return f"has {item!r}: {problem}"
    elif option.check:
        problem = option.check(value)
        if problem:
            return f"is {value!r}: {problem}"
    return None


def did_you_mean(name: str, known: list[str], otherwise: str) -> str:
    """The closest known name as a question, or `otherwise` when none is close."""
    close = difflib.get_close_matches(name, known, n=1)
    return f"did you mean '{close[0]}'?" if close else otherwise


def unknown_message(writer: Writer, name: str, known: list[str]) -> str:
    hint = did_you_mean(name, known, f"the names it takes are {', '.join(known)}" if known else "it takes no options")
    return f"{writer.name}: there is no option '{name}': {hint}"


def example(writer: Writer) -> str:
    if not writer.options:
        return "{}"
    option = writer.options[0]
    return f"'{option.name}: {option.default if option.default is not None else '...'}'"


def with_defaults(writer_name: str, *layers: dict[str, Any]) -> dict[str, Any]:
    """A writer's options: its defaults, then each layer (None values do not count)."""
    options = defaults(registry()[writer_name])
    for layer in layers:
        options.update({k: v for k, v in layer.items() if v is not None})
    return options


def unknown_name(name: str, known: list[str]) -> str:
    hint = did_you_mean(name, known, f"the names it takes are {', '.join(known)}")
    return f"the factsheets plugin has no setting '{name}': {hint}"


def check_plugin_options(block: Any, text: str, settings: list[str]) -> dict[str, Any]:
    """The factsheets plugin's block of mkdocs.yml: each name one of its own settings or a
    writer's, each writer's options checked, errors at their line in mkdocs.yml."""
    if block is None:
        return {}
    locate = plugin_locator(text)
    if not isinstance(block, dict):
        raise SourceError(locate(()), "the factsheets plugin's settings must be a list of 'name: value' lines")
    writers = registry()
    for name, value in block.items():
        if name in writers:
            def at(option: str | None, name: str = name) -> Location:
                return locate((name, option) if option else (name,))

            check_options(writers[name], value, at)
        elif name not in settings:
            raise SourceError(locate((name,)), unknown_name(str(name), [*settings, *writers]))
    return block


def plugin_locator(text: str) -> Callable[[tuple[str, ...]], Location]:
    """locate(names) -> where the factsheets plugin's block writes those nested names in mkdocs.yml."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if re.match(r"\s*-\s*factsheets\s*:", line)), 0)

    def locate(names: tuple[str, ...]) -> Location:
        at = start
        for name in names:
            found = next((i for i in range(at + 1, len(lines)) if re.match(rf"\s+{re.escape(str(name))}\s*:", lines[i])), None)
            if found is None:
                break
            at = found
        return Location("mkdocs.yml", at + 1)

    return locate
