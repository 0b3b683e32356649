"""What a build returns, and how it fails."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Warning_

BUILD_DIR = "build"


class BuildFailed(Exception):
    """One or more jobs failed; every failure is listed, nothing was published."""

    def __init__(self, failures: list[str]):
        self.failures = failures
        super().__init__("\n".join(failures))


@dataclass
class BuildResult:
    manifest: dict
    build_dir: Path
    warnings: list[Warning_] = field(default_factory=list)
    built: list[str] = field(default_factory=list)  # "format: slug" of jobs that ran
    cached: list[str] = field(default_factory=list)  # ... and of jobs taken from the cache
    failures: list[str] = field(default_factory=list)  # with --keep-going
    unavailable: list[tuple[str, str]] = field(default_factory=list)  # (slug, writer) whose engine is missing
    parts_built: list[str] = field(default_factory=list)  # "format: slug: part" of parts that ran
    parts_cached: int = 0  # parts of jobs that ran, taken from the cache
    site_cached: bool = False
    seconds: float = 0.0


@dataclass
class Job:
    writer_name: str
    slug: str
    document: object
    options: dict
    key: str
    selected: bool  # False: only taken from the cache (a selective build)
