"""Extractive digests: rank source sentences with their embeddings and pick a budget's worth.

Scoring (all features in [0, 1], weights are keyword parameters):

* **centrality**: cosine similarity to the centroid of the text (the story's centroid for a
  merged digest), min-max scaled within the input; what the text is mostly about.
* **position**: ``1 / (1 + index / lead)``; news puts the key facts first (lead bias).
* **support** (merged only): the expected share of outlets that report the sentence's fact:
  its own, plus for each other outlet the calibrated same-fact probability of its closest
  sentence there (:attr:`~summarize.types.Alignment.best_scores`). A fact three outlets word
  differently still counts as widely reported, though no claim joins the three sentences.
* **lexical centrality**: how many sentences of the text (the whole story when merged) share
  the sentence's content words, on average (SumBasic-like); the exact names and nouns a story
  repeats, which embeddings blur.
* **lead similarity** (per source only): cosine to the mean of the first three content
  sentences; a later sentence that restates the lead stands in for it when it does not fit.

Selection (:mod:`summarize.summarizers.selection`) is either maximal marginal relevance (MMR)
under the limits: repeatedly take the sentence with the best
``score - diversity * max_similarity_to_chosen`` that still fits the word budget (a sentence
that does not fit is skipped, never cut), skipping near-duplicates of chosen ones; or
``"fill"``: the set of sentences that best fills the word budget. A merged digest with
``concept_weight`` also values the distinct bigrams several outlets use that the set covers,
each once, more when the outlets use them early (``concept_lead``;
:mod:`summarize.summarizers.concepts`). A per-source digest is in reading order.
Everything is deterministic (ties break on position).

Merged digests are meant to be read as one text (:mod:`summarize.summarizers.coherence`): a
sentence that opens with "He", "But", "This"... comes only right after the sentence of its
article it leans on (the two are one candidate), none opens with a stray quote mark, and the
digest opens with the fact the outlets report most widely and earliest (news is an inverted
pyramid: an article's first sentences carry its main fact), then follows the articles' reading
order. With
``compress=True`` a sentence may also be taken without a trailing attribution or
circumstantial clause (", officials said.", ", after ..."): a verbatim prefix plus a full stop,
so short budgets are filled without cutting a sentence mid-way.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np

from summarize.defaults import MERGED_EXTRACTIVE, PER_SOURCE_EXTRACTIVE
from summarize.errors import InputError
from summarize.inputs.junk import is_junk
from summarize.readable import leads_into_what_follows
from summarize.summarizers import features
from summarize.summarizers.coherence import (
    opens_with_reference,
    shorter_forms,
    stray_quote_start,
)
from summarize.summarizers.concepts import concept_values, concepts
from summarize.summarizers.repeats import repeat
from summarize.summarizers.selection import fill_budget, select
from summarize.types.digest import Digest, DigestSentence, Limits

if TYPE_CHECKING:
    from summarize.types.alignment import Alignment, Claim, SentenceRef
    from summarize.types.article import Article

logger = logging.getLogger(__name__)

__all__ = ["MERGED", "PER_SOURCE", "ExtractiveSummarizer", "select"]


@dataclass(frozen=True)
class ExtractiveSummarizer:
    """Rank and extract verbatim source sentences.

    Args:
        centrality_weight: Weight of closeness to the text's centroid.
        position_weight: Weight of the lead bias.
        support_weight: Weight of the expected share of outlets reporting a sentence's fact
            (merged digests).
        lexical_weight: Weight of lexical centrality (shared content words).
        lead_similarity_weight: Weight of closeness to the lead (per-source digests).
        lead: Position scale in sentences: the sentence at index ``lead`` scores 0.5.
        diversity: MMR redundancy weight (0 = none).
        duplicate: Cosine above which a candidate counts as a repeat of a chosen sentence;
            ``None``: the embedder's calibrated ``duplicate_threshold``
            (:func:`summarize.comparison.calibration.same_fact_params`).
        min_words: Shorter sentences (captions, datelines, "Photo: ...") are not extracted
            unless nothing else is left.
        selection: ``"mmr"`` (greedy, with the redundancy penalty) or ``"fill"``
            (:func:`~summarize.summarizers.selection.fill_budget`: the sentences that best
            fill the word budget; MMR when there is no word limit).
        compress: Merged digests may take a sentence without its trailing attribution or
            circumstantial clause (:func:`~summarize.summarizers.coherence.shorter_forms`),
            with ``selection="fill"``.
        concept_weight: Merged digests with ``selection="fill"``: weight of the value of each
            distinct bigram several outlets use that the digest covers (the outlets using it,
            see ``concept_lead``), on the scale of ``relevance x words``; 0: relevance alone.
        concept_lead: Position scale of the concepts' values: an outlet counts
            ``1 / (1 + index / concept_lead)`` for a concept its article first uses in the
            sentence at ``index`` (what the outlets state early is the story's core);
            ``None``: each outlet counts 1 wherever it uses it.
        lead_min_words: A merged digest opens with a piece of at least this many words when
            it has one (a full lead sentence, not a headline or a caption): the one whose fact
            the outlets report most widely and earliest.
        off_story: Merged digests leave out a sentence that is about another event: no other
            outlet reports its claim, its cosine to the story's centroid is below the story's
            median, and at most this share of its content words appear in any other outlet's
            article (``None``: keep all).
    """

    centrality_weight: float = 1.0
    position_weight: float = 1.0
    support_weight: float = 1.0
    lexical_weight: float = 0.0
    lead_similarity_weight: float = 0.0
    lead: float = 3.0
    diversity: float = 0.5
    duplicate: float | None = None
    min_words: int = 10
    selection: Literal["mmr", "fill"] = "mmr"
    off_story: float | None = None
    compress: bool = False
    concept_weight: float = 0.0
    concept_lead: float | None = None
    lead_min_words: int = 15

    name = "extractive"

    def _select(
        self,
        scores: np.ndarray,
        vectors: np.ndarray,
        word_counts: list[int],
        limits: Limits,
        *,
        embedder: str,
        groups: Sequence[int] | None = None,
        covers: Sequence[Collection[Hashable]] | None = None,
        values: Mapping[Hashable, float] | None = None,
    ) -> list[int]:
        duplicate = self.duplicate
        if duplicate is None:
            from summarize.comparison.calibration import same_fact_params

            duplicate = same_fact_params(embedder)["duplicate_threshold"]
        if self.selection == "fill":
            return fill_budget(
                scores,
                vectors,
                word_counts,
                limits=limits,
                duplicate=duplicate,
                groups=groups,
                concepts=covers,
                concept_values=values,
            )
        return select(
            scores,
            vectors,
            word_counts,
            limits=limits,
            diversity=self.diversity,
            duplicate=duplicate,
            groups=groups,
        )

    def _lead(self, units: Sequence[_Unit], chosen: Sequence[int], alignment: Alignment) -> int:
        """The piece a merged digest opens with: of the chosen pieces of at least
        ``lead_min_words`` words (all, when none is that long), the one whose fact the
        outlets report most widely and earliest
        (:func:`~summarize.summarizers.features.prominence`); ties go to the more relevant
        piece."""
        full = [i for i in chosen if features.word_count(units[i].texts[0]) >= self.lead_min_words]
        pool = full or list(chosen)
        prominence = features.prominence(alignment, [units[i].ref for i in pool])
        best = max(range(len(pool)), key=lambda k: (prominence[k], units[pool[k]].score, -k))
        return pool[best]

    def _position(self, count: int) -> np.ndarray:
        return 1.0 / (1.0 + np.arange(count, dtype=np.float32) / self.lead)

    def _content_mask(self, sentences: Sequence[str]) -> np.ndarray:
        """Sentences a digest may take: content, not junk. A text with no sentence long enough
        (a headline and one short line) may take its short sentences, but still no junk."""
        news = np.array([not is_junk(s) for s in sentences], bool)
        news &= np.array([not leads_into_what_follows(s) for s in sentences], bool)
        mask = news & np.array(
            [features.is_content(s, min_words=self.min_words) for s in sentences], bool
        )
        if mask.any():
            return mask
        return news if news.any() else np.ones(len(sentences), dtype=bool)

    def sentence_scores(self, sentences: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """Relevance of each sentence of one text (non-content sentences get -inf)."""
        content = self._content_mask(sentences)
        score = (
            self.centrality_weight * features.centrality(vectors)
            + self.position_weight * self._position(len(sentences))
            + self.lexical_weight * features.lexical_centrality(sentences)
            + self.lead_similarity_weight * features.lead_similarity(vectors, content)
        )
        return np.where(content, score, -np.inf)

    def __call__(
        self, articles: Sequence[Article], *, alignment: Alignment, limits: Limits
    ) -> Digest:
        """A per-source digest of one article, or a merged digest of several (the
        :class:`~summarize.summarizers.Summarizer` interface)."""
        if len(alignment.vectors) != len(articles):
            raise InputError(
                f"The alignment holds {len(alignment.vectors)} articles, not the "
                f"{len(articles)} given; align these articles "
                "(summarize.comparison.alignment.align)."
            )
        if len(articles) == 1:
            return self.summarise_article(articles[0], limits=limits, alignment=alignment)
        return self.summarise_articles(articles, limits=limits, alignment=alignment)

    def summarise_article(
        self, article: Article, *, limits: Limits, alignment: Alignment
    ) -> Digest:
        """Per-source digest: the article's best sentences, each citing the article.

        ``alignment`` is the article's own (one article): its vectors are read, not recomputed.
        """
        sentences = list(article.sentences)
        if not sentences:
            return Digest(sentences=(), method=self.name)
        vectors = alignment.vectors[0]
        scores = self.sentence_scores(sentences, vectors)
        chosen = self._select(
            scores,
            vectors,
            [features.word_count(s) for s in sentences],
            limits,
            embedder=alignment.embedder,
        )
        return Digest(
            sentences=tuple(
                DigestSentence(text=sentences[i], sources=(article.source,)) for i in sorted(chosen)
            ),
            method=self.name,
        )

    def summarise_articles(
        self, articles: Sequence[Article], *, limits: Limits, alignment: Alignment
    ) -> Digest:
        """Merged digest: one representative sentence per chosen claim, citing all its outlets.

        Claims reported by more outlets rank higher; within a claim the representative is its
        best sentence by centrality to the whole story and position in its article, preferring
        one that reads on its own (:mod:`~summarize.summarizers.coherence`). A sentence that
        opens with a reference to the sentence before it in its article ("He said...", "But
        ...") is offered only together with that sentence, as one piece; one that opens with a
        stray quote mark is not taken. A sentence no other outlet reports whose closeness to
        the story's centroid is low and that shares almost no words with the other outlets
        (``off_story``: about another event) is left out. The digest opens with the piece
        whose fact the outlets report most widely and earliest (:meth:`_lead`), then follows
        the articles' reading order.
        """
        all_vectors = [v for v in alignment.vectors if len(v)]
        if not all_vectors:
            return Digest(sentences=(), method=self.name)
        story = np.concatenate(all_vectors)
        centroid = story.mean(axis=0)
        centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
        raw = [v @ centroid for v in alignment.vectors]
        low = min(float(r.min()) for r in raw if r.size)
        high = max(float(r.max()) for r in raw if r.size)
        span = max(high - low, 1e-9)
        off_story = features.off_story(articles, raw, share=self.off_story)
        # Centrality is scaled over the whole story so that outlets are comparable.
        lexical = features.lexical_centrality([s for a in articles for s in a.sentences])
        offsets = np.cumsum([0] + [len(a.sentences) for a in articles])
        sentence_score: list[np.ndarray] = []
        for k, (article, centrality) in enumerate(zip(articles, raw, strict=False)):
            content = self._content_mask(list(article.sentences))
            content &= np.array([not stray_quote_start(s) for s in article.sentences], bool)
            score = (
                self.centrality_weight * (centrality - low) / span
                + self.position_weight * self._position(len(article.sentences))
                + self.lexical_weight * lexical[offsets[k] : offsets[k + 1]]
            )
            sentence_score.append(np.where(content, score, -np.inf))

        def rank(ref: SentenceRef) -> tuple[bool, bool, float, int, int]:
            score = float(sentence_score[ref.article][ref.index])
            return (
                np.isfinite(score),
                not opens_with_reference(ref.text),
                score,
                -ref.index,
                -ref.article,
            )

        support = features.expected_support(alignment)
        group_of = {
            (ref.article, ref.index): g
            for g, claim in enumerate(alignment.claims)
            for ref in claim.sentences
        }
        claim_of = {where: alignment.claims[g] for where, g in group_of.items()}

        def relevance(ref: SentenceRef) -> float:
            claim = claim_of[(ref.article, ref.index)]
            base = float(sentence_score[ref.article][ref.index])
            if len(claim.sources) == 1 and off_story[ref.article][ref.index]:
                return -np.inf  # one outlet's sentence far from the story: another event
            return base + self.support_weight * float(support[ref.article][ref.index])

        def cites(claim: Claim, ref: SentenceRef) -> tuple[str, ...]:
            """The claim's outlets, and with the story-internal model every outlet that
            states the sentence's fact (a digest sentence cites all of them)."""
            if alignment.facts is None:
                return claim.sources
            stating = set(alignment.facts.stating(alignment, ref.article, ref.index))
            return tuple(s for s in alignment.sources if s in stating or s in claim.sources)

        units: list[_Unit] = []
        for group, claim in enumerate(alignment.claims):
            best = max(claim.sentences, key=rank)
            score = relevance(best)
            if not np.isfinite(score):
                continue
            vector = alignment.vectors[best.article][best.index]
            if not opens_with_reference(best.text):
                units.append(_Unit((best.text,), ((claim, best),), score, vector, group, best))
                if self.compress:
                    units.extend(
                        _Unit((short,), ((claim, best),), score, vector, group, best)
                        for short in shorter_forms(best.text)
                    )
                continue
            # It leans on the sentence before it in its article: offer the two together.
            if best.index == 0:
                continue
            text = articles[best.article].sentences[best.index - 1]
            before = dataclasses.replace(best, index=best.index - 1, text=text)
            first = relevance(before)
            if not np.isfinite(first) or opens_with_reference(before.text):
                continue
            words = (features.word_count(before.text), features.word_count(best.text))
            # The pair is an alternative of its first sentence's claim (one group: only one
            # of them is taken, so that fact is never stated twice).
            units.append(
                _Unit(
                    (before.text, best.text),
                    ((claim_of[(before.article, before.index)], before), (claim, best)),
                    (first * words[0] + score * words[1]) / sum(words),
                    alignment.vectors[before.article][before.index],
                    group_of[(before.article, before.index)],
                    before,
                )
            )
        if not units:
            return Digest(sentences=(), method=self.name)
        covers: list[frozenset[tuple[str, str]]] | None = None
        values: dict[Hashable, float] | None = None
        if self.concept_weight > 0 and self.selection == "fill":
            values = {
                concept: self.concept_weight * value
                for concept, value in concept_values(
                    (a.sentences for a in articles), lead=self.concept_lead
                ).items()
            }
            covers = [frozenset().union(*(concepts(t) for t in u.texts)) for u in units]
        scores = np.asarray([u.score for u in units], dtype=np.float32)

        def choose() -> list[int]:
            return self._select(
                scores,
                np.stack([u.vector for u in units]),
                [sum(features.word_count(t) for t in u.texts) for u in units],
                limits,
                embedder=alignment.embedder,
                groups=[u.group for u in units],
                covers=covers,
                values=values,
            )

        # A fact is stated once (summarizers.repeats): while two chosen pieces state one fact
        # (one fact claim of the story-internal model), the lesser is skipped and the digest
        # chosen again; the piece that states the fact cites the outlets of those skipped.
        fact: dict[tuple[int, int], set[int]] = {}  # a sentence of two facts: two claims
        for f, claim in enumerate(alignment.repeat_claims or ()):
            for r in claim.sentences:
                fact.setdefault((r.article, r.index), set()).add(f)
        facts = [
            {(f, r.article) for _, r in u.cited for f in fact.get((r.article, r.index), ())}
            for u in units
        ]
        also: dict[int, set[str]] = {}  # fact claim -> outlets of the repeats skipped
        chosen = choose()
        while (skip := repeat(chosen, facts, scores)) is not None:
            scores[skip] = -np.inf
            for claim, ref in units[skip].cited:
                for f in fact.get((ref.article, ref.index), ()):
                    also.setdefault(f, set()).update(cites(claim, ref))
            chosen = choose()

        def cited(claim: Claim, ref: SentenceRef) -> tuple[str, ...]:
            own = set(cites(claim, ref))
            for f in fact.get((ref.article, ref.index), ()):
                own |= also.get(f, set())
            return tuple(s for s in alignment.sources if s in own)

        if not chosen:
            return Digest(sentences=(), method=self.name)
        lengths = [max(len(a.sentences), 1) for a in articles]
        # The lead: the fact the outlets report most widely and earliest; then reading order.
        lead = self._lead(units, chosen, alignment)
        rest = sorted((i for i in chosen if i != lead), key=lambda i: units[i].position(lengths))
        order = [lead, *rest]
        return Digest(
            sentences=tuple(
                DigestSentence(text=text, sources=cited(*where))
                for i in order
                for text, where in zip(units[i].texts, units[i].cited, strict=True)
            ),
            method=self.name,
        )


@dataclass(frozen=True)
class _Unit:
    """What a merged digest may take as one piece: a sentence, a shorter form of it, or a
    sentence together with the one before it that it leans on ("He said...")."""

    texts: tuple[str, ...]
    cited: tuple[tuple[Claim, SentenceRef], ...]  # each text's claim and sentence: its citations
    score: float
    vector: np.ndarray
    group: int
    ref: SentenceRef  # where its first sentence sits in its article

    def position(self, lengths: Sequence[int]) -> tuple[float, int, int]:
        """Reading order: relative position in its article, then article, then index."""
        ref = self.ref
        return (ref.index / lengths[ref.article], ref.article, ref.index)


#: Settings for per-source digests (tuned; see summarize.defaults.PER_SOURCE_EXTRACTIVE).
PER_SOURCE = ExtractiveSummarizer(**PER_SOURCE_EXTRACTIVE.as_kwargs())
#: Settings for merged digests (tuned; see summarize.defaults.MERGED_EXTRACTIVE).
MERGED = ExtractiveSummarizer(**MERGED_EXTRACTIVE.as_kwargs())
