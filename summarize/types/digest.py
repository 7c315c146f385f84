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
    """

    text: str
    sources: tuple[str, ...]
    supported: bool = True
    score: float = 1.0


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
