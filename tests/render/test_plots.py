"""Plots: each one draws something, labels its axes, and reads only the result it is given."""

from __future__ import annotations

import dataclasses
import io

import numpy as np
import pytest

from summarize.render import plots


@pytest.fixture(scope="module")
def briefing(bundled_briefing):
    return bundled_briefing


def _main_axes(figure):
    return [ax for ax in figure.axes if ax.get_label() != "<colorbar>"]


def _png_pixels(figure) -> np.ndarray:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.image import imread

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    buffer.seek(0)
    return imread(buffer)[..., :3]


def _figures(briefing):
    comparison = briefing.comparison
    dated = [
        dataclasses.replace(article, published=day)
        for article, day in zip(
            briefing.articles, ["2016-08-11", "12 August 2016", None], strict=True
        )
    ]
    return {
        "heatmap": plots.heatmap(comparison.similarity, comparison.sources),
        "outlet_facts": plots.outlet_facts(comparison),
        "claims_grid": plots.claims_grid(comparison),
        "digest_positions": plots.digest_positions(comparison, briefing.per_source),
        "citation_counts": plots.citation_counts(briefing),
        "timeline": plots.timeline(dated),
    }


def test_every_plot_draws_and_labels_its_axes(briefing):
    for name, figure in _figures(briefing).items():
        axes = _main_axes(figure)
        assert axes, name
        for ax in axes:
            assert ax.get_xlabel().strip(), f"{name}: no x-axis label"
            assert ax.get_ylabel().strip(), f"{name}: no y-axis label"
            assert ax.get_title().strip(), f"{name}: no title"
            labels = [t.get_text() for t in ax.get_yticklabels()]
            assert any(labels), f"{name}: no y tick labels"
        pixels = _png_pixels(figure)
        assert float(pixels.std()) > 0.05, f"{name} is blank"


def test_heatmap_masks_the_diagonal_on_a_fixed_labelled_scale(briefing):
    """0 to 1 whatever the values: 0.20 next to 0.24 looks nearly the same, as it is (a scale
    fitted to 0.19-0.24 made it pale against navy); the colour bar is ticked 0 ... 1."""
    comparison = briefing.comparison
    matrix = comparison.fact_overlap  # the share of matched facts: 0.24-0.40 off the diagonal
    figure = plots.heatmap(matrix, comparison.sources)
    image = _main_axes(figure)[0].images[0]
    data = image.get_array()
    n = len(comparison.sources)
    assert np.ma.getmaskarray(data)[np.eye(n, dtype=bool)].all()
    assert not np.ma.getmaskarray(data)[~np.eye(n, dtype=bool)].any()
    assert image.get_clim() == (0.0, 1.0)
    lowest, highest = image.to_rgba(0.20), image.to_rgba(0.24)  # whatever the data's range
    assert np.abs(np.subtract(lowest, highest)[:3]).sum() < 0.3
    colour_bar = next(a for a in figure.axes if a.get_label() == "<colorbar>")
    ticks = [float(t.get_text().replace("−", "-")) for t in colour_bar.get_xticklabels()]
    assert ticks[0] == 0.0 and ticks[-1] == 1.0


def test_overlap_heatmap_draws_fact_overlap_and_says_so(briefing):
    """A Comparison's heatmap is its share of matched facts; title and colour bar name it."""
    comparison = briefing.comparison
    figure = plots.overlap_heatmap(comparison)
    ax = _main_axes(figure)[0]
    colour_bar = next(a for a in figure.axes if a.get_label() == "<colorbar>")
    assert ax.get_title() == "Share of matched facts"
    assert "same-fact match" in colour_bar.get_xlabel()
    n = len(comparison.sources)
    cells = [t.get_text() for t in ax.texts if t.get_text() != "—"]
    expected = comparison.fact_overlap[~np.eye(n, dtype=bool)]
    assert cells == [f"{value:.2f}" for value in expected]
    # Without a fact_overlap (a Comparison built by hand), story overlap, named as such.
    bare = plots.overlap_heatmap(dataclasses.replace(comparison, fact_overlap=None))
    assert _main_axes(bare)[0].get_title() == "Story overlap"


def test_outlet_facts_bars_add_up_to_each_outlets_claims(briefing):
    comparison = briefing.comparison
    figure = plots.outlet_facts(comparison)
    ax = _main_axes(figure)[0]
    totals = np.zeros(len(comparison.sources))
    for bars in ax.containers:
        totals += [patch.get_width() for patch in bars.patches]
    expected = [
        sum(source in c.sources for c in comparison.claims) for source in comparison.sources
    ]
    assert totals.tolist() == expected
    # One legend entry per category, the same words as every other output.
    from summarize.render.categories import CATEGORIES, labels

    legend = [text.get_text() for text in figure.legends[0].get_texts()]
    assert legend == [labels(comparison)[category] for category in CATEGORIES]


def test_claims_grid_puts_a_dot_where_an_outlet_reports_the_claim(briefing):
    comparison = briefing.comparison
    figure = plots.claims_grid(comparison, limit=None)
    ax = _main_axes(figure)[0]
    dots = sum(len(collection.get_offsets()) for collection in ax.collections)
    assert dots == sum(claim.support for claim in comparison.claims)
    assert len(ax.get_yticklabels()) == len(comparison.claims)
    assert len(_main_axes(plots.claims_grid(comparison, limit=5))[0].get_yticklabels()) == 5
    # The legend names the categories drawn; within one, claim numbers go up.
    from summarize.render.categories import claim_categories, labels

    categories = claim_categories(comparison)
    legend = [text.get_text() for text in figure.legends[0].get_texts()]
    assert set(legend) == {labels(comparison)[c] for c in categories}
    numbers = [int(t.get_text().split()[0][1:]) for t in ax.get_yticklabels()]
    for category in set(categories):
        mine = [n for n in numbers if categories[n - 1] == category]
        assert mine == sorted(mine)


def test_claims_grid_keeps_apostrophes(briefing):
    """A claim's label is its sentence as written: "Cameron's" stays "Cameron's"."""
    figure = plots.claims_grid(briefing.comparison, limit=None)
    labels = " ".join(t.get_text() for t in _main_axes(figure)[0].get_yticklabels())
    assert "Cameron's relationship" in labels


def test_timeline_needs_a_date(briefing):
    undated = [dataclasses.replace(a, published=None) for a in briefing.articles]
    with pytest.raises(ValueError, match="published"):
        plots.timeline(undated)
