"""Peak memory (RSS) and wall time of the full pipeline on oversized inputs.

Each case runs in a fresh child process (``python -m benchmarks.memory --case NAME``), so model
loading is included and one case's memory cannot hide another's. The parent reads the child's own
peak RSS from ``os.wait4`` (``ru_maxrss``), which covers everything the child ever held.

Cases:
    baseline     load the bundled story and brief it (the fixed cost: torch, models, spaCy)
    long         one 100,000-word article next to two normal ones (the bundled story's first two)
    many         200 articles of about 150 words each
    short-N      N short articles (about 50 words, a headline and three sentences) for N in
                 200, 1000, 5000: shows how memory and time grow with the number of articles
    near-N       N two-line files that differ by a name and a number (one wire item reworded
                 by a template: the near-copy families and story overlap under a big pile)
    names-N      N two-line files that differ by a name only (every copy's figures are read)
    same-N       N identical two-line files (one wire item N times)
    tiny-N       N distinct two-line files (a headline and one sentence each)
                 near-, names-, same- and tiny- run for N in 2000 and 10000 (issue 28)

The synthetic text is built from the bundled story's own vocabulary with a fixed seed, so every
sentence is distinct (no embedding-cache shortcuts) and runs are repeatable.

Usage::

    .venv/bin/python -m benchmarks.memory                 # all cases, Markdown table on stdout
    .venv/bin/python -m benchmarks.memory --cases long    # one case
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "articles" / "may-putin-2016"
SHORT_COUNTS = (200, 1000, 5000)
PILE_COUNTS = (2000, 10000)
PILES = ("near", "names", "same", "tiny")
CASES = (
    "baseline",
    "long",
    "many",
    *(f"short-{n}" for n in SHORT_COUNTS),
    *(f"{pile}-{n}" for pile in PILES for n in PILE_COUNTS),
)
LIMIT_GIB = 4.0


def _vocabulary() -> list[str]:
    words: list[str] = []
    for path in sorted(STORY.glob("*.txt")):
        words += re.findall(r"[A-Za-z][A-Za-z'-]+", path.read_text(encoding="utf-8"))
    return sorted(set(words))


def synthetic_text(n_words: int, *, seed: int) -> str:
    """Plain news-like text of about ``n_words`` words: distinct sentences, 5 per paragraph."""
    rng = random.Random(seed)
    vocab = _vocabulary()
    paragraphs: list[str] = []
    sentences: list[str] = []
    count = 0
    while count < n_words:
        length = rng.randint(12, 28)
        words = rng.choices(vocab, k=length)
        words.insert(rng.randrange(length), str(rng.randint(2, 9999)))  # keeps sentences distinct
        sentence = " ".join(words)
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
        count += len(words)
        if len(sentences) == 5:
            paragraphs.append(" ".join(sentences))
            sentences = []
    if sentences:
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


_NAMES = ("Maria Lopez", "John Smith", "Ahmed Khan", "Li Wei", "Anna Novak", "Tom Berg")
_PLACES = ("Springfield", "Riverton", "Lakeside", "Hillview", "Oakdale", "Portsmouth")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def pile_texts(pile: str, count: int) -> list[str]:
    """``count`` two-line article texts (a headline and one sentence) of one hostile kind:
    "near", one wire item with a changed name, place, weekday or number in each; "names", with
    another name only; "same", one wire item ``count`` times; "tiny", distinct synthetic texts
    (fixed seed, repeatable)."""
    rng = random.Random(28)
    # Words a cleaner takes for page furniture ("Newsletter") would empty a one-line article.
    vocab = [w for w in _vocabulary() if not re.search(r"(?i)newsletter|subscri|cookie", w)]
    texts = []
    for i in range(count):
        if pile == "same":
            texts.append(
                "Fire at warehouse in Springfield\n\nFirefighters in Springfield said a fire at "
                "a warehouse on Monday injured 12 people, police told the Associated Press.\n"
            )
        elif pile == "near":
            name, place = rng.choice(_NAMES), rng.choice(_PLACES)
            day, number = rng.choice(_WEEKDAYS), rng.randint(2, 500)
            texts.append(
                f"Fire at warehouse in {place}\n\nFirefighters in {place} said a fire at a "
                f"warehouse on {day} injured {number} people, {name} told the Associated "
                f"Press (item {i}).\n"
            )
        elif pile == "names":
            name = f"{rng.choice(_NAMES)}-{rng.choice(vocab)}"
            texts.append(
                "Fire at warehouse in Springfield\n\nFirefighters in Springfield said a fire at "
                f"a warehouse on Monday injured 12 people, {name} told the Associated Press.\n"
            )
        elif pile == "tiny":
            words = [*rng.choices(vocab, k=14), str(rng.randint(2, 9999))]
            texts.append(f"Brief item {i}\n\n{' '.join(words).capitalize()}.\n")
        else:
            raise SystemExit(f"unknown pile {pile!r}; choose from {', '.join(PILES)}")
    return texts


def _write_case(case: str, folder: Path) -> None:
    if case == "baseline":
        for path in sorted(STORY.iterdir()):
            (folder / path.name).write_bytes(path.read_bytes())
    elif case == "long":
        for path in sorted(STORY.glob("*.txt"))[:2]:
            (folder / path.name).write_bytes(path.read_bytes())
        (folder / "zz_long.txt").write_text(
            "A very long report\n\n" + synthetic_text(100_000, seed=7), encoding="utf-8"
        )
    elif case == "many":
        for i in range(200):
            (folder / f"article_{i:03d}.txt").write_text(
                f"Report number {i}\n\n" + synthetic_text(150, seed=1000 + i), encoding="utf-8"
            )
    elif case.startswith("short-"):
        for i in range(int(case.removeprefix("short-"))):
            (folder / f"short_{i:05d}.txt").write_text(
                f"Short report {i}\n\n" + synthetic_text(50, seed=100_000 + i), encoding="utf-8"
            )
    elif case.partition("-")[0] in PILES:
        pile, _, count = case.partition("-")
        for i, text in enumerate(pile_texts(pile, int(count))):
            (folder / f"{pile}_{i:05d}.txt").write_text(text, encoding="utf-8")
    else:
        raise SystemExit(f"unknown case {case!r}; choose from {', '.join(CASES)}")


def run_child(case: str) -> dict[str, object]:
    """Run one case in this process and return its measurements (called in the child)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _write_case(case, folder)
        start = time.perf_counter()
        from summarize import brief, load_articles

        articles = load_articles(folder)
        loaded = time.perf_counter()
        briefing = brief(articles)
        output = briefing.to_json()
        done = time.perf_counter()
    return {
        "case": case,
        "articles": len(articles),
        "words": sum(article.word_count for article in articles),
        "sentences": sum(len(article.sentences) for article in articles),
        "load_s": round(loaded - start, 2),
        "brief_s": round(done - loaded, 2),
        "json_bytes": len(output.encode("utf-8")),
    }


def measure(case: str) -> dict[str, object]:
    """Run ``case`` in a fresh child process; return its result plus peak RSS and wall time."""
    env = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.memory", "--child", case],
        stdout=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        return {"case": case, "error": f"exit code {process.returncode}", "wall_s": round(wall, 1)}
    result = json.loads(output.decode("utf-8").strip().splitlines()[-1])
    peak_kib = usage.ru_maxrss  # KiB on Linux
    result["peak_rss_mib"] = round(peak_kib / 1024)
    result["wall_s"] = round(wall, 1)
    # CPU seconds the child used (user + system): unlike wall time, not inflated when other
    # jobs share the cores.
    result["cpu_s"] = round(usage.ru_utime + usage.ru_stime, 1)
    result["within_limit"] = peak_kib / 1024**2 <= LIMIT_GIB
    return result


def table(results: list[dict[str, object]]) -> str:
    head = (
        "| case | articles | words | sentences | peak RSS (MiB) | wall (s) | CPU (s) | load (s) "
        "| brief (s) | within 4 GiB |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    )
    rows = []
    for r in results:
        if "error" in r:
            rows.append(f"| {r['case']} | failed: {r['error']} | | | | {r['wall_s']} | | | | no |")
            continue
        rows.append(
            f"| {r['case']} | {r['articles']} | {r['words']:,} | {r['sentences']:,} "
            f"| {r['peak_rss_mib']:,} | {r['wall_s']} | {r['cpu_s']} | {r['load_s']} "
            f"| {r['brief_s']} "
            f"| {'yes' if r['within_limit'] else 'NO'} |"
        )
    return "\n".join([head, *rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", nargs="+", choices=CASES, default=list(CASES))
    parser.add_argument("--child", choices=CASES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_child(args.child)))
        return 0
    results = []
    for case in args.cases:
        result = measure(case)
        print(json.dumps(result), file=sys.stderr)
        results.append(result)
    print(table(results))
    return 0 if all(r.get("within_limit") for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
