"""Peer summarisers the benchmarks compare against: multi-document Lead, sumy LexRank and TextRank.

Every peer takes a list of documents (plain text) and a word budget and returns sentences in
order, cut to exactly the budget in words (the last sentence may be truncated, as the baselines
in ``../shared/eval/README.md`` were). sumy normally tokenises with NLTK data (punkt), which is
not installed here; :class:`PlainTokenizer` splits sentences with pysbd and words with a regex,
so the peers run fully offline.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

__all__ = [
    "PEERS",
    "PlainTokenizer",
    "lead",
    "lexrank",
    "split_sentences",
    "textrank",
    "truncate_words",
]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


@functools.lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences: paragraphs (blank or single newlines) first, then pysbd."""
    sentences: list[str] = []
    for paragraph in re.split(r"\n+", text):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        for sentence in _segmenter().segment(paragraph):
            sentence = sentence.strip()
            if sentence:
                sentences.append(sentence)
    return sentences


class PlainTokenizer:
    """A sumy-compatible tokenizer that needs no NLTK data (pysbd sentences, regex words)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def truncate_words(sentences: Sequence[str], max_words: int) -> list[str]:
    """Keep sentences in order until ``max_words`` words; cut the last one to fit exactly."""
    out: list[str] = []
    left = max_words
    for sentence in sentences:
        if left <= 0:
            break
        words = sentence.split()
        if len(words) > left:
            words = words[:left]
        out.append(" ".join(words))
        left -= len(words)
    return out


def lead(documents: Sequence[str], *, max_words: int) -> list[str]:
    """Multi-document Lead: round-robin over the documents' leading sentences, to the budget."""
    split = [split_sentences(document) for document in documents]
    order: list[str] = []
    for position in range(max((len(s) for s in split), default=0)):
        for sentences in split:
            if position < len(sentences):
                order.append(sentences[position])
    return truncate_words(order, max_words)


def _sumy(documents: Sequence[str], *, max_words: int, algorithm: str) -> list[str]:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer = PlainTokenizer()
    paragraphs = [
        Paragraph([Sentence(s, tokenizer) for s in split_sentences(document)])
        for document in documents
    ]
    document = ObjectDocumentModel(paragraphs)
    if not document.sentences:
        return []
    cls = LexRankSummarizer if algorithm == "lexrank" else TextRankSummarizer
    summarizer = cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def until_budget(ranked: list) -> list:  # type: ignore[type-arg]
        """sumy accepts a callable count: keep best-rated sentences until the budget is met."""
        kept, words = [], 0
        for info in ranked:
            if words >= max_words:
                break
            kept.append(info)
            words += len(str(info.sentence).split())
        return kept

    chosen = summarizer(document, until_budget)
    return truncate_words([str(sentence) for sentence in chosen], max_words)


def lexrank(documents: Sequence[str], *, max_words: int) -> list[str]:
    """sumy LexRank over the concatenated documents, best sentences to the budget."""
    return _sumy(documents, max_words=max_words, algorithm="lexrank")


def textrank(documents: Sequence[str], *, max_words: int) -> list[str]:
    """sumy TextRank over the concatenated documents, best sentences to the budget."""
    return _sumy(documents, max_words=max_words, algorithm="textrank")


PEERS: dict[str, Callable[..., list[str]]] = {
    "Lead": lead,
    "LexRank (sumy)": lexrank,
    "TextRank (sumy)": textrank,
}
