"""Story overlap: high for reports of one story in other words, low across stories; and the
mixed-story warning that names the articles that do not belong."""

from __future__ import annotations

import json
import logging

import numpy as np
import pytest

from summarize import compare, load_articles
from summarize.comparison.story_overlap import FEATURES, outliers, pair_features, story_overlap

# Story A: a dock strike, told by three outlets in their own words.
STRIKE = {
    "harbour-gazette.md": """---
source: Harbour Gazette
title: Dock workers walk out at Port Avalon over pay
---
About 1,800 dock workers at Port Avalon went on strike on Monday after talks on pay broke down.

The stoppage halted the loading of container ships at the country's second-busiest port.

The Avalon Dockers' Union said members rejected a 4 per cent pay offer as far below inflation.

Port managers said they were disappointed and urged the union to return to the table.

Dozens of ships were waiting at anchor off the coast by Monday evening.
""",
    "national-courier.md": """---
source: National Courier
title: Strike shuts Port Avalon as pay talks collapse
---
Port Avalon came to a standstill on Monday as roughly 1,800 dockers stopped work over wages.

Union leaders turned down an offer of a 4% rise, saying it would not keep up with prices.

Container traffic at the port, the second largest in the country, was brought to a halt.

The port's operator called the walkout regrettable and asked the union to resume negotiations.

Shipping agents reported a growing queue of vessels waiting offshore.
""",
    "evening-standardbearer.md": """---
source: Evening Standardbearer
title: Avalon dockers strike, stranding ships
---
Ships piled up outside Port Avalon on Monday after its dockworkers began an open-ended strike.

The Avalon Dockers' Union rejected a 4 percent offer, arguing that wages lag behind inflation.

Around 1,800 workers joined the walkout, which stopped all container handling at the port.

Management said it regretted the action and remained open to further talks.

Retailers warned that a long strike could empty shelves before the holidays.
""",
}

# Story B: a museum theft, unrelated to the strike.
THEFT = {
    "city-herald.md": """---
source: City Herald
title: Thieves take medieval crown from Lindgrove museum
---
Thieves broke into the Lindgrove Museum of History overnight and stole a jewelled medieval crown.

Police said the burglars smashed a rear window shortly after 2 a.m. and disabled an alarm.

The crown, made for a 14th-century queen, is considered priceless by curators.

Detectives appealed for witnesses who saw a dark van near the museum.
""",
    "morning-ledger.md": """---
source: Morning Ledger
title: Priceless crown stolen in Lindgrove night-time raid
---
A gold crown studded with rubies was taken from the Lindgrove Museum of History in a raid.

Investigators believe the thieves entered through a back window and cut the alarm's power.

The museum's director called the loss of the 600-year-old crown a tragedy for the city.

Police are searching for a dark-coloured van seen leaving the area.
""",
}


def _write(folder, files):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def strike_and_theft(tmp_path_factory, embedder):
    folder = _write(tmp_path_factory.mktemp("mixed") / "news", {**STRIKE, **THEFT})
    return load_articles(folder)


def test_same_story_in_other_words_is_high_and_different_stories_low(strike_and_theft, embedder):
    comparison = compare(strike_and_theft, embedder=embedder)
    sources = comparison.sources
    strike = [sources.index(s) for s in ("Harbour Gazette", "National Courier")]
    theft = [sources.index(s) for s in ("City Herald", "Morning Ledger")]
    overlap = comparison.similarity
    assert overlap.shape == (5, 5)
    assert np.allclose(overlap, overlap.T) and np.allclose(np.diag(overlap), 1.0)
    assert ((overlap >= 0) & (overlap <= 1)).all()
    assert overlap[strike[0], strike[1]] > 0.7
    assert overlap[theft[0], theft[1]] > 0.7
    assert overlap[strike[0], theft[0]] < 0.1
    # The old sentence-level share is kept, clearly named, and is lower for reworded reports.
    assert comparison.fact_overlap is not None
    assert comparison.fact_overlap[strike[0], strike[1]] < overlap[strike[0], strike[1]]


def test_mixed_folder_warns_and_names_the_articles_that_do_not_belong(
    strike_and_theft, embedder, caplog
):
    with caplog.at_level(logging.WARNING, logger="summarize.comparison.comparison"):
        comparison = compare(strike_and_theft, embedder=embedder)
    assert set(comparison.off_story) == {"City Herald", "Morning Ledger"}
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "'City Herald'" in warnings[0] and "'Morning Ledger'" in warnings[0]
    assert "Harbour Gazette" not in warnings[0]


def test_briefing_shows_the_mixed_story_warning(strike_and_theft, embedder):
    from summarize import brief

    briefing = brief(strike_and_theft, embedder=embedder, per_source_words=30, max_words=60)
    markdown = briefing.to_markdown()
    assert "Warning: mixed stories" in markdown
    warning = next(line for line in markdown.splitlines() if "mixed stories" in line)
    assert "City Herald" in warning and "Morning Ledger" in warning
    assert "Harbour Gazette" not in warning
    html = briefing.to_html()
    assert 'id="sz-mixed"' in html and "City Herald" in html.split('id="sz-mixed"')[1][:600]
    data = json.loads(briefing.to_json())
    assert sorted(data["comparison"]["off_story"]) == ["City Herald", "Morning Ledger"]
    again = type(briefing).from_json(briefing.to_json())
    assert again.comparison.off_story == briefing.comparison.off_story


def test_one_story_does_not_warn(tmp_path, embedder, caplog):
    articles = load_articles(_write(tmp_path / "strike", STRIKE))
    with caplog.at_level(logging.WARNING, logger="summarize.comparison.comparison"):
        comparison = compare(articles, embedder=embedder)
    assert comparison.off_story == ()
    assert not [r for r in caplog.records if "same story" in r.getMessage()]
    assert comparison.similarity.min() > 0.7


def test_bundled_story_does_not_warn(bundled_briefing):
    comparison = bundled_briefing.comparison
    assert comparison.off_story == ()
    assert "mixed stories" not in bundled_briefing.to_markdown()
    assert 'id="sz-mixed"' not in bundled_briefing.to_html()
    upper = comparison.similarity[np.triu_indices(len(comparison.sources), 1)]
    assert upper.min() > 0.5  # three outlets of one story read as one story


def test_features_and_outliers_on_their_own(embedder):
    sentences = [
        ["Dock workers at Port Avalon went on strike over pay.", "Ships waited offshore."],
        ["About 1,800 dockers stopped work at Port Avalon.", "The union rejected 4 percent."],
        ["Thieves stole a medieval crown from the Lindgrove museum."],
    ]
    vectors = [embedder.encode(s) for s in sentences]
    features = pair_features(sentences, vectors)
    assert features.shape == (3, 3, len(FEATURES))
    assert np.allclose(features, features.transpose(1, 0, 2), atol=1e-6)
    names = features[..., FEATURES.index("names")]
    assert names[0, 1] > 0 and names[0, 2] == 0  # "avalon"/"port" shared, nothing with the theft
    overlap = story_overlap(sentences, vectors)
    assert overlap[0, 1] > overlap[0, 2]
    assert outliers(overlap) == [2]
    assert outliers(np.ones((1, 1))) == []
    with pytest.raises(ValueError, match="sentence"):
        pair_features([["a"], []], [vectors[0][:1], np.zeros((0, 256))])


def test_a_pile_of_stories_does_not_chain_into_one_through_a_close_pair():
    # Articles 0-2 tell one story, 3-4 another, 5-6 a third; one close pair links each story to
    # the next (a shared name, a shared topic). Linked pair by pair they would be one group.
    overlap = np.full((7, 7), 0.05)
    for story in ((0, 1, 2), (3, 4), (5, 6)):
        overlap[np.ix_(story, story)] = 0.9
    overlap[2, 3] = overlap[3, 2] = overlap[4, 5] = overlap[5, 4] = 0.5
    np.fill_diagonal(overlap, 1.0)
    # Article 3 is close to one of the main story's articles, so it may tell part of it; the
    # rest of its story and the third story are named.
    assert outliers(overlap, bar=0.38) == [4, 5, 6]
    overlap[2, 3] = overlap[3, 2] = 0.3
    assert outliers(overlap, bar=0.38) == [3, 4, 5, 6]


def test_an_article_linked_to_the_main_story_belongs_to_it():
    # Article 3 is close to one of the three others only (a short report of one part of the
    # story): its mean link to the group is under the bar, but it is one of the story's.
    overlap = np.full((4, 4), 0.9)
    overlap[3, :] = overlap[:, 3] = [0.6, 0.2, 0.05, 1.0]
    assert outliers(overlap, bar=0.38) == []
    overlap[3, 0] = overlap[0, 3] = 0.3  # close to none of them: another story
    assert outliers(overlap, bar=0.38) == [3]


def test_articles_of_which_no_two_tell_one_story_are_all_named(embedder):
    """Two unrelated articles have no main story: naming the second as the odd one out (the
    first wins a tie) would blame whichever file came last. Both are named."""
    from summarize.render.markdown import comparison_markdown

    overlap = np.array([[1.0, 0.05, 0.1], [0.05, 1.0, 0.02], [0.1, 0.02, 1.0]])
    assert outliers(overlap, bar=0.38) == [0, 1, 2]
    assert outliers(overlap[:2, :2], bar=0.38) == [0, 1]
    comparison = compare(
        [
            "Dock workers at Port Avalon went on strike over pay on Monday. Ships waited "
            "offshore as the union rejected a 4 percent offer.",
            "Thieves stole a medieval crown from the Lindgrove museum overnight. Police said "
            "the alarm had been switched off.",
        ],
        embedder=embedder,
    )
    assert set(comparison.off_story) == set(comparison.sources)
    page = comparison_markdown(comparison)
    assert "No two of these articles seem to tell the same story: [1]" in page
    assert "as the other articles" not in page
