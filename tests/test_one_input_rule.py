"""One input rule: ``brief``, ``compare`` and ``summarise`` accept the same inputs (Article
objects, raw texts, files, folders, any iterable of them) and refuse the same ones with the
same error and message."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize import brief, compare, summarise
from summarize.errors import ArticleNotFoundError, FetchError, InputError
from summarize.inputs.loading import article_from_text, load_articles

FERRY = (
    "Ferry sinks off the coast\n"
    "A passenger ferry sank off the northern coast on Tuesday morning, officials said.\n"
    "Thirty-one people died and twelve were rescued by fishing boats.\n"
)
STORM = (
    "Storm hits ferry route\n"
    "A ferry went down near the northern coast early on Tuesday, the coast guard said.\n"
    "At least 29 people were killed, and rescuers pulled twelve survivors from the water.\n"
)
ENTRY_POINTS = [brief, compare, summarise]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("story")
    (where / "a.txt").write_text(FERRY, encoding="utf-8")
    (where / "b.txt").write_text(STORM, encoding="utf-8")
    return where


def _inputs(folder: Path) -> dict[str, object]:
    files = sorted(folder.glob("*.txt"))
    articles = load_articles(folder)
    return {
        "folder as str": str(folder),
        "folder as Path": folder,
        "list of files": [str(f) for f in files],
        "list of Paths": files,
        "list of texts": [FERRY, STORM],
        "list of Articles": articles,
        "tuple of Articles": tuple(articles),
        "generator of Articles": (a for a in articles),
        "Articles and texts mixed": [articles[0], STORM],
    }


KINDS = [
    "folder as str",
    "folder as Path",
    "list of files",
    "list of Paths",
    "list of texts",
    "list of Articles",
    "tuple of Articles",
    "generator of Articles",
    "Articles and texts mixed",
]


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("kind", KINDS)
def test_every_entry_point_takes_every_input(folder, embedder, entry, kind):
    result = entry(_inputs(folder)[kind], embedder=embedder)
    outlets = (
        result.sources
        if hasattr(result, "sources")
        else {s for x in result.sentences for s in x.sources}
    )
    assert len(set(outlets)) == 2, outlets


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=lambda f: f.__name__)
def test_one_article_text_or_file(folder, embedder, entry):
    for one in (article_from_text(FERRY, source="Coast Times"), FERRY, folder / "a.txt"):
        entry(one, embedder=embedder)


BAD = {
    "empty list": ([], InputError),
    "None": (None, InputError),
    "a number": (42, InputError),
    "a mapping": ({"text": FERRY}, InputError),
    "bytes": (FERRY.encode(), InputError),
    "a list holding a number": ([FERRY, 3], InputError),
    "a missing file": ("no/such/story.txt", ArticleNotFoundError),
    "one source name twice": (
        [article_from_text(FERRY, source="X"), article_from_text(STORM, source="X")],
        InputError,
    ),
    "a URL that cannot be fetched": ("http://127.0.0.1:9/story", FetchError),
}


@pytest.mark.parametrize("kind", list(BAD))
def test_the_same_input_is_refused_the_same_way(embedder, kind):
    value, error = BAD[kind]
    messages = set()
    for entry in ENTRY_POINTS:
        with pytest.raises(error) as raised:
            entry(value, embedder=embedder)
        messages.add(str(raised.value))
    assert len(messages) == 1, messages
