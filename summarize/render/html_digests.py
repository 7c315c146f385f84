"""HTML of digests: cited sentence lists (with each outlet's wording and the outlets that
report another value), per-source digest columns, and a standalone digest."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from summarize.render._view import citation_numbers, digest_sources
from summarize.render.html_blocks import card, cites, e, fragment, source_legend
from summarize.types import Digest, DigestSentence
from summarize.wording import counted


def digest_list(digest: Digest, numbers: Mapping[str, int], *, merged: bool = False) -> str:
    """A digest as an ordered list; each sentence carries its citation markers."""
    items = []
    for sentence in digest.sentences:
        if sentence.supported and len(sentence.wording) > 1:
            inner = sentence_with_wording(sentence, numbers)
            items.append(f'<li class="sz-sentence sz-supported">{inner}</li>')
        elif sentence.supported:
            items.append(
                f'<li class="sz-sentence sz-supported">{e(sentence.text)}'
                f"{cites(sentence.sources, numbers)}"
                f"{disputed_markers(sentence.disputed, numbers)}</li>"
            )
        else:
            items.append(
                '<li class="sz-sentence sz-unsupported" title="No source sentence backs this.">'
                f'<span class="sz-badge">unsupported</span>{e(sentence.text)}</li>'
            )
    if not items:
        return '<p class="sz-muted">(empty digest)</p>'
    kind = " sz-digest-merged" if merged else ""
    return f'<ol class="sz-digest{kind}">{"".join(items)}</ol>'


def disputed_markers(disputed: Iterable[tuple[str, str]], numbers: Mapping[str, int]) -> str:
    """Outlets that report the fact with another value: ``[4: 65 dead]``, linked to the outlet."""
    links = "".join(
        f'<a class="sz-cite sz-disputed" href="#sz-source-{numbers[source]}" '
        f'title="{e(source)} reports this with another value">[{numbers[source]}: {e(value)}]</a>'
        for source, value in disputed
        if source in numbers
    )
    return f' <span class="sz-cites">{links}</span>' if links else ""


def sentence_with_wording(sentence: DigestSentence, numbers: Mapping[str, int]) -> str:
    """A cited sentence that opens (``<details>``, no JavaScript) onto each outlet's wording."""
    rows = "".join(
        f'<li data-source="{e(source)}">{cites([source], numbers)} {e(text)}</li>'
        for source, text in sentence.wording
        if source in numbers
    )
    return (
        '<details class="sz-wording"><summary>'
        f"{e(sentence.text)}{cites(sentence.sources, numbers)}"
        f"{disputed_markers(sentence.disputed, numbers)}</summary>"
        f'<ul class="sz-wording-list">{rows}</ul></details>'
    )


def digest_grid(digests: Mapping[str, Digest], numbers: Mapping[str, int]) -> str:
    """One column per outlet with that outlet's digest."""
    columns = "".join(
        f'<section class="sz-column" data-source="{e(source)}">'
        f"<h3>{cites([source], numbers)} {e(source)}</h3>{digest_list(digest, numbers)}</section>"
        for source, digest in digests.items()
    )
    return f'<div class="sz-columns" style="--sz-n: {len(digests)}">{columns}</div>'


def per_source_card(
    per_source: Mapping[str, Digest], numbers: Mapping[str, int], words: int
) -> str:
    """The briefing's card of per-source digests, at most ``words`` words each."""
    return card(
        f"Per-source digests <span class='sz-muted'>({counted(words, 'word')} each at most)</span>",
        digest_grid(per_source, numbers),
        ident="sz-per-source",
    )


def digest_columns(digests: Mapping[str, Digest]) -> str:
    """Notebook fragment: one column per outlet with that outlet's digest."""
    numbers = citation_numbers(digests)
    return fragment(card("Per-source digests", digest_grid(digests, numbers)))


def digest_body(digest: Digest) -> str:
    """A standalone digest: its sentences with citations, and the legend of cited outlets."""
    sources = digest_sources(digest)
    numbers = citation_numbers(sources)
    method = digest.method + (f", {digest.model}" if digest.model else "")
    return card(
        f"Digest <span class='sz-muted'>({counted(digest.word_count, 'word')}, {e(method)})</span>",
        digest_list(digest, numbers) + (source_legend(sources, numbers) if sources else ""),
    )
