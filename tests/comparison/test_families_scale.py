"""Near-copy folding on big piles of near-identical files (issue 28): bounded, not all pairs.

A pile of one wire item with a changed name or number in every file made the near-copy search
count shared 5-grams pair by pair (memory and time growing with the square of the pile) and
kept a version of every member, so thousands of versions were then compared pair by pair.
These tests guard the structure of the fix without timing it: the families are the ones the
all-pairs rule gives, the shared-shingle counts are held a bounded block at a time, and a
family yields at most ``MAX_VERSIONS`` versions. ``benchmarks/memory.py --cases near-10000``
measures the whole run (BENCHMARKS.md).
"""

from __future__ import annotations

import logging
import random
import tracemalloc

import pytest

from summarize.comparison import families as families_module
from summarize.comparison.families import (
    MAX_VERSIONS,
    collapse_near_copies,
    near_copy_families,
)
from summarize.defaults import STORY_NEAR_COPY as NEAR_COPY
from summarize.types.article import Article
from summarize.types.story import Family

PLACES = ("Springfield", "Riverton", "Lakeside", "Hillview")


def _wire_pile(count: int, *, seed: int = 28) -> list[Article]:
    """``count`` two-sentence copies of one wire item, each with another name and toll."""
    rng = random.Random(seed)
    pile = []
    for i in range(count):
        place = rng.choice(PLACES)
        sentences = (
            f"Firefighters in {place} said a fire at a warehouse on Monday injured "
            f"{rng.randint(2, 500)} people.",
            f"Witness number {i} told the Associated Press the roof collapsed within minutes.",
        )
        pile.append(
            Article(
                source=f"outlet {i:04d}",
                title="Fire at warehouse",
                text=" ".join(sentences),
                sentences=sentences,
            )
        )
    return pile


def _families_by_all_pairs(articles: list[Article]) -> set[frozenset[str]]:
    """The families the rule defines, comparing every pair (slow; small piles only)."""
    grams = [families_module._shingles(a.text) for a in articles]
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            shorter = max(min(len(grams[i]), len(grams[j])), 1)
            if grams[i] and len(grams[i] & grams[j]) >= NEAR_COPY * shorter:
                parent[root(j)] = root(i)
    found: dict[int, set[str]] = {}
    for i, article in enumerate(articles):
        found.setdefault(root(i), set()).add(article.source)
    return {frozenset(group) for group in found.values()}


def test_a_mixed_pile_gives_the_all_pairs_families_in_small_blocks(monkeypatch):
    """Near-copies, exact copies and unrelated texts, counted a few rows at a time: the same
    families as comparing every pair, and every member's closest text a near-copy of it."""
    rng = random.Random(5)
    words = ["fire", "police", "court", "storm", "vote", "bank", "river", "school", "mayor", "road"]
    pile = _wire_pile(40)
    pile += [
        Article(source=f"other {k}", title="", text=t, sentences=(t,))
        for k, t in enumerate(" ".join(rng.choices(words, k=12)) for _ in range(30))
    ]
    pile += [
        Article(source=f"copy {k}", title="", text=a.text, sentences=a.sentences)
        for k, a in enumerate(pile[::7])
    ]
    monkeypatch.setattr(families_module, "_PAIR_CELLS", 64)  # a row or two per block
    found = near_copy_families(pile)
    assert {frozenset(f.sources) for f in found} == _families_by_all_pairs(pile)
    assert len(found) < len(pile) - 40  # the wire copies did fold
    assert all(c.share >= NEAR_COPY for f in found for c in f.copies)


def test_shared_shingles_are_held_a_block_at_a_time_not_for_all_pairs(monkeypatch):
    """2,000 near-identical texts (4 million pairs, all near-copies): one family, and the
    memory the search allocates stays that of one block of counts, far below what a count per
    pair needs (the old Counter of pairs took hundreds of MB here)."""
    pile = _wire_pile(2000)
    monkeypatch.setattr(families_module, "_PAIR_CELLS", 1 << 16)
    tracemalloc.start()
    try:
        found = near_copy_families(pile)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [len(f.sources) for f in found] == [2000]
    assert peak < 40 * 2**20, f"{peak / 2**20:.0f} MiB"


def test_a_family_of_hundreds_keeps_a_bounded_number_of_versions(caplog):
    """300 copies that each change the toll fold into one cited article and at most
    ``MAX_VERSIONS`` versions (one per distinct set of figures), and the log says how many
    copies were folded without a version."""
    pile = _wire_pile(300)
    with caplog.at_level(logging.INFO, logger="summarize"):
        chosen, folded = collapse_near_copies(pile)
    assert len(folded) == 1 and len(folded[0].sources) == 300
    versions = [a for a in chosen if "version_of" in a.metadata]
    assert len(chosen) == 1 + len(versions) and 1 <= len(versions) <= MAX_VERSIONS
    assert any("folded without one" in r.getMessage() for r in caplog.records)
    assert all(len(r.getMessage()) < 10_000 for r in caplog.records)  # names a few, counts the rest


@pytest.mark.parametrize(
    ("outlets", "label"),
    [
        (3, "AP, via X0, X1 and X2"),
        (10, "AP, via X0, X1, X2, X3, X4, X5, X6, X7, X8 and X9"),
        (400, "AP, via X0, X1, X2, X3, X4, X5, X6, X7, X8, X9 and 390 others"),
    ],
)
def test_a_family_label_names_ten_carriers_and_counts_the_rest(outlets, label):
    family = Family(sources=tuple(f"X{i}" for i in range(outlets)), origin="AP")
    assert family.label == label
