"""How far can a same-fact score go? Pair-level separation on the editors' labels.

For every cross-outlet pair of labelled sentences of the labelled stories (``fit_story_pairs``'s
examples: NeuS val and Multi-News dev), per set and per half (even / odd rows): the recall at
pair precision >= 0.85 (the best over all bars) and the average precision of each score:

* ``static cos``: the default static embedder's cosine;
* ``pair model``: the shipped story-internal model (``story_pairs.json``, fitted on all
  stories: in-sample);
* ``static tokens``: BERTScore-style soft alignment on the static model's token vectors: the
  share (weighted by in-story IDF) of one sentence's tokens whose closest token in the other
  has a high cosine; ``max``: the better-covered sentence (a fact inside a longer sentence),
  ``min``: the worse;
* ``minilm cos`` and ``minilm tokens`` (``--minilm``: the all-MiniLM-L6-v2 transformer, its
  sentence vectors and contextual token vectors; slow on 2 cores);
* logistic models on the pair model's features plus those scores, fitted on one half and
  tested on the other (both directions).

This measures the ceiling of a pair score before any grouping (claims add transitivity).
Usage::

    python -m benchmarks.pair_ceiling [--minilm] [--cache /tmp/examples.pkl]
"""

from __future__ import annotations

import argparse
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.fit_story_pairs import Example, labelled_examples
from benchmarks.real_coverage import EVAL_DIR

logger = logging.getLogger("benchmarks.pair_ceiling")
PRECISION = 0.85


def recall_at(same: np.ndarray, score: np.ndarray, precision: float = PRECISION) -> float:
    """The highest recall of ``score >= bar`` over all bars with precision >= ``precision``."""
    hits = np.cumsum(same[np.argsort(-score, kind="stable")])
    ok = hits / np.arange(1, len(hits) + 1) >= precision
    return float(hits[ok].max() / max(1, same.sum())) if ok.any() else 0.0


def average_precision(same: np.ndarray, score: np.ndarray) -> float:
    ordered = same[np.argsort(-score, kind="stable")]
    hits = np.cumsum(ordered)
    return float((hits / np.arange(1, len(hits) + 1) * ordered).sum() / max(1, same.sum()))


def coverage(
    vectors: Sequence[np.ndarray], ids: Sequence[Sequence[int]], idf: dict[int, float]
) -> np.ndarray:
    """``C[a, b]``: the IDF-weighted mean over a's tokens of their best cosine with b's."""
    lengths = np.array([len(v) for v in vectors])
    n, bounds = len(vectors), np.concatenate([[0], np.cumsum(lengths)])
    tokens = np.concatenate([v for v in vectors if len(v)]).astype(np.float32)
    present = lengths > 0
    best = np.zeros((len(tokens), n), np.float32)
    for s in range(0, len(tokens), 2048):
        block = tokens[s : s + 2048] @ tokens.T
        best[s : s + 2048][:, present] = np.maximum.reduceat(block, bounds[:-1][present], axis=1)
    out = np.zeros((n, n), np.float32)
    for a in range(n):
        if lengths[a]:
            w = np.array([idf[i] for i in ids[a]])
            out[a] = w @ best[bounds[a] : bounds[a + 1]] / max(float(w.sum()), 1e-9)
    return out


def token_scores(example: Example, minilm: Any | None) -> dict[str, np.ndarray]:
    """Each extra score of the example's pairs (module docstring)."""
    from summarize.models.registry import load_embedder_model

    static = load_embedder_model("minilm-static")
    table = static.embedding / np.maximum(
        np.linalg.norm(static.embedding, axis=1, keepdims=True), 1e-9
    )
    weight = np.linalg.norm(static.embedding, axis=1)  # SIF: tiny for the, of, punctuation
    flat = [s for doc in example.sentences for s in doc]
    ids = [e.ids for e in static.tokenizer.encode_batch(flat, add_special_tokens=False)]
    df: dict[int, int] = defaultdict(int)
    for row in ids:
        for i in set(row):
            df[i] += 1
    idf = {i: float(np.log((len(flat) + 1) / (c + 0.5))) * (weight[i] > 0.5) for i, c in df.items()}
    lo, hi = example.pairs[:, 0], example.pairs[:, 1]
    out: dict[str, np.ndarray] = {}

    def both(name: str, matrix: np.ndarray) -> None:
        out[name + " max"] = np.maximum(matrix[lo, hi], matrix[hi, lo])
        out[name + " min"] = np.minimum(matrix[lo, hi], matrix[hi, lo])

    both("static tokens", coverage([table[row] for row in ids], ids, idf))
    if minilm is not None:
        tokens = minilm.encode(flat, output_value="token_embeddings", batch_size=32)
        vectors = [t.numpy()[1:-1] for t in tokens]  # no [CLS], [SEP]
        vectors = [v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9) for v in vectors]
        cut = [row[: len(v)] for row, v in zip(ids, vectors, strict=True)]  # 256-token cap
        both(
            "minilm tokens",
            coverage([v[: len(r)] for v, r in zip(vectors, cut, strict=True)], cut, idf),
        )
        sentence = minilm.encode(flat, normalize_embeddings=True, batch_size=32)
        out["minilm cos"] = np.einsum("ij,ij->i", sentence[lo], sentence[hi])
    return out


def cross_fit(
    examples: Sequence[Example], extra: Sequence[dict[str, np.ndarray]], names: Sequence[str]
) -> list[np.ndarray]:
    """Logistic model on the pair model's features plus ``names``, fitted on one half of the
    stories and scoring the other (both ways): a score per example."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    def design(e: Example, x: dict[str, np.ndarray]) -> np.ndarray:
        return np.hstack([e.features, *[x[n][:, None] for n in names]])

    out: list[np.ndarray] = [np.zeros(0)] * len(examples)
    for half in (0, 1):
        train = [(e, x) for e, x in zip(examples, extra, strict=True) if e.half != half]
        matrix = np.vstack([design(e, x)[e.labelled] for e, x in train])
        same = np.concatenate([e.same[e.labelled] for e, _ in train])
        scaler = StandardScaler().fit(matrix)
        model = LogisticRegression(max_iter=5000).fit(scaler.transform(matrix), same)
        for k, (e, x) in enumerate(zip(examples, extra, strict=True)):
            if e.half == half:
                out[k] = model.predict_proba(scaler.transform(design(e, x)))[:, 1]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--minilm", action="store_true", help="also the MiniLM transformer")
    parser.add_argument("--cache", type=Path, help="pickle of the prepared stories (made once)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    examples = labelled_examples(args.eval_dir, cache=args.cache, log=logger)
    if examples is None:
        return 0
    from summarize.comparison.story_pairs import pair_model

    minilm = None
    if args.minilm:
        from summarize.models.registry import load_embedder_model

        minilm = load_embedder_model("all-MiniLM-L6-v2")
    extra = [token_scores(e, minilm) for e in examples]
    logger.info("scores in %.0f s", time.perf_counter() - started)
    model = pair_model()
    scores: dict[str, Callable[[int], np.ndarray]] = {
        "static cos": lambda k: examples[k].features[:, 0],
        "pair model (shipped, in-sample)": lambda k: model.probability(examples[k].features),
    }
    for name in extra[0]:
        scores[name] = lambda k, name=name: extra[k][name]
    tokens = [n for n in extra[0] if n.startswith("static tokens")]
    variants = {"pair features (cross-fit)": [], "+ static tokens (cross-fit)": tokens}
    if minilm is not None:
        variants["+ static tokens + MiniLM (cross-fit)"] = list(extra[0])
    for label, names in variants.items():
        fitted = cross_fit(examples, extra, names)
        scores[label] = lambda k, fitted=fitted: fitted[k]
    print(
        "| score | NeuS even | NeuS odd | Multi-News even | Multi-News odd "
        "| AP NeuS even / odd | AP Multi-News even / odd |"
    )
    print("|---" * 7 + "|")
    for label, score in scores.items():
        recalls, aps = [], []
        for name in ("neus", "multinews"):
            for half in (0, 1):
                chosen = [k for k, e in enumerate(examples) if e.name == name and e.half == half]
                masks = [
                    examples[k].labelled
                    & (
                        examples[k].prepared.owner[examples[k].pairs[:, 0]]
                        != examples[k].prepared.owner[examples[k].pairs[:, 1]]
                    )
                    for k in chosen
                ]
                same = np.concatenate(
                    [examples[k].same[m] for k, m in zip(chosen, masks, strict=True)]
                )
                value = np.concatenate([score(k)[m] for k, m in zip(chosen, masks, strict=True)])
                recalls.append(f"{recall_at(same, value):.2f}")
                aps.append(f"{average_precision(same, value):.2f}")
        print(
            f"| {label} | "
            + " | ".join(recalls)
            + f" | {aps[0]} / {aps[1]} | {aps[2]} / {aps[3]} |"
        )
    logger.info("done in %.0f s", time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
