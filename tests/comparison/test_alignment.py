"""align(): cross-source matches, claims and the document overlap matrix, with the real embedder."""

from __future__ import annotations

import numpy as np
import pytest

from summarize.comparison.alignment import align
from summarize.comparison.calibration import (
    same_fact,
    same_fact_params,
    same_fact_threshold,
    word_set,
)
from summarize.errors import InputError
from summarize.types import Article


def _article(source: str, sentences: list[str]) -> Article:
    return Article(
        source=source, title=source, text=" ".join(sentences), sentences=tuple(sentences)
    )


@pytest.fixture(scope="module")
def alignment(bundled_articles, embedder):
    return align(bundled_articles, embedder=embedder)


def test_similarity_matrix_shape_symmetry_and_self(alignment, bundled_articles):
    sim = alignment.fact_overlap
    n = len(bundled_articles)
    assert sim.shape == (n, n) == (3, 3)
    assert np.allclose(sim, sim.T)
    assert np.allclose(np.diag(sim), 1.0)
    for row in range(n):
        others = np.delete(sim[row], row)
        assert sim[row, row] > others.max()
    # Three reports of one story share a real part of their content (the seeds are short and
    # noisy: teasers, promos; about a fifth of their sentences match across outlets).
    assert sim[~np.eye(n, dtype=bool)].min() > 0.15


def test_every_sentence_in_exactly_one_claim(alignment, bundled_articles):
    seen = [(ref.article, ref.index) for claim in alignment.claims for ref in claim.sentences]
    expected = [(a, i) for a, art in enumerate(bundled_articles) for i in range(len(art.sentences))]
    assert sorted(seen) == expected
    for claim in alignment.claims:
        articles = [ref.article for ref in claim.sentences]
        assert len(articles) == len(set(articles)), "at most one sentence per source per claim"
        assert claim.sources == tuple(alignment.sources[a] for a in sorted(set(articles)))
    firsts = [(c.sentences[0].article, c.sentences[0].index) for c in alignment.claims]
    assert firsts == sorted(firsts), "claims are ordered by first appearance"


def test_aviation_security_claim_is_shared_by_all(alignment):
    claims = [
        c
        for c in alignment.claims
        if any("aviation security" in ref.text for ref in c.sentences) and c.support == 3
    ]
    assert len(claims) == 1
    assert all("terror" in ref.text for ref in claims[0].sentences)


def test_matches_are_cross_source_and_pass_the_same_fact_rule(alignment, embedder):
    rule = same_fact(embedder.model_name)
    assert (alignment.threshold, alignment.overlap_weight) == (rule.threshold, rule.overlap_weight)
    assert alignment.matches
    for match in alignment.matches:
        assert match.a.article != match.b.article
        words = word_set(match.a.text), word_set(match.b.text)
        assert rule.score(match.score, *words) >= alignment.threshold - 1e-6
        assert (match.a.article, match.a.index) < (match.b.article, match.b.index)


def test_unrelated_texts_score_far_below_same_story(alignment, embedder):
    unrelated = _article(
        "Garden weekly",
        [
            "Tomato plants need at least six hours of direct sunlight a day.",
            "Water them deeply twice a week rather than a little every day.",
            "A layer of mulch keeps the soil moist and suppresses weeds.",
            "Pinch out side shoots on cordon varieties to get bigger fruit.",
        ],
    )
    same_story = alignment.fact_overlap[0, 2]
    story = _article("Story", [ref.text for ref in alignment.claims[0].sentences])
    mixed = align([story, unrelated], embedder=embedder)
    assert mixed.fact_overlap[0, 1] < 0.05
    assert same_story - mixed.fact_overlap[0, 1] > 0.15
    assert all(c.support == 1 for c in mixed.claims)


def test_deterministic(bundled_articles, embedder, alignment):
    again = align(bundled_articles, embedder=embedder)
    assert again.claims == alignment.claims
    assert again.matches == alignment.matches
    assert np.array_equal(again.fact_overlap, alignment.fact_overlap)


def test_threshold_controls_grouping(bundled_articles, embedder, alignment):
    loose = align(bundled_articles, embedder=embedder, threshold=0.3)
    strict = align(bundled_articles, embedder=embedder, threshold=0.99)
    assert len(loose.claims) < len(alignment.claims) < len(strict.claims)
    assert strict.threshold == 0.99


def test_calibrated_thresholds_are_loaded():
    params = same_fact_params()
    assert 0.3 < params["claim_threshold"] <= params["paraphrase_threshold"] < 0.95
    assert same_fact_threshold() == params["claim_threshold"]


@pytest.mark.slow  # 4,000 sentences
def test_scales_to_many_articles(bundled_articles, embedder):
    """100 articles x 40 sentences (reusing the story's cached vectors): a worst case for
    chaining, since every sentence has a near-copy in every other article."""
    pool = [text for article in bundled_articles for text in article.sentences]
    rng = np.random.default_rng(0)
    articles = [
        _article(f"outlet {a}", [pool[i] for i in sorted(rng.choice(len(pool), 40, replace=False))])
        for a in range(100)
    ]
    embedder.encode(pool)  # the story's sentences, embedded once (cached from here on)
    before = embedder.encoded_count
    result = align(articles, embedder=embedder)
    assert embedder.encoded_count == before, "align() embedded cached sentences again"
    assert result.fact_overlap.shape == (100, 100)
    assert sum(len(c.sentences) for c in result.claims) == 4000
    for claim in result.claims:
        assert len({ref.article for ref in claim.sentences}) == len(claim.sentences)


def test_empty_input_raises():
    with pytest.raises(InputError, match="at least one article"):
        align([])


def test_word_overlap_keeps_same_topic_sentences_apart(embedder):
    """Static vectors score two sentences on one topic high; the calibrated rule needs shared
    words too, so different facts about the same story are not matched."""
    left = _article(
        "A",
        [
            "The prime minister spoke to the Russian president by telephone on Saturday.",
            "Sanctions against Moscow were extended by the European Union last year.",
        ],
    )
    right = _article(
        "B",
        [
            "The prime minister and the Russian president spoke on the telephone on Saturday.",
            "Diplomats expect a long winter of negotiations over gas supplies to Europe.",
        ],
    )
    result = align([left, right], embedder=embedder)
    pairs = {(m.a.index, m.b.index) for m in result.matches}
    assert pairs == {(0, 0)}


def test_share_of_matched_facts_counts_a_sentence_of_two_facts_once():
    """Three outlets; outlet 0's first sentence states two facts (in two claims, both with
    outlet 1): it counts once towards outlet 1, and once towards outlet 2 (only the second
    claim has 2). Outlet 0 has 2 sentences, 1 has 2, 2 has 1."""
    from summarize.comparison.alignment import _claim_overlap
    from summarize.types import Claim, SentenceRef

    def ref(article: int, index: int) -> SentenceRef:
        return SentenceRef(
            article=article, index=index, text=f"s{article}{index}", source=str(article)
        )

    first = Claim(sentences=(ref(0, 0), ref(1, 0)), sources=("0", "1"))
    second = Claim(sentences=(ref(0, 0), ref(1, 1), ref(2, 0)), sources=("0", "1", "2"))
    alone = Claim(sentences=(ref(0, 1),), sources=("0",))
    share = _claim_overlap([first, second, alone], np.array([2, 2, 1]))
    # 0 with 1: 1 of 0's 2 sentences, 2 of 1's 2 sentences; 0 with 2: 1/2 and 1/1;
    # 1 with 2: 1/2 and 1/1.
    expected = np.array([[1.0, 0.75, 0.75], [0.75, 1.0, 0.75], [0.75, 0.75, 1.0]])
    np.testing.assert_allclose(share, expected)
