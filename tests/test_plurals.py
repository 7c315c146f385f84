"""Counts read as English in every output: "1 outlet compared", "1 story", never "1 outlets"."""

from __future__ import annotations

import re

import pytest

from summarize import brief, compare
from summarize.inputs.loading import article_from_text
from summarize.pipeline.stories import group_stories
from summarize.render.stories import story_index

WRONG = re.compile(r"(?<![\d.,])1 (outlets|articles|stories|claims|words|sentences)\b")

FERRY = (
    "A passenger ferry sank off the northern coast on Tuesday morning, officials said.\n"
    "Thirty-one people died and twelve were rescued by fishing boats.\n"
    "The ferry was carrying about fifty passengers when it capsized in heavy seas."
)


@pytest.fixture(scope="module")
def one_outlet(embedder):
    article = article_from_text(FERRY, source="Coast Times")
    return brief([article], embedder=embedder), compare([article], embedder=embedder)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_one_outlet_is_one_outlet(one_outlet, fmt):
    from summarize.render import render

    briefing, comparison = one_outlet
    for text in (render(briefing, fmt), render(comparison, fmt)):
        assert WRONG.search(text) is None, WRONG.search(text)
    assert "1 outlet compared" in render(briefing, "markdown")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_one_story_is_one_story(embedder, fmt):
    pile = [
        article_from_text(FERRY, source="Coast Times"),
        article_from_text(FERRY.replace("Tuesday", "Tuesday, 4 May,"), source="Harbour Post"),
    ]
    stories = group_stories(pile, embedder=embedder)
    assert len(stories) == 1
    index = story_index(stories, [None], fmt)
    assert "1 story from 2 articles" in index
    assert WRONG.search(index) is None
