"""STS-B dev: Spearman correlation of embedder cosines with the gold similarity scores.

A quick check that an embedder (or a rebuilt static model) keeps the quality of its vectors:

    .venv/bin/python -m benchmarks.sts                                  # the default (static)
    .venv/bin/python -m benchmarks.sts minilm-static all-MiniLM-L6-v2   # next to its teacher
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT.parent / "shared" / "eval"


def spearman(name: str, rows: Sequence[dict]) -> tuple[float, float]:
    """(Spearman of the cosine with the gold score, seconds to embed both sides)."""
    from scipy.stats import spearmanr

    from summarize.models.embeddings import Embedder

    embedder = Embedder(name, progress=False)
    embedder.encode(["warm-up sentence."])
    start = time.perf_counter()
    left = embedder.encode([row["a"] for row in rows])
    right = embedder.encode([row["b"] for row in rows])
    seconds = time.perf_counter() - start
    cosine = (left * right).sum(axis=1)
    return float(spearmanr(cosine, [row["label"] for row in rows]).correlation), seconds


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("embedders", nargs="*", default=["minilm-static"])
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    args = parser.parse_args(argv)
    path = args.eval_dir / "pairs" / "stsb_dev.jsonl"
    if not path.is_file():
        print(f"No {path}; pass --eval-dir.", file=sys.stderr)
        return 0
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    print(f"| embedder | STS-B dev Spearman ({len(rows)} pairs) | seconds to embed |")
    print("|---|---:|---:|")
    for name in args.embedders:
        rho, seconds = spearman(name, rows)
        print(f"| {name} | {rho:.4f} | {seconds:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
