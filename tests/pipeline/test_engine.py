"""brief_many: in-process and on a Dask cluster started here (127.0.0.1, 2 worker processes)
give byte-identical briefings, and a worker killed mid-run loses no story."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest

from summarize import brief_many, group_stories, load_articles
from summarize.errors import InputError
from summarize.pipeline.batch import BriefManyError, story_name

ROOT = Path(__file__).resolve().parents[2]
MIXED = ROOT / "articles" / "mixed-news-day"
BUNDLED = ROOT / "articles" / "may-putin-2016"


@pytest.fixture(scope="module")
def stories():
    return group_stories(load_articles([MIXED, BUNDLED]))


@pytest.fixture(scope="module")
def here(stories):
    return [b.to_json() for b in brief_many(stories, progress=False)]


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as local:
        yield local


def test_in_process_briefs_every_story_in_order(stories, here):
    assert len(here) == len(stories) == 4
    for story, text in zip(stories, here, strict=True):
        assert story.briefing_articles()[0].source in text


@pytest.mark.slow  # a Dask cluster: separate processes
def test_a_dask_cluster_gives_byte_identical_json(stories, here, cluster):
    remote = brief_many(stories, scheduler=cluster.scheduler_address, progress=False)
    assert [b.to_json() for b in remote] == here


@pytest.mark.slow  # a Dask cluster: separate processes
def test_a_worker_killed_mid_run_loses_no_story(stories, here, cluster):
    from distributed import Client

    # More work than workers, so the kill lands while stories are queued and running.
    work = list(stories) * 3
    expected = here * 3
    with Client(cluster.scheduler_address) as watcher:
        pids = watcher.run(os.getpid)
        result: dict[str, object] = {}

        def run() -> None:
            try:
                result["briefings"] = brief_many(
                    work, scheduler=cluster.scheduler_address, progress=False
                )
            except BaseException as error:  # reported below, with the names it carries
                result["error"] = error

        thread = threading.Thread(target=run)
        thread.start()
        deadline = time.monotonic() + 120
        busy: list[str] = []
        while time.monotonic() < deadline and not busy:
            busy = [w for w, tasks in watcher.processing().items() if tasks]
            time.sleep(0.05)
        assert busy, "no worker started a story"
        os.kill(pids[busy[0]], signal.SIGKILL)
        thread.join(timeout=600)
        assert not thread.is_alive()
    # Dask re-runs the tasks the dead worker held (the nanny restarts it): every story comes
    # back, the same bytes as in-process.
    assert "error" not in result, result.get("error")
    assert [b.to_json() for b in result["briefings"]] == expected


@pytest.mark.parametrize(
    "where",
    ["here", pytest.param("dask", marks=pytest.mark.slow)],  # dask: separate processes
)
def test_a_story_that_fails_is_reported_by_name(stories, where, request):
    bundled = load_articles(BUNDLED)
    broken = [bundled[0], bundled[0]]  # two articles with one source label: brief() refuses
    # The cluster is started only for the dask case (make test-fast starts no cluster).
    scheduler = request.getfixturevalue("cluster").scheduler_address if where == "dask" else None
    with pytest.raises(BriefManyError) as caught:
        brief_many([stories[1], broken], scheduler=scheduler, progress=False, retries=0)
    error = caught.value
    assert list(error.failures) == [f"story 2: {bundled[0].title}"]
    assert str(error).count("story 2") == 1
    assert error.briefings[0] is not None and error.briefings[1] is None


def test_unknown_scheduler_and_no_stories_are_clear_errors(stories):
    with pytest.raises(InputError, match="scheduler"):
        brief_many(stories, scheduler="yarn")
    with pytest.raises(InputError, match="No stories"):
        brief_many([])


def test_folders_and_article_lists_work_too(stories, here):
    from summarize import brief

    [from_folder] = brief_many([BUNDLED], progress=False)
    assert from_folder.to_json() == brief(load_articles(BUNDLED), progress=False).to_json()
    assert story_name(BUNDLED, 0) == f"story 1: {BUNDLED}"
    assert story_name(stories[0], 1).startswith("story 2: ")


def test_without_the_distributed_extra_the_error_names_it(monkeypatch):
    """dask is an optional extra: a scheduler without it says which extra to install."""
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now fails
    with pytest.raises(InputError, match=r"pip install 'summarize\[distributed\]'"):
        brief_many([BUNDLED], scheduler="dask", progress=False)
