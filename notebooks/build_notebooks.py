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
        "**What you should see:** the outlets overlap little: a couple of facts all of them "
        "report, a few that two report, and most of each article is its own.\n\n"
        "Three outlets reported the phone call between Theresa May and Vladimir Putin in "
        "August 2016, her first as Prime Minister. This notebook embeds every sentence once, "
        "aligns sentences across outlets into claims (facts), and shows which outlet reports "
        "which fact and how much each pair of articles overlaps."
    ),
    new_code_cell(SETUP),
    new_code_cell(LOAD),
    new_markdown_cell(
        "## Pairwise overlap\n\n`compare()` aligns the sentences (one embedding pass) and "
        "returns a `Comparison`. Its `similarity` matrix (article order) is the probability "
        "that two articles tell the same story; `fact_overlap`, drawn here, is the share of "
        "their sentences that report the same facts. Each outlet with itself (always 1) is "
        "greyed out; the colour scale is fixed at 0 to 1 and every cell prints its value."
    ),
    new_code_cell(
        "%matplotlib inline\n"
        "import numpy as np\n\n"
        "from summarize import compare\n"
        "from summarize.render import plots\n\n"
        "comparison = compare(articles)\n"
        "# Story overlap is about 1 for every pair of one story: one line says so.\n"
        "pairs = comparison.similarity[~np.eye(len(articles), dtype=bool)]\n"
        "if pairs.min() >= 0.95:\n"
        "    print(f'All {len(articles)} articles tell one story (story overlap >= 0.95).')\n"
        "else:\n"
        "    print('story overlap (probability):', comparison.similarity.round(2).tolist())\n"
        "plots.overlap_heatmap(comparison)  # fact_overlap, titled and labelled as such"
    ),
    new_markdown_cell(
        "## What each outlet shares\n\n"
        "Each outlet's facts, by who else reports them: all outlets (green), some (blue), "
        "outlets differ on a detail (red), only this outlet (amber), or only this outlet's "
        "wording while another outlet possibly says the same in other words (grey). These are "
        "the categories of every output (Markdown, HTML, CSV, JSON), with the same counts."
    ),
    new_code_cell("plots.outlet_facts(comparison)"),
    new_markdown_cell(
        "## Which outlet reports which fact\n\n"
        "Rows are facts (claims), columns outlets, grouped by the same categories (the legend "
        "below the grid), the most widely reported first; `#` is the claim number of the CSV "
        "and JSON. The "
        "table below has the same numbers, with each outlet's own wording (hover a cell to see "
        "where the sentence sits in its article); it shows the first rows, "
        "`claims_table(comparison, limit=None)` shows all."
    ),
    new_code_cell("plots.claims_grid(comparison, limit=None)"),
    new_code_cell(
        "from IPython.display import HTML\n\n"
        "from summarize.render.html import claims_table\n\n"
        "HTML(claims_table(comparison, limit=8))"
    ),
    new_markdown_cell(
        "## Every sentence, marked\n\nA `Comparison` displays itself: the facts at a glance, "
        "the overlap, one list per category, and each article sentence by sentence, coloured "
        "by the same categories: all outlets (green), some (blue), outlets differ on a detail "
        "(red; a sentence that gives another value is flagged ≠), only one outlet (amber), "
        "possibly reported elsewhere in other words (grey)."
    ),
    new_code_cell("comparison"),
    new_markdown_cell(
        "The same claims as a pandas DataFrame (one row per claim × outlet), e.g. the facts "
        "two or more outlets report, side by side:"
    ),
    new_code_cell(
        "import pandas as pd\n\n"
        "claims = comparison.to_frame()\n"
        "multi = claims[claims.reported & (claims.support >= 2)]\n"
        'with pd.option_context("display.max_colwidth", None):\n'
        '    display(multi.pivot(index="claim", columns="outlet", values="wording").fillna(""))'
    ),
]

DIGESTS = [
    new_markdown_cell(
        "# 2. What did each outlet say?\n\n"
        "**What you should see:** each outlet's digest comes from the top of its article, and "
        "few of the sentences it picks are facts the other outlets also report.\n\n"
        "One extractive digest per outlet (verbatim sentences, 80 words at most), side by side, "
        "then where in its article each picked sentence sits and who else reports it."
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
        "Grey ticks are every sentence of each article; dots are the sentences its digest "
        "picked, coloured by whether other outlets report the same fact (from the "
        "cross-source alignment)."
    ),
    new_code_cell(
        "%matplotlib inline\n"
        "from summarize import compare\n"
        "from summarize.render import plots\n\n"
        "comparison = compare(articles)\n"
        "plots.digest_positions(comparison, digests)"
    ),
    new_markdown_cell("The same picks as a table, full sentences:"),
    new_code_cell(
        "import pandas as pd\n\n"
        "claims = comparison.to_frame()\n"
        "nobody = {'elsewhere': 'no other outlet (one possibly says it in other words)',\n"
        "          'unique': 'only this outlet',\n"
        "          'disputed': 'no other outlet in these words (outlets differ on a detail)'}\n"
        "rows = []\n"
        "for article in articles:\n"
        "    for sentence in digests[article.source].sentences:\n"
        "        position = article.sentences.index(sentence.text)\n"
        "        mine = claims[(claims.outlet == article.source) & claims.reported]\n"
        "        # a sentence that states two facts is in two claims: both count\n"
        "        theirs = mine[mine.sentences.map(lambda s: position in s)]\n"
        "        claim = theirs.iloc[0]\n"
        "        same = claims[claims.claim.isin(theirs.claim) & claims.reported]\n"
        "        others = list(dict.fromkeys(o for o in same.outlet if o != article.source))\n"
        "        rows.append({\n"
        '            "outlet": article.source,\n'
        '            "sentence": f"{position + 1} of {len(article.sentences)}",\n'
        '            "also reported by": ", ".join(others) or nobody[claim.category],\n'
        '            "text": sentence.text,\n'
        "        })\n"
        'with pd.option_context("display.max_colwidth", None):\n'
        "    display(pd.DataFrame(rows))"
    ),
    new_markdown_cell("A single `Digest` also displays itself, with its citations:"),
    new_code_cell("digests[articles[0].source]"),
]

#: Notebook 03 walks through the invented demo story (articles/demo-ferry), written so that one
#: briefing shows a wire copy, agreement in other words, an update, disputes and a unique fact.
DEMO_SETUP = SETUP.replace("STORY = find_story()", 'STORY = find_story("demo-ferry")')

BRIEFING = [
    new_markdown_cell(
        "# 3. The merged briefing\n\n"
        "**What you should see:** a short briefing whose every sentence cites the outlets "
        "behind it; a wire copy counted once; the same death toll in digits and in words cited "
        "as agreement; a death toll a later report revised (an update); a figure, a date and a "
        "name the outlets really disagree on; and what only one outlet reports.\n\n"
        "The story is **invented** (`articles/demo-ferry`, see its README): six articles about "
        "a ferry that capsized in a storm, from five made-up outlets, written for this "
        "repository so that one briefing shows every feature. The real example used elsewhere "
        "is `articles/may-putin-2016`.\n\n"
        "`brief()` runs the whole pipeline once (align, compare, summarise) and returns a "
        "`Briefing`: a merged digest in which every sentence cites the outlets that report it, "
        "what all outlets agree on, what only one reports, and where they differ."
    ),
    new_code_cell(DEMO_SETUP),
    new_code_cell(
        "from summarize import brief\n\nbriefing = brief(STORY, max_words=150)\nbriefing"
    ),
    new_markdown_cell(
        "## A wire copy counts once\n\n"
        "The Harbour Gazette ran the Coastal Press Agency report almost word for word. Copies "
        "of one report are one *family*, cited once, so they do not look like independent "
        "corroboration."
    ),
    new_code_cell(
        "for family in briefing.families:\n"
        "    print(family.label)\n"
        "    for copy in family.copies:\n"
        "        print(f'   {copy.source}: {copy.share:.0%} shared with {copy.closest}')"
    ),
    new_markdown_cell(
        "## The cited briefing\n\n"
        "Each sentence cites the outlets that report the same fact; under it, the other "
        "outlets' own wording. The death toll is \"At least 23\" in one outlet and "
        "\"Twenty-three\" in another: the same figure, so both are cited."
    ),
    new_code_cell(
        "numbers = {source: n for n, source in enumerate(briefing.sources, start=1)}\n"
        "for sentence in briefing.digest.sentences:\n"
        "    cites = ''.join(f\"[{numbers[s]}]\" for s in sentence.sources) or '(unsupported)'\n"
        "    print(f\"- {sentence.text} {cites}\")\n"
        "    for source, text in sentence.wording:\n"
        "        if text != sentence.text:\n"
        "            print(f\"    [{numbers[source]}] {text}\")\n"
        "print()\n"
        "for source, n in numbers.items():\n"
        '    print(f"[{n}] {source}")'
    ),
    new_markdown_cell(
        "## Which outlets it rests on\n\nHow many of the briefing's sentences cite each "
        "outlet."
    ),
    new_code_cell(
        "%matplotlib inline\n"
        "from summarize.render import plots\n\n"
        "plots.citation_counts(briefing)"
    ),
    new_markdown_cell(
        "## Where they differ\n\n"
        "Facts the outlets report with different values (a count, a date, a name): one line "
        "per disputed detail with every value and the outlets giving it. When publication "
        "times order the values, a later report revised the figure: an *update* (the death "
        "toll rose during the day). The missing, the date and the captain's name are real "
        "disagreements."
    ),
    new_code_cell(
        "for dispute in briefing.comparison.disputes:\n"
        "    print('-', dispute.describe())"
    ),
    new_markdown_cell(
        "The same as a table, one row per value given, with the outlets' sentences:"
    ),
    new_code_cell(
        "import pandas as pd\n\n"
        "from summarize.render.frames import disputes_frame\n\n"
        "disputes = disputes_frame(briefing.comparison)\n"
        'with pd.option_context("display.max_colwidth", None):\n'
        "    display(disputes)"
    ),
    new_markdown_cell(
        "## Only one outlet reports\n\n"
        "Facts no other outlet reports, not even possibly in other words (a sentence close to "
        "one in another outlet is left out of this list rather than called unique)."
    ),
    new_code_cell(
        "for source, claims in briefing.comparison.unique.items():\n"
        "    for claim in claims:\n"
        "        print(f\"[{numbers[source]}] {source}: {claim.sentences[0].text}\")"
    ),
    new_markdown_cell(
        "## When each outlet published\n\n"
        "From the `published:` times in the story's `sources.yaml` (see the README): the wire "
        "report in the morning, the revised death toll in the evening. Outlets without a date "
        "would be left out, not guessed."
    ),
    new_code_cell("plots.timeline(briefing.articles)"),
    new_markdown_cell(
        "## As data frames\n\n`briefing.to_frame()` has one row per digest sentence (merged "
        "first, then each outlet's); `briefing.comparison.to_frame()` one row per claim × "
        "outlet. Both hold what the JSON output holds."
    ),
    new_code_cell(
        "frame = briefing.to_frame()\n"
        "frame[frame.digest == 'merged'][['position', 'sources', 'supported', 'text']]"
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
        "**What you should see:** the pile falls apart into its separate stories, wire copies "
        "count as one report, and each story gets its own cited briefing.\n\n"
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
        "from summarize import group_stories\n"
        "from summarize.wording import counted  # '1 outlet', '2 outlets'\n\n"
        "stories = group_stories(pile)\n"
        "for number, story in enumerate(stories, start=1):\n"
        '    dates = f"{story.first_published} to {story.last_published}" if story.first_published else "no dates"\n'
        '    print(f"{number}. {story.label}")\n'
        '    print(f"   {counted(len(story.outlets), \'outlet\')}, "\n'
        '          f"{counted(story.independent_reports, \'independent report\')}, {dates}")\n'
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
