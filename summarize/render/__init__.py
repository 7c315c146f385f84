"""Renderers: Markdown, HTML, JSON and plots of the result types. They read, never compute.

:func:`render` is what the result types' ``to_markdown()``/``_repr_html_`` reach through
:mod:`summarize.types.display`; each format's module is imported on first use.
"""

from __future__ import annotations

from typing import Any

from summarize.errors import RenderError
from summarize.types import Briefing, Comparison, Digest

FORMATS = ("markdown", "html", "html_fragment", "json", "csv")


def render(obj: object, fmt: str) -> str:
    """A Briefing, Comparison or Digest as ``fmt`` text (one of :data:`FORMATS`; "csv" is a
    Comparison's claims x outlets table, :func:`summarize.render.frames.comparison_csv`).

    Raises:
        RenderError: an object or format there is no renderer for (a ``TypeError`` too).
    """
    if fmt == "csv" and isinstance(obj, Comparison):
        from summarize.render.frames import comparison_csv

        return comparison_csv(obj)
    if fmt == "markdown":
        from summarize.render import markdown

        if isinstance(obj, Briefing):
            return markdown.briefing_markdown(obj)
        if isinstance(obj, Comparison):
            return markdown.comparison_markdown(obj)
        if isinstance(obj, Digest):
            return markdown.digest_document(obj)
    elif fmt in ("html", "html_fragment"):
        from summarize.render import html

        if fmt == "html" and isinstance(obj, Briefing):
            return html.briefing_html(obj)
        if fmt == "html" and isinstance(obj, Comparison):
            return html.comparison_html(obj)
        if isinstance(obj, Briefing):
            return html.fragment(html.briefing_body(obj))
        if isinstance(obj, Comparison):
            return html.fragment(html.comparison_body(obj))
        if isinstance(obj, Digest):
            return html.fragment(html.digest_body(obj))
    elif fmt == "json":
        from summarize.render import json

        if isinstance(obj, Briefing):
            return json.briefing_json(obj)
        if isinstance(obj, Comparison):
            return json.comparison_json(obj)
    raise RenderError(
        f"No {fmt!r} renderer for {type(obj).__name__}. Formats: {', '.join(FORMATS)}; "
        "JSON and full HTML pages are for a Briefing or Comparison, the others also for a Digest."
    )


def frame(obj: object) -> Any:
    """A Comparison (one row per claim x outlet) or Briefing (one row per digest sentence) as a
    pandas DataFrame; see :mod:`summarize.render.frames`.

    Raises:
        RenderError: an object there is no frame for (a ``TypeError`` too).
    """
    from summarize.render import frames

    if isinstance(obj, Briefing):
        return frames.briefing_frame(obj)
    if isinstance(obj, Comparison):
        return frames.comparison_frame(obj)
    raise RenderError(f"No data frame for {type(obj).__name__}; pass a Briefing or a Comparison.")


def parse(text: str | bytes, fmt: str) -> Any:
    """A Briefing read back from ``fmt`` text (only "json" is readable)."""
    if fmt != "json":
        raise RenderError(f"Cannot read a briefing from {fmt!r}; use JSON.")
    from summarize.render.json import briefing_from_json

    return briefing_from_json(text)
