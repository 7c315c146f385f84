"""The story index (Markdown, HTML, JSON) and the coverage plot, for a list of :class:`Story`.

Like every renderer, these only read: the stories and the file name of each story's briefing.
Stories are listed in the order given (``group_stories`` puts most outlets first).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from summarize.render.html_blocks import e, page
from summarize.render.markdown import GENERATOR_COMMENT, escape
from summarize.types.story import Story, outlet_name
from summarize.wording import counted

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "coverage_plot",
    "index_html",
    "index_json",
    "index_markdown",
    "story_filename",
    "story_index",
    "story_to_dict",
]


def story_filename(number: int, story: Story, suffix: str) -> str:
    """``story-007-may-and-putin-agree-to-meet.md``: numbered, readable, filesystem-safe."""
    slug = re.sub(r"[^a-z0-9]+", "-", story.label.lower()).strip("-")[:48].rstrip("-")
    return f"story-{number:03d}-{slug or 'untitled'}.{suffix}"


def _span(story: Story) -> str:
    """The story's dates as a reader reads them: "3 March 2026", "3–4 March 2026"."""
    from summarize.render._view import date_range, format_date_range

    return format_date_range(date_range((story.first_published, story.last_published)))


def _copies(story: Story) -> list[str]:
    return [family.label for family in story.families if len(family.sources) > 1]


def story_to_dict(story: Story, *, briefing: str | None = None) -> dict[str, Any]:
    """One story as plain data (fixed key order)."""
    return {
        "label": story.label,
        "outlets": list(story.outlets),
        "articles": [
            {"source": a.source, "title": a.title, "published": a.published} for a in story.articles
        ],
        "independent_reports": story.independent_reports,
        "families": [
            {"label": f.label, "origin": f.origin, "sources": list(f.sources)}
            for f in story.families
        ],
        "first_published": story.first_published,
        "last_published": story.last_published,
        "briefing": briefing,
    }


def story_index(stories: Sequence[Story], links: Sequence[str | None], fmt: str) -> str:
    """The index of ``stories`` as "md", "html" or "json" (``links``: each story's briefing
    file, ``None`` where it failed)."""
    writers = {"html": index_html, "json": index_json}
    return writers.get(fmt, index_markdown)(stories, links)


def index_json(stories: Sequence[Story], links: Sequence[str | None]) -> str:
    """The index as JSON: ``{"stories": [...]}``, each with its briefing's file name."""
    data = {
        "schema": "summarize.stories/1",  # also marks it as written here (loading skips it)
        "stories": [
            {"number": n, **story_to_dict(story, briefing=link)}
            for n, (story, link) in enumerate(zip(stories, links, strict=True), start=1)
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def index_markdown(stories: Sequence[Story], links: Sequence[str | None]) -> str:
    """The index as a Markdown table: story, outlets, dates, near-copies, briefing link."""
    articles = sum(len(story.articles) for story in stories)
    lines = [
        "# Stories",
        "",
        f"{counted(len(stories), 'story')} from {counted(articles, 'article')}, most outlets "
        "first. Near-copies "
        "(wire copies, updates of one article) are one independent report.",
        "",
        "| # | Story | Outlets | Independent reports | Dates | Near-copies | Briefing |",
        "|---|---|---|---|---|---|---|",
    ]
    for n, (story, link) in enumerate(zip(stories, links, strict=True), start=1):
        outlets = f"{len(story.outlets)}: " + ", ".join(escape(o) for o in story.outlets)
        briefing = f"[briefing]({link})" if link else "(not briefed)"
        copies = "; ".join(escape(label) for label in _copies(story)) or "-"
        lines.append(
            f"| {n} | {escape(story.label)} | {outlets} | {story.independent_reports} | "
            f"{_span(story) or '-'} | {copies} | {briefing} |"
        )
    return "\n".join(lines) + "\n\n" + GENERATOR_COMMENT


def index_html(stories: Sequence[Story], links: Sequence[str | None]) -> str:
    """The index as one self-contained HTML page."""
    rows = []
    for n, (story, link) in enumerate(zip(stories, links, strict=True), start=1):
        label = f'<a href="{e(link)}">{e(story.label)}</a>' if link else e(story.label)
        copies = "; ".join(e(label) for label in _copies(story)) or "-"
        rows.append(
            f"<tr><td>{n}</td><td>{label}</td><td>{len(story.outlets)}: "
            f"{e(', '.join(story.outlets))}</td><td>{story.independent_reports}</td>"
            f"<td>{e(_span(story)) or '-'}</td><td>{copies}</td></tr>"
        )
    articles = sum(len(story.articles) for story in stories)
    body = (
        f'<section class="sz-card" id="sz-stories"><h2>Stories</h2>'
        f"<p>{counted(len(stories), 'story')} from {counted(articles, 'article')}, most outlets "
        "first. Near-copies "
        "(wire copies, updates of one article) are one independent report.</p>"
        '<table class="sz-table"><thead><tr><th>#</th><th>Story</th><th>Outlets</th>'
        "<th>Independent reports</th><th>Dates</th><th>Near-copies</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )
    return page(body, title=counted(len(stories), "story"))


def coverage_plot(stories: Sequence[Story], *, ax: Axes | None = None, top: int = 20) -> Axes:
    """Which outlet covered which story: a grid of outlets (rows) by stories (columns), each
    cell the number of that outlet's articles in the story. The ``top`` stories are shown."""
    import matplotlib.pyplot as plt
    import numpy as np

    shown = list(stories[:top])
    outlets = sorted({outlet_name(a.source) for story in shown for a in story.articles})
    counts = np.zeros((len(outlets), len(shown)), dtype=int)
    row = {outlet: i for i, outlet in enumerate(outlets)}
    for column, story in enumerate(shown):
        for article in story.articles:
            counts[row[outlet_name(article.source)], column] += 1
    if ax is None:
        _, ax = plt.subplots(figsize=(1.2 + 0.5 * len(shown), 1 + 0.35 * len(outlets)))
    from matplotlib import colormaps
    from matplotlib.colors import BoundaryNorm

    most = max(int(counts.max()), 1)
    # Whole articles: one colour per count (0 white), the colour bar ticked 0, 1, 2 ...
    norm = BoundaryNorm(np.arange(-0.5, most + 1.5), ncolors=256)
    image = ax.imshow(counts, cmap=colormaps["Blues"], norm=norm, aspect="auto")
    ax.set_xticks(range(len(shown)), [str(n) for n in range(1, len(shown) + 1)], fontsize=9)
    ax.set_yticks(range(len(outlets)), outlets, fontsize=9, parse_math=False)
    ax.set_xlabel("story (numbered as in the list, most outlets first)")
    ax.set_ylabel("outlet")
    ax.set_title("Coverage: articles per outlet and story")
    for (i, j), value in np.ndenumerate(counts):
        if value:
            colour = "white" if value > most / 2 else "#1b2a3a"
            ax.text(j, i, str(value), ha="center", va="center", fontsize=9, color=colour)
    bar = ax.figure.colorbar(image, ax=ax, label="articles (a number per cell)")
    bar.set_ticks(range(most + 1))
    return ax
