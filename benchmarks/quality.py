"""Quality benchmark: ROUGE of our digests against peers, same inputs, same word budget.

Runs on the development sets in ``../shared/eval`` (see its README for the scoring convention):

* ``multinews_dev100``: the merged digest of each cluster vs multi-document Lead, sumy LexRank
  and sumy TextRank;
* ``cnndm_summeval100``: the per-source digest of each article vs Lead-3 and sumy LexRank;
* ``neus_allsides_val``: the merged digest of each story (a left, a centre and a right outlet,
  each its headline and first paragraph) vs Lead, sumy LexRank and sumy TextRank, against the
  AllSides editors' neutral summary.

Scores are rouge-score ROUGE-1 / ROUGE-2 / ROUGE-Lsum F1 (Porter stemming, the system's
sentences newline-separated, references as stored), best over the references; every system
gets the first reference's length in words.
Peers are cut to the budget word for word; our digests never cut a sentence, so they never
exceed it. Usage::

    .venv/bin/python -m benchmarks.quality            # all sets, prints a markdown table
    .venv/bin/python -m benchmarks.quality --limit 20 --write  # also update BENCHMARKS.md
    .venv/bin/python -m benchmarks.quality --rows 0:50         # the tuning half only

Peer outputs are cached on disk (``~/.cache/summarize/quality``) because sumy LexRank is slow;
``--no-cache`` recomputes them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from benchmarks import peers

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

EVAL_DIR = ROOT.parent / "shared" / "eval"
CACHE_DIR = Path(os.environ.get("SUMMARIZE_BENCH_CACHE", "~/.cache/summarize/quality")).expanduser()
METRICS = ("rouge1", "rouge2", "rougeLsum")

logger = logging.getLogger("quality")


def load_rows(path: Path, limit: int | None = None) -> list[dict]:
    """Rows of an eval file, skipping those with a ``quality_flag``."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("quality_flag"):
                continue
            rows.append(row)
    return rows[:limit] if limit else rows


def budget(row: dict) -> int:
    return len(row["references"][0].split())


class Scorer:
    """ROUGE F1 (x100), best over references.

    The prediction's sentences are newline-separated; references are scored as given (the
    eval sets store them as one paragraph), which is how the README's baselines were scored.
    """

    def __init__(self) -> None:
        from rouge_score import rouge_scorer

        self._scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)

    def __call__(self, sentences: Sequence[str], references: Sequence[str]) -> np.ndarray:
        prediction = "\n".join(sentences)
        best = np.zeros(len(METRICS))
        for target in references:
            scores = self._scorer.score(target, prediction)
            best = np.maximum(best, [scores[m].fmeasure * 100 for m in METRICS])
        return best


def _cache_key(name: str, documents: Sequence[str], max_words: int) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in (name, str(max_words), *documents):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def _run_peer(args: tuple[str, list[str], int]) -> list[str]:
    name, documents, max_words = args
    return PEER_FUNCTIONS[name](documents, max_words=max_words)


PEER_FUNCTIONS: dict[str, Callable[..., list[str]]] = {
    "Lead": peers.lead,
    "Lead-3": lambda documents, *, max_words: peers.truncate_words(
        peers.split_sentences("\n".join(documents))[:3], max_words
    ),
    "LexRank (sumy)": peers.lexrank,
    "TextRank (sumy)": peers.textrank,
}


def run_peers(
    name: str, rows: Sequence[dict], *, use_cache: bool = True, workers: int = 2
) -> list[list[str]]:
    """Outputs of one peer on every row, from the disk cache where possible."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    outputs: list[list[str] | None] = [None] * len(rows)
    todo = []
    for i, row in enumerate(rows):
        path = CACHE_DIR / f"{_cache_key(name, row['documents'], budget(row))}.json"
        if use_cache and path.exists():
            outputs[i] = json.loads(path.read_text(encoding="utf-8"))
        else:
            todo.append(i)
    if todo:
        jobs = [(name, list(rows[i]["documents"]), budget(rows[i])) for i in todo]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for i, result in zip(todo, pool.map(_run_peer, jobs), strict=False):
                outputs[i] = result
                path = CACHE_DIR / f"{_cache_key(name, rows[i]['documents'], budget(rows[i]))}.json"
                path.write_text(json.dumps(result), encoding="utf-8")
    return [output or [] for output in outputs]


def _articles(documents: Sequence[str]) -> list:
    """Articles for our summariser, loaded (cleaned, split) the way the library loads raw text.

    Documents that are nothing but page furniture (the cleaner leaves no text) are skipped,
    as ``load_articles(..., errors="skip")`` does; peers still see every document.
    """
    from summarize.inputs.loading import load_articles

    return list(load_articles(list(documents), errors="skip"))


def run_ours(
    rows: Sequence[dict], *, merged: bool, embedder_name: str | None = None, **options: object
) -> list[list[str]]:
    """Our extractive digest of every row (merged for clusters, per-source for one article)."""
    from summarize.errors import ArticleError
    from summarize.models.embeddings import get_embedder
    from summarize.pipeline.digest import summarise

    embedder = get_embedder(embedder_name)
    outputs = []
    for row in rows:
        documents = [d for d in row["documents"] if d.strip()]
        try:
            articles = _articles(documents)
        except ArticleError as error:  # nothing but boilerplate: an empty digest, scored 0
            logger.warning("%s: %s", row["id"], error)
            outputs.append([])
            continue
        target = articles if merged else articles[0]
        digest = summarise(
            target,
            max_words=budget(row),
            embedder=embedder,
            collapse_copies=False,  # the stage alone, as the published figures were measured
            **options,  # type: ignore[arg-type]
        )
        outputs.append([sentence.text for sentence in digest.sentences])
    return outputs


def evaluate(
    dataset: str,
    rows: Sequence[dict],
    *,
    ours_name: str,
    merged: bool,
    peer_names: Sequence[str],
    use_cache: bool,
    embedder_name: str | None = None,
) -> list[tuple[str, np.ndarray, float]]:
    """(system, mean R1/R2/RLsum, seconds) for our digest and each peer."""
    scorer = Scorer()
    results = []
    start = time.perf_counter()
    ours = run_ours(rows, merged=merged, embedder_name=embedder_name)
    seconds = time.perf_counter() - start
    for name, outputs, took in [(ours_name, ours, seconds)] + [
        (name, *_timed(lambda n=name: run_peers(n, rows, use_cache=use_cache)))
        for name in peer_names
    ]:
        scores = np.mean(
            [scorer(o, r["references"]) for o, r in zip(outputs, rows, strict=False)], axis=0
        )
        words = np.mean([sum(len(s.split()) for s in o) for o in outputs])
        logger.info(
            "%s %s: %s (%.0f words, %.1fs)", dataset, name, np.round(scores, 2), words, took
        )
        results.append((name, scores, float(words)))
    return results


def _timed(function: Callable[[], list[list[str]]]) -> tuple[list[list[str]], float]:
    start = time.perf_counter()
    out = function()
    return out, time.perf_counter() - start


def table(sections: Sequence[tuple[str, int, list[tuple[str, np.ndarray, float]]]]) -> str:
    lines = [
        "| dataset | system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | mean words |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for dataset, n, results in sections:
        for name, scores, words in results:
            r1, r2, rl = scores
            lines.append(
                f"| {dataset} ({n}) | {name} | {r1:.2f} | {r2:.2f} | {rl:.2f} | {words:.0f} |"
            )
    return "\n".join(lines)


def write_benchmarks(markdown: str, command: str) -> None:
    """Replace the command and results table of the "## Quality" section of BENCHMARKS.md.

    Hand-written notes after the table (scoring details, what was tried) are kept.
    """
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8")
    start = text.index("## Quality")
    end = text.find("\n## ", start + 1)
    end = len(text) if end == -1 else end + 1
    lines = text[start:end].splitlines()
    last_row = max((i for i, line in enumerate(lines) if line.startswith("|")), default=None)
    notes = "\n".join(lines[last_row + 1 :]).strip() if last_row is not None else ""
    body = (
        "## Quality\n\n"
        "_Section owned by `benchmarks/quality.py`._\n\n"
        f"Command: `{command}`\n\n"
        f"{markdown}\n\n" + (f"{notes}\n\n" if notes else "")
    )
    path.write_text(text[:start] + body + text[end:], encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--limit", type=int, default=None, help="first N usable rows per set")
    parser.add_argument(
        "--rows",
        default=None,
        help="START:END slice of the usable rows (e.g. 0:50 to tune, 50:100 to confirm)",
    )
    parser.add_argument(
        "--datasets",
        nargs="+",
        default=["multinews_dev100", "cnndm_summeval100", "neus_allsides_val"],
    )
    parser.add_argument("--no-cache", action="store_true", help="recompute peer outputs")
    parser.add_argument(
        "--embedder", default=None, help="embedder for our digests (default: the library's)"
    )
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    args = parser.parse_args(argv)
    if args.write and args.embedder:
        parser.error("--write records the default embedder's table; drop --embedder or --write")
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

    if not args.eval_dir.is_dir():
        print(f"Skipping: evaluation data not found at {args.eval_dir} (see its README).")
        return 0
    sections = []
    for dataset in args.datasets:
        path = args.eval_dir / f"{dataset}.jsonl"
        if not path.exists():
            print(f"Skipping {dataset}: {path} not found.")
            continue
        rows = load_rows(path, args.limit)
        if args.rows:
            start, _, end = args.rows.partition(":")
            rows = rows[int(start or 0) : int(end) if end else None]
        merged = not dataset.startswith("cnndm")
        results = evaluate(
            dataset,
            rows,
            ours_name="summarize merged digest" if merged else "summarize per-source digest",
            merged=merged,
            peer_names=["Lead", "LexRank (sumy)", "TextRank (sumy)"]
            if merged
            else ["Lead-3", "LexRank (sumy)"],
            use_cache=not args.no_cache,
            embedder_name=args.embedder,
        )
        sections.append((dataset, len(rows), results))
    markdown = table(sections)
    print(markdown)
    if args.write:
        command = ".venv/bin/python -m benchmarks.quality " + " ".join(
            a for a in (argv if argv is not None else sys.argv[1:]) if a != "--write"
        )
        write_benchmarks(markdown, command.strip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
