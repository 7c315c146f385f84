"""Markdown rendering of a Briefing, Comparison or Digest: plain text a person can read.

The output is deterministic (no timestamps, fixed order), so the same briefing always gives
the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from summarize.defaults import CLAIMS
from summarize.render._view import (
    MAX_TABLE_SOURCES,
    TOP_PAIRS,
    citation_numbers,
    digest_sources,
    folded_families,
    independent_reports,
    markers,
    one_story_line,
    possibly_also,
    possibly_elsewhere,
    shared_line,
    stands_for,
    top_pairs,
    two_decimals,
)
from summarize.render.categories import (
    CITATIONS_EXPLAINED,
    EXPLAINED,
    ONE_OUTLET,
    by_category,
    compared,
    disputes_heading,
    headings,
    labels,
    overview_text,
)
from summarize.render.dates import human_date
from summarize.types import Briefing, Claim, Comparison, Digest, DigestSentence
from summarize.types.comparison import Dispute
from summarize.wording import counted, listed, mixed_stories

#: Ends every document written here, so that loading a folder skips briefings written into it
#: (summarize.inputs.loading recognises it; invisible when the Markdown is rendered).
GENERATOR_COMMENT = "<!-- generator: summarize (a briefing, not an article) -->\n"

_ESCAPE = str.maketrans({c: "\\" + c for c in "\\`*[]<>|"})


def escape(text: str) -> str:
    """Escape Markdown syntax in article text and collapse whitespace onto one line."""
    return " ".join(text.split()).translate(_ESCAPE)


def cite(sources: tuple[str, ...] | list[str], numbers: Mapping[str, int]) -> str:
    """Citation markers such as ``[1][3]`` for the outlets in ``sources``."""
    return "".join(f"[{n}]" for n in markers(sources, numbers))


def _shorten(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def disputed_markers(disputed: Iterable[tuple[str, str]], numbers: Mapping[str, int]) -> str:
    """Markers for outlets that report the fact with another value: ``[4: 65 dead]``."""
    return " ".join(
        f"[{numbers[source]}: {escape(value)}]" for source, value in disputed if source in numbers
    )


def wording_markdown(sentence: DigestSentence, numbers: Mapping[str, int]) -> list[str]:
    """Each outlet's own wording of a digest sentence, as a nested list."""
    return [
        f"  - {cite([source], numbers)} {escape(text)}"
        for source, text in sentence.wording
        if source in numbers
    ]


def digest_markdown(digest: Digest, *, numbers: Mapping[str, int] | None = None) -> str:
    """A digest as a bullet list, each sentence followed by its citation markers, the outlets
    that dispute it (``[4: 65 dead]``) and, nested, every outlet's own wording."""
    numbers = numbers if numbers is not None else citation_numbers(digest_sources(digest))
    lines = []
    for sentence in digest.sentences:
        text = escape(sentence.text)
        if sentence.supported:
            disputed = disputed_markers(sentence.disputed, numbers)
            line = f"- {text} {cite(sentence.sources, numbers)}".rstrip()
            lines.append(f"{line} {disputed}".rstrip())
            if len(sentence.wording) > 1:
                lines.extend(wording_markdown(sentence, numbers))
        else:
            lines.append(f"- {text} **(unsupported: no source sentence backs this)**")
    if not lines:
        lines.append("_(empty digest)_")
    return "\n".join(lines) + "\n"


def _legend(sources: list[str], numbers: Mapping[str, int]) -> str:
    return "\n".join(f"[{numbers[s]}] {escape(s)}  " for s in sources).rstrip() + "\n"


def digest_document(digest: Digest) -> str:
    """A standalone digest: sentences with markers, then the legend of cited outlets."""
    sources = digest_sources(digest)
    numbers = citation_numbers(sources)
    label = digest.method + (f", {digest.model}" if digest.model else "")
    parts = [
        f"**Digest** ({counted(digest.word_count, 'word')}, {label})\n",
        digest_markdown(digest),
    ]
    if sources:
        parts.append("Sources:  \n" + _legend(sources, numbers))
    return "\n".join(parts)


def _comparison_sections(
    comparison: Comparison, numbers: Mapping[str, int], *, max_items: int
) -> list[str]:

    if not compared(comparison):
        return [f"## Comparison\n\n{ONE_OUTLET}\n"]

    def more(count: int) -> str:
        return f"- _… and {count - max_items} more_\n" if count > max_items else ""

    elsewhere = possibly_elsewhere(comparison)

    def also(claim: Claim) -> str:
        """ "(possibly also in [2][4])" after a claim possibly reported elsewhere."""
        outlets, rest = possibly_also(elsewhere.get(claim), outlet_count=len(comparison.sources))
        return f" (possibly also in {cite(outlets, numbers)}{rest})" if outlets else ""

    def claim_list(category: str, claims: Sequence[Claim], *, empty: str) -> str:
        """One category's section: heading with its count, what it means, cited items."""
        lines = [f"## {titles[category]} ({len(claims)})\n", EXPLAINED[category] + "\n"]
        lines.extend(
            f"- {escape(stands_for(claim, comparison))} {cite(claim.sources, numbers)}"
            + also(claim)
            for claim in claims[:max_items]
        )
        if not claims:
            lines.append(empty)
        return "\n".join(lines) + "\n" + more(len(claims))

    sections = [overview_markdown(comparison)]
    grouped = by_category(comparison)
    titles = headings(comparison)
    shared = grouped["shared"]
    lines = [f"## {titles['shared']} ({len(shared)})\n"]
    for claim in shared[:max_items]:
        shown, cited = shared_line(comparison, claim)
        lines.append(f"- {escape(shown.text)} {cite(cited, numbers)}")
    if not shared:
        lines.append(f"_No claim is {labels(comparison)['shared']}._")
    sections.append("\n".join(lines) + "\n" + more(len(shared)))

    partial = sorted(grouped["partial"], key=lambda claim: -claim.support)
    sections.append(
        claim_list("partial", partial, empty="_No fact is reported by some outlets but not all._")
    )

    sections.append(disputes_markdown(comparison, numbers))

    unique = grouped["unique"]
    lines = [f"## {titles['unique']} ({len(unique)})\n"]
    for source in comparison.sources:
        own = [claim for claim in unique if claim.sources[0] == source]
        lines.append(f"### [{numbers.get(source, '?')}] {escape(source)} ({len(own)})\n")
        lines.extend(f"- {escape(stands_for(claim, comparison))}" for claim in own[:max_items])
        if not own:
            lines.append("_Nothing this outlet reports alone._")
        lines.append(more(len(own)))
    sections.append("\n".join(lines).rstrip() + "\n")

    sections.append(claim_list("elsewhere", grouped["elsewhere"], empty="_None._"))

    one_story = one_story_line(comparison)
    sections.append(
        "## Overlap between outlets\n\n"
        + (
            one_story + "\n"
            if one_story
            else "Story overlap (`similarity` in the JSON): the probability that the two "
            "articles tell the same story (about 1 for two reports of one story, even in "
            "different words; near 0 for different stories).\n\n"
            + _matrix_markdown(comparison.similarity, comparison.sources, numbers)
        )
    )
    if comparison.fact_overlap is not None:
        sections.append(
            "Share of matched facts (`fact_overlap` in the JSON): the share of sentences that "
            "report a fact the other article reports too (one claim holds both), averaged "
            "both ways (0 = no sentence repeated, 1 = every sentence).\n\n"
            + _matrix_markdown(comparison.fact_overlap, comparison.sources, numbers)
        )
    return sections


def overview_markdown(comparison: Comparison) -> str:
    """The overview line: how many facts fall in each category (the counts of every list)."""
    return f"**Facts at a glance.** {escape(overview_text(comparison))}\n"


def dispute_line(dispute: Dispute, numbers: Mapping[str, int]) -> str:
    """ "**Injured**: "at least four" [1][2] / "five others" [3]": each value in the outlet's
    own words with the outlets giving it, then the update or the softer kind if any."""
    values = " / ".join(
        f'"{escape(value.value)}" {cite(value.sources, numbers)}' for value in dispute.values
    )
    line = f"- **{escape(dispute.label)}**: {values}"
    if dispute.update:
        line += f" (update: {escape(' → '.join(dispute.timeline))}, later report)"
    elif not dispute.contradiction:
        line += " (detail differs; both may be true)"
    return line


def disputes_markdown(comparison: Comparison, numbers: Mapping[str, int]) -> str:
    """ "Where they differ": one entry per disputed detail, each outlet's sentence nested."""
    disputes = comparison.disputes
    lines = [f"## {disputes_heading(comparison)}\n"]
    for dispute in disputes:
        lines.append(dispute_line(dispute, numbers))
        for value in dispute.values:
            for ref in value.sentences:
                lines.append(f"  - {cite([ref.source], numbers)} {escape(ref.text)}")
    if not disputes:
        lines.append(
            "_No two outlets give different figures, dates, times or name spellings for one fact._"
        )
    return "\n".join(lines) + "\n"


def _matrix_markdown(matrix: object, sources: Sequence[str], numbers: Mapping[str, int]) -> str:
    if len(sources) > MAX_TABLE_SOURCES:
        rows = [
            f"{counted(len(sources), 'outlet')}: the {TOP_PAIRS} highest pairs "
            "(the JSON output has the whole matrix).\n",
            "| outlets | value |",
            "|---|---:|",
        ]
        for i, j, value in top_pairs(matrix):
            rows.append(
                f"| [{numbers[sources[i]]}] {escape(sources[i])} and "
                f"[{numbers[sources[j]]}] {escape(sources[j])} | {two_decimals(value)} |"
            )
        return "\n".join(rows) + "\n"
    header = "| | " + " | ".join(f"[{numbers[s]}]" for s in sources) + " |"
    rows = [header, "|---|" + "---:|" * len(sources)]
    for i, source in enumerate(sources):
        values = " | ".join(two_decimals(v) for v in np.asarray(matrix)[i])
        rows.append(f"| [{numbers[source]}] {escape(source)} | {values} |")
    return "\n".join(rows) + "\n"


def off_story_markdown(comparison: Comparison, numbers: Mapping[str, int]) -> str:
    """The mixed-story warning as a Markdown quote, or "" when all articles tell one story."""
    if not comparison.off_story:
        return ""
    named = listed([f"[{numbers[s]}] {escape(s)}" for s in comparison.off_story])
    text = mixed_stories(named, off_story=comparison.off_story, sources=comparison.sources)
    return f"> **Warning: mixed stories.** {text}\n"


def not_english_markdown(comparison: Comparison, numbers: Mapping[str, int]) -> str:
    """The warning that some articles are not in English, or "" when all read as English."""
    if not comparison.not_english:
        return ""
    named = listed(
        [
            f"[{numbers[s]}] {escape(s)} ({escape(language)})"
            for s, language in comparison.not_english.items()
        ]
    )
    one = len(comparison.not_english) == 1
    return (
        f"> **Warning: not in English.** {named} {'does' if one else 'do'} not seem to be in "
        "English. The models are English ones, so matches, citations and disputes involving "
        f"{'it' if one else 'them'} are not reliable.\n"
    )


def comparison_families_markdown(comparison: Comparison, numbers: Mapping[str, int]) -> str:
    """The near-copy families a comparison folded, each cited once, and why; "" when none."""
    if not comparison.families:
        return ""
    lines = [
        f"## Near-copies counted once ({len(comparison.families)})\n",
        "Articles that repeat one report (wire copies, updates of one article) count as one "
        "outlet, so copies do not look like independent corroboration. Share: the part of the "
        "shorter text's word 5-grams the two articles have in common.\n",
    ]
    for family in comparison.families:
        mark = f"[{numbers[family.label]}] " if family.label in numbers else ""
        lines.append(
            f"- {mark}**{escape(family.label)}**: {len(family.sources)} articles counted as "
            "one report"
        )
        lines.extend(
            f"  - {escape(c.source)}: {c.share:.0%} shared with {escape(c.closest)}"
            for c in family.copies
        )
    return "\n".join(lines) + "\n"


def comparison_markdown(comparison: Comparison, *, max_items: int = 8) -> str:
    """A Comparison as Markdown: shared claims, unique claims, differences, overlap table."""
    numbers = citation_numbers(comparison.sources)
    parts = [
        f"# Comparison of {counted(len(comparison.sources), 'outlet')}\n",
        *filter(
            None,
            [off_story_markdown(comparison, numbers), not_english_markdown(comparison, numbers)],
        ),
        "## Sources\n\n" + _legend(list(comparison.sources), numbers),
        *filter(None, [comparison_families_markdown(comparison, numbers)]),
        *_comparison_sections(comparison, numbers, max_items=max_items),
        GENERATOR_COMMENT,
    ]
    return "\n".join(parts)


def families_markdown(briefing: Briefing, numbers: Mapping[str, int]) -> str:
    """Which articles were folded into one cited report, and why; "" when none were."""
    folded = folded_families(briefing)
    if not folded:
        return ""
    lines = [
        f"## Near-copies counted once ({len(folded)})\n",
        "Articles that repeat one report (wire copies, updates of one article) count as one "
        "outlet, so copies do not look like independent corroboration. Share: the part of the "
        "shorter text's word 5-grams the two articles have in common.\n",
    ]
    for item in folded:
        family = item.family
        lines.append(
            f"- [{numbers[item.cited]}] **{escape(item.cited)}**: {len(family.sources)} "
            f"articles counted as one report; the text cited is the longest, from "
            f"{escape(item.text_from)}"
        )
        lines.extend(
            f"  - {escape(c.source)}: {c.share:.0%} shared with {escape(c.closest)}"
            for c in family.copies
        )
        lines.extend(
            f"  - [{numbers[version]}] {escape(version)}: states other figures than the cited "
            "text; its sentences that do are compared as a version of this report (not "
            "another outlet)"
            for version in item.versions
        )
    return "\n".join(lines) + "\n"


def briefing_markdown(briefing: Briefing, *, max_items: int = 8) -> str:
    """The whole briefing as Markdown (see
    :meth:`summarize.pipeline.briefing.Briefing.to_markdown`)."""
    articles = briefing.articles
    numbers = citation_numbers(article.source for article in articles)
    options = briefing.options
    parts = ["# Briefing\n"]
    outlets, copies = independent_reports(briefing)
    parts.append(
        f"{counted(outlets, 'outlet')} compared{copies}; merged briefing of "
        f"{counted(briefing.digest.word_count, 'word')} "
        f"({escape(options.method)}"
        + (f", {escape(options.model)}" if options.model else "")
        + f"; embedder {escape(options.embedder)}"
        + (f"; claims by {escape(options.claims)}" if options.claims != CLAIMS else "")
        + ").\n"
    )
    for warning in (
        off_story_markdown(briefing.comparison, numbers),
        not_english_markdown(briefing.comparison, numbers),
    ):
        if warning:
            parts.append(warning)
    sources = ["## Sources\n"]
    for article in articles:
        line = f"[{numbers[article.source]}] **{escape(article.source)}**: {escape(article.title)}"
        details = [counted(article.word_count, "word")]
        if article.published:
            details.append(f"published {escape(human_date(article.published))}")
        if article.url:
            details.append(escape(article.url))
        if article.metadata.get("fetched_at"):
            details.append("fetched " + escape(human_date(article.metadata["fetched_at"])))
        sources.append(f"{line} ({', '.join(details)})  ")
    parts.append("\n".join(sources).rstrip() + "\n")
    families = families_markdown(briefing, numbers)
    if families:
        parts.append(families)
    explained = f"{CITATIONS_EXPLAINED}\n\n" if len(articles) > 1 else ""
    parts.append(
        "## Merged briefing\n\n" + explained + digest_markdown(briefing.digest, numbers=numbers)
    )
    parts.extend(_comparison_sections(briefing.comparison, numbers, max_items=max_items))

    lines = [f"## Per-source digests ({counted(options.per_source_words, 'word')} each at most)\n"]
    for source, digest in briefing.per_source.items():
        lines.append(f"### [{numbers.get(source, '?')}] {escape(source)}\n")
        lines.append(digest_markdown(digest, numbers=numbers))
    parts.append("\n".join(lines))

    lines = ["## What cleaning removed\n"]
    for article in articles:
        removed = article.removed
        why = [f" ({escape(r)})" for r in article.removed_reasons] or [""] * len(removed)
        shown = "; ".join(
            f'"{escape(_shorten(line))}"{reason}'
            for line, reason in zip(removed[:3], why, strict=False)
        )
        rest = f"; … and {len(removed) - 3} more" if len(removed) > 3 else ""
        summary = f": {shown}{rest}" if removed else ""
        lines.append(
            f"- [{numbers[article.source]}] {escape(article.source)}: "
            f"{len(removed)} line(s) removed{summary}"
        )
    parts.append("\n".join(lines) + "\n")
    parts.append(GENERATOR_COMMENT)
    return "\n".join(parts)
