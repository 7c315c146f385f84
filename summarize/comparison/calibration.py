"""The calibrated same-fact decision: per-embedder thresholds and logistic rules.

``python -m benchmarks.calibrate`` writes them to ``summarize/data/same_fact.json`` (and
``python -m benchmarks.overlap --write`` the story-overlap model to ``overlap.json``);
:func:`calibration_file` is the one reader of both. :func:`same_fact` is the rule
:func:`~summarize.comparison.alignment.align` matches sentences with, :func:`is_paraphrase`
the stricter paraphrase decision, :func:`same_fact_params` the cosine thresholds. A model
without an entry gets the file's default (with a warning) or, failing that, the fallbacks in
:mod:`summarize.defaults`. How accurate each rule is: BENCHMARKS.md and models.md.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from importlib import resources
from pathlib import Path
from typing import Any

from summarize.defaults import (
    DEFAULT_EMBEDDER,
    FALLBACK_CLAIM_THRESHOLD,
    FALLBACK_PARAPHRASE_THRESHOLD,
    MINILM_RULE_THRESHOLDS,
)
from summarize.models.registry import canonical_embedder_name
from summarize.types.alignment import SameFact, word_overlap

logger = logging.getLogger(__name__)

__all__ = [
    "calibration_file",
    "is_paraphrase",
    "same_fact",
    "same_fact_params",
    "same_fact_threshold",
    "token_jaccard",
    "word_set",
]


@functools.lru_cache(maxsize=4)
def calibration_file(name: str) -> dict[str, Any]:
    """The parsed ``summarize/data/<name>`` (``same_fact.json``, ``overlap.json``): the one
    reader of the calibration files the benchmarks write.

    Raises:
        OSError: the file is missing (it ships with the package).
    """
    text = resources.files("summarize").joinpath(f"data/{name}").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _calibration() -> dict[str, Any]:
    """``same_fact.json``, or nothing (built-in thresholds) when it is missing."""
    try:
        return calibration_file("same_fact.json")
    except (FileNotFoundError, OSError):  # pragma: no cover - the file ships with the package
        logger.warning("summarize/data/same_fact.json is missing; using built-in thresholds.")
        return {}


_WORD = re.compile(r"\w+")


def token_jaccard(a: str, b: str) -> float:
    """Share of distinct lower-cased words two texts have in common (a calibration feature)."""
    return word_overlap(word_set(a), word_set(b))


def word_set(text: str) -> frozenset[str]:
    """The distinct lower-cased words of ``text`` (what :func:`token_jaccard` compares)."""
    return frozenset(_WORD.findall(text.lower()))


def same_fact(model: str | None = None) -> SameFact:
    """The calibrated :class:`SameFact` rule for embedder ``model`` (``None``: the default)."""
    logistic = _logistic(model, "claim_logistic")
    if logistic is not None and logistic[0] > 0:
        w_cos, w_overlap, bias = logistic
        return SameFact(threshold=-bias / w_cos, overlap_weight=w_overlap / w_cos, slope=w_cos)
    return SameFact(threshold=same_fact_params(model)["claim_threshold"])


def is_paraphrase(score: float, a: str, b: str, *, model: str | None = None) -> bool:
    """Whether two sentences with cosine ``score`` are paraphrases (MSRP sense).

    Uses the embedder's calibrated logistic model over (cosine, word overlap) when it has one
    (more accurate than the cosine alone: BENCHMARKS.md, "The paraphrase and swap thresholds"),
    else the cosine threshold.
    """
    logistic = _logistic(model, "logistic")
    if logistic is not None:
        w_cos, w_jac, bias = logistic
        return bool(w_cos * score + w_jac * token_jaccard(a, b) + bias >= 0.0)
    return bool(score >= same_fact_params(model)["paraphrase_threshold"])


def _logistic(model: str | None, key: str) -> tuple[float, float, float] | None:
    """(cosine weight, word-overlap weight, bias) of a stored logistic model, if there is one."""
    logistic = _model_calibration(model).get(key)
    if not logistic or logistic.get("features") != ["cosine", "token_jaccard"]:
        return None
    (w_cos, w_jac), bias = logistic["coef"], logistic["intercept"]
    return float(w_cos), float(w_jac), float(bias)


@functools.lru_cache(maxsize=16)
def _model_calibration(model: str | None) -> dict[str, Any]:
    """The calibration entry of ``model``, else (with a warning, once) the file's default."""
    data = _calibration()
    models = {name.lower(): params for name, params in data.get("models", {}).items()}
    params = models.get(Path(canonical_embedder_name(model)).name.lower())
    if params is None:
        fallback = str(data.get("default", DEFAULT_EMBEDDER)).lower()
        if model is not None:
            logger.warning(
                "No same-fact calibration for embedder %r; using the one for %r. Run "
                "`python -m benchmarks.calibrate --model %s` to calibrate it.",
                model,
                fallback,
                model,
            )
        params = models.get(fallback, {})
    return dict(params)


def same_fact_params(model: str | None = None) -> dict[str, float]:
    """The calibrated thresholds for ``model`` (``None``: the default embedder).

    An uncalibrated model gets the thresholds of the file's ``"default"`` entry (the
    transformer all-MiniLM-L6-v2, whose cosine scale other transformers share roughly).

    Returns cosine similarities above which two sentences are taken to report the same fact
    (``claim_threshold``), to be paraphrases (``paraphrase_threshold``, stricter), to be near
    identical (``swap_threshold``: detail swaps are checked) and to repeat each other
    (``duplicate_threshold``).
    """
    params = _model_calibration(model)
    return {
        "claim_threshold": float(params.get("claim_threshold", FALLBACK_CLAIM_THRESHOLD)),
        "paraphrase_threshold": float(
            params.get("paraphrase_threshold", FALLBACK_PARAPHRASE_THRESHOLD)
        ),
        **{name: float(params.get(name, value)) for name, value in MINILM_RULE_THRESHOLDS.items()},
    }


def same_fact_threshold(model: str | None = None) -> float:
    """The calibrated cosine-only same-fact threshold (the rule itself is :func:`same_fact`)."""
    return same_fact_params(model)["claim_threshold"]
