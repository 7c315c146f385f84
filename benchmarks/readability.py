"""Readability benchmark: dangling openers and stray quote marks in merged digests.

A merged digest is read as one text. Two faults make it hard to follow:

* a **dangling opener**: a sentence that opens with a pronoun or a connective ("He said...",
  "But the...", "This was...", "However, ...") whose antecedent, the sentence right before it
  in its own article, is not right before it in the digest (or that is the first sentence of
  its article, so the reader never sees what it refers to);
* a **stray quote start**: a sentence that opens with a quote mark that does not open a
  quotation (a closing mark, a mark followed by a space, a lone mark, or an opening mark whose
  quotation never closes in the sentence, so the reader sees half a quote).

The word list here is the benchmark's own, deliberately wider than the library's rule, so the
library is not graded by its own definition. Usage::

    .venv/bin/python -m benchmarks.readability                       # both sets
    .venv/bin/python -m benchmarks.readability --datasets neus_allsides_val --rows 0:150
    .venv/bin/python -m benchmarks.readability --show 10             # print faulty sentences

It prints one Markdown row per dataset: digests, sentences, dangling openers (count and share),
digests with at least one, and stray quote starts; then, for digests of two or more articles,
how the digest *opens* (the main fact first, as news does): the share whose first sentence is
one of some article's first two sentences (or a shorter form of one), and the ROUGE-1/-2 F1
of that first sentence against the reference summary's first sentence.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import quality

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

logger = logging.getLogger("readability")

#: Words that, opening a sentence, point back to something said before.
OPENERS = [
    "he",
    "she",
    "they",
    "it",
    "its",
    "his",
    "her",
    "hers",
    "their",
    "theirs",
    "him",
    "them",
    "this",
    "these",
    "those",
    "that",
    "such",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "still",
    "also",
    "however",
    "meanwhile",
    "instead",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "therefore",
    "thus",
    "hence",
    "then",
    "besides",
    "otherwise",
    "likewise",
    "similarly",
    "consequently",
    "additionally",
    "accordingly",
    "indeed",
]
_OPENER = re.compile(
    r"^[\"'“‘(\[]*(?:" + "|".join(OPENERS) + r"|in addition|as a result|at the same time"
    r"|on the other hand|even so|by contrast|in contrast|in response|after that)\b",
    re.IGNORECASE,
)
_OPEN_QUOTES = "\"“‘'`"
_CLOSE_ONLY = "”’"


def opens_with_reference(sentence: str) -> bool:
    """Whether the sentence opens with a pronoun or connective that needs what came before."""
    return _OPENER.match(sentence.strip()) is not None


def stray_quote_start(sentence: str) -> bool:
    """Whether the sentence opens with a quote mark that does not open a quotation in it."""
    text = sentence.strip()
    if not text or text[0] not in _OPEN_QUOTES + _CLOSE_ONLY:
        return False
    if text.startswith(("``", "''")) or text[0] in _CLOSE_ONLY:
        return True
    if len(text) == 1 or text[1].isspace():
        return True
    mark = text[0]
    if mark == "“":
        return "”" not in text[1:]
    if mark == '"':
        return '"' not in text[1:]
    if mark in "‘'":
        return not re.search(r"['’](?=\W|$)", text[1:])
    return True


@dataclass
class Tally:
    digests: int = 0
    sentences: int = 0
    dangling: int = 0
    digests_with_dangling: int = 0
    stray_quotes: int = 0
    examples: list[str] = field(default_factory=list)
    merged: int = 0  # digests of two or more articles: the lead measures below
    early_leads: int = 0
    lead_rouge: list[tuple[float, float]] = field(default_factory=list)


def dangling_flags(digest: Sequence[str], articles: Sequence[Sequence[str]]) -> list[bool]:
    """For each digest sentence: does it open with a reference whose antecedent is missing?

    The antecedent of a sentence is the sentence right before it in an article holding it. A
    sentence that opens with a reference is fine only when, for some article that holds it,
    that article's previous sentence is the digest's previous sentence.
    """
    flags = []
    for i, sentence in enumerate(digest):
        if not opens_with_reference(sentence):
            flags.append(False)
            continue
        previous = digest[i - 1] if i else None
        followed = False
        for sentences in articles:
            for j, candidate in enumerate(sentences):
                if candidate == sentence and j and sentences[j - 1] == previous:
                    followed = True
        flags.append(not followed)
    return flags


def is_early(sentence: str, articles: Sequence[Sequence[str]]) -> bool:
    """Whether ``sentence`` is one of some article's first two sentences, or a shorter form of
    one (a verbatim prefix plus a full stop)."""
    stem = sentence.rstrip(".")
    return any(
        first == sentence or first.startswith(stem)
        for sentences in articles
        for first in sentences[:2]
    )


def measure(rows: Sequence[dict], *, tally: Tally, show: int = 0) -> None:
    """Summarise each row (merged digest, the quality benchmark's budget) and count faults."""
    from rouge_score import rouge_scorer

    from summarize.errors import ArticleError
    from summarize.inputs.sentences import split_sentences
    from summarize.models.embeddings import get_embedder
    from summarize.pipeline.digest import summarise

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    embedder = get_embedder(None)
    for row in rows:
        documents = [d for d in row["documents"] if d.strip()]
        try:
            articles = quality._articles(documents)
        except ArticleError:
            continue
        digest = summarise(
            articles, max_words=quality.budget(row), embedder=embedder, collapse_copies=False
        )
        texts = [s.text for s in digest.sentences]
        flags = dangling_flags(texts, [a.sentences for a in articles])
        tally.digests += 1
        tally.sentences += len(texts)
        tally.dangling += sum(flags)
        tally.digests_with_dangling += any(flags)
        if len(articles) > 1 and texts:
            tally.merged += 1
            tally.early_leads += is_early(texts[0], [a.sentences for a in articles])
            reference = split_sentences(row["references"][0])[0]
            scores = scorer.score(reference, texts[0])
            tally.lead_rouge.append(
                (100 * scores["rouge1"].fmeasure, 100 * scores["rouge2"].fmeasure)
            )
        for text, flag in zip(texts, flags, strict=True):
            stray = stray_quote_start(text)
            tally.stray_quotes += stray
            if (flag or stray) and len(tally.examples) < show:
                tally.examples.append(f"{row['id']}: {'QUOTE ' if stray else ''}{text[:140]}")


def table(results: Sequence[tuple[str, int, Tally]]) -> str:
    lines = [
        "| dataset | digests | sentences | dangling openers | share | digests with one "
        "| stray quote starts |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for dataset, _n, t in results:
        share = 100 * t.dangling / max(t.sentences, 1)
        lines.append(
            f"| {dataset} | {t.digests} | {t.sentences} | {t.dangling} | {share:.1f} % "
            f"| {t.digests_with_dangling} | {t.stray_quotes} |"
        )
    lines += [
        "",
        "| dataset | merged digests | first sentence among an article's first two "
        "| its ROUGE-1 / ROUGE-2 vs the reference's first sentence |",
        "|---|---:|---:|---:|",
    ]
    for dataset, _n, t in results:
        early = 100 * t.early_leads / max(t.merged, 1)
        r1, r2 = (sum(x[k] for x in t.lead_rouge) / max(len(t.lead_rouge), 1) for k in (0, 1))
        lines.append(f"| {dataset} | {t.merged} | {early:.1f} % | {r1:.2f} / {r2:.2f} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=quality.EVAL_DIR)
    parser.add_argument("--datasets", nargs="+", default=["multinews_dev100", "neus_allsides_val"])
    parser.add_argument("--rows", default=None, help="START:END slice of the usable rows")
    parser.add_argument("--show", type=int, default=0, help="print up to N faulty sentences")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if not args.eval_dir.is_dir():
        print(f"Skipping: evaluation data not found at {args.eval_dir} (see its README).")
        return 0
    results = []
    for dataset in args.datasets:
        path = args.eval_dir / f"{dataset}.jsonl"
        if not path.exists():
            print(f"Skipping {dataset}: {path} not found.")
            continue
        rows = quality.load_rows(path)
        if args.rows:
            start, _, end = args.rows.partition(":")
            rows = rows[int(start or 0) : int(end) if end else None]
        tally = Tally()
        measure(rows, tally=tally, show=args.show)
        results.append((dataset, len(rows), tally))
        for example in tally.examples:
            print(example)
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
