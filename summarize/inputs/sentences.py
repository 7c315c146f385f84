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
import itertools
import math
import re

import pysbd

from summarize.defaults import MAX_CHUNK_WORDS, MAX_SENTENCE_WORDS
from summarize.errors import InputError

__all__ = ["split_paragraphs", "split_sentences"]

#: Sentences longer than this many words are hard-wrapped (see :func:`split_sentences`).
# Text without spaces (Chinese, Japanese, or junk) is measured in characters instead.
_CHARS_PER_WORD = 12

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\r\n|\n")
# A token that certainly ends a sentence: a lowercase word of 3+ letters (so not an
# abbreviation or an initial) followed by . ! or ?, optionally closed by a quote or bracket.
_SAFE_END = re.compile(r"[a-z]{3,}[.!?][\"'”’)\]]*$")
_NEXT_STARTS_SENTENCE = re.compile(r"^[\"'“‘(\[]?[A-Z0-9]")
_CLAUSE_END = re.compile(r"[,;:\-–—]$")
# Hard-wrapped lines: the next line starts with a lower-case letter, the previous line does not
# end with sentence or heading punctuation.
_WRAPPED_START = re.compile(r"^[a-z]")
_OPEN_END = re.compile(
    r"(,|\b(the|a|an|of|and|or|to|in|on|at|for|by|with|from|that|which|who|is|are|was|were))$",
    re.IGNORECASE,
)
_LINE_END = re.compile(r"[.!?:;\"'”’)\]]$")
_SPACED_APOSTROPHE = re.compile(r"\w '\s")
# A full stop (or ! ?) with no space after it, between a word of 2+ lower-case letters or a
# number and a capitalised word: "hot glue.Lizandra", "Dec. 26.Cosme", "said.In". Scraped text
# loses the space where a paragraph break was. "St.Louis", "U.S.Army", "example.com" and
# decimals do not match (one lower-case letter, capitals, a lower-case or a digit after it).
_GLUED_END = re.compile(r"(?:[a-z]{2}|\d)[.!?][\"”’)]?(?=[A-Z][a-z])")
# "1:30 p.m. Sunday", "9 a.m. ET": a clock time's a.m./p.m. followed by a day name, a time
# zone or a lower-case word does not end the sentence.
_CLOCK_END = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
_CONTINUES_CLAUSE = re.compile(r"[,;:)\]]")
_CONTINUES_TIME = re.compile(
    r"^(?:[a-z]|(?i:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
    r"(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|BST|UTC|CET|CEST)\b)"
)


@functools.lru_cache(maxsize=8)
def _segmenter(language: str) -> pysbd.Segmenter:
    try:
        return pysbd.Segmenter(language=language, clean=False)
    except ValueError as error:
        raise InputError(
            f"No sentence rules for language {language!r}: use an ISO 639-1 code that pysbd "
            "supports, such as 'en', 'de', 'fr', 'es', 'it', 'nl', 'ru', 'zh' or 'ja'."
        ) from error


@functools.lru_cache(maxsize=8)
def _abbreviations(language: str) -> frozenset[str]:
    module = _segmenter(language).language_module
    return frozenset(getattr(getattr(module, "Abbreviation", None), "ABBREVIATIONS", ()))


_TERMINAL = re.compile(r"[.!?…。！？｡．؟।։።]")
_QUOTES_OR_BRACKETS = re.compile(r"[\"“”«»„()\[\]{}]|(^|\s)['‘]|['’](\s|$)")
_PLAIN_END = re.compile(r"\b([A-Za-z]*[a-z]{3})\.(?= [A-Z]|$)")


def _plain_split(chunk: str, abbreviations: frozenset[str]) -> list[str] | None:
    """Split a chunk whose every sentence end is unambiguous, or return ``None``.

    pysbd costs ~10 ms per 100 words, yet most paragraphs need none of its rules. When a
    chunk has no ! ? … quotes or brackets, and every full stop ends a lowercase word of 3+
    letters that is not a known abbreviation and is followed by a space and a capital letter
    (or the end), the split is certain and is the one pysbd gives (checked on the 5,400
    paragraphs of the eval sets). Anything else (numbers, initials, "Mr.") gives ``None``.
    """
    if _QUOTES_OR_BRACKETS.search(chunk):  # pysbd keeps quoted passages together
        return None
    ends = [m for m in _PLAIN_END.finditer(chunk) if m.group(1).lower() not in abbreviations]
    if len(ends) != len(_TERMINAL.findall(chunk)):
        return None
    pieces, start = [], 0
    for match in ends:
        pieces.append(chunk[start : match.end()].strip())
        start = match.end()
    rest = chunk[start:].strip()
    return [*pieces, rest] if rest else pieces


def _cut_chars(text: str, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters (for text without spaces)."""
    return (
        [text[i : i + limit] for i in range(0, len(text), limit)] if len(text) > limit else [text]
    )


def _is_wrapped(previous: str, line: str) -> bool:
    if _LINE_END.search(previous):
        return False
    return bool(_WRAPPED_START.match(line) or _OPEN_END.search(previous))


def split_paragraphs(text: str) -> list[str]:
    """Split ``text`` on line breaks into stripped, non-empty paragraphs.

    A line that does not end a sentence, followed by a line that starts in lower case, or
    that ends in a comma or a word like "the", "of", "and", is one paragraph hard-wrapped
    (text copied from a PDF or an e-mail), so the two are joined.
    """
    paragraphs: list[str] = []
    for part in _PARAGRAPH_BREAK.split(text):
        part = part.strip()
        if not part:
            continue
        if paragraphs and _is_wrapped(paragraphs[-1], part):
            paragraphs[-1] = f"{paragraphs[-1]} {part}"
        else:
            paragraphs.append(part)
    return paragraphs


def _is_certain_end(words: list[str], i: int) -> bool:
    """Whether a sentence surely ends between ``words[i - 1]`` and ``words[i]``."""
    return bool(_SAFE_END.search(words[i - 1]) and _NEXT_STARTS_SENTENCE.match(words[i]))


def _chunks(paragraph: str, limit: int) -> list[str]:
    """Cut a very long paragraph into pieces of about ``limit`` words at certain sentence ends."""
    words = paragraph.split()
    if len(words) <= limit:
        return _cut_chars(paragraph, limit * _CHARS_PER_WORD)
    pieces: list[str] = []
    start = 0
    while start < len(words):
        end = min(start + limit, len(words))
        if end < len(words):
            # Look backwards for a token that surely ends a sentence; if none, cut at the limit
            # (the hard wrap handles the rest).
            for i in range(end, start + limit // 2, -1):
                if _is_certain_end(words, i):
                    end = i
                    break
        pieces.append(" ".join(words[start:end]))
        start = end
    return [cut for piece in pieces for cut in _cut_chars(piece, limit * _CHARS_PER_WORD)]


def _split_long_quotation(sentence: str, *, min_words: int) -> list[str]:
    """Split a long pysbd "sentence" glued together by possessives written as tokens.

    pysbd never splits inside what it takes for a quotation, and tokenised news corpora (such
    as CNN/DailyMail) write the possessive as a token of its own ("the customers ' doors"),
    so two of them glue every sentence in between together. In a "sentence" of more than
    ``min_words`` words with such an apostrophe, a lowercase word ending in . ! or ? followed
    by a capitalised word is taken as a sentence end anyway. Real quotations, in double
    quotes or without spaced apostrophes, are left whole.
    """
    words = sentence.split()
    if len(words) <= min_words or not _SPACED_APOSTROPHE.search(sentence):
        return [sentence]
    pieces: list[str] = []
    start = 0
    for i in range(1, len(words)):
        if _is_certain_end(words, i):
            pieces.append(" ".join(words[start:i]))
            start = i
    pieces.append(" ".join(words[start:]))
    return pieces


def _split_glued(chunk: str) -> list[str]:
    """Cut ``chunk`` where a sentence end lost its space ("said.In"), keeping the text verbatim."""
    cuts = [m.end() for m in _GLUED_END.finditer(chunk)]
    if not cuts:
        return [chunk]
    bounds = [0, *cuts, len(chunk)]
    return [chunk[a:b] for a, b in itertools.pairwise(bounds) if chunk[a:b].strip()]


def _join_continuations(pieces: list[str]) -> list[str]:
    """Undo splits that the next piece continues: after "a.m."/"p.m." ("1:30 p.m. Sunday"),
    and before a comma, semicolon, colon or closing bracket, which no sentence opens with
    ("Sen. Marsha Blackburn, R-Tenn." | ", told Fox News")."""
    joined: list[str] = []
    for piece in pieces:
        if joined and _CONTINUES_CLAUSE.match(piece):
            joined[-1] = f"{joined[-1]}{piece}"  # the text had no space there
        elif joined and _CLOCK_END.search(joined[-1]) and _CONTINUES_TIME.match(piece):
            joined[-1] = f"{joined[-1]} {piece}"
        else:
            joined.append(piece)
    return joined


def _wrap(sentence: str, max_words: int) -> list[str]:
    """Hard-wrap a sentence of more than ``max_words`` words into balanced pieces."""
    words = sentence.split()
    if len(words) <= max_words:
        return _cut_chars(sentence, max_words * _CHARS_PER_WORD)
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
    return [cut for piece in pieces for cut in _cut_chars(piece, max_words * _CHARS_PER_WORD)]


def split_sentences(
    text: str, *, max_words: int = MAX_SENTENCE_WORDS, language: str = "en"
) -> list[str]:
    """Split ``text`` into sentences, in reading order.

    Args:
        text: Plain text; line breaks are treated as paragraph boundaries (a sentence never
            spans two lines).
        max_words: Longest sentence kept whole. Longer ones (usually text without punctuation)
            are hard-wrapped into pieces of at most this many words, so later stages never see
            one enormous "sentence". Text without spaces (e.g. Chinese) is cut every
            ``12 * max_words`` characters instead.
        language: pysbd language code for abbreviation rules ("en" also splits Chinese
            and Japanese full stops correctly; "de" knows "z. B." and "3. Oktober").

    Returns:
        Stripped sentences; whitespace inside a sentence is collapsed to single spaces.
    """
    if max_words < 1:
        raise ValueError(f"max_words must be at least 1, got {max_words}.")
    segmenter = _segmenter(language)
    abbreviations = _abbreviations(language)
    sentences: list[str] = []
    for paragraph in split_paragraphs(text):
        pieces: list[str] = []
        for chunk in _chunks(" ".join(paragraph.split()), MAX_CHUNK_WORDS):
            for part in _split_glued(chunk):
                plain = _plain_split(part, abbreviations)
                if plain is None:
                    # Processor.process() is what Segmenter.segment() runs before it maps
                    # sentences back to character offsets by compiling one regex per sentence,
                    # which costs most of the time and which we do not need (whitespace is
                    # normalised anyway).
                    plain = [str(raw) for raw in segmenter.processor(part).process()]
                pieces.extend(plain)
        for sentence in _join_continuations([" ".join(p.split()) for p in pieces]):
            if not sentence:
                continue
            for piece in _split_long_quotation(sentence, min_words=max_words // 2):
                sentences.extend(_wrap(piece, max_words))
    return sentences
