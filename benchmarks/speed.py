"""Speed benchmark: our embedder and whole ``brief()`` pipeline vs sumy LexRank, side by side.

Everything runs in one process, interleaved (each repeat runs every system once, in rotating
order), on the same Multi-News clusters from ``../shared/eval/multinews_dev100.jsonl``:

* (a) the embedder alone on the clusters' sentences, with a cold sentence cache each repeat
  (the model itself is loaded once, before timing): the default static embedder, and for
  reference the transformer it is distilled from (all-MiniLM-L6-v2, torch and ONNX Runtime);
* (b) the whole ``brief()`` pipeline from raw text (clean, split, embed, align, compare, merged
  digest, per-source digests), with a fresh embedder (cold sentence cache) each repeat; also
  (b') with ``embedder="all-MiniLM-L6-v2"``;
* (c) sumy LexRank over the same clusters, at the same word budget (``benchmarks/peers.py``).

Throughput is sentences per second, where "sentences" is the same count for every system (the
clusters' sentences as split by ``peers.split_sentences``); medians over repeats. Also reported:
CPU-time throughput (process CPU seconds, less sensitive to other load on the machine), the
load average during the run, peak RSS of each system in a fresh process, the cold start of the
README's main command, ``summarize --help``, the warm seed-story briefing, and scaling with
1-100 articles in one story. Usage::

    .venv/bin/python -m benchmarks.speed                 # prints a markdown report
    .venv/bin/python -m benchmarks.speed --write         # also updates BENCHMARKS.md "## Speed"
    .venv/bin/python -m benchmarks.speed --clusters 5 --repeats 1 --sizes 1 3 --skip-rss  # quick
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import peers

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

EVAL_FILE = ROOT.parent / "shared" / "eval" / "multinews_dev100.jsonl"
STORY = ROOT / "articles" / "may-putin-2016"
CLI = ROOT / ".venv" / "bin" / "summarize"
SYSTEMS = ("embedder", "embedder_minilm", "embedder_onnx", "brief", "brief_minilm", "lexrank")
TRANSFORMER = "all-MiniLM-L6-v2"
TRANSFORMER_SYSTEMS = ("embedder_minilm", "embedder_onnx", "brief_minilm")

logger = logging.getLogger("speed")


# --- inputs ------------------------------------------------------------------------------------


def load_clusters(path: Path | None = None, limit: int | None = None) -> list[dict]:
    """Usable clusters (no ``quality_flag``), documents stripped of empty ones (``path``:
    default :data:`EVAL_FILE`, which ``--eval-dir`` sets)."""
    path = path or EVAL_FILE
    if not path.exists():
        raise SystemExit(f"{path} not found: the speed benchmark needs ../shared/eval.")
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            documents = [d for d in row["documents"] if d.strip()]
            if row.get("quality_flag") or not documents:
                continue
            rows.append({**row, "documents": documents})
    return rows[:limit] if limit else rows


def budget(row: dict) -> int:
    return len(row["references"][0].split())


def count_sentences(rows: Sequence[dict]) -> int:
    return sum(len(peers.split_sentences(d)) for row in rows for d in row["documents"])


# --- the three systems -------------------------------------------------------------------------


def new_embedder(backend: str | None, model: str | None = None):  # type: ignore[no-untyped-def]
    """A fresh :class:`~summarize.models.embeddings.Embedder` (empty sentence cache; model
    shared)."""
    from summarize.models.embeddings import Embedder

    if backend is None:
        return Embedder(model)
    return Embedder(model, backend=backend)  # type: ignore[arg-type]


def make_systems(
    rows: Sequence[dict], backend: str | None, *, transformer: bool = True
) -> dict[str, Callable[[], None]]:
    """One callable per system; each processes every cluster once (``transformer``: also the
    all-MiniLM-L6-v2 reference rows)."""

    systems: dict[str, Callable[[], None]] = {}
    # The embedder's input: our own splitter's sentences (what brief() embeds), split untimed.
    try:
        from summarize.inputs.sentences import split_sentences
    except ImportError:  # pragma: no cover - before sentences.py landed
        split_sentences = peers.split_sentences
    cluster_sentences = [[s for d in row["documents"] for s in split_sentences(d)] for row in rows]

    def embed_with(backend: str | None, model: str | None) -> Callable[[], None]:
        def run() -> None:
            encoder = new_embedder(backend, model)
            for sentences in cluster_sentences:
                encoder.encode(sentences)

        return run

    systems["embedder"] = embed_with(backend, None)
    if transformer:
        systems["embedder_minilm"] = embed_with(None, TRANSFORMER)
        if importlib.util.find_spec("onnxruntime") is not None:
            systems["embedder_onnx"] = embed_with("onnx", TRANSFORMER)
    try:
        from summarize import brief
        from summarize.inputs.loading import load_articles

        def whole_with(model: str | None) -> Callable[[], None]:
            def run() -> None:
                for row in rows:
                    encoder = new_embedder(backend if model is None else None, model)
                    # Documents that are only page furniture are skipped, as a user would.
                    articles = load_articles(row["documents"], errors="skip")
                    brief(articles, max_words=budget(row), embedder=encoder)

            return run

        systems["brief"] = whole_with(None)
        if transformer:
            systems["brief_minilm"] = whole_with(TRANSFORMER)
    except ImportError as error:  # pragma: no cover - before briefing.py landed
        logger.warning("brief() not available yet (%s); skipping (b)", error)

    def lexrank() -> None:
        for row in rows:
            peers.lexrank(row["documents"], max_words=budget(row))

    systems["lexrank"] = lexrank
    return systems


@dataclass
class Timings:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


def time_interleaved(systems: dict[str, Callable[[], None]], repeats: int) -> dict[str, Timings]:
    """Run each system once per repeat, rotating the order, after one untimed warm-up each."""
    names = list(systems)
    for name in names:  # warm-up: model loading, spaCy, quantisation, sumy imports
        logger.info("warm-up %s", name)
        systems[name]()
    results = {name: Timings() for name in names}
    for repeat in range(repeats):
        order = names[repeat % len(names) :] + names[: repeat % len(names)]
        for name in order:
            wall, cpu = time.perf_counter(), time.process_time()
            systems[name]()
            results[name].wall.append(time.perf_counter() - wall)
            results[name].cpu.append(time.process_time() - cpu)
            logger.info("repeat %d %s: %.2fs wall", repeat, name, results[name].wall[-1])
    return results


# --- fresh-process measurements ----------------------------------------------------------------


def run_child(args: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, int, int]:
    """(wall seconds, peak RSS in MiB, exit code) of a child process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(args),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss // 1024, process.returncode


def child_main(system: str, clusters: int, backend: str | None) -> None:
    """Run one system over the clusters once (for a fresh process's peak RSS)."""
    rows = load_clusters(limit=clusters)
    make_systems(rows, backend, transformer=system in TRANSFORMER_SYSTEMS)[system]()


def peak_rss(clusters: int, backend: str | None) -> dict[str, int]:
    out = {}
    for system in SYSTEMS:
        logger.info("peak RSS: %s in a fresh process", system)
        _, rss, code = run_child(
            [
                sys.executable, "-m", "benchmarks.speed", "--child", system,
                "--clusters", str(clusters), *(["--backend", backend] if backend else []),
                "--eval-dir", str(EVAL_FILE.parent),
            ]
        )  # fmt: skip
        if code == 0:
            out[system] = rss
    return out


def cli_timings(repeats: int) -> dict[str, float]:
    """Median wall seconds of `summarize --help` and of the README's main command (cold)."""
    out: dict[str, float] = {}
    if not CLI.exists():
        return out
    for label, args in (
        ("help", [str(CLI), "--help"]),
        ("brief_cold", [str(CLI), "brief", str(STORY.relative_to(ROOT))]),
    ):
        runs = [run_child(args) for _ in range(repeats)]
        if all(code == 0 for _, _, code in runs):
            out[label] = statistics.median(wall for wall, _, _ in runs)
            out[label + "_rss"] = max(rss for _, rss, _ in runs)
    # The very first run on a machine also distils the static embedder (once).
    import tempfile

    with tempfile.TemporaryDirectory() as cache:
        wall, rss, code = run_child(
            [str(CLI), "brief", str(STORY.relative_to(ROOT))], env={"SUMMARIZE_CACHE": cache}
        )
    if code == 0:
        out["brief_first"], out["brief_first_rss"] = wall, rss
    return out


def seed_warm(backend: str | None, repeats: int) -> float | None:
    """Median seconds of brief() on the bundled story with models loaded, fresh sentence cache."""
    try:
        from summarize import brief
    except ImportError:  # pragma: no cover
        return None

    brief(STORY, embedder=new_embedder(backend)).to_markdown()  # type: ignore[arg-type]
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        brief(STORY, embedder=new_embedder(backend)).to_markdown()  # type: ignore[arg-type]
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def scaling(sizes: Sequence[int], backend: str | None) -> list[tuple[int, int, float, float]]:
    """(articles, sentences, seconds, CPU seconds) of brief() on one story pooled from
    Multi-News articles, loading included."""
    from summarize import brief
    from summarize.inputs.loading import load_articles

    pool = [d for row in load_clusters() for d in row["documents"]]
    out = []
    for size in sizes:
        documents = pool[:size]
        sentences = sum(len(peers.split_sentences(d)) for d in documents)
        start, cpu = time.perf_counter(), time.process_time()
        # Some Multi-News documents are nothing but page furniture: skipped, as a user would.
        articles = load_articles(documents, errors="skip")
        brief(articles, embedder=new_embedder(backend))  # type: ignore[arg-type]
        out.append((size, sentences, time.perf_counter() - start, time.process_time() - cpu))
        logger.info("scaling %d articles: %.2fs", size, out[-1][2])
    return out


# --- report ------------------------------------------------------------------------------------


def report(
    *,
    command: str,
    clusters: int,
    sentences: int,
    repeats: int,
    backend: str | None,
    timings: dict[str, Timings],
    load: tuple[float, float],
    rss: dict[str, int],
    cli: dict[str, float],
    warm: float | None,
    scale: list[tuple[int, int, float, float]],
) -> str:
    def rate(values: list[float]) -> float:
        return sentences / statistics.median(values)

    lines = [
        f"Command: `{command}`",
        "",
        f"Machine: {os.cpu_count()} CPUs ({platform.processor() or platform.machine()}), "
        f"Python {platform.python_version()}; embedder backend `{backend or 'default'}`; "
        f"{clusters} Multi-News clusters, {sentences} sentences; medians of {repeats} "
        f"interleaved repeats. Load average (1 min) at start/end: {load[0]:.1f} / {load[1]:.1f} "
        "(anything above ~2 means other processes shared the 2 cores, which slows wall-clock "
        "rates; the CPU-time rate is less sensitive to that).",
        "",
        "| system | sentences/s (wall) | sentences/s (CPU time) | peak RSS, fresh process |",
        "|---|---:|---:|---:|",
    ]
    labels = {
        "embedder": "(a) embedder alone (default `minilm-static`), cold cache",
        "embedder_minilm": f"(a') reference: `{TRANSFORMER}` transformer alone, torch",
        "embedder_onnx": f"(a'') reference: `{TRANSFORMER}` alone, `backend='onnx'`",
        "brief": "(b) whole `brief()` pipeline (default embedder)",
        "brief_minilm": f"(b') whole `brief()` pipeline, `embedder='{TRANSFORMER}'`",
        "lexrank": "(c) sumy LexRank",
    }
    for name in SYSTEMS:
        if name not in timings:
            if name in ("embedder_minilm", "embedder_onnx", "brief_minilm"):
                continue
            lines.append(f"| {labels[name]} | not available | | |")
            continue
        memory = f"{rss[name]} MiB" if name in rss else "n/a"
        lines.append(
            f"| {labels[name]} | {rate(timings[name].wall):.0f} | "
            f"{rate(timings[name].cpu):.0f} | {memory} |"
        )
    if "brief" in timings:
        wall_ratio = rate(timings["brief"].wall) / rate(timings["lexrank"].wall)
        cpu_ratio = rate(timings["brief"].cpu) / rate(timings["lexrank"].cpu)
        lines += ["", f"Ratio (b)/(c): **{wall_ratio:.2f}** wall, {cpu_ratio:.2f} CPU time."]
    lines += ["", "| command | seconds | peak RSS |", "|---|---:|---:|"]
    if "help" in cli:
        lines.append(f"| `summarize --help` | {cli['help']:.2f} | {cli['help_rss']} MiB |")
    if "brief_cold" in cli:
        lines.append(
            f"| `summarize brief articles/may-putin-2016` (cold process, to briefing printed) | "
            f"{cli['brief_cold']:.2f} | {cli['brief_cold_rss']} MiB |"
        )
    if "brief_first" in cli:
        lines.append(
            "| the same, first run on a machine (empty cache: distils the static embedder) | "
            f"{cli['brief_first']:.2f} | {cli['brief_first_rss']} MiB |"
        )
    if warm is not None:
        lines.append(
            f"| seed-story `brief()` warm (models loaded, fresh sentence cache) | {warm:.2f} | |"
        )
    if scale:
        lines += [
            "",
            "Scaling: `brief()` on one story of N Multi-News articles (pooled across clusters).",
            "",
            "| articles | sentences | seconds | CPU seconds | ms per sentence | growth exponent "
            "vs previous |",
            "|---:|---:|---:|---:|---:|---:|",
        ]
        import math

        previous = None
        for size, count, seconds, cpu in scale:
            exponent = ""
            if previous and count > previous[0]:
                exponent = f"{math.log(seconds / previous[1]) / math.log(count / previous[0]):.2f}"
            lines.append(
                f"| {size} | {count} | {seconds:.2f} | {cpu:.2f} | {1000 * seconds / count:.1f} "
                f"| {exponent} |"
            )
            previous = (count, seconds)
    return "\n".join(lines)


def write_benchmarks(markdown: str, notes: str = "") -> None:
    """Replace the measured part of BENCHMARKS.md's "## Speed" section, keeping the notes
    between the section's ``<!-- notes -->`` markers."""
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8")
    start = text.index("## Speed")
    end = text.find("\n## ", start + 1)
    end = len(text) if end == -1 else end + 1
    section = text[start:end]
    if "<!-- notes -->" in section:
        notes = section[section.index("<!-- notes -->") : section.rindex("<!-- /notes -->")]
        notes += "<!-- /notes -->\n\n"
    body = f"## Speed\n\n_Section owned by `benchmarks/speed.py`._\n\n{markdown}\n\n{notes}"
    path.write_text(text[:start] + body + text[end:], encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    global EVAL_FILE
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clusters", type=int, default=20, help="first N usable clusters")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--backend", default=None, help="Embedder backend (default: its default)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1, 3, 10, 30, 100])
    parser.add_argument("--skip-rss", action="store_true", help="skip fresh-process peak RSS")
    parser.add_argument("--skip-cli", action="store_true", help="skip the CLI timings")
    parser.add_argument(
        "--skip-transformer", action="store_true", help=f"skip the {TRANSFORMER} reference rows"
    )
    parser.add_argument(
        "--eval-dir",
        type=Path,
        default=EVAL_FILE.parent,
        help="folder with multinews_dev100.jsonl (default: ../shared/eval; from a git worktree "
        "pass /work/shared/eval or wherever it is)",
    )
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    parser.add_argument("--child", choices=SYSTEMS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)

    EVAL_FILE = args.eval_dir / EVAL_FILE.name
    backend = args.backend
    if args.child:
        child_main(args.child, args.clusters, backend)
        return 0

    rows = load_clusters(limit=args.clusters)
    sentences = count_sentences(rows)
    load_start = os.getloadavg()[0]
    # Children first: a forked child's peak RSS counts the parent's memory at fork time, so
    # they must start before this process loads any model.
    rss = {} if args.skip_rss else peak_rss(args.clusters, backend)
    cli = {} if args.skip_cli else cli_timings(args.repeats)
    systems = make_systems(rows, backend, transformer=not args.skip_transformer)
    timings = time_interleaved(systems, args.repeats)
    warm = seed_warm(backend, args.repeats)
    scale = scaling(args.sizes, backend) if args.sizes else []
    load_end = os.getloadavg()[0]
    command = " ".join([".venv/bin/python -m benchmarks.speed", *(argv or sys.argv[1:])])
    markdown = report(
        command=command.strip(),
        clusters=len(rows),
        sentences=sentences,
        repeats=args.repeats,
        backend=backend,
        timings=timings,
        load=(load_start, load_end),
        rss=rss,
        cli=cli,
        warm=warm,
        scale=scale,
    )
    print(markdown)
    logger.info(
        "this process's peak RSS: %d MiB",
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    )
    if args.write:
        write_benchmarks(markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
