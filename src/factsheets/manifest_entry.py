"""One factsheet's entry in the build's manifest (build/manifest.json), as the build writes it
(build/manifest.py) and the website and `check` read it back. Output keys are the writers'
(writers/: "large_print_pdf", "brf", "audio_mp3", ...); "html" is the factsheet's page.

Only the slug and the formats are sure to be there: the preview makes an entry of just those
for a factsheet the last build did not make (mkdocs_plugin.py), and a manifest on disk may be
an older version's; so everything else is read with .get()."""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict


class ManifestEntry(TypedDict):
    slug: str
    formats: dict[str, str]  # output key -> its file, relative to the build folder ("site/files/<slug>/<name>")
    title: NotRequired[str]
    summary: NotRequired[str]
    language: NotRequired[str]
    version: NotRequired[str]
    date: NotRequired[str]  # YYYY-MM
    source: NotRequired[str]  # the factsheet's file, relative to the project
    digest: NotRequired[str]  # what every format was made from, hashed (build/manifest.document_digest)
    details: NotRequired[dict[str, dict[str, Any]]]  # output key -> its facts as its writer gave them ({"pages": 19}): JSON values
    not_available: NotRequired[dict[str, str]]  # output key -> why this machine cannot make it
    failed: NotRequired[list[str]]  # output keys whose job failed
    older: NotRequired[list[str]]  # output keys made from an older text of the factsheet


class Manifest(TypedDict):
    generator: NotRequired[str]  # "factsheets <version>" (none in the preview's empty one)
    factsheets: list[ManifestEntry]
