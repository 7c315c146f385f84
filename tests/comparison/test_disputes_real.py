"""Disputes an editor would sign (issue 29): each false alarm and miss found on real coverage,
rebuilt from our own sentences, and who says what in ``describe()``."""

from __future__ import annotations

import pytest

from summarize.comparison.comparison import Comparison, compare
from summarize.comparison.details import compatible, dates, numbers
from summarize.comparison.name_disputes import same_name, similar_spelling
from summarize.models.registry import load_spacy
from tests.comparison._articles import article


def _compare(embedder, *outlets: list[str]) -> Comparison:
    names = ["AP", "Reuters", "CNN", "BBC"]
    return compare(
        [article(names[i], sentences) for i, sentences in enumerate(outlets)],
        embedder=embedder,
        collapse_copies=False,  # one-sentence outlets would fold as near-copies
    )


def _described(comparison: Comparison) -> list[str]:
    return [d.describe() for d in comparison.disputes]


# --- false alarms: none of these is a dispute ------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (  # one country, two ways of writing it
            ["Officials in the U.S. said 14 sailors were rescued from the sinking trawler."],
            [
                "Officials in the United States said 14 sailors were rescued from the sinking "
                "trawler."
            ],
        ),
        (  # an article's own aliases: the full name, then the short form of the first name
            [
                "Acting Attorney General Matthew Whitaker met the committee chairman on Friday.",
                "Whitaker told reporters the meeting with the committee chairman went well.",
            ],
            [
                "Acting Attorney General Matt Whitaker met the committee chairman on Friday.",
                "Matt Whitaker said the meeting with the committee chairman went well.",
            ],
        ),
        (  # straight against curly apostrophe
            ["The mayor's office said O'Donnell would lead the flood inquiry from Monday."],
            [
                "The mayor\u2019s office said O\u2019Donnell would lead the flood inquiry from "
                "Monday."
            ],
        ),
        (  # Title Case headline words are not names to compare
            ["Senate Election Ends As Martha McSally Concedes Arizona Race"],
            ["Martha McSally concedes the Arizona Senate race to her Democratic rival."],
        ),
        (  # the same polarity in other words
            ["The governor is not conceding the race and wants a recount of 40,000 ballots."],
            ["The governor refuses to concede the race and wants a recount of 40,000 ballots."],
        ),
        (  # two figures in one sentence: the count and the total it is part of
            [
                "The ministry has shipped 70 million of the 100 million vaccine doses promised to "
                "the provinces."
            ],
            ["The ministry has shipped 70 million vaccine doses promised to the provinces."],
        ),
        (  # rounding to the precision given
            ["Some 9.2 million viewers watched the final of the singing contest on Saturday."],
            ["Some 9.21 million viewers watched the final of the singing contest on Saturday."],
        ),
        (  # an omission is not a dispute
            ["The storm cut power to homes across the northern coast overnight, the utility said."],
            [
                "The storm cut power to 40,000 homes across the northern coast overnight, the "
                "utility said."
            ],
        ),
        (  # a lower bound and a number word that agree
            [
                "At least 23 people died when the ferry capsized off the coast, the coast guard "
                "said."
            ],
            [
                "Twenty-three people died when the ferry capsized off the coast, the coast guard "
                "said."
            ],
        ),
        (  # a bound and an exact figure that agree
            [
                "The small ferry was carrying no more than 90 passengers when it capsized, the "
                "coast guard said."
            ],
            [
                "The small ferry was carrying only 90 passengers when it capsized, the coast guard "
                "said."
            ],
        ),
        (  # a span of days beside a death toll is not a count of the dead
            [
                "At least 846 people were killed by security forces during the revolt, officials "
                "said."
            ],
            [
                "Prosecutors blamed him for the hundreds of people killed by security forces "
                "during the 18 days of the revolt, officials said."
            ],
        ),
        (  # two people whose first names are one letter apart
            [
                "Hamas commander Ahmad Abu Galala was killed in an air strike on Friday, "
                "officials said."
            ],
            [
                "An air strike on Wednesday killed Ahmed Jabari, the Hamas military commander, "
                "officials said."
            ],
        ),
        (  # a surname and another man's first name
            [
                "The defence minister, Mr. Barak, spoke to the Pentagon about the air strikes "
                "this week."
            ],
            ["President Barack Obama spoke to the Pentagon about the air strikes this week."],
        ),
        (  # two romanisations of one name (a transliteration, not a misspelling)
            ["Supporters of Mohamed Morsi marched on the presidential palace in Cairo on Friday."],
            ["Supporters of Mohamed Mursi marched on the presidential palace in Cairo on Friday."],
        ),
    ],
)
def test_no_false_alarm(embedder, left, right):
    assert _compare(embedder, left, right).disputes == ()


# --- misses: each of these is a dispute, shown with who says what -----------------------------


def test_two_dates_for_one_coup_in_different_words(embedder):
    comparison = _compare(
        embedder,
        ["Mutinous soldiers ousted the president on March 22, state television said."],
        ["Mutinous soldiers seized control of the capital on March 21, state television said."],
    )
    dates_ = [d for d in comparison.disputes if d.kind == "date"]
    assert [d.describe() for d in dates_] == ['Date: "March 22" (AP) / "March 21" (Reuters)']


def test_one_name_spelled_two_ways(embedder):
    comparison = _compare(
        embedder,
        [
            "The coup was led by Captain Amadou Sanago, who appeared on state television.",
            "Sanago promised to hand power back to civilians.",
        ],
        [
            "The coup was led by Captain Amadou Sanogo, who spoke on state television.",
            "Sanogo said elections would follow.",
        ],
    )
    names = [d for d in comparison.disputes if d.kind == "name"]
    assert [d.describe() for d in names] == ['Name: "Sanago" (AP) / "Sanogo" (Reuters)']


def test_wounded_counts_in_the_outlets_own_words(embedder):
    comparison = _compare(
        embedder,
        [
            "A gunman opened fire at a bus station in the northern city, wounding at least four "
            "people, police said."
        ],
        [
            "A gunman opened fire at a bus station in the northern city, wounding at least four, "
            "police said."
        ],
        [
            "A gunman opened fire at a bus station in the northern city, killing one and injuring "
            "five others, police said."
        ],
    )
    (dispute,) = comparison.disputes
    assert dispute.label == "Injured"
    assert dispute.describe() == (
        'Injured: "at least four people" (AP, Reuters) / "five others" (CNN)'
    )


def test_a_weekday_and_a_date_given_the_publication_time(embedder):
    published = "2019-05-15T09:00:00Z"  # a Wednesday: "Tuesday" is 14 May
    articles = [
        article(
            "AP",
            ["The bridge over the river collapsed on 13 May, the city engineer said."],
            published,
        ),
        article(
            "CNN",
            ["The bridge over the river collapsed on Tuesday, the city engineer said."],
            published,
        ),
        article(
            "BBC",
            ["The bridge over the river collapsed on Monday, the city engineer said."],
            published,
        ),
    ]
    comparison = compare(articles, embedder=embedder, collapse_copies=False)
    (dispute,) = comparison.disputes
    assert dispute.label == "Date"
    assert dispute.describe() == 'Date: "13 May" (AP, BBC) / "Tuesday" (CNN)'
    # Explicit dates need no publication time.
    explicit = _compare(
        embedder,
        ["The bridge over the river collapsed on 13 May, the city engineer said."],
        ["The bridge over the river collapsed on Tuesday 14 May, the city engineer said."],
    )
    assert _described(explicit) == ['Date: "13 May" (AP) / "14 May" (Reuters)']


def test_the_update_arrow_survives_more_outlets(embedder):
    articles = [
        article(
            "AP",
            ["At least 23 people died when the ferry capsized, officials said."],
            "2024-03-01T08:00:00Z",
        ),
        article(
            "Reuters",
            ["Twenty-three people died when the ferry capsized, officials said."],
            "2024-03-01T09:00:00Z",
        ),
        article(
            "CNN",
            ["The death toll from the capsized ferry rose to 27, officials said."],
            "2024-03-01T15:00:00Z",
        ),
        article(
            "BBC",
            ["At least 27 people died when the ferry capsized, officials said."],
            "2024-03-01T16:00:00Z",
        ),
    ]
    comparison = compare(articles, embedder=embedder, collapse_copies=False)
    (dispute,) = comparison.disputes
    assert dispute.label == "Death toll" and dispute.update
    assert dispute.describe() == (
        'Death toll: "At least 23 people" (AP, Reuters) / "27" (CNN, BBC); '
        "update: At least 23 people → 27, later report"
    )


# --- the pieces --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right", "casualties", "agree"),
    [
        ("At least 23 people died in the fire.", "Twenty-three people died in the fire.", True,
         True),
        ("It carried no more than 90 passengers.", "It carried only 90 passengers.", False,
         True),
        ("Some 9.2 million people watched.", "Some 9.21 million people watched.", False, True),
        ("About 100 people were hurt.", "104 people were hurt.", True, True),
        ("Up to 30 people were hurt.", "About 25 people were hurt.", True, True),
        ("Support is north of 50 percent.", "Support is 55 percent.", False, True),
        ("At least four people were hurt.", "Five people were hurt.", True, False),
        ("Sixty people died.", "Sixty-five people died.", True, False),
    ],
)  # fmt: skip
def test_figures_compared_to_the_precision_and_bound_given(left, right, casualties, agree):
    nlp = load_spacy()
    (x,), (y,) = numbers(nlp(left)), numbers(nlp(right))
    assert compatible(x, y, casualties=casualties) is agree


def test_a_total_is_not_the_count():
    nlp = load_spacy()
    found = numbers(nlp("The ministry shipped 70 million of the 100 million doses."))
    assert [n.value for n in found] == [70e6]


def test_weekdays_need_the_publication_time():
    from datetime import date

    assert dates("It collapsed on Tuesday.") == ()
    (day,) = dates("It collapsed on Tuesday.", date(2019, 5, 15))
    assert day.day == (5, 14)


@pytest.mark.parametrize(
    ("a", "b", "dispute"),
    [
        ("sanago", "sanogo", True),
        ("demerol", "demarol", True),
        ("ilsa", "isla", True),
        ("morsi", "mursi", False),  # transliteration
        ("qassem", "qasem", False),  # transliteration
        ("matt", "matthew", False),  # short form
        ("nations", "national", False),  # inflection
        ("defence", "defense", False),  # British and American spelling
        ("centre", "center", False),
        ("labour", "labor", False),
    ],
)
def test_name_spellings(a, b, dispute):
    assert similar_spelling(a, b) is dispute
    assert same_name(a, b) is not dispute


def test_a_count_is_headed_by_the_noun_the_outlets_wrote(embedder):
    """The lemmatiser makes "doses" into "dos"; the heading reads the outlets' own word."""
    comparison = _compare(
        embedder,
        [
            "The province has received 4 million doses of the vaccine so far, the health "
            "ministry said on Monday."
        ],
        [
            "The health ministry said on Monday that the province has received 2.5 million "
            "doses of the vaccine so far."
        ],
    )
    assert [d.heading for d in comparison.disputes] == ["Doses"]
