"""How the comparison scores against editors' labels of real coverage (issue 29's table).

Reads ``../shared/eval/labels/`` (``../shared/eval/README.md``, "Editors' labels of real
coverage") and the story texts, runs ``compare`` (and ``brief``, for citations) story by story
through the public API, and prints one Markdown table: dispute precision, recall and trap hits
on ``disagreements_dev`` (its NeuS and Multi-News stories together); alignment pair recall, pair
precision, shared facts joined, unique precision, citation completeness and merged-digest
repeats (pairs of digest sentences sharing a labelled fact; lower is better) and the stories
whose "What all outlets report" lists something, on NeuS and on Multi-News; each on all
stories and on each half (even / odd rows). A tool sentence stands for a labelled sentence
of the same document when one contains the other or their word sets have Jaccard >= 0.5
(whitespace normalised). The scorers (:func:`score_alignment`,
:func:`score_disputes`) take plain ``(doc, sentence text)`` groups, so any aligner can be
graded the same way. Usage::

    python -m benchmarks.real_coverage                      # every set, all and both halves
    python -m benchmarks.real_coverage --set neus --show 5  # and 5 misses of each kind
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import logging
import re
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

logger = logging.getLogger("benchmarks.real_coverage")

EVAL_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
ALIGNMENT = {"neus": "alignment_neus_val.jsonl", "multinews": "alignment_multinews_dev.jsonl"}
SETS = {"neus": "NeuS", "multinews": "Multi-News", "disagreements": "Disagreements"}
HALVES = ("all", "even", "odd")
FIGURES = (  # table rows, in order
    "dispute precision",
    "dispute recall (clear)",
    "dispute recall (all)",
    "dispute precision (both sentences)",
    "dispute recall (clear, both sentences)",
    "trap hits",
    "trap hits per 100 stories",
    "pair recall",
    "pair precision",
    "shared facts joined",
    "unique precision",
    "unique recall",
    "citations complete",
    "citing no wrong outlet",
    "digest pairs stating one fact",
    "stories showing a fact all outlets report",
)
JUNK = "JUNK"
_LABEL = re.compile(r"doc (\d+)")

Sent = tuple[int, str]  # (document index, sentence text)
Tally = dict[str, list[int]]  # figure -> [hits, total]
Examples = dict[str, list[str]]  # kind of miss -> readable lines
Digest = Sequence[tuple[str, frozenset[int], frozenset[int] | None]]


def _norm(text: str) -> str:
    return " ".join(text.split())


@functools.lru_cache(maxsize=500_000)
def same_sentence(tool: str, label: str) -> bool:
    """The README's rule: one contains the other, or word-set Jaccard >= 0.5."""
    a, b = _norm(tool), _norm(label)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return len(wa & wb) / max(1, len(wa | wb)) >= 0.5


def _short(sent: Sent, n: int = 80) -> str:
    text = _norm(sent[1])
    return f"[{sent[0]}] " + (text if len(text) <= n else text[: n - 1] + "…")


class _Count:
    """[hits, total] per figure, and readable misses per kind."""

    def __init__(self, examples: Examples | None) -> None:
        self.tally: Tally = defaultdict(lambda: [0, 0])
        self.examples: Examples = examples if examples is not None else defaultdict(list)

    def add(self, figure: str, hit: bool, kind: str = "", line: str = "") -> None:
        self.tally[figure][0] += hit
        self.tally[figure][1] += 1
        if not hit and kind:
            self.examples[kind].append(line)


# --------------------------------------------------------------------------- labels


@dataclasses.dataclass
class AlignmentStory:
    """One story of an alignment label file: every outlet's sentences with their facts."""

    set: str
    row: int
    id: str
    n_docs: int
    facts: dict[str, list[Sent]] = dataclasses.field(default_factory=dict)  # id -> mentions

    def labelled(self) -> dict[Sent, frozenset[str]]:
        """(doc, labelled sentence) -> its fact ids, JUNK left out (JUNK-only: empty)."""
        out: dict[Sent, set[str]] = defaultdict(set)
        for fact, mentions in self.facts.items():
            for mention in mentions:
                out[mention].update(() if fact == JUNK else (fact,))
        return {key: frozenset(facts) for key, facts in out.items()}


@dataclasses.dataclass
class DisagreementStory:
    """One story of ``disagreements_dev``: the docs compared, its disagreements and traps."""

    set: str
    row: int
    id: str
    overlapping: list[int]
    disagreements: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    traps: list[dict[str, Any]] = dataclasses.field(default_factory=list)


def _lines(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        yield from (json.loads(line) for line in handle if line.strip())


def read_alignment(path: Path) -> list[AlignmentStory]:
    """The stories of one alignment label file, in file order."""
    stories: dict[tuple[str, int], AlignmentStory] = {}
    for item in _lines(path):
        key = (item["set"], item["row"])
        if item["type"] == "story":
            stories[key] = AlignmentStory(item["set"], item["row"], item["id"], item["n_docs"])
        elif item["type"] == "fact":
            mentions = stories[key].facts.setdefault(item["fact"], [])
            mentions.extend((m["doc"], m["sentence"]) for m in item["mentions"])
    return list(stories.values())


def read_disagreements(path: Path) -> list[DisagreementStory]:
    """The stories of ``disagreements_dev.jsonl`` with their disagreements and traps."""
    stories: dict[tuple[str, int], DisagreementStory] = {}
    for item in _lines(path):
        key = (item["set"], item["row"])
        if item["type"] == "story":
            stories[key] = DisagreementStory(*key, item["id"], list(item["overlapping"]))
        elif item["type"] in ("disagreement", "trap"):
            getattr(stories[key], item["type"] + "s").append(item)
    return list(stories.values())


# --------------------------------------------------------------------------- scorers


def score_alignment(
    story: AlignmentStory,
    claims: Sequence[Sequence[Sent]],
    unique: Sequence[Sent] = (),
    digest: Digest = (),
    examples: Examples | None = None,
) -> Tally:
    """Alignment figures of one story as figure -> [hits, total].

    Args:
        claims: Each claim as its (doc, sentence) members.
        unique: The sentences called unique to their outlet.
        digest: Merged-digest sentences as (text, docs cited, docs it was taken from, or None
            to look in every doc).
        examples: Filled with readable misses per kind when given.
    """
    labelled = story.labelled()
    count = _Count(examples)

    def keys(doc: int, text: str) -> list[Sent]:
        return [k for k in labelled if k[0] == doc and same_sentence(text, k[1])]

    def facts(ks: Iterable[Sent]) -> set[str]:
        return set().union(*(labelled[k] for k in ks))

    reporters = {fact: {d for d, _ in ms} for fact, ms in story.facts.items() if fact != JUNK}
    claim_keys = [[(s, keys(*s)) for s in claim] for claim in claims]
    in_claims: dict[Sent, set[int]] = defaultdict(set)
    for c, members in enumerate(claim_keys):
        for _, ks in members:
            for k in ks:
                in_claims[k].add(c)
    for fact, docs in reporters.items():
        mentions = list(dict.fromkeys(story.facts[fact]))
        # pair recall, per fact id (a pair sharing two facts counts twice, as issue 29 counts)
        for x in mentions:
            for y in mentions:
                if x[0] < y[0]:
                    hit = bool(in_claims[x] & in_claims[y])
                    line = f"{story.id} {fact}: {_short(x)} || {_short(y)}"
                    count.add("pair recall", hit, "pair recall: pair not in one claim", line)
        if len(docs) >= 2:  # shared facts joined: one claim holds two of its outlets
            hit = any(
                len({s[0] for s, ks in m if set(mentions) & set(ks)}) >= 2 for m in claim_keys
            )
            line = f"{story.id} {fact}: {_short(mentions[0])}"
            count.add("shared facts joined", hit, "shared fact: not joined", line)
    # pair precision: cross-outlet pairs in a claim, both labelled (a JUNK sentence: no fact),
    # each pair once (two sentences of two facts can share two claims)
    paired: set[tuple[Sent, Sent]] = set()
    for members in claim_keys:
        for i, (s, ks) in enumerate(members):
            for t, kt in members[i + 1 :]:
                if s[0] != t[0] and ks and kt and (min(s, t), max(s, t)) not in paired:
                    paired.add((min(s, t), max(s, t)))
                    hit = bool(facts(ks) & facts(kt))
                    line = f"{story.id}: {_short(s)} || {_short(t)}"
                    count.add("pair precision", hit, "pair precision: wrong pair", line)
    # unique recall: facts of one outlet that "only one outlet reports" lists (a sentence of it)
    listed = {k for sent in unique for k in keys(*sent)}
    for fact, docs in reporters.items():
        if len(docs) == 1:
            mentions = list(dict.fromkeys(story.facts[fact]))
            line = f"{story.id} {fact}: {_short(mentions[0])}"
            hit = bool(listed & set(mentions))
            count.add("unique recall", hit, "unique: a one-outlet fact not listed", line)
    for sent in unique:  # unique precision: no other outlet reports one of its facts
        found = facts(keys(*sent))
        if found:  # unlabelled or JUNK only: not news, not counted
            others = {d for f in found for d in reporters[f]} - {sent[0]}
            line = f"{story.id}: {_short(sent)} (also in {sorted(others)})"
            count.add("unique precision", not others, "unique: another outlet has it", line)
    for text, cited, origin in digest:  # citations: all outlets reporting its facts, no other
        found = facts(k for d in (origin or range(story.n_docs)) for k in keys(d, text))
        if found:
            should = {d for f in found for d in reporters[f]}
            line = f"{story.id}: {_short((-1, text))} cites {sorted(cited)}; in {sorted(should)}"
            count.add("citations complete", should <= cited, "citation: outlet missing", line)
            count.add("citing no wrong outlet", cited <= should, "citation: wrong outlet", line)
    # repeats (lower is better): pairs of digest sentences that share a labelled fact
    stated = [
        (text, facts(k for d in (origin or range(story.n_docs)) for k in keys(d, text)))
        for text, _, origin in digest
    ]
    stated = [(text, found) for text, found in stated if found]
    for i, (text, found) in enumerate(stated):
        for other, also in stated[i + 1 :]:
            line = f"{story.id}: {_short((-1, text))} || {_short((-1, other))}"
            # a "hit" is a repeat; the example kind lists them for reading
            count.add("digest pairs stating one fact", bool(found & also))
            if found & also:
                count.examples["digest: one fact stated twice"].append(line)
    return count.tally


def _side_has(side: Sequence[Sent], doc: int, sentence: str | None, other: bool = False) -> bool:
    """A sentence of ``doc`` (``other``: of any other doc), matching ``sentence`` if given."""
    return any(
        (d != doc if other else d == doc) and (sentence is None or same_sentence(t, sentence))
        for d, t in side
    )


def _joins(
    dispute: Sequence[Sequence[Sent]],
    a: dict,
    b: dict,
    *,
    both: bool = False,
    any_other: bool = False,
) -> bool:
    """One side holds a's sentence and another side b's outlet (``both``: b's sentence;
    ``any_other``: any outlet but a's), either way round."""
    for i, one in enumerate(dispute):
        for other in (side for j, side in enumerate(dispute) if j != i):
            for x, y in ((a, b), (b, a)):
                if _side_has(one, x["doc"], x["sentence"]) and (
                    _side_has(other, y["doc"], y["sentence"] if both else None)
                    or (any_other and _side_has(other, x["doc"], None, other=True))
                ):
                    return True
    return False


def score_disputes(
    story: DisagreementStory,
    disputes: Sequence[Sequence[Sequence[Sent]]],
    examples: Examples | None = None,
    any_other_outlet: bool = False,
) -> Tally:
    """Dispute figures of one story as figure -> [hits, total].

    Each dispute is its sides (one per value), each side the (doc, sentence) pairs giving that
    value. A dispute covers a labelled disagreement when one side holds one of its sentences
    and another side its other outlet (``any_other_outlet``: any other outlet, since the labels
    do not list every pair of outlets where several share a value). The "both sentences"
    rows are stricter, and not ``../shared/eval/README.md``'s rule: a dispute must hold both
    labelled sentences, on two sides (the lenient rule credits "15 Palestinians" / "At least
    116 Palestinians" for a labelled "15" / "at least 17" whose second sentence is another).
    "trap hits" counts disputes joining a trap's two sentences; "stories" counts 1."""
    count = _Count(examples)
    count.add("stories", True)
    covers = functools.partial(_joins, any_other=any_other_outlet)
    for dispute in disputes:
        hit = any(covers(dispute, g["a"], g["b"]) for g in story.disagreements)
        line = f"{story.id}: " + " VS ".join(
            "; ".join(_short(s, 60) for s in side) for side in dispute
        )
        count.add("dispute precision", hit, "dispute: false alarm", line)
        both = any(_joins(dispute, g["a"], g["b"], both=True) for g in story.disagreements)
        count.add("dispute precision (both sentences)", both)
        traps = [t for t in story.traps if _joins(dispute, t["a"], t["b"], both=True)]
        count.tally["trap hits"][0] += len(traps)
        count.examples["dispute: trap hit"] += [f"{line} ({t['why_same']})" for t in traps]
    for g in story.disagreements:
        hit = any(covers(dispute, g["a"], g["b"]) for dispute in disputes)
        a, b = (g["a"]["doc"], g["a"]["sentence"]), (g["b"]["doc"], g["b"]["sentence"])
        line = f"{story.id}: {g['detail']} {g['values']}: {_short(a, 60)} || {_short(b, 60)}"
        count.add("dispute recall (all)", hit, f"disagreement missed ({g['confidence']})", line)
        if g["confidence"] == "clear":
            count.add("dispute recall (clear)", hit)
            both = any(_joins(dispute, g["a"], g["b"], both=True) for dispute in disputes)
            count.add("dispute recall (clear, both sentences)", both)
    return count.tally


# --------------------------------------------------------------------------- the package


@functools.lru_cache(maxsize=4)
def set_documents(eval_dir: Path, dataset: str) -> list[list[str]]:
    """The ``documents`` of every row of one evaluation set (read once per run)."""
    return [row["documents"] for row in _lines(eval_dir / f"{dataset}.jsonl")]


def document_sentences(documents: Sequence[str], n_docs: int) -> list[list[str]]:
    """Each of the first ``n_docs`` documents' sentences, loaded alone as :func:`_articles`
    loads them (a document that does not load: no sentences)."""
    loaded = {int(a.source[4:]): a for a in _articles(documents, range(n_docs))}
    return [list(loaded[d].sentences) if d in loaded else [] for d in range(n_docs)]


def _articles(documents: Sequence[str], docs: Iterable[int]) -> list[Any]:
    """Each document loaded alone (a failure cannot shift the others), labelled "doc i"; one
    that fails is left out and its labels count as missed."""
    from summarize import load_articles
    from summarize.errors import ArticleError

    articles = []
    for d in docs:
        try:
            (article,) = load_articles([documents[d]], errors="skip")
        except ArticleError as error:
            logger.warning("doc %d left out, it does not load: %s", d, str(error)[:120])
            continue
        articles.append(dataclasses.replace(article, source=f"doc {d}"))
    return articles


class _Docs:
    """The package's outlet labels and sentences mapped back to document indices."""

    def __init__(self, articles: Sequence[Any], cited: Sequence[Any] = ()) -> None:
        self.articles = {int(a.source[4:]): a for a in articles}
        self.sentences = {d: {_norm(s) for s in a.sentences} for d, a in self.articles.items()}
        self.families = {  # a near-copy family cited under one label ("AP, via ...")
            a.source: frozenset(int(m[4:]) for m in a.metadata["family"].split("; "))
            for a in cited
            if a.metadata.get("family")
        }

    def of(self, label: str, text: str) -> int:
        """A sentence's doc: its label's, or for a folded family the longest member holding
        it (the text a family is compared with)."""
        if match := _LABEL.fullmatch(label):
            return int(match[1])
        holders = [d for d, sentences in self.sentences.items() if _norm(text) in sentences]
        return max(holders, key=lambda d: (self.articles[d].word_count, -d), default=-1)

    def cited(self, label: str) -> frozenset[int]:
        match = _LABEL.fullmatch(label)
        return frozenset({int(match[1])}) if match else self.families.get(label, frozenset())

    def origin(self, text: str) -> frozenset[int] | None:
        found = frozenset(d for d, sentences in self.sentences.items() if _norm(text) in sentences)
        return found or None


def _compare(
    story_id: str, articles: list[Any], embedder: str | None, claims: str | None = None
) -> Any:
    from summarize import compare

    comparison = compare(articles, embedder=embedder, claims=claims)
    if folded := [s for s in comparison.sources if not _LABEL.fullmatch(s)]:
        logger.info("%s: near-copies folded into %s", story_id, folded)
    return comparison


def package_alignment(
    story: AlignmentStory,
    documents: Sequence[str],
    embedder: str | None = None,
    examples: Examples | None = None,
    claims: str | None = None,
) -> Tally:
    """Score ``compare`` (claims, unique) and ``brief`` (citations) on one labelled story
    (``claims``: the grouping, "facts" or "sentences"; default the package's)."""
    from summarize import brief

    articles = _articles(documents, range(story.n_docs))
    if len(articles) < 2:
        tally = score_alignment(story, [], examples=examples)
        tally["stories showing a fact all outlets report"] = [0, 1]
        return tally
    comparison = _compare(story.id, articles, embedder, claims)
    briefing = brief(articles, embedder=embedder, claims=claims)
    docs = _Docs(articles, briefing.articles)
    grouped = [
        [(docs.of(r.source, r.text), r.text) for r in c.sentences] for c in comparison.claims
    ]
    unique = [
        (docs.of(r.source, r.text), r.text)
        for claims_of in comparison.unique.values()
        for claim in claims_of
        for r in claim.sentences
    ]
    digest = [
        (s.text, frozenset().union(*map(docs.cited, s.sources)), docs.origin(s.text))
        for s in briefing.digest.sentences
    ]
    tally = score_alignment(story, grouped, unique, digest, examples)
    # What a reader sees first: does "What all outlets report" list anything?
    tally["stories showing a fact all outlets report"] = [int(bool(comparison.shared)), 1]
    return tally


def package_disputes(
    story: DisagreementStory,
    documents: Sequence[str],
    embedder: str | None = None,
    examples: Examples | None = None,
    any_other_outlet: bool = False,
) -> Tally:
    """Score ``compare``'s disputes on one labelled story (its overlapping docs only)."""
    articles = _articles(documents, story.overlapping)
    if len(articles) < 2:
        return score_disputes(story, [], examples, any_other_outlet)
    docs = _Docs(articles)
    disputes = [
        [[(docs.of(r.source, r.text), r.text) for r in value.sentences] for value in d.values]
        for d in _compare(story.id, articles, embedder).disputes
    ]
    return score_disputes(story, disputes, examples, any_other_outlet)


# --------------------------------------------------------------------------- running


def measure(
    eval_dir: Path = EVAL_DIR,
    sets: Sequence[str] = ("neus", "multinews", "disagreements"),
    half: str = "all",
    embedder: str | None = None,
    examples: Examples | None = None,
    any_other_outlet: bool = False,
    claims: str | None = None,
) -> dict[str, dict[str, Tally]]:
    """Run the package on the labelled stories: set -> half -> figure -> [hits, total]
    (``half="all"`` fills "all", "even" and "odd", by row; ``claims``: the alignment's
    grouping for the alignment sets). FileNotFoundError without labels."""
    halves = HALVES if half == "all" else (half,)
    result: dict[str, dict[str, Tally]] = {}
    for name in sets:
        started = time.perf_counter()
        if name == "disagreements":
            stories: list[Any] = read_disagreements(eval_dir / "labels/disagreements_dev.jsonl")
            score: Any = functools.partial(package_disputes, any_other_outlet=any_other_outlet)
        else:
            stories, score = (
                read_alignment(eval_dir / "labels" / ALIGNMENT[name]),
                functools.partial(package_alignment, claims=claims),
            )
        result[name] = {h: defaultdict(lambda: [0, 0]) for h in halves}
        stories = [s for s in stories if half == "all" or s.row % 2 == (half == "odd")]
        for story in stories:
            tally = score(story, set_documents(eval_dir, story.set)[story.row], embedder, examples)
            for h in halves:
                if h == "all" or story.row % 2 == (h == "odd"):
                    for figure, (hits, total) in tally.items():
                        result[name][h][figure][0] += hits
                        result[name][h][figure][1] += total
        logger.info("%s: %d stories in %.0f s", name, len(stories), time.perf_counter() - started)
    return result


def figures(counts: dict[str, dict[str, Tally]]) -> dict[str, dict[str, dict[str, float]]]:
    """Counts as ratios: set -> half -> figure -> value (trap hits: a count, and per 100)."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for name, by_half in counts.items():
        for h, tally in by_half.items():
            row = {f: hits / n if n else float("nan") for f, (hits, n) in tally.items()}
            if "stories" in tally:
                row["stories"] = stories = tally["stories"][0]
                row["trap hits"] = traps = tally["trap hits"][0]
                row["trap hits per 100 stories"] = 100 * traps / max(1, stories)
            out.setdefault(name, {})[h] = row
    return out


def real_coverage(
    eval_dir: Path = EVAL_DIR,
    sets: Sequence[str] = ("neus", "multinews", "disagreements"),
    half: str = "all",
    embedder: str | None = None,
    any_other_outlet: bool = False,
) -> dict[str, dict[str, dict[str, float]]]:
    """The figures: set -> half -> figure -> value (what other code and tests call)."""
    return figures(measure(eval_dir, sets, half, embedder, any_other_outlet=any_other_outlet))


def table(counts: dict[str, dict[str, Tally]]) -> str:
    """Markdown: a row per figure, a column per set and half; cells "0.13 (45/350)"."""
    ratios = figures(counts)
    columns = [(name, h) for name, by_half in counts.items() for h in by_half]
    lines = [
        "| figure | " + " | ".join(f"{SETS[n]} {h}" for n, h in columns) + " |",
        "|---" * (len(columns) + 1) + "|",
    ]
    for figure in FIGURES:
        if not any(figure in ratios[n][h] for n, h in columns):
            continue
        cells = []
        for n, h in columns:
            value, (hits, total) = ratios[n][h].get(figure), counts[n][h].get(figure, (0, 0))
            if value is None:
                cells.append("")
            elif figure.startswith("trap hits"):
                cells.append(f"{value:.1f}" if "per 100" in figure else f"{value:.0f}")
            else:
                cells.append(f"{value:.2f} ({hits}/{total})")
        lines.append(f"| {figure} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=(*SETS, "all"), default="all")
    parser.add_argument("--half", choices=HALVES, default="all")
    parser.add_argument("--embedder", default=None, help="embedder name for compare/brief")
    parser.add_argument("--show", type=int, default=0, help="print N misses of each kind")
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument(
        "--any-other-outlet",
        action="store_true",
        help="a dispute covers a disagreement with any other outlet opposite its sentence",
    )
    parser.add_argument(
        "--claims", choices=("facts", "sentences"), default=None, help="align()'s grouping"
    )
    parser.add_argument(
        "--grouping",
        choices=("logistic", "trees"),
        default=None,
        help="how fact claims are grouped (summarize.defaults.FACT_GROUPING)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    logger.setLevel(logging.INFO)
    if not (args.eval_dir / "labels").is_dir():
        logger.warning("Skipping: no labels in %s (../shared/eval/README.md).", args.eval_dir)
        return 0
    if args.grouping is not None:
        from summarize import defaults

        defaults.FACT_GROUPING = args.grouping
    sets = tuple(SETS) if args.set == "all" else (args.set,)
    examples: Examples = defaultdict(list)
    started = time.perf_counter()
    counts = measure(
        args.eval_dir, sets, args.half, args.embedder, examples, args.any_other_outlet, args.claims
    )
    logger.info("done in %.0f s", time.perf_counter() - started)
    print(table(counts))
    for kind in sorted(examples) if args.show else ():
        print(f"\n**{kind}** ({len(examples[kind])}):")
        print("\n".join(f"- {line}" for line in examples[kind][: args.show]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
