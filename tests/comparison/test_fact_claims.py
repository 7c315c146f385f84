"""claims="facts": the story-internal same-fact model groups what outlets say by fact.

One invented story told by three outlets, with each class of miss issue 29 lists: headline vs
body wording, a fact inside a longer sentence, a paraphrase, a name spelt two ways, a fact
split over two sentences, an outlet's second mention of a fact.
"""

from __future__ import annotations

import numpy as np
import pytest

from summarize import brief, compare
from summarize.comparison.alignment import align
from summarize.comparison.fact_claims import average_linkage, second_memberships
from summarize.comparison.fact_support import support_model
from summarize.comparison.story_pairs import FEATURES, Story, candidate_pairs, pair_features
from summarize.types import Article


def _article(source: str, sentences: list[str]) -> Article:
    return Article(
        source=source, title=sentences[0], text=" ".join(sentences), sentences=tuple(sentences)
    )


LEDGER = _article(
    "Daily Ledger",
    [
        "Harbour city bans cruise ships from its old port.",
        "The council of Valmora voted on Monday to ban large cruise ships from the old port, "
        "citing damage to the medieval sea wall.",
        "Mayor Elena Ruscova said the ban would take effect in March.",
        "Former president Mohamed Morsi was among the guests at the opening of the new terminal "
        "last year.",
        "Ships carrying more than 2,000 passengers will have to dock at the new terminal in "
        "Porto Nuevo.",
        "Shopkeepers in the old town fear they will lose customers.",
    ],
)
GAZETTE = _article(
    "Coast Gazette",
    [
        "Valmora council votes to keep giant cruise liners out of historic harbour.",
        "Valmora's council decided on Monday that large cruise ships may no longer enter the old "
        "port, after engineers warned that the medieval sea wall was crumbling.",
        "The ban starts in March, Mayor Elena Ruscova told reporters, and ships with more than "
        "2,000 passengers will be sent to the Porto Nuevo terminal instead.",
        "Mohamed Mursi, the former president, attended the terminal's opening last year.",
        "Local shop owners said they expected to lose customers.",
        "Later, the council said again that the old port is closed to large cruise ships.",
    ],
)
WIRE = _article(
    "Morning Wire",
    [
        "Cruise ships banned from Valmora old port.",
        "Large cruise ships will be banned from the old port of Valmora, the city council "
        "decided on Monday.",
        "The vote followed warnings about damage to the sea wall.",
        "Mayor Elena Ruscova said it would apply from March.",
        "Vessels with more than 2,000 passengers must use the new Porto Nuevo terminal.",
    ],
)
STORY = [LEDGER, GAZETTE, WIRE]


@pytest.fixture(scope="module")
def alignment(embedder):
    return align(STORY, embedder=embedder, claims="facts")


def _claim_of(alignment, article: int, index: int) -> set[tuple[int, int]]:
    for claim in alignment.compared_claims:
        members = {(r.article, r.index) for r in claim.sentences}
        if (article, index) in members:
            return members
    raise AssertionError("every sentence is in a claim")


def test_every_sentence_in_one_claim_or_two_when_it_states_two_facts(alignment):
    every = [(a, i) for a, art in enumerate(STORY) for i in range(len(art.sentences))]
    assert alignment.fact_claims is not None
    # The sentence claims (the digests' and disputes') hold each sentence once.
    assert sorted((r.article, r.index) for c in alignment.claims for r in c.sentences) == every
    in_fact_claims = [(r.article, r.index) for c in alignment.fact_claims for r in c.sentences]
    assert set(in_fact_claims) == set(every)
    assert max(in_fact_claims.count(s) for s in every) == 2
    # The Gazette's "The ban starts in March, ... and ships with more than 2,000 passengers
    # will be sent to the Porto Nuevo terminal" states two facts: it is in both claims.
    assert {(0, 2), (1, 2), (2, 3)} <= _claim_of(alignment, 0, 2)
    assert {(0, 4), (1, 2), (2, 4)} <= _claim_of(alignment, 0, 4)
    assert _claim_of(alignment, 0, 2) != _claim_of(alignment, 0, 4)
    assert alignment.facts is not None
    assert alignment.facts.best.shape == (sum(len(a.sentences) for a in STORY), 3)


def test_headlines_leads_and_a_second_mention_form_one_claim(alignment):
    # Headline vs body wording, and the Gazette's later restatement of the ban (an outlet's
    # second mention of a fact is not dropped by a one-sentence-per-outlet rule).
    claim = _claim_of(alignment, 0, 1)
    assert {(0, 0), (0, 1), (1, 1), (1, 5), (2, 0), (2, 1)} <= claim


def test_a_fact_inside_a_longer_sentence_joins_its_claim(alignment):
    assert {(0, 4), (1, 2), (2, 4)} <= _claim_of(alignment, 0, 4)


def test_name_variants_join(alignment):
    assert (1, 3) in _claim_of(alignment, 0, 3)  # Morsi / Mursi


def test_a_paraphrase_joins_where_the_cosine_rule_does_not(alignment, embedder):
    assert (1, 4) in _claim_of(alignment, 0, 5)  # shopkeepers / local shop owners
    by_sentence = align(STORY, embedder=embedder, claims="sentences")
    assert (1, 4) not in _claim_of(by_sentence, 0, 5)


def test_a_fact_split_over_two_sentences_is_found_stated(alignment):
    # The Wire states the vote and its reason in two sentences; the Ledger in one.
    assert "Daily Ledger" in alignment.facts.stating(alignment, 2, 2)


def test_merged_digest_sentence_cites_every_outlet_that_states_its_fact(embedder):
    briefing = brief(STORY, embedder=embedder, claims="facts")
    march = [s for s in briefing.digest.sentences if "March" in s.text]
    assert march
    for sentence in march:
        assert set(sentence.sources) == {"Daily Ledger", "Coast Gazette", "Morning Wire"}


def test_only_one_outlet_reports_leaves_out_what_another_outlet_states(embedder):
    comparison = compare(STORY, embedder=embedder, claims="facts")
    assert not any(comparison.unique.values())


def test_the_comparison_shows_fact_claims_and_the_digest_picks_from_sentence_claims(embedder):
    """Facts for what the comparison shows; one sentence per outlet for what the digest picks
    from (bigger claims would leave it fewer distinct sentences)."""
    by_fact = align(STORY, embedder=embedder, claims="facts")
    by_sentence = align(STORY, embedder=embedder, claims="sentences")
    assert [c.sentences for c in by_fact.claims] == [c.sentences for c in by_sentence.claims]
    assert by_sentence.fact_claims is None
    assert by_fact.compared_claims == by_fact.fact_claims
    comparison = compare(STORY, embedder=embedder, claims="facts")
    assert [c.sentences for c in comparison.claims] == [c.sentences for c in by_fact.fact_claims]
    assert len(comparison.claims) < len(by_sentence.claims)


def test_the_default_embedder_is_required_and_modes_are_checked(embedder):
    from summarize.errors import InputError

    with pytest.raises(InputError, match="facts"):
        align(STORY, embedder=embedder, claims="words")
    assert align(STORY, embedder=embedder, claims="facts", threshold=0.6).facts is None


def test_features_do_not_depend_on_which_other_pairs_are_scored(alignment):
    vectors = alignment.vectors
    story = Story.of([a.sentences for a in STORY], vectors)
    pairs = candidate_pairs(story)
    assert len(pairs) == story.size * (story.size - 1) // 2  # a small story: every pair
    every = pair_features(story, pairs)
    some = pair_features(story, pairs[::7])
    assert every.shape == (len(pairs), len(FEATURES))
    assert np.allclose(every[::7], some, atol=1e-5)
    large = candidate_pairs(story, max_full=0, top_k=3)  # each sentence's 3 closest
    assert len(large) <= story.size * 3


def test_average_linkage_merges_on_the_mean_not_a_chain():
    pairs = np.array([[0, 1], [1, 2]])
    # 0-1 and 1-2 are strong, 0-2 never scored (0): the mean of {0,1} with 2 is 0.45 < 0.5.
    labels = average_linkage(3, pairs, np.array([0.95, 0.9]), 0.5)
    assert labels[0] == labels[1] != labels[2]


def test_a_second_claim_is_the_best_group_of_other_outlets_above_the_bar():
    # Sentences 0, 1 (article 0), 2, 3 (article 1), 4 (article 2). Groups: {0, 2}, {1, 3}, {4}.
    owner = np.array([0, 0, 1, 1, 2])
    labels = [0, 1, 0, 1, 4]
    pairs = np.array([[0, 2], [1, 3], [2, 4], [0, 4], [3, 4], [1, 2], [0, 1]])
    probability = np.array([0.9, 0.9, 0.8, 0.7, 0.95, 0.6, 0.99])
    second = second_memberships(owner, pairs, probability, labels, 0.7)
    # 4 with {0, 2}: mean 0.75; with {1, 3}: (0 + 0.95) / 2 < 0.7: one second claim, the best.
    # 1 with {0, 2}: (0.99 + 0.6) / 2 = 0.795, though 0-1 is a pair within article 0.
    # 3 with {4}: 0.95; 0 and 2 with {4}: 0.7 and 0.8; 0 with {1, 3}: 0.495; 2 with {1, 3}: 0.3.
    assert second == [(0, 4), (1, 0), (2, 4), (3, 4), (4, 0)]
    assert second_memberships(owner, pairs, probability, labels, 0.96) == []
    # A group of the sentence's own article only is never its second claim.
    one_article = np.array([0, 0])
    assert second_memberships(one_article, np.array([[0, 1]]), np.array([1.0]), [0, 1], 0.5) == []


def test_claims_with_second_members_drop_absorbed_and_repeated_groups():
    from summarize.comparison.alignment import _claims
    from summarize.types import SentenceRef

    refs = [SentenceRef(article=a, index=0, text=f"S{a}", source=f"O{a}") for a in range(3)]
    sources = ("O0", "O1", "O2")

    def members(second: list[tuple[int, int]]) -> list[list[int]]:
        claims = _claims(refs, [0, 1, 2], sources, second=second)
        return [[r.article for r in c.sentences] for c in claims]

    # 0 and 1 took in each other's one sentence (a second bar below the linkage threshold):
    # one claim, not two.
    assert members([(0, 1), (1, 0)]) == [[0, 1], [2]]
    # 2 joined 0's group and has no group of its own left.
    assert members([(2, 0)]) == [[0, 2], [1]]
    assert members([]) == [[0], [1], [2]]


def test_sentence_claims_still_cite_every_outlet_that_states_the_fact(embedder):
    """The default keeps one sentence per outlet in a claim, yet a digest sentence cites every
    outlet the story-internal model finds stating its fact; "only one outlet reports" keeps
    the calibrated rule, and cite_facts=False gives the claim's outlets only."""
    plain = align(STORY, embedder=embedder, claims="sentences", cite_facts=False)
    cited = align(STORY, embedder=embedder, claims="sentences")
    assert plain.facts is None and cited.facts is not None
    assert [c.sentences for c in plain.claims] == [c.sentences for c in cited.claims]
    assert cited.facts.possibly_same == support_model().unique
    briefing = brief(STORY, embedder=embedder)
    march = [s for s in briefing.digest.sentences if "March" in s.text]
    assert march
    assert set(march[0].sources) == {"Daily Ledger", "Coast Gazette", "Morning Wire"}


def test_the_default_digest_is_the_sentence_digest_less_its_repeats(embedder):
    """The default ("facts") compares by fact; its merged digest picks from the same sentence
    claims as the sentence grouping's, and leaves out a repeat of a fact it states
    (summarizers.repeats): here the Gazette's closing restatement of the ban, and the Ledger's
    "the ban would take effect in March", which the Gazette's sentence of two facts (March,
    and the 2,000-passenger ships) states too."""
    by_default = brief(STORY, embedder=embedder)
    by_sentence = brief(STORY, embedder=embedder, claims="sentences")
    default = [s.text for s in by_default.digest.sentences]
    sentences = [s.text for s in by_sentence.digest.sentences]
    assert default == [t for t in sentences if t in default]
    assert set(sentences) - set(default) == {
        "Later, the council said again that the old port is closed to large cruise ships.",
        "Mayor Elena Ruscova said the ban would take effect in March.",
    }
    march = [s for s in by_default.digest.sentences if "March" in s.text]
    assert len(march) == 1 and "2,000 passengers" in march[0].text
    assert [c.sentences for c in by_default.comparison.claims] == [
        c.sentences for c in align(STORY, embedder=embedder).fact_claims
    ]
