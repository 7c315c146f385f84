"""Counts in words: one helper, so no output says "1 outlets" or "2 story"."""

from __future__ import annotations

import pytest

from summarize.wording import counted, plural


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [
        (1, "outlet", "1 outlet"),
        (2, "outlet", "2 outlets"),
        (0, "outlet", "0 outlets"),
        (1, "story", "1 story"),
        (3, "story", "3 stories"),
        (2, "day", "2 days"),
        (2, "match", "2 matches"),
        (2, "claim", "2 claims"),
        (10_000, "article", "10000 articles"),
    ],
)
def test_counted(count, noun, expected):
    assert counted(count, noun) == expected


def test_an_irregular_plural_is_given():
    assert plural(2, "copy of it", "copies of it") == "copies of it"
    assert plural(1, "copy of it", "copies of it") == "copy of it"
