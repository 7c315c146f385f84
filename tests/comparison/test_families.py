"""Near-copies in a one-story briefing: wire copies and updates of one report count once.

Articles written for this test (an invented chemical-plant fire): an AP wire report, two outlets'
lightly edited copies of it, AP's later update, and two outlets' own reports. ``brief``,
``compare``, ``summarise`` and the CLI fold the four copies into one report cited as "AP, via
Harbour Gazette and Midland Post" (issue 17), list the fold and why, and ``--keep-copies`` /
``collapse_copies=False`` restore the old count of six outlets. A second set (an apartment
block collapse: AP's report, AP's update raising the death toll, one outlet's own report) checks
that folding does not hide a changed figure.
"""

from __future__ import annotations

import json
import logging
import re

import pytest

from summarize import Briefing, brief, compare, load_articles, summarise
from summarize.cli import main
from summarize.comparison.families import near_copy_families

FAMILY = "AP, via Harbour Gazette and Midland Post"
COPIES = ("AP", "AP (2)", "Harbour Gazette", "Midland Post")
OWN = ("Northfield Radio", "Riverside Chronicle")

#: file name -> (source, headline, published, text: paragraphs wrapped for this file)
ARTICLES = {
    "own-northfield-radio.md": (
        "Northfield Radio",
        "Workers hurt in Brennick factory blaze",
        "2026-05-11",
        """\
Two workers were hurt on Monday when fire swept through part of the Calder Chemicals
factory in Brennick.

Fire chief Tomas Verhoek told Northfield Radio that around 60 firefighters had been sent
to the site and that the fire was out by early afternoon.

Both workers were taken to hospital with burns, and neither is in danger.

Nearby households were told to keep their windows closed as a precaution. The company has
stopped production at the site.

Anglers were asked to stay away from the river below the plant until the results of water
tests are known.
""",
    ),
    "own-riverside-chronicle.md": (
        "Riverside Chronicle",
        "Smoke over the valley as Calder plant burns",
        "2026-05-11",
        """\
Black smoke rose above Brennick on Monday as flames tore through a storage hall at the
Calder Chemicals works on the edge of town.

Two employees suffered burns and were treated in hospital, the fire service said. Their
injuries are not thought to be serious.

Crews from four fire stations needed more than three hours to bring the fire under
control.

People living near the plant were asked to shut their windows while the air was tested.
"We could smell it from the bridge," said Elsa Moorcroft, who runs a bakery on the high
street.

Local councillor Ravi Anand said he would ask the company to explain how the fire started.
""",
    ),
    "wire-ap-1.md": (
        "AP",
        "Fire at chemical plant in Brennick injures two workers",
        "2026-05-11",
        """\
BRENNICK (AP) — A fire broke out at the Calder Chemicals plant in the river town of
Brennick on Monday morning, injuring two workers and sending a column of black smoke over
the valley, fire officials said.

About 60 firefighters from four stations fought the blaze for more than three hours before
bringing it under control shortly after noon, district fire chief Tomas Verhoek said.

The two injured workers were taken to Brennick General Hospital with burns to their hands
and arms. Neither injury was life-threatening, a hospital spokeswoman said.

Residents within two kilometres of the plant were told to keep their windows and doors
closed until air quality tests were complete. Two primary schools kept pupils indoors
during the lunch break.

The plant, which makes industrial solvents and cleaning agents, was built in 1988 and
employs about 240 people. Its owner said production had been halted and that it was
cooperating with investigators.

The cause of the fire was not yet known. The regional environment agency said it was
testing water from the river downstream of the site.
""",
    ),
    "wire-ap-2-update.md": (
        "AP",
        "River tests show no pollution so far after Brennick chemical plant fire",
        "2026-05-11T18:30:00",
        """\
BRENNICK (AP) — A fire broke out at the Calder Chemicals plant in the river town of
Brennick on Monday morning, injuring two workers and sending a column of black smoke over
the valley, fire officials said.

About 60 firefighters from four stations fought the blaze for more than three hours before
bringing it under control shortly after noon, district fire chief Tomas Verhoek said.

The two injured workers were taken to Brennick General Hospital with burns to their hands
and arms. Neither injury was life-threatening, a hospital spokeswoman said. One of them
was released on Monday evening.

Residents within two kilometres of the plant were told to keep their windows and doors
closed until air quality tests were complete. Two primary schools kept pupils indoors
during the lunch break.

The plant, which makes industrial solvents and cleaning agents, was built in 1988 and
employs about 240 people. Its owner said production had been halted and that it was
cooperating with investigators.

The cause of the fire was not yet known. The regional environment agency said on Monday
evening that its first tests of river water downstream of the site showed no sign of
pollution.
""",
    ),
    "wire-harbour-gazette.md": (
        "Harbour Gazette",
        "Two hurt as blaze hits Brennick chemical works",
        "2026-05-11",
        """\
BRENNICK (AP) — A fire broke out at the Calder Chemicals plant in the river town of
Brennick on Monday morning, injuring two workers and sending a column of black smoke over
the valley, fire officials said.

About 60 firefighters from four stations fought the blaze for more than three hours before
bringing it under control shortly after noon, district fire chief Tomas Verhoek said.

The two injured workers were taken to Brennick General Hospital with burns to their hands
and arms. Neither injury was life-threatening, a hospital spokeswoman said.

Residents within two kilometres of the plant were told to keep their windows and doors
closed until air quality tests were complete.

The plant, which makes industrial solvents and cleaning agents, was built in 1988 and
employs about 240 people. Its owner said production had been halted and that it was
cooperating with investigators.
""",
    ),
    "wire-midland-post.md": (
        "Midland Post",
        "Chemical plant fire in Brennick leaves two injured",
        "2026-05-11",
        """\
BRENNICK (AP) — A fire broke out at the Calder Chemicals plant in the river town of
Brennick on Monday morning, injuring two workers and sending a column of black smoke over
the valley, fire officials said.

About 60 firefighters from four stations battled the blaze for more than three hours
before bringing it under control shortly after noon, district fire chief Tomas Verhoek
said.

The two injured workers were taken to Brennick General Hospital with burns to their hands
and arms. Neither injury was life-threatening, a hospital spokeswoman said.

Residents within two kilometres of the plant were told to keep their windows and doors
closed until air quality tests were complete. Two primary schools kept pupils indoors
during the lunch break.

The plant, which makes industrial solvents and cleaning agents, was built in 1988 and
employs about 240 people.

Commuters on the valley road were warned of delays while fire engines remained at the
scene.
""",
    ),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("plant-fire")
    for name, (source, title, published, text) in ARTICLES.items():
        paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
        front = f"---\nsource: {source}\ntitle: {title}\npublished: {published}\n---\n"
        (path / name).write_text(front + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def articles(folder):
    loaded = load_articles(folder)
    assert sorted(a.source for a in loaded) == sorted(COPIES + OWN)
    return loaded


@pytest.fixture(scope="module")
def collapsed(articles, embedder):
    return brief(articles, embedder=embedder, progress=False)


@pytest.fixture(scope="module")
def kept(articles, embedder):
    return brief(articles, embedder=embedder, progress=False, collapse_copies=False)


def _claim_with(briefing: Briefing, words: str):
    (claim,) = [c for c in briefing.comparison.claims if any(words in r.text for r in c.sentences)]
    return claim


def test_the_copies_and_the_update_are_one_family_with_their_shares(articles):
    families = near_copy_families(articles)
    folded = [f for f in families if len(f.sources) > 1]
    assert [(f.label, set(f.sources)) for f in folded] == [(FAMILY, set(COPIES))]
    (family,) = folded
    assert [c.source for c in family.copies] == list(family.sources)
    for copy in family.copies:
        assert copy.closest in COPIES and copy.closest != copy.source
        assert 0.5 <= copy.share <= 1
    assert all(f.copies == () for f in families if len(f.sources) == 1)


def _closest_by_brute_force(articles) -> dict[str, tuple[float, str]]:
    """Each article's closest near-copy, pair by pair (what near_copy_families must find)."""
    from summarize.comparison.families import _shingles
    from summarize.defaults import STORY_NEAR_COPY

    grams = [_shingles(a.text) for a in articles]
    closest: dict[str, tuple[float, str]] = {}
    for i, a in enumerate(articles):
        for j, b in enumerate(articles):
            shorter = max(min(len(grams[i]), len(grams[j])), 1)
            share = len(grams[i] & grams[j]) / shorter
            known = closest.get(a.source, (0.0, ""))[0]
            if i != j and grams[i] and share >= STORY_NEAR_COPY and share > known:
                closest[a.source] = (share, b.source)
    return closest


def test_identical_copies_in_a_pile_are_compared_once_with_the_same_families(articles):
    """A feed repeating one wire text many times: every copy joins its family with share 1
    and its first twin as closest, exactly what comparing every pair would give."""
    from dataclasses import replace

    pile = [replace(a, source=f"{a.source} #{k}") for k in range(6) for a in articles]
    families = near_copy_families(pile)
    want = _closest_by_brute_force(pile)
    found = {c.source: (c.share, c.closest) for f in families for c in f.copies}
    assert found.keys() == want.keys()
    for source, (share, closest) in found.items():
        assert share == pytest.approx(want[source][0]) and closest == want[source][1], source
    copies = {s for f in families if len(f.sources) > 1 for s in f.sources}
    assert len([f for f in families if len(f.sources) > 1]) == 1 + len(OWN)
    assert copies == {a.source for a in pile}  # the own reports fold with their own twins


def test_a_briefing_counts_the_family_once_in_shared_and_citations(collapsed):
    assert sorted(collapsed.sources) == sorted((FAMILY, *OWN))
    cited = {s for sentence in collapsed.digest.sentences for s in sentence.sources}
    assert FAMILY in cited and not cited & set(COPIES)
    shared = collapsed.comparison.shared
    assert shared, "the fire and the two injured workers are in all three reports"
    for claim in shared:  # "what all outlets report": all three independent reports
        assert set(claim.sources) == {FAMILY, *OWN}
    # A detail only the wire copies carry is the wire's alone, not "reported by all".
    assert _claim_with(collapsed, "built in 1988") not in shared
    (family,) = collapsed.families
    assert set(family.sources) == set(COPIES)
    (cited_article,) = [a for a in collapsed.articles if a.source == FAMILY]
    assert cited_article.metadata["family_text"] == "AP (2)"  # the update, the longest text
    assert "released on Monday evening" in cited_article.text


@pytest.mark.xfail(
    strict=True,
    reason="issue 29: the sentence-to-article support model puts other outlets above its "
    "'unique' bar for this one-outlet detail (a clause of it, names of the story, found "
    "there): it is listed as possibly reported elsewhere (BENCHMARKS.md, 'Support: does "
    "another outlet report it')",
)
def test_a_detail_only_the_wire_carries_is_the_wires_alone(collapsed):
    assert _claim_with(collapsed, "built in 1988") in collapsed.comparison.unique[FAMILY]


def test_keep_copies_counts_every_copy_as_an_outlet(kept):
    assert sorted(kept.sources) == sorted(COPIES + OWN)
    assert kept.families == () and not kept.options.collapse_copies
    # The old behaviour: four copies of one report make a majority of six "outlets".
    built = _claim_with(kept, "built in 1988")
    assert built in kept.comparison.shared and set(built.sources) <= set(COPIES)
    data = json.loads(kept.to_json())
    assert data["options"]["collapse_copies"] is False and "families" not in data


def test_the_briefing_lists_what_was_folded_and_why(collapsed):
    markdown = collapsed.to_markdown()
    assert "3 outlets compared (6 articles, near-copies counted once)" in markdown
    section = markdown.split("## Near-copies counted once (1)")[1].split("\n## ")[0]
    assert f"**{FAMILY}**: 4 articles counted as one report" in section
    for source in COPIES:
        assert re.search(rf"- {re.escape(source)}: \d+% shared with ", section), source
    html = collapsed.to_html()
    assert 'id="sz-families"' in html and "Midland Post: " in html
    data = json.loads(collapsed.to_json())
    (family,) = data["families"]
    assert family["label"] == FAMILY and family["origin"] == "AP"
    assert sorted(c["source"] for c in family["copies"]) == sorted(COPIES)
    back = Briefing.from_json(collapsed.to_json())
    assert [(f.sources, f.origin) for f in back.families] == [(COPIES, "AP")]
    shares = [round(c.share, 4) for c in collapsed.families[0].copies]
    assert [c.share for c in back.families[0].copies] == shares
    assert back.to_json() == collapsed.to_json() and back.to_markdown() == markdown


def test_the_log_names_the_folded_articles(articles, embedder, caplog):
    with caplog.at_level(logging.INFO, logger="summarize"):
        brief(articles, embedder=embedder, progress=False, max_words=40, per_source_words=20)
    (line,) = [r.getMessage() for r in caplog.records if "near-copies" in r.getMessage()]
    assert FAMILY in line and all(source in line for source in COPIES)


def test_compare_and_summarise_fold_copies_too(articles, embedder, caplog):
    with caplog.at_level(logging.WARNING, logger="summarize"):
        comparison = compare(articles, embedder=embedder)
    assert sorted(comparison.sources) == sorted((FAMILY, *OWN))
    assert any("Midland Post" in r.getMessage() for r in caplog.records)
    assert all(set(claim.sources) == {FAMILY, *OWN} for claim in comparison.shared)
    old = compare(articles, embedder=embedder, collapse_copies=False)
    assert sorted(old.sources) == sorted(COPIES + OWN)
    assert len(old.shared) > len(comparison.shared)
    digest = summarise(articles, max_words=60, embedder=embedder)
    cited = {s for sentence in digest.sentences for s in sentence.sources}
    assert cited <= {FAMILY, *OWN} and FAMILY in cited


def test_cli_brief_folds_copies_and_keep_copies_restores_them(folder, capsys, caplog):
    with caplog.at_level(logging.WARNING, logger="summarize"):
        assert main(["brief", str(folder), "--format", "json", "--no-progress"]) == 0
    assert sorted(json.loads(capsys.readouterr().out)["sources"]) == sorted((FAMILY, *OWN))
    warned = [r.getMessage() for r in caplog.records if "near-copies" in r.getMessage()]
    assert warned and "Midland Post (" in warned[0] and "--keep-copies" in warned[0]
    caplog.clear()
    argv = ["brief", str(folder), "--format", "json", "--no-progress", "--keep-copies"]
    with caplog.at_level(logging.INFO, logger="summarize"):
        assert main(argv) == 0
    assert sorted(json.loads(capsys.readouterr().out)["sources"]) == sorted(COPIES + OWN)
    assert not [r for r in caplog.records if "near-copies" in r.getMessage()]


def test_the_bundled_story_has_no_near_copies(bundled_articles, bundled_briefing):
    assert all(len(f.sources) == 1 for f in near_copy_families(bundled_articles))
    assert bundled_briefing.families == ()
    assert bundled_briefing.sources == tuple(a.source for a in bundled_articles)
    data = json.loads(bundled_briefing.to_json())
    assert "families" not in data and "collapse_copies" not in data["options"]
    assert "Near-copies" not in bundled_briefing.to_markdown()


def test_cli_compare_folds_copies_unless_told_not_to(folder, capsys):
    assert main(["compare", str(folder), "--format", "json", "--no-progress"]) == 0
    assert sorted(json.loads(capsys.readouterr().out)["sources"]) == sorted((FAMILY, *OWN))
    argv = ["compare", str(folder), "--format", "json", "--no-progress", "--keep-copies"]
    assert main(argv) == 0
    assert sorted(json.loads(capsys.readouterr().out)["sources"]) == sorted(COPIES + OWN)


def test_a_story_briefing_folds_the_storys_own_families(embedder):
    """brief_many on a Story and a one-story brief use one family rule: same citations, and
    the story's briefing lists its folded families too."""
    from pathlib import Path

    from summarize import BriefingOptions, brief_many, group_stories

    mixed = Path(__file__).resolve().parents[2] / "articles" / "mixed-news-day"
    stories = group_stories(load_articles(mixed), embedder=embedder)
    (bridge,) = [s for s in stories if "AP" in s.sources]
    (briefing,) = brief_many([bridge], options=BriefingOptions(max_words=60, per_source_words=30))
    assert briefing.sources == tuple(a.source for a in bridge.briefing_articles())
    assert briefing.families == tuple(f for f in bridge.families if len(f.sources) > 1)
    assert (
        "AP, via Daily Ledger and Northern Courier"
        in briefing.to_markdown().split("## Near-copies counted once")[1]
    )


# --- a wire report and its update that changes the death toll --------------------------------

COLLAPSE_FIRST = (  # AP, 08:00: 12 dead
    "LARKSPUR (AP) — A four-storey apartment block collapsed in the port city of Larkspur early "
    "on Tuesday, killing 12 people and trapping dozens more under the rubble, the city's "
    "emergency service said.",
    "Rescue teams worked through the morning with sniffer dogs and heavy cranes to reach "
    "residents trapped in the basement and on the lower floors.",
    "The building, put up in the 1970s, had been declared unsafe by city inspectors last year, "
    "according to local media.",
    "Mayor Ilse Dantzig said the city would open an inquiry into why residents had not been "
    "moved out.",
    "Neighbours said they had heard cracking sounds from the walls for several days before the "
    "collapse.",
)
COLLAPSE_UPDATE = (  # AP, 17:30: the toll rises to 19, two sentences added
    COLLAPSE_FIRST[0].replace("killing 12 people", "killing 19 people"),
    *COLLAPSE_FIRST[1:],
    "Rescuers were still searching the rubble for missing residents on Tuesday evening, the "
    "emergency service said.",
    "The national government sent army engineers with heavy lifting gear to help with the search.",
)
COLLAPSE_OWN = (  # an outlet's own report, after the update
    "Rescuers in Larkspur spent Tuesday digging through the remains of an apartment block that "
    "gave way before dawn.",
    "At least 19 people died when the block came down, emergency officials told the Harbour Light.",
    "Teams with dogs and cranes searched the lower floors for people trapped in the basement.",
    "Residents said inspectors had judged the building unsafe a year ago, and the mayor has "
    "promised an inquiry.",
)


def _report(source: str, sentences: tuple[str, ...], published: str):
    from summarize.types import Article

    return Article(
        source=source,
        title="Apartment block collapse in Larkspur",
        text=" ".join(sentences),
        sentences=sentences,
        published=published,
    )


def test_an_update_that_changes_the_toll_folds_but_still_shows_the_change(embedder):
    """A wire report and its update that raises the death toll are one family, counted once
    in "what all outlets report"; the figure the update changed is not hidden: the earlier
    version's sentence is compared with the cited text, and the briefing shows the update."""
    articles = [
        _report("AP", COLLAPSE_FIRST, "2026-06-02T08:00:00Z"),
        _report("AP (2)", COLLAPSE_UPDATE, "2026-06-02T17:30:00Z"),
        _report("Harbour Light", COLLAPSE_OWN, "2026-06-02T19:00:00Z"),
    ]
    (family,) = [f for f in near_copy_families(articles) if len(f.sources) > 1]
    assert family.sources == ("AP", "AP (2)") and family.label == "AP (2 versions)"
    briefing = brief(articles, embedder=embedder, progress=False, max_words=80)
    assert briefing.families == (family,)
    # Cited: the update's text under the family label; kept: the earlier version's changed
    # sentence only, as a version of the family.
    assert briefing.sources == ("AP (2 versions)", "Harbour Light", "AP")
    (version,) = [a for a in briefing.articles if "version_of" in a.metadata]
    assert version.sentences == (COLLAPSE_FIRST[0],)
    assert version.metadata["version_of"] == "AP (2 versions)"
    # The change shows: a deaths dispute 12 -> 19, read as an update (later report).
    deaths = next(d for d in briefing.comparison.disputes if d.topic == "deaths")
    # (values in the outlets' own words since issue 29)
    assert {v.value for v in deaths.values} >= {"12 people", "19 people"}, deaths.describe()
    assert deaths.update and deaths.timeline[0] == "12 people"
    assert deaths.timeline[-1] == "19 people"
    markdown = briefing.to_markdown()
    assert "update: 12 people → 19 people, later report" in markdown
    assert "2 outlets compared (3 articles, near-copies counted once)" in markdown
    assert "AP: states other figures than the cited text" in markdown
    assert "2 outlets" in briefing.to_html() and "12 people → 19 people" in briefing.to_html()
    # Counted once: with the version as an outlet of its own, three "outlets" would need every
    # claim in all three, and the version holds one sentence; as the family's, two reports do.
    shared = briefing.comparison.shared
    assert shared, "the collapse, the rescue and the inquiry are in both reports"
    for claim in shared:
        reports = {"AP (2 versions)" if s == "AP" else s for s in claim.sources}
        assert reports == {"AP (2 versions)", "Harbour Light"}
    cited = [s for sentence in briefing.digest.sentences for s in sentence.sources]
    assert "AP (2)" not in cited
    back = Briefing.from_json(briefing.to_json())
    assert back.to_markdown() == markdown
    # compare() folds the same way.
    assert compare(articles, embedder=embedder).sources == briefing.sources
