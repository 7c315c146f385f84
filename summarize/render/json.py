"""JSON rendering of a Briefing, and loading it back.

(One module at about 400 lines on purpose: the writer and the reader are the two halves of one
schema, :data:`SCHEMA`, and change together: every key written is read back a screen below.)

The document holds everything a Briefing holds (articles included), so
``Briefing.from_json(b.to_json())`` gives back the same digests, citations and comparison.
Keys come in a fixed order and floats are rounded to :data:`DECIMALS` places, so the same
briefing always serialises to the same bytes.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from summarize.defaults import CLAIMS
from summarize.errors import InputError, RenderError
from summarize.render.categories import claim_categories
from summarize.types import (
    Article,
    Briefing,
    BriefingOptions,
    Claim,
    Comparison,
    Difference,
    Digest,
    DigestSentence,
    Family,
    NearCopy,
    SentenceRef,
)
from summarize.types.comparison import Dispute, DisputedValue, Elsewhere

SCHEMA = "summarize.briefing/1"
DECIMALS = 4


def _round(value: float) -> float:
    rounded = round(float(value), DECIMALS)
    return 0.0 if rounded == 0 else rounded  # no "-0.0"


class Matrix:
    """A float matrix to be written one row per line (see :func:`dumps`): the overlap matrix of
    thousands of outlets would otherwise be millions of one-number lines and Python floats."""

    def __init__(self, values: np.ndarray) -> None:
        self.values = np.asarray(values, dtype=np.float64)

    def rows(self, indent: str) -> str:
        """The matrix as JSON, rows one per line at ``indent`` + 2 spaces."""
        if not len(self.values):
            return "[]"
        if not np.isfinite(self.values).all():
            raise ValueError("Out of range float values are not JSON compliant")

        def row_text(row: np.ndarray) -> str:
            # repr of a finite float is exactly what json.dumps writes for it.
            return ", ".join([repr(_round(value)) for value in row.tolist()])

        inner = indent + "  "
        lines = (inner + "[" + row_text(row) + "]" for row in self.values)
        return "[\n" + ",\n".join(lines) + "\n" + indent + "]"


def dumps(document: Mapping[str, Any]) -> str:
    """Serialise with a fixed layout: 2-space indent, UTF-8 text, trailing newline; a
    :class:`Matrix` is written one row per line."""
    matrices: list[Matrix] = []
    token = secrets.token_hex(8)  # no text in the document can forge a placeholder

    def placeholder(value: Any) -> str:
        if not isinstance(value, Matrix):
            raise RenderError(f"{type(value).__name__} is not JSON serialisable")
        matrices.append(value)
        return f"\x00matrix {token} {len(matrices) - 1}\x00"

    text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False, default=placeholder)
    if matrices:
        pattern = rf'^( *)(".*": )?"\\u0000matrix {token} (\d+)\\u0000"'
        text = re.compile(pattern, re.MULTILINE).sub(
            lambda m: m.group(1) + (m.group(2) or "") + matrices[int(m.group(3))].rows(m.group(1)),
            text,
        )
    return text + "\n"


# --- to plain data -----------------------------------------------------------------------------


def digest_to_dict(digest: Digest) -> dict[str, Any]:
    return {
        "method": digest.method,
        "model": digest.model,
        "sentences": [
            {
                "text": sentence.text,
                "sources": list(sentence.sources),
                "supported": sentence.supported,
                "score": _round(sentence.score),
                "disputed": [list(pair) for pair in sentence.disputed],
                "wording": [list(pair) for pair in sentence.wording],
            }
            for sentence in digest.sentences
        ],
    }


def _ref(ref: SentenceRef) -> list[int]:
    return [ref.article, ref.index]


def _possibly_in(found: Elsewhere | None) -> dict[str, Any]:
    """A one-outlet claim's other outlets that possibly report it (none: no key)."""
    if found is None:
        return {}
    return {"possibly_in": {"outlets": list(found.outlets), "others": found.others}}


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """Claims are listed once, each with the category every output shows it in
    (:mod:`summarize.render.categories`); ``shared`` and ``unique`` point into them by
    position."""
    position = {id(claim): i for i, claim in enumerate(comparison.claims)}
    by_value = {claim: i for i, claim in enumerate(comparison.claims)}

    def index(claim: Claim) -> int:
        found = position.get(id(claim), by_value.get(claim))
        if found is None:
            raise ValueError("a shared/unique claim is missing from comparison.claims")
        return found

    return {
        "sources": list(comparison.sources),
        "similarity": Matrix(comparison.similarity),
        "fact_overlap": None
        if comparison.fact_overlap is None
        else Matrix(comparison.fact_overlap),
        "off_story": list(comparison.off_story),
        "not_english": dict(comparison.not_english),
        "claims": [
            {
                "sources": list(claim.sources),
                "sentences": [_ref(r) for r in claim.sentences],
                "category": category,
                **_possibly_in(comparison.possibly_in.get(i)),
            }
            for i, (claim, category) in enumerate(
                zip(comparison.claims, claim_categories(comparison), strict=True)
            )
        ],
        "shared": [index(claim) for claim in comparison.shared],
        "aside": [index(claim) for claim in comparison.aside],
        "unique": {
            source: [index(claim) for claim in comparison.unique.get(source, ())]
            for source in comparison.sources
        },
        "differences": [
            {
                "a": _ref(d.a),
                "b": _ref(d.b),
                "kind": d.kind,
                "left": d.left,
                "right": d.right,
                "score": _round(d.score),
                "topic": d.topic,
            }
            for d in comparison.differences
        ],
        "disputes": [dispute_to_dict(d) for d in comparison.disputes],
        "published": {
            s: comparison.published[s] for s in comparison.sources if s in comparison.published
        },
    }


def dispute_to_dict(dispute: Dispute) -> dict[str, Any]:
    return {
        "kind": dispute.kind,
        "topic": dispute.topic,
        "label": dispute.label,
        "heading": dispute.heading,
        "describe": dispute.describe(),
        "contradiction": dispute.contradiction,
        "timeline": list(dispute.timeline),
        "values": [
            {
                "value": value.value,
                "sources": list(value.sources),
                "sentences": [_ref(ref) for ref in value.sentences],
            }
            for value in dispute.values
        ],
    }


def article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "source": article.source,
        "title": article.title,
        "path": str(article.path) if article.path is not None else None,
        "url": article.url,
        "published": article.published,
        "metadata": {key: article.metadata[key] for key in sorted(article.metadata)},
        "text": article.text,
        "sentences": list(article.sentences),
        "removed": list(article.removed),
        "removed_reasons": list(article.removed_reasons),
    }


def family_to_dict(family: Family) -> dict[str, Any]:
    """A folded near-copy family: its label, wire, members and why each is a copy."""
    return {
        "label": family.label,
        "origin": family.origin,
        "sources": list(family.sources),
        "copies": [
            {"source": c.source, "closest": c.closest, "share": _round(c.share)}
            for c in family.copies
        ],
    }


def briefing_to_dict(briefing: Briefing) -> dict[str, Any]:
    """Plain data for :func:`dumps`: options, digests, comparison, then the articles.

    ``families`` (near-copies folded into one cited article), ``options.collapse_copies`` and
    ``options.claims`` appear only when there are some / when it is off / when it is not the
    default, so briefings with the defaults keep their bytes."""
    options = briefing.options
    settings: dict[str, Any] = {
        "max_words": options.max_words,
        "per_source_words": options.per_source_words,
        "method": options.method,
        "model": options.model,
        "embedder": options.embedder,
    }
    if not options.collapse_copies:
        settings["collapse_copies"] = False
    if options.claims != CLAIMS:
        settings["claims"] = options.claims
    folded = {"families": [family_to_dict(f) for f in briefing.families]}
    return {
        "schema": SCHEMA,
        "options": settings,
        "sources": [article.source for article in briefing.articles],
        **(folded if briefing.families else {}),
        "digest": digest_to_dict(briefing.digest),
        "per_source": {source: digest_to_dict(d) for source, d in briefing.per_source.items()},
        "comparison": comparison_to_dict(briefing.comparison),
        "articles": [article_to_dict(article) for article in briefing.articles],
    }


def briefing_json(briefing: Briefing) -> str:
    return dumps(briefing_to_dict(briefing))


def comparison_json(comparison: Comparison) -> str:
    """A Comparison alone; sentence references are spelled out with their text and outlet."""
    document = comparison_to_dict(comparison)
    texts = {
        (ref.article, ref.index): ref.text for claim in comparison.claims for ref in claim.sentences
    }

    def spell(ref: Sequence[int]) -> dict[str, Any]:
        article, index = ref
        return {
            "article": article,
            "index": index,
            "source": comparison.sources[article],
            "text": texts.get((article, index), ""),
        }

    for claim in document["claims"]:
        claim["sentences"] = [spell(ref) for ref in claim["sentences"]]
    for difference in document["differences"]:
        difference["a"], difference["b"] = spell(difference["a"]), spell(difference["b"])
    for dispute in document["disputes"]:
        for value in dispute["values"]:
            value["sentences"] = [spell(ref) for ref in value["sentences"]]
    if comparison.families:  # the near-copies compare() folded, as a briefing lists them
        document["families"] = [family_to_dict(family) for family in comparison.families]
    return dumps({"schema": "summarize.comparison/1", **document})


# --- back from plain data ----------------------------------------------------------------------


def _digest(data: Mapping[str, Any]) -> Digest:
    return Digest(
        sentences=tuple(
            DigestSentence(
                text=s["text"],
                sources=tuple(s["sources"]),
                supported=bool(s["supported"]),
                score=float(s["score"]),
                disputed=tuple((str(a), str(b)) for a, b in s.get("disputed", [])),
                wording=tuple((str(a), str(b)) for a, b in s.get("wording", [])),
            )
            for s in data["sentences"]
        ),
        method=data["method"],
        model=data["model"],
    )


def _article(data: Mapping[str, Any]) -> Article:
    return Article(
        source=data["source"],
        title=data["title"],
        text=data["text"],
        sentences=tuple(data["sentences"]),
        removed=tuple(data["removed"]),
        removed_reasons=tuple(data.get("removed_reasons", ())),
        path=Path(data["path"]) if data["path"] is not None else None,
        url=data["url"],
        published=data["published"],
        metadata=dict(data["metadata"]),
    )


def _comparison(data: Mapping[str, Any], articles: Sequence[Article]) -> Comparison:
    def ref(pair: Sequence[int]) -> SentenceRef:
        article, index = pair
        return SentenceRef(
            article=article,
            index=index,
            text=articles[article].sentences[index],
            source=articles[article].source,
        )

    claims = tuple(
        Claim(sentences=tuple(ref(p) for p in c["sentences"]), sources=tuple(c["sources"]))
        for c in data["claims"]
    )
    n = len(data["sources"])
    facts = data.get("fact_overlap")
    return Comparison(
        sources=tuple(data["sources"]),
        similarity=np.asarray(data["similarity"], dtype=np.float64).reshape(n, n),
        fact_overlap=None if facts is None else np.asarray(facts, dtype=np.float64).reshape(n, n),
        off_story=tuple(str(source) for source in data.get("off_story", ())),
        not_english={str(k): str(v) for k, v in data.get("not_english", {}).items()},
        claims=claims,
        shared=tuple(claims[i] for i in data["shared"]),
        aside=tuple(claims[i] for i in data.get("aside", ())),
        possibly_in={
            i: Elsewhere(
                outlets=tuple(c["possibly_in"]["outlets"]), others=int(c["possibly_in"]["others"])
            )
            for i, c in enumerate(data["claims"])
            if "possibly_in" in c
        },
        unique={source: tuple(claims[i] for i in ids) for source, ids in data["unique"].items()},
        differences=tuple(
            Difference(
                a=ref(d["a"]),
                b=ref(d["b"]),
                kind=d["kind"],
                left=d["left"],
                right=d["right"],
                score=float(d["score"]),
                topic=d.get("topic", ""),
            )
            for d in data["differences"]
        ),
        disputes=tuple(
            Dispute(
                kind=d["kind"],
                topic=d["topic"],
                values=tuple(
                    DisputedValue(
                        value=v["value"],
                        sources=tuple(v["sources"]),
                        sentences=tuple(ref(p) for p in v["sentences"]),
                    )
                    for v in d["values"]
                ),
                contradiction=bool(d["contradiction"]),
                timeline=tuple(d["timeline"]),
                heading=str(d.get("heading", "")),
            )
            for d in data.get("disputes", [])
        ),
        published=dict(data.get("published", {})),
    )


def _family(data: Mapping[str, Any]) -> Family:
    return Family(
        sources=tuple(data["sources"]),
        origin=data["origin"],
        copies=tuple(
            NearCopy(source=c["source"], closest=c["closest"], share=float(c["share"]))
            for c in data["copies"]
        ),
    )


def briefing_from_json(text: str | bytes) -> Briefing:
    """Rebuild a Briefing from :func:`briefing_json` output.

    Raises:
        InputError: the text is not JSON written by ``Briefing.to_json()``.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"Not a JSON briefing ({error}). Pass the output of to_json().") from None
    except (RecursionError, ValueError) as error:  # nested too deeply; a 5,000-digit number
        reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
        raise InputError(
            f"Not a JSON briefing ({reason}). Pass the output of Briefing.to_json()."
        ) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise InputError(
            f"This JSON is not a summarize briefing (expected schema {SCHEMA!r}). "
            "Pass text written by Briefing.to_json() or `summarize brief --format json`."
        )
    try:
        articles = tuple(_article(a) for a in data["articles"])
        return Briefing(
            digest=_digest(data["digest"]),
            per_source={source: _digest(d) for source, d in data["per_source"].items()},
            comparison=_comparison(data["comparison"], articles),
            articles=articles,
            options=BriefingOptions(**data["options"]),
            families=tuple(_family(f) for f in data.get("families", [])),
        )
    except (KeyError, IndexError, TypeError, ValueError) as error:
        raise InputError(
            f"The JSON briefing is incomplete or damaged ({type(error).__name__}: {error}). "
            "Write it again with Briefing.to_json()."
        ) from None
