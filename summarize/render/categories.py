"""The one set of claim categories every output shows: each claim of a Comparison falls in
exactly one, decided here once, so Markdown, HTML (list sections and side-by-side colours),
CSV, JSON, plots and notebooks show the same categories with the same counts.

The rule, first match wins:

1. ``shared``: the claim is in ``Comparison.shared`` (every independent report has it; with
   more than three outlets, a majority), even when one outlet gives another value for one of
   its details: the fact is listed with the majority value and the outlets that give it, and
   the dissent shows under "Where they differ".
2. ``disputed``: one of the claim's sentences gives a value in one of ``Comparison.disputes``
   (a figure, date, time or name that outlets give differently): shown under "Where they
   differ", never as a fact only one or some outlets report.
3. ``partial``: two or more outlets report it (not all).
4. ``unique``: one outlet reports it and no other outlet even possibly says it
   (``Comparison.unique``).
5. ``elsewhere``: one outlet's wording that the comparison does not call unique: another
   outlet possibly says the same in other words.

Before the rule: a claim whose sentences are all page furniture that cleaning left in the text
(captions, credits, contact lines, embeds, punctuation: ``Comparison.aside``) states no fact.
It is :data:`ASIDE`: counted as no fact, listed under no heading, and shown greyed in the
side-by-side view, so nothing is dropped unseen.
"""

from __future__ import annotations

from collections import Counter

from summarize.types import Claim, Comparison

#: The categories in display order (legends, stacked bars, the overview line).
CATEGORIES = ("shared", "partial", "disputed", "unique", "elsewhere")
#: The status of a claim that states no fact (module docstring): in no category above.
ASIDE = "aside"
#: The categories in the rule's order (first match wins, above); a sentence in two claims
#: (it states two facts) is coloured by the first of its claims' categories.
RULE_ORDER = ("shared", "disputed", "partial", "unique", "elsewhere", ASIDE)

#: What each category means, in the words every legend, tooltip and overview line uses.
LABELS: dict[str, str] = {
    "shared": "reported by all outlets",
    "partial": "reported by some outlets",
    "disputed": "disputed (outlets differ on a detail)",
    "unique": "reported by only one outlet",
    "elsewhere": "possibly reported elsewhere in other words",
    ASIDE: "not counted as a fact (a caption, credit, contact line or embed)",
}

#: What a merged digest's citation markers mean, said once under its heading: they are found by
#: a model, which misses an outlet that puts a fact in quite other words (issue 29's labels:
#: about half of the sentences leave out such an outlet), so a missing marker is no evidence.
CITATIONS_EXPLAINED = (
    "Each sentence cites every outlet found stating its fact. An outlet that puts it in quite "
    "other words can be missed: a missing citation does not mean that outlet leaves it out."
)

#: What a briefing or comparison of one outlet says instead of its (empty) comparison: with
#: no other outlet, every sentence would be "possibly reported elsewhere" and nothing shared.
ONE_OUTLET = (
    "Only one outlet: there is nothing to compare it with. Add other outlets' articles about "
    "the same story to see what they all report, what only one reports and where they differ."
)


def compared(comparison: Comparison) -> bool:
    """Whether the comparison has two or more outlets (after near-copies are folded)."""
    return len(comparison.sources) >= 2


#: What a list of each category holds, said once under its heading.
EXPLAINED: dict[str, str] = {
    "partial": "Facts two or more outlets report, but not all.",
    "elsewhere": (
        "Sentences only one outlet has in these words, where another outlet possibly says the "
        "same in other words, so they are not called unique."
    ),
}

#: Short names for legends with little room (plots).
SHORT: dict[str, str] = {
    "shared": "all outlets",
    "partial": "some outlets",
    "disputed": "outlets differ",
    "unique": "only one outlet",
    "elsewhere": "possibly elsewhere",
    ASIDE: "no fact",
}

#: The section heading that lists each category's claims.
HEADINGS: dict[str, str] = {
    "shared": "What all outlets report",
    "partial": "What some outlets report",
    "disputed": "Where they differ",
    "unique": "Only one outlet reports",
    "elsewhere": "Possibly reported elsewhere",
}

#: More outlets than this: "shared" means a majority (see Comparison.shared), said so.
ALL_MEANS_ALL = 3


def labels(comparison: Comparison) -> dict[str, str]:
    """:data:`LABELS`, with "all outlets" said as "most outlets" when the comparison has more
    than three outlets (``shared`` is then a majority)."""
    if len(comparison.sources) <= ALL_MEANS_ALL:
        return dict(LABELS)
    return {**LABELS, "shared": "reported by most outlets"}


def headings(comparison: Comparison) -> dict[str, str]:
    """:data:`HEADINGS`, "all" said as "most" as in :func:`labels`."""
    if len(comparison.sources) <= ALL_MEANS_ALL:
        return dict(HEADINGS)
    return {**HEADINGS, "shared": "What most outlets report"}


def claim_categories(comparison: Comparison) -> tuple[str, ...]:
    """The category of every claim, in ``comparison.claims`` order (the rule above)."""
    shared = set(comparison.shared)  # equal claims: a Comparison read back from JSON too
    unique = {claim for claims in comparison.unique.values() for claim in claims}
    disputed = {
        (ref.article, ref.index)
        for dispute in comparison.disputes
        for value in dispute.values
        for ref in value.sentences
    }
    aside = set(comparison.aside)
    found = []
    for claim in comparison.claims:
        if claim in aside:
            found.append(ASIDE)
        elif claim in shared:
            found.append("shared")
        elif any((ref.article, ref.index) in disputed for ref in claim.sentences):
            found.append("disputed")
        elif claim.support >= 2:
            found.append("partial")
        elif claim in unique:
            found.append("unique")
        else:
            found.append("elsewhere")
    return tuple(found)


def category_map(comparison: Comparison) -> dict[Claim, str]:
    """Claim -> its category, for looking claims up one by one (see :func:`claim_categories`)."""
    return dict(zip(comparison.claims, claim_categories(comparison), strict=True))


def by_category(comparison: Comparison) -> dict[str, list[Claim]]:
    """Category -> its claims in ``comparison.claims`` order (every category present; no
    :data:`ASIDE` claims: they state no fact)."""
    grouped: dict[str, list[Claim]] = {category: [] for category in CATEGORIES}
    for claim, category in zip(comparison.claims, claim_categories(comparison), strict=True):
        if category != ASIDE:
            grouped[category].append(claim)
    return grouped


def fact_count(comparison: Comparison) -> int:
    """The number of claims that state a fact (every claim but ``Comparison.aside``)."""
    return len(comparison.claims) - len(set(comparison.aside))


def counts(comparison: Comparison) -> dict[str, int]:
    """Category -> number of claims, in :data:`CATEGORIES` order."""
    found = Counter(claim_categories(comparison))
    return {category: found[category] for category in CATEGORIES}


def overview(comparison: Comparison) -> tuple[int, list[tuple[str, int, str]]]:
    """The number of facts (claims) and, per category, (category, count, label): what the
    overview line of every output says."""
    found = counts(comparison)
    words = labels(comparison)
    return sum(found.values()), [(c, found[c], words[c]) for c in CATEGORIES]


def overview_text(comparison: Comparison) -> str:
    """ "35 facts: 2 reported by all outlets; 3 reported by some outlets; ..." (plain text)."""
    total, parts = overview(comparison)
    listed = "; ".join(f"{count} {label}" for _, count, label in parts)
    return f"{total} {'fact' if total == 1 else 'facts'}: {listed}."


def disputes_heading(comparison: Comparison) -> str:
    """ "Where they differ (2 details; 3 disputed facts)": the disputes listed and, when any,
    the facts (claims) filed as disputed, which the overview line counts; a dispute inside a
    fact most outlets report is listed there with the majority value, so it adds a detail
    here but no disputed fact ("(1 detail)"). "(0)" when there is none."""
    details = len(comparison.disputes)
    if not details:
        return f"{HEADINGS['disputed']} (0)"
    facts = counts(comparison)["disputed"]
    listed = f"{details} {'detail' if details == 1 else 'details'}"
    if facts:
        listed += f"; {facts} disputed {'fact' if facts == 1 else 'facts'}"
    return f"{HEADINGS['disputed']} ({listed})"
