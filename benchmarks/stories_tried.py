"""What was tried to lift story grouping on NeuS (issue 17), each on half A with half B held out.

The acceptance pile ``neus_allsides_val`` (882 articles, 307 stories, headline + first paragraph)
sits at B-cubed F1 0.85 with the default grouping, against 0.95 wanted. This script reproduces
the error analysis and every variant tried, on the same piles and halves as
``benchmarks/stories.py --quality`` (each half grouped on its own, TF-IDF fitted on that half):

* errors of the default on the whole NeuS pile: over-merges against splits, pairs, and the
  largest mixed groups;
* how well the similarity ranks same-story articles at all (nearest neighbour, R-precision);
* variants, each with its threshold chosen on half A of both piles (best mean F1): the story
  overlap probability (``summarize/overlap.py``) refitted on half A, alone and mixed in; pair
  classifiers over a dozen pair signals fitted on half A; headline-vs-headline and
  lead-vs-lead similarity mixed in; a second pass splitting groups whose members share no
  sentence-level facts; complete / weighted linkage and a cap on the least similar pair;
  local scaling (each article's similarity relative to its own nearest neighbours);
* local scaling and complete link on piles with *bigger* stories: multinews documents cut into
  8-sentence pieces, each piece an "article" of its story; the ``--scale`` pile of 3,000
  perturbed copies of the dev documents (``benchmarks/stories.py``).

Dense n x n matrices are fine here (at most 3,000 articles); none of this is the library's
scalable path. About a minute on the shared 2-core machine.

Usage::

    python benchmarks/stories_tried.py [--eval ../shared/eval]
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import os
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("story_bench", HERE / "stories.py")
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

PILES = ("multinews", "neus")
#: A half's pairwise signals, each an (n, n) matrix.
Signals = dict[str, np.ndarray]


# --------------------------------------------------------------------------- signals


def _unit(rows: np.ndarray) -> np.ndarray:
    return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)


def signals(articles: list) -> Signals:
    """Every pairwise signal of one half's articles (fitted on that half alone)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from summarize.comparison.story_overlap import pair_features
    from summarize.defaults import STORY_TFIDF_WEIGHT as TFIDF_WEIGHT
    from summarize.models.embeddings import get_embedder
    from summarize.pipeline.stories import document_vectors

    tfidf, dense = document_vectors(articles)
    lexical = (tfidf @ tfidf.T).toarray().astype(np.float64)
    semantic = (dense @ dense.T).astype(np.float64)
    embedder = get_embedder()
    sentences = [list(a.sentences) or [a.title] for a in articles]
    flat = embedder.encode([s for article in sentences for s in article])
    starts = np.cumsum([0, *map(len, sentences)])
    vectors = [flat[starts[i] : starts[i + 1]] for i in range(len(articles))]
    headlines = _unit(embedder.encode([a.title for a in articles]).astype(np.float64))
    leads = _unit(np.stack([v[1] if len(v) > 1 else v[0] for v in vectors]).astype(np.float64))

    def tfidf_of(texts: list[str]) -> np.ndarray:
        matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
        return (matrix @ matrix.T).toarray()

    overlap = pair_features(sentences, vectors)
    return {
        "similarity": TFIDF_WEIGHT * lexical + (1 - TFIDF_WEIGHT) * semantic,
        "tfidf": lexical,
        "embedding": semantic,
        "headline_embedding": headlines @ headlines.T,
        "lead_embedding": leads @ leads.T,
        "peer": tfidf_of([f"{a.title}\n{a.text}" for a in articles]),  # as --quality's peer
        "headline_tfidf": tfidf_of([a.title for a in articles]),
        "lead_tfidf": tfidf_of([" ".join([a.title, *a.sentences[:2]]) for a in articles]),
        **{f"overlap_{name}": overlap[..., k] for k, name in enumerate(_overlap_names())},
    }


def _overlap_names() -> tuple[str, ...]:
    from summarize.comparison.story_overlap import FEATURES

    return FEATURES


# --------------------------------------------------------------------------- grouping


def average_link(similarity: np.ndarray, thresholds: Sequence[float], method: str = "average"):
    """Flat groups (labels) of a scipy linkage of ``similarity`` cut at each threshold."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    shift = float(np.max(similarity))  # distances must be >= 0; a shift keeps the merge order
    distance = shift - (similarity + similarity.T) / 2
    np.fill_diagonal(distance, 0)
    tree = linkage(squareform(np.clip(distance, 0, None), checks=False), method=method)
    return {t: fcluster(tree, shift - t, criterion="distance") for t in thresholds}


def capped_average_link(similarity: np.ndarray, threshold: float, floor: float) -> np.ndarray:
    """Average link that also refuses a merge whose least similar pair is below ``floor``."""
    n = len(similarity)
    total = similarity.astype(np.float64).copy()
    least = total.copy()
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    members = {i: [i] for i in range(n)}
    while True:
        mean = total / np.outer(size, size)
        allowed = alive[:, None] & alive[None, :] & (least >= floor)
        np.fill_diagonal(allowed, False)
        score = np.where(allowed, mean, -np.inf)
        a, b = divmod(int(np.argmax(score)), n)
        if score[a, b] < threshold:
            break
        total[a] += total[b]
        total[:, a] = total[a]
        least[a] = np.minimum(least[a], least[b])
        least[:, a] = least[a]
        size[a] += size[b]
        alive[b] = False
        members[a] += members.pop(b)
    labels = np.empty(n, dtype=int)
    for label, group in enumerate(members.values()):
        labels[group] = label
    return labels


def split_unlinked(labels: np.ndarray, facts: np.ndarray, bar: float) -> np.ndarray:
    """Second pass: split each group into the parts linked by pairs sharing facts >= ``bar``."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    out = labels.copy()
    following = labels.max() + 1
    for label in np.unique(labels):
        group = np.flatnonzero(labels == label)
        parts, part = connected_components(csr_matrix(facts[np.ix_(group, group)] >= bar))
        for k in range(1, parts):
            out[group[part == k]] = following
            following += 1
    return out


def local_background(similarity: np.ndarray, first: int, last: int) -> np.ndarray:
    """Each article's mean similarity to its neighbours ranked ``first`` to ``last`` - 1."""
    ranked = similarity.copy()
    np.fill_diagonal(ranked, -np.inf)
    ranked = -np.sort(-ranked, axis=1)[:, first : min(last, len(ranked) - 1)]
    return ranked.mean(axis=1)


def locally_scaled(similarity: np.ndarray, first: int, last: int) -> np.ndarray:
    background = local_background(similarity, first, last)
    return similarity - (background[:, None] + background[None, :]) / 2


# --------------------------------------------------------------------------- evaluation

Halves = dict[tuple[str, str], tuple[Signals, list[int]]]
#: A variant groups one half (its key and signals) at each threshold: {threshold: labels}.
Variant = Callable[[tuple[str, str], Signals, Sequence[float]], dict[float, np.ndarray]]


def evaluate(
    halves: Halves, variant: Variant, grid: Sequence[float]
) -> tuple[float, dict[tuple[str, str], float]]:
    """The threshold best on half A of both piles, and every half's F1 at it."""
    scores = {
        key: {
            t: bench.bcubed(list(labels), gold)[2] for t, labels in variant(key, sig, grid).items()
        }
        for key, (sig, gold) in halves.items()
    }
    best = max(grid, key=lambda t: scores["multinews", "A"][t] + scores["neus", "A"][t])
    return best, {key: by_threshold[best] for key, by_threshold in scores.items()}


def row(name: str, best: float, f1: dict[tuple[str, str], float]) -> str:
    cells = " | ".join(f"{f1[pile, half]:.3f}" for pile in PILES for half in "AB")
    return f"| {name} | {best:g} | {cells} |"


def grid_from(start: float, stop: float, step: float) -> list[float]:
    return [round(x, 3) for x in np.arange(start, stop + step / 2, step)]


def fitted_probability(
    halves: Halves,
    names: Sequence[str],
    model: str,
) -> dict[tuple[str, str], np.ndarray]:
    """A pair classifier over ``names`` fitted on half A's candidate pairs (each article's 30
    most similar), applied to every half: same-story probability, 0 outside candidates."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    from summarize.comparison.story_overlap import design

    def table(sig: Signals) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        similarity = sig["similarity"].copy()
        np.fill_diagonal(similarity, -np.inf)
        top = np.argpartition(-similarity, 30, axis=1)[:, :30]
        mask = np.zeros(similarity.shape, dtype=bool)
        mask[np.arange(len(similarity))[:, None], top] = True
        a, b = np.nonzero(np.triu(mask | mask.T, 1))
        if model == "overlap":  # the issue-13b model: its own design (signals, logs, x length)
            columns = design(np.stack([sig[f"overlap_{n}"][a, b] for n in names], axis=1))
        else:
            columns = np.stack([sig[n][a, b] for n in names], axis=1)
        return a, b, columns

    train = [(table(sig), gold) for (pile, half), (sig, gold) in halves.items() if half == "A"]
    x = np.concatenate([columns for (_, _, columns), _ in train])
    y = np.concatenate([np.array(gold)[a] == np.array(gold)[b] for (a, b, _), gold in train])
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    if model == "boosting":
        classifier = HistGradientBoostingClassifier(
            max_iter=200,
            learning_rate=0.05,
            max_leaf_nodes=15,
            class_weight="balanced",
            random_state=0,
        ).fit(x, y)
        standardise = lambda c: c  # noqa: E731
    else:
        classifier = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000)
        standardise = lambda c: np.clip((c - mean) / scale, -3, 3)  # noqa: E731
        classifier.fit(standardise(x), y)
    out = {}
    for key, (sig, _) in halves.items():
        a, b, columns = table(sig)
        probability = np.zeros(sig["similarity"].shape)
        probability[a, b] = probability[b, a] = classifier.predict_proba(standardise(columns))[:, 1]
        np.fill_diagonal(probability, 1.0)
        out[key] = probability
    return out


# --------------------------------------------------------------------------- report


def error_analysis(articles: list, gold: list[int]) -> None:
    """Over-merges against splits of the default grouping on the whole pile."""
    from summarize.defaults import STORY_NEIGHBOURS, STORY_THRESHOLD
    from summarize.pipeline.stories import _average_link, _candidates, document_vectors

    tfidf, dense = document_vectors(articles)
    candidates = _candidates(tfidf, dense, neighbours=STORY_NEIGHBOURS)
    groups = _average_link(candidates, tfidf, dense, threshold=STORY_THRESHOLD)
    labels = bench._labels(groups, len(articles))
    precision, recall, f1 = bench.bcubed(labels, gold)
    mixed = [g for g in groups if len({gold[i] for i in g}) > 1]
    split = [s for s in set(gold) if len({labels[i] for i in range(len(gold)) if gold[i] == s}) > 1]
    label, truth = np.array(labels), np.array(gold)
    upper = np.triu_indices(len(gold), 1)
    together = label[upper[0]] == label[upper[1]]
    same = truth[upper[0]] == truth[upper[1]]
    print(f"\nNeuS, default threshold {STORY_THRESHOLD}:", end=" ")
    print(f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    print(
        f"  {len(groups)} groups for {len(set(gold))} stories; {len(mixed)} groups mix stories "
        f"({sum(len(g) for g in mixed)} articles); {len(split)} stories split; pairs grouped "
        f"wrongly {int((together & ~same).sum())}, same-story pairs missed "
        f"{int((~together & same).sum())} (of {int(same.sum())})"
    )
    for group in sorted(mixed, key=len, reverse=True)[:8]:
        stories = Counter(gold[i] for i in group)
        heads = "; ".join(
            next(articles[i].title[:50] for i in group if gold[i] == s) for s in stories
        )
        print(f"  mixed group of {len(group)} from {len(stories)} stories: {heads}")


def ranking(sig: Signals, gold: list[int], name: str) -> str:
    """Share of articles whose nearest neighbour is of their story, and R-precision."""
    similarity = sig[name].copy()
    np.fill_diagonal(similarity, -np.inf)
    order = np.argsort(-similarity, axis=1)
    truth = np.array(gold)
    others = np.bincount(truth)[truth] - 1
    top1 = float((truth[order[:, 0]] == truth).mean())
    r_precision = np.mean(
        [(truth[order[i, : others[i]]] == truth[i]).mean() for i in range(len(truth)) if others[i]]
    )
    return f"{name}: nearest neighbour of the same story {top1:.3f}, R-precision {r_precision:.3f}"


def chunked_multinews(articles: list, gold: list[int], sentences: int = 8) -> tuple[list, list]:
    """Each multinews document cut into pieces of ``sentences`` sentences (>= 30 words), each
    piece an article of the document's story: stories of ~12 articles instead of ~3."""
    pieces, truth = [], []
    for article, story in zip(articles, gold, strict=True):
        for start in range(0, len(article.sentences), sentences):
            part = list(article.sentences[start : start + sentences])
            if len(" ".join(part).split()) < 30:
                continue
            pieces.append(
                dataclasses.replace(
                    article,
                    source=f"{article.source}-{start}",
                    title=part[0],
                    sentences=tuple(part),
                    text=" ".join(part),
                )
            )
            truth.append(story)
    return pieces, truth


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=bench.DEFAULT_EVAL, help="shared eval folder")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    np.seterr(all="ignore")
    piles = {name: bench.load_pile(args.eval, name) for name in PILES}
    halves: Halves = {}
    for name, (articles, gold) in piles.items():
        for half, parity in (("A", 0), ("B", 1)):
            index = [i for i, g in enumerate(gold) if g % 2 == parity]
            halves[name, half] = (signals([articles[i] for i in index]), [gold[i] for i in index])
    error_analysis(*piles["neus"])
    print("\nHow well each signal ranks same-story articles first (NeuS, half A):")
    for name in ("similarity", "tfidf", "embedding", "headline_embedding", "overlap_top_match"):
        print("  " + ranking(*halves["neus", "A"], name))

    print("\n| variant | threshold (best on A) | multinews A | multinews B | NeuS A | NeuS B |")
    print("|---|---|---|---|---|---|")
    chosen: dict[str, float] = {}

    def report(label: str, variant: Variant, grid: Sequence[float]) -> None:
        best, f1 = evaluate(halves, variant, grid)
        chosen[label] = best
        print(row(label, best, f1), flush=True)

    def linked(
        transform: Callable[[tuple[str, str], Signals], np.ndarray], method: str = "average"
    ):
        return lambda key, sig, grid: average_link(transform(key, sig), grid, method)

    default = linked(lambda key, sig: sig["similarity"])
    report(
        "default: TF-IDF 0.85 + lead embedding 0.15, average link",
        default,
        grid_from(0.1, 0.4, 0.01),
    )
    report(
        "peer: TF-IDF of the full text, average link",
        linked(lambda key, sig: sig["peer"]),
        grid_from(0.02, 0.4, 0.02),
    )
    report(
        "complete link",
        linked(lambda k, s: s["similarity"], "complete"),
        grid_from(0.02, 0.3, 0.01),
    )
    report(
        "weighted (WPGMA) link",
        linked(lambda k, s: s["similarity"], "weighted"),
        grid_from(0.1, 0.4, 0.01),
    )
    for floor in (0.08, 0.12, 0.16):
        report(
            f"average link, least similar pair >= {floor}",
            lambda key, sig, grid, f=floor: {
                t: capped_average_link(sig["similarity"], t, f) for t in grid
            },
            grid_from(0.18, 0.26, 0.02),
        )
    for signal in (
        "headline_embedding",
        "headline_tfidf",
        "lead_embedding",
        "lead_tfidf",
        "overlap_top_match",
        "overlap_best_match",
        "overlap_names",
    ):
        report(
            f"(similarity + 0.1 x {signal}) / 1.1",
            linked(lambda key, sig, s=signal: (sig["similarity"] + 0.1 * sig[s]) / 1.1),
            grid_from(0.1, 0.4, 0.01),
        )
    for signal, bar in (
        ("overlap_top_match", 0.75),
        ("overlap_top_match", 0.8),
        ("overlap_names", 0.2),
        ("lead_tfidf", 0.2),
        ("similarity", 0.25),
        ("similarity", 0.3),
    ):
        report(
            f"then split each group into parts linked by {signal} >= {bar}",
            lambda key, sig, grid, s=signal, b=bar: {
                t: split_unlinked(labels, sig[s], b)
                for t, labels in default(key, sig, grid).items()
            },
            grid_from(0.18, 0.26, 0.02),
        )
    overlap = fitted_probability(halves, _overlap_names(), "overlap")
    report(
        "story-overlap probability (issue 13b, refitted on half A) alone",
        linked(lambda key, sig: overlap[key]),
        grid_from(0.3, 0.98, 0.02),
    )
    for weight in (0.1, 0.3):
        report(
            f"similarity mixed with {weight} x that probability",
            linked(lambda key, sig, w=weight: (1 - w) * sig["similarity"] + w * overlap[key]),
            grid_from(0.1, 0.6, 0.01),
        )
    names = [
        "similarity",
        "tfidf",
        "embedding",
        "headline_embedding",
        "lead_embedding",
        "headline_tfidf",
        "lead_tfidf",
        *(f"overlap_{n}" for n in _overlap_names()),
    ]
    for model in ("logistic", "boosting"):
        probability = fitted_probability(halves, names, model)
        report(
            f"pair classifier ({model}, {len(names)} signals, fitted on half A)",
            linked(lambda key, sig, p=probability: p[key]),
            grid_from(0.3, 0.98, 0.02),
        )
    scalings = ((0, 5), (0, 10), (5, 30), (10, 30))
    for first, last in scalings:
        report(
            f"local scaling: minus the mean similarity to neighbours {first + 1}-{last}",
            linked(lambda key, sig, f=first, la=last: locally_scaled(sig["similarity"], f, la)),
            grid_from(-0.15, 0.2, 0.01),
        )

    pieces, truth = chunked_multinews(*piles["multinews"])
    bigger_stories("multinews cut into 8-sentence pieces", pieces, truth, chosen, scalings)
    copies, truth = bench.perturbed_pile(args.eval, 3000)
    bigger_stories("the --scale pile of 3,000 perturbed copies", copies, truth, chosen, scalings)


def bigger_stories(
    title: str,
    articles: list,
    truth: list,
    chosen: dict[str, float],
    scalings: Sequence[tuple[int, int]],
) -> None:
    """B-cubed of the default, local scaling and complete link on a pile of bigger stories, at
    the thresholds chosen on the dev halves."""
    from summarize.defaults import STORY_TFIDF_WEIGHT as TFIDF_WEIGHT
    from summarize.pipeline.stories import document_vectors

    tfidf, dense = document_vectors(articles)
    similarity = TFIDF_WEIGHT * (tfidf @ tfidf.T).toarray() + (1 - TFIDF_WEIGHT) * dense @ dense.T
    similarity = similarity.astype(np.float64)
    print(
        f"\nBigger stories: {title} ({len(articles)} articles, {len(set(truth))} stories, up "
        f"to {max(Counter(truth).values())} per story), B-cubed P / R / F1:"
    )
    cases = [("default", similarity, chosen[next(iter(chosen))], "average")]
    for first, last in scalings:
        label = next(k for k in chosen if k.endswith(f"neighbours {first + 1}-{last}"))
        cases.append((label, locally_scaled(similarity, first, last), chosen[label], "average"))
    cases.append(("complete link", similarity, chosen["complete link"], "complete"))
    for label, matrix, t, method in cases:
        p, r, f = bench.bcubed(list(average_link(matrix, [t], method)[t]), truth)
        print(f"  {label} ({t:g}): {p:.3f} / {r:.3f} / {f:.3f}", flush=True)


if __name__ == "__main__":
    main()
