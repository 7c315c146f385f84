"""Fit the story-internal same-fact pair model (``summarize/comparison/story_pairs.py``) on the
editors' labels of real coverage, check it on held-out halves, and write its parameters.

Every pair of sentences of a labelled story (across and within articles, both sentences
labelled) is an example: positive when they share a fact id (``../shared/eval/README.md``,
"Editors' labels of real coverage"; a tool sentence takes the facts of the labelled sentences
it stands for, by :func:`benchmarks.real_coverage.same_sentence`). A logistic regression on
standardised features; then three bars chosen on the same stories:

* ``threshold``: the claims' average-linkage bar, the one with the best pair recall plus shared
  facts joined (the lower of NeuS and Multi-News each) at pair precision >= 0.87 on both;
* ``cite``: the lowest probability at which "outlet X states this sentence's fact" is right
  >= 93 % of the time (merged-digest citations; digest sentences are leads, easier than the
  average sentence);
* ``possibly_same``: the highest bar below which "no other outlet states it" is right >= 85 %
  of the time ("only one outlet reports"; compare() also keeps the calibrated cosine rule's
  exclusions, so the two together are stricter);
* ``second``: the lowest bar of :data:`SECOND_BARS` (from ``threshold`` up) at which a
  sentence's second claim (:func:`~summarize.comparison.fact_claims.second_memberships`, the
  group with which its mean probability is highest) keeps pair precision >= 0.87 on both
  sets, with ``threshold``.

The halves check fits on the even rows and tests on the odd ones, and the other way round,
and prints the figures of each test half. Usage::

    python -m benchmarks.fit_story_pairs                 # halves check, then fit on all
    python -m benchmarks.fit_story_pairs --write         # ... and write story_pairs.json
    python -m benchmarks.fit_story_pairs --second-only --write  # only ``second``, for the
        # shipped model and threshold (chosen on all stories)

``--write`` is a decision, not a regeneration: the shipped coefficients were fitted on session
9's features (a3b1bc8), and a refit on today's changes the claims, citations and "only one
outlet reports" (BENCHMARKS.md, "Session 13"). Refit ``fact_support.json`` after it
(``fit_fact_support --pipeline --write``) and compare ``real_coverage``'s table first.
"""

from __future__ import annotations

import argparse
import json
import logging
import pickle
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.real_coverage import (
    ALIGNMENT,
    EVAL_DIR,
    AlignmentStory,
    document_sentences,
    read_alignment,
    same_sentence,
    score_alignment,
    set_documents,
)

logger = logging.getLogger("benchmarks.fit_story_pairs")

OUT = Path(__file__).resolve().parent.parent / "summarize" / "data" / "story_pairs.json"
THRESHOLDS = [round(float(x), 2) for x in np.arange(0.30, 0.91, 0.05)]
BARS = [round(float(x), 2) for x in np.arange(0.05, 0.96, 0.05)]
SECOND_BARS = [round(float(x), 2) for x in np.arange(0.50, 0.96, 0.05)]
NO_SECOND = 1.01  # no probability reaches it: no second claims
MIN_PRECISION = 0.87  # pair precision, a margin over issue 29's 0.85
CITE_PRECISION = 0.93
UNIQUE_PRECISION = 0.85


@dataclass
class Example:
    """One labelled story with its features and labels computed once."""

    name: str  # "neus" or "multinews"
    story: AlignmentStory
    sentences: list[list[str]]
    prepared: Any  # story_pairs.Story
    pairs: np.ndarray
    features: np.ndarray
    same: np.ndarray  # share a fact
    labelled: np.ndarray  # both sentences labelled
    facts: list[frozenset[str]]  # per global sentence
    known: np.ndarray  # per global sentence: labelled
    extra: bool = False  # a helper-labelled story: for fitting only (benchmarks.labelling)

    @property
    def half(self) -> int:
        return self.story.row % 2


def cached_examples(eval_dir: Path, *, cache: Path | None) -> list[Example]:
    """:func:`prepare`'s stories, read from the pickle ``cache`` when it exists (else written
    there once); without a cache, prepared afresh."""
    if cache is not None and cache.exists():
        return list(pickle.loads(cache.read_bytes()))
    examples = prepare(eval_dir)
    if cache is not None:
        cache.write_bytes(pickle.dumps(examples))
    return examples


def fit_parser(doc: str, out: Path) -> argparse.ArgumentParser:
    """The fit scripts' common options: ``--eval-dir``, ``--write`` (to ``out``), ``--cache``;
    the description is the first paragraph of ``doc``."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--write", action="store_true", help=f"write {out.name}")
    parser.add_argument("--cache", type=Path, help="pickle of the prepared stories (made once)")
    return parser


def write_model(params: dict[str, Any], out: Path) -> None:
    """Write a fitted model's parameters as the package reads them (indented JSON)."""
    out.write_text(json.dumps(params, indent=1) + "\n", encoding="utf-8")
    print("wrote", out)


def labelled_examples(
    eval_dir: Path, *, cache: Path | None, log: logging.Logger
) -> list[Example] | None:
    """The fit scripts' start: their log format (``log`` at INFO, the rest ERROR), then the
    prepared labelled stories (:func:`cached_examples`); ``None``, with a warning, where
    ``eval_dir`` has no labels."""
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    log.setLevel(logging.INFO)
    if not (eval_dir / "labels").is_dir():
        log.warning("Skipping: no labels in %s (../shared/eval/README.md).", eval_dir)
        return None
    return cached_examples(eval_dir, cache=cache)


def prepare(eval_dir: Path) -> list[Example]:
    """Load, embed and featurise every labelled story (documents loaded one at a time)."""
    examples = []
    for name in ALIGNMENT:
        stories = read_alignment(eval_dir / "labels" / ALIGNMENT[name])
        for story in stories:
            examples.append(example(name, story, set_documents(eval_dir, story.set)[story.row]))
        logger.info("%s: %d stories prepared", name, len(stories))
    return examples


def extra_examples(eval_dir: Path) -> list[Example]:
    """The helpers' extra labelled Multi-News stories (:mod:`benchmarks.labelling`), prepared
    like the editors' (``extra=True``: for fitting only, never measured)."""
    from benchmarks.labelling import read_extra

    stories = read_extra(eval_dir=eval_dir)
    out = [
        example("multinews", s, set_documents(eval_dir, s.set)[s.row], extra=True) for s in stories
    ]
    logger.info("extra: %d stories prepared", len(out))
    return out


def example(
    name: str, story: AlignmentStory, documents: Sequence[str], *, extra: bool = False
) -> Example:
    """One labelled story's :class:`Example`: its documents loaded one at a time, embedded,
    every pair of sentences featurised and labelled."""
    from summarize.comparison.story_pairs import Story, pair_features
    from summarize.models.embeddings import get_embedder

    sentences = document_sentences(documents, story.n_docs)
    flat = [(d, s) for d, doc in enumerate(sentences) for s in doc]
    vectors = np.asarray(get_embedder().encode([s for _, s in flat]), dtype=np.float32)
    counts = np.cumsum([0] + [len(doc) for doc in sentences])
    prepared = Story.of(
        sentences, [vectors[counts[d] : counts[d + 1]] for d in range(story.n_docs)]
    )
    labelled = story.labelled()
    keys = [[k for k in labelled if k[0] == d and same_sentence(s, k[1])] for d, s in flat]
    facts = [frozenset().union(*(labelled[k] for k in ks)) for ks in keys]
    known = np.array([bool(ks) for ks in keys])
    lo, hi = np.triu_indices(len(flat), 1)
    pairs = np.stack([lo, hi], axis=1).astype(np.int64)
    return Example(
        name=name,
        story=story,
        sentences=sentences,
        prepared=prepared,
        pairs=pairs,
        features=pair_features(prepared, pairs),
        same=np.array([bool(facts[a] & facts[b]) for a, b in pairs.tolist()], bool),
        labelled=known[lo] & known[hi],
        facts=facts,
        known=known,
        extra=extra,
    )


def fit(examples: Sequence[Example]) -> dict[str, Any]:
    """Standardised logistic regression on every labelled pair of ``examples``."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    from summarize.comparison.story_pairs import FEATURES

    x = np.vstack([e.features[e.labelled] for e in examples])
    y = np.concatenate([e.same[e.labelled] for e in examples])
    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    model = LogisticRegression(C=1.0, max_iter=5000).fit((x - scaler.mean_) / scale, y)
    return {
        "features": list(FEATURES),
        "mean": scaler.mean_.tolist(),
        "scale": scale.tolist(),
        "coef": model.coef_[0].tolist(),
        "intercept": float(model.intercept_[0]),
    }


def _model(params: dict[str, Any], **bars: float) -> Any:
    from summarize.comparison.story_pairs import PairModel

    full = {"threshold": 0.5, "cite": 0.5, "possibly_same": 0.5, "second": NO_SECOND}
    full.update(params)
    full.update(bars)
    return PairModel.from_dict(full)


def _claims(
    example: Example, probability: np.ndarray, threshold: float, second: float = NO_SECOND
) -> list[list[Any]]:
    """The example's claims as ``align`` forms them (its linkage and claim building):
    average linkage at ``threshold``, then each sentence's second claim at ``second``."""
    from summarize.comparison.alignment import _claims as claims_of
    from summarize.comparison.fact_claims import _sparse_linkage, second_memberships
    from summarize.types import SentenceRef

    labels = _sparse_linkage(example.prepared.size, example.pairs, probability, threshold)
    joined = (
        second_memberships(example.prepared.owner, example.pairs, probability, labels, second)
        if second < NO_SECOND
        else []
    )
    sources = tuple(f"doc {d}" for d in range(len(example.sentences)))
    refs = [
        SentenceRef(article=d, index=i, text=text, source=sources[d])
        for d, doc in enumerate(example.sentences)
        for i, text in enumerate(doc)
    ]
    claims = claims_of(refs, labels, sources, second=joined)
    return [[(r.article, r.text) for r in claim.sentences] for claim in claims]


def _ratios(tally: dict[str, list[int]]) -> dict[str, float]:
    return {f: h / n if n else float("nan") for f, (h, n) in tally.items()}


def alignment_figures(
    examples: Sequence[Example], params: dict[str, Any], threshold: float, second: float = NO_SECOND
) -> dict[str, dict[str, float]]:
    """set -> pair recall, pair precision, shared facts joined (real_coverage's scorer)."""
    model = _model(params)
    out: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for e in examples:
        probability = model.probability(e.features)
        tally = score_alignment(e.story, _claims(e, probability, threshold, second))
        for figure, (hits, n) in tally.items():
            out[e.name][figure][0] += hits
            out[e.name][figure][1] += n
    return {name: _ratios(t) for name, t in out.items()}


def _best(examples: Sequence[Example], params: dict[str, Any]) -> np.ndarray:
    """Per example, (n_sentences, n_docs) best probability per other doc (all pairs)."""
    model = _model(params)
    out = []
    for e in examples:
        probability = model.probability(e.features)
        n, owner = e.prepared.size, e.prepared.owner
        best = np.zeros((n, e.story.n_docs))
        lo, hi = e.pairs[:, 0], e.pairs[:, 1]
        np.maximum.at(best, (lo, owner[hi]), probability)
        np.maximum.at(best, (hi, owner[lo]), probability)
        best[np.arange(n), owner] = -1.0  # own doc: never counted
        out.append(best)
    return np.array(out, dtype=object)


def bar_figures(
    examples: Sequence[Example], params: dict[str, Any], cite: float, possibly_same: float
) -> dict[str, float]:
    """Precision and recall of "doc X states this sentence's fact" at ``cite``, and precision
    of "no other doc states it" below ``possibly_same`` (labelled sentences with facts)."""
    cited = right = should = unique = unique_right = 0
    for e, best in zip(examples, _best(examples, params), strict=True):
        reporters = {
            f: {d for d, _ in mentions} for f, mentions in e.story.facts.items() if f != "JUNK"
        }
        for i, facts in enumerate(e.facts):
            if not facts:
                continue
            own = int(e.prepared.owner[i])
            truth = {d for f in facts for d in reporters.get(f, ())} - {own}
            said = {d for d in range(e.story.n_docs) if d != own and best[i, d] >= cite}
            cited += len(said)
            right += len(said & truth)
            should += len(truth)
            if best[i].max(initial=-1.0) < possibly_same:
                unique += 1
                unique_right += not truth
    return {
        "cite precision": right / max(1, cited),
        "cite recall": right / max(1, should),
        "unique precision": unique_right / unique if unique else 1.0,
        "unique items": float(unique),
    }


def choose(examples: Sequence[Example], params: dict[str, Any]) -> dict[str, float]:
    """The three bars, chosen on ``examples`` (module docstring)."""
    best: tuple[Any, float] | None = None
    for t in THRESHOLDS:
        figures = alignment_figures(examples, params, t)
        precision = min(f["pair precision"] for f in figures.values())
        gain = min(f["pair recall"] for f in figures.values()) + min(
            f["shared facts joined"] for f in figures.values()
        )
        key = (precision >= MIN_PRECISION, gain if precision >= MIN_PRECISION else precision)
        if best is None or key > best[0]:
            best = (key, t)
    assert best is not None
    cite = next(
        (
            b
            for b in BARS
            if bar_figures(examples, params, b, 0.0)["cite precision"] >= CITE_PRECISION
        ),
        BARS[-1],
    )
    same = max(
        (
            b
            for b in BARS
            if bar_figures(examples, params, 1.1, b)["unique precision"] >= UNIQUE_PRECISION
        ),
        default=BARS[0],
    )
    return {
        "threshold": best[1],
        "cite": cite,
        "possibly_same": same,
        "second": choose_second(examples, params, best[1]),
    }


def choose_second(examples: Sequence[Example], params: dict[str, Any], threshold: float) -> float:
    """The lowest of :data:`SECOND_BARS` from ``threshold`` up at which pair precision stays >=
    ``MIN_PRECISION`` on every set, with claims at ``threshold`` (:data:`NO_SECOND` if none
    does). Below ``threshold`` two sentences would join each other's groups, not merge."""
    for bar in (b for b in SECOND_BARS if b >= threshold):
        figures = alignment_figures(examples, params, threshold, bar)
        if min(f["pair precision"] for f in figures.values()) >= MIN_PRECISION:
            return bar
    return NO_SECOND


def main(argv: list[str] | None = None) -> int:
    parser = fit_parser(__doc__, OUT)
    parser.add_argument(
        "--extra",
        action="store_true",
        help="also fit on the helpers' extra labelled stories (benchmarks/data, labelling.py)",
    )
    parser.add_argument(
        "--second-only",
        action="store_true",
        help="choose only the second-claim bar, for the shipped model and threshold",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    examples = labelled_examples(args.eval_dir, cache=args.cache, log=logger)
    if examples is None:
        return 0
    if args.second_only:
        return _second_only(examples, write=args.write)
    extra = extra_examples(args.eval_dir) if args.extra else []
    print(
        "| fitted on | tested on | set | threshold | second | pair recall | pair precision | facts "
        "joined | cite bar | cite precision | cite recall | unique bar | unique precision |"
    )
    print("|---" * 13 + "|")
    for train_half in (0, 1):
        train = [e for e in examples if e.half == train_half]
        test = [e for e in examples if e.half != train_half]
        params = fit(train + extra)  # the bars are chosen on the editors' stories only
        bars = choose(train, params)
        for name in ALIGNMENT:
            part = [e for e in test if e.name == name]
            fig = alignment_figures(part, params, bars["threshold"], bars["second"])[name]
            b = bar_figures(part, params, bars["cite"], bars["possibly_same"])
            print(
                f"| {('even', 'odd')[train_half]} | {('odd', 'even')[train_half]} | {name} | "
                f"{bars['threshold']:.2f} | {bars['second']:.2f} | {fig['pair recall']:.2f} | "
                f"{fig['pair precision']:.2f} | {fig['shared facts joined']:.2f} | "
                f"{bars['cite']:.2f} | {b['cite precision']:.2f} | {b['cite recall']:.2f} | "
                f"{bars['possibly_same']:.2f} | {b['unique precision']:.2f} |"
            )
    params = fit([*examples, *extra])
    bars = choose(examples, params)
    params.update(bars)
    params["fitted_on"] = (
        "alignment_neus_val + alignment_multinews_dev, all stories; default static embedder"
    )
    print("all stories:", json.dumps(bars))
    if args.write:
        write_model(params, OUT)
    logger.info("done in %.0f s", time.perf_counter() - started)
    return 0


def _second_only(examples: Sequence[Example], *, write: bool) -> int:
    """Choose ``second`` on all stories for the shipped model and its threshold; with
    ``write``, set only that key of story_pairs.json."""
    shipped = json.loads(OUT.read_text(encoding="utf-8"))
    params = {k: shipped[k] for k in ("features", "mean", "scale", "coef", "intercept")}
    bar = choose_second(examples, params, shipped["threshold"])
    figures = alignment_figures(examples, params, shipped["threshold"], bar)
    print(f"second (all stories, shipped model, threshold {shipped['threshold']}): {bar}")
    for name, f in figures.items():
        print(name, {k: round(v, 3) for k, v in f.items()})
    if write:
        shipped["second"] = bar
        write_model(shipped, OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
