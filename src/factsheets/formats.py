"""Every kind of output, as the writers describe them, and the names --format accepts.

The website itself is one more: the factsheet's page, listed first in its own
"Other formats" box. The rest comes from the registered writers, in the order
they list their outputs, so a new writer needs no change here.
"""

from __future__ import annotations

import functools
from typing import Iterable

from .writers import OutputKind, registry

WEB_PAGE = OutputKind("html", "Web page", "this page", "to read on screen, with a screen reader or zoomed in", "text/html")


@functools.cache
def output_kinds() -> dict[str, OutputKind]:
    """Manifest key -> what it is, the web page first, then each writer's in the box's order."""
    kinds = {WEB_PAGE.key: WEB_PAGE}
    for writer in sorted(registry().values(), key=lambda w: w.rank):
        kinds.update((kind.key, kind) for kind in writer.outputs)
    return kinds


def describe(key: str) -> OutputKind | None:
    """What a manifest key is, families ("large_print_pdf_*") included."""
    kinds = output_kinds()
    if key in kinds:
        return kinds[key]
    for pattern, kind in kinds.items():
        if pattern.endswith("*") and key.startswith(pattern[:-1]):
            end = key[len(pattern) - 1:]
            return OutputKind(key, kind.label.format(end), kind.kind, kind.purpose, kind.media_type, kind.check)
    return None


@functools.cache
def format_aliases() -> dict[str, str]:
    """Every name --format accepts besides a writer's own -> that writer: its outputs' keys and its aliases."""
    aliases: dict[str, str] = {}
    for writer in registry().values():
        aliases.update((kind.key, writer.name) for kind in writer.outputs if not kind.key.endswith("*"))
        aliases.update((alias, writer.name) for alias in writer.aliases)
    return aliases


def in_box_order(keys: Iterable[str]) -> list[tuple[str, OutputKind]]:
    """The manifest keys given that are known outputs, with what each is, in the box's order."""
    order = {key: n for n, key in enumerate(output_kinds())}

    def position(key: str) -> int:
        family = next((k for k in order if k.endswith("*") and key.startswith(k[:-1])), None)
        return order.get(key, order[family] if family else len(order))

    found = [(key, kind) for key in keys if (kind := describe(key)) is not None]
    return sorted(found, key=lambda pair: (position(pair[0]), pair[0]))
