"""Write the example notebooks (without outputs) from the cell sources below.

Run from the repository root after editing a cell here:
    .venv/bin/python notebooks/build_notebooks.py
The test suite executes the notebooks and fails if any is committed with outputs.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

SETUP = '''\
from pathlib import Path


def find_story(name: str = "may-putin-2016") -> Path:
    """The bundled story, found from wherever this notebook runs inside the repository."""
    for folder in (Path.cwd(), *Path.cwd().parents):
        candidate = folder / "articles" / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"articles/{name} not found above {Path.cwd()}; run this notebook inside the repository."
    )


STORY = find_story()
STORY.name'''

LOAD = """\
from summarize import load_articles

articles = load_articles(STORY)
for number, article in enumerate(articles, start=1):
    print(f"[{number}] {article.source}: {article.title!r}, "
          f"{len(article.sentences)} sentences, {article.word_count} words, "
          f"{len(article.removed)} lines removed by cleaning")"""

OVERLAP = [
    new_markdown_cell(
        "# 1. How far do the outlets overlap?\n\n"
        "Three outlets reported the May–Putin meeting of September 2016. This notebook embeds "
        "every sentence once, aligns sentences across outlets, and shows how much each pair of "
        "articles overlaps and which sentences say the same thing."
    ),
    new_code_cell(SETUP),
    new_code_cell(LOAD),
    new_markdown_cell(
        "## Pairwise overlap\n\n`compare()` aligns the sentences (one embedding pass) and "
        "returns a `Comparison`. Its `similarity` matrix is in article order."
    ),
    new_code_cell(
        "from summarize import compare\n\n"
        "comparison = compare(articles)\n"
        "comparison.similarity.round(2)"
    ),
    new_code_cell(
        "import matplotlib.pyplot as plt\n\n"
        "from summarize.render.plots import heatmap\n\n"
        'fig, ax = plt.subplots(figsize=(7, 4.5), layout="constrained")\n'
        "heatmap(comparison.similarity, comparison.sources, ax=ax)\n"
        "plt.show()"
    ),
    new_markdown_cell(
        "## Aligned sentences, side by side\n\n"
        "Each row is one claim: the sentences from different outlets that state the same fact. "
        "Claims reported by the most outlets come first."
    ),
    new_code_cell(
        "from IPython.display import HTML\n\n"
        "from summarize.render.html import aligned_table\n\n"
        "multi = [claim for claim in comparison.claims if claim.support >= 2]\n"
        'print(f"{len(comparison.claims)} claims, {len(multi)} reported by 2+ outlets")\n'
        "HTML(aligned_table(comparison, limit=12))"
    ),
    new_markdown_cell(
        "## Every sentence, marked\n\nA `Comparison` displays itself: shared (green), "
        "reported by some (blue), only one outlet (yellow), differing in a detail (red)."
    ),
    new_code_cell("comparison"),
]

DIGESTS = [
    new_markdown_cell(
        "# 2. What did each outlet say?\n\n"
        "One extractive digest per outlet (verbatim sentences, 80 words at most), side by side, "
        "and what each outlet chose to lead with."
    ),
    new_code_cell(SETUP),
    new_code_cell(LOAD),
    new_code_cell(
        "from summarize import summarise\n\n"
        "digests = {article.source: summarise(article, max_words=80) for article in articles}\n"
        "for source, digest in digests.items():\n"
        '    print(f"{source}: {len(digest.sentences)} sentences, {digest.word_count} words")'
    ),
    new_markdown_cell("## One column per outlet"),
    new_code_cell(
        "from IPython.display import HTML\n\n"
        "from summarize.render.html import digest_columns\n\n"
        "HTML(digest_columns(digests))"
    ),
    new_markdown_cell(
        "## What each chose\n\n"
        "Where in its article each outlet's digest sentences sit, and whether another outlet "
        "reports the same fact (from the cross-source alignment)."
    ),
    new_code_cell(
        "from summarize import compare\n\n"
        "comparison = compare(articles)\n"
        "support = {}\n"
        "for claim in comparison.claims:\n"
        "    for ref in claim.sentences:\n"
        "        others = [s for s in claim.sources if s != ref.source]\n"
        "        support[(ref.source, ref.text)] = others\n\n"
        "for article in articles:\n"
        "    digest = digests[article.source]\n"
        '    print(f"\\n{article.source} ({len(article.sentences)} sentences)")\n'
        "    for sentence in digest.sentences:\n"
        "        position = article.sentences.index(sentence.text) + 1\n"
        "        others = support.get((article.source, sentence.text), [])\n"
        "        also = ', '.join(others) if others else 'only this outlet'\n"
        '        print(f"  #{position:>2}  [{also}]  {sentence.text[:90]}")'
    ),
    new_markdown_cell("A single `Digest` also displays itself, with its citations:"),
    new_code_cell("digests[articles[0].source]"),
]

BRIEFING = [
    new_markdown_cell(
        "# 3. The merged briefing\n\n"
        "`brief()` runs the whole pipeline once (align, compare, summarise) and returns a "
        "`Briefing`: a merged digest in which every sentence cites the outlets that report it, "
        "what all outlets agree on, what only one reports, and where they differ."
    ),
    new_code_cell(SETUP),
    new_code_cell(
        "from summarize import brief\n\nbriefing = brief(STORY, max_words=150)\nbriefing"
    ),
    new_markdown_cell("## The cited briefing"),
    new_code_cell(
        "numbers = {source: n for n, source in enumerate(briefing.sources, start=1)}\n"
        "for sentence in briefing.digest.sentences:\n"
        "    cites = ''.join(f\"[{numbers[s]}]\" for s in sentence.sources) or '(unsupported)'\n"
        '    print(f"- {sentence.text} {cites}")\n'
        "print()\n"
        "for source, n in numbers.items():\n"
        '    print(f"[{n}] {source}")'
    ),
    new_markdown_cell("## What all outlets agree on"),
    new_code_cell(
        "for claim in briefing.comparison.shared:\n    print('-', claim.sentences[0].text)"
    ),
    new_markdown_cell("## What only one outlet reports"),
    new_code_cell(
        "for source, claims in briefing.comparison.unique.items():\n"
        '    print(f"\\n{source}: {len(claims)} claims only here")\n'
        "    for claim in claims[:5]:\n"
        "        print('  -', claim.sentences[0].text[:110])"
    ),
    new_markdown_cell(
        "## Where they differ\n\n"
        "Aligned sentences whose numbers, dates, names or negation disagree."
    ),
    new_code_cell(
        "if not briefing.comparison.differences:\n"
        "    print('No aligned sentences disagree.')\n"
        "for difference in briefing.comparison.differences:\n"
        '    print(f"{difference.kind}: {difference.left!r} ({difference.a.source}) vs "\n'
        '          f"{difference.right!r} ({difference.b.source})")\n'
        "    print('   ', difference.a.text)\n"
        "    print('   ', difference.b.text)"
    ),
    new_markdown_cell(
        "## Saving it\n\nThe same briefing as Markdown, one self-contained HTML page, or JSON "
        "that loads back with `Briefing.from_json`."
    ),
    new_code_cell(
        "from summarize import Briefing\n\n"
        "markdown, page, data = briefing.to_markdown(), briefing.to_html(), briefing.to_json()\n"
        "again = Briefing.from_json(data)\n"
        "assert again.digest == briefing.digest\n"
        'print(f"Markdown {len(markdown):,} chars, HTML {len(page):,}, JSON {len(data):,}")\n'
        "print(markdown[:1200])"
    ),
]

NOTEBOOKS = {
    "01-overlap.ipynb": OVERLAP,
    "02-per-source-digests.ipynb": DIGESTS,
    "03-merged-briefing.ipynb": BRIEFING,
}


def build() -> None:
    for name, cells in NOTEBOOKS.items():
        notebook = new_notebook(
            cells=cells,
            metadata={
                "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                "language_info": {"name": "python"},
            },
        )
        for number, cell in enumerate(notebook.cells):
            cell["id"] = f"{Path(name).stem[:2]}-{number:02d}"  # stable ids: clean diffs
        nbformat.validate(notebook)
        nbformat.write(notebook, HERE / name)


# --------------------------------------------------------------------------- 04: stories

STORIES_SETUP = '''\
from pathlib import Path


def find_folder(name: str) -> Path:
    """A folder under articles/, found from wherever this notebook runs inside the repository."""
    for folder in (Path.cwd(), *Path.cwd().parents):
        candidate = folder / "articles" / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"articles/{name} not found above {Path.cwd()}")


FOLDERS = [find_folder("mixed-news-day"), find_folder("may-putin-2016")]
[folder.name for folder in FOLDERS]'''

STORIES = [
    new_markdown_cell(
        "# 4. From a pile of articles to stories\n\n"
        "Real input is rarely one story: a feed dump or a day's downloads mixes many events, "
        "and the same wire report turns up under several outlets' names. This notebook puts "
        "two folders in one pile (a small mixed news day written for this repository, and the "
        "bundled May–Putin story), groups the pile into stories, shows which outlet covered "
        "what, and briefs one story."
    ),
    new_code_cell(STORIES_SETUP),
    new_code_cell(
        "from summarize import load_articles\n\n"
        "pile = load_articles(FOLDERS)\n"
        'print(f"{len(pile)} articles from {len({a.source for a in pile})} source labels")'
    ),
    new_markdown_cell(
        "## Group them\n\n"
        "`group_stories` compares every article with its nearest neighbours only (no "
        "all-pairs matrix, so it scales to tens of thousands) and groups by average link. "
        "Inside a story, near-copies (a wire report and the outlets that ran it, or an "
        "article and its update) form one *family*: one independent report."
    ),
    new_code_cell(
        "from summarize import group_stories\n\n"
        "stories = group_stories(pile)\n"
        "for number, story in enumerate(stories, start=1):\n"
        '    dates = f"{story.first_published} to {story.last_published}" if story.first_published else "no dates"\n'
        '    print(f"{number}. {story.label}")\n'
        '    print(f"   {len(story.outlets)} outlets, {story.independent_reports} independent reports, {dates}")\n'
        "    for family in story.families:\n"
        "        if len(family.sources) > 1:\n"
        '            print(f"   near-copies: {family.label}")'
    ),
    new_markdown_cell(
        "## Coverage per outlet\n\nRows are outlets, columns the stories above (same "
        "numbers); each cell counts that outlet's articles in the story."
    ),
    new_code_cell(
        "import matplotlib.pyplot as plt\n\n"
        "from summarize.render.stories import coverage_plot\n\n"
        'fig, ax = plt.subplots(figsize=(6, 4.5), layout="constrained")\n'
        "coverage_plot(stories, ax=ax)\n"
        "plt.show()"
    ),
    new_markdown_cell(
        "## One briefing per story\n\n"
        "`brief_many` briefs every story: here, in this process. On a Dask cluster it is the "
        "same call with `scheduler=\"dask\"` (a local cluster) or `scheduler=\"tcp://host:8786\"` "
        "(a running one), and gives the same bytes. A story's briefing cites each near-copy "
        "family once, under a name such as *AP, via Daily Ledger and Northern Courier*."
    ),
    new_code_cell(
        "from summarize import brief_many\n\n"
        "briefings = brief_many(stories, progress=False)\n"
        "for story, briefing in zip(stories, briefings):\n"
        '    print(f"{story.label[:60]:60}  cites {len(briefing.sources)}: {\', \'.join(briefing.sources)}")'
    ),
    new_code_cell("briefings[0]"),
]


def build_stories_notebook() -> None:
    """Write 04-stories.ipynb (kept apart from the three single-story notebooks)."""
    name = "04-stories.ipynb"
    notebook = new_notebook(
        cells=STORIES,
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
    )
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"04-{number:02d}"  # stable ids: clean diffs
    nbformat.validate(notebook)
    nbformat.write(notebook, HERE / name)


if __name__ == "__main__":
    build()
    build_stories_notebook()
