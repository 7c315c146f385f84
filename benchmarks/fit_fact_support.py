"""Fit the sentence-to-article support model (``summarize/comparison/fact_support.py``) on the
editors' labels of real coverage, check it on held-out halves, and write its parameters.

Every (labelled sentence s, other article B) of a labelled story is an example: positive when
a non-JUNK fact of s is a fact of some sentence of B (``../shared/eval/README.md``, "Editors'
labels of real coverage"; tool sentences take the facts of the labelled sentences they stand
for, as in :mod:`benchmarks.fit_story_pairs`, whose cached stories this reuses). The pair
probabilities the features read come from the story-internal pair model fitted on the same
half (on all stories: the shipped ``story_pairs.json``), scored on the pairs ``align`` scores
(:func:`~summarize.comparison.story_pairs.candidate_pairs`). A logistic regression on
standardised features; then two bars, chosen on the fitting stories:

* ``cite``: the lowest probability at which a lead sentence (one of an article's first three,
  what merged digests pick) cites no outlet that does not report its fact in >= 96 % of cases
  (issue 29's floor for the digest's "citing no wrong outlet" is 0.95);
* ``unique``: the highest bar below which, for every other article, "no other outlet states
  it" is right for >= 92 % of labelled sentences of at least
  :data:`~summarize.defaults.UNIQUE_MIN_WORDS` words (issue 29's target: 0.90).

With ``--pipeline`` the bars are chosen on the package's own figures instead
(:func:`benchmarks.real_coverage.measure`, ``compare`` and ``brief`` on the fitting half, the
model fitted on that half, over the shipped pair model's probabilities as the package reads
them): ``cite``, the lowest of :data:`CITE_GRID` whose digest "citing no wrong outlet" is
>= 0.96 over both sets' digest sentences pooled (Multi-News has few); ``unique``, the highest
of :data:`UNIQUE_GRID` whose "unique precision" is >= 0.90 on each set; then the other half is
measured with them, and the shipped bars are the mean of the two halves' choices (the
package's default: ``--pipeline --write``).

Usage::

    python -m benchmarks.fit_fact_support --cache /tmp/examples.pkl          # halves, then all
    python -m benchmarks.fit_fact_support --cache /tmp/examples.pkl --write  # ... and write
    python -m benchmarks.fit_fact_support --cache /tmp/examples.pkl --pipeline --write
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.fit_story_pairs import (
    Example,
    _model,
    fit_parser,
    labelled_examples,
    write_model,
)
from benchmarks.fit_story_pairs import fit as fit_pairs
from benchmarks.real_coverage import ALIGNMENT, JUNK
from summarize.defaults import UNIQUE_MIN_WORDS

logger = logging.getLogger("benchmarks.fit_fact_support")

OUT = Path(__file__).resolve().parent.parent / "summarize" / "data" / "fact_support.json"
BARS = [round(float(x), 3) for x in np.arange(0.02, 0.981, 0.01)]
LEAD = 3  # an article's first sentences: what merged digests pick
CITE_NO_WRONG = 0.96
UNIQUE_PRECISION = 0.92
PIPELINE_UNIQUE_PRECISION = 0.90
CITE_GRID = (0.8, 0.83, 0.85, 0.87, 0.88, 0.9, 0.92, 0.94)
UNIQUE_GRID = (0.1, 0.125, 0.15, 0.175, 0.2, 0.225, 0.25, 0.3)
PIPELINE_FIGURES = ("citations complete", "citing no wrong outlet", "unique precision")


@dataclass
class Rows:
    """The (sentence, other article) examples of some stories, flattened."""

    name: np.ndarray  # set of each row's story
    features: np.ndarray  # (m, F)
    pair_best: np.ndarray  # (m,) the best single-pair probability (today's citations)
    label: np.ndarray  # B reports one of s's facts
    sentence: np.ndarray  # a global id of s (rows of one sentence share it)
    lead: np.ndarray  # s is one of its article's first LEAD sentences
    words: np.ndarray  # s's number of words


def _triu_index(n: int, pairs: np.ndarray) -> np.ndarray:
    """Position of pairs ``lo < hi`` in ``np.triu_indices(n, 1)`` order."""
    lo, hi = pairs[:, 0], pairs[:, 1]
    return lo * n - lo * (lo + 1) // 2 + (hi - lo - 1)


def rows(examples: Sequence[Example], pair_params: dict[str, Any] | None) -> Rows:
    """Features and labels of every (labelled sentence, other loaded article) of ``examples``,
    pair probabilities from ``pair_params`` (``None``: the shipped pair model)."""
    from summarize.comparison.fact_support import support_features
    from summarize.comparison.story_pairs import candidate_pairs, pair_features, pair_model
    from summarize.inputs.junk import is_junk

    model = pair_model() if pair_params is None else _model(pair_params)
    parts: dict[str, list[np.ndarray]] = {k: [] for k in Rows.__dataclass_fields__}
    offset = 0
    for e in examples:
        story = e.prepared
        n = story.size
        pairs = candidate_pairs(story)
        if len(pairs) == len(e.pairs):
            features = e.features
        else:
            features = pair_features(story, pairs)
            assert np.array_equal(pairs, e.pairs[_triu_index(n, pairs)])
        probability = model.probability(features)
        junk = np.array([is_junk(s) for doc in e.sentences for s in doc], dtype=bool)
        if len(pairs):
            probability = np.where(junk[pairs[:, 0]] | junk[pairs[:, 1]], 0.0, probability)
        table = support_features(story, pairs, probability)
        reporters = {
            f: {d for d, _ in mentions} for f, mentions in e.story.facts.items() if f != JUNK
        }
        loaded = np.diff(story.starts) > 0
        flat = [s for doc in e.sentences for s in doc]
        for i, facts in enumerate(e.facts):
            if not facts:
                continue
            own = int(story.owner[i])
            truth = {d for f in facts for d in reporters.get(f, ())}
            others = [b for b in range(len(loaded)) if b != own and loaded[b]]
            if not others:
                continue
            parts["name"].append(np.full(len(others), e.name))
            parts["features"].append(table[i, others])
            parts["pair_best"].append(table[i, others, 0])
            parts["label"].append(np.array([b in truth for b in others]))
            parts["sentence"].append(np.full(len(others), offset + i))
            parts["lead"].append(np.full(len(others), story.position[i] < LEAD))
            parts["words"].append(np.full(len(others), len(flat[i].split())))
        offset += n
    return Rows(**{k: np.concatenate(v) for k, v in parts.items()})


def fit(data: Rows) -> dict[str, Any]:
    """Standardised logistic regression on every row."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    from summarize.comparison.fact_support import FEATURES

    scaler = StandardScaler().fit(data.features)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    model = LogisticRegression(C=1.0, max_iter=5000).fit(
        (data.features - scaler.mean_) / scale, data.label
    )
    return {
        "features": list(FEATURES),
        "mean": scaler.mean_.tolist(),
        "scale": scale.tolist(),
        "coef": model.coef_[0].tolist(),
        "intercept": float(model.intercept_[0]),
    }


def predict(data: Rows, params: dict[str, Any]) -> np.ndarray:
    from summarize.comparison.fact_support import SupportModel

    return SupportModel.from_dict({"cite": 0.5, "unique": 0.5, **params}).probability(data.features)


def figures(data: Rows, probability: np.ndarray, cite: float, unique: float) -> dict[str, float]:
    """Pair precision/recall of "B states it" at ``cite``; over lead sentences, the share whose
    citations are complete and the share citing no wrong outlet; precision and count of "no
    other outlet states it" below ``unique`` for every other article."""
    said = probability >= cite
    ids, inverse = np.unique(data.sentence, return_inverse=True)
    missing = np.zeros(len(ids), bool)
    wrong = np.zeros(len(ids), bool)
    np.logical_or.at(missing, inverse, data.label & ~said)
    np.logical_or.at(wrong, inverse, said & ~data.label)
    lead = np.zeros(len(ids), bool)
    lead[inverse] = data.lead
    top = np.full(len(ids), -1.0)
    np.maximum.at(top, inverse, probability)
    reported = np.zeros(len(ids), bool)
    np.logical_or.at(reported, inverse, data.label)
    words = np.zeros(len(ids), dtype=np.int64)
    words[inverse] = data.words
    called = (top < unique) & (words >= UNIQUE_MIN_WORDS)
    return {
        "cite precision": float((said & data.label).sum() / max(1, said.sum())),
        "cite recall": float((said & data.label).sum() / max(1, data.label.sum())),
        "lead complete": float((~missing[lead]).mean()),
        "lead no wrong": float((~wrong[lead]).mean()),
        "unique precision": float((~reported[called]).mean()) if called.any() else 1.0,
        "unique items": float(called.sum()),
        "unique recall": float((called & ~reported).sum() / max(1, (~reported).sum())),
    }


def choose(data: Rows, probability: np.ndarray) -> dict[str, float]:
    """The two bars (module docstring)."""
    cite = next(
        (b for b in BARS if figures(data, probability, b, 0.0)["lead no wrong"] >= CITE_NO_WRONG),
        BARS[-1],
    )
    unique = max(
        (
            b
            for b in BARS
            if figures(data, probability, 1.1, b)["unique precision"] >= UNIQUE_PRECISION
        ),
        default=BARS[0],
    )
    return {"cite": cite, "unique": unique}


def pipeline(
    eval_dir: Path, params: dict[str, Any], half: str, bars: Sequence[tuple[float, float]]
) -> list[dict[str, dict[str, list[int]]]]:
    """For each (cite, unique) of ``bars``: set -> figure -> [hits, total] of the package on
    ``half`` ("even" or "odd") with the support model ``params`` and those bars (the pair
    model: the shipped one, as the package uses)."""
    import summarize.comparison.alignment as alignment
    from benchmarks.real_coverage import measure
    from summarize.comparison.fact_support import SupportModel

    shipped = alignment.support_model
    out = []
    try:
        for cite, unique in bars:
            model = SupportModel.from_dict({**params, "cite": cite, "unique": unique})
            alignment.support_model = lambda model=model: model  # type: ignore[assignment]
            found = measure(eval_dir, tuple(ALIGNMENT), half)
            out.append({name: dict(found[name][half]) for name in ALIGNMENT})
    finally:
        alignment.support_model = shipped  # type: ignore[assignment]
    return out


def _ratio(counts: dict[str, dict[str, list[int]]], figure: str, name: str | None = None) -> float:
    """``figure`` of one set (``name``) or of all sets pooled; 0 where nothing was counted."""
    tallies = [t.get(figure, [0, 0]) for n, t in counts.items() if name in (None, n)]
    hits, total = sum(t[0] for t in tallies), sum(t[1] for t in tallies)
    return hits / total if total else 0.0


def choose_by_pipeline(eval_dir: Path, params: dict[str, Any], half: str) -> dict[str, float]:
    """The two bars chosen on the package's figures on ``half`` (module docstring)."""
    grid = list(zip(CITE_GRID, UNIQUE_GRID, strict=True))
    found = pipeline(eval_dir, params, half, grid)
    for (cite, unique), counts in zip(grid, found, strict=True):
        logger.info(
            "%s half, cite %.2f unique %.3f: %s",
            half,
            cite,
            unique,
            {name: {f: counts[name].get(f) for f in PIPELINE_FIGURES} for name in ALIGNMENT},
        )
    cite = next(
        (
            c
            for (c, _), counts in zip(grid, found, strict=True)
            if _ratio(counts, "citing no wrong outlet") >= CITE_NO_WRONG
        ),
        CITE_GRID[-1],
    )
    unique = max(
        (
            u
            for (_, u), counts in zip(grid, found, strict=True)
            if min(_ratio(counts, "unique precision", name) for name in ALIGNMENT)
            >= PIPELINE_UNIQUE_PRECISION
        ),
        default=UNIQUE_GRID[0],
    )
    return {"cite": cite, "unique": unique}


def _line(fitted: str, tested: str, name: str, bars: dict[str, float], f: dict[str, float]) -> str:
    return (
        f"| {fitted} | {tested} | {name} | {bars['cite']:.2f} | {f['cite precision']:.2f} | "
        f"{f['cite recall']:.2f} | {f['lead complete']:.2f} | {f['lead no wrong']:.2f} | "
        f"{bars['unique']:.2f} | {f['unique precision']:.2f} | {f['unique items']:.0f} | "
        f"{f['unique recall']:.2f} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = fit_parser(__doc__, OUT)
    parser.add_argument(
        "--pipeline", action="store_true", help="choose the bars on the package's own figures"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    examples = labelled_examples(args.eval_dir, cache=args.cache, log=logger)
    if examples is None:
        return 0
    print(
        "| fitted on | tested on | set | cite bar | cite precision | cite recall | lead "
        "complete | lead no wrong | unique bar | unique precision | unique items | unique "
        "recall |"
    )
    print("|---" * 12 + "|")
    chosen = []
    for train_half in (0, 1):
        train = [e for e in examples if e.half == train_half]
        test = [e for e in examples if e.half != train_half]
        pair_params = fit_pairs(train)
        train_rows, test_rows = rows(train, pair_params), rows(test, pair_params)
        params = fit(train_rows)
        bars = choose(train_rows, predict(train_rows, params))
        old = choose(train_rows, train_rows.pair_best)  # the best single pair, bars refitted
        tested = predict(test_rows, params)
        if args.pipeline:
            fitted, other = ("even", "odd")[train_half], ("odd", "even")[train_half]
            package = fit(rows(train, None))
            bars = choose_by_pipeline(args.eval_dir, package, fitted)
            (found,) = pipeline(args.eval_dir, package, other, [(bars["cite"], bars["unique"])])
            for name, counts in found.items():
                print(
                    f"pipeline: fitted on {fitted}, tested on {other}, {name}, bars {bars}: "
                    + ", ".join(
                        f"{f} {_ratio(found, f, name):.2f} ({counts[f][0]}/{counts[f][1]})"
                        for f in PIPELINE_FIGURES
                        if f in counts
                    )
                )
            chosen.append(bars)
        for name in ALIGNMENT:
            part = test_rows.name == name
            sub = Rows(**{k: getattr(test_rows, k)[part] for k in Rows.__dataclass_fields__})
            halves = (("even", "odd"), ("odd", "even"))[train_half]
            print(_line(*halves, name, bars, figures(sub, tested[part], **bars)))
            print(_line(*halves, name + " (best pair)", old, figures(sub, sub.pair_best, **old)))
    all_rows = rows(examples, None)
    params = fit(all_rows)
    if args.pipeline:
        bars = {  # the bars each half chose, averaged
            k: round(float(np.mean([b[k] for b in chosen])), 3) for k in ("cite", "unique")
        }
    else:
        bars = choose(all_rows, predict(all_rows, params))
    params.update(bars)
    params["fitted_on"] = (
        "alignment_neus_val + alignment_multinews_dev, all stories; shipped story_pairs.json; "
        "default static embedder"
    )
    print("all stories:", json.dumps(bars))
    if args.write:
        write_model(params, OUT)
    logger.info("done in %.0f s", time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
