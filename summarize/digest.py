"""The :class:`Digest`: a summary whose every sentence carries the outlets that support it."""

from __future__ import annotations

from dataclasses import dataclass


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
class Digest:
    """A summary: sentences in reading order, and how it was made."""

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

    def _repr_html_(self) -> str:
        """Rich display in notebooks: sentences with citation markers (summarize.render)."""
        from summarize.render.html import digest_body, fragment

        return fragment(digest_body(self))

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        from summarize.render.markdown import digest_document

        return {"text/plain": digest_document(self), "text/html": self._repr_html_()}
