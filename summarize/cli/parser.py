"""The command line's argument parser: the commands and their options.

Options that several commands share are declared once: what every command that reads
articles takes (:func:`_add_reading`, with the web options), and the briefing options of
``brief`` and ``stories`` (:func:`_add_briefing`), whose names are
:class:`~summarize.types.briefing.BriefingOptions`' fields. The texts around the option lists
are in :mod:`summarize.cli.help`.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from summarize.cli.help import (
    BRIEF_EXAMPLES,
    COMPARE_EXAMPLES,
    DESCRIPTION,
    EXAMPLES,
    MODELS_EXAMPLES,
    STORIES_EXAMPLES,
    wrap,
)
from summarize.defaults import (
    BRIEF_MAX_WORDS,
    BRIEF_PER_SOURCE_WORDS,
    CLAIMS,
    FETCH_TIMEOUT,
    STORY_NEAR_COPY,
    STORY_THRESHOLD,
)

__all__ = ["COMPARE_FORMATS", "FORMATS", "build_parser"]

FORMATS = ("md", "html", "json")
#: `compare` also writes CSV: one row per claim x outlet (Comparison.to_frame()).
COMPARE_FORMATS = (*FORMATS, "csv")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    parser = argparse.ArgumentParser(
        prog="summarize", description=DESCRIPTION, epilog=EXAMPLES, formatter_class=_formatter
    )
    from summarize import __version__

    parser.add_argument("--version", action="version", version=f"summarize {__version__}")
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors on stderr")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    brief = commands.add_parser(
        "brief",
        help="merged, cited briefing of the articles (the main command)",
        description=wrap(
            "Write one merged briefing in which every sentence cites its outlets, with what "
            "all outlets report, what only one reports, where they differ, each outlet's own "
            "digest and the overlap between them."
        ),
        epilog=BRIEF_EXAMPLES,
        formatter_class=_formatter,
    )
    _add_paths_and_output(brief, FORMATS)
    _add_reading(brief)
    _add_briefing(brief)

    compare = commands.add_parser(
        "compare",
        help="overlap, shared and unique claims, differences (no digest)",
        description=wrap(
            "Compare the articles: pairwise overlap, claims all outlets report, claims only "
            "one reports, and aligned sentences that disagree on numbers, dates, names or "
            "negation."
        ),
        epilog=COMPARE_EXAMPLES,
        formatter_class=_formatter,
    )
    _add_paths_and_output(compare, COMPARE_FORMATS)
    _add_reading(compare)

    stories = commands.add_parser(
        "stories",
        help="group a mixed pile of articles into stories; one briefing per story plus an index",
        description=wrap(
            "Group the articles into stories (articles about one event) and print an index "
            "listing the stories by number of outlets, with their outlets, dates and "
            "near-copies (wire copies and updates count as one report) on stdout. With -o DIR, "
            "also write one merged briefing per story into DIR, and the index, linking each "
            "briefing, as DIR/index.md. Briefings run in this process, or on a Dask cluster "
            "with --scheduler."
        ),
        epilog=STORIES_EXAMPLES,
        formatter_class=_formatter,
    )
    stories.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="folders, article files or .jsonl dumps, article URLs, RSS/Atom feeds, sitemaps",
    )
    stories.add_argument(
        "-f", "--format", choices=FORMATS, default="md", help="briefing and index format (md)"
    )
    stories.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        type=Path,
        help="write one briefing per story and the index into this folder (created if "
        "missing); without it, only the index is printed on stdout and no story is briefed",
    )
    _add_reading(stories)
    _add_briefing(stories)
    stories.add_argument(
        "--scheduler",
        metavar="WHERE",
        help="where briefings run: omit for this process; 'dask' for a local Dask cluster; "
        "a scheduler address such as tcp://10.0.0.5:8786 for a running cluster",
    )
    stories.add_argument(
        "--threshold",
        type=float,
        metavar="T",
        help=f"grouping threshold in (0, 1): higher splits more (default {STORY_THRESHOLD}, "
        "chosen on news dev sets; see BENCHMARKS.md)",
    )

    commands.add_parser(
        "models",
        help="installed models, which are defaults, sizes on disk",
        description="List the models this installation can use offline.",
        epilog=MODELS_EXAMPLES,
        formatter_class=_formatter,
    )
    return parser


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=30)


def _add_paths_and_output(parser: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    """PATH..., -f and -o of a command that writes one document (brief, compare)."""
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a folder of articles, article files, article URLs, or RSS/Atom feeds and "
        "sitemaps (default: the bundled story articles/may-putin-2016 when run from a source "
        "checkout)",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=formats,
        help="output format (default: from the -o suffix, else md)"
        + ("; csv: one row per claim x outlet" if "csv" in formats else ""),
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", type=Path, help="write here instead of stdout"
    )


def _add_reading(parser: argparse.ArgumentParser) -> None:
    """The options of every command that reads and aligns articles."""
    parser.add_argument(
        "--skip-bad",
        action="store_true",
        help="skip files that cannot be loaded, and broken lines of a .jsonl file, each reported "
        "on stderr, and use the rest; without it the run stops at the first problem (a .jsonl "
        "file with a broken line names the line and stops, so no article is lost silently)",
    )
    parser.add_argument(
        "--follow-links",
        action="store_true",
        help="read files in a folder that are symbolic links to places outside it "
        "(not followed by default)",
    )
    parser.add_argument(
        "--embedder",
        metavar="NAME",
        help="sentence embedder: minilm-static (default; static distillation of MiniLM, "
        "built once), all-MiniLM-L6-v2 (the transformer: slower, best alignment), "
        "all-mpnet-base-v2, or a sentence-transformers folder",
    )
    parser.add_argument(
        "--claims",
        choices=("facts", "sentences"),
        default=CLAIMS,
        help="how the comparison groups sentences into claims: facts (default; by the "
        "same-fact model fitted on editors' labels, so an outlet's headline and lead can join "
        "one claim and a claim lists every outlet stating the fact) or sentences (at most "
        "one sentence per outlet, by the calibrated cosine rule); facts needs the default "
        "embedder and falls back to sentences with another",
    )
    parser.add_argument(
        "--no-progress",
        action="store_true",
        help="hide progress bars (shown on stderr only when it is a terminal; -q hides them too)",
    )
    parser.add_argument(
        "--keep-copies",
        action="store_true",
        help="count near-copies of one report (wire copies, updates of one article: at least "
        f"{STORY_NEAR_COPY * 100:.0f}%% of the shorter text's word 5-grams in common) as "
        'separate outlets; by default each such family counts once, cited as "AP, via X and '
        'Y", and a warning (and the briefing) lists which articles were folded and why',
    )
    web = parser.add_argument_group("web pages and feeds (for URL inputs)")
    web.add_argument(
        "--offline",
        action="store_true",
        help="use only pages already in the download cache; fetch nothing",
    )
    web.add_argument(
        "--since",
        metavar="DATE",
        help="feeds: only entries published on or after DATE (2026-12-01 or ISO 8601)",
    )
    web.add_argument(
        "--limit",
        type=whole,
        metavar="N",
        help="feeds and sitemaps: at most N entries of each, the newest (default 100, announced "
        "when it cuts; 0 takes all)",
    )
    web.add_argument(
        "--allow-private",
        action="store_true",
        help="let feed entries and redirects reach private, loopback and link-local addresses "
        "(refused by default, so a feed cannot point the run at an internal network; URLs "
        "given on the command line are always fetched)",
    )
    web.add_argument(
        "--timeout",
        type=float,
        default=FETCH_TIMEOUT,
        metavar="SECONDS",
        help=f"give up on a page after this many seconds ({FETCH_TIMEOUT:g})",
    )


def _add_briefing(parser: argparse.ArgumentParser) -> None:
    """How a briefing is written (brief, stories): the fields of BriefingOptions."""
    parser.add_argument(
        "--max-words",
        type=positive,
        default=BRIEF_MAX_WORDS,
        metavar="N",
        help=f"merged digest length ({BRIEF_MAX_WORDS})",
    )
    parser.add_argument(
        "--per-source-words",
        type=positive,
        default=BRIEF_PER_SOURCE_WORDS,
        metavar="N",
        help=f"length of each outlet's digest ({BRIEF_PER_SOURCE_WORDS})",
    )
    parser.add_argument(
        "--method",
        choices=("extractive", "abstractive"),
        default="extractive",
        help="extractive: verbatim source sentences (default); abstractive: a generative "
        "model writes the digest, and unsupported sentences are flagged",
    )
    parser.add_argument(
        "--model", metavar="NAME", help="generation model for --method abstractive (name or folder)"
    )


def whole(text: str) -> int:
    """A whole number of at least 0 (an argparse ``type``)."""
    return _whole_at_least(text, minimum=0)


def positive(text: str) -> int:
    """A whole number of at least 1 (an argparse ``type``)."""
    return _whole_at_least(text, minimum=1)


def _whole_at_least(text: str, *, minimum: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < minimum:
        raise argparse.ArgumentTypeError(f"expected a number of at least {minimum}, got {value}")
    return value
