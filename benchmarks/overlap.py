"""Document-overlap benchmark: does ``compare(...).similarity`` separate same-story pairs?

Two dev sets from ``../shared/eval``:

* ``multinews_dev100``: every pair of articles of one cluster (same story) against pairs of
  articles from two different clusters;
* ``neus_allsides_val``: the three outlets (left, centre, right) of each story against outlets
  of two different stories (headline + first paragraph each: short texts).

For each it reports ROC AUC and the share of same-story pairs scored below 0.1, for the story
overlap (``summarize.comparison.story_overlap``), each of its signals alone, and the old "share of
matched
facts". The overlap model is cross-validated by story: fitted on the even-numbered stories of
both sets and scored on the odd ones, then the reverse (no story is ever scored by a model
fitted on it). It also picks the mixed-story warning's bar the same way: a folder is one
cluster/story plus one article of another; the bar is the highest one that flags at most 2 % of
the articles of the pure folders, and the report says how often the intruder alone is named;
and, for piles of 2 to 20 whole stories of one half, the share of the articles outside the
largest story that the warning names, and of the largest story's own.

Documents go through the product's loading and cleaning (``load_articles(errors="skip")``); one
with no article text left (a platform's notice, a "not found" page) is no article: it is
counted and reported, never scored. Should a text that is an "article" of several clusters
survive cleaning, the table also scores the pairs without it, and the warning leaves it out.

    .venv/bin/python -m benchmarks.overlap               # cross-validated table
    .venv/bin/python -m benchmarks.overlap --write       # also refit on everything and write
                                                         # summarize/data/overlap.json
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

EVAL_DIR = ROOT.parent / "shared" / "eval"
DATA_FILE = ROOT / "summarize" / "data" / "overlap.json"
SETS = ("multinews_dev100", "neus_allsides_val")
#: Different-story pairs sampled per same-story pair (AUC does not depend on the ratio; the
#: fit weights the classes equally).
NEGATIVES_PER_POSITIVE = 3
#: Largest share of the articles of single-story folders the warning may flag.
FALSE_FLAG_BUDGET = 0.02

logger = logging.getLogger("overlap")


@dataclass
class Dataset:
    name: str
    story: np.ndarray  # story index of each article
    features: np.ndarray  # (n, n, k) pair features
    matched: np.ndarray  # (n, n) old share-of-matched-facts overlap (within-story pairs only)
    pairs: np.ndarray  # (m, 2) article indices
    same: np.ndarray  # (m,) bool
    boilerplate: np.ndarray  # (n,) bool: the same text is an "article" of several stories
    cluster_ms: float  # median time of story_overlap on one story's articles
    not_articles: int = 0  # documents the loader rejects: nothing left after cleaning


def _load(name: str, eval_dir: Path, limit: int | None) -> tuple[list, list[int], int]:
    """Each story's documents through the product's own loading and cleaning (as a user's
    pile would go): a document that is only page furniture (a platform's notice, a "not
    found" page) is no article; it is skipped, as ``load_articles(errors="skip")`` does, and
    counted (third value), never scored."""
    from summarize.errors import ArticleError
    from summarize.inputs.loading import load_articles

    articles, story, rejected = [], [], 0
    with (eval_dir / f"{name}.jsonl").open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    rows = [row for row in rows if not row.get("quality_flag")][:limit]
    for index, row in enumerate(rows):
        documents = [d for d in row["documents"] if d.strip()]
        try:
            loaded = list(load_articles(documents, errors="skip"))
        except ArticleError:
            rejected += len(documents)
            continue
        rejected += len(documents) - len(loaded)
        articles += loaded
        story += [index] * len(loaded)
    return articles, story, rejected


def _pairs(story: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n = len(story)
    upper = np.triu_indices(n, 1)
    same = story[upper[0]] == story[upper[1]]
    positives = np.flatnonzero(same)
    negatives = np.flatnonzero(~same)
    count = min(len(negatives), NEGATIVES_PER_POSITIVE * len(positives))
    chosen = np.sort(np.concatenate([positives, rng.choice(negatives, count, replace=False)]))
    pairs = np.stack([upper[0][chosen], upper[1][chosen]], axis=1)
    return pairs, same[chosen]


def build(
    name: str, eval_dir: Path, limit: int | None, seed: int = 0, embedder_name: str | None = None
) -> Dataset:
    from summarize.comparison.alignment import align
    from summarize.comparison.story_overlap import (
        OverlapModel,
        design,
        pair_features,
        story_overlap,
    )
    from summarize.models.embeddings import get_embedder

    articles, stories, rejected = _load(name, eval_dir, limit)
    story = np.array(stories)
    embedder = get_embedder(embedder_name)
    vectors = list(_encode(embedder, [a.sentences for a in articles]))
    start = time.perf_counter()
    features = pair_features([a.sentences for a in articles], vectors)
    logger.info(
        "%s: %d articles, %d stories, features of all %d pairs in %.2f s",
        name,
        len(articles),
        len(set(stories)),
        len(articles) ** 2,
        time.perf_counter() - start,
    )
    # Pages that are an "article" of several clusters (Twitter's location notice, the Internet
    # Archive's crawl notice) are scraping boilerplate, not reports of either story.
    keys = [" ".join(a.sentences)[:200] for a in articles]
    stories_of: dict[str, set[int]] = {}
    for key, s in zip(keys, stories, strict=True):
        stories_of.setdefault(key, set()).add(s)
    boilerplate = np.array([len(stories_of[key]) > 1 for key in keys])
    width = design(features[:1, :1]).shape[-1]
    unfitted = OverlapModel((0.0,) * width, 0.0, (0.0,) * width, (1.0,) * width)  # same cost
    times = []
    for s in np.unique(story):
        members = np.flatnonzero(story == s)
        if len(members) > 1:
            start = time.perf_counter()
            story_overlap(
                [articles[i].sentences for i in members],
                [vectors[i] for i in members],
                model=unfitted,
            )
            times.append(time.perf_counter() - start)
    # The old overlap (share of sentences with a same-fact match) of the sampled pairs.
    pairs, same = _pairs(story, np.random.default_rng(seed))
    matched = np.zeros(len(pairs))
    for row, (a, b) in enumerate(pairs):
        matched[row] = align([articles[a], articles[b]], embedder=embedder).fact_overlap[0, 1]
    return Dataset(
        name,
        story,
        features,
        matched,
        pairs,
        same,
        boilerplate,
        1000 * float(np.median(times)),
        rejected,
    )


def _encode(embedder, sentences: Sequence[Sequence[str]]):
    """Each article's vectors, from one batched call (a transformer sorts the batch by length)."""
    flat = [s for article in sentences for s in article]
    vectors = embedder.encode(flat)
    start = 0
    for article in sentences:
        yield vectors[start : start + len(article)]
        start += len(article)


def _auc(scores: np.ndarray, labels: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, scores))


def _fit(features: np.ndarray, labels: np.ndarray) -> dict:
    from sklearn.linear_model import LogisticRegression

    from summarize.comparison.story_overlap import OverlapModel, design

    raw = design(features)
    mean, scale = raw.mean(axis=0), raw.std(axis=0) + 1e-9
    unfitted = OverlapModel((), 0.0, tuple(mean), tuple(scale))
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000)
    model.fit(unfitted.standardise(features), labels)
    return {
        "weights": model.coef_[0].tolist(),
        "bias": float(model.intercept_[0]),
        "mean": mean.tolist(),
        "scale": scale.tolist(),
        "clip": unfitted.clip,
    }


def _model(fitted: dict, bar: float = 0.5):
    from summarize.comparison.story_overlap import OverlapModel

    return OverlapModel(
        weights=tuple(fitted["weights"]),
        bias=fitted["bias"],
        mean=tuple(fitted["mean"]),
        scale=tuple(fitted["scale"]),
        bar=bar,
        clip=fitted["clip"],
    )


def _half(data: Dataset, parity: int) -> np.ndarray:
    """Sampled pairs whose stories are both in one half (story index parity)."""
    a, b = data.pairs[:, 0], data.pairs[:, 1]
    return (data.story[a] % 2 == parity) & (data.story[b] % 2 == parity)


def _pair_features(data: Dataset, mask: np.ndarray) -> np.ndarray:
    pairs = data.pairs[mask]
    return data.features[pairs[:, 0], pairs[:, 1]]


def _folders(data: Dataset, parity: int, rng: np.random.Generator):
    """Single-story folders of one half, and each with one article of another story added
    (boilerplate pages left out of both: they are no story's article)."""
    stories = [s for s in np.unique(data.story) if s % 2 == parity]
    for s in stories:
        members = np.flatnonzero((data.story == s) & ~data.boilerplate)
        if len(members) < 2:
            continue
        others = np.flatnonzero((data.story != s) & (data.story % 2 == parity) & ~data.boilerplate)
        intruder = int(rng.choice(others))
        yield members, intruder


def _flags(data: Dataset, model, folder: np.ndarray, bar: float) -> list[int]:
    from summarize.comparison.story_overlap import outliers

    probability = model.probability(data.features[np.ix_(folder, folder)])
    probability = (probability + probability.T) / 2
    np.fill_diagonal(probability, 1.0)
    return outliers(probability, bar=bar)


def _choose_bar(datasets: Sequence[Dataset], model, parity: int) -> float:
    """Highest bar flagging at most FALSE_FLAG_BUDGET of the articles of single-story folders."""
    best = 0.01
    for bar in np.round(np.arange(0.01, 0.51, 0.01), 2):
        flagged = total = 0
        for data in datasets:
            for members, _ in _folders(data, parity, np.random.default_rng(1)):
                flagged += len(_flags(data, model, members, bar))
                total += len(members)
        if flagged <= FALSE_FLAG_BUDGET * total:
            best = float(bar)
    return best


def _warning_rates(data: Dataset, model, parity: int, bar: float) -> tuple[float, float]:
    """(share of single-story folders with a false warning, share of mixed folders where exactly
    the intruder is named)."""
    false = caught = count = 0
    for members, intruder in _folders(data, parity, np.random.default_rng(2)):
        count += 1
        false += bool(_flags(data, model, members, bar))
        folder = np.append(members, intruder)
        caught += _flags(data, model, folder, bar) == [len(members)]
    return false / max(count, 1), caught / max(count, 1)


#: Stories per pile, and piles drawn of each size, for :func:`_pile_rates`.
PILE_SIZES = (2, 3, 6, 20)
PILES = 40


def _pile_rates(
    data: Dataset, model, parity: int, bar: float, stories: int
) -> tuple[float, float] | None:
    """Folders of several whole stories of one half (a pile a user briefs by mistake):
    (share of the articles outside the largest story that the warning names, share of the
    largest story's articles it names). ``None`` when the half has too few stories."""
    rng = np.random.default_rng(stories)
    pool = [s for s in np.unique(data.story) if s % 2 == parity]
    if len(pool) < stories:
        return None
    named_other = other = named_main = main_total = 0
    for _ in range(PILES):
        chosen = rng.choice(pool, size=stories, replace=False)
        groups = [np.flatnonzero((data.story == s) & ~data.boilerplate) for s in chosen]
        groups = [g for g in groups if len(g)]
        folder = np.concatenate(groups)
        main = max(range(len(groups)), key=lambda k: (len(groups[k]), -k))
        in_main = np.isin(folder, groups[main])
        named = np.zeros(len(folder), dtype=bool)
        named[_flags(data, model, folder, bar)] = True
        named_other += int((named & ~in_main).sum())
        other += int((~in_main).sum())
        named_main += int((named & in_main).sum())
        main_total += int(in_main.sum())
    return named_other / max(other, 1), named_main / max(main_total, 1)


def evaluate(datasets: Sequence[Dataset]) -> tuple[str, dict]:
    from summarize.comparison.story_overlap import FEATURES

    lines = [
        "| set | half scored | pairs | pairs (same / different) | story overlap AUC "
        "| same-story < 0.1 | share of matched facts AUC | its same-story < 0.1 | "
        + " | ".join(f"{f} AUC" for f in FEATURES)
        + " |",
        "|---" * (8 + len(FEATURES)) + "|",
    ]
    warn_lines = [
        "| set | half scored | bar (fitted on the other half) | single-story folders warned | "
        "mixed folders: intruder alone named |",
        "|---|---|---|---|---|",
    ]
    pile_lines = [
        "| set | half scored | bar | "
        + " | ".join(f"{k} stories: others named / main named" for k in PILE_SIZES)
        + " |",
        "|---|---|---" + "|---" * len(PILE_SIZES) + "|",
    ]
    summary: dict = {}
    for parity in (0, 1):
        train = [_half(d, 1 - parity) for d in datasets]
        features = np.concatenate(
            [_pair_features(d, m) for d, m in zip(datasets, train, strict=True)]
        )
        labels = np.concatenate([d.same[m] for d, m in zip(datasets, train, strict=True)])
        fitted = _model(_fit(features, labels))
        bar = _choose_bar(datasets, fitted, 1 - parity)
        for data in datasets:
            clean = ~data.boilerplate[data.pairs[:, 0]] & ~data.boilerplate[data.pairs[:, 1]]
            subsets = [("all", _half(data, parity))]
            if data.boilerplate.any():
                subsets.append(("boilerplate pages out", _half(data, parity) & clean))
            for subset, mask in subsets:
                scores = fitted.probability(_pair_features(data, mask))
                labels = data.same[mask]
                auc = _auc(scores, labels)
                low = float((scores[labels] < 0.1).mean())
                matched = data.matched[mask]
                singles = _pair_features(data, mask)
                lines.append(
                    f"| {data.name} | {'even' if parity == 0 else 'odd'} | {subset} | "
                    f"{labels.sum()} / {(~labels).sum()} | **{auc:.4f}** | **{low:.1%}** | "
                    f"{_auc(matched, labels):.4f} | {(matched[labels] < 0.1).mean():.1%} | "
                    + " | ".join(f"{_auc(singles[:, k], labels):.4f}" for k in range(len(FEATURES)))
                    + " |"
                )
                summary[f"{data.name}/{parity}/{subset}"] = {"auc": auc, "below_0.1": low}
            false, caught = _warning_rates(data, fitted, parity, bar)
            warn_lines.append(
                f"| {data.name} | {'even' if parity == 0 else 'odd'} | {bar:.2f} | "
                f"{false:.1%} | {caught:.1%} |"
            )
            piles = [_pile_rates(data, fitted, parity, bar, k) for k in PILE_SIZES]
            pile_lines.append(
                f"| {data.name} | {'even' if parity == 0 else 'odd'} | {bar:.2f} | "
                + " | ".join("-" if r is None else f"{r[0]:.1%} / {r[1]:.1%}" for r in piles)
                + " |"
            )
    speed = ", ".join(f"{d.name} {d.cluster_ms:.1f} ms" for d in datasets)
    note = f"Median time of story_overlap on one story's articles (vectors given): {speed}."
    rejected = ", ".join(
        f"{d.name} {d.not_articles} ({int(d.boilerplate.sum())} articles of several stories left)"
        for d in datasets
    )
    note += f"\nDocuments the loader rejects as no article (not scored): {rejected}."
    tables = "\n\n".join("\n".join(t) for t in (lines, warn_lines, pile_lines))
    return tables + "\n\n" + note, summary


def refit(datasets: Sequence[Dataset]) -> dict:
    from summarize.comparison.story_overlap import FEATURES

    features = np.concatenate([d.features[d.pairs[:, 0], d.pairs[:, 1]] for d in datasets])
    labels = np.concatenate([d.same for d in datasets])
    fitted = _fit(features, labels)
    bar = min(_choose_bar(datasets, _model(fitted), parity) for parity in (0, 1))
    return {
        "features": list(FEATURES),
        **fitted,
        "bar": bar,
        "fitted_on": {d.name: {"pairs": len(d.pairs), "same": int(d.same.sum())} for d in datasets},
        "how": "benchmarks/overlap.py --write: logistic regression, balanced classes, "
        "standardised features clipped to +-3; bar = highest flagging <= 2% of single-story "
        "articles",
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--limit", type=int, default=None, help="first N usable stories per set")
    parser.add_argument("--write", action="store_true", help=f"refit and write {DATA_FILE}")
    parser.add_argument(
        "--embedder",
        default=None,
        help="embedder whose vectors to calibrate (default: the library's)",
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="seed of the different-story pairs sampled"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not args.eval_dir.is_dir():
        print(f"No eval data at {args.eval_dir}; pass --eval-dir.", file=sys.stderr)
        return 0
    from summarize.models.registry import canonical_embedder_name

    embedder = canonical_embedder_name(args.embedder)
    datasets = [build(name, args.eval_dir, args.limit, args.seed, embedder) for name in SETS]
    table, _ = evaluate(datasets)
    print(table)
    if args.write:
        fitted = refit(datasets)
        stored = json.loads(DATA_FILE.read_text(encoding="utf-8")) if DATA_FILE.exists() else {}
        stored.setdefault("default", "minilm-static")
        stored.setdefault("models", {})[Path(embedder).name] = fitted
        DATA_FILE.write_text(json.dumps(stored, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {DATA_FILE}: bar {fitted['bar']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
