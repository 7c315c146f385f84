"""HTML building blocks every section and page shares: escaping, the shipped assets, the page
and notebook wrappers, cards, citation links, folded lists and the outlet legend.

All article text goes through :func:`e` (:func:`html.escape`), so markup inside an article
(even a ``<script>`` tag) is shown as text.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable, Mapping
from importlib import resources
from string import Template

from summarize.render._view import markers


def e(text: object) -> str:
    """Escape any text for HTML element content and attribute values."""
    return html.escape(str(text), quote=True)


@functools.lru_cache(maxsize=4)
def asset(name: str) -> str:
    """Text of a file shipped in ``summarize/render`` (the CSS and the page template)."""
    return resources.files("summarize.render").joinpath(name).read_text(encoding="utf-8")


def css() -> str:
    """The stylesheet used by every HTML output."""
    return asset("briefing.css")


def page(body: str, *, title: str) -> str:
    """Wrap a body fragment into a complete, self-contained HTML document."""
    from summarize import __version__

    return Template(asset("page.html")).substitute(
        title=e(title), css=css().strip(), body=body, version=e(__version__)
    )


def fragment(body: str) -> str:
    """A body fragment with the stylesheet attached, for Jupyter's ``_repr_html_``."""
    return f'<div class="sz-root"><style>{css()}</style>{body}</div>'


def cites(sources: Iterable[str], numbers: Mapping[str, int]) -> str:
    """Citation links ``[n]`` to the outlets in the legend, or "" for none."""
    links = "".join(
        f'<a class="sz-cite" href="#sz-source-{n}">[{n}]</a>' for n in markers(sources, numbers)
    )
    return f'<span class="sz-cites">{links}</span>' if links else ""


def card(title: str, inner: str, *, ident: str = "") -> str:
    """A titled section of the page (``ident``: its anchor)."""
    ident_attr = f' id="{e(ident)}"' if ident else ""
    return f'<section class="sz-card"{ident_attr}><h2>{title}</h2>{inner}</section>'


def collapsed_list(items: list[str], *, shown: int = 4, css_class: str = "sz-list") -> str:
    """``<li>`` items as a list whose first ``shown`` are visible; the rest, if any, sit in a
    closed ``<details>`` ("N more") so long lists keep the page short but lose nothing."""
    head = "".join(items[:shown])
    rest = items[shown:]
    if not rest:
        return f'<ul class="{css_class}">{head}</ul>'
    return (
        f'<ul class="{css_class}">{head}</ul>'
        f'<details class="sz-rest"><summary>{len(rest)} more</summary>'
        f'<ul class="{css_class}">{"".join(rest)}</ul></details>'
    )


def source_legend(
    sources: Iterable[str], numbers: Mapping[str, int], titles: Mapping[str, str] | None = None
) -> str:
    """The numbered outlets that citation links point to."""
    items = []
    for source in sources:
        n = numbers[source]
        title = titles[source] if titles and source in titles else ""
        items.append(
            f'<li id="sz-source-{n}"><span class="sz-cite">[{n}]</span> '
            f"<strong>{e(source)}</strong>{title}</li>"
        )
    return f'<ul class="sz-sources">{"".join(items)}</ul>'
