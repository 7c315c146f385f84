"""How well `compare` finds real disputes: SummEdits news sentence pairs.

Each pair of ``../shared/eval/pairs/summedits_news_dev.jsonl`` is a summary sentence ``a`` and
a human-verified edit ``b``, labelled consistent (same facts, other words) or inconsistent (a
fact changed: entity swapped, antonym, negation, inserted fact). Both are loaded as two
one-outlet texts and compared; the pair counts as flagged ("inconsistent") when the
comparison reports at least one dispute (a softer "detail differs" included, unless
``--contradictions``). Printed: balanced accuracy, specificity (consistent
pairs not flagged), recall of inconsistent pairs per edit type, and the same figures on each
half of the documents (nothing is fitted on this set: WordNet and hand-set rules; the halves
show how stable the figures are across stories). Usage::

    .venv/bin/python -m benchmarks.disputes
    .venv/bin/python -m benchmarks.disputes --contradictions   # leave "detail differs" out
    .venv/bin/python -m benchmarks.disputes --show 20    # print misses and false alarms
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import defaultdict
from pathlib import Path

from summarize.comparison.comparison import compare
from summarize.inputs.sentences import split_sentences
from summarize.models.embeddings import get_embedder
from summarize.types import Article

ROOT = Path(__file__).resolve().parent.parent

EVAL_FILE = ROOT.parent / "shared" / "eval" / "pairs" / "summedits_news_dev.jsonl"


def _article(source: str, text: str) -> Article:
    text = " ".join(text.split())
    return Article(source=source, title=source, text=text, sentences=tuple(split_sentences(text)))


def _figures(rows: list[dict], flagged: list[bool]) -> dict[str, float]:
    tp = sum(f for r, f in zip(rows, flagged, strict=True) if r["label"] == "inconsistent")
    pos = sum(r["label"] == "inconsistent" for r in rows)
    tn = sum(not f for r, f in zip(rows, flagged, strict=True) if r["label"] == "consistent")
    neg = len(rows) - pos
    recall = tp / pos if pos else float("nan")
    specificity = tn / neg if neg else float("nan")
    return {
        "pairs": len(rows),
        "recall": recall,
        "specificity": specificity,
        "balanced_accuracy": (recall + specificity) / 2,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", type=Path, default=EVAL_FILE)
    parser.add_argument(
        "--contradictions",
        action="store_true",
        help="count contradictions only, not 'detail differs'",
    )
    parser.add_argument("--show", type=int, default=0, help="print this many errors of each kind")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    if not args.path.exists():
        print(f"Skipping: {args.path} not found.")
        return 0
    rows = [json.loads(line) for line in args.path.open(encoding="utf-8")]
    embedder = get_embedder()
    flagged: list[bool] = []
    reasons: list[str] = []
    kinds: list[set[str]] = []
    for row in rows:
        comparison = compare(
            [_article("A", row["a"]), _article("B", row["b"])],
            embedder=embedder,
            collapse_copies=False,  # the conflict rules on every pair, near-copies too
        )
        disputes = [d for d in comparison.disputes if d.contradiction or not args.contradictions]
        flagged.append(bool(disputes))
        kinds.append({d.kind for d in disputes})
        reasons.append("; ".join(d.describe() for d in disputes))

    documents = sorted({row["document"] for row in rows})
    halves = [
        [i for i, r in enumerate(rows) if documents.index(r["document"]) % 2 == half]
        for half in (0, 1)
    ]
    overall = _figures(rows, flagged)
    print(f"SummEdits news dev: {len(rows)} pairs, {len(documents)} documents")
    print(
        f"all        balanced accuracy {overall['balanced_accuracy']:.3f}  "
        f"specificity {overall['specificity']:.3f}  recall {overall['recall']:.3f}"
    )
    for h, idx in enumerate(halves):
        f = _figures([rows[i] for i in idx], [flagged[i] for i in idx])
        print(
            f"half {h} ({f['pairs']:3d} pairs) balanced accuracy {f['balanced_accuracy']:.3f}  "
            f"specificity {f['specificity']:.3f}  recall {f['recall']:.3f}"
        )
    by_type: dict[str, list[bool]] = defaultdict(list)
    for row, flag in zip(rows, flagged, strict=True):
        if row["label"] == "inconsistent":
            for edit in row["edit_types"] or ["(none given)"]:
                by_type[edit].append(flag)
    print("\nrecall per edit type (a pair with several edit types counts under each):")
    for edit, flags in sorted(by_type.items()):
        print(f"  {edit:32s} {sum(flags) / len(flags):.3f}  ({sum(flags)}/{len(flags)})")
    print(
        "\npairs flagged by each kind of dispute (inconsistent = right, consistent = false alarm):"
    )
    for kind in sorted(set().union(*kinds)):
        right = sum(
            kind in k for k, r in zip(kinds, rows, strict=True) if r["label"] == "inconsistent"
        )
        wrong = sum(
            kind in k for k, r in zip(kinds, rows, strict=True) if r["label"] == "consistent"
        )
        print(f"  {kind:16s} inconsistent {right:3d}  consistent {wrong:3d}")
    if args.show:
        for title, label, want in (
            ("MISSES", "inconsistent", False),
            ("FALSE ALARMS", "consistent", True),
        ):
            print(f"\n{title}")
            shown = 0
            for row, flag, why in zip(rows, flagged, reasons, strict=True):
                if (
                    row["label"] == label
                    and flag == want
                    and row["a"] != row["b"]
                    and shown < args.show
                ):
                    shown += 1
                    print(f"- {row['edit_types']} {why}\n  a: {row['a']}\n  b: {row['b']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
