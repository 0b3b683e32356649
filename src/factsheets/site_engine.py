"""Which site generator runs the website: MkDocs, or ProperDocs, its drop-in continuation.

MkDocs 1.x has had no release since August 2024. ProperDocs (`properdocs` on PyPI, by
MkDocs' maintainers) is the same code carried on: it reads mkdocs.yml, runs MkDocs plugins
(ours) and themes (Material) unchanged, and once `properdocs.replacement` is imported, every
`import mkdocs...` in the process is served by `properdocs...`. So the adapter keeps importing
`mkdocs`, and this module decides, before any such import, which package answers:

- FACTSHEETS_SITE_ENGINE=properdocs (or mkdocs) chooses; the build's fingerprint takes it in,
  so a switch is never answered with the last build's pages;
- otherwise MkDocs when it is installed, else ProperDocs when it is.

Every module of ours that imports mkdocs imports this one first.
"""

from __future__ import annotations

import importlib.util
import os

VARIABLE = "FACTSHEETS_SITE_ENGINE"
ENGINES = ("mkdocs", "properdocs")


def chosen() -> str:
    """The engine this process uses: the variable's, or the one installed (MkDocs first)."""
    asked = os.environ.get(VARIABLE, "").strip().lower()
    if asked:
        if asked not in ENGINES:
            raise SystemExit(f"{VARIABLE}={asked!r}: write mkdocs or properdocs")
        return asked
    return "mkdocs" if importlib.util.find_spec("mkdocs") is not None else "properdocs"


def use() -> str:
    """Makes `import mkdocs` load the chosen engine; says which."""
    engine = chosen()
    if engine == "properdocs":
        import properdocs.replacement  # noqa: F401  (mkdocs.* is properdocs.* from here on)
    return engine


ENGINE = use()
