"""Say who says what (issue 29, item 4): a dispute lists every outlet that gives each value, not
only the outlets whose sentences were paired with a disagreeing one; each outlet is named once.
Sentences written for these tests (an invented flooded mine)."""

from __future__ import annotations

import pytest

from summarize.comparison import details
from summarize.comparison.comparison import Comparison, compare
from summarize.models.registry import load_spacy
from tests.comparison._articles import article

PUBLISHED = "2026-03-10T09:00:00Z"  # a Tuesday: "Sunday" is 8 March


def _compare(embedder, outlets: dict[str, list[str]], **options) -> Comparison:
    return compare(
        [article(name, sentences, PUBLISHED) for name, sentences in outlets.items()],
        embedder=embedder,
        **{"collapse_copies": False, **options},
    )


def _value_of(comparison: Comparison, topic: str, outlet: str) -> set[str]:
    (dispute,) = [d for d in comparison.disputes if d.topic == topic]
    return {s for v in dispute.values if outlet in v.sources for s in v.sources}


MINE = {
    "Valley Wire": [
        "At least 12 miners died when the Corvan pit flooded late on Sunday, and three were "
        "still missing on Monday morning, the rescue service said.",
        "Pumps were brought from two other mines to clear the lower tunnels.",
    ],
    "Corvan Courier": [
        "Twelve miners died and three are missing after water flooded the Corvan pit on "
        "Sunday night, in the worst accident at the mine in decades.",
        "Relatives waited at the gates of the pit through the night.",
    ],
    "Evening Herald": [
        "The death toll from the flooding of the Corvan pit has risen to 15, the rescue "
        "service said this evening.",
        "Divers found the bodies of three more miners in a flooded tunnel.",
    ],
    "Pit Radio": [
        "Families in Corvan are waiting for news after the pit flooded on Sunday night.",
        "The rescue service says 12 miners have died in the Corvan pit.",
    ],
    "Daily Lantern": [
        "Water flooded the Corvan pit late on 9 March while 40 miners were underground.",
    ],
}


def test_every_outlet_that_gives_the_toll_is_listed_with_it(embedder):
    """Outlets whose sentence agrees with a disputed figure, in words or digits ("At least
    12", "Twelve", "12 miners have died"), are listed with that value, not left out because
    their sentence was never paired with the disagreeing one."""
    comparison = _compare(embedder, MINE)
    (toll,) = [d for d in comparison.disputes if d.topic == "deaths"]
    by_outlets = {frozenset(v.sources) for v in toll.values}
    assert by_outlets == {
        frozenset({"Valley Wire", "Corvan Courier", "Pit Radio"}),
        frozenset({"Evening Herald"}),
    }, toll.describe()
    assert "(Valley Wire, Corvan Courier, Pit Radio)" in toll.describe()


def test_every_outlet_that_gives_the_day_is_listed_with_it(embedder):
    """A sentence naming two days ("late on Sunday ... missing on Monday morning") joins the
    value of the day it gives the disputed act (flooded on Sunday), not the other day (the
    day's verb decides: "filled ... on Sunday" against "flooded on 9 March" is not read)."""
    comparison = _compare(embedder, MINE)
    (day,) = [d for d in comparison.disputes if d.kind == "date"]
    sunday = next(v for v in day.values if "Daily Lantern" not in v.sources)
    assert {"Valley Wire", "Corvan Courier", "Pit Radio"} <= set(sunday.sources), day.describe()
    assert any(v.sources == ("Daily Lantern",) for v in day.values), day.describe()


def test_a_figure_of_another_year_does_not_join_a_value(embedder):
    """Agreeing needs the same fact: twelve deaths in an earlier year at the same pit is not
    the outlet's figure for this flood."""
    outlets = {
        **MINE,
        "Mining Weekly": [
            "In 2009, 12 miners died when floodwater filled the Corvan pit, the rescue "
            "service said.",
        ],
    }
    comparison = _compare(embedder, outlets)
    assert "Mining Weekly" not in _value_of(comparison, "deaths", "Valley Wire")


FIRE = (
    "MARLOW (AP) — A fire at a timber yard in Marlow killed four workers and injured two on "
    "Thursday, the fire service said.",
    "Flames spread quickly through stacks of dried planks and reached a nearby warehouse.",
    "Firefighters from six stations fought the blaze for most of the afternoon.",
    "The owner of the yard said he was shocked and would help the families of the workers.",
    "Police said there was no sign that the fire had been started on purpose.",
)


def test_a_version_that_agrees_with_its_family_is_not_named_beside_it(embedder):
    """A wire report, two copies (one changes the injured count: kept as a version) and an
    outlet of its own that gives another toll: the family's value names the family once
    ("AP, via Reuters and BBC"), not the family and its version ("..., Reuters"); the
    version's own changed figure is still shown."""
    changed = (FIRE[0].replace("injured two", "injured three"), *FIRE[1:])
    own = [
        "Six workers died when fire swept through a timber yard in Marlow on Thursday, the "
        "fire service said.",
        "Neighbours saw black smoke rising from the yard for hours.",
    ]
    articles = [
        article("AP", list(FIRE), "2026-03-05T10:00:00Z"),
        article("Reuters", list(changed), "2026-03-05T11:00:00Z"),
        article("BBC", list(FIRE), "2026-03-05T11:30:00Z"),
        article("Marlow Echo", own, "2026-03-05T12:00:00Z"),
    ]
    comparison = compare(articles, embedder=embedder)
    family = "AP, via Reuters and BBC"
    assert comparison.sources == (family, "Marlow Echo", "Reuters")
    toll = next(d for d in comparison.disputes if d.topic == "deaths")
    assert {v.sources for v in toll.values} == {(family,), ("Marlow Echo",)}, toll.describe()
    assert f'"four workers" ({family}) / "Six workers" (Marlow Echo)' in toll.describe()
    injured = next(d for d in comparison.disputes if d.topic == "injured")
    assert {v.sources for v in injured.values} == {(family,), ("Reuters",)}, injured.describe()


STRIKES = {  # one outlet gives two groups' dead: they are two counts, not two versions of one
    "Harbour Post": [
        "Three Israeli soldiers were killed in the fighting in southern Gaza on Wednesday, the "
        "army said.",
        "At least 29 Palestinians were killed in the fighting in southern Gaza on Wednesday, "
        "health officials said.",
        "Rockets were fired at towns in southern Israel overnight.",
    ],
    "Coastal Daily": [
        "Israeli strikes killed 30 people in the fighting in southern Gaza on Wednesday, health "
        "officials said.",
        "Schools in the area were closed.",
    ],
    "Evening Ledger": [
        "Three Israeli soldiers were killed in the fighting in southern Gaza on Wednesday, the "
        "army said.",
        "Health officials said 19 Palestinians were killed in the fighting in southern Gaza on "
        "Wednesday.",
        "Talks on a ceasefire are due to resume in Cairo.",
    ],
}


def test_two_groups_dead_are_two_counts(embedder):
    """Outlets that give both the soldiers' and the Palestinians' dead show that those are two
    counts: the death toll in dispute is the Palestinians' (29 or 30 against 19), and the
    soldiers' toll, on which all agree, is in no dispute. Before, one "Death toll" listed
    all three figures, the soldiers' beside the Palestinians'."""
    comparison = _compare(embedder, STRIKES)
    (toll,) = [d for d in comparison.disputes if d.topic == "deaths"]
    assert [(v.value, set(v.sources)) for v in toll.values] == [
        ("At least 29 Palestinians", {"Harbour Post", "Coastal Daily"}),
        ("19 Palestinians", {"Evening Ledger"}),
    ]
    assert not [v for d in comparison.disputes for v in d.values if "soldiers" in v.value]


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("Search teams said they had found two big objects on the sea floor.", "two big objects"),
        ("He grew up with his mother and four half-siblings in a lean-to.", "four half-siblings"),
        (
            "Three Israel Defense Forces soldiers were killed on Wednesday.",
            "Three Israel Defense Forces soldiers",
        ),
        ("At least 17 people were killed at the school.", "At least 17 people"),
        ("Trump ended up with 304 electoral votes in December.", "304 electoral votes"),
    ],
)
def test_a_value_is_shown_up_to_its_counted_noun(sentence, shown):
    """A dispute's value reads as a phrase of the outlet's own words up to what it counts: "two
    big objects", not "two big"; "four half-siblings", not "four half"."""
    (number,) = details.numbers(load_spacy()(sentence))
    assert number.text == shown


HALL = {  # two people of very different ages in sentences much alike
    "Bay Courier": [
        "The Miami Gardens police department has come under fire after officers shot "
        "25-year-old Lavall Hall during a call to his home.",
        "The chief said the officers followed procedure.",
    ],
    "Metro Wire": [
        "The Miami Gardens police department has come under fire after an undercover officer "
        "hit a 10-year-old girl with his car.",
        "The city council will meet on Monday.",
    ],
    "Cutler Ridge Record": [
        "The Miami Gardens police department has come under fire after officers shot "
        "24-year-old Lavall Hall at his home.",
        "Lavall Hall's mother called the police for help.",
    ],
}


def test_ages_far_apart_are_two_people(embedder):
    """A girl of 10 is not Lavall Hall, whom one outlet says is 25 and another 24: the age in
    dispute is his alone."""
    (age,) = [d for d in _compare(embedder, HALL).disputes if d.topic == "age"]
    assert [(v.value, v.sources) for v in age.values] == [
        ("25-year-old", ("Bay Courier",)),
        ("24-year-old", ("Cutler Ridge Record",)),
    ]
