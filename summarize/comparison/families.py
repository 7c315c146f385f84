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
from collections.abc import Sequence

from summarize import defaults
from summarize.types.article import Article
from summarize.types.story import Family, NearCopy, Story, free_label

logger = logging.getLogger(__name__)

__all__ = [
    "changed_figures",
    "collapse_near_copies",
    "describe_folds",
    "near_copy_families",
]

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
    postings: dict[int, list[int]] = defaultdict(list)
    for index in first_with.values():
        for gram in shingles[index]:
            postings[gram].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for holders in postings.values():
        if len(holders) > 1:
            for x, i in enumerate(holders):
                for j in holders[x + 1 :]:
                    shared[(i, j)] += 1
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
    for (i, j), count in sorted(shared.items()):
        shorter = max(min(len(shingles[i]), len(shingles[j])), 1)
        if count >= defaults.STORY_NEAR_COPY * shorter:
            share = count / shorter
            join(i, j)
            for a, b in ((i, j), (j, i)):
                if share > closest.get(a, (0.0, -1))[0]:
                    closest[a] = (share, b)
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
        for source in family.sources:
            if len(family.sources) == 1 or source == cited.metadata["family_text"]:
                continue
            member = by_source[source]
            kept = changed_figures(member, cited)
            if kept:
                versions.append(
                    dataclasses.replace(
                        member,
                        source=free_label(source, taken),  # may be named like a family label
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
    from summarize.comparison.facts import stated_figures

    repeated = set(cited.sentences)
    candidates = [s for s in member.sentences if s not in repeated]
    if not candidates:
        return ()
    stated = _figures_of(cited.sentences)
    figures = stated_figures(candidates)
    return tuple(s for s, found in zip(candidates, figures, strict=True) if found - stated)


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
        + ", ".join(f"{c.source} ({c.share:.0%} shared with {c.closest})" for c in family.copies)
        for family in families
    ]
    folded = sum(len(family.sources) for family in families)
    of = f" of {articles}" if articles is not None else ""
    kept = (
        " Versions that give other figures than the cited text are compared with it (their "
        "sentences kept, counted with their family): "
        + ", ".join(f"{v.source} ({v.metadata['version_of']})" for v in versions)
        + "."
        if versions
        else ""
    )
    return (
        f"{folded}{of} articles are near-copies (share of the shorter text's word 5-grams "
        f"found in the other), each family counted as one report: {'; '.join(parts)}.{kept} "
        "To count them as separate outlets use collapse_copies=False (CLI: --keep-copies)."
    )


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
