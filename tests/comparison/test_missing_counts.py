"""Counts of the missing in the common copular shapes ("15 people are still missing", "nine are
missing"): spaCy parses "missing" as a verb lemmatised to "miss", or puts the auxiliary between
the number and "missing"; both are read as the missing topic, so two outlets' figures compare."""

from __future__ import annotations

import pytest

from summarize.comparison import details
from summarize.comparison.comparison import compare
from summarize.models.registry import load_spacy
from tests.comparison._articles import article


@pytest.mark.parametrize(
    ("sentence", "keys"),
    [
        ("The parish council says 40 people are still missing after the mudslide.", {"T:missing"}),
        ("Two are dead and three are missing after the flood.", {"T:deaths", "T:missing"}),
        ("Eleven are still missing in the flooded valley.", {"T:missing"}),
        ("Four are in custody after the raid on the warehouse.", {"T:arrests"}),
    ],
)
def test_missing_counts_are_read_as_missing(sentence, keys):
    doc = load_spacy()(sentence)
    found = set().union(*(number.keys for number in details.numbers(doc)))
    assert keys <= found, (sentence, found)


def test_missing_counts_of_two_outlets_are_a_dispute(embedder):
    articles = [
        article(
            "Valley Echo",
            ["The parish council says 40 people are still missing after the mudslide in Orvale."],
        ),
        article(
            "Hill Gazette",
            ["Police said 25 people were still missing after the mudslide in Orvale on Sunday."],
        ),
    ]
    comparison = compare(articles, embedder=embedder, collapse_copies=False)
    missing = [d for d in comparison.disputes if d.heading == "Missing"]
    assert len(missing) == 1, [d.describe() for d in comparison.disputes]
    assert {v.value for v in missing[0].values} == {"40 people", "25 people"}
