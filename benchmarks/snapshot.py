"""Write briefings to a folder, to check that a refactor changes no output byte.

The bundled story as Markdown, HTML and JSON, plus the first N usable stories of Multi-News dev
and NeuS val (``../shared/eval``) as Markdown and JSON, all through the public API only, so the
script runs unchanged before and after a change of layout. Usage::

    .venv/bin/python -m benchmarks.snapshot /tmp/before
    # ... change the code ...
    .venv/bin/python -m benchmarks.snapshot /tmp/after && diff -r /tmp/before /tmp/after
"""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT.parent / "shared" / "eval"
SETS = ("multinews_dev100", "neus_allsides_val")

logger = logging.getLogger("snapshot")


def _rows(name: str, limit: int) -> list[dict]:
    rows = []
    with (EVAL_DIR / f"{name}.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if not row.get("quality_flag") and len(row["documents"]) > 1:
                rows.append(row)
            if len(rows) == limit:
                break
    return rows


def write_snapshot(out: Path, *, stories: int) -> int:
    """Write every briefing under ``out``; returns how many files were written."""
    from summarize import brief, load_articles

    out.mkdir(parents=True, exist_ok=True)
    bundled = brief(ROOT / "articles" / "may-putin-2016")
    (out / "bundled.md").write_text(bundled.to_markdown(), encoding="utf-8")
    (out / "bundled.html").write_text(bundled.to_html(), encoding="utf-8")
    (out / "bundled.json").write_text(bundled.to_json(), encoding="utf-8")
    written = 3
    if not EVAL_DIR.is_dir():
        logger.warning("%s not found: only the bundled story was written", EVAL_DIR)
        return written
    for name in SETS:
        for row in _rows(name, stories):
            articles = load_articles(list(row["documents"]), errors="skip")
            briefing = brief(articles)
            stem = out / f"{name}-{row['id']}"
            stem.with_suffix(".md").write_text(briefing.to_markdown(), encoding="utf-8")
            stem.with_suffix(".json").write_text(briefing.to_json(), encoding="utf-8")
            written += 2
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the briefings into")
    parser.add_argument("--stories", type=int, default=20, help="stories per eval set")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logger.info("%d files written to %s", write_snapshot(args.out, stories=args.stories), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
