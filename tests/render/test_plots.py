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


def test_heatmap_masks_the_diagonal_and_fits_the_scale_to_the_pairs(briefing):
    comparison = briefing.comparison
    matrix = comparison.fact_overlap  # the share of matched facts: 0.20-0.24 off the diagonal
    figure = plots.heatmap(matrix, comparison.sources)
    image = _main_axes(figure)[0].images[0]
    data = image.get_array()
    n = len(comparison.sources)
    assert np.ma.getmaskarray(data)[np.eye(n, dtype=bool)].all()
    assert not np.ma.getmaskarray(data)[~np.eye(n, dtype=bool)].any()
    off = matrix[~np.eye(n, dtype=bool)]
    low, high = image.get_clim()
    assert low <= off.min() and high >= off.max()
    # Fitted: the scale spans little more than the off-diagonal values, so
    # the lowest and highest pairs get clearly different colours.
    assert high - low < 2 * (off.max() - off.min()) + 1e-3
    lowest, highest = image.to_rgba(off.min()), image.to_rgba(off.max())
    assert np.abs(np.subtract(lowest, highest)[:3]).sum() > 0.6


def test_overlap_heatmap_draws_fact_overlap_and_says_so(briefing):
    """A Comparison's heatmap is its share of matched facts; title and colour bar name it."""
    comparison = briefing.comparison
    figure = plots.overlap_heatmap(comparison)
    ax = _main_axes(figure)[0]
    colour_bar = next(a for a in figure.axes if a.get_label() == "<colorbar>")
    assert ax.get_title() == "Share of matched facts"
    assert "same-fact match" in colour_bar.get_ylabel()
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
    assert len(ax.get_legend().get_texts()) == 4


def test_claims_grid_puts_a_dot_where_an_outlet_reports_the_claim(briefing):
    comparison = briefing.comparison
    figure = plots.claims_grid(comparison, limit=None)
    ax = _main_axes(figure)[0]
    dots = sum(len(collection.get_offsets()) for collection in ax.collections)
    assert dots == sum(claim.support for claim in comparison.claims)
    assert len(ax.get_yticklabels()) == len(comparison.claims)
    assert len(_main_axes(plots.claims_grid(comparison, limit=5))[0].get_yticklabels()) == 5


def test_timeline_needs_a_date(briefing):
    undated = [dataclasses.replace(a, published=None) for a in briefing.articles]
    with pytest.raises(ValueError, match="published"):
        plots.timeline(undated)
