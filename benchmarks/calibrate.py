"""Calibrate the "same fact" decision of :mod:`summarize.comparison.alignment` (runs offline).

Two thresholds on the cosine of two sentence vectors, written to ``summarize/data/same_fact.json``:

* ``paraphrase_threshold``: best cross-validated accuracy on MSRP (news sentence pairs, human
  label "paraphrase or not"). Reported with accuracy and F1 against the always-"same" baseline,
  and next to a tiny logistic model over (cosine, token overlap) to show what features add.
* ``claim_threshold``: "reports the same fact" is looser than an MSRP paraphrase (an MSRP
  negative is often the same event with one detail changed, which is exactly a *difference*
  we want to find between outlets). It is calibrated on the STS-B dev news pairs, counting a
  pair as the same fact when annotators scored it >= 3 ("roughly equivalent, but some important
  information differs or is missing").
* ``claim_logistic``: the rule claims actually use
(:func:`summarize.comparison.calibration.same_fact`): a
  logistic model over (cosine, word Jaccard) fitted on the same STS-B news pairs. It is more
  accurate there in cross-validation (static 78.6 % vs 75.8 %, MiniLM 81.8 % vs 78.2 %), and
  word overlap keeps static embeddings from matching any two sentences on the same topic.

Usage::

    .venv/bin/python -m benchmarks.calibrate                     # default embedder
    .venv/bin/python -m benchmarks.calibrate --model all-mpnet-base-v2

Sentence vectors are cached under ``~/.cache/summarize/calibration`` so re-runs take seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold

from summarize.comparison.calibration import token_jaccard
from summarize.defaults import DEFAULT_EMBEDDER, MINILM_RULE_THRESHOLDS
from summarize.models.embeddings import Embedder
from summarize.models.registry import cache_dir

ROOT = Path(__file__).resolve().parent.parent

PAIRS = ROOT.parent / "shared" / "eval" / "pairs"
OUTPUT = ROOT / "summarize" / "data" / "same_fact.json"
CACHE = cache_dir() / "calibration"
FOLDS = 10


def pair_rows(name: str) -> list[dict]:
    """The rows of one ``../shared/eval/pairs`` file (also read by ``benchmarks/same_fact.py``)."""
    path = PAIRS / name
    if not path.exists():
        raise SystemExit(f"{path} not found: the eval pairs live in ../shared/eval/pairs.")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _cosines(model: str, rows: list[dict], tag: str) -> np.ndarray:
    """Row-wise cosine of the a/b sentence vectors, cached on disk per model and data set."""
    digest = hashlib.sha1("".join(r["a"] + r["b"] for r in rows).encode()).hexdigest()[:12]
    cache = CACHE / f"{Path(model).name}-{tag}-{digest}.npy"
    if cache.exists():
        return np.load(cache)
    embedder = Embedder(model, progress=True)
    start = time.perf_counter()
    a = embedder.encode([r["a"] for r in rows])
    b = embedder.encode([r["b"] for r in rows])
    seconds = time.perf_counter() - start
    print(
        f"  embedded {2 * len(rows)} sentences in {seconds:.0f} s "
        f"({2 * len(rows) / seconds:.1f} sentences/s)"
    )
    cosines = np.einsum("ij,ij->i", a, b).astype(np.float64)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(cache, cosines)
    return cosines


def _best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """Threshold maximising accuracy (ties: the lowest, i.e. most recall)."""
    candidates = np.unique(np.round(scores, 3))
    accuracy = [np.mean((scores >= t) == labels) for t in candidates]
    return float(candidates[int(np.argmax(accuracy))])


def _cross_validate(features: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    """10-fold CV of (a) a cosine threshold fitted in-fold and (b) a logistic model."""
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    thr_pred = np.zeros_like(labels)
    log_pred = np.zeros_like(labels)
    for train, test in folds.split(features, labels):
        threshold = _best_threshold(features[train, 0], labels[train])
        thr_pred[test] = features[test, 0] >= threshold
        model = LogisticRegression().fit(features[train], labels[train])
        log_pred[test] = model.predict(features[test])
    return {
        "threshold_accuracy": accuracy_score(labels, thr_pred),
        "threshold_f1": f1_score(labels, thr_pred),
        "logistic_accuracy": accuracy_score(labels, log_pred),
        "logistic_f1": f1_score(labels, log_pred),
    }


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


#: Rule thresholds set by hand on all-MiniLM-L6-v2 cosines (summarize/alignment.py): entity-swap
#: checks (differences.py) and repeats (MMR in the extractive digests).
REFERENCE_MODEL = "all-MiniLM-L6-v2"


def _matched_thresholds(model: str, rows: list[dict], cos: np.ndarray) -> dict[str, float]:
    """Hand-set MiniLM thresholds moved to ``model``'s cosine scale by quantile matching.

    A threshold passed by a share ``q`` of the MSRP pairs under MiniLM becomes the cosine that
    the same share ``q`` passes under ``model``: equally strict, whatever the embedder.
    """
    if Path(model).name.lower() == REFERENCE_MODEL.lower():
        return dict(MINILM_RULE_THRESHOLDS)
    reference = _cosines(REFERENCE_MODEL, rows, "msrp")
    matched = {}
    for name, threshold in MINILM_RULE_THRESHOLDS.items():
        share = float(np.mean(reference >= threshold))
        matched[name] = round(float(np.quantile(cos, 1.0 - share)), 3)
    return matched


def _logistic_entry(fitted: LogisticRegression) -> dict:
    """A fitted (cosine, word Jaccard) logistic model as stored in same_fact.json."""
    return {
        "features": ["cosine", "token_jaccard"],
        "coef": [round(float(c), 4) for c in fitted.coef_[0]],
        "intercept": round(float(fitted.intercept_[0]), 4),
    }


def calibrate(model: str) -> dict:
    print(f"Calibrating the same-fact decision for {model}")
    msrp = pair_rows("msrp_train.jsonl")
    labels = np.array([int(r["label"]) for r in msrp])
    cos = _cosines(model, msrp, "msrp")
    jac = np.array([token_jaccard(r["a"], r["b"]) for r in msrp])
    features = np.column_stack([cos, jac])
    cv = _cross_validate(features, labels)
    positive = float(labels.mean())
    baseline_f1 = 2 * positive / (1 + positive)
    paraphrase = _best_threshold(cos, labels)
    logistic = LogisticRegression().fit(features, labels)
    print(f"MSRP train: {len(msrp)} pairs, {_pct(positive)} labelled paraphrase")
    print(f"  always-'same' baseline   accuracy {_pct(positive)}  F1 {_pct(baseline_f1)}")
    print(
        f"  cosine threshold ({FOLDS}-fold) accuracy {_pct(cv['threshold_accuracy'])}  "
        f"F1 {_pct(cv['threshold_f1'])}  (threshold on all data: {paraphrase:.3f})"
    )
    print(
        f"  logistic cos+jaccard     accuracy {_pct(cv['logistic_accuracy'])}  "
        f"F1 {_pct(cv['logistic_f1'])}"
    )

    sts = [r for r in pair_rows("stsb_dev.jsonl") if r.get("genre") == "main-news"]
    sts_labels = np.array([float(r["label"]) >= 3.0 for r in sts], dtype=int)
    sts_cos = _cosines(model, sts, "stsb-news")
    claim = _best_threshold(sts_cos, sts_labels)
    sts_jac = np.array([token_jaccard(r["a"], r["b"]) for r in sts])
    sts_features = np.column_stack([sts_cos, sts_jac])
    sts_cv = _cross_validate(sts_features, sts_labels)
    claim_logistic = LogisticRegression().fit(sts_features, sts_labels)
    at_paraphrase = float(np.mean((sts_cos >= paraphrase) == sts_labels))
    print(f"STS-B dev news: {len(sts)} pairs, {_pct(sts_labels.mean())} scored >= 3 (same fact)")
    print(
        f"  cosine threshold ({FOLDS}-fold) accuracy {_pct(sts_cv['threshold_accuracy'])}  "
        f"F1 {_pct(sts_cv['threshold_f1'])}  (threshold on all data: {claim:.3f}; "
        f"the MSRP threshold would get {_pct(at_paraphrase)})"
    )
    print(
        f"  logistic cos+jaccard     accuracy {_pct(sts_cv['logistic_accuracy'])}  "
        f"F1 {_pct(sts_cv['logistic_f1'])}  "
        "(the claim rule: summarize.comparison.calibration.same_fact)"
    )
    matched = _matched_thresholds(model, msrp, cos)
    print(
        "  near-identical / repeat thresholds at MiniLM's MSRP quantiles: "
        f"swap {matched['swap_threshold']:.3f}, duplicate {matched['duplicate_threshold']:.3f}"
    )
    return {
        "paraphrase_threshold": round(paraphrase, 3),
        "claim_threshold": round(claim, 3),
        "claim_logistic": _logistic_entry(claim_logistic),
        **matched,
        "logistic": _logistic_entry(logistic),
        "figures": {
            "msrp_pairs": len(msrp),
            "msrp_baseline_accuracy": round(positive, 4),
            "msrp_baseline_f1": round(baseline_f1, 4),
            **{f"msrp_cv_{k}": round(float(v), 4) for k, v in cv.items()},
            "stsb_news_pairs": len(sts),
            "stsb_news_same_fact_share": round(float(sts_labels.mean()), 4),
            "stsb_news_cv_threshold_accuracy": round(float(sts_cv["threshold_accuracy"]), 4),
            "stsb_news_cv_threshold_f1": round(float(sts_cv["threshold_f1"]), 4),
            "stsb_news_cv_logistic_accuracy": round(float(sts_cv["logistic_accuracy"]), 4),
            "stsb_news_cv_logistic_f1": round(float(sts_cv["logistic_f1"]), 4),
            "stsb_news_accuracy_at_paraphrase_threshold": round(at_paraphrase, 4),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=DEFAULT_EMBEDDER, help="embedder name or directory")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    result = calibrate(args.model)
    data = json.loads(args.output.read_text()) if args.output.exists() else {}
    data.setdefault("models", {})[Path(args.model).name] = result
    data["default"] = data.get("default", DEFAULT_EMBEDDER)
    args.output.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
    print(f"Wrote {args.output}")


if __name__ == "__main__":
    main()
