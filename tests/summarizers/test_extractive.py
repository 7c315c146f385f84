"""Extractive digests on the bundled story, with the real default embedder."""

from __future__ import annotations

import numpy as np
import pytest

from summarize import summarise
from summarize.errors import InputError
from summarize.pipeline.digest import Digest, Limits, resolve_limits
from summarize.summarizers.coherence import shorter_forms
from summarize.summarizers.extractive import PER_SOURCE, select
from summarize.summarizers.features import lead_similarity, lexical_centrality


@pytest.fixture(scope="module")
def alignment(bundled_articles, embedder):
    from summarize.comparison.alignment import align

    return align(bundled_articles, embedder=embedder)


def _words(digest: Digest) -> int:
    return sum(len(s.text.split()) for s in digest.sentences)


@pytest.mark.parametrize("max_words", [25, 40, 75, 150])
def test_per_source_word_limit_is_exact_and_leads_with_the_lead(
    bundled_articles, embedder, max_words
):
    article = bundled_articles[1]
    digest = summarise(article, max_words=max_words, embedder=embedder)
    assert 0 < _words(digest) <= max_words
    assert digest.word_count == _words(digest)
    # News puts the story first: the article's lead opens the digest whenever it fits.
    lead = next(s for s in article.sentences if len(s.split()) >= PER_SOURCE.min_words)
    if len(lead.split()) <= max_words:
        assert digest.sentences[0].text == lead


@pytest.mark.parametrize("max_sentences", [1, 2, 4])
def test_sentence_limit_is_exact(bundled_articles, embedder, max_sentences):
    digest = summarise(bundled_articles[0], max_sentences=max_sentences, embedder=embedder)
    assert len(digest.sentences) == max_sentences


def test_ratio_is_a_share_of_the_sentences(bundled_articles, embedder):
    article = bundled_articles[0]
    digest = summarise(article, ratio=0.25, embedder=embedder)
    assert len(digest.sentences) == int(0.25 * len(article.sentences))
    tiny = summarise(article, ratio=0.001, embedder=embedder)
    assert len(tiny.sentences) == 1


def test_limits_combine_tightest_wins(bundled_articles, embedder):
    digest = summarise(bundled_articles[1], max_words=200, max_sentences=2, embedder=embedder)
    assert len(digest.sentences) <= 2
    assert _words(digest) <= 200


def test_per_source_sentences_are_verbatim_in_reading_order(bundled_articles, embedder):
    article = bundled_articles[1]
    digest = summarise(article, max_words=120, embedder=embedder)
    positions = [article.sentences.index(s.text) for s in digest.sentences]
    assert positions == sorted(positions)
    assert all(s.sources == (article.source,) and s.supported for s in digest.sentences)


def test_merged_digest_is_verbatim_cited_and_exact(bundled_articles, embedder, alignment):
    sources = {a.source for a in bundled_articles}
    for max_words in (30, 90, 160):
        digest = summarise(
            bundled_articles, max_words=max_words, embedder=embedder, alignment=alignment
        )
        assert 0 < _words(digest) <= max_words
        for sentence in digest.sentences:
            assert sentence.sources and set(sentence.sources) <= sources
            # Verbatim, or a shorter form: a verbatim prefix of a source sentence plus a full stop.
            owners = [
                a.source
                for a in bundled_articles
                if any(sentence.text == s or sentence.text in shorter_forms(s) for s in a.sentences)
            ]
            assert owners, f"not verbatim: {sentence.text!r}"
            assert set(owners) & set(sentence.sources)
        texts = [s.text for s in digest.sentences]
        assert len(set(texts)) == len(texts)


def test_merged_digest_cites_every_supporting_outlet(bundled_articles, embedder, alignment):
    """A digest sentence cites its claim's outlets and every outlet the story-internal model
    finds stating its fact (Alignment.facts, filled by default), and no other."""
    assert alignment.facts is not None
    digest = summarise(bundled_articles, max_words=160, embedder=embedder, alignment=alignment)
    by_text = {}
    for claim in alignment.claims:
        for ref in claim.sentences:
            stating = alignment.facts.stating(alignment, ref.article, ref.index)
            for text in (ref.text, *shorter_forms(ref.text)):  # a shorter form cites the same
                by_text.setdefault(text, set()).update(claim.sources, stating)
    assert any(len(s.sources) > 1 for s in digest.sentences)
    for sentence in digest.sentences:
        assert set(sentence.sources) == by_text[sentence.text]


def test_merged_ratio_counts_claims(bundled_articles, embedder, alignment):
    digest = summarise(bundled_articles, ratio=0.1, embedder=embedder, alignment=alignment)
    assert len(digest.sentences) == max(1, int(0.1 * len(alignment.claims)))


def test_raw_strings_and_determinism(bundled_articles, embedder):
    texts = [a.text for a in bundled_articles]
    first = summarise(texts, max_words=80, embedder=embedder)
    second = summarise(texts, max_words=80, embedder=embedder)
    assert first == second
    assert all(s.sources for s in first.sentences)
    single = summarise(texts[1], max_sentences=2, embedder=embedder)
    assert len(single.sentences) == 2
    assert str(single) == single.text == "\n".join(s.text for s in single.sentences)


def test_budget_smaller_than_any_sentence_gives_empty_digest(bundled_articles, embedder):
    digest = summarise(bundled_articles[1], max_words=1, embedder=embedder)
    assert digest.sentences == ()


@pytest.mark.parametrize(
    "options",
    [{"max_words": 0}, {"max_sentences": -1}, {"ratio": 0}, {"ratio": 1.5}, {"max_words": 2.5}],
)
def test_bad_limits_raise(options):
    with pytest.raises(InputError):
        resolve_limits(10, **options)


def test_unknown_method_raises(bundled_articles):
    with pytest.raises(InputError, match="extractive"):
        summarise(bundled_articles[0], method="magic")


def test_select_skips_what_does_not_fit_and_drops_duplicates():
    vectors = np.eye(4, dtype=np.float32)
    vectors[3] = vectors[0]  # candidate 3 repeats candidate 0
    scores = np.array([1.0, 0.9, 0.8, 0.95])
    chosen = select(scores, vectors, [5, 20, 4, 5], limits=Limits(max_words=10))
    assert chosen == [0, 2]  # 3 is a duplicate of 0; 1 does not fit; 2 does


def test_lexical_centrality_favours_the_story_s_shared_words():
    sentences = [
        "The council approved the harbour bridge budget on Monday.",
        "Critics of the harbour bridge budget say the council moved too fast.",
        "The harbour bridge budget now goes to the council's finance committee.",
        "Local weather stayed mild and sunny all week.",
    ]
    scores = lexical_centrality(sentences)
    assert scores.shape == (4,)
    assert scores.min() == scores[3] == 0.0  # shares no content word with the rest
    assert scores.max() == 1.0 and all(scores[i] > 0.5 for i in range(3))
    # Stop words alone do not make a sentence central.
    stop_words_only = lexical_centrality(["the and of", "of the and", "Budget vote."])
    assert stop_words_only.tolist() == [0.0, 0.0, 1.0]


def test_lead_similarity_is_closeness_to_the_first_content_sentences():
    vectors = np.array([[1, 0, 0], [0.8, 0.6, 0], [0, 0, 1], [0.6, 0.8, 0]], dtype=np.float32)
    content = np.array([True, True, True, True])
    scores = lead_similarity(vectors, content, lead=1)
    assert scores[0] == 1.0 and scores[2] == 0.0
    assert scores[1] > scores[3] > scores[2]
    # Non-content sentences (a dateline first) are not the lead.
    skipped = lead_similarity(vectors, np.array([False, False, True, True]), lead=1)
    assert skipped[2] == 1.0
    assert not lead_similarity(vectors, np.zeros(4, dtype=bool)).any()


def test_per_source_leaves_out_short_sentences_when_longer_ones_fit(bundled_articles, embedder):
    article = bundled_articles[1]
    digest = summarise(article, max_words=150, embedder=embedder)
    long_enough = [s for s in article.sentences if len(s.split()) >= PER_SOURCE.min_words]
    assert long_enough
    assert all(len(s.text.split()) >= PER_SOURCE.min_words for s in digest.sentences)


def test_an_articles_part_of_the_story_alignment_is_its_own_alignment(
    bundled_articles, embedder, alignment
):
    from summarize.comparison.alignment import align, article_alignment

    for k, article in enumerate(bundled_articles):
        own = align([article], embedder=embedder)
        part = article_alignment(alignment, k)
        assert part.sources == own.sources and part.claims == own.claims
        assert np.array_equal(part.vectors[0], own.vectors[0])
        assert np.array_equal(part.fact_overlap, own.fact_overlap)
        assert part.rule == own.rule


def test_digests_read_the_alignment_and_embed_nothing(bundled_articles, alignment):
    """Given the story's alignment, neither digest embeds a sentence again: not with the
    embedder passed in, and not with the alignment's model (here one that is not installed, so
    loading it would raise)."""
    import dataclasses

    from summarize.models.embeddings import Embedder

    fresh = Embedder()  # an empty cache: any encode() would show in encoded_count
    elsewhere = dataclasses.replace(alignment, embedder="not-installed/embedder")
    merged = summarise(bundled_articles, max_words=80, embedder=fresh, alignment=elsewhere)
    own = summarise(bundled_articles[2], max_words=60, embedder=fresh, alignment=elsewhere)
    assert fresh.encoded_count == 0
    assert merged.sentences and own.sentences
    assert all(s.sources == (bundled_articles[2].source,) for s in own.sentences)
