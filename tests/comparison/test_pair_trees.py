"""The boosted trees that group a story's sentences into fact claims (comparison.pair_trees),
and the strongest-pair bar of the average linkage that reads them."""

from __future__ import annotations

import numpy as np
import pytest

from summarize.comparison.fact_claims import average_linkage
from summarize.comparison.pair_trees import GROUP_FEATURES, PairTrees, extra_features, pair_trees
from summarize.comparison.story_pairs import Story, candidate_pairs, pair_features

SENTENCES = [
    [
        "Storm Idris cut power to 40,000 homes in Norland on Sunday.",
        "Engineers from Norgrid worked through the night to restore supplies.",
        "The town's annual cheese fair will go ahead next week as planned.",
    ],
    [
        "About 40,000 Norland households lost electricity when Storm Idris struck on Sunday.",
        "Norgrid said its crews were working overnight to reconnect customers.",
    ],
]


@pytest.fixture(scope="module")
def story(embedder) -> Story:
    vectors = [np.asarray(embedder.encode(doc), dtype=np.float32) for doc in SENTENCES]
    return Story.of(SENTENCES, vectors)


def _probability(story: Story) -> dict[tuple[int, int], float]:
    pairs = candidate_pairs(story)
    features = np.hstack([pair_features(story, pairs), extra_features(story, pairs)])
    assert features.shape == (len(pairs), len(GROUP_FEATURES))
    found = pair_trees().probability(features)
    assert ((found >= 0) & (found <= 1)).all()
    return {(int(a), int(b)): float(p) for (a, b), p in zip(pairs, found, strict=True)}


def test_the_shipped_trees_rank_a_shared_fact_above_an_unrelated_sentence(story):
    p = _probability(story)
    # global indices: outlet 0 is 0-2, outlet 1 is 3-4
    assert p[(0, 3)] > 0.5  # the outage: shared storm, place, number
    assert p[(0, 3)] > p[(2, 3)] and p[(1, 4)] > p[(2, 4)]  # the cheese fair states neither


def test_strongest_pair_bar_keeps_a_diffuse_group_apart():
    # Three items, every pair 0.7: the means pass 0.6, but no pair reaches 0.8.
    pairs = np.array([[0, 1], [0, 2], [1, 2]])
    weights = np.array([0.7, 0.7, 0.7])
    assert len(set(average_linkage(3, pairs, weights, 0.6))) == 1
    assert len(set(average_linkage(3, pairs, weights, 0.6, strongest=0.8))) == 3
    # The bar is on the best pair between the two groups: 0 and 1 merge through their 0.9;
    # the third joins them only through a pair of its own that reaches the bar.
    labels = average_linkage(3, pairs, np.array([0.9, 0.7, 0.7]), 0.6, strongest=0.8)
    assert labels[0] == labels[1] != labels[2]
    labels = average_linkage(3, pairs, np.array([0.9, 0.85, 0.5]), 0.6, strongest=0.8)
    assert labels[0] == labels[1] == labels[2]


def _tree(**fields: list) -> dict:
    return {"missing_left": [1] * len(fields["leaf"]), **fields}


def test_trees_from_json_walk_to_their_leaves():
    # Tree 1: x0 <= 0.5 -> -1 else (x1 <= 2 -> 0.5 else 2); tree 2: a single leaf 0.25.
    data = {
        "features": list(GROUP_FEATURES),
        "base": 0.1,
        "threshold": 0.6,
        "strongest": 0.8,
        "trees": [
            _tree(
                feature=[0, 0, 1, 0, 0],
                cut=[0.5, 0.0, 2.0, 0.0, 0.0],
                left=[1, 0, 3, 0, 0],
                right=[2, 0, 4, 0, 0],
                leaf=[0, 1, 0, 1, 1],
                value=[0.0, -1.0, 0.0, 0.5, 2.0],
            ),
            _tree(feature=[0], cut=[0.0], left=[0], right=[0], leaf=[1], value=[0.25]),
        ],
    }
    trees = PairTrees.from_dict(data)
    x = np.zeros((3, len(GROUP_FEATURES)))
    x[:, 0] = [0.5, 1.0, 1.0]
    x[:, 1] = [9.0, 2.0, 3.0]
    raw = 0.1 + 0.25 + np.array([-1.0, 0.5, 2.0])
    assert np.allclose(trees.probability(x), 1 / (1 + np.exp(-raw)))
    with pytest.raises(ValueError, match="finite"):
        trees.probability(np.full((1, len(GROUP_FEATURES)), np.nan))
    with pytest.raises(ValueError, match="refit"):
        PairTrees.from_dict({**data, "features": ["cos"]})


def test_exported_trees_give_scikit_learns_probabilities():
    from sklearn.ensemble import HistGradientBoostingClassifier

    from benchmarks.fit_pair_trees import export

    rng = np.random.default_rng(0)
    x = rng.normal(size=(3000, len(GROUP_FEATURES)))
    y = x[:, 0] + 0.5 * x[:, 3] * x[:, 5] + rng.normal(scale=0.5, size=3000) > 0.3
    model = HistGradientBoostingClassifier(max_iter=40, max_leaf_nodes=15, random_state=0)
    model.fit(x, y)
    trees = PairTrees.from_dict(export(model, 0.6, 0.8))
    assert np.allclose(trees.probability(x), model.predict_proba(x)[:, 1], atol=1e-12)


def test_grouping_by_trees_is_an_option_and_the_digest_keeps_the_logistic_groups(embedder):
    """FACT_GROUPING="trees": the comparison's fact claims come from the trees (here the three
    outlets' headline and lead of the outage in one claim), the digest's repeat groups stay
    the logistic model's; an unknown grouping is refused."""
    from summarize.comparison.fact_claims import fact_scores

    vectors = [np.asarray(embedder.encode(doc), dtype=np.float32) for doc in SENTENCES]
    story = Story.of(SENTENCES, vectors)
    by_trees = fact_scores(story, grouping="trees")
    by_logistic = fact_scores(story, grouping="logistic")
    assert by_trees.repeat_labels == by_logistic.repeat_labels == by_logistic.labels
    assert by_trees.labels[0] == by_trees.labels[3]  # the outage, both outlets
    assert by_trees.labels[2] not in {by_trees.labels[i] for i in (0, 1, 3, 4)}  # the fair
    assert np.array_equal(by_trees.best, by_logistic.best)  # citations read the logistic model
    with pytest.raises(ValueError, match="trees"):
        fact_scores(story, grouping="forest")
