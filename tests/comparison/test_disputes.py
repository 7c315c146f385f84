"""Disputes: precise checks (each false alarm and miss of issue 14 in sentences of that shape),
grouping pairs into one dispute per detail, updates over time, and precise citations (issue
29's classes: tests/comparison/test_disputes_real.py)."""

from __future__ import annotations

import pytest

from summarize.comparison.comparison import Comparison, compare
from tests.comparison._articles import article


def _compare(embedder, *texts: str) -> Comparison:
    return compare(
        [article(f"Outlet {i + 1}", [text]) for i, text in enumerate(texts)],
        embedder=embedder,
        collapse_copies=False,  # the conflict rules on pairs that may be near-copies
    )


# --- false alarms: none of these is a dispute ------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (  # adjectival number-noun forms describe the orchestra, they count nothing
            "A 140-person orchestra would perform at the opening of the new concert hall.",
            "A 140-piece orchestra will perform at the opening of the new concert hall.",
        ),
        (  # "not only ... but also" adds a reason, it denies nothing
            "The minister resigned not only because of the scandal but also because of "
            "his failing health.",
            "The minister resigned because of the scandal and also because of his failing health.",
        ),
        (  # "X, not Y" contrast corrects a noun, both say it was a truce
            "The two armies agreed to a truce, not a peace treaty, after a week of talks.",
            "The two armies agreed to a truce, not peace, after a week of talks.",
        ),
        (  # a spelling variant and a synonym change nothing
            "The ministers agreed that co-operation on border security was vital.",
            "The ministers agreed that cooperation on frontier security was vital.",
        ),
        (
            "The founder of the start-up was arrested on fraud charges on Thursday.",
            "The founder of the start-up was detained on fraud charges on Thursday.",
        ),
        (  # a pronoun for the people it stands for is no other name
            '"[They] agreed that cooperation on aviation security was vital," a spokeswoman said.',
            "The Prime Minister and President agreed that cooperation on aviation security was "
            "vital, a spokeswoman said.",
        ),
        (  # two different quantities: rescued people and recovered bodies
            "Police rescued 40 people from the flooded tunnel, and recovered 59 bodies.",
            "Police rescued 40 people from the flooded tunnel on Sunday.",
        ),
        (  # two adjectives of one WordNet cluster: the same crowd in other words
            "A huge crowd gathered outside the parliament building on Friday evening.",
            "A large crowd gathered outside the parliament building on Friday evening.",
        ),
        (  # two names for one kind of act: rewording, not another fact
            "The central bank's surprise move on Monday calmed nervous investors.",
            "The central bank's surprise step on Monday calmed nervous investors.",
        ),
        (  # naming who said it adds no fact to what was said
            "Talks between the two leaders were open and constructive.",
            "A government spokesman said: talks between the two leaders were open and "
            "constructive.",
        ),
        (  # an adverb added is wording, not a detail
            "The minister said the talks would resume next week.",
            "The minister said the talks would quickly resume next week.",
        ),
    ],
)
def test_no_false_alarm(embedder, left, right):
    comparison = _compare(embedder, left, right)
    assert comparison.disputes == (), [d.describe() for d in comparison.disputes]


# --- misses: each of these is a dispute ------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (  # who the outlet spoke to: an attribution, not a disagreement
            "The bridge will reopen next week after repairs are finished, the mayor told Reuters.",
            "The bridge will reopen next week after repairs are finished, the mayor told the "
            "Associated Press.",
        ),
        (  # two spokespeople saying one thing
            "The bridge will reopen next week, said Jane Cole, a spokeswoman for the city.",
            "The bridge will reopen next week, said Tom Reid, a spokesman for the city.",
        ),
        (  # one place written two ways
            "Rescuers in L.A. pulled two hikers from the canyon after a night in the cold.",
            "Rescuers in Los Angeles pulled two hikers from the canyon after a night in the cold.",
        ),
        (  # Title Case headlines: the capitals are not names
            "Mayor Jane Cole Officially Opens the New Riverside Bridge in Springfield",
            "Mayor Jane Cole Unveils the New Riverside Bridge in Springfield",
        ),
    ],
)
def test_a_swapped_name_that_is_not_a_disagreement(embedder, left, right):
    comparison = _compare(embedder, left, right)
    assert comparison.disputes == (), [d.describe() for d in comparison.disputes]


def test_place_names_compared_as_names(embedder):
    comparison = _compare(
        embedder,
        "Twelve children were hurt when a car hit a daycare centre in Logan Square on Monday.",
        "Twelve children were hurt when a car hit a daycare centre in Palmer Square on Monday.",
    )
    (dispute,) = comparison.disputes
    assert dispute.kind == "place" and dispute.contradiction
    assert {v.value for v in dispute.values} == {"Logan Square", "Palmer Square"}


@pytest.mark.parametrize(
    ("left", "right", "words"),
    [
        (
            "Shares in the carmaker rose sharply on Tuesday after the results were published.",
            "Shares in the carmaker fell sharply on Tuesday after the results were published.",
            {"rose", "fell"},
        ),
        (
            "The city council approved the plan to build a new bridge over the river.",
            "The city council rejected the plan to build a new bridge over the river.",
            {"approved", "rejected"},
        ),
    ],
)
def test_antonym_swap_on_matching_sentences(embedder, left, right, words):
    comparison = _compare(embedder, left, right)
    (dispute,) = comparison.disputes
    assert dispute.kind == "opposite" and dispute.contradiction
    assert {v.value for v in dispute.values} == words
    assert dispute.label.startswith("Opposite (")


def test_a_quote_reworded_in_several_places_is_not_an_opposite(embedder):
    comparison = _compare(
        embedder,
        "We hope her family and friends are getting the love and support they deserve.",
        "We hope her family and friends are giving them the love and support they need.",
    )
    assert comparison.disputes == ()


def test_an_opposite_with_a_negation_says_the_same(embedder):
    comparison = _compare(
        embedder,
        "Shares in the carmaker did not rise on Tuesday after the results were published.",
        "Shares in the carmaker fell on Tuesday after the results were published.",
    )
    assert [d for d in comparison.disputes if d.kind == "opposite"] == []


FIRE = [
    "A fire at a hotel in the capital killed at least 60 people and injured about 180.",
    "The hotel fire in the capital killed 60 people and injured about 180, officials said.",
    "A fire at a hotel in the capital killed 65 people and injured 157, officials said.",
    "A fire at a hotel in the capital killed 67 people and injured 173 others.",
]


def test_pairs_are_grouped_into_one_dispute_per_detail(embedder):
    articles = [article(f"Wire {i + 1}", [text]) for i, text in enumerate(FIRE)]
    comparison = compare(articles, embedder=embedder, collapse_copies=False)
    by_topic = {d.topic: d for d in comparison.disputes}
    assert set(by_topic) == {"deaths", "injured"}, [d.describe() for d in comparison.disputes]
    deaths = by_topic["deaths"]
    assert [v.sources for v in deaths.values] == [("Wire 1", "Wire 2"), ("Wire 3",), ("Wire 4",)]
    assert deaths.describe() == (
        'Death toll: "at least 60 people" (Wire 1, Wire 2) / "65 people" (Wire 3) / '
        '"67 people" (Wire 4)'
    )
    assert len(comparison.differences) > len(comparison.disputes)  # pairs, grouped


def test_a_later_report_revising_a_figure_is_an_update(embedder):
    articles = [
        article("Early", [FIRE[2]], published="2024-03-01T08:00:00Z"),
        article("Later", [FIRE[1]], published="2024-03-01T18:30:00Z"),
    ]
    comparison = compare(articles, embedder=embedder, collapse_copies=False)
    deaths = next(d for d in comparison.disputes if d.topic == "deaths")
    assert deaths.update and deaths.timeline == ("65 people", "60 people")
    assert "65 people → 60 people, later report" in deaths.describe()
    assert comparison.published == {
        "Early": "2024-03-01T08:00:00Z",
        "Later": "2024-03-01T18:30:00Z",
    }
    # Briefings show when each outlet published, and the update.
    from summarize import brief

    briefing = brief(articles, embedder=embedder, max_words=40)
    markdown = briefing.to_markdown()
    assert "published 1 March 2024, 08:00 UTC" in markdown  # a human date
    assert "update: 65 people → 60 people, later report" in markdown
    assert "2024-03-01T18:30:00Z" in briefing.to_html()
    assert "65 people → 60 people, later report" in briefing.to_html()
    # Without publication times the same values are a plain contradiction.
    plain = compare(
        [article(a.source, list(a.sentences)) for a in articles],
        embedder=embedder,
        collapse_copies=False,
    )
    assert not next(d for d in plain.disputes if d.topic == "deaths").update


def test_merged_sentence_never_cites_an_outlet_that_gives_another_value(embedder):
    from summarize import brief

    articles = [
        article(f"Wire {i + 1}", [text, "Firefighters worked through the night to put it out."])
        for i, text in enumerate(FIRE)
    ]
    briefing = brief(articles, embedder=embedder, max_words=60)
    comparison = briefing.comparison
    conflicting = {
        frozenset({(d.a.source, d.a.text), (d.b.source, d.b.text)})
        for d in comparison.differences
        if not d.soft
    }
    checked = 0
    for sentence in briefing.digest.sentences:
        own = [(s, t) for s, t in sentence.wording if t == sentence.text]
        for source, text in sentence.wording:
            pair = frozenset({own[0], (source, text)}) if own else frozenset()
            if pair in conflicting:
                checked += 1
                assert source not in sentence.sources
                assert source in dict(sentence.disputed)
    assert checked >= 2
    fire = next(s for s in briefing.digest.sentences if "fire" in s.text.lower())
    assert len(fire.wording) == 4  # every outlet's own wording is kept
    assert any(value.startswith(("65 people", "67 people")) for _, value in fire.disputed)
    markdown = briefing.to_markdown()
    assert "**Death toll**" in markdown
    for source, text in fire.wording:  # each outlet's own wording, nested under the sentence
        number = briefing.sources.index(source) + 1
        assert f"\n  - [{number}] {text}" in markdown
    page = briefing.to_html()
    assert 'class="sz-wording"' in page and "sz-disputed" in page
    loaded = type(briefing).from_json(briefing.to_json())
    assert loaded.digest.sentences == briefing.digest.sentences
    assert loaded.comparison.disputes == comparison.disputes


def test_an_outlet_disputing_a_detail_does_not_count_as_reporting_the_fact(embedder):
    two = [
        article("Wire 1", [FIRE[1], "Firefighters worked through the night to put it out."]),
        article("Wire 2", [FIRE[2], "Firefighters worked through the night to put it out."]),
    ]
    comparison = compare(two, embedder=embedder, collapse_copies=False)
    assert any(d.topic == "deaths" for d in comparison.disputes)
    shared = [" ".join(ref.text for ref in c.sentences) for c in comparison.shared]
    assert any("Firefighters" in text for text in shared)  # both report it, nothing disputed
    assert not any("killed" in text for text in shared)  # 60 against 65: not one fact
    # With four wires the fact most give (60 dead) is still reported by a majority: the two
    # outlets that dispute it (65, 67) do not count towards it, the two that agree do not suffice
    # for a strict majority of four, so it is not listed either.
    four = [article(f"Wire {i + 1}", [text]) for i, text in enumerate(FIRE)]
    assert not any(
        "killed" in ref.text
        for c in compare(four, embedder=embedder, collapse_copies=False).shared
        for ref in c.sentences
    )


WAREHOUSE = {
    "Daily Ledger": (
        "A blaze at a chemical storage warehouse in the port of Dunmore killed 12 workers on "
        "Monday night, according to the regional fire service.",
        "It took firefighters six hours to control the fire, which was put out early on Tuesday.",
    ),
    "Coast Herald": (
        "A fire at a chemical warehouse in the river port of Dunmore killed 19 workers on Monday "
        "night, the regional fire service said.",
        "Firefighters fought the blaze for six hours before bringing it under control early on "
        "Tuesday.",
    ),
    "Valley Post": (
        "The regional fire service said 19 workers died when fire swept through a chemical "
        "warehouse in Dunmore's river port on Monday night.",
        "Crews needed six hours to bring the blaze under control, finishing early on Tuesday.",
    ),
    "North Wire": (
        "Fire tore through a chemical warehouse at Dunmore's river port on Monday night, killing "
        "19 workers, the regional fire service said.",
        "Firefighters battled the flames for six hours until early Tuesday.",
    ),
}


def test_what_all_outlets_report_never_cites_an_outlet_for_a_value_it_does_not_give(embedder):
    """Four outlets, three say 19 dead and one 12: the death toll is reported by a majority, so
    it is listed, but shown with a 19 sentence and cited to the three that say 19; the outlet
    that says 12 (listed first, so its sentence would be the claim's first) is cited for the
    fire sentence everyone agrees on, and its value shows under "Where they differ"."""
    from summarize.render._view import citation_numbers, shared_line

    articles = [article(source, list(text)) for source, text in WAREHOUSE.items()]
    comparison = compare(articles, embedder=embedder, collapse_copies=False)
    toll = next(c for c in comparison.shared if any("killed 12" in r.text for r in c.sentences))
    assert len(toll.sources) == 4  # the claim holds all four outlets' sentences
    shown, cited = shared_line(comparison, toll)
    assert "19 workers" in shown.text and shown.source != "Daily Ledger"
    assert cited == ("Coast Herald", "Valley Post", "North Wire")
    blaze = next(c for c in comparison.shared if any("six hours" in r.text for r in c.sentences))
    assert shared_line(comparison, blaze)[1] == tuple(WAREHOUSE)
    from summarize.render.html_comparison import comparison_cards
    from summarize.render.markdown import comparison_markdown

    markdown = comparison_markdown(comparison)
    section = markdown.split("## What most outlets report", 1)[1].split("\n## ", 1)[0]
    assert "killed 12" not in section and f"{shown.text} [2][3][4]" in section
    assert '"12 workers" [1]' in markdown  # the other value, under "Where they differ"
    cards = comparison_cards(comparison, citation_numbers(comparison.sources))
    assert "killed 12" not in cards[: cards.index("Where they differ")]
