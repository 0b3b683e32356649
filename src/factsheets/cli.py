"""The command line: `factsheets build`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import SourceError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="factsheets", description="Publish factsheets in every accessible format.")
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="build every format of every factsheet into build/")
    build_parser.add_argument("--format", help="only these formats, separated by commas (for example: pdf,braille)")
    build_parser.add_argument("-q", "--quiet", action="store_true", help="print only warnings and errors")
    args = parser.parse_args(argv)

    from .build import build
    from .project import find_root

    try:
        root = find_root(Path.cwd())
        formats = [f.strip() for f in args.format.split(",")] if args.format else None
        log = (lambda message: None) if args.quiet else (lambda message: print(message, flush=True))
        result = build(root, formats=formats, log=log)
    except SourceError as error:
        print(f"{error.location}: {error.message}", file=sys.stderr)
        print("The build stopped; the previous build/ folder is unchanged.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Build interrupted; the previous build/ folder is unchanged.", file=sys.stderr)
        return 130
    for warning in result.warnings:
        print(str(warning), file=sys.stderr)
    if not args.quiet:
        count = len(result.manifest["factsheets"])
        print(f"Built {count} factsheet{'s' if count != 1 else ''} in {result.seconds:.1f} s.")
        print(f"Website: {result.build_dir / 'site' / 'index.html'}")
        print(f"Files for each factsheet: {result.build_dir / 'site' / 'files'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
