"""Article building: clean a text, pick its headline, split its sentences, into an :class:`Article`.

Every reader (:mod:`summarize.inputs.formats`, :mod:`summarize.inputs.pages`, raw text) ends
here, in :func:`build_article`; :func:`unique_sources` then labels one call's articles apart.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from summarize.defaults import DEFAULT_MAX_BYTES, MAX_SENTENCE_WORDS
from summarize.errors import DecodingError, EmptyArticleError
from summarize.inputs.cleaning import clean_text, is_link
from summarize.inputs.files import display
from summarize.inputs.junk import junk_reason
from summarize.inputs.language import not_english
from summarize.inputs.metadata import clean_label, strip_invisible
from summarize.inputs.metadata_dates import iso_published
from summarize.inputs.sentences import split_sentences
from summarize.terminal import printable
from summarize.types import Article
from summarize.wording import counted, listed

__all__ = [
    "LoadOptions",
    "article_from_raw",
    "build_article",
    "extra_metadata",
    "str_or_none",
    "unique_sources",
    "warn_identical",
    "warn_not_english",
    "warn_unreadable_dates",
]

logger = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class LoadOptions:
    """How files are read and sentences split; one per :func:`load_articles` call."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_sentence_words: int = MAX_SENTENCE_WORDS
    language: str = "en"
    follow_links: bool = False
    #: ``errors="skip"``: broken records of a ``.json``/``.jsonl`` file are skipped with a
    #: warning and the rest kept (otherwise the file raises, naming the first).
    skip_bad: bool = False


def extra_metadata(meta: Mapping[str, Any]) -> dict[str, str]:
    """Keys other than the ones Article has fields for (values already checked, as text)."""
    known = {"source", "title", "url", "published", "text", "body", "content"}
    return {str(k): str(v) for k, v in meta.items() if k not in known and v is not None}


def str_or_none(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


# A first line ending like a sentence is body text, not a headline ("?" is left out on purpose:
# headlines often ask). Full stops of other scripts count too: CJK "。", Hindi "।", Urdu "۔".
_SENTENCE_END = re.compile(r"[.!;。！；．।۔][\"'”’)\]」』）]*$")
_MAX_HEADLINE_WORDS = 20


def _looks_like_headline(line: str) -> bool:
    """A first line is a headline when it is short (at most 20 words) and does not end like a
    sentence: "Kenya's celebrity lion Mohawk is dead." is the lead, not a headline; a bare link
    is no headline either."""
    return (
        len(line.split()) <= _MAX_HEADLINE_WORDS
        and _SENTENCE_END.search(line) is None
        and not is_link(line)
    )


def article_from_raw(text: str, *, index: int, options: LoadOptions) -> Article:
    """The ``index``-th raw text of a :func:`load_articles` list, labelled "text <index>"."""
    return build_article(text, source=f"text {index}", options=options, where=f"text {index}")


def build_article(
    text: str,
    *,
    source: str,
    where: str,
    options: LoadOptions,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    path: Path | None = None,
    first_line_is_title: bool | None = None,
    metadata: dict[str, str] | None = None,
) -> Article:
    """Clean ``text``, pick the headline, split sentences; raise if nothing is left.

    ``where`` names the input in error messages; ``first_line_is_title=None`` guesses whether
    the first line is a headline; ``metadata`` holds the keys Article has no field for.
    ``published`` is stored as ISO 8601 (:func:`~summarize.inputs.metadata_dates.iso_published`);
    text that is no readable date is kept in ``metadata["published_as_given"]`` instead.
    """
    metadata = {} if metadata is None else metadata
    _check_encodable(
        {"text": text, "source": source, "title": title, "url": url, "published": published}
        | metadata,
        where=where,
        path=path,
    )
    given, published = published, iso_published(published)
    if given and given.strip() and published is None:
        metadata = {**metadata, "published_as_given": given.strip()}
    text = strip_invisible(text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise EmptyArticleError(
            f"{where} is empty (no text, or only whitespace). Add the article text or remove it.",
            path=path,
        )
    headline: str | None = None
    if len(lines) > 1:
        if first_line_is_title is None:
            first_line_is_title = _looks_like_headline(lines[0])
        if first_line_is_title:
            headline = lines.pop(0)
    title = title or headline
    cleaned = clean_text("\n".join(lines), source=source, title=title)
    removed = ((headline,) if headline else ()) + cleaned.removed
    reasons = (("headline",) if headline else ()) + cleaned.reasons
    if not cleaned.kept:
        shown = "; ".join(
            f"{line[:60]!r} ({why})"
            for line, why in zip(cleaned.removed, cleaned.reasons, strict=True)
        )
        links = (
            " Links in a file are not followed: pass the URLs themselves to fetch the pages."
            if "link" in cleaned.reasons
            else ""
        )
        raise EmptyArticleError(
            f"{where} has no article text left after removing boilerplate: {shown}. "
            f"Check that it holds the article itself, not just page furniture.{links}",
            path=path,
        )
    clean = cleaned.text
    sentences = tuple(
        split_sentences(clean, max_words=options.max_sentence_words, language=options.language)
    )
    if sentences and all(junk_reason(sentence) for sentence in sentences):  # stops at news
        shown = "; ".join(f"{s[:60]!r} ({junk_reason(s)})" for s in sentences[:4])
        raise EmptyArticleError(
            f"{where} has no article text left: every sentence is page furniture: {shown}. "
            "Check that it holds the article itself, not just page furniture.",
            path=path,
        )
    if title is None:
        words = sentences[0].split() if sentences else []
        title = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
    return Article(
        source=clean_label(source) or (path.stem if path is not None else "text"),
        title=clean_label(title),
        text=clean,
        sentences=sentences,
        removed=removed,
        removed_reasons=reasons,
        path=path,
        url=url,
        published=published,
        metadata=metadata,
    )


def _check_encodable(fields: Mapping[str, str | None], *, where: str, path: Path | None) -> None:
    """Raise :class:`DecodingError` for text holding a lone surrogate (a JSON ``"\\ud800"``
    escape, say): it cannot be written to any UTF-8 output."""
    for key, value in fields.items():
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise DecodingError(
                f"{where}: '{printable(key)}' holds an unpaired surrogate "
                f"(\\u{ord(value[error.start]):04x} at character {error.start}), which is not "
                "text. Fix the escape in the file, or remove the field.",
                path=path,
            ) from None


def unique_sources(articles: list[Article]) -> list[Article]:
    """Append " (2)", " (3)"... to repeated source labels, so each names one article."""
    counts = Counter(article.source for article in articles)
    used: set[str] = set()
    seen: Counter[str] = Counter()
    result = []
    for article in articles:
        label = article.source
        if counts[label] > 1:
            seen[label] += 1
            n = seen[label]
            candidate = label if n == 1 else f"{label} ({n})"
            while candidate in used or (n > 1 and candidate in counts):
                n += 1
                candidate = f"{label} ({n})"
            label = candidate
        used.add(label)
        result.append(
            article if label == article.source else dataclasses.replace(article, source=label)
        )
    return result


#: Set on the log record of :func:`warn_identical` (``extra``), so a caller that reports the
#: same files again, folded as near-copies, can leave this line out (the command line does).
IDENTICAL_TEXTS = "summarize_identical_texts"


def warn_identical(articles: list[Article]) -> None:
    """One warning naming the articles whose text repeats an earlier one's exactly, with a
    count and the first few (10,000 copies make one line, not 10,000). All are loaded;
    :func:`summarize.brief`, :func:`summarize.compare` and :func:`summarize.summarise` then
    count such copies once as near-copies unless told not to (``collapse_copies=False``)."""
    per_file: Counter[Path | None] = Counter(article.path for article in articles)
    first: dict[str, str] = {}
    repeats: list[tuple[str, str]] = []
    for article in articles:
        name = _name(article, alone=per_file[article.path] == 1)
        if article.text in first:
            repeats.append((name, first[article.text]))
        else:
            first[article.text] = name
    if not repeats:
        return
    shown = listed([f"{name} (same as {original})" for name, original in repeats], limit=3)
    logger.warning(
        "%s the same text as an earlier one: %s. Each is loaded as an article; brief, compare "
        "and summarise then count copies once (with collapse_copies=False or --keep-copies, "
        "apart). Remove the ones that are duplicates by mistake.",
        counted(len(repeats), "article has", "articles have"),
        shown,
        extra={IDENTICAL_TEXTS: len(repeats)},
    )


def warn_unreadable_dates(articles: list[Article]) -> None:
    """One warning for every article whose publication date could not be read (left out, its
    text kept in ``metadata["published_as_given"]``), with a count and the first few."""
    unread = [a for a in articles if "published_as_given" in a.metadata]
    if not unread:
        return
    shown = listed(
        [
            f"{_name(a, alone=False)} ({printable(a.metadata['published_as_given'][:40])!r})"
            for a in unread
        ],
        limit=3,
    )
    logger.warning(
        "%s: the publication date is not a date summarize can read, so it is left out (kept in "
        "metadata['published_as_given']). Write it as 2024-05-14 or 2024-05-14T08:00:00+00:00.",
        f"{counted(len(unread), 'article')}: {shown}" if len(unread) > 1 else shown,
    )


def warn_not_english(articles: list[Article]) -> None:
    """One warning naming the articles that do not read as English, and what they seem to be
    in, with a count and the first few. They are loaded and briefed; the models are English
    ones, so what is said about them is not to be trusted."""
    foreign = [(a, language) for a in articles if (language := not_english(a.text))]
    if not foreign:
        return
    per_file: Counter[Path | None] = Counter(article.path for article in articles)
    shown = listed(
        [f"{_name(a, alone=per_file[a.path] == 1)} ({language})" for a, language in foreign],
        limit=3,
    )
    logger.warning(
        "%s not seem to be in English: %s. %s loaded, but the models are English ones, so "
        "matches, citations and disputes involving %s are not reliable. Translate %s into "
        "English first for a faithful comparison.",
        counted(len(foreign), "article does", "articles do"),
        shown,
        "It is" if len(foreign) == 1 else "They are",
        "it" if len(foreign) == 1 else "them",
        "it" if len(foreign) == 1 else "them",
    )


def _name(article: Article, *, alone: bool = True) -> str:
    """The file an article came from; its label too when the file holds several (JSON)."""
    if article.path is None:
        return printable(article.source)
    if alone:
        return display(article.path)
    return f"{printable(article.source)!r} in {display(article.path)}"
