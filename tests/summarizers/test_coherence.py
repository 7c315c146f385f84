"""Readable merged digests: no dangling openers, no stray quotes, the lead fact first (issue 15)."""

from __future__ import annotations

import numpy as np
import pytest

from summarize import load_articles, summarise
from summarize.pipeline.digest import Limits
from summarize.summarizers.coherence import (
    opens_with_reference,
    shorter_forms,
    stray_quote_start,
)
from summarize.summarizers.selection import fill_budget


@pytest.mark.parametrize(
    "sentence",
    [
        "He said the plan would go ahead.",
        "But the council rejected it.",
        "This was the third vote this year.",
        "However, the mayor disagreed.",
        "In addition, two roads will close.",
        '"They never asked us," a resident said.',
    ],
)
def test_reference_openers(sentence):
    assert opens_with_reference(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The council rejected the plan.",
        "Theresa May spoke to Vladimir Putin.",
        "Thessaloniki hosted the summit.",  # starts with "The", "This"... but is a name
        "Heavy rain closed two roads.",
    ],
)
def test_sentences_that_stand_alone(sentence):
    assert not opens_with_reference(sentence)


@pytest.mark.parametrize(
    ("sentence", "stray"),
    [
        ('"We will rebuild," the mayor said.', False),
        ("“We will rebuild,” the mayor said.", False),
        ("‘Not true’: council denies report.", False),
        ('"We will rebuild. Nobody will stop us.', True),  # the quotation closes later
        ("” the mayor said on Friday.", True),
        ("'' The mayor said on Friday.", True),
        ('" The mayor said on Friday.', True),
        ("The mayor said on Friday.", False),
    ],
)
def test_stray_quote_start(sentence, stray):
    assert stray_quote_start(sentence) is stray


def test_fill_budget_takes_one_alternative_of_a_group():
    # Candidates 0 and 1 are one sentence and its shorter form (same group, same vector).
    vectors = np.array([[1, 0, 0], [1, 0, 0], [0, 1, 0]], dtype=np.float32)
    relevance = np.array([1.0, 1.0, 0.8])
    chosen = fill_budget(
        relevance, vectors, [20, 12, 18], limits=Limits(max_words=30), groups=[0, 0, 1]
    )
    assert chosen == [1, 2]  # the shorter form makes room for the other sentence
    chosen = fill_budget(
        relevance, vectors, [20, 12, 18], limits=Limits(max_words=60), groups=[0, 0, 1]
    )
    assert chosen == [0, 2]  # room for the whole sentence: never both forms


@pytest.mark.parametrize(
    ("sentence", "forms"),
    [
        (
            "The river rose by two metres in six hours, the town council said.",
            ["The river rose by two metres in six hours."],
        ),
        (
            "Two thousand residents left their homes on Tuesday, according to the police.",
            ["Two thousand residents left their homes on Tuesday."],
        ),
        (
            "The council closed the bridge over the river on Tuesday, after engineers found "
            "cracks in two of its piers.",
            ["The council closed the bridge over the river on Tuesday."],
        ),
        ('"We had no warning at all," a resident said.', []),  # a quotation stays whole
        # the speaker of a quotation stays with its verb: not '..., the chief executive, Owen
        # Pryce.'
        (
            '"Everyone at Tallis Line is devastated," the company\'s chief executive, Owen '
            "Pryce, said in a statement.",
            [],
        ),
        ("The man, who was 45, died in hospital on Sunday.", []),  # not a trailing clause
        ("Officials said the flood was the worst since 1953.", []),
        # "reported by ..., that ..." carries the statement itself: cutting it would leave
        # "The foreign minister said in a recorded interview." (an attribution has no "that").
        (
            "The foreign minister said in a recorded interview, reported by the Times on Sunday, "
            "that the plan for the new bridge had failed.",
            [],
        ),
    ],
)
def test_shorter_forms_are_verbatim_prefixes(sentence, forms):
    assert shorter_forms(sentence) == forms
    for form in forms:
        assert sentence.startswith(form[:-1])


# Three reports of one made-up story, each with sentences that lean on the one before.
_REPORTS = [
    "Flood barriers failed in the town of Elmsford on Tuesday, forcing 2,000 residents to leave "
    "their homes.\n\nThey were taken to schools and sports halls on higher ground overnight.\n\n"
    "The river rose by two metres in six hours after three days of heavy rain, the town council "
    "said.\n\nIt was the worst flood in Elmsford since 1953, according to local historians.",
    "About 2,000 people left their homes in Elmsford on Tuesday when the town's flood barriers "
    "failed.\n\nBut the council said the barriers had been inspected in March.\n\nHeavy rain for "
    "three days pushed the river up by two metres in six hours.\n\nEngineers will examine the "
    "barriers once the water falls, the council said.",
    "Residents of Elmsford were evacuated on Tuesday after flood barriers gave way along the "
    'river.\n\nThis followed three days of heavy rain across the region.\n\n"We had no '
    "warning at all. The water was in the kitchen within minutes.\n\nThe regional water "
    "authority said it would review its flood warnings.",
]


@pytest.mark.parametrize("max_words", [30, 50, 80, 120])
def test_merged_digest_has_no_dangling_opener_or_stray_quote(max_words):
    articles = load_articles(_REPORTS)
    digest = summarise(articles, max_words=max_words)
    texts = [s.text for s in digest.sentences]
    assert texts
    for i, text in enumerate(texts):
        assert not stray_quote_start(text)
        if opens_with_reference(text):
            previous = {
                a.sentences[a.sentences.index(text) - 1]
                for a in articles
                if text in a.sentences[1:]
            }
            assert i > 0 and texts[i - 1] in previous, text


def test_merged_digest_opens_with_the_most_widely_reported_fact():
    articles = load_articles(_REPORTS)
    digest = summarise(articles, max_words=80)
    first = digest.sentences[0]
    assert len(first.sources) == 3  # all three outlets report the failed barriers
    assert "barriers" in first.text


def test_bundled_briefing_opens_with_the_phone_call_and_the_pledge(bundled_articles):
    # All three outlets report the call in their first sentences, each in its own words; the
    # aviation-security sentence, verbatim in all three, comes later in each of them.
    digest = summarise(bundled_articles, max_words=150)
    first = digest.sentences[0].text.lower()
    assert any(word in first for word in ("phone", "telephone", "spoke", "speaking"))
    assert any(word in first for word in ("improve", "thaw"))


def test_a_sentence_about_another_event_is_left_out():
    """One outlet's aside about an unrelated event is far from the story's centroid and
    matches nothing in the other reports: it stays out even when the budget has room."""
    aside = (
        "In Australia, a koala rescued from a bushfire last year was released back into the "
        "wild at a wildlife sanctuary near Adelaide."
    )
    reports = [*_REPORTS[:2], _REPORTS[2] + "\n\n" + aside]
    articles = load_articles(reports)
    assert aside in articles[2].sentences
    digest = summarise(articles, max_words=400)
    texts = [s.text for s in digest.sentences]
    assert len(texts) >= 6
    assert aside not in texts


def test_concepts_are_shared_bigrams_valued_by_outlets():
    from summarize.summarizers.concepts import concept_values, concepts

    assert ("the", "of") not in concepts("The end of the talks.")  # two stop words
    assert ("talk", "ended") in concepts("The talks ended in Geneva.")
    values = concept_values(
        [
            ["Ministers signed the treaty in Geneva."],
            ["The treaty was signed in Geneva on Monday."],
            ["In Geneva, ministers signed a treaty."],
        ]
    )
    assert values[("in", "geneva")] == 3.0
    assert values[("minister", "sign")] == 2.0  # "ministers signed" in two outlets
    assert ("on", "monday") not in values  # one outlet's detail is not the story's


def test_concepts_the_outlets_state_early_are_worth_more():
    """With ``lead``, an outlet counts less for a concept its article first uses late (the
    inverted pyramid: the story's core comes first, background last)."""
    from summarize.summarizers.concepts import concept_values

    articles = [
        [
            "Ministers signed the treaty in Geneva on Monday.",
            "Talks had lasted for months.",
            "Snow fell on the lakeside city.",
        ],
        [
            "The treaty was signed in Geneva on Monday by ministers.",
            "Snow fell on the lakeside city during the ceremony.",
        ],
    ]
    counted = concept_values(articles)
    weighted = concept_values(articles, lead=1.0)
    assert counted[("in", "geneva")] == counted[("lakeside", "city")] == 2.0
    assert weighted[("in", "geneva")] == 2.0  # both outlets' first sentence
    assert weighted[("lakeside", "city")] == pytest.approx(1 / 3 + 1 / 2)  # 3rd and 2nd
    assert set(weighted) == set(counted)  # still only the concepts both outlets use


def test_merged_digest_opens_with_the_fact_every_outlet_leads_with():
    """Each outlet opens with the main fact in its own words; a statement all three quote
    word for word comes later in each. The digest opens with the main fact (inverted
    pyramid), not with the statement that merely matches best."""
    statement = (
        "The ministry said the new rail line would cut the journey between the two cities "
        "from five hours to under three."
    )
    reports = [
        "Northland approved the construction of a high-speed railway to Southport on Monday, "
        "ending a decade of delays over its cost.\n\nWork is due to start next spring near the "
        f"coast.\n\n{statement}\n\nLocal farmers have protested against the chosen route.",
        "After ten years of arguments about money, the Northland government gave the go-ahead "
        "on Monday for a fast rail link to Southport.\n\nThe first trains could run by 2031, "
        f"officials hope.\n\n{statement}\n\nThe opposition called the budget unrealistic.",
        "A high-speed train line between Northland's capital and Southport will be built, "
        "the government decided on Monday after years of delay.\n\nEngineers still have to "
        f"survey two mountain passes.\n\n{statement}\n\nTickets are expected to be expensive.",
    ]
    digest = summarise(load_articles(reports), max_words=120)
    first = digest.sentences[0].text
    assert first != statement
    assert "Monday" in first and "Southport" in first
    assert statement in [s.text for s in digest.sentences]  # still in, after the lead


def test_a_sentence_that_leads_into_a_quote_is_left_out():
    """A sentence ending with a colon introduces a quote, list or picture that a digest does
    not carry ("The council's statement read:"): lifted out, it reads cut off. It stays out
    of the merged digest even when the budget has room for every other sentence."""
    lead_in = "The regional water authority's chief told residents at a meeting on Wednesday:"
    reports = [*_REPORTS[:2], _REPORTS[2] + "\n\n" + lead_in + '\n\n"We are sorry," she said.']
    articles = load_articles(reports)
    assert lead_in in articles[2].sentences
    texts = [s.text for s in summarise(articles, max_words=400).sentences]
    assert len(texts) >= 6
    assert not [text for text in texts if text.endswith(":")]
