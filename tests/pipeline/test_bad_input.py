"""Bad input past loading: compare, summarise and brief on odd articles and odd arguments.

Every call gives a sane result or a :class:`~summarize.errors.SummarizeError` whose message
says what to do. Loading each bad file is covered in ``tests/inputs/test_bad_files.py``, the
command line in ``tests/cli/test_bad_input.py``.
"""

from __future__ import annotations

import json
import logging
import random
from pathlib import Path

import numpy as np
import pytest

from summarize import brief, load_articles, summarise
from summarize.comparison.comparison import compare
from summarize.defaults import MAX_SENTENCE_WORDS
from summarize.errors import ArticleError, InputError, ModelNotAvailableError
from summarize.pipeline.briefing import Briefing
from summarize.render.plots import heatmap_png
from tests._bad_input import (
    STORY,
    STORY_2,
    folder_of,
)

ENGLISH = (
    "The central bank raised its main interest rate to 4.5 percent on Thursday.\n\n"
    "Governor Anna Berg said inflation had stayed above target for too long. "
    "Markets had expected the move after weeks of strong wage data. "
    "Mortgage lenders said they would pass the increase on to borrowers within days.\n\n"
    "The opposition called the decision a blow to families already struggling with bills. "
    "The bank will publish its next forecast in May."
)


GERMAN = (
    "Die Zentralbank hat ihren Leitzins am Donnerstag auf 4,5 Prozent angehoben.\n\n"
    "Präsidentin Anna Berg sagte, die Inflation liege seit zu langer Zeit über dem Ziel. "
    "Die Märkte hatten den Schritt nach Wochen starker Lohndaten erwartet. "
    "Hypothekenbanken kündigten an, die Erhöhung binnen Tagen an ihre Kunden weiterzugeben.\n\n"
    "Die Opposition nannte die Entscheidung einen Schlag für Familien. "
    "Die Bank veröffentlicht ihre nächste Prognose im Mai."
)


CHINESE = (
    "中央银行周四将主要利率上调至4.5%。\n\n"
    "行长安娜·伯格表示，通胀长期高于目标。市场在数周强劲的工资数据后已预期此举。"
    "抵押贷款机构表示将在几天内把加息转嫁给借款人。\n\n"
    "反对派称这一决定对已经难以支付账单的家庭是一个打击。央行将于五月发布下一份预测。"
)


BOILERPLATE = (
    "Advertisement\n"
    "Subscribe to our newsletter\n"
    "Share on Facebook\n"
    "Share on Twitter\n"
    "Related stories\n"
    "Leave a comment\n"
    "© 2024 Example Media. All rights reserved.\n"
    "Advertisement\n"
)


# A page footer of short link labels, as scraped from most news sites.
FOOTER_LINKS = BOILERPLATE + "Cookie policy\nPrivacy policy\nTerms of use\nContact us\n"


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def all_sentences(articles) -> set[str]:
    return {sentence for article in articles for sentence in article.sentences}


def assert_sane_briefing(briefing, articles, *, max_words: int) -> None:
    """Checks every briefing must pass, whatever the input."""
    sources = {article.source for article in articles}
    assert briefing.digest.word_count <= max_words
    for sentence in briefing.digest.sentences:
        assert set(sentence.sources) <= sources
    json.loads(briefing.to_json())
    assert isinstance(briefing.to_markdown(), str)


# --------------------------------------------------------------------------- one article


def test_single_article_compare_and_brief(bundled_articles, embedder):
    article = bundled_articles[1]
    comparison = compare([article], embedder=embedder, collapse_copies=False)
    assert comparison.sources == (article.source,)
    assert comparison.similarity.shape == (1, 1)
    assert comparison.differences == ()
    assert all(claim.sources == (article.source,) for claim in comparison.claims)

    briefing = brief([article], max_words=80)
    assert_sane_briefing(briefing, [article], max_words=80)
    assert briefing.digest.sentences, "one article still deserves a digest"
    assert all(s.sources == (article.source,) for s in briefing.digest.sentences)
    # With no other outlet nothing is shared, unique or "possibly reported elsewhere": the
    # outputs say there is nothing to compare instead of listing every sentence as such.
    from summarize.render.markdown import comparison_markdown

    for text in (briefing.to_markdown(), comparison_markdown(comparison)):
        assert "Only one outlet: there is nothing to compare" in text
        assert "Possibly reported elsewhere" not in text and "Facts at a glance" not in text
    page = briefing.to_html()
    assert 'id="sz-one-outlet"' in page and "Possibly reported elsewhere" not in page


def test_no_articles_is_a_clear_error():
    for call in (compare, brief, summarise):
        with pytest.raises(InputError):
            call([])


# --------------------------------------------------------------------------- two identical articles


def test_two_identical_articles_overlap_fully(tmp_path, bundled_articles, embedder):
    text = bundled_articles[1].path.read_text(encoding="utf-8")
    articles = load_articles(write(tmp_path, {"a.txt": text, "b.txt": text}))
    assert len(articles) == 2
    assert articles[0].source != articles[1].source, "citations must tell the copies apart"

    comparison = compare(articles, embedder=embedder, collapse_copies=False)
    assert comparison.similarity[0, 1] == pytest.approx(1.0, abs=0.02)
    assert comparison.similarity[1, 0] == pytest.approx(1.0, abs=0.02)
    both = set(comparison.sources)
    assert comparison.claims
    assert all(set(claim.sources) == both for claim in comparison.claims)
    assert len(comparison.shared) == len(comparison.claims)
    assert all(not claims for claims in comparison.unique.values())
    assert comparison.differences == ()

    briefing = brief(articles, max_words=100, collapse_copies=False)  # both as outlets
    assert_sane_briefing(briefing, articles, max_words=100)
    assert all(set(s.sources) == both for s in briefing.digest.sentences)
    # By default a copy is not a second outlet: one report, cited as "a, via b".
    folded = brief(articles, max_words=100)
    assert folded.sources == ("a, via b",) and folded.families[0].sources == ("a", "b")
    assert all(s.sources == ("a, via b",) for s in folded.digest.sentences)


# --------------------------------------------------------------------------- 200 short articles


@pytest.mark.slow  # 200 articles through the whole pipeline
def test_two_hundred_short_articles(tmp_path, embedder):
    """A wire story republished by 200 outlets in a few wordings; four misreport a figure."""
    leads = [
        "Rivers near York rose three metres overnight after a day of heavy rain.",
        "Heavy rain sent rivers near York three metres higher overnight.",
        "River levels around York climbed three metres overnight after heavy rain.",
        "After heavy rain, rivers near York rose by three metres overnight.",
    ]
    homes = [
        "About 400 homes were evacuated, officials said.",
        "Officials said about 400 homes had been evacuated.",
        "Some 400 homes were evacuated, according to officials.",
    ]
    outliers = {f"outlet_{i:03d}" for i in (7, 57, 107, 157)}
    files = {}
    for i in range(200):
        second = homes[i % 3]
        if f"outlet_{i:03d}" in outliers:
            second = second.replace("400", "900")
        files[f"outlet_{i:03d}.txt"] = f"Floods in York\n\n{leads[i % 4]} {second}"
    articles = load_articles(write(tmp_path, files))
    assert len(articles) == 200
    assert len({article.source for article in articles}) == 200

    # Each outlet counted on its own: this test is about 200 outlets (by default the copies of
    # the few wordings fold into near-copy families, see tests/comparison/test_families.py).
    briefing = brief(articles, max_words=60, per_source_words=20, collapse_copies=False)
    comparison = briefing.comparison
    assert comparison.similarity.shape == (200, 200)
    assert np.all(np.isfinite(comparison.similarity))
    assert np.allclose(np.diag(comparison.similarity), 1.0, atol=0.02)
    assert len(briefing.per_source) == 200
    assert_sane_briefing(briefing, articles, max_words=60)
    assert briefing.digest.sentences
    # Nearly every outlet reports both facts, so the briefing cites most of them for each.
    assert max(claim.support for claim in comparison.claims) >= 150
    assert all(len(s.sources) >= 100 for s in briefing.digest.sentences)
    # Any disagreement found involves one of the four outlets that misreport the figure.
    for difference in comparison.differences:
        assert {difference.a.source, difference.b.source} & outliers, difference


# --------------------------------------------------------------------- languages other than English


@pytest.mark.parametrize(("name", "text"), [("german", GERMAN), ("chinese", CHINESE)])
def test_non_english_article_among_english(tmp_path, embedder, name, text, caplog):
    folder = write(tmp_path, {"english.txt": ENGLISH, f"{name}.txt": text})
    articles = load_articles(folder)
    assert len(articles) == 2
    foreign = next(article for article in articles if article.path and name in article.path.name)
    # The text survives cleaning and is split into more than one sentence.
    assert foreign.word_count > 0 or len(foreign.text) > 50
    assert len(foreign.sentences) >= 3, foreign.sentences

    with caplog.at_level(logging.WARNING):
        briefing = brief(articles, max_words=80)
    assert_sane_briefing(briefing, articles, max_words=80)
    assert set(all_sentences([foreign])) & {
        s.text for s in briefing.per_source[foreign.source].sentences
    }
    # The reader is told that the English models cannot be trusted on it, and where.
    language = {"german": "German", "chinese": "Chinese or Japanese"}[name]
    assert briefing.comparison.not_english == {foreign.source: language}
    markdown = briefing.to_markdown()
    assert f"] {foreign.source} ({language}) does not seem to be in English" in markdown
    assert "Not in English." in briefing.to_html()
    assert json.loads(briefing.to_json())["comparison"]["not_english"] == {foreign.source: language}
    assert Briefing.from_json(briefing.to_json()).comparison.not_english == {
        foreign.source: language
    }


def test_non_english_article_is_named_when_loaded(tmp_path, caplog):
    folder = write(tmp_path, {"english.txt": ENGLISH, "de.txt": GERMAN, "zh.txt": CHINESE})
    with caplog.at_level(logging.WARNING, logger="summarize.inputs"):
        load_articles(folder)
    [warning] = [r.getMessage() for r in caplog.records if "in English" in r.getMessage()]
    assert "2 articles do not seem to be in English" in warning
    assert "de.txt' (German)" in warning and "zh.txt' (Chinese or Japanese)" in warning
    assert "english.txt" not in warning


def test_english_story_has_no_language_warning(embedder):
    from summarize.render.markdown import comparison_markdown

    comparison = compare([ENGLISH, STORY, STORY_2], embedder=embedder)
    assert comparison.not_english == {}
    assert "not in English" not in comparison_markdown(comparison)


def test_many_non_english_articles_are_listed_ten_then_counted(embedder):
    from dataclasses import replace

    from summarize.render.html_comparison import not_english_warning
    from summarize.render.markdown import not_english_markdown

    comparison = compare([ENGLISH, STORY, STORY_2], embedder=embedder)
    names = [f"Outlet {i:02d}" for i in range(13)]
    many = replace(comparison, not_english=dict.fromkeys(names, "German"))
    numbers = {name: i + 1 for i, name in enumerate(names)}
    for text in (not_english_markdown(many, numbers), not_english_warning(many, numbers)):
        assert "[10] Outlet 09 (German) and 3 more do not seem to be in English" in text
        assert "Outlet 10" not in text


def test_non_english_alone(tmp_path, embedder):
    articles = load_articles(write(tmp_path, {"de.txt": GERMAN, "zh.txt": CHINESE}))
    briefing = brief(articles, max_words=60)
    assert_sane_briefing(briefing, articles, max_words=60)
    sentences = all_sentences(articles)
    assert all(s.text in sentences for s in briefing.digest.sentences)


def test_chinese_lead_sentence_is_not_taken_for_a_headline():
    from summarize.inputs.loading import article_from_text

    article = article_from_text(CHINESE, source="zh")
    assert article.sentences[0] == CHINESE.splitlines()[0]


# --------------------------------------------------------------------------- one enormous sentence


def test_one_enormous_sentence_without_punctuation(tmp_path, bundled_articles, embedder):
    rng = random.Random(1)
    words = " ".join(
        rng.choice(["the", "minister", "said", "talks", "would", "go", "on"]) for _ in range(3000)
    )
    folder = write(tmp_path, {"normal.txt": ENGLISH, "run_on.txt": "Run on\n\n" + words})
    articles = load_articles(folder)
    run_on = next(a for a in articles if a.path and a.path.name == "run_on.txt")
    assert run_on.word_count >= 2990, "the text must not be silently dropped"
    # Hard-wrapped into sentence-sized pieces, so no later stage sees one 3,000-word sentence.
    assert len(run_on.sentences) >= 3000 // MAX_SENTENCE_WORDS
    assert max(len(s.split()) for s in run_on.sentences) <= MAX_SENTENCE_WORDS

    digest = summarise(run_on, max_words=50)
    assert digest.word_count <= 50
    assert all(s.text in run_on.sentences for s in digest.sentences)

    briefing = brief(articles, max_words=80)
    assert_sane_briefing(briefing, articles, max_words=80)


# --------------------------------------------------------------------------- all boilerplate


def test_all_boilerplate_article_named_or_skipped(tmp_path, embedder, caplog):
    folder = write(tmp_path, {"good_1.txt": ENGLISH, "junk.txt": BOILERPLATE, "good_2.txt": GERMAN})
    with pytest.raises(ArticleError) as raised:
        load_articles(folder)
    assert "junk.txt" in str(raised.value)

    with caplog.at_level(logging.WARNING):
        articles = load_articles(folder, errors="skip")
    assert sorted(a.path.name for a in articles) == ["good_1.txt", "good_2.txt"]
    assert "junk.txt" in caplog.text, "skipping must be announced, naming the file"
    briefing = brief(articles, max_words=80)
    assert_sane_briefing(briefing, articles, max_words=80)


def test_footer_links_only_article_is_refused():
    """Short footer link labels ("Cookie policy", "Terms of use") are boilerplate too."""
    from summarize.inputs.loading import article_from_text

    with pytest.raises(ArticleError):
        article_from_text(FOOTER_LINKS, source="junk")


# --------------------------------------------------------------------------- arguments


def test_compare_takes_paths_like_brief_and_refuses_other_things(tmp_path):
    folder = folder_of(tmp_path, {"a.txt": STORY, "b.txt": STORY_2})
    from summarize.render import render

    loaded = render(compare(load_articles(folder), embedder="minilm-static"), "json")
    for path in (str(folder), folder, [folder / "a.txt", folder / "b.txt"]):
        assert render(compare(path, embedder="minilm-static"), "json") == loaded
    for wrong in (42, [42], [b"bytes"]):
        with pytest.raises(InputError, match="Article objects"):
            compare(wrong)  # type: ignore[arg-type]


def test_summarise_and_compare_take_an_embedder_name(tmp_path):
    articles = load_articles(folder_of(tmp_path, {"a.txt": STORY, "b.txt": STORY_2}))
    comparison = compare(articles, embedder="minilm-static")
    assert comparison.similarity.shape == (2, 2)
    with pytest.raises(InputError):
        summarise(articles[0], embedder=3.5)  # type: ignore[arg-type]


@pytest.mark.slow  # loads the torch transformer (~6 s loaded); the static name is tested above
def test_summarise_takes_a_transformer_embedder_name(tmp_path):
    articles = load_articles(folder_of(tmp_path, {"a.txt": STORY, "b.txt": STORY_2}))
    digest = summarise(articles[0], embedder="all-MiniLM-L6-v2", max_words=30)
    assert digest.sentences and all(s.text in articles[0].sentences for s in digest.sentences)


def test_embedder_folder_that_is_not_a_model(tmp_path, bundled_articles):
    not_a_model = tmp_path / "some-folder"
    not_a_model.mkdir()
    (not_a_model / "notes.txt").write_text("not a model", encoding="utf-8")
    with pytest.raises(ModelNotAvailableError) as info:
        brief(bundled_articles, embedder=str(not_a_model))
    assert str(not_a_model) in str(info.value)


def test_briefing_from_deep_or_huge_json():
    for text in ("[" * 100_000 + "]" * 100_000, '{"schema": ' + "1" * 5000 + "}"):
        with pytest.raises(InputError) as info:
            Briefing.from_json(text)
        assert "to_json" in str(info.value)


# ----------------------------------------------------------- hostile labels and sizes in the output


def test_dollar_signs_in_sources_and_file_names(tmp_path, embedder):
    folder = folder_of(
        tmp_path,
        {
            "$$.txt": STORY,
            "b.md": "---\nsource: Price $5 vs $6 \\frac{a}{b}$\n---\n" + STORY_2,
        },
    )
    articles = load_articles(folder)
    assert [a.source for a in articles] == ["$$", "Price $5 vs $6 \\frac{a}{b}$"]
    briefing = brief(articles, max_words=40, embedder=embedder)
    assert "$$" in briefing.to_html() and "$$" in briefing.to_markdown()
    png = heatmap_png(briefing.comparison.similarity, ["$$", "$x^{2$"], title="$$")
    assert png.startswith(b"\x89PNG")


def test_many_outlets_render_a_bounded_overlap_section(embedder):
    """Past 30 outlets the Markdown/HTML overlap is the top pairs, not an n x n table."""
    texts = [
        STORY.replace("Sunday", day) + f"\n\nOutlet {i} adds a line."
        for i, day in enumerate(["Sunday", "Monday"] * 20)
    ]
    articles = load_articles(texts)
    briefing = brief(  # 40 outlets, not two near-copy families
        articles, max_words=40, per_source_words=20, embedder=embedder, collapse_copies=False
    )
    markdown = briefing.to_markdown()
    section = markdown.split("## Overlap between outlets", 1)[1].split("\n## ", 1)[0]
    assert "40 outlets: the 20 highest pairs" in section
    # Story overlap (unless one line says all tell one story) and the share of matched facts.
    one_story = "articles tell one story" in section
    tables = (not one_story) + (briefing.comparison.fact_overlap is not None)
    assert section.count("\n| [") == 20 * tables
    html = briefing.to_html()
    assert html.count("<td>[") == 20 * tables
    loaded = Briefing.from_json(briefing.to_json())
    np.testing.assert_allclose(
        loaded.comparison.similarity, briefing.comparison.similarity, atol=1e-4
    )


def test_heatmap_of_thousands_of_outlets_is_drawn_from_blocks():
    n = 1200
    matrix = np.eye(n)
    matrix[5, 900] = matrix[900, 5] = 0.9  # one strong pair stays visible after pooling
    png = heatmap_png(matrix, [f"outlet {i}" for i in range(n)])
    assert png.startswith(b"\x89PNG")
