"""Digest results: a summary whose every sentence carries the outlets that support it."""

from __future__ import annotations

from dataclasses import dataclass

from summarize.types.display import RichDisplay

__all__ = ["Digest", "DigestSentence", "Limits"]


@dataclass(frozen=True)
class DigestSentence:
    """One digest sentence.

    Attributes:
        text: The sentence (verbatim from a source for extractive digests).
        sources: Outlets that support it, in article order. Empty when unsupported.
        supported: False when the faithfulness guard found no source sentence backing it.
        score: Similarity to the best supporting source sentence (1.0 for verbatim extracts).
        disputed: (outlet, the value it gives) for outlets that report the same fact with a
            conflicting detail ("65 dead"); they are not in ``sources``.
        wording: (outlet, its own sentence) for every outlet that reports the fact, in
            article order, so a reader can check each outlet's words.
    """

    text: str
    sources: tuple[str, ...]
    supported: bool = True
    score: float = 1.0
    disputed: tuple[tuple[str, str], ...] = ()
    wording: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Digest(RichDisplay):
    """A summary: sentences in reading order, and how it was made.

    In a notebook it displays its sentences with citation markers.
    """

    sentences: tuple[DigestSentence, ...]
    method: str = "extractive"
    model: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(sentence.text for sentence in self.sentences)

    @property
    def word_count(self) -> int:
        return sum(len(sentence.text.split()) for sentence in self.sentences)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Limits:
    """Resolved length limits of one digest; ``None`` means no limit of that kind."""

    max_words: int | None = None
    max_sentences: int | None = None
