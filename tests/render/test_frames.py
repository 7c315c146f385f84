"""pandas frames of a Comparison and a Briefing: they hold what the JSON output holds."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from summarize import compare
from summarize.cli import main
from summarize.render.frames import COMPARISON_COLUMNS, disputes_frame, overlap_frame
from summarize.types import Article


@pytest.fixture(scope="module")
def briefing(bundled_briefing):
    return bundled_briefing


@pytest.fixture(scope="module")
def comparison(briefing):
    return briefing.comparison


def _claims_from_frame(frame: pd.DataFrame) -> list[dict]:
    """The claims list as the JSON output spells it, rebuilt from the frame's rows."""
    claims = []
    for _, rows in frame.groupby("claim", sort=True):
        reported = rows[rows["reported"]]
        claims.append(
            {
                "sources": list(reported["outlet"]),
                "sentences": {
                    outlet: list(indices)
                    for outlet, indices in zip(
                        reported["outlet"], reported["sentences"], strict=True
                    )
                },
                "wording": dict(zip(reported["outlet"], reported["wording"], strict=True)),
            }
        )
    return claims


def _claims_from_json(document: dict) -> list[dict]:
    claims = []
    for claim in document["claims"]:
        sentences: dict[str, list[int]] = {}
        wording: dict[str, list[str]] = {}
        for ref in claim["sentences"]:
            sentences.setdefault(ref["source"], []).append(ref["index"])
            wording.setdefault(ref["source"], []).append(ref["text"])
        claims.append(
            {
                "sources": claim["sources"],
                "sentences": {s: sorted(v) for s, v in sentences.items()},
                "wording": {s: " ".join(v) for s, v in wording.items()},
            }
        )
    return claims


def test_comparison_frame_round_trips_with_the_json(comparison):
    frame = comparison.to_frame()
    document = json.loads(comparison_json(comparison))
    assert list(frame.columns) == list(COMPARISON_COLUMNS)
    assert len(frame) == len(document["claims"]) * len(document["sources"])
    assert list(frame["outlet"].unique()) == document["sources"]
    assert _claims_from_frame(frame) == _claims_from_json(document)
    # Every claim's support and category agree with the JSON's shared / unique lists.
    per_claim = frame.drop_duplicates("claim").set_index("claim")
    assert list(per_claim["support"]) == [len(c["sources"]) for c in document["claims"]]
    shared = {i + 1 for i in document["shared"]}
    unique = {i + 1 for ids in document["unique"].values() for i in ids}
    assert set(per_claim.index[per_claim["category"] == "shared"]) == shared
    assert set(per_claim.index[per_claim["category"] == "unique"]) == unique
    assert shared and unique  # the bundled story has both
    # "possibly" marks the outlets the JSON names for a claim possibly reported elsewhere
    possibly = {
        (i + 1, source)
        for i, c in enumerate(document["claims"])
        for source in c.get("possibly_in", {}).get("outlets", ())
    }
    assert possibly
    marked = frame[frame["possibly"]]
    assert set(zip(marked["claim"], marked["outlet"], strict=True)) == possibly


def comparison_json(comparison) -> str:
    from summarize.render.json import comparison_json as render

    return render(comparison)


def test_overlap_frame_holds_the_json_values(comparison):
    document = json.loads(comparison_json(comparison))
    frame = overlap_frame(comparison)
    assert list(frame.index) == list(frame.columns) == document["sources"]
    assert frame.round(4).to_numpy().tolist() == document["similarity"]


def test_briefing_frame_round_trips_with_the_json(briefing):
    frame = briefing.to_frame()
    document = json.loads(briefing.to_json())
    digests = [("merged", document["digest"]), *document["per_source"].items()]
    expected = [
        (name, position, s["text"], tuple(s["sources"]), s["supported"], s["score"])
        for name, digest in digests
        for position, s in enumerate(digest["sentences"], start=1)
    ]
    columns = ["digest", "position", "text", "sources", "supported", "score"]
    got = [
        (d, p, t, tuple(s), bool(ok), round(float(sc), 4))
        for d, p, t, s, ok, sc in frame[columns].itertuples(index=False)
    ]
    assert got == expected
    for source in document["sources"]:
        cites = frame[f"cites: {source}"]
        assert list(cites) == [source in s for s in frame["sources"]]
    assert frame["cites: " + document["sources"][0]].any()


def test_compare_csv_is_the_frame(comparison, story_dir, capsys):
    assert main(["compare", str(story_dir), "--format", "csv"]) == 0
    csv = pd.read_csv(io.StringIO(capsys.readouterr().out), keep_default_na=False)
    frame = comparison.to_frame()
    assert list(csv.columns) == list(frame.columns)
    assert list(csv["claim"]) == list(frame["claim"])
    assert list(csv["outlet"]) == list(frame["outlet"])
    assert list(csv["reported"]) == list(frame["reported"])
    assert list(csv["wording"]) == list(frame["wording"])
    assert list(csv["sentences"].astype(str)) == [";".join(map(str, s)) for s in frame["sentences"]]


def test_brief_refuses_csv_and_points_to_compare(story_dir, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["brief", str(story_dir), "-o", str(tmp_path / "claims.csv")])
    assert exit_info.value.code == 2
    assert "summarize compare" in capsys.readouterr().err


def _article(source: str, sentences: list[str]) -> Article:
    return Article(
        source=source, title=source, text=" ".join(sentences), sentences=tuple(sentences)
    )


FIRE = [
    "A fire at a hotel in the capital killed 60 people and injured 180, officials said.",
    "The hotel fire in the capital killed 60 people and injured about 180, officials said.",
    "A fire at a hotel in the capital killed 65 people and injured 157, officials said.",
]


def test_disputes_frame_round_trips_with_the_json(embedder):
    comparison = compare(
        [_article(f"Wire {i + 1}", [text]) for i, text in enumerate(FIRE)], embedder=embedder
    )
    frame = disputes_frame(comparison)
    document = json.loads(comparison_json(comparison))
    expected = [
        (n, d["label"], d["kind"], v["value"], tuple(v["sources"]), d["contradiction"])
        for n, d in enumerate(document["disputes"], start=1)
        for v in d["values"]
    ]
    columns = ["dispute", "label", "kind", "value", "outlets", "contradiction"]
    assert [tuple(row) for row in frame[columns].itertuples(index=False)] == expected
    deaths = frame[frame["label"] == "Death toll"]  # readable nouns, own words (issue 29)
    assert list(deaths["value"]) == ["60 people", "65 people"]
    assert list(deaths["outlets"]) == [("Wire 1", "Wire 2"), ("Wire 3",)]
    assert deaths["sentences"].iloc[1] == (FIRE[2],)


def test_disputes_frame_is_empty_but_typed_when_none(comparison):
    frame = disputes_frame(comparison)
    assert len(frame) == sum(len(d.values) for d in comparison.disputes)
    assert {"dispute", "label", "value", "outlets", "sentences"} <= set(frame.columns)
