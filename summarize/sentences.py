"""Sentence splitting: pysbd's rule-based English splitter, made safe for huge or odd input.

pysbd knows abbreviations ("Mr.", "U.S.", "E.C.B.", "p.m."), decimals and quotes, but its run
time grows much faster than linearly with the length of one chunk of text. So text is split
per paragraph (blank-line or line-break separated), paragraphs longer than
:data:`MAX_CHUNK_WORDS` are first cut at safe sentence boundaries, and any "sentence" longer
than ``max_words`` words (a run-on with no punctuation, a scraped list) is hard-wrapped into
pieces of at most ``max_words`` words, preferring to break after a clause mark (, ; : -).
"""

from __future__ import annotations

import functools
import math
import re

import pysbd

__all__ = ["DEFAULT_MAX_WORDS", "MAX_CHUNK_WORDS", "split_paragraphs", "split_sentences"]

#: Sentences longer than this many words are hard-wrapped (see :func:`split_sentences`).
DEFAULT_MAX_WORDS = 80
#: Paragraphs longer than this are cut at safe boundaries before pysbd sees them.
MAX_CHUNK_WORDS = 400

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\r\n|\n")
# A token that certainly ends a sentence: a lowercase word of 3+ letters (so not an
# abbreviation or an initial) followed by . ! or ?, optionally closed by a quote or bracket.
_SAFE_END = re.compile(r"[a-z]{3,}[.!?][\"'”’)\]]*$")
_NEXT_STARTS_SENTENCE = re.compile(r"^[\"'“‘(\[]?[A-Z0-9]")
_CLAUSE_END = re.compile(r"[,;:\-–—]$")


@functools.lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def split_paragraphs(text: str) -> list[str]:
    """Split ``text`` on line breaks into stripped, non-empty paragraphs."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def _chunks(paragraph: str, limit: int) -> list[str]:
    """Cut a very long paragraph into pieces of about ``limit`` words at certain sentence ends."""
    words = paragraph.split()
    if len(words) <= limit:
        return [paragraph]
    pieces: list[str] = []
    start = 0
    while start < len(words):
        end = min(start + limit, len(words))
        if end < len(words):
            # Look backwards for a token that surely ends a sentence; if none, cut at the limit
            # (the hard wrap handles the rest).
            for i in range(end, start + limit // 2, -1):
                if _SAFE_END.search(words[i - 1]) and _NEXT_STARTS_SENTENCE.match(words[i]):
                    end = i
                    break
        pieces.append(" ".join(words[start:end]))
        start = end
    return pieces


def _wrap(sentence: str, max_words: int) -> list[str]:
    """Hard-wrap a sentence of more than ``max_words`` words into balanced pieces."""
    words = sentence.split()
    if len(words) <= max_words:
        return [sentence]
    n_pieces = math.ceil(len(words) / max_words)
    target = math.ceil(len(words) / n_pieces)
    pieces: list[str] = []
    start = 0
    while start < len(words):
        end = min(start + target, len(words))
        if len(words) - start <= max_words:
            end = len(words)
        else:
            # Prefer a clause boundary in the last third of the window, never past max_words.
            for i in range(min(start + max_words, len(words) - 1), start + target * 2 // 3, -1):
                if _CLAUSE_END.search(words[i - 1]):
                    end = i
                    break
        pieces.append(" ".join(words[start:end]))
        start = end
    return pieces


def split_sentences(text: str, *, max_words: int = DEFAULT_MAX_WORDS) -> list[str]:
    """Split ``text`` into sentences, in reading order.

    Args:
        text: Plain text; line breaks are treated as paragraph boundaries (a sentence never
            spans two lines).
        max_words: Longest sentence kept whole. Longer ones (usually text without punctuation)
            are hard-wrapped into pieces of at most this many words, so later stages never see
            one enormous "sentence".

    Returns:
        Stripped sentences; whitespace inside a sentence is collapsed to single spaces.
    """
    if max_words < 1:
        raise ValueError(f"max_words must be at least 1, got {max_words}.")
    segmenter = _segmenter()
    sentences: list[str] = []
    for paragraph in split_paragraphs(text):
        for chunk in _chunks(" ".join(paragraph.split()), MAX_CHUNK_WORDS):
            for raw in segmenter.segment(chunk):
                sentence = " ".join(str(raw).split())
                if sentence:
                    sentences.extend(_wrap(sentence, max_words))
    return sentences
