"""How good is ``summarize.same_fact_probability``? MSRP accuracy and STS-B Spearman.

The function is the shipped decision (no refitting here): a logistic model over (cosine, word
overlap) calibrated by ``benchmarks/calibrate.py`` on the 500 STS-B dev *news* pairs only. So:

* **MSRP** (``../shared/eval/pairs/msrp_train.jsonl``, 4,076 news sentence pairs labelled
  paraphrase or not): nothing was fitted on it, so every pair is held out. The accuracy of
  ``probability >= 0.5`` is reported per fold of a 10-fold stratified split (mean and standard
  deviation: how much a tenth of the data moves it), with F1 and the always-"yes" baseline.
* **STS-B dev** (1,500 pairs scored 0-5): Spearman of the probability against the gold score,
  on all pairs and on the 1,000 non-news pairs the calibration never saw, next to the plain
  cosine (what ``benchmarks/sts.py`` reports).

Also the cost: pairs per second through the public function (both sentences embedded).

    .venv/bin/python -m benchmarks.same_fact                              # default (static)
    .venv/bin/python -m benchmarks.same_fact --embedder all-MiniLM-L6-v2  # the transformer
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from benchmarks.calibrate import FOLDS, pair_rows

ROOT = Path(__file__).resolve().parent.parent

if TYPE_CHECKING:
    from summarize.models.embeddings import Embedder


def _scored(rows: list[dict], embedder: Embedder) -> tuple[np.ndarray, float]:
    """(probability, seconds) for every row, through the public function."""
    from summarize import same_fact_probability

    embedder.encode(["warm-up sentence."])
    start = time.perf_counter()
    probability = same_fact_probability(
        [r["a"] for r in rows], [r["b"] for r in rows], embedder=embedder
    )
    return probability, time.perf_counter() - start


def msrp(embedder: Embedder, *, seed: int = 0) -> dict[str, float]:
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    rows = pair_rows("msrp_train.jsonl")
    labels = np.array([int(r["label"]) for r in rows])
    probability, seconds = _scored(rows, embedder)
    said = (probability >= 0.5).astype(int)
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(labels, labels)
    accuracy = np.array([float((said[test] == labels[test]).mean()) for _, test in folds])
    return {
        "pairs": len(rows),
        "accuracy_mean": float(accuracy.mean()),
        "accuracy_sd": float(accuracy.std(ddof=1)),
        "f1": float(f1_score(labels, said)),
        "always_yes": float(labels.mean()),
        "pairs_per_second": len(rows) / seconds,
    }


def stsb(embedder: Embedder) -> dict[str, float]:
    from scipy.stats import spearmanr

    rows = pair_rows("stsb_dev.jsonl")
    gold = np.array([float(r["label"]) for r in rows])
    probability, _ = _scored(rows, embedder)
    left = embedder.encode([r["a"] for r in rows])  # cached by the call above
    cosine = np.einsum("ij,ij->i", left, embedder.encode([r["b"] for r in rows]))
    unseen = np.array([r.get("genre") != "main-news" for r in rows])
    return {
        "pairs": len(rows),
        "spearman": float(spearmanr(probability, gold).statistic),
        "spearman_cosine": float(spearmanr(cosine, gold).statistic),
        "unseen_pairs": int(unseen.sum()),
        "spearman_unseen": float(spearmanr(probability[unseen], gold[unseen]).statistic),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--embedder", default=None, help="model name (default: the default)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the 10-fold MSRP split")
    args = parser.parse_args(argv)

    from summarize.models.embeddings import as_embedder

    embedder = as_embedder(args.embedder)
    m = msrp(embedder, seed=args.seed)
    s = stsb(embedder)
    print(f"embedder: {embedder.model_name}")
    print("| measure | value | bar (issue 13) |")
    print("|---|---:|---:|")
    print(
        f"| MSRP accuracy, probability >= 0.5 ({FOLDS} folds of {m['pairs']}, mean +- sd) | "
        f"{100 * m['accuracy_mean']:.1f} % +- {100 * m['accuracy_sd']:.1f} | >= 78 % |"
    )
    print(f"| MSRP F1 | {100 * m['f1']:.1f} % | |")
    print(f"| MSRP always-yes baseline | {100 * m['always_yes']:.1f} % | |")
    print(f"| STS-B dev Spearman ({s['pairs']} pairs) | {s['spearman']:.4f} | >= 0.80 |")
    print(f"| STS-B dev Spearman of the plain cosine | {s['spearman_cosine']:.4f} | |")
    print(
        f"| STS-B dev Spearman, {s['unseen_pairs']} pairs outside the calibration's news genre | "
        f"{s['spearman_unseen']:.4f} | |"
    )
    print(f"| pairs per second through same_fact_probability | {m['pairs_per_second']:,.0f} | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
