"""More alignment labels for training, kept as sentence indices (no article text in the repo).

The editors' labels (``../shared/eval/labels/``) judge the comparison; these extra labels of
other Multi-News dev stories, written by the project's helpers with the editors' rules
(``../shared/eval/README.md``, "Editors' labels of real coverage"), only add training stories
to the fit scripts. Multi-News text may not be redistributed, so a label names a sentence by
its document, its index among the sentences ``load_articles`` gives that document alone (as
:func:`benchmarks.real_coverage._articles` loads it) and the first 8 hex digits of the SHA-1
of its whitespace-normalised text; :func:`read_extra` rebuilds the sentences from
``../shared/eval`` and skips (with a warning) any whose text no longer matches, e.g. after a
change to sentence splitting.

Usage::

    python -m benchmarks.labelling show --row 24          # a story's sentences, numbered
    python -m benchmarks.labelling freeze raw.jsonl --out benchmarks/data/FILE.jsonl  # appends
    python -m benchmarks.labelling agree raw.jsonl        # against the editors, same rows

``raw.jsonl`` (a labeller's file): per story ``{"type": "story", "set", "row", "n_docs"}``,
then per fact ``{"type": "fact", "set", "row", "fact": "F1", "text": "the fact in one line",
"mentions": [{"doc": 0, "sentence": 3}, ...]}`` (``"JUNK"`` for captions, credits, links,
player text), every sentence of every loaded document in at least one fact.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import logging
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from benchmarks.real_coverage import (
    ALIGNMENT,
    EVAL_DIR,
    JUNK,
    AlignmentStory,
    _lines,
    document_sentences,
    read_alignment,
    same_sentence,
    set_documents,
)

logger = logging.getLogger("benchmarks.labelling")

EXTRA = Path(__file__).resolve().parent / "data" / "alignment_multinews_extra.jsonl"


def fingerprint(sentence: str) -> str:
    """The first 8 hex digits of the SHA-1 of the whitespace-normalised sentence."""
    return hashlib.sha1(" ".join(sentence.split()).encode("utf-8")).hexdigest()[:8]


@functools.lru_cache(maxsize=64)
def sentences_of(eval_dir: Path, dataset: str, row: int) -> tuple[tuple[str, ...], ...]:
    """Each document's sentences as the benchmarks load it (alone; a failure: no sentences);
    each story loaded once per run."""
    documents = set_documents(eval_dir, dataset)[row]
    return tuple(map(tuple, document_sentences(documents, len(documents))))


def show(eval_dir: Path, dataset: str, row: int) -> str:
    """A story's sentences, one per line: ``doc.sentence | text``."""
    lines = []
    for d, sentences in enumerate(sentences_of(eval_dir, dataset, row)):
        lines.append(f"## doc {d} ({len(sentences)} sentences)")
        lines.extend(f"{d}.{i} | {text}" for i, text in enumerate(sentences))
    return "\n".join(lines)


def freeze(raw: Iterable[dict[str, Any]], eval_dir: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """A labeller's lines with each mention's fingerprint added, and the problems found: a
    mention out of range, a loaded sentence in no fact."""
    out, problems = [], []
    covered: dict[tuple[str, int], set[tuple[int, int]]] = defaultdict(set)
    rows: set[tuple[str, int]] = set()
    for item in raw:
        key = (item["set"], item["row"])
        story = sentences_of(eval_dir, *key)
        if item["type"] == "story":
            rows.add(key)
            out.append({**item, "n_docs": len(story)})
            continue
        mentions = []
        for m in item["mentions"]:
            d, i = int(m["doc"]), int(m["sentence"])
            if not (0 <= d < len(story) and 0 <= i < len(story[d])):
                problems.append(f"row {key[1]} {item['fact']}: no sentence {d}.{i}")
                continue
            covered[key].add((d, i))
            mentions.append({"doc": d, "sentence": i, "sha": fingerprint(story[d][i])})
        out.append({**item, "mentions": mentions})
    for key in sorted(rows):
        for d, document in enumerate(sentences_of(eval_dir, *key)):
            missing = [i for i in range(len(document)) if (d, i) not in covered[key]]
            if missing:
                problems.append(f"row {key[1]} doc {d}: sentences in no fact {missing}")
    return out, problems


def read_extra(path: Path = EXTRA, eval_dir: Path = EVAL_DIR) -> list[AlignmentStory]:
    """The extra labelled stories, with their sentences rebuilt from ``eval_dir``."""
    return labelled_stories(_lines(path), eval_dir) if path.exists() else []


def labelled_stories(items: Iterable[dict[str, Any]], eval_dir: Path) -> list[AlignmentStory]:
    """The stories of a labels file (frozen, or a labeller's raw file), with their sentences
    rebuilt from ``eval_dir``; a frozen mention whose sentence no longer has its fingerprint
    is skipped, with a warning."""
    stories: dict[tuple[str, int], AlignmentStory] = {}
    for item in items:
        key = (item["set"], item["row"])
        if item["type"] == "story":
            stories[key] = AlignmentStory(*key, f"extra-{key[0]}-{key[1]}", item["n_docs"])
            continue
        sentences = sentences_of(eval_dir, *key)
        for m in item["mentions"]:
            d, i = m["doc"], m["sentence"]
            text = sentences[d][i] if d < len(sentences) and i < len(sentences[d]) else ""
            if "sha" in m and fingerprint(text) != m["sha"]:
                logger.warning("row %d: sentence %d.%d changed since labelling", key[1], d, i)
                continue
            stories[key].facts.setdefault(item["fact"], []).append((d, text))
    return list(stories.values())


def agreement(raw: Iterable[dict[str, Any]], eval_dir: Path) -> dict[str, float]:
    """Same-fact pairs of a labeller's rows that the editors also label (and the other way):
    pairs of two documents' sentences that share a fact, by the editors' matching rule."""
    editors = {
        (s.set, s.row): s for s in read_alignment(eval_dir / "labels" / ALIGNMENT["multinews"])
    }
    counts = {"ours found by editors": [0, 0], "editors' found by ours": [0, 0]}
    for story in labelled_stories(raw, eval_dir):
        if (story.set, story.row) not in editors:
            continue
        mine, theirs = _pairs(story, story), _pairs(editors[(story.set, story.row)], story)
        counts["ours found by editors"][0] += len(mine & theirs)
        counts["ours found by editors"][1] += len(mine)
        counts["editors' found by ours"][0] += len(mine & theirs)
        counts["editors' found by ours"][1] += len(theirs)
    return {k: h / n if n else float("nan") for k, (h, n) in counts.items()}


def _pairs(labels: AlignmentStory, tool: AlignmentStory) -> set[tuple[tuple[int, str], ...]]:
    """Cross-document same-fact pairs of ``labels``, sentences named by ``tool``'s sentences."""
    sentences = {s for mentions in tool.facts.values() for s in mentions}
    facts_of: dict[tuple[int, str], set[str]] = defaultdict(set)
    for fact, mentions in labels.facts.items():
        if fact == JUNK:
            continue
        for d, text in mentions:
            for s in sentences:
                if s[0] == d and same_sentence(s[1], text):
                    facts_of[s].add(fact)
    keys = sorted(facts_of)
    return {
        (a, b)
        for n, a in enumerate(keys)
        for b in keys[n + 1 :]
        if a[0] != b[0] and facts_of[a] & facts_of[b]
    }


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    commands = parser.add_subparsers(dest="command", required=True)
    shown = commands.add_parser("show", help="a story's sentences, numbered")
    shown.add_argument("--row", type=int, required=True)
    shown.add_argument("--set", default="multinews_dev100")
    frozen = commands.add_parser("freeze", help="check a labeller's file and add fingerprints")
    frozen.add_argument("raw", type=Path)
    frozen.add_argument("--out", type=Path)
    agreed = commands.add_parser("agree", help="agreement with the editors on the same rows")
    agreed.add_argument("raw", type=Path)
    args = parser.parse_args(argv)
    if not (args.eval_dir / "multinews_dev100.jsonl").exists():
        logger.warning("Skipping: no evaluation sets in %s.", args.eval_dir)
        return 0
    if args.command == "show":
        print(show(args.eval_dir, args.set, args.row))
        return 0
    raw = list(_lines(args.raw))
    if args.command == "agree":
        print(json.dumps(agreement(raw, args.eval_dir), indent=1))
        return 0
    out, problems = freeze(raw, args.eval_dir)
    for problem in problems:
        print("problem:", problem, file=sys.stderr)
    if args.out and not problems:
        with args.out.open("a", encoding="utf-8") as handle:
            handle.writelines(json.dumps(item) + "\n" for item in out)
        print(f"appended {len(out)} lines to {args.out}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
