"""One view of the truth: every claim falls in exactly one category, and Markdown, HTML (the
lists and the side-by-side colours), CSV, JSON and the notebooks' frames and plots show the
same categories with the same counts. Each output is parsed as a reader or a program would."""

from __future__ import annotations

import html
import io
import json
import re

import numpy as np
import pandas as pd
import pytest

from summarize.render import render
from summarize.render.categories import CATEGORIES, claim_categories, labels
from tests.render._stories import STORIES

MARKDOWN_HEADINGS = {
    "shared": r"What (?:all|most) outlets report",
    "partial": r"What some outlets report",
    "unique": r"Only one outlet reports",
    "elsewhere": r"Possibly reported elsewhere",
}

#: "(0)", "(1 detail)" or "(2 details; 3 disputed facts)": group 1 is the disputed facts.
DIFFER_COUNTS = r"\((?:0|\d+ details?(?:; (\d+) disputed facts?)?)\)"


@pytest.fixture(scope="module", params=STORIES, ids=[story.name for story in STORIES])
def briefing(request, embedder):
    from summarize import brief, load_articles

    return brief(load_articles(request.param), embedder=embedder)


def _from_json(text: str) -> dict[str, int]:
    data = json.loads(text)
    claims = data["comparison"]["claims"] if "comparison" in data else data["claims"]
    found = [claim["category"] for claim in claims]
    return {category: found.count(category) for category in CATEGORIES}


def _from_csv(text: str) -> dict[str, int]:
    frame = pd.read_csv(io.StringIO(text))
    per_claim = frame.groupby("claim")["category"].agg(set)
    assert (per_claim.map(len) == 1).all(), "a claim with two categories in the CSV"
    found = [next(iter(categories)) for categories in per_claim]
    return {category: found.count(category) for category in CATEGORIES}


def _glance(text: str, words: dict[str, str], *, html_page: bool) -> dict[str, int]:
    """The counts of the "Facts at a glance" line."""
    found = {}
    for category in CATEGORIES:
        if html_page:
            pattern = (
                rf'<li data-category="{category}">.*?<strong class="sz-count">(\d+)</strong> '
                + re.escape(html.escape(words[category]))
            )
        else:
            pattern = rf"(\d+) {re.escape(words[category])}"
        match = re.search(pattern, text)
        assert match, f"no {category} count in the overview line"
        found[category] = int(match.group(1))
    return found


def _markdown_headings(text: str) -> dict[str, int]:
    found = {}
    for category, heading in MARKDOWN_HEADINGS.items():
        match = re.search(rf"^## {heading} \((\d+)\)$", text, re.MULTILINE)
        assert match, f"no {heading!r} section"
        found[category] = int(match.group(1))
    disputed = re.search(rf"^## Where they differ {DIFFER_COUNTS}$", text, re.M)
    assert disputed, "no 'Where they differ' section"
    found["disputed"] = int(disputed.group(1) or 0)
    return found


def _html_headings(text: str) -> dict[str, int]:
    found = {}
    for category, heading in MARKDOWN_HEADINGS.items():
        match = re.search(rf"<h2>{heading} \((\d+)\)</h2>", text)
        assert match, f"no {heading!r} card"
        found[category] = int(match.group(1))
    disputed = re.search(rf"<h2>Where they differ {DIFFER_COUNTS}</h2>", text)
    assert disputed, "no 'Where they differ' card"
    found["disputed"] = int(disputed.group(1) or 0)
    return found


def _side_by_side(text: str) -> dict[str, int]:
    """Sentences per colour in the side-by-side view."""
    side = text.split('id="sz-side-by-side"', 1)[1]
    found = re.findall(r'<p class="sz-s sz-([a-z]+)" data-category="\1"', side)
    return {category: found.count(category) for category in CATEGORIES}


def test_every_output_shows_the_same_categories_with_the_same_counts(briefing):
    comparison = briefing.comparison
    categories = claim_categories(comparison)
    assert len(categories) == len(comparison.claims)  # each claim exactly one category
    words = labels(comparison)

    reference = _from_json(render(comparison, "json"))
    assert sum(reference.values()) == len(comparison.claims)
    assert _from_json(render(briefing, "json")) == reference
    assert _from_csv(render(comparison, "csv")) == reference
    # The notebooks: the DataFrame and the stacked bars of plots.outlet_facts.
    frame = comparison.to_frame().drop_duplicates("claim")
    assert {c: int((frame.category == c).sum()) for c in CATEGORIES} == reference
    for fmt_object in (briefing, comparison):
        markdown = render(fmt_object, "markdown")
        assert _glance(markdown, words, html_page=False) == reference
        assert _markdown_headings(markdown) == reference
        page = render(fmt_object, "html")
        assert _glance(page, words, html_page=True) == reference
        assert _html_headings(page) == reference
    # The side-by-side colours: each sentence coloured by its claim's category (a sentence
    # in two claims, one stating each of its facts, by the first in the rule's order).
    order = ("shared", "disputed", "partial", "unique", "elsewhere")
    coloured: dict[tuple[int, int], str] = {}
    for claim, category in zip(comparison.claims, categories, strict=True):
        for ref in claim.sentences:
            key = (ref.article, ref.index)
            if key not in coloured or order.index(category) < order.index(coloured[key]):
                coloured[key] = category
    sentences = {c: list(coloured.values()).count(c) for c in CATEGORIES}
    assert sum(sentences.values()) == sum(len(a.sentences) for a in briefing.articles)
    assert _side_by_side(render(briefing, "html")) == sentences
    # The JSON's own lists agree: "shared" is the shared category, "unique" holds only-one
    # claims (a disputed one is never called unique).
    data = json.loads(render(comparison, "json"))
    assert len(data["shared"]) == reference["shared"]
    listed_unique = {i for ids in data["unique"].values() for i in ids}
    assert {i for i, c in enumerate(categories) if c == "unique"} <= listed_unique


def test_plots_stack_the_same_categories(briefing):
    from summarize.render import plots

    comparison = briefing.comparison
    figure = plots.outlet_facts(comparison)
    ax = figure.axes[0]
    drawn = {
        category: float(sum(patch.get_width() for patch in bars.patches))
        for category, bars in zip(CATEGORIES, ax.containers, strict=True)
    }
    expected = {c: 0.0 for c in CATEGORIES}
    for claim, category in zip(comparison.claims, claim_categories(comparison), strict=True):
        expected[category] += claim.support
    assert drawn == expected


def test_every_claim_is_listed_in_its_section(briefing):
    """No claim falls between the lists: the one-outlet sentences another outlet possibly
    says are listed too (they used to be in no list but coloured "only this outlet")."""
    from summarize.render._view import representative

    comparison = briefing.comparison
    page = render(briefing, "html")
    cards = {
        "partial": "sz-partial-list",
        "unique": "sz-unique",
        "elsewhere": "sz-elsewhere-list",
    }
    for claim, category in zip(comparison.claims, claim_categories(comparison), strict=True):
        if category in cards:
            card = page.split(f'id="{cards[category]}"', 1)[1].split("</section>\n", 1)[0]
            card = card.split('<section class="sz-card"', 1)[0]
            assert html.escape(representative(claim, comparison).text) in card, category


def test_a_sentence_in_two_claims_stands_for_one_of_them_only(embedder):
    """A sentence that states two facts is in two claims; each list item shows a sentence of
    its own claim where it has one, so no sentence is listed twice under two categories."""
    from summarize import compare
    from summarize.render._view import representative
    from tests.comparison.test_fact_claims import STORY

    comparison = compare(STORY, embedder=embedder)
    first = [representative(claim) for claim in comparison.claims]
    assert len(set(first)) < len(first)  # the Ledger's headline is first in two claims
    shown = [representative(claim, comparison) for claim in comparison.claims]
    assert len(set(shown)) == len(shown)
    page = render(comparison, "markdown")
    for ref in shown:
        assert page.count(ref.text) <= 1


def test_rule_on_a_comparison_with_a_dispute(briefing):
    """A claim whose sentence gives a disputed value is "disputed", never "only one" or
    "some" (shared wins: the fact is listed with the majority value)."""
    import dataclasses

    from summarize.types import Dispute, DisputedValue

    comparison = briefing.comparison
    categories = claim_categories(comparison)
    target = next(
        (i for i, c in enumerate(categories) if c in ("unique", "elsewhere", "partial")), None
    )
    if target is None:
        pytest.skip("no claim to dispute")
    claim = comparison.claims[target]
    ref = claim.sentences[0]
    other = next(c for c in comparison.claims if c.sources[0] != ref.source).sentences[0]
    dispute = Dispute(
        kind="count",
        topic="deaths",
        values=(
            DisputedValue(value="12", sources=(ref.source,), sentences=(ref,)),
            DisputedValue(value="19", sources=(other.source,), sentences=(other,)),
        ),
    )
    disputed = dataclasses.replace(comparison, disputes=(dispute,))
    again = claim_categories(disputed)
    assert again[target] == "disputed"
    assert all(again[i] == "shared" for i, c in enumerate(categories) if c == "shared")
    assert np.sum([c == "disputed" for c in again]) >= 1
    assert "Where they differ (1 detail; " in render(disputed, "markdown")
    # The dispute's label is set off from its values ("Deaths: "12"", not "Deaths"12"").
    page = render(disputed, "html")
    assert '<span class="sz-kind">Deaths:</span> <span class="sz-value">' in page


@pytest.mark.parametrize(
    ("first", "reason"),
    [
        ("He classified the death as an accident on Friday afternoon.", "opens with a pronoun"),
        ("But the pair agreed that co-operation on flights was vital.", "opens with 'But'"),
        ("Yes.", "too short to stand for a fact"),
        ("\u201dThe flood came as no surprise to anyone in town.", "half a quotation"),
    ],
)
def test_a_claim_is_listed_by_a_sentence_that_reads_on_its_own(first, reason):
    """The first outlet's sentence needs what came before it in its article; another outlet's
    sentence of the same fact does not, so that one stands for the claim in lists."""
    from summarize.render._view import representative
    from summarize.types import Claim, SentenceRef

    later = "The medical examiner's office ruled the death an accident on Friday."
    refs = (SentenceRef(0, 3, first, "Ledger"), SentenceRef(1, 5, later, "Herald"))
    assert representative(Claim(sentences=refs, sources=("Ledger", "Herald"))).text == later, reason
    # With no such sentence, the first in article order still stands for it.
    alone = (refs[0], SentenceRef(1, 5, "She said it was sad.", "Herald"))
    assert representative(Claim(sentences=alone, sources=("Ledger", "Herald"))).text == first
