"""same_fact_probability(): the public same-fact decision, with the real default embedder."""

from __future__ import annotations

import re

import numpy as np
import pytest

from summarize import same_fact_probability
from summarize.comparison.alignment import align
from summarize.errors import InputError

GARDEN = [
    "Tomato plants need at least six hours of direct sunlight a day.",
    "Water them deeply twice a week rather than a little every day.",
]


@pytest.fixture(scope="module")
def alignment(bundled_articles, embedder):
    return align(bundled_articles, embedder=embedder)


def test_every_match_align_makes_is_at_least_even_odds(alignment, embedder):
    """align() and the public function apply one decision: its matches score >= 0.5."""
    left = [m.a.text for m in alignment.matches]
    right = [m.b.text for m in alignment.matches]
    probability = same_fact_probability(left, right, embedder=embedder)
    assert len(left) > 5
    assert probability.min() >= 0.5 - 1e-6


def test_agrees_with_align_on_each_sentences_best_match(bundled_articles, alignment, embedder):
    """For every sentence and every other outlet, its best match there passes align()'s rule
    exactly when the probability is >= 0.5 (both sides of the decision occur)."""
    left, right, passed = [], [], []
    rows = iter(range(len(alignment.best_scores)))  # best_scores rows: articles, then sentences
    for a, article in enumerate(bundled_articles):
        for i, text in enumerate(article.sentences):
            row = next(rows)
            for b, other in enumerate(bundled_articles):
                if b == a:
                    continue
                best = int(np.argmax(alignment.vectors[b] @ alignment.vectors[a][i]))
                left.append(text)
                right.append(other.sentences[best])
                passed.append(alignment.best_scores[row, b] >= alignment.threshold)
    probability = same_fact_probability(left, right, embedder=embedder)
    decided = probability >= 0.5
    assert 0 < sum(passed) < len(passed)
    near_tie = np.abs(probability - 0.5) < 1e-4
    assert np.array_equal(decided[~near_tie], np.array(passed)[~near_tie])


def test_paraphrase_high_other_story_low(embedder):
    said = "The aviation security deal was agreed after talks on terrorism, Downing Street said."
    paraphrase = (
        "Downing Street said the talks on terrorism ended with a deal on aviation security."
    )
    assert same_fact_probability(said, paraphrase, embedder=embedder) > 0.8
    for other in GARDEN:
        assert same_fact_probability(said, other, embedder=embedder) < 0.1


def test_one_pair_gives_a_float_sequences_an_array(embedder):
    one = same_fact_probability(GARDEN[0], GARDEN[1], embedder=embedder)
    assert isinstance(one, float) and 0.0 <= one <= 1.0
    many = same_fact_probability(GARDEN, list(reversed(GARDEN)), embedder=embedder)
    assert isinstance(many, np.ndarray) and many.shape == (2,) and many.dtype == np.float64
    assert many[0] == pytest.approx(one, abs=1e-6)
    assert many[0] == pytest.approx(many[1], abs=1e-6)  # symmetric
    assert same_fact_probability((), [], embedder=embedder).shape == (0,)


def test_identical_sentences_are_near_certain(embedder):
    assert same_fact_probability(GARDEN[0], GARDEN[0], embedder=embedder) > 0.95


def test_embedder_by_name_is_the_shared_default(embedder):
    by_name = same_fact_probability(GARDEN[0], GARDEN[1], embedder=embedder.model_name)
    assert by_name == same_fact_probability(GARDEN[0], GARDEN[1])


@pytest.mark.parametrize(
    ("a", "b", "message"),
    [
        ("one sentence.", ["a list"], "two strings or two sequences"),
        (["one", "two"], ["one"], "got 2 and 1 sentences"),
        (["one", 2], ["one", "two"], "a[1] is of type 'int'"),
        (["one"], [None], "b[0] is of type 'NoneType'"),
    ],
)
def test_bad_arguments_say_what_to_pass(a, b, message):
    with pytest.raises(InputError, match=re.escape(message)):
        same_fact_probability(a, b)
