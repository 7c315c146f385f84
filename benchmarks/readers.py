"""Our hand-written readers of number words and dates against the well-kept libraries issue 29
suggests (text2num, dateparser), on real news sentences.

Takes the sentences of the first ``--rows`` Multi-News dev stories (pysbd, as the package
splits them) that our reader or the library may read, runs both, and prints how often they
agree, how long each takes, and the first ``--show`` disagreements to read by hand (which side
is right is a reader's call; BENCHMARKS.md has a judged sample).

* Number words: :func:`summarize.comparison.details.numbers`' word reader (``_NUM`` /
  ``_word_value`` plus a following scale word) against ``text_to_num.alpha2digit`` (the
  numbers it writes as digits that were words in the sentence).
* Dates: :func:`summarize.comparison.details.dates` (month-day dates, a weekday given the
  publication time) against ``dateparser.search.search_dates`` with the same base time.

Usage::

    python -m benchmarks.readers --eval-dir ../shared/eval --rows 40 --show 15
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import logging
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from summarize.comparison import details

logger = logging.getLogger("benchmarks.readers")

EVAL_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
BASE = dt.datetime(2015, 6, 10, 12, 0)  # a fixed publication time for weekdays
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_RELATIVE = re.compile(r"\b(?:yesterday|today|tomorrow|last week|this week)\b", re.IGNORECASE)


def news_sentences(eval_dir: Path, rows: int) -> list[str]:
    """The sentences of the first ``rows`` Multi-News dev stories, split as the package does."""
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    with (eval_dir / "multinews_dev100.jsonl").open(encoding="utf-8") as lines:
        stories = [json.loads(line)["documents"] for line in itertools.islice(lines, rows)]
    return [" ".join(s.split()) for docs in stories for doc in docs for s in segmenter.segment(doc)]


def our_number_words(sentence: str) -> list[float]:
    """Values of the number words our reader takes (no digits; "one" and capitalised words
    mid-sentence are skipped there too)."""
    found = []
    for match in details._NUM.finditer(sentence):
        raw = match.group(0)
        if match.group(2) or raw.lower() == "one" or (raw[:1].isupper() and match.start() > 0):
            continue
        value = details._word_value(raw)
        if value is None:
            continue
        if more := details._SCALE_AFTER.match(sentence[match.end() :]):
            value *= details._SCALE[more.group(1).lower()]
        found.append(value)
    return sorted(found)


def text2num_number_words(sentence: str) -> list[float]:
    """Numbers text2num writes as digits that were not digits in the sentence (``threshold=0``:
    small numbers too, as our reader reads them)."""
    from text_to_num import alpha2digit

    before = [float(d.replace(",", "")) for d in _DIGITS.findall(sentence)]
    written = alpha2digit(sentence, "en", threshold=0)
    after = [float(d.replace(",", "")) for d in _DIGITS.findall(written)]
    for value in before:
        if value in after:
            after.remove(value)
    return sorted(after)


def our_dates(sentence: str) -> list[tuple[int, int]]:
    return sorted({d.day for d in details.dates(sentence, BASE.date())})


def dateparser_dates(sentence: str) -> list[tuple[int, int]]:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": BASE, "PREFER_DATES_FROM": "past"}
    found = search_dates(sentence, languages=["en"], settings=settings) or []
    return sorted({(when.month, when.day) for _, when in found})


def compare_readers(
    name: str,
    sentences: Sequence[str],
    ours: Callable[[str], list],
    theirs: Callable[[str], list],
    show: int,
) -> None:
    """Run both readers, log agreement and time, print ``show`` disagreements."""
    started = time.perf_counter()
    mine = [ours(s) for s in sentences]
    own_time = time.perf_counter() - started
    started = time.perf_counter()
    library = [theirs(s) for s in sentences]
    library_time = time.perf_counter() - started
    differ = [(s, a, b) for s, a, b in zip(sentences, mine, library, strict=True) if a != b]
    print(
        f"\n{name}: {len(sentences)} sentences; agree on {len(sentences) - len(differ)}, "
        f"differ on {len(differ)}; ours {own_time * 1000:.0f} ms, "
        f"library {library_time * 1000:.0f} ms"
    )
    for sentence, a, b in differ[:show]:
        print(f"- {sentence[:150]!r}\n    ours: {a}\n    library: {b}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--rows", type=int, default=40, help="Multi-News dev stories to read")
    parser.add_argument("--show", type=int, default=15, help="disagreements to print per reader")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    sentences = news_sentences(args.eval_dir, args.rows)
    words = [s for s in sentences if re.search(details._NUMWORD, s, re.IGNORECASE)]
    compare_readers("Number words", words, our_number_words, text2num_number_words, args.show)
    dated = [
        s
        for s in sentences
        if details._MONTH_DAY.search(s) or details._WEEKDAY.search(s) or _RELATIVE.search(s)
    ]
    compare_readers("Dates", dated, our_dates, dateparser_dates, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
