"""The command line: `factsheets build`, `check`, `new` and `serve`."""

from __future__ import annotations

import signal
import sys
from types import FrameType


def _stopped_while_loading(number: int, frame: FrameType | None) -> None:
    """Ctrl+C before a command has taken over (the tool's modules take a second to load)."""
    print("Stopped; nothing was changed.", file=sys.stderr)
    sys.exit(130)


# First of all, so that Ctrl+C while the rest loads is a line, not a traceback; main() hands
# Ctrl+C back to Python (KeyboardInterrupt) once each command can say what it left behind.
signal.signal(signal.SIGINT, _stopped_while_loading)

import argparse  # noqa: E402
from pathlib import Path  # noqa: E402

from .errors import SourceError  # noqa: E402


def print_source_error(error: SourceError) -> None:
    """Each problem on its own `path:line: message` line."""
    for line in error.lines():
        print(line, file=sys.stderr)


def start_workers_for_a_first_build(jobs: int | None) -> None:
    """Starts the server the build's workers are forked from before the rest of the tool is
    loaded, when there is no build/ yet, so every job will run. Its own start-up (0.3 s of
    imports) then overlaps that loading too: the first jobs started 0.06-0.1 s sooner
    (measured). Any other build starts it only once it finds work (build(); a second start
    does nothing): a build with nothing to do, or with no job at all (--format html), must
    not pay for it. A folder it cannot read is left to the build, which says what is wrong."""
    import os

    from . import processes
    from .project_root import BUILD_DIR, project_root

    try:
        root = project_root(Path.cwd())
        if jobs != 1 and root is not None and not os.path.lexists(root / BUILD_DIR):
            processes.start_server()
    except OSError:
        pass


def build_command(args: argparse.Namespace) -> int:
    start_workers_for_a_first_build(args.jobs)
    from .build import BuildFailed, build
    from .progress import Progress
    from .project import find_root

    signal.signal(signal.SIGINT, signal.default_int_handler)  # from here, the build says what it left

    progress = Progress(quiet=args.quiet, verbose=args.verbose)
    try:
        root = find_root(Path.cwd())
        formats = [f.strip() for f in args.format.split(",") if f.strip()] if args.format else None
        overrides = {"pdf": {"print_sizes": args.print_size}} if args.print_size else {}
        with progress:
            result = build(root, formats=formats, factsheets=[Path(p) for p in args.factsheets] or None,
                           overrides=overrides, keep_going=args.keep_going, progress=progress, workers=args.jobs)
    except SourceError as error:
        print_source_error(error)
        print(f"The build stopped{previous_build()}.", file=sys.stderr)
        return 1
    except BuildFailed as error:
        for failure in error.failures:
            print(failure, file=sys.stderr)
        print(f"{len(error.failures)} job(s) failed; nothing was published{previous_build(' and')}.", file=sys.stderr)
        print("Use --keep-going to publish what did build.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"Build interrupted{previous_build()}.", file=sys.stderr)
        return 130
    except OSError as error:  # the disk or the system, not the sources: a full disk, a locked folder
        print(os_error_line(error), file=sys.stderr)
        print(f"The build stopped{previous_build()}.", file=sys.stderr)
        return 1
    if not args.quiet:
        count = len(result.manifest["factsheets"])
        if result.unchanged:
            print("Nothing has changed since the last build, so build/ is as it was.")
        site = "from the cache" if result.site_cached else "built"
        print(
            f"{count} factsheet{'s' if count != 1 else ''}: {len(result.built)} job(s) built, "
            f"{len(result.cached)} from the cache, website {site}, in {result.seconds:.1f} s."
        )
        if result.parts_built:
            # An edit re-records only the sections it touched: say so, since audio is the slow part.
            print(f"Audio sections recorded: {len(result.parts_built)} ({result.parts_cached} from the cache).")
        print(f"Website: {result.build_dir / 'site' / 'index.html'}")
        print(f"Files for each factsheet: {result.build_dir / 'site' / 'files'}")
    # The warnings last, where they are read: not above the summary, scrolled away.
    sys.stdout.flush()
    for warning in result.warnings:
        print(str(warning), file=sys.stderr)
    for failure in result.failures:
        print(failure, file=sys.stderr)
    if result.warnings and not args.quiet:
        sys.stderr.flush()
        print(f"{len(result.warnings)} warning(s), listed above.")
    if result.failures:
        print(f"{len(result.failures)} job(s) failed; the rest was published (--keep-going).", file=sys.stderr)
        return 1
    return 0


def previous_build(joined: str = ";") -> str:
    """"; the previous build/ folder is unchanged", where there is one: outside a project, or
    before its first build, there is none to speak of."""
    import os

    from .project_root import BUILD_DIR, project_root

    root = project_root(Path.cwd())
    return f"{joined} the previous {BUILD_DIR}/ folder is unchanged" if root is not None and os.path.lexists(root / BUILD_DIR) else ""


def os_error_line(error: OSError) -> str:
    from .build.result import as_published, os_error_message

    where = error.filename2 or error.filename or Path.cwd()  # of a rename or a link, the place written to
    return f"{as_published(str(where))}: {os_error_message(error)}"


def positive_count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of jobs of 1 or more")
    return int(text)


def check_command(args: argparse.Namespace) -> int:
    from .check import print_table, run_check, write_json
    from .progress import CheckProgress
    from .project import find_root
    from .report import write_report
    from .validators import FAILURE, WARNING

    signal.signal(signal.SIGINT, signal.default_int_handler)  # from here, the check says what it left
    try:
        root = find_root(Path.cwd())
        with CheckProgress(quiet=args.quiet) as progress:
            report = run_check(root, factsheets=[Path(p) for p in args.factsheets] or None, progress=progress)
        write_json(report, root / "build" / "check.json")
        write_report(report, root / "build" / "report.html")
    except SourceError as error:
        print_source_error(error)
        return 1
    except OSError as error:
        print(os_error_line(error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Check interrupted; what it had checked is kept, and the next check starts from there.", file=sys.stderr)
        return 130
    print_table(report)
    print(f"Report for staff: {root / 'build' / 'report.html'}")
    if report.count(FAILURE) or (args.strict and report.count(WARNING)):
        return 1
    return 0


def new_command(args: argparse.Namespace) -> int:
    from .project import find_root
    from .scaffold import missing_extensions, new_factsheet

    try:
        root = find_root(Path.cwd())
        path = new_factsheet(root, args.title)
        missing = missing_extensions(root)
    except SourceError as error:
        print_source_error(error)
        return 1
    shown = path.relative_to(root).as_posix()
    print(f"New factsheet: {shown}")
    print("Open it in a text editor, write the summary and the text, then run `factsheets build`.")
    if missing:
        print(f"To use footnotes, abbreviations and lists of meanings, add {', '.join(missing)} under markdown_extensions in mkdocs.yml.")
    return 0


def serve_command(args: argparse.Namespace) -> int:
    from .project import find_root
    from .serve import free_port_near, serve

    signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl+C is how staff stop the preview
    if not 1 <= args.port <= 65535:  # the socket would raise OverflowError, not OSError
        print(f"the command line: --port {args.port} is not a port: ports are numbered 1 to 65535; use one such as --port 8001",
              file=sys.stderr)
        return 1
    try:
        root = find_root(Path.cwd())
        serve(root, args.host, args.port, open_browser=args.open)
    except SourceError as error:
        print(f"{error.location}: {error.message}", file=sys.stderr)
        return 1
    except OSError as error:  # the port is taken, most often
        free = free_port_near(args.host, args.port)
        hint = f"port {free} is free: --port {free}" if free else "try another, such as --port 8001"
        print(f"The preview could not start on port {args.port}: {error.strerror or error}; {hint}", file=sys.stderr)
        return 1
    return 0


def format_choices() -> str:
    """What --format takes, from the writers registered: "pdf (large-print PDF), ..."."""
    from .writers import registry

    return ", ".join(f"{w.name} ({w.summary})" for w in registry().values())


def main(argv: list[str] | None = None) -> int:
    from . import __version__
    from .serve import quiet_material_banner

    quiet_material_banner()
    parser = argparse.ArgumentParser(prog="factsheets", description="Publish factsheets in every accessible format.")
    parser.add_argument("--version", action="version", version=f"factsheets {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build", help="build every format of every factsheet into build/")
    b.add_argument("factsheets", nargs="*", help="only these factsheets (docs/factsheets/<name>.md); the others come from the cache")
    # The formats are the writers registered; loading them is for --help only, not every build.
    asked_for_help = any(a in ("-h", "--help") for a in (sys.argv[1:] if argv is None else argv))
    b.add_argument("--format", help=f"only these formats, separated by commas: {format_choices() if asked_for_help else 'see --help'}")
    b.add_argument("--print-size", type=int, action="append", metavar="PT",
                   help="also make a large-print PDF at this size in points, e.g. 24 for giant print (may be repeated)")
    b.add_argument("--keep-going", action="store_true", help="publish what built even if some formats failed")
    b.add_argument("-j", "--jobs", type=positive_count, metavar="N",
                   help="run N jobs at a time (default: one a processor core); --jobs 1 runs every job in this one process, for debugging")
    b.add_argument("-q", "--quiet", action="store_true", help="print only warnings and errors")
    b.add_argument("-v", "--verbose", action="store_true", help="print a line for each factsheet of each format, not one for each format")
    c = commands.add_parser("check", help="check the last build against every format's standard, and the plain English of the sources")
    c.add_argument("factsheets", nargs="*", help="only these factsheets (docs/factsheets/<name>.md) and their pages; the report keeps the others' last results")
    c.add_argument("--strict", action="store_true", help="fail on plain-English warnings too")
    c.add_argument("-q", "--quiet", action="store_true", help="no line for each factsheet as it is checked: the summary only")
    n = commands.add_parser("new", help='start a new factsheet: factsheets new "Annual reviews"')
    n.add_argument("title", help="the factsheet's title, in quotes")
    s = commands.add_parser("serve", help="preview the website while you edit: it updates each time you save a file")
    s.add_argument("--port", type=int, default=8000, help="the port to serve on (default 8000): open http://127.0.0.1:PORT/")
    s.add_argument("--host", default="127.0.0.1", help="the address to serve on (default 127.0.0.1, this computer only)")
    s.add_argument("--open", action="store_true", help="open the preview in the web browser")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build_command(args)
    if args.command == "check":
        return check_command(args)
    if args.command == "new":
        return new_command(args)
    if args.command == "serve":
        return serve_command(args)
    return 2


def console() -> int:
    """The `factsheets` command (pyproject.toml): main(), then the objects it made are frozen.

    At exit the interpreter tears down every object a build made, module by module (mkdocs,
    Jinja, the model, the writers): 0.07 s of a one-factsheet build, measured. Frozen, they
    are left for the operating system to free with the process, all at once. atexit's
    handlers still run (multiprocessing's, which removes its temporary folder)."""
    import gc

    try:
        code = main()
    except KeyboardInterrupt:  # Ctrl+C while the tool was still loading, before a command took over
        print("Stopped; nothing was changed.", file=sys.stderr)
        return 130
    gc.freeze()
    return code


if __name__ == "__main__":
    sys.exit(console())
