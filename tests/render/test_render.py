"""Renderers on a real briefing: Markdown, HTML (escaping, self-contained), JSON, heatmap, CSS."""

from __future__ import annotations

import base64
import dataclasses
import io
import json
import re

import numpy as np
import pytest

from summarize import brief, load_articles
from summarize.pipeline.digest import Digest, DigestSentence
from summarize.render.html import css, e
from summarize.render.plots import figure_png, heatmap_png, overlap_heatmap

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def briefing(bundled_briefing):
    return bundled_briefing


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, embedder):
    """A two-outlet story whose text, title and outlet name carry markup."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "a.md").write_text(
        "---\nsource: 'Evil <img src=x onerror=alert(2)> Times'\n"
        "title: 'Budget <b>passed</b>'\n---\n"
        f"The council approved the budget of 4.2 million dollars on Monday {SCRIPT} evening. "
        "The mayor said the money would repair roads and schools across the city. "
        "Critics said the plan ignored public transport entirely.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Council passes budget\n\n"
        "On Monday the council approved a budget of 4.2 million dollars. "
        "The mayor said the money would repair roads and schools across the city. "
        "A vote on bus fares was postponed until next month.\n",
        encoding="utf-8",
    )
    return brief(load_articles(folder), max_words=60, embedder=embedder)


def _cited_lines(markdown: str, section: str) -> list[str]:
    body = markdown.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in body.splitlines() if line.startswith("- ")]


# --- Markdown ----------------------------------------------------------------------------------


def test_markdown_has_every_section(briefing):
    markdown = briefing.to_markdown()
    for heading in (
        "# Briefing",
        "## Sources",
        "## Merged briefing",
        "## What all outlets report",
        "## Only one outlet reports",
        "## Where they differ",
        "## Overlap between outlets",
        "## Per-source digests",
        "## What cleaning removed",
    ):
        assert heading in markdown
    for number, article in enumerate(briefing.articles, start=1):
        assert f"[{number}] **{article.source}**" in markdown
        assert f"- [{number}] {article.source}: {len(article.removed)} line(s) removed" in markdown


def test_what_cleaning_removed_says_why(briefing):
    """Each removed line or piece is shown with the reason cleaning gave for it."""
    markdown, html = briefing.to_markdown(), briefing.to_html()
    for article in briefing.articles:
        assert len(article.removed_reasons) == len(article.removed)
        line, reason = article.removed[0], article.removed_reasons[0]
        assert f'"{line[:60]}' in markdown and f"({reason})" in markdown
        assert f"({reason})</li>" in html


def test_markdown_citations_match_the_digest(briefing):
    numbers = {source: n for n, source in enumerate(briefing.sources, start=1)}
    lines = _cited_lines(briefing.to_markdown(), "Merged briefing")
    assert len(lines) == len(briefing.digest.sentences)
    for line, sentence in zip(lines, briefing.digest.sentences, strict=True):
        cited = [int(n) for n in re.findall(r"\[(\d+)\]", line.rsplit(" ", 1)[-1])]
        assert cited == sorted(numbers[source] for source in sentence.sources)
        assert sentence.text.split()[-1].rstrip(".") in line


def test_merged_briefing_says_what_a_missing_citation_means(briefing, bundled_articles, embedder):
    """Citations are found by a model that misses outlets putting a fact in other words, so
    the merged briefing says that a missing marker is no evidence; with one outlet there is
    nothing to miss and no such line."""
    from summarize.render.categories import CITATIONS_EXPLAINED

    merged = briefing.to_markdown().split("## Merged briefing\n", 1)[1].split("\n## ", 1)[0]
    assert merged.lstrip().startswith(CITATIONS_EXPLAINED)
    html = briefing.to_html()
    digest_card = html.split('id="sz-digest"', 1)[1].split("</section>", 1)[0]
    assert e(CITATIONS_EXPLAINED) in digest_card
    alone = brief(bundled_articles[:1], embedder=embedder)
    assert CITATIONS_EXPLAINED not in alone.to_markdown()
    assert e(CITATIONS_EXPLAINED) not in alone.to_html()


def test_markdown_similarity_tables(briefing):
    """The share of matched facts as a table; story overlap, about 1 for every pair of the
    bundled story, as one line instead of a table of 1.00s."""
    markdown = briefing.to_markdown()
    n = len(briefing.sources)
    rows = [line for line in markdown.splitlines() if re.match(r"\| \[\d+\] ", line)]
    assert len(rows) == n
    assert f"All {n} articles tell one story" in markdown
    expected = [*briefing.comparison.fact_overlap]
    for row, values_expected in zip(rows, expected, strict=True):
        values = [float(cell) for cell in row.strip("|").split("|")[1:]]
        np.testing.assert_allclose(values, values_expected, atol=0.006)


def test_markdown_and_json_are_byte_identical_across_runs(briefing, story_dir, embedder):
    again = brief(load_articles(story_dir), embedder=embedder)
    assert again.to_markdown().encode() == briefing.to_markdown().encode()
    assert again.to_json().encode() == briefing.to_json().encode()


def test_unsupported_sentences_are_marked(briefing):
    planted = DigestSentence(text="The moon declared war on Canada.", sources=(), supported=False)
    digest = Digest(sentences=(*briefing.digest.sentences, planted), method="abstractive")
    flagged = dataclasses.replace(briefing, digest=digest)
    assert (
        "- The moon declared war on Canada. **(unsupported: no source sentence backs this)**"
        in flagged.to_markdown()
    )
    page = flagged.to_html()
    assert re.search(
        r'class="sz-sentence sz-unsupported"[^>]*><span class="sz-badge">'
        r"unsupported</span>The moon declared war on Canada\.</li>",
        page,
    )
    assert 'class="sz-sentence sz-unsupported"' not in briefing.to_html()


# --- HTML --------------------------------------------------------------------------------------


def test_article_markup_is_escaped(hostile):
    page = hostile.to_html()
    assert "<script" not in page.lower()
    assert "<img src=x" not in page
    assert "<b>passed" not in page
    assert e(SCRIPT) in page
    assert "Evil &lt;img src=x onerror=alert(2)&gt; Times" in page
    # The notebook display escapes too.
    assert "<script" not in hostile._repr_html_().lower()
    # Markdown shows it as text, not as an HTML tag.
    assert "\\<script\\>alert(1)\\</script\\>" in hostile.to_markdown()


def test_html_is_one_self_contained_page(briefing):
    page = briefing.to_html()
    assert page.startswith("<!DOCTYPE html>")
    assert css().strip() in page
    links = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert links
    assert all(link.startswith(("data:image/png;base64,", "#")) for link in links)
    assert "<link" not in page
    assert "@import" not in page


def test_html_has_digest_columns_heatmap_and_legend(briefing):
    page = briefing.to_html()
    n = len(briefing.sources)
    side = page.split('id="sz-side-by-side"', 1)[1].split('id="sz-per-source"', 1)[0]
    assert side.count('<section class="sz-column"') == n
    for source in briefing.sources:
        assert f'data-source="{e(source)}"' in side
    for status in ("shared", "partial", "disputed", "unique", "elsewhere"):
        assert f'<span class="sz-swatch sz-{status}">' in side
    # Every sentence of every article is in its column, marked with one category.
    marked = re.findall(r'<p class="sz-s sz-(shared|partial|disputed|unique|elsewhere)"', side)
    assert len(marked) == sum(len(article.sentences) for article in briefing.articles)
    assert marked.count("shared") >= len(briefing.comparison.shared) * n
    digest = page.split('id="sz-digest"', 1)[1].split("</section>", 1)[0]
    assert digest.count('<li class="sz-sentence sz-supported">') == len(briefing.digest.sentences)
    for sentence in briefing.digest.sentences:
        assert e(sentence.text) in digest
    assert '<img id="sz-heatmap" src="data:image/png;base64,' in page


def test_every_css_class_used_is_styled_or_structural(briefing):
    used = set(
        re.findall(r"sz-[a-z-]+", " ".join(re.findall(r'class="([^"]+)"', briefing.to_html())))
    )
    styled = set(re.findall(r"\.(sz-[a-z-]+)", css()))
    assert used - styled == set(), f"classes without CSS: {sorted(used - styled)}"


def test_css_file_is_well_formed():
    text = re.sub(r"/\*.*?\*/", "", css(), flags=re.S)
    assert text.count("{") == text.count("}")
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert "http" not in text  # no external fonts or images


# --- heatmap -----------------------------------------------------------------------------------


def test_heatmap_png_is_deterministic_and_not_blank(briefing):
    from matplotlib.image import imread

    comparison = briefing.comparison
    png = heatmap_png(comparison.fact_overlap, comparison.sources)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert heatmap_png(comparison.fact_overlap, comparison.sources) == png
    pixels = imread(io.BytesIO(png))
    assert pixels.shape[0] > 200 and pixels.shape[1] > 200
    assert float(pixels[..., :3].std()) > 0.1


def test_html_heatmap_draws_the_share_of_matched_facts(briefing):
    """Story overlap is about 1 for every pair of the bundled story (nothing to see); the page
    draws the share of matched facts, like notebook 01, and says so."""
    comparison = briefing.comparison
    n = len(comparison.sources)
    off_diagonal = ~np.eye(n, dtype=bool)
    assert comparison.similarity[off_diagonal].min() > 0.9  # why it is not the picture
    page = briefing.to_html()
    uri = re.search(r'<img id="sz-heatmap" src="data:image/png;base64,([^"]+)"', page).group(1)
    drawn = base64.b64decode(uri)
    assert drawn == figure_png(overlap_heatmap(comparison), dpi=200, tight=True)
    assert drawn != heatmap_png(comparison.similarity, comparison.sources)
    assert f'alt="Heatmap: share of matched facts between {n} outlets"' in page
    assert "Share of matched facts (the heatmap;" in page


def test_heatmap_rejects_a_mismatched_matrix():
    with pytest.raises(ValueError, match="expected"):
        heatmap_png(np.eye(3), ["a", "b"])


# --- JSON --------------------------------------------------------------------------------------


def test_json_is_stable_and_rounded(briefing):
    text = briefing.to_json()
    data = json.loads(text)
    assert list(data) == [
        "schema",
        "options",
        "sources",
        "digest",
        "per_source",
        "comparison",
        "articles",
    ]
    assert data["sources"] == list(briefing.sources)

    def floats(node):
        if isinstance(node, float):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from floats(value)
        elif isinstance(node, list):
            for value in node:
                yield from floats(value)

    assert all(round(value, 4) == value for value in floats(data))
    assert text.endswith("}\n")


# --- notebook display of the parts -------------------------------------------------------------


def test_digest_and_comparison_display_in_notebooks(briefing):
    for item in (briefing.digest, briefing.comparison):
        bundle = item._repr_mimebundle_()
        assert set(bundle) == {"text/plain", "text/html"}
        assert bundle["text/plain"].strip()
        assert 'class="sz-root"' in bundle["text/html"]
    html = briefing.comparison._repr_html_()
    side = html.split('id="sz-side-by-side"', 1)[1]
    assert side.count('<section class="sz-column"') == len(briefing.sources)
    assert (
        briefing.digest.sentences[0].text[:20] in briefing.digest._repr_mimebundle_()["text/plain"]
    )
