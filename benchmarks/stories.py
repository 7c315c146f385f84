"""Story grouping: quality on the dev sets, and time and memory at scale.

Quality (``--quality``): B-cubed precision, recall and F1 of :func:`summarize.group_stories`
against the true stories, on

* ``multinews``: every document (>= 30 words) of every usable multinews_dev100 cluster, shuffled
  together (cluster id = story);
* ``neus``: every outlet's article (headline + first paragraph) of every neus_allsides_val
  story, shuffled together.

Each set is split into two halves by story (even / odd story number). The threshold is chosen
on half A of both sets together (best mean F1 over a grid) and confirmed on half B; the figure
for the whole set uses :data:`summarize.defaults.STORY_THRESHOLD`, the one fixed in code.
The peer is TF-IDF average-link (scikit-learn ``AgglomerativeClustering`` on TF-IDF of the
full text, cosine, average linkage), its threshold chosen the same way.

Scale (``--scale``): builds N synthetic articles by repeating the dev documents (both sets)
with light perturbations (each copy drops 15% of its sentences at random, swaps two
sentences, and replaces 5% of its words with random words from the pile), then times
``group_stories`` on them in a fresh child process and reads its peak RSS (``ru_maxrss``),
models included. Copies of one document belong to its story.

Usage::

    python -m benchmarks.stories --quality [--no-peer] [--eval ../shared/eval]
    python -m benchmarks.stories --scale 1000 3000 10000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
SEED = 17
GRID = [round(0.16 + 0.02 * i, 2) for i in range(16)]


# --------------------------------------------------------------------------- data


def load_pile(eval_dir: Path, name: str) -> tuple[list, list[int]]:
    """(articles, story ids), shuffled with a fixed seed (documents the loader refuses left out)."""
    articles, gold, _ = load_pile_and_refused(eval_dir, name)
    return articles, gold


def load_pile_and_refused(eval_dir: Path, name: str) -> tuple[list, list[int], list[int]]:
    """(articles, story ids, story ids of the documents refused), shuffled with a fixed seed.

    A document is refused when nothing is left after the loader's cleaning (a page that holds
    only furniture: an embedded tweet's notice, a web archive's crawl notice, a "not found"
    page), exactly as ``load_articles`` would refuse it in a user's pile.
    """
    from summarize.errors import EmptyArticleError
    from summarize.inputs.loading import article_from_text

    path = eval_dir / (
        "multinews_dev100.jsonl" if name == "multinews" else "neus_allsides_val.jsonl"
    )
    if not path.exists():
        sys.exit(f"{path} not found: pass --eval DIR (the shared eval folder)")
    articles, gold, refused = [], [], []
    for story, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        if row.get("quality_flag"):
            continue
        for number, document in enumerate(row["documents"]):
            if len(document.split()) < 30:
                continue
            try:
                article = article_from_text(document, source=f"{name}-{story}-{number}")
            except EmptyArticleError as error:  # only furniture: said, not hidden, and counted
                print(f"refused {name} story {story} document {number}: {error}", file=sys.stderr)
                refused.append(story)
                continue
            articles.append(article)
            gold.append(story)
    order = list(range(len(articles)))
    random.Random(SEED).shuffle(order)
    return [articles[i] for i in order], [gold[i] for i in order], refused


def perturbed_pile(eval_dir: Path, n: int) -> tuple[list, list[int]]:
    """``n`` articles: the dev documents repeated, each copy lightly perturbed."""
    import dataclasses

    base, gold = [], []
    for name in ("multinews", "neus"):
        articles, stories = load_pile(eval_dir, name)
        base += articles
        gold += [hash((name, s)) for s in stories]
    rng = random.Random(SEED)
    vocabulary = sorted({w for a in base[:300] for w in a.text.split()})
    out, out_gold = [], []
    for copy in range(n):
        index = copy % len(base)
        article = base[index]
        sentences = [s for s in article.sentences if rng.random() > 0.15] or list(
            article.sentences[:1]
        )
        if len(sentences) > 2:
            i = rng.randrange(len(sentences) - 1)
            sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
        sentences = [
            " ".join(rng.choice(vocabulary) if rng.random() < 0.05 else w for w in s.split())
            for s in sentences
        ]
        out.append(
            dataclasses.replace(
                article,
                source=f"copy{copy}-{article.source}",
                sentences=tuple(sentences),
                text=" ".join(sentences),
            )
        )
        out_gold.append(gold[index])
    return out, out_gold


# --------------------------------------------------------------------------- scoring


def bcubed(predicted: Sequence[int], gold: Sequence[int]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (Bagga & Baldwin 1998), averaged over items."""
    clusters: dict[int, set[int]] = defaultdict(set)
    classes: dict[int, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        clusters[p].add(i)
        classes[g].add(i)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        both = len(clusters[p] & classes[g])
        precision += both / len(clusters[p])
        recall += both / len(classes[g])
    precision /= len(gold)
    recall /= len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def _labels(groups: list[list[int]], n: int) -> list[int]:
    labels = [0] * n
    for number, group in enumerate(groups):
        for i in group:
            labels[i] = number
    return labels


def ours_by_threshold(articles: list, grid: Sequence[float]) -> dict[float, list[int]]:
    """Our grouping at each threshold (vectors and candidates computed once)."""
    from summarize.defaults import STORY_NEIGHBOURS
    from summarize.pipeline.stories import _average_link, _candidates, document_vectors

    tfidf, dense = document_vectors(articles)
    candidates = _candidates(tfidf, dense, neighbours=STORY_NEIGHBOURS)
    return {
        t: _labels(_average_link(candidates, tfidf, dense, threshold=t), len(articles))
        for t in grid
    }


def tfidf_average_link(articles: list, grid: Sequence[float]) -> dict[float, list[int]]:
    """The peer: TF-IDF of the full text, cosine, average-link (scikit-learn)."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
        [f"{a.title}\n{a.text}" for a in articles]
    )
    dense = matrix.toarray()
    out = {}
    for t in grid:
        model = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=1 - t
        )
        out[t] = model.fit_predict(dense).tolist()
    return out


def _with_singletons(labels: list[int], extra: int) -> list[int]:
    """``labels`` plus ``extra`` items each alone in a cluster of its own."""
    start = max(labels, default=-1) + 1
    return [*labels, *range(start, start + extra)]


def quality(eval_dir: Path, *, peer: bool = True) -> None:
    from summarize.defaults import STORY_THRESHOLD

    grid = sorted({*GRID, STORY_THRESHOLD})
    base_grid = [round(0.02 * i, 2) for i in range(1, 30)]
    table: dict[str, dict[str, dict[float, tuple]]] = {}
    for name in ("multinews", "neus"):
        articles, gold, refused = load_pile_and_refused(eval_dir, name)
        halves = {
            "A": [i for i, g in enumerate(gold) if g % 2 == 0],
            "B": [i for i, g in enumerate(gold) if g % 2 == 1],
            "all": list(range(len(gold))),
        }
        print(
            f"{name}: {len(articles)} articles, {len(set(gold))} stories, "
            f"{len(refused)} documents refused as furniture",
            file=sys.stderr,
        )
        systems = [("ours", ours_by_threshold, grid)]
        if peer:
            systems.append(("tfidf-avg", tfidf_average_link, base_grid))
        for system, run, thresholds in systems:
            for half, index in halves.items():
                subset = [articles[i] for i in index]
                truth = [gold[i] for i in index]
                left_out = [g for g in refused if half == "all" or g % 2 == "AB".index(half)]
                started = time.perf_counter()
                labels = run(subset, thresholds)
                seconds = time.perf_counter() - started
                scores = {
                    t: (
                        *bcubed(labels[t], truth),
                        seconds,
                        bcubed(_with_singletons(labels[t], len(left_out)), truth + left_out)[2],
                    )
                    for t in thresholds
                }
                table.setdefault(system, {})[f"{name}/{half}"] = scores
    for system, thresholds in (("ours", grid), ("tfidf-avg", base_grid)):
        if system not in table:
            continue
        rows = table[system]
        best = max(
            thresholds,
            key=lambda t: (rows["multinews/A"][t][2] + rows["neus/A"][t][2], -abs(t - 0.3)),
        )
        chosen = STORY_THRESHOLD if system == "ours" else best
        print(f"\n{system}: best threshold on half A = {best}; reported at {chosen}")
        print("| set | half | B-cubed P | R | F1 | F1, refused documents as singletons |")
        print("|---|---|---|---|---|---|")
        for key, scores in rows.items():
            p, r, f, _, strict = scores[chosen]
            name, half = key.split("/")
            print(f"| {name} | {half} | {p:.3f} | {r:.3f} | {f:.3f} | {strict:.3f} |")
        print("F1 by threshold (A / B) :")
        for t in thresholds:
            cells = " ".join(
                f"{rows[f'{n}/A'][t][2]:.3f}/{rows[f'{n}/B'][t][2]:.3f}"
                for n in ("multinews", "neus")
            )
            print(f"  {t:.2f}: {cells}")


# --------------------------------------------------------------------------- scale


def scale_child(eval_dir: Path, n: int) -> None:
    """Run in a child: build the pile, time group_stories, print one JSON line."""
    articles, gold = perturbed_pile(eval_dir, n)
    from summarize.models.embeddings import get_embedder

    get_embedder().encode(["warm up the model"])  # model loading is not grouping time
    started = time.perf_counter()
    cpu = time.process_time()
    from summarize.pipeline.stories import group_stories

    stories = group_stories(articles)
    wall = time.perf_counter() - started
    index = {a.source: s for s, story in enumerate(stories) for a in story.articles}
    predicted = [index[a.source] for a in articles]
    print(
        json.dumps(
            {
                "n": n,
                "stories": len(stories),
                "true_stories": len(set(gold)),
                "wall_s": round(wall, 2),
                "cpu_s": round(time.process_time() - cpu, 2),
                "bcubed_f1": round(bcubed(predicted, gold)[2], 4),
            }
        )
    )


def scale(eval_dir: Path, sizes: Sequence[int]) -> None:
    print("| articles | stories found (true) | wall s | CPU s | peak RSS GiB | B-cubed F1 |")
    print("|---|---|---|---|---|---|")
    for n in sizes:
        command = [
            sys.executable,
            "-m",
            "benchmarks.stories",
            "--eval",
            str(eval_dir),
            "--child",
            str(n),
        ]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
        assert process.stdout is not None
        out = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)  # the child's own peak RSS
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            sys.exit(f"the {n}-article run failed (exit {process.returncode})")
        peak_kib = usage.ru_maxrss
        result = json.loads(out.strip().splitlines()[-1])
        print(
            f"| {n:,} | {result['stories']:,} ({result['true_stories']:,}) | {result['wall_s']} "
            f"| {result['cpu_s']} | {peak_kib / 2**20:.2f} | {result['bcubed_f1']:.3f} |",
            flush=True,
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="the shared eval folder")
    parser.add_argument("--quality", action="store_true", help="B-cubed on the dev sets")
    parser.add_argument(
        "--no-peer",
        action="store_true",
        help="quality of ours only (about 20 s instead of 5 minutes: a dev loop)",
    )
    parser.add_argument("--scale", type=int, nargs="*", help="pile sizes to time")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    np.seterr(all="ignore")
    if args.child:
        scale_child(args.eval, args.child)
        return
    if args.quality:
        quality(args.eval, peer=not args.no_peer)
    if args.scale:
        scale(args.eval, args.scale)


if __name__ == "__main__":
    main()
