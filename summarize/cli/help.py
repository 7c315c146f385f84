"""The command line's help texts: what ``summarize --help`` and each command's ``--help``
print around the option list (descriptions and examples)."""

from __future__ import annotations

import textwrap

DESCRIPTION = """\
Compare news articles about one story from different outlets: how far they overlap, what
each outlet said, what all report, what only one reports, where they differ, and one merged
briefing in which every sentence cites its outlets. Runs offline with bundled models.
"""

#: What every command that reads articles says after its examples.
INPUTS = """
PATH is a folder of articles (.txt, .md with front matter, .json/.jsonl, .html), files (also
a .csv/.tsv table, one article per row with a 'text' column), an http(s) URL of an article
page, or an RSS/Atom feed or sitemap (URL or .rss/.atom/.xml file).
Web pages are fetched politely (robots.txt, one host at a time) and cached on disk.
Exit codes: 0 ok, 1 input or model problem, 2 usage error.
"""

EXAMPLES = (
    """\
examples:
  summarize brief articles/may-putin-2016                 merged briefing as Markdown
  summarize brief articles/may-putin-2016 -o brief.html   one self-contained HTML page
  summarize brief a.txt b.md c.html --format json         any mix of files
  summarize compare story/ -o claims.csv                  claims x outlets table for pandas/sheets
  summarize brief https://a.example/story https://b.example/story    fetch the pages (cached)
  summarize stories pile/ -o out/                         group a mixed folder into stories,
                                                          one briefing each plus out/index.md
  summarize models                                        installed models, defaults, sizes
  summarize -q brief story/ -o brief.md                   only errors on stderr, no progress bars
  summarize -vv compare story/                            debug log on stderr

Each command's --help lists its options with an example of each (summarize brief --help).
"""
    + INPUTS
)

BRIEF_EXAMPLES = (
    """\
examples:
  summarize brief articles/may-putin-2016                 merged briefing as Markdown
  summarize brief articles/may-putin-2016 -o brief.html   one self-contained HTML page
  summarize brief a.txt b.md c.html --format json         any mix of files, JSON on stdout
  summarize brief story/ --max-words 100 --per-source-words 40    shorter digests
  summarize brief story/ --method abstractive --model SmolLM2-135M-Instruct
                                                          a generative model writes the digest
  summarize brief story/ --embedder all-MiniLM-L6-v2      align with the transformer (slower)
  summarize brief downloads/ --skip-bad --follow-links    leave out unreadable files (named on
                                                          stderr); read files linked from outside
  summarize brief story/ --no-progress -o brief.md        no progress bars on stderr
  summarize brief wire-story/ --keep-copies               count wire copies and updates as
                                                          separate outlets (default: once each)
  summarize brief story/ --claims sentences               claims of one sentence per outlet
                                                          (default: by fact, headline and lead
                                                          together)
  summarize brief https://a.example/story https://b.example/story --timeout 60
                                                          fetch the pages (cached), wait up to 60 s
  summarize brief https://outlet.example/rss --since 2026-12-01 --limit 5   a feed's newest entries
  summarize brief https://outlet.example/rss --offline    the same from the download cache only
  summarize brief http://intranet.local/feed --allow-private --limit 0
                                                          an internal feed, every entry
"""
    + INPUTS
)

COMPARE_EXAMPLES = (
    """\
examples:
  summarize compare articles/may-putin-2016               overlap, shared/unique claims, differences
  summarize compare story/ -o claims.csv                  claims x outlets table for pandas/sheets
  summarize compare story/ --format json                  everything as JSON on stdout
  summarize compare story/ --embedder all-MiniLM-L6-v2    align with the transformer (slower)
  summarize compare downloads/ --skip-bad --follow-links  leave out unreadable files (named on
                                                          stderr); read files linked from outside
  summarize compare story/ --no-progress -o compare.html  no progress bars on stderr
  summarize compare wire-story/ --keep-copies             count wire copies and updates as
                                                          separate outlets (default: once each)
  summarize compare story/ --claims sentences             claims of one sentence per outlet
                                                          (default: by fact)
  summarize compare https://outlet.example/rss --since 2026-12-01 --limit 3 --timeout 60
                                                          a feed's three newest entries
  summarize compare https://outlet.example/rss --offline  the same from the download cache only
  summarize compare http://intranet.local/feed --allow-private
                                                          entries on internal addresses too
"""
    + INPUTS
)

STORIES_EXAMPLES = """\
examples:
  summarize stories news-dump/                            the index of stories on stdout (Markdown)
  summarize stories news-dump/ --threshold 0.3            split more: smaller, tighter stories
  summarize stories news-dump/ -o out/                    out/index.md + out/story-001-....md
  summarize stories news-dump/ -o out/ --format html      browsable: open out/index.html
  summarize stories news-dump/ -o out/ --max-words 100 --per-source-words 40
                                                          shorter briefings
  summarize stories news-dump/ -o out/ --method abstractive --model SmolLM2-135M-Instruct
                                                          a generative model writes each digest
  summarize stories wire-dump/ -o out/ --keep-copies      count wire copies and updates as
                                                          separate outlets (default: once each)
  summarize stories news-dump/ -o out/ --claims sentences
                                                          claims of one sentence per outlet
  summarize stories dump.jsonl -o out/ --scheduler dask   briefings on a local Dask cluster
  summarize stories dump/ -o out/ --scheduler tcp://10.0.0.5:8786   on a running Dask cluster
  summarize stories dump/ --skip-bad --follow-links       leave out unreadable files (named on
                                                          stderr); read files linked from outside
  summarize stories dump/ --embedder all-MiniLM-L6-v2 --no-progress
                                                          the transformer; no progress bars
  summarize stories https://outlet.example/rss --since 2026-12-01 --limit 50 --timeout 60
                                                          a feed's 50 newest entries
  summarize stories https://outlet.example/rss --offline  the same from the download cache only
  summarize stories http://intranet.local/sitemap.xml --allow-private --limit 0
                                                          an internal sitemap, every entry

The index lists stories by number of outlets; without -o it goes to stdout and no story is
briefed (nothing is written). Exit codes: 0 ok, 1 input or model problem (also when some stories
failed: the others are written and the index marks the failed ones).
"""

MODELS_EXAMPLES = """\
examples:
  summarize models                                        each model: its role, whether it is a
                                                          default, its size and where it is

Choose models with --embedder (brief, compare, stories) and --model (brief --method
abstractive); models.md says which model does what and how to swap it.
"""


def wrap(text: str) -> str:
    """A description wrapped for the terminal (the raw formatter keeps the examples' layout,
    so it does not wrap descriptions itself)."""
    return textwrap.fill(text, width=92)
