"""A merged digest states each fact once (issue 29, item 6), with the real default models."""

from __future__ import annotations

import numpy as np
import pytest

from summarize import summarise
from summarize.comparison.alignment import align
from summarize.inputs.loading import article_from_text
from summarize.summarizers.repeats import repeat

ONE = (
    "A road bridge over the Varn river collapsed on Thursday afternoon, killing four workers "
    "and injuring eleven, the regional fire service said. "
    "Forty workers were pouring concrete on the Varn bridge deck when a support pier gave way "
    "shortly after two o'clock. "
    "The regional governor ordered an inquiry and closed two other bridges built by the same "
    "contractor. "
    "Divers searched the river until dark for two men who are still missing after the collapse."
)
TWO = (
    "Four construction workers died and eleven were hurt when a half-built bridge fell into the "
    "Varn river on Thursday. "
    "There were forty labourers on the half-built span when a concrete pillar failed shortly "
    "after two. "
    "Residents of the nearby town of Oslek said they had complained about cracks in the bridge "
    "pillars for months. "
    "The contractor, Mireval Construction, said it was cooperating fully with investigators "
    "after the collapse."
)


@pytest.fixture(scope="module")
def bridge():
    articles = [
        article_from_text(ONE, source="Outlet One", first_line_is_title=False),
        article_from_text(TWO, source="Outlet Two", first_line_is_title=False),
    ]
    return articles, align(articles)


def test_the_two_wordings_are_one_fact_but_two_sentence_claims(bridge):
    """The case this is about: the cosine rule keeps the two wordings apart (two claims the
    digest picks from), the story-internal model joins them."""
    _, alignment = bridge

    def joined(claims) -> bool:
        return any({(0, 1), (1, 1)} <= {(r.article, r.index) for r in c.sentences} for c in claims)

    assert not joined(alignment.claims)
    assert joined(alignment.fact_claims)


@pytest.mark.parametrize("max_words", [60, 100, 150])
def test_merged_digest_states_the_fact_once(bridge, max_words):
    articles, alignment = bridge
    digest = summarise(articles, max_words=max_words, alignment=alignment)
    texts = [s.text.lower() for s in digest.sentences]
    assert sum("forty" in t for t in texts) <= 1, texts
    assert sum("eleven" in t for t in texts) <= 1, texts
    if max_words >= 100:  # room for both shared facts and others besides
        assert sum("forty" in t for t in texts) == 1, texts
        assert len(texts) >= 4, texts


def test_the_lesser_of_two_chosen_pieces_stating_one_fact_is_skipped():
    facts = [{("a", 0)}, {("b", 1)}, {("a", 1), ("c", 1)}, {("c", 2)}, {("c", 1)}]
    scores = np.array([0.5, 0.9, 0.7, 0.7, 0.1])
    assert repeat([0, 1, 2], facts, scores) == 0  # 0 and 2 state "a"; 0 scores lower
    assert repeat([1, 2, 3], facts, scores) == 3  # "c": equal scores, the later is skipped
    assert repeat([1, 3], facts, scores) is None  # every fact once
    assert repeat([2, 4], facts, scores) is None  # "c" twice, but from one outlet
