"""pandas DataFrames of a Comparison or a Briefing, for analysts who work in pandas or a sheet.

Each frame reads what the result already holds (nothing is recomputed), with one row per
thing a reader would filter on: a claim in an outlet, a digest sentence, a pair of outlets,
a disagreement. Claim numbers are 1-based positions in ``comparison.claims`` (the order of
the JSON output's ``claims`` list), so rows join back to the JSON and to notebook tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.render._view import wording
from summarize.render.categories import claim_categories

if TYPE_CHECKING:
    import pandas as pd

    from summarize.types import Briefing, Comparison

#: Columns of :func:`comparison_frame`, in order.
COMPARISON_COLUMNS = (
    "claim",
    "outlet",
    "reported",
    "possibly",
    "wording",
    "sentences",
    "support",
    "category",
)


def comparison_frame(comparison: Comparison) -> pd.DataFrame:
    """One row per claim x outlet (every outlet, reporting the claim or not).

    Columns: ``claim`` (1-based number in ``comparison.claims``), ``outlet``, ``reported``
    (bool), ``possibly`` (bool: for a claim possibly reported elsewhere, the outlet is one of
    the likeliest to report it too, :attr:`Comparison.possibly_in`), ``wording`` (the
    outlet's sentences for the claim, "" when not reported), ``sentences`` (their 0-based
    indices in the outlet's article, a tuple), ``support`` (how many outlets report the
    claim) and ``category`` (shared / partial / disputed / unique / elsewhere: the one
    category every output shows, see :mod:`summarize.render.categories`; ``aside`` for a
    claim of captions, credits and other page furniture, which states no fact).
    """
    import pandas as pd

    rows = []
    categories = claim_categories(comparison)
    for number, claim in enumerate(comparison.claims, start=1):
        category = categories[number - 1]
        found = comparison.possibly_in.get(number - 1)
        possible = set(found.outlets) if found is not None else set()
        for source in comparison.sources:
            indices = tuple(ref.index for ref in sorted(claim.sentences) if ref.source == source)
            rows.append(
                (
                    number,
                    source,
                    bool(indices),
                    source in possible,
                    wording(claim, source),
                    indices,
                    claim.support,
                    category,
                )
            )
    return pd.DataFrame.from_records(rows, columns=list(COMPARISON_COLUMNS))


def overlap_frame(comparison: Comparison) -> pd.DataFrame:
    """Story overlap (``comparison.similarity``: the probability that two articles tell the same
    story), rows and columns labelled by outlet. The share of matched facts is
    ``comparison.fact_overlap``."""
    import pandas as pd

    sources = list(comparison.sources)
    frame = pd.DataFrame(comparison.similarity, index=sources, columns=sources, dtype=float)
    frame.index.name = "outlet"
    frame.columns.name = "outlet"
    return frame


def disputes_frame(comparison: Comparison) -> pd.DataFrame:
    """Where outlets disagree: one row per value given for a disputed detail of a fact.

    Reads ``comparison.disputes``. Columns: ``dispute`` (1-based number), ``label`` (what is
    disputed: "Death toll", "Date", "Name"...), ``kind``, ``value`` (in the outlet's words),
    ``outlets`` (those giving the value, a tuple), ``support``, ``contradiction`` (False for a
    detail that differs where both can be true), ``update`` (publication times order the
    values: a later report revised the figure) and ``sentences`` (the outlets' wording, a
    tuple).
    """
    import pandas as pd

    columns = [
        "dispute",
        "label",
        "kind",
        "value",
        "outlets",
        "support",
        "contradiction",
        "update",
        "sentences",
    ]
    rows = [
        (
            number,
            dispute.label,
            dispute.kind,
            value.value,
            tuple(value.sources),
            value.support,
            bool(dispute.contradiction),
            bool(dispute.update),
            tuple(ref.text for ref in value.sentences),
        )
        for number, dispute in enumerate(comparison.disputes, start=1)
        for value in dispute.values
    ]
    return pd.DataFrame.from_records(rows, columns=columns)


def briefing_frame(briefing: Briefing) -> pd.DataFrame:
    """One row per digest sentence: the merged digest first, then each outlet's own digest.

    Columns: ``digest`` ("merged" or the outlet's name), ``position`` (1-based in that
    digest), ``text``, ``sources`` (the outlets it cites, a tuple), ``supported`` and
    ``score``, then one boolean column per outlet (``cites: <outlet>``) for filtering.
    """
    import pandas as pd

    sources = list(briefing.sources)
    digests = [("merged", briefing.digest), *briefing.per_source.items()]
    rows = []
    for name, digest in digests:
        for position, sentence in enumerate(digest.sentences, start=1):
            cited = set(sentence.sources)
            rows.append(
                (
                    name,
                    position,
                    sentence.text,
                    tuple(sentence.sources),
                    bool(sentence.supported),
                    float(sentence.score),
                    *(source in cited for source in sources),
                )
            )
    columns = ["digest", "position", "text", "sources", "supported", "score"]
    columns += [f"cites: {source}" for source in sources]
    return pd.DataFrame.from_records(rows, columns=columns)


def comparison_csv(comparison: Comparison) -> str:
    """:func:`comparison_frame` as CSV text (``sentences`` written as "3;5")."""
    frame = comparison_frame(comparison)
    frame["sentences"] = [";".join(map(str, indices)) for indices in frame["sentences"]]
    text: str = frame.to_csv(index=False, lineterminator="\n")
    return text
