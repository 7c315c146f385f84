"""Near-copies of one report: wire copies and updates of one article count as one report.

Two articles are near-copies when at least :data:`~summarize.defaults.STORY_NEAR_COPY` of the
shorter one's word 5-grams (:data:`~summarize.defaults.STORY_SHINGLE` words) also appear in the
other. :func:`near_copy_families` partitions a story's articles into families (used by
:func:`summarize.pipeline.stories.group_stories` for each story); :func:`collapse_near_copies` folds
each family into the one article that a briefing or comparison cites, as "AP, via X and Y"
(:meth:`summarize.types.Story.briefing_articles`), so copies never count as independent
corroboration. Families are found on word 5-grams alone (no model); a member that changes a figure
keeps its changed sentences as a version article (:func:`changed_figures`, spaCy numbers), so
folding never hides a changed figure.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from summarize import defaults
from summarize.types.article import Article
from summarize.types.story import Family, NearCopy, Story, free_label

logger = logging.getLogger(__name__)

__all__ = [
    "MAX_VERSIONS",
    "changed_figures",
    "collapse_near_copies",
    "describe_folds",
    "near_copy_families",
]

# Cells of the (texts x texts) shared-shingle counts held at once; progress is logged from
# this many distinct texts.
_PAIR_CELLS = 1 << 22
_LOG_FROM = 1000
#: Versions kept per family at most (:func:`collapse_near_copies`): one per distinct set of
#: changed figures, so a pile of copies that each change a number is not compared pair by pair.
MAX_VERSIONS = 20
_LISTED = 50  # members the fold log names per family at most (then "and N more")
_FIGURE_CHUNK = 500  # sentences parsed at once for the figures (one progress line each)

# Wire services credited in a dateline or byline: "(AP)", "— Reuters", "Associated Press".
_WIRES = {
    "AP": re.compile(r"\(AP\)|\bAssociated Press\b|\bAP\s*[—–-]"),
    "Reuters": re.compile(r"\bReuters\b"),
    "AFP": re.compile(r"\(AFP\)|\bAgence France[- ]Presse\b|\bAFP\s*[—–-]"),
    "PA": re.compile(r"\bPress Association\b|\(PA\)"),
    "dpa": re.compile(r"\(dpa\)|\bDeutsche Presse-Agentur\b"),
    "UPI": re.compile(r"\(UPI\)|\bUnited Press International\b"),
}


def _shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < defaults.STORY_SHINGLE:
        return {hash(tuple(words))} if words else set()
    return {
        hash(tuple(words[i : i + defaults.STORY_SHINGLE]))
        for i in range(len(words) - defaults.STORY_SHINGLE + 1)
    }


def near_copy_families(articles: Sequence[Article]) -> tuple[Family, ...]:
    """Partition one story's articles into near-copy families (singletons included).

    Two articles are near-copies when at least :data:`~summarize.defaults.STORY_NEAR_COPY` of
    the shorter one's word 5-grams appear in the other (a wire report and an outlet's trimmed
    copy of it; an article and its update). Families are in order of their first article; each
    family of several articles records, for each member, the member it shares most with and that
    share (its ``copies``: why it was folded).
    """
    shingles = [_shingles(article.text) for article in articles]
    # Identical texts (a feed that carries one wire story 50 times) are compared once: counting
    # shared shingles pair by pair would grow with the square of the copies.
    first_with: dict[frozenset[int], int] = {}
    duplicates: dict[int, list[int]] = defaultdict(list)  # first article of a text -> its copies
    for index, grams in enumerate(shingles):
        first = first_with.setdefault(frozenset(grams), index)
        if first != index and grams:
            duplicates[first].append(index)
    distinct = list(first_with.values())  # in article order
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[max(root(i), root(j))] = min(root(i), root(j))

    # Each distinct text's best share with another distinct text, and the first such text; a
    # copy of a text shares everything with it (share 1) and the rest as its text does.
    closest: dict[int, tuple[float, int]] = {}
    component, best = _near_copy_links([shingles[index] for index in distinct])
    for i, (index, first) in enumerate(zip(distinct, component.tolist(), strict=True)):
        join(distinct[first], index)
        if i in best:
            share, partner = best[i]
            closest[index] = (share, distinct[partner])
    for first, copies in duplicates.items():
        share, partner = closest.get(first, (0.0, -1))  # the best other text, before copies
        for index in [first, *copies]:  # in article order: the first twin is first or copies[0]
            twin = copies[0] if index == first else first  # an identical text: share 1
            if index != first:
                join(first, index)
            closest[index] = (1.0, min(twin, partner) if share >= 1.0 else twin)
    by_root: dict[int, list[int]] = defaultdict(list)
    for index in range(len(articles)):
        by_root[root(index)].append(index)
    return tuple(
        Family(
            sources=tuple(articles[i].source for i in group),
            origin=_wire([articles[i] for i in group]) if len(group) > 1 else None,
            copies=tuple(
                NearCopy(articles[i].source, articles[closest[i][1]].source, closest[i][0])
                for i in group
            )
            if len(group) > 1
            else (),
        )
        for group in by_root.values()
    )


def _near_copy_links(grams: Sequence[set[int]]) -> tuple[Any, dict[int, tuple[float, int]]]:
    """Which distinct texts are near-copies of each other: each text's component (the position
    of its first text, through chains of near-copy pairs) and, for each text with a near-copy,
    its best share and the first text with that share.

    Shared shingles are counted with a sparse product, a block of rows at a time, so memory
    stays linear in the number of texts even when every text shares most shingles with every
    other (a pile of one wire item with a changed name or number in each): a Python loop over
    the pairs of each shingle's holders grows with the square of the pile, in time and memory.
    """
    import numpy as np
    from scipy.sparse import coo_matrix, csr_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(grams)
    ids: dict[int, int] = {}
    rows = [row for row, held in enumerate(grams) for _ in held]
    cols = [ids.setdefault(gram, len(ids)) for held in grams for gram in held]
    held = csr_matrix(
        (np.ones(len(cols), dtype=np.int32), (rows, cols)), shape=(n, max(len(ids), 1))
    )
    held_t = held.T.tocsr()
    sizes = np.array([len(g) for g in grams], dtype=np.int64)
    component = np.arange(n)
    best: dict[int, tuple[float, int]] = {}
    step = max(1, _PAIR_CELLS // max(n, 1))
    big = n > _LOG_FROM
    if big:
        logger.info("Counting shared word 5-grams of %d distinct texts", n)
    for start in range(0, n, step):
        stop = min(start + step, n)
        shared = (held[start:stop] @ held_t).toarray()  # (block, n) shingles in common
        shorter = np.maximum(np.minimum.outer(sizes[start:stop], sizes), 1)
        linked = shared >= defaults.STORY_NEAR_COPY * shorter
        linked[np.arange(stop - start), np.arange(start, stop)] = False  # not with itself
        share = np.where(linked, shared / shorter, -1.0)
        partner = share.argmax(axis=1)  # the first text with the best share
        for row in np.flatnonzero(linked.any(axis=1)).tolist():
            best[start + row] = (float(share[row, partner[row]]), int(partner[row]))
        # Components so far, with this block's pairs: each text stays linked to its
        # component's first text, so the graph never holds more than a block of pairs.
        block_rows, block_cols = np.nonzero(linked)
        graph = coo_matrix(
            (
                np.ones(len(block_rows) + n, dtype=np.int8),
                (
                    np.concatenate([block_rows + start, np.arange(n)]),
                    np.concatenate([block_cols, component]),
                ),
            ),
            shape=(n, n),
        )
        _, labels = connected_components(graph, directed=False)
        first_of = np.full(n, n)
        np.minimum.at(first_of, labels, np.arange(n))
        component = first_of[labels]
        if big and (stop == n or (stop // step) % max(1, (n // step) // 10) == 0):
            logger.info("Compared %d of %d distinct texts for shared word 5-grams", stop, n)
    return component, best


def collapse_near_copies(
    articles: Sequence[Article], *, log_level: int = logging.INFO
) -> tuple[tuple[Article, ...], tuple[Family, ...]]:
    """One story's articles with each near-copy family folded into one cited article.

    The same rule as :func:`group_stories` applies inside a story (:func:`near_copy_families`,
    then :meth:`Story.briefing_articles`): each family is cited once, under its label ("AP, via
    X and Y"), with its longest text. A member that gives a figure the cited text does not (an
    update that raises the death toll from 60 to 65) keeps those sentences in a *version*
    article of its own (:func:`changed_figures`), so the comparison still shows the change as
    a dispute or update; a version counts with its family, not as another outlet
    (``metadata["version_of"]``, see :func:`summarize.comparison.comparison.compare`). The folds are
    logged at ``log_level`` with their near-copy shares (:func:`describe_folds`). This is the
    one place the entry points (``brief``, ``compare``, ``summarise``) fold near-copies.

    Returns:
        The articles to compare (the input unchanged when nothing is a near-copy, or when
        several articles share a source label: citations could not tell them apart, and the
        stage that needs distinct labels reports that), and the families that folded several
        articles (empty when none did).
    """
    items = tuple(articles)
    if len({article.source for article in items}) < len(items):
        return items, ()
    families = near_copy_families(items)
    folded = tuple(family for family in families if len(family.sources) > 1)
    if not folded:
        return items, ()
    chosen = Story(articles=items, label="", families=families).briefing_articles()
    by_source = {article.source: article for article in items}
    taken = {article.source for article in chosen}
    versions: list[Article] = []
    for cited, family in zip(chosen, families, strict=True):  # one cited article per family
        if len(family.sources) == 1:
            continue
        members = [by_source[s] for s in family.sources if s != cited.metadata["family_text"]]
        found = _changed_figures(members, cited, enough=MAX_VERSIONS)
        changed = [
            (member, kept, figures)
            for member, result in zip(members, found, strict=True)
            if result is not None
            for kept, figures in [result]
            if kept
        ]
        if len(changed) > MAX_VERSIONS:
            unread = found.count(None)
            changed = _fewer_versions(
                changed, cited=cited.source, unread=unread, log_level=log_level
            )
        for member, kept, _ in changed:
            versions.append(
                dataclasses.replace(
                    member,
                    source=free_label(member.source, taken),  # may be named like a family label
                    text=" ".join(kept),
                    sentences=kept,
                    metadata={**member.metadata, "version_of": cited.source},
                )
            )
    logger.log(log_level, "%s", describe_folds(folded, articles=len(items), versions=versions))
    return (*chosen, *versions), folded


def changed_figures(member: Article, cited: Article) -> tuple[str, ...]:
    """The sentences of ``member`` (a near-copy of ``cited``) that state a figure, with what it
    counts, that the cited text does not state: "killed 60 people" when the cited update says
    65 (:func:`summarize.comparison.facts.stated_figures`). Sentences the cited text repeats
    word for
    word, or whose figures it states too, are left out: the cited text already shows them."""
    (found,) = _changed_figures([member], cited)
    return found[0] if found else ()


_Changed = tuple[tuple[str, ...], frozenset[tuple[str, object]]]


def _changed_figures(
    members: Sequence[Article], cited: Article, *, enough: int | None = None
) -> list[_Changed | None]:
    """:func:`changed_figures` of each member, with the figures that made its sentences count.

    The members' sentences are parsed together, each distinct one once, a chunk at a time (a
    family of thousands of copies is a few spaCy passes, not thousands). With ``enough``, the
    reading stops once more than ``enough`` distinct sets of figures were found: the members
    not read by then are ``None`` (their versions would not be kept, see
    :func:`_fewer_versions`)."""
    from summarize.comparison.facts import stated_figures

    repeated = set(cited.sentences)
    candidates = [[s for s in member.sentences if s not in repeated] for member in members]
    unique = list(dict.fromkeys(s for sentences in candidates for s in sentences))
    if not unique:
        return [((), frozenset())] * len(members)
    stated = _figures_of(cited.sentences)
    figures: dict[str, frozenset[tuple[str, object]]] = {}
    changed: list[_Changed | None] = []
    distinct: set[frozenset[tuple[str, object]]] = set()
    big = len(unique) > _LOG_FROM
    if big:
        logger.info("Reading the figures of %d sentences of %r's copies", len(unique), cited.source)
    for start in range(0, len(unique), _FIGURE_CHUNK):
        chunk = unique[start : start + _FIGURE_CHUNK]
        figures.update(zip(chunk, (found - stated for found in stated_figures(chunk)), strict=True))
        while len(changed) < len(members) and all(s in figures for s in candidates[len(changed)]):
            kept = tuple(s for s in candidates[len(changed)] if figures[s])
            given = frozenset().union(*(figures[s] for s in kept))
            changed.append((kept, given))
            if kept:
                distinct.add(given)
        if big:
            logger.info(
                "Read %d of %d sentences", min(start + _FIGURE_CHUNK, len(unique)), len(unique)
            )
        if enough is not None and len(distinct) > enough:
            break
    return changed + [None] * (len(members) - len(changed))


def _fewer_versions(
    changed: list[tuple[Article, tuple[str, ...], frozenset[tuple[str, object]]]],
    *,
    cited: str,
    unread: int,
    log_level: int,
) -> list[tuple[Article, tuple[str, ...], frozenset[tuple[str, object]]]]:
    """At most :data:`MAX_VERSIONS` of a family's versions: the first member to give each
    distinct set of other figures, in family order; the rest, and the ``unread`` members whose
    figures were not read once enough distinct ones were found, are folded without a version
    (said in the log). A pile of thousands of copies that each change a figure would
    otherwise be compared pair by pair, all of them one claim."""
    seen: set[frozenset[tuple[str, object]]] = set()
    kept: list[tuple[Article, tuple[str, ...], frozenset[tuple[str, object]]]] = []
    for item in changed:
        if item[2] not in seen and len(kept) < MAX_VERSIONS:
            seen.add(item[2])
            kept.append(item)
    chosen = {id(item) for item in kept}
    logger.log(
        log_level,
        "%d copies of %r give figures it does not; %d of them (one per distinct set of "
        "figures, at most %d) are compared with it as versions, the other %d%s are folded "
        "without one: %s.",
        len(changed),
        cited,
        len(kept),
        MAX_VERSIONS,
        len(changed) - len(kept),
        f" and {unread} copies not read (enough distinct figures were found)" if unread else "",
        _some(item[0].source for item in changed if id(item) not in chosen),
    )
    return kept


@functools.lru_cache(maxsize=32)
def _figures_of(sentences: tuple[str, ...]) -> frozenset[tuple[str, object]]:
    """A cited text's figures, sentence by sentence as the members' are read, parsed once for
    all the members of its family."""
    from summarize.comparison.facts import stated_figures

    return frozenset().union(*stated_figures(sentences))


def describe_folds(
    families: Sequence[Family], *, articles: int | None = None, versions: Sequence[Article] = ()
) -> str:
    """One line saying which articles were counted as one report and why (for the log), and
    which members' other figures are kept as versions."""
    parts = [
        f"{family.label!r} = "
        + _some(
            (f"{c.source} ({c.share:.0%} shared with {c.closest})" for c in family.copies),
            shown=_LISTED,
        )
        for family in families
    ]
    folded = sum(len(family.sources) for family in families)
    of = f" of {articles}" if articles is not None else ""
    kept = (
        " Versions that give other figures than the cited text are compared with it (their "
        "sentences kept, counted with their family): "
        + _some((f"{v.source} ({v.metadata['version_of']})" for v in versions), shown=_LISTED)
        + "."
        if versions
        else ""
    )
    return (
        f"{folded}{of} articles are near-copies (share of the shorter text's word 5-grams "
        f"found in the other), each family counted as one report: {'; '.join(parts)}.{kept} "
        "To count them as separate outlets use collapse_copies=False (CLI: --keep-copies)."
    )


def _some(names: Iterable[str], *, shown: int = 10) -> str:
    """The first ``shown`` names, then how many more."""
    items = list(names)
    more = f" and {len(items) - shown} more" if len(items) > shown else ""
    return ", ".join(items[:shown]) + more


def _wire(articles: Sequence[Article]) -> str | None:
    """The wire service most of a family's articles credit (dateline, byline), if any."""
    votes: Counter[str] = Counter()
    for article in articles:
        lead = " ".join((article.title, *article.removed, *article.sentences[:3]))
        votes.update(name for name, pattern in _WIRES.items() if pattern.search(lead))
    if not votes:
        return None
    (name, count), *_ = sorted(votes.items(), key=lambda item: (-item[1], item[0]))
    return name if count * 2 >= len(articles) else None
