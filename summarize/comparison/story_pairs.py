"""Same-fact pair model learned on story-internal pairs: do two sentences of one story state a
common fact?

Within one story every outlet reports the same event, so shared names, numbers and the
story's rarer words are strong evidence even when the wording differs, and a sentence's
closest match in another article means more than a cosine alone. The model is a logistic
regression over cheap features of a sentence pair, all computed inside the story
(:data:`FEATURES`): the static cosine, its rank and margin among each sentence's matches in
the other article, word and content-stem overlap, overlap weighted by the story's own IDF,
shared capitalised names and numbers, a number mismatch, lengths, headline and position flags,
the best clause's containment, whether both sentences are in one article, article sizes.
Its coefficients were fitted on editors' labels of real coverage by
``python -m benchmarks.fit_story_pairs`` (``summarize/data/story_pairs.json``); figures in
BENCHMARKS.md.

:func:`candidate_pairs` picks the pairs worth scoring (all of a small story; each sentence's
closest ones in a large one), :func:`pair_features` computes the features of many pairs at once
with sparse word matrices, and :func:`score_pairs` gives their probabilities.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse

from summarize.comparison.details import SCALES

__all__ = [
    "FEATURES",
    "Logistic",
    "PairModel",
    "Story",
    "candidate_pairs",
    "pair_features",
    "pair_model",
    "score_pairs",
]

FEATURES = (
    "cos",
    "rank_min",
    "rank_max",
    "mutual",
    "margin_min",
    "margin_max",
    "jac",
    "cjac",
    "contain",
    "idf_min",
    "idf_union",
    "names_sh",
    "names_n",
    "num_sh",
    "num_diff",
    "len_ratio",
    "len_min",
    "head_any",
    "head_both",
    "pos_max",
    "clause_idf",
    "same_doc",
    "log_n_min",
    "log_n_max",
)

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*\d|\d")
_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say told according mr mrs ms new one two may might must
    shall us""".split()  # noqa: SIM905 - a word list reads better as text
)
_CLAUSE = re.compile(
    r"\s*(?:[,;:—–()\"“”]|\s-\s|\b(?:said|says|told|as|and|but|while|after|because|which|who|"
    r"when|although|though|whereas|including)\b)\s*",
    re.IGNORECASE,
)

_NUMBER = re.compile(
    r"(?P<money>[$£€])?(?P<digits>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|k)\b|(?P<m>m)\b)?",
    re.IGNORECASE,
)


def numbers_of(text: str) -> frozenset[str]:
    """The numbers a sentence states, by value: "943,000", "943K" and "943 thousand" are one
    number ("943000"); "$1.2bn" and "$1.2 billion" too ("m" is a million only after a
    currency sign: "5m" may be metres)."""
    found = set()
    for match in _NUMBER.finditer(text):
        digits = match["digits"].rstrip(",.").replace(",", "")
        try:
            value = float(digits)
        except ValueError:
            continue
        scale = (match["scale"] or "").lower() or ("m" if match["m"] and match["money"] else "")
        value *= SCALES.get(scale, 1.0)
        found.add(format(value, ".6g") if value % 1 or value >= 1e6 else str(int(value)))
    return frozenset(found)


Pair = tuple[int, int]  # global sentence indices (lo < hi) in article order


@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """A crude stem: lower case, no possessive, the first six letters (cheap and good enough
    to meet "protest"/"protesters", "Russia"/"Russian")."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return word[:6]


@dataclass(frozen=True)
class _Words:
    """The word sets of one sentence that the features compare."""

    words: frozenset[str]
    content: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]
    clauses: tuple[frozenset[str], ...]

    @classmethod
    def of(cls, text: str) -> _Words:
        tokens = _TOKEN.findall(text)
        lower = [t.lower() for t in tokens]
        kept = [t for t, low in zip(tokens, lower, strict=True) if low not in _STOP and len(t) > 1]
        content = frozenset(_stem(t) for t in kept if not t[0].isdigit())
        parts = [c for c in _CLAUSE.split(text) if c and len(c.split()) >= 3]
        return cls(
            words=frozenset(lower),
            content=content,
            names=frozenset(_stem(t) for t in kept if t[0].isupper()),
            numbers=numbers_of(text),
            clauses=tuple(
                frozenset(_stem(t) for t in _TOKEN.findall(c) if t.lower() not in _STOP) & content
                for c in parts
            ),
        )


def _matrix(sets: Sequence[frozenset[str]], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    """Binary (len(sets), len(vocabulary)) CSR matrix; ``vocabulary`` grows with new words."""
    ids = [[vocabulary.setdefault(w, len(vocabulary)) for w in sorted(s)] for s in sets]
    pointers = np.concatenate([[0], np.cumsum([len(row) for row in ids], dtype=np.int64)])
    flat = np.fromiter((i for row in ids for i in row), dtype=np.int64, count=int(pointers[-1]))
    data = np.ones(len(flat), dtype=np.float64)
    return sparse.csr_matrix((data, flat, pointers), shape=(len(sets), max(1, len(vocabulary))))


@dataclass(frozen=True, eq=False)
class Story:
    """One story's sentences prepared for pair features: their vectors and word matrices.

    Args of :meth:`of`: ``sentences`` per article, and per article its ``(n, dim)`` unit-length
    vectors (the default static embedder's: the model was fitted on those).
    """

    vectors: np.ndarray  # (n, dim), article order
    starts: np.ndarray  # (n_articles + 1,) offsets
    owner: np.ndarray  # (n,) article of each sentence
    position: np.ndarray  # (n,) index within its article
    words: sparse.csr_matrix
    content: sparse.csr_matrix
    names: sparse.csr_matrix
    numbers: sparse.csr_matrix
    clauses: sparse.csr_matrix  # (n_clauses, content vocabulary)
    clause_start: np.ndarray  # (n + 1,) offsets into ``clauses``
    idf: np.ndarray  # story-internal IDF of each content stem

    @classmethod
    def of(cls, sentences: Sequence[Sequence[str]], vectors: Sequence[np.ndarray]) -> Story:
        counts = np.array([len(s) for s in sentences], dtype=np.int64)
        starts = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        dim = max((np.asarray(v).shape[-1] for v in vectors if np.asarray(v).size), default=1)
        stacked = [
            np.asarray(v, dtype=np.float32).reshape(c, dim)
            for v, c in zip(vectors, counts, strict=True)
        ]
        matrix = np.concatenate(stacked) if stacked else np.zeros((0, dim), np.float32)
        words = [_Words.of(t) for doc in sentences for t in doc]
        content_vocabulary: dict[str, int] = {}
        content = _matrix([w.content for w in words], content_vocabulary)
        clause_sets = [c for w in words for c in w.clauses]
        clauses = _matrix(clause_sets, content_vocabulary)  # no new words: clauses ⊂ content
        n = len(words)
        df = np.asarray(content.sum(axis=0)).ravel()
        return cls(
            vectors=matrix,
            starts=starts,
            owner=np.repeat(np.arange(len(counts)), counts),
            position=np.concatenate([np.arange(c) for c in counts]) if n else np.zeros(0, int),
            words=_matrix([w.words for w in words], {}),
            content=content,
            names=_matrix([w.names for w in words], {}),
            numbers=_matrix([w.numbers for w in words], {}),
            clauses=clauses,
            clause_start=np.concatenate(
                [[0], np.cumsum([len(w.clauses) for w in words], dtype=np.int64)]
            ),
            idf=np.log((n + 1) / (df + 0.5)),
        )

    @property
    def size(self) -> int:
        return len(self.owner)


def candidate_pairs(story: Story, *, max_full: int = 400, top_k: int = 10) -> np.ndarray:
    """``(m, 2)`` global index pairs ``lo < hi`` worth scoring: every pair (across and within
    articles) when the story has at most ``max_full`` sentences, else each sentence's ``top_k``
    closest sentences (cosine) anywhere else in the story (about ``n * top_k`` pairs)."""
    n = story.size
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    if n <= max_full:
        lo, hi = np.triu_indices(n, 1)
        return np.stack([lo, hi], axis=1).astype(np.int64)
    k = min(top_k, n - 1)
    rows, cols = [], []
    for s in range(0, n, 1024):  # blocks of rows keep memory at 1024 x n
        block = story.vectors[s : s + 1024] @ story.vectors.T
        block[np.arange(len(block)), np.arange(s, s + len(block))] = -np.inf
        top = np.argpartition(-block, k - 1, axis=1)[:, :k]
        rows.append(np.repeat(np.arange(s, s + len(block)), k))
        cols.append(top.ravel())
    a, b = np.concatenate(rows), np.concatenate(cols)
    code = np.unique(np.minimum(a, b).astype(np.int64) * n + np.maximum(a, b))
    return np.stack([code // n, code % n], axis=1)


#: Matrix cells computed at once where a story's size squared would not fit in memory (a
#: 9,000-sentence article made 3 GB here).
_CELLS = 1 << 24


def _ranks(story: Story, x: np.ndarray, y: np.ndarray, cos: np.ndarray) -> tuple[np.ndarray, ...]:
    """For pairs (x, y): how many sentences of y's article are closer to x than y is, and x's
    best cosine in y's article (x itself excluded when they share the article)."""
    rank = np.zeros(len(x), dtype=np.int64)
    best = np.full(len(x), -1.0, dtype=np.float32)
    target = story.owner[y]
    order = np.argsort(target, kind="stable")
    bounds = np.searchsorted(target[order], np.arange(len(story.starts)))
    for article in range(len(story.starts) - 1):
        chosen = order[bounds[article] : bounds[article + 1]]
        if not len(chosen):
            continue
        first, last = story.starts[article], story.starts[article + 1]
        rows, inverse = np.unique(x[chosen], return_inverse=True)
        block = story.vectors[rows] @ story.vectors[first:last].T
        own = rows - first
        inside = (own >= 0) & (own < last - first)
        block[np.nonzero(inside)[0], own[inside]] = -1.0
        best[chosen] = block.max(axis=1)[inverse]
        step = max(1, _CELLS // max(1, last - first))  # pairs at once: memory stays bounded
        for s in range(0, len(chosen), step):
            part = chosen[s : s + step]
            rank[part] = (block[inverse[s : s + step]] > cos[part, None] + 1e-6).sum(axis=1)
    return rank, best


def _shared(matrix: sparse.csr_matrix, x: np.ndarray, y: np.ndarray) -> sparse.csr_matrix:
    """Row-wise intersection of the rows ``x`` and ``y`` (binary: elementwise product)."""
    return matrix[x].multiply(matrix[y]).tocsr()


def _row_sums(matrix: sparse.spmatrix) -> np.ndarray:
    return np.asarray(matrix.sum(axis=1)).ravel()


def _best_clause(story: Story, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """For each pair: the best IDF-weighted share of one of x's clauses found in y's words."""
    count = story.clause_start[x + 1] - story.clause_start[x]
    which = np.repeat(np.arange(len(x)), count)
    best = np.zeros(len(x))
    if not len(which):
        return best
    local = np.arange(len(which)) - np.repeat(np.cumsum(count) - count, count)
    clause = story.clause_start[x][which] + local
    total = story.clauses[clause] @ story.idf
    found = story.clauses[clause].multiply(story.content[y[which]]).tocsr() @ story.idf
    share = np.where(total > 0, found / np.maximum(total, 1e-12), 0.0)
    np.maximum.at(best, which, share)
    return best


def pair_features(story: Story, pairs: np.ndarray) -> np.ndarray:
    """``(len(pairs), len(FEATURES))`` features of global index pairs, all at once."""
    lo, hi = pairs[:, 0], pairs[:, 1]
    v = story.vectors
    cos = np.einsum("ij,ij->i", v[lo], v[hi]).astype(np.float32)
    rank_a, best_a = _ranks(story, lo, hi, cos)
    rank_b, best_b = _ranks(story, hi, lo, cos)
    words = _row_sums(story.words)
    content = _row_sums(story.content)
    names = _row_sums(story.names)
    numbers = _row_sums(story.numbers)
    shared_words = _row_sums(_shared(story.words, lo, hi))
    shared_content = _shared(story.content, lo, hi)
    n_content = _row_sums(shared_content)
    idf_a, idf_b = (story.content @ story.idf)[lo], (story.content @ story.idf)[hi]
    idf_shared = shared_content @ story.idf
    shared_names = _row_sums(_shared(story.names, lo, hi))
    shared_numbers = _row_sums(_shared(story.numbers, lo, hi))
    la, lb = content[lo], content[hi]
    sizes = np.diff(story.starts).astype(np.float64)
    na, nb = sizes[story.owner[lo]], sizes[story.owner[hi]]
    ia, ib = story.position[lo], story.position[hi]
    clause = np.maximum(_best_clause(story, lo, hi), _best_clause(story, hi, lo))
    columns = [
        cos,
        np.minimum(rank_a, rank_b),
        np.maximum(rank_a, rank_b),
        (rank_a == 0) & (rank_b == 0),
        np.minimum(best_a - cos, best_b - cos),
        np.maximum(best_a - cos, best_b - cos),
        shared_words / np.maximum(1, words[lo] + words[hi] - shared_words),
        n_content / np.maximum(1, la + lb - n_content),
        n_content / np.maximum(1, np.minimum(la, lb)),
        idf_shared / np.maximum(1e-6, np.minimum(idf_a, idf_b)),
        idf_shared / np.maximum(1e-6, idf_a + idf_b - idf_shared),
        shared_names / np.maximum(1, np.minimum(names[lo], names[hi])),
        np.minimum(shared_names, 4),
        np.minimum(shared_numbers, 3),
        (numbers[lo] > 0) & (numbers[hi] > 0) & (shared_numbers == 0),
        np.minimum(la, lb) / np.maximum(1, np.maximum(la, lb)),
        np.log1p(np.minimum(la, lb)),
        (ia == 0) | (ib == 0),
        (ia == 0) & (ib == 0),
        np.maximum(ia / np.maximum(1, na), ib / np.maximum(1, nb)),
        clause,
        story.owner[lo] == story.owner[hi],
        np.log1p(np.minimum(na, nb)),
        np.log1p(np.maximum(na, nb)),
    ]
    return np.stack([np.asarray(c, dtype=np.float64) for c in columns], axis=1)


@dataclass(frozen=True)
class Logistic:
    """A logistic regression on standardised features, as the fit scripts write it (``mean``,
    ``scale``, ``coef``, ``intercept`` and the ``features`` it was fitted on)."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    @staticmethod
    def parameters(data: dict[str, Any], features: tuple[str, ...], name: str) -> dict[str, Any]:
        """The four parameters from a model file's ``data``, checking it was fitted on
        ``features``; ``name``: the file, for the error (refit it with its benchmark)."""
        if tuple(data["features"]) != features:
            raise ValueError(
                f"{name}.json was fitted on other features than this code computes; "
                f"refit it: python -m benchmarks.fit_{name} --write"
            )
        return {
            "mean": np.asarray(data["mean"], dtype=np.float64),
            "scale": np.asarray(data["scale"], dtype=np.float64),
            "coef": np.asarray(data["coef"], dtype=np.float64),
            "intercept": float(data["intercept"]),
        }

    def probability(self, features: np.ndarray) -> np.ndarray:
        """The model's probability for features of any leading shape."""
        z = ((features - self.mean) / self.scale) @ self.coef + self.intercept
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0))))


@dataclass(frozen=True)
class PairModel(Logistic):
    """The fitted logistic model and the bars that use its probabilities.

    ``threshold``: claims merge while the mean probability over their cross pairs is at least
    this; ``second``: a sentence also joins a second claim when its mean probability with
    that claim's sentences is at least this
    (:func:`~summarize.comparison.fact_claims.second_memberships`); ``cite``: a merged-digest
    sentence also cites an outlet whose sentence it matches with at least this probability
    (besides the sentence-to-article support model,
    :mod:`~summarize.comparison.fact_support`); ``possibly_same``: the fit's bar for "another
    outlet possibly states it", which ``align`` does not read (the support model decides
    "only one outlet reports"; BENCHMARKS.md).
    """

    threshold: float
    cite: float
    possibly_same: float
    second: float

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PairModel:
        return cls(
            **cls.parameters(data, FEATURES, "story_pairs"),
            threshold=float(data["threshold"]),
            cite=float(data["cite"]),
            possibly_same=float(data["possibly_same"]),
            second=float(data["second"]),
        )


@functools.lru_cache(maxsize=1)
def pair_model() -> PairModel:
    """The shipped model (``summarize/data/story_pairs.json``)."""
    from summarize.comparison.calibration import calibration_file

    return PairModel.from_dict(calibration_file("story_pairs.json"))


def score_pairs(
    story: Story, pairs: np.ndarray | None = None, *, model: PairModel | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Same-fact probabilities of candidate pairs of one story: ``(pairs, probabilities)``.

    ``pairs`` are global ``(lo, hi)`` sentence indices (default: :func:`candidate_pairs`).
    """
    pairs = candidate_pairs(story) if pairs is None else np.asarray(pairs, dtype=np.int64)
    pairs = pairs.reshape(-1, 2)
    if not len(pairs):
        return pairs, np.zeros(0)
    model = model or pair_model()
    return pairs, model.probability(pair_features(story, pairs))
