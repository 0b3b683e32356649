"""`factsheets serve`: a live preview of the website while staff edit a factsheet.

It runs MkDocs' own development server (livereload) with the factsheets plugin,
in this process: it starts no other program, so nothing is left running when it
stops. Besides what MkDocs watches (docs/ and mkdocs.yml) it watches the
glossary, organisation.yml and the audio's lexicon, since each of them changes
what a page says.

A build that fails never leaves the browser waiting on the last good page (MkDocs
alone logs a traceback and "the server will appear stuck"): every page of the
preview becomes a page that names the file and line and says what to fix, and it
reloads by itself once the file is saved again.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# Material prints an end-of-life notice when run as `mkdocs`; staff cannot act on it.
BANNER_SWITCH = "NO_MKDOCS_2_WARNING"


def quiet_material_banner() -> None:
    """Before Material is imported: its notice is for the site's developers, not for staff."""
    os.environ.setdefault(BANNER_SWITCH, "1")


def error_page(problems: list[str]) -> str:
    """The page shown in place of every page of the preview while the sources have a problem."""
    items = "".join(f"<li><code>{escape(line)}</code></li>" for line in problems) or "<li>The website could not be made.</li>"
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Preview: a problem to fix</title>"
        "<style>body{font-family:Arial,sans-serif;font-size:1.2rem;line-height:1.5;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#111;background:#fff}"
        "code{font-size:1.1rem;background:#f3f3f3;padding:0.1rem 0.3rem}li{margin:0.5rem 0}</style></head>"
        '<body><main><h1>The preview cannot be shown: a file needs fixing</h1>'
        "<p>The factsheets could not be made into web pages because of this problem. "
        "Each line gives the file, the line number in it, and what is wrong:</p>"
        f'<ul id="factsheets-problems">{items}</ul>'
        "<p>Open the file in your text editor, fix that line and save it. "
        "This page shows the factsheet again by itself once the problem is fixed.</p></main></body></html>\n"
    )


def show_error_everywhere(site_dir: Path, problems: list[str]) -> None:
    """Every page of the preview (and any address not found) becomes the error page."""
    page = error_page(problems)
    site_dir.mkdir(parents=True, exist_ok=True)
    for path in [*site_dir.rglob("*.html"), site_dir / "index.html", site_dir / "404.html"]:
        path.write_text(page, encoding="utf-8")


class ErrorLines(logging.Handler):
    """Collects what MkDocs and its plugins log as errors during one build."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def watched_paths(root: Path) -> list[Path]:
    """The glossary, organisation.yml and the lexicon, as the project names them (or their defaults)."""
    from .errors import SourceError
    from .lexicon_setting import DEFAULT_LEXICON
    from .project import load_config

    try:
        config = load_config(root)
        glossary, organisation = config.glossary_dir, config.organisation_file
        lexicon = root / str(config.writer_options("audio").get("lexicon") or DEFAULT_LEXICON)
    except SourceError:
        glossary, organisation, lexicon = root / "glossary", root / "organisation.yml", root / DEFAULT_LEXICON
    return [p for p in (glossary, organisation, lexicon) if p.exists()]


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000, open_browser: bool = False) -> None:
    """Serves the preview at http://host:port/ until interrupted (Ctrl+C)."""
    quiet_material_banner()
    from . import site_engine  # noqa: F401  (before mkdocs: it may be ProperDocs)
    from mkdocs.commands.build import build
    from mkdocs.livereload import LiveReloadServer

    from .project import load_config
    from .site_adapter import mkdocs_config

    logging.basicConfig(level=logging.WARNING, format="%(message)s")  # MkDocs' warnings, and a source's problem
    site_dir = Path(tempfile.mkdtemp(prefix="factsheets-preview-"))
    address = f"http://{host}:{port}/"
    config_file = root / "mkdocs.yml"

    def builder(config: MkDocsConfig | None = None) -> None:
        catcher = ErrorLines()
        logging.getLogger("mkdocs").addHandler(catcher)
        try:
            config = config or mkdocs_config(load_config(root), site_dir=str(site_dir), dev_addr=f"{host}:{port}")
            config.site_url = address
            build(config, serve_url=address)
        except BaseException as error:  # noqa: BLE001 - any failure is shown in the page, never a hang
            if isinstance(error, KeyboardInterrupt):
                raise
            problems = catcher.lines or [plain_error(error, root)]
            if not catcher.lines:  # what MkDocs logged is in the terminal already
                print(problems[0], file=sys.stderr, flush=True)
            show_error_everywhere(site_dir, problems)
        finally:
            logging.getLogger("mkdocs").removeHandler(catcher)

    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(site_dir))
    server.error_handler = lambda code: (site_dir / "404.html").read_bytes() if (site_dir / "404.html").is_file() else None
    try:
        # The port is taken before the site is built, and the address printed only once it is
        # listening: a port in use is said at once, never after an address that does not answer.
        try:
            server.server_bind()
            server.server_activate()
        except OSError:
            server.server_close()
            raise
        server.server_bind = server.server_activate = lambda: None  # type: ignore[method-assign]
        builder()
        for path in [root / "docs", config_file, *watched_paths(root)]:
            if path.exists():
                server.watch(str(path))
        print(f"Preview: {address} (it updates as you save; press Ctrl+C to stop)", flush=True)
        try:
            server.serve(open_in_browser=open_browser)  # type: ignore[no-untyped-call]  # MkDocs leaves this one method unannotated
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def free_port_near(host: str, port: int) -> int | None:
    """A port after `port` that nothing listens on, to suggest when `port` is taken."""
    import socket

    for candidate in range(port + 1, min(port + 50, 65535) + 1):
        with socket.socket() as probe:
            try:
                probe.bind((host, candidate))
            except OSError:
                continue
            return candidate
    return None


def plain_error(error: BaseException, root: Path) -> str:
    """One line for staff, with the file and line when the error has them."""
    from .errors import SourceError

    if isinstance(error, SourceError):
        return f"{error.location}: {error.message}"
    text = str(error).replace(str(root) + os.sep, "")
    return text or f"the website could not be made ({type(error).__name__})"
