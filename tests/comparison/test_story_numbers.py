"""The pair model reads numbers by value: one figure written two ways is a shared number."""

from __future__ import annotations

import numpy as np
import pytest

from summarize.comparison.story_pairs import FEATURES, Story, numbers_of, pair_features


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("The economy added 943K jobs in July.", "Payrolls rose by 943,000 in July."),
        ("The council approved a $1.2bn budget.", "The budget of $1.2 billion was approved."),
        ("About 9.2 million people watched.", "The final drew 9,200,000 viewers."),
        ("Fines reached £3m last year.", "Last year's fines came to £3 million."),
    ],
)
def test_one_figure_written_two_ways_is_one_number(left, right):
    assert numbers_of(left) == numbers_of(right) != frozenset()


def test_different_figures_and_units_stay_apart():
    assert numbers_of("The tower is 5m tall.") == {"5"}  # metres, not millions
    assert numbers_of("943 jobs were added.") != numbers_of("943,000 jobs were added.")
    assert numbers_of("In 2020, 1,000 people came.") == {"2020", "1000"}


def test_the_pair_features_count_it_as_shared(embedder):
    sentences = [
        ["US economy adds 943K jobs in July, blowing past expectations."],
        ["Nonfarm payrolls increased by 943,000 in July, the Labor Department said."],
    ]
    vectors = [np.asarray(embedder.encode(doc), dtype=np.float32) for doc in sentences]
    features = pair_features(Story.of(sentences, vectors), np.array([[0, 1]]))
    row = dict(zip(FEATURES, features[0], strict=True))
    assert row["num_sh"] == 1 and row["num_diff"] == 0
