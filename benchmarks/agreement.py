"""How far the default (static) embedder's alignment agrees with the transformer's.

There is no gold alignment for Multi-News, so the transformer it is distilled from
(all-MiniLM-L6-v2) is the reference: on the first N multi-article stories of
``../shared/eval/multinews_dev100.jsonl``, both align the same articles and we count the
sentence matches they share (precision and recall of the static matches against the
transformer's) and correlate their document-overlap matrices. Usage::

    .venv/bin/python -m benchmarks.agreement              # 30 stories
    .venv/bin/python -m benchmarks.agreement --stories 10 --threshold 0.675   # cosine-only rule
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

import numpy as np

from summarize.comparison.alignment import Alignment, align
from summarize.inputs.loading import load_articles
from summarize.models.embeddings import Embedder

ROOT = Path(__file__).resolve().parent.parent

EVAL_FILE = ROOT.parent / "shared" / "eval" / "multinews_dev100.jsonl"
REFERENCE = "all-MiniLM-L6-v2"


def _pairs(alignment: Alignment) -> set[frozenset[tuple[int, int]]]:
    return {
        frozenset({(m.a.article, m.a.index), (m.b.article, m.b.index)}) for m in alignment.matches
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=30)
    parser.add_argument("--model", default=None, help="embedder to test (default: the default)")
    parser.add_argument("--threshold", type=float, default=None, help="cosine-only rule")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    if not EVAL_FILE.exists():
        print(f"Skipping: {EVAL_FILE} not found.")
        return 0
    rows = [json.loads(line) for line in EVAL_FILE.open(encoding="utf-8")]
    rows = [r for r in rows if not r.get("quality_flag") and len(r["documents"]) > 1]
    tested, reference = Embedder(args.model), Embedder(REFERENCE)
    both = only_tested = only_reference = stories = 0
    overlaps: list[tuple[float, float]] = []
    for row in rows[: args.stories]:
        articles = load_articles([d for d in row["documents"] if d.strip()], errors="skip")
        if len(articles) < 2:
            continue
        stories += 1
        ours = align(articles, embedder=tested, threshold=args.threshold)
        theirs = align(articles, embedder=reference)
        a, b = _pairs(ours), _pairs(theirs)
        both, only_tested, only_reference = (
            both + len(a & b),
            only_tested + len(a - b),
            only_reference + len(b - a),
        )
        upper = np.triu_indices(len(articles), 1)
        overlaps += zip(ours.fact_overlap[upper], theirs.fact_overlap[upper], strict=True)
    precision = both / max(both + only_tested, 1)
    recall = both / max(both + only_reference, 1)
    x = np.array(overlaps)
    print(
        f"{stories} stories, {tested.model_name} vs {REFERENCE}: matches in both {both}, "
        f"only {tested.model_name} {only_tested}, only {REFERENCE} {only_reference}; "
        f"precision {precision:.2f}, recall {recall:.2f}; document overlap: Pearson "
        f"{np.corrcoef(x[:, 0], x[:, 1])[0, 1]:.3f}, mean |difference| "
        f"{np.abs(x[:, 0] - x[:, 1]).mean():.3f} over {len(x)} pairs"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
