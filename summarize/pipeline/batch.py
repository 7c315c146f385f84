"""Many stories at once: :func:`brief_many` runs :func:`~summarize.pipeline.briefing.brief` once
per story,
in this process (the default) or on a Dask cluster, with the same results either way.

``scheduler=None`` runs here, one story after another (no server, nothing to install).
``scheduler="dask"`` starts a local ``dask.distributed`` cluster of worker processes for the
call and closes it after. ``scheduler="tcp://host:8786"`` (or a ``distributed.Client``) runs on a
cluster that is already up: its workers need this package and its models installed (each worker
loads the embedder once, a few hundred MB with the static default, about 1 GB with a transformer).

Each story is one task, retried when its worker dies (Dask re-runs tasks a lost worker held; each
task may also fail ``retries`` times). A story that still fails is never dropped silently:
:class:`BriefManyError` names it and carries every briefing that did finish.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from os import PathLike
from typing import TYPE_CHECKING, Any

from summarize.errors import BriefManyError, InputError, SummarizeError
from summarize.types import Article, BriefingOptions, Story

if TYPE_CHECKING:
    from summarize.types import Briefing

logger = logging.getLogger(__name__)

__all__ = ["BriefManyError", "brief_many", "story_name"]  # the error lives in summarize.errors

#: Memory one worker process needs for the models and one story's work (bytes): caps how many
#: workers ``scheduler="dask"`` starts on a small machine.
WORKER_MEMORY = 1_500_000_000

StoryInput = Story | Sequence[Article] | str | PathLike[str]


def story_name(item: StoryInput, index: int) -> str:
    """How errors and progress bars name a story: its label, folder, or first headline."""
    if isinstance(item, Story):
        return f"story {index + 1}: {item.label}"
    if isinstance(item, str | PathLike):
        return f"story {index + 1}: {os.fspath(item)}"
    first = next(iter(item), None)
    title = first.title if isinstance(first, Article) else "?"
    return f"story {index + 1}: {title}"


def _articles(item: StoryInput) -> Sequence[Article]:
    """A story's articles, loaded here (so remote workers never need the input files)."""
    if isinstance(item, Story):
        # brief() folds the near-copy families (the same near_copy_families as the Story's),
        # cites each once as in Story.briefing_articles() and lists them in the briefing (plus a
        # version for a member that changes a figure, see copies.collapse_near_copies).
        return item.articles
    from summarize.inputs.loading import as_articles

    return as_articles(item)


def _brief_one(articles: Sequence[Article], options: BriefingOptions) -> Briefing:
    """One story's briefing (runs in this process or on a Dask worker)."""
    from summarize.pipeline.briefing import brief

    return brief(articles, **options.keywords(), progress=False)


def brief_many(
    stories_or_groups: Iterable[StoryInput],
    *,
    options: BriefingOptions | None = None,
    scheduler: str | Any | None = None,
    progress: bool | None = None,
    retries: int = 2,
    n_workers: int | None = None,
) -> list[Briefing]:
    """Brief each story, in this process or on a Dask cluster.

    Args:
        stories_or_groups: :class:`~summarize.pipeline.stories.Story` objects (from
            :func:`~summarize.pipeline.stories.group_stories`; near-copy families are cited once),
            lists
            of articles, or folders/files (anything :func:`~summarize.pipeline.briefing.brief`
            takes).
        options: How each story is briefed: a
            :class:`~summarize.types.briefing.BriefingOptions` (lengths, method, models by
            name so workers can load them themselves, ``collapse_copies``), the same for
            every story; default: :func:`~summarize.pipeline.briefing.brief`'s defaults.
        scheduler: ``None``: in this process. ``"dask"``: a local Dask cluster started for this
            call. ``"tcp://host:8786"``: an existing cluster's scheduler (or a
            ``distributed.Client``).
        progress: Progress bar on stderr; ``None`` follows
            :func:`summarize.progress.progress_bars` (by default: only on a terminal).
        retries: Extra tries for a story whose task fails (Dask only).
        n_workers: Worker processes for ``scheduler="dask"`` (default: one per core, as many
            as memory allows at about 1.5 GB each).

    Returns:
        One :class:`~summarize.pipeline.briefing.Briefing` per story, in input order; the same bytes
        (``to_json()``) whichever scheduler ran them.

    Raises:
        BriefManyError: some stories failed; it names them and holds the other briefings.
        InputError: an unknown scheduler, or no stories.
    """
    items = list(stories_or_groups)
    if not items:
        raise InputError("No stories given. Pass Story objects, lists of articles or folders.")
    if options is None:
        options = BriefingOptions()
    names = [story_name(item, i) for i, item in enumerate(items)]
    if scheduler is None:
        return _run_here(items, names, options, progress=progress)
    if isinstance(scheduler, str) and scheduler not in ("dask",) and "://" not in scheduler:
        raise InputError(
            f"Unknown scheduler {scheduler!r}. Use None (this process), 'dask' (a local Dask "
            "cluster) or a scheduler address such as 'tcp://127.0.0.1:8786'."
        )
    return _run_dask(
        items, names, options, scheduler, progress=progress, retries=retries, n_workers=n_workers
    )


@contextmanager
def _bar(total: int, progress: bool | None) -> Iterator[Any]:
    """The stories bar: ``progress`` when given, else :mod:`summarize.progress`'s switch."""
    from summarize.progress import bar, choose, progress_bars

    with progress_bars(choose(progress)), bar(total=total, desc="stories", unit="story") as steps:
        yield steps


def _run_here(
    items: list[StoryInput], names: list[str], options: BriefingOptions, *, progress: bool | None
) -> list[Briefing]:
    briefings: list[Briefing | None] = []
    failures: dict[str, BaseException] = {}
    with _bar(len(items), progress) as bar:
        for item, name in zip(items, names, strict=True):
            try:
                briefings.append(_brief_one(_articles(item), options))
            except SummarizeError as error:  # one bad story does not sink the others
                logger.warning("%s: %s", name, error)
                failures[name] = error
                briefings.append(None)
            bar.update()
    if failures:
        raise BriefManyError(failures, briefings)
    return [b for b in briefings if b is not None]


def _default_workers() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        memory = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        memory = WORKER_MEMORY * 2
    return max(1, min(cores or 1, memory // WORKER_MEMORY))


def _run_dask(
    items: list[StoryInput],
    names: list[str],
    options: BriefingOptions,
    scheduler: str | Any,
    *,
    progress: bool | None,
    retries: int,
    n_workers: int | None,
) -> list[Briefing]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as error:
        raise InputError(
            f"scheduler={scheduler!r} needs dask.distributed, an optional extra: "
            "pip install 'summarize[distributed]' (or run with scheduler=None, in this process)."
        ) from error
    cluster = None
    if isinstance(scheduler, str) and scheduler == "dask":
        cluster = LocalCluster(
            n_workers=n_workers or _default_workers(),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        )
        client = Client(cluster)
    elif isinstance(scheduler, str):
        try:
            client = Client(scheduler, timeout="30s")
        except OSError as error:
            raise InputError(
                f"Cannot reach the Dask scheduler at {scheduler}: {error}. Start one with "
                "`dask scheduler` (and `dask worker ADDRESS` on each machine), or use "
                "scheduler='dask' for a local cluster."
            ) from error
    else:
        client = scheduler  # a distributed.Client the caller manages
    briefings: list[Briefing | None] = [None] * len(items)
    failures: dict[int, BaseException] = {}
    try:
        futures = {}
        for index, item in enumerate(items):
            try:
                articles = _articles(item)
            except SummarizeError as error:  # an input that cannot be loaded: named, not lost
                failures[index] = error
                continue
            future = client.submit(_brief_one, articles, options, retries=retries, pure=False)
            futures[future] = index
        with _bar(len(items), progress) as bar:
            bar.update(len(failures))
            for future in as_completed(futures):
                index = futures[future]
                try:
                    briefings[index] = future.result()
                except Exception as error:  # KilledWorker, or the story's own error
                    logger.warning("%s failed: %r", names[index], error)
                    failures[index] = error
                bar.update()
    finally:
        if client is not scheduler:
            client.close()
        if cluster is not None:
            cluster.close()
    if failures:
        raise BriefManyError({names[i]: failures[i] for i in sorted(failures)}, briefings)
    return [b for b in briefings if b is not None]
