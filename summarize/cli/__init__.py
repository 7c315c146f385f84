"""The ``summarize`` command: briefings, comparisons and the list of installed models.

:func:`main` parses the command line (:mod:`summarize.cli.parser`, help texts in
:mod:`summarize.cli.help`), sets up logging, runs the command (:mod:`summarize.cli.commands`)
and turns errors into exit codes. Imports are lazy: ``summarize --help`` loads neither torch
nor any model. Results go to stdout (or ``-o FILE``); progress and log messages go to stderr.

Exit codes: 0 success, 1 an input or model problem (explained in one line, no traceback),
2 a usage error (bad option or argument), 130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Iterator, Sequence

from summarize.cli import commands
from summarize.cli.commands import installed_models
from summarize.cli.parser import build_parser
from summarize.terminal import printable, printable_lines

__all__ = ["build_parser", "installed_models", "main"]

logger = logging.getLogger(__name__)


class _PrintableFormatter(logging.Formatter):
    """Log lines with control characters escaped (:func:`summarize.terminal.printable_lines`):
    a last guard behind the escaping each message does for the names it shows."""

    def format(self, record: logging.LogRecord) -> str:
        return printable_lines(super().format(record))


@contextlib.contextmanager
def _logging_for_run(verbose: int, quiet: bool) -> Iterator[None]:
    """Log at the level -q/-v ask for while one command runs, then put the logging state
    back: ``main()`` is also called in-process (tests, notebooks), where a ``-q`` run must not
    leave the ``summarize`` logger silenced for the caller's later warnings."""
    level = (
        logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    )
    root = logging.getLogger()
    package = logging.getLogger("summarize")
    handlers, root_level, package_level = list(root.handlers), root.level, package.level
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    for handler in root.handlers:
        if handler not in handlers:  # the one basicConfig added: names in messages escaped
            handler.setFormatter(_PrintableFormatter("%(levelname)s %(name)s: %(message)s"))
    package.setLevel(level)
    try:
        yield
    finally:
        package.setLevel(package_level)
        for handler in root.handlers[:]:
            if handler not in handlers:  # the one basicConfig added, if it added one
                root.removeHandler(handler)
        root.setLevel(root_level)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see the module docstring)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    with _logging_for_run(args.verbose, args.quiet):
        return _run(parser, args)


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Run the parsed command; returns the exit code."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from summarize.cli.hints import hint
    from summarize.errors import SummarizeError

    try:
        if args.command == "brief":
            commands.run_brief(parser, args)
        elif args.command == "compare":
            commands.run_compare(parser, args)
        elif args.command == "stories":
            commands.run_stories(parser, args)
        else:
            commands.run_models()
    except SummarizeError as error:
        print(f"summarize: error: {printable_lines(str(error))}", file=sys.stderr)
        advice = hint(
            error,
            paths=getattr(args, "paths", ()),
            skip_bad=getattr(args, "skip_bad", True),
        )
        if advice:
            print(f"summarize: hint: {printable_lines(advice)}", file=sys.stderr)
        return 1
    except OSError as error:  # e.g. -o into a read-only folder
        print(f"summarize: error: {printable(str(error))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("summarize: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug or an unforeseen input: one line, never a traceback
        logger.debug("Unexpected error", exc_info=True)
        print(
            f"summarize: error: unexpected {type(error).__name__}: {printable(str(error))}. "
            "This is a bug in summarize; please report it with the input that caused it "
            "(-vv shows the details).",
            file=sys.stderr,
        )
        return 1
    return 0
