"""The probability that two sentences report the same fact, as one public function.

It is the decision :func:`summarize.comparison.alignment.align` matches sentences with (claims,
``shared``, ``unique``, the story overlap and the faithfulness guard all rest on those matches): a
logistic model over the cosine of the two sentence vectors and their word overlap, fitted per
embedder by ``python -m benchmarks.calibrate`` on the STS-B dev news pairs (same fact = annotators'
score >= 3) and stored in ``summarize/data/same_fact.json``. A pair at probability >= 0.5 passes the
rule that ``align()`` applies to each sentence's best match in another article.

How good it is, measured by ``python -m benchmarks.same_fact`` (figures in BENCHMARKS.md and
models.md): accuracy on MSRP paraphrases and Spearman against the STS-B gold scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, overload

import numpy as np

from summarize.errors import InputError

if TYPE_CHECKING:
    from summarize.models.embeddings import Embedder

__all__ = ["same_fact_probability"]


@overload
def same_fact_probability(  # type: ignore[overload-overlap]  # a str is a Sequence[str] too
    a: str, b: str, *, embedder: Embedder | str | None = None
) -> float: ...


@overload
def same_fact_probability(
    a: Sequence[str], b: Sequence[str], *, embedder: Embedder | str | None = None
) -> np.ndarray: ...


def same_fact_probability(
    a: str | Sequence[str],
    b: str | Sequence[str],
    *,
    embedder: Embedder | str | None = None,
) -> float | np.ndarray:
    """The calibrated probability that sentence ``a`` and sentence ``b`` report the same fact.

    Args:
        a: One sentence, or a sequence of sentences.
        b: One sentence (with a string ``a``), or a sequence as long as ``a``: pairs are
            ``(a[i], b[i])``.
        embedder: An :class:`~summarize.models.embeddings.Embedder` or a model name; ``None``: the
            shared default (``minilm-static``). Each embedder has its own calibration.

    Returns:
        A float for two strings; a 1-D float64 array of ``len(a)`` values for two sequences.

    Raises:
        InputError: a string paired with a sequence, sequences of different lengths, or an
            element that is not a string.

    Example::

        >>> same_fact_probability("May and Putin spoke by phone.",
        ...                       "Putin and May held a telephone call.")  # doctest: +SKIP
        0.93
    """
    single = isinstance(a, str) and isinstance(b, str)
    left, right = _pairs(a, b)
    if not left:
        return np.zeros(0, dtype=np.float64)

    from summarize.comparison.calibration import same_fact, token_jaccard
    from summarize.models.embeddings import as_embedder

    model = as_embedder(embedder)
    vectors = np.asarray(model.encode([*left, *right]), dtype=np.float64)
    cosine = np.einsum("ij,ij->i", vectors[: len(left)], vectors[len(left) :])
    overlap = np.array([token_jaccard(x, y) for x, y in zip(left, right, strict=True)])
    rule = same_fact(model.model_name)
    probability = rule.probability(rule.scores(np.minimum(cosine, 1.0), overlap))
    return float(probability[0]) if single else probability


def _pairs(a: str | Sequence[str], b: str | Sequence[str]) -> tuple[list[str], list[str]]:
    """``a`` and ``b`` as two equal-length lists of strings, or an :class:`InputError`."""
    if isinstance(a, str) != isinstance(b, str):
        raise InputError(
            "same_fact_probability() takes two strings or two sequences of strings of the same "
            f"length; got a {type(a).__name__} and a {type(b).__name__}. To score one sentence "
            "against many, repeat it: same_fact_probability([s] * len(others), others)."
        )
    if isinstance(a, str):
        return [a], [b]  # type: ignore[list-item]  # b is a str too (checked above)
    left, right = list(a), list(b)
    if len(left) != len(right):
        raise InputError(
            f"same_fact_probability() pairs a[i] with b[i]; got {len(left)} and {len(right)} "
            "sentences. Pass sequences of the same length."
        )
    for name, texts in (("a", left), ("b", right)):
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise InputError(
                    f"same_fact_probability(): {name}[{i}] is of type {type(text).__name__!r}, "
                    "not a string. Pass sentences as str."
                )
    return left, right
