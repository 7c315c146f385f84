"""The sentence-to-article support model: does another article report a sentence's fact?

One invented story told by three outlets: a fact one outlet states in one sentence and another
splits over two, a sentence that only shares the story's topic, and a fact only one outlet
reports. Real default embedder and the shipped models.
"""

from __future__ import annotations

import numpy as np
import pytest

from summarize import compare
from summarize.comparison.alignment import align
from summarize.comparison.fact_support import FEATURES, support_features, support_model
from summarize.comparison.story_pairs import Story, score_pairs
from tests.comparison._articles import article

HERALD = article(
    "Valley Herald",
    [
        "Northbridge will close its central library in June.",
        "The central library of Northbridge will close in June because the town cannot pay for "
        "the repairs its leaking roof needs, Mayor Ilse Moravec said on Tuesday.",
        "The library opened in 1932 in a building designed by the architect Tomas Verhoef.",
        "A children's choir sang a farewell song in the reading room on Saturday evening.",
        "About 40,000 books will move to a school hall until a new site is found.",
    ],
)
POST = article(
    "Northbridge Post",
    [
        "Northbridge library to shut its doors.",
        "The central library will close in June, Mayor Ilse Moravec announced on Tuesday.",
        "She said the town had no money to repair the leaking roof.",
        "Readers in Northbridge have been borrowing books there for generations.",
        "The 40,000 books will be stored in a school hall for now.",
    ],
)
COURIER = article(
    "County Courier",
    [
        "Town library closing in June.",
        "Northbridge's central library is to close in June, Mayor Ilse Moravec said.",
        "The town cannot afford to mend the building's roof, which has been leaking for years.",
        "Its books are to be kept in a school hall.",
    ],
)
STORY = [HERALD, POST, COURIER]


@pytest.fixture(scope="module")
def alignment():
    return align(STORY)


def _stating(alignment, article: int, index: int) -> tuple[str, ...]:
    assert alignment.facts is not None
    return alignment.facts.stating(alignment, article, index)


def test_a_fact_split_over_two_sentences_is_cited(alignment) -> None:
    # The Herald's second sentence: the closure and its reason, which the Post states over its
    # second and third sentences.
    assert _stating(alignment, 0, 1) == ("Valley Herald", "Northbridge Post", "County Courier")


def test_a_sentence_sharing_only_the_topic_is_not_cited(alignment) -> None:
    # The library's history: no other outlet tells it, though all write about the library.
    assert _stating(alignment, 0, 2) == ("Valley Herald",)


def test_a_fact_only_one_outlet_reports_is_unique() -> None:
    comparison = compare(STORY)
    unique = [r.text for claim in comparison.unique["Valley Herald"] for r in claim.sentences]
    assert any("choir" in text for text in unique)
    shared_everywhere = "close in June because"
    assert not any(shared_everywhere in text for text in unique)


def test_features_cover_every_sentence_and_article() -> None:
    story = Story.of([a.sentences for a in STORY], [align([a]).vectors[0] for a in STORY])
    pairs, probability = score_pairs(story)
    table = support_features(story, pairs, probability)
    assert table.shape == (story.size, len(STORY), len(FEATURES))
    assert np.isfinite(table).all()
    support = support_model().probability(table)
    assert ((support >= 0) & (support <= 1)).all()


def test_features_are_the_same_when_computed_in_small_blocks(monkeypatch) -> None:
    # A long article is scored in blocks of rows so that memory stays bounded (a 9,000-sentence
    # article needed 4 GB at once), and the support model in blocks of articles (5,000 short
    # articles needed more than 24 GB); the blocks must not change the values.
    from summarize.comparison import fact_support, story_pairs

    story = Story.of([a.sentences for a in STORY], [align([a]).vectors[0] for a in STORY])
    pairs, probability = score_pairs(story)
    whole = support_features(story, pairs, probability)
    support = fact_support.fact_support(story, pairs, probability)
    monkeypatch.setattr(fact_support, "_CELLS", 7)  # one article and one row at a time
    monkeypatch.setattr(story_pairs, "_CELLS", 7)
    blocked_pairs, blocked_probability = score_pairs(story)
    assert np.array_equal(blocked_pairs, pairs)
    assert np.array_equal(blocked_probability, probability)
    # Cosines of a block of rows can differ from the whole product in the last float32 bit.
    np.testing.assert_allclose(support_features(story, pairs, probability), whole, atol=1e-6)
    for articles in (range(0, 1), range(1, len(STORY))):  # a block of the articles' columns
        np.testing.assert_allclose(
            support_features(story, pairs, probability, articles=articles),
            whole[:, articles.start : articles.stop],
            atol=1e-6,
        )
    np.testing.assert_allclose(
        fact_support.fact_support(story, pairs, probability), support, atol=1e-6
    )
