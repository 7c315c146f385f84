"""group_stories on articles written for this repository (articles/mixed-news-day): stories are
separated, near-copies form families cited once, dates and labels are read, and the CLI warns
when `summarize brief` gets several stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize import group_stories, load_articles
from summarize.errors import InputError
from summarize.inputs.loading import article_from_text
from summarize.pipeline.stories import Family, Story, near_copy_families

ROOT = Path(__file__).resolve().parents[2]
MIXED = ROOT / "articles" / "mixed-news-day"
BUNDLED = ROOT / "articles" / "may-putin-2016"


@pytest.fixture(scope="module")
def pile():
    return load_articles([MIXED, BUNDLED])


@pytest.fixture(scope="module")
def stories(pile):
    return group_stories(pile)


def _story_of(stories: list[Story], source: str) -> Story:
    (found,) = [s for s in stories if source in s.sources]
    return found


def test_a_mixed_pile_splits_into_its_four_stories(stories, pile):
    assert sorted(len(s.articles) for s in stories) == [1, 3, 4, 5]
    assert sum(len(s.articles) for s in stories) == len(pile)
    bridge = _story_of(stories, "AP")
    assert {a.source for a in bridge.articles} == {
        "AP",
        "Daily Ledger",
        "Northern Courier",
        "Ellery Evening Post",
        "Coastal Herald",
    }
    school = _story_of(stories, "Marrow Gazette")
    assert {"Valley Times", "Valley Times (2)", "Education Weekly"} < set(school.sources)
    assert _story_of(stories, "The Week") is _story_of(stories, "The Military Army Blog")
    rowing = _story_of(stories, "Coastal Herald (2)")
    assert len(rowing.articles) == 1 and "rowers" in rowing.label


def test_stories_come_most_outlets_first_with_labels_and_dates(stories):
    assert [len(s.outlets) for s in stories] == sorted(
        (len(s.outlets) for s in stories), reverse=True
    )
    bridge = stories[0]
    assert bridge.label in {a.title for a in bridge.articles}
    assert (bridge.first_published, bridge.last_published) == ("2026-03-03", "2026-03-04")
    school = _story_of(stories, "Marrow Gazette")
    assert sorted(school.outlets) == ["Education Weekly", "Marrow Gazette", "Valley Times"]
    putin = _story_of(stories, "The Week")
    assert putin.first_published is None  # the bundled story has no dates


def test_wire_copies_are_one_family_cited_as_ap_via_the_carriers(stories):
    bridge = _story_of(stories, "AP")
    families = {f.label: f for f in bridge.families}
    assert "AP, via Daily Ledger and Northern Courier" in families
    assert set(families["AP, via Daily Ledger and Northern Courier"].sources) == {
        "AP",
        "Daily Ledger",
        "Northern Courier",
    }
    assert bridge.independent_reports == 3  # AP's copies once, the two own reports
    cited = [a.source for a in bridge.briefing_articles()]
    assert len(cited) == 3 and "AP, via Daily Ledger and Northern Courier" in cited
    assert "Daily Ledger" not in cited and "Northern Courier" not in cited


def test_an_updated_article_is_one_report_in_two_versions(stories):
    school = _story_of(stories, "Marrow Gazette")
    labels = [f.label for f in school.families]
    assert "Valley Times (2 versions)" in labels
    assert school.independent_reports == 3
    # The briefing cites the fuller, updated version once.
    (chosen,) = [a for a in school.briefing_articles() if a.source.startswith("Valley Times")]
    assert "Friday clubs" in chosen.text


def test_a_briefing_of_a_story_counts_copies_once(stories):
    from summarize import brief

    bridge = _story_of(stories, "AP")
    briefing = brief(bridge.briefing_articles(), progress=False)
    assert len(briefing.sources) == 3
    cited = {s for sentence in briefing.digest.sentences for s in sentence.sources}
    assert "Daily Ledger" not in cited
    assert "AP, via Daily Ledger and Northern Courier" in briefing.to_markdown()


def test_similar_but_not_copied_reports_are_separate_families():
    a = article_from_text(
        "The city council approved a new budget on Monday that raises spending on parks "
        "and libraries by four percent, the mayor said after a long debate.",
        source="One",
    )
    b = article_from_text(
        "After a long debate, councillors passed the budget on Monday; parks and libraries "
        "get four percent more money, according to the mayor.",
        source="Two",
    )
    families = near_copy_families([a, b])
    assert [f.sources for f in families] == [("One",), ("Two",)]


def test_family_labels():
    assert Family(("AP", "X", "Y"), origin="AP").label == "AP, via X and Y"
    assert Family(("X", "Y", "Z"), origin="Reuters").label == "Reuters, via X, Y and Z"
    assert Family(("X", "Y")).label == "X, via Y"
    assert Family(("X", "X (2)", "X (3)")).label == "X (3 versions)"
    assert Family(("X",)).label == "X"


def test_the_bundled_story_is_one_story():
    (story,) = group_stories(load_articles(BUNDLED))
    assert len(story.articles) == 3


def test_edge_cases_and_bad_input(pile):
    assert group_stories([]) == []
    (single,) = group_stories(pile[:1])
    assert single.articles == (pile[0],)
    with pytest.raises(InputError, match="threshold"):
        group_stories(pile, threshold=1.5)
    with pytest.raises(InputError, match="source label"):
        group_stories([pile[0], pile[0]])


def test_a_higher_threshold_splits_more(pile, stories):
    assert len(group_stories(pile, threshold=0.9)) > len(stories)


def test_brief_warns_on_a_folder_holding_several_stories(caplog):
    from summarize.cli import main

    assert main(["brief", str(MIXED), "--no-progress"]) == 0
    err = caplog.text
    assert "do not seem to be about the same story" in err
    assert f"summarize stories {MIXED}" in err


def test_brief_does_not_warn_on_one_story(caplog):
    from summarize.cli import main

    assert main(["brief", str(BUNDLED), "--no-progress"]) == 0
    assert "summarize stories" not in caplog.text


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_stories_command_writes_an_index_and_one_briefing_per_story(tmp_path, capsys, fmt):
    from summarize.cli import main

    out = tmp_path / "out"
    assert main(["stories", str(MIXED), "-o", str(out), "--format", fmt, "--no-progress"]) == 0
    index = (out / f"index.{fmt}").read_text(encoding="utf-8")
    briefings = sorted(p.name for p in out.glob(f"story-*.{fmt}"))
    assert len(briefings) == 3
    for name in briefings:
        assert name in index
    if fmt == "json":
        data = json.loads(index)
        outlets = [len(s["outlets"]) for s in data["stories"]]
        assert outlets == sorted(outlets, reverse=True)
        assert data["stories"][0]["first_published"] == "2026-03-03"
        first = json.loads((out / data["stories"][0]["briefing"]).read_text(encoding="utf-8"))
        assert "AP, via Daily Ledger and Northern Courier" in json.dumps(first)
    else:
        assert "AP, via Daily Ledger and Northern Courier" in index
        assert "3–4 March 2026" in index
