"""brief() on the bundled story with the real models: structure, citations, one alignment, JSON."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from summarize import Briefing, brief
from summarize.errors import InputError
from summarize.models.embeddings import Embedder
from summarize.summarizers.coherence import shorter_forms


@pytest.fixture(scope="module")
def briefing(bundled_briefing):
    return bundled_briefing


def test_briefing_holds_every_part(briefing, bundled_articles):
    sources = tuple(article.source for article in bundled_articles)
    assert briefing.articles == tuple(bundled_articles)
    assert briefing.sources == sources
    assert tuple(briefing.per_source) == sources
    assert briefing.comparison.sources == sources
    assert briefing.options.max_words == 150
    assert briefing.options.per_source_words == 80
    assert briefing.options.method == "extractive"
    assert 0 < briefing.digest.word_count <= 150
    for digest in briefing.per_source.values():
        assert 0 < digest.word_count <= 80


def test_merged_sentences_are_verbatim_and_cite_their_outlets(briefing, bundled_articles):
    by_source = {article.source: set(article.sentences) for article in bundled_articles}
    for sentence in briefing.digest.sentences:
        assert sentence.supported
        assert sentence.sources, f"uncited sentence: {sentence.text!r}"
        assert set(sentence.sources) <= set(by_source)
        # Verbatim, or a shorter form: a verbatim prefix of the sentence plus a full stop.
        assert any(
            sentence.text == s or sentence.text in shorter_forms(s)
            for source in sentence.sources
            for s in by_source[source]
        )
    # The merged digest draws on more than one outlet for this three-outlet story.
    assert len({s for sentence in briefing.digest.sentences for s in sentence.sources}) >= 2


def test_per_source_digests_quote_their_own_outlet(briefing, bundled_articles):
    for article in bundled_articles:
        digest = briefing.per_source[article.source]
        assert all(sentence.text in article.sentences for sentence in digest.sentences)
        assert all(article.source in sentence.sources for sentence in digest.sentences)


def test_alignment_is_computed_once_and_nothing_is_embedded_twice(
    briefing, bundled_articles, monkeypatch
):
    import summarize.comparison.alignment

    calls = []
    real_align = summarize.comparison.alignment.align

    def counting_align(*args, **kwargs):
        calls.append(1)
        return real_align(*args, **kwargs)

    monkeypatch.setattr(summarize.comparison.alignment, "align", counting_align)
    fresh = Embedder()
    again = brief(bundled_articles, embedder=fresh)
    assert len(calls) == 1
    distinct = {sentence for article in bundled_articles for sentence in article.sentences}
    assert fresh.encoded_count == len(distinct)
    assert again.options.embedder == fresh.model_name
    # A cold cache gives the same briefing, byte for byte.
    assert again.to_json() == briefing.to_json()
    assert again.to_markdown() == briefing.to_markdown()


def test_json_round_trips(briefing):
    text = briefing.to_json()
    again = Briefing.from_json(text)
    assert [(s.text, s.sources, s.supported) for s in again.digest.sentences] == [
        (s.text, s.sources, s.supported) for s in briefing.digest.sentences
    ]
    for source, digest in briefing.per_source.items():
        assert [(s.text, s.sources) for s in again.per_source[source].sentences] == [
            (s.text, s.sources) for s in digest.sentences
        ]
    assert again.articles == briefing.articles
    assert again.options == briefing.options
    original, loaded = briefing.comparison, again.comparison
    assert loaded.claims == original.claims
    assert loaded.shared == original.shared
    assert loaded.unique == original.unique
    assert loaded.differences == tuple(
        dataclasses.replace(d, score=round(d.score, 4)) for d in original.differences
    )
    np.testing.assert_allclose(loaded.similarity, original.similarity, atol=1e-4)
    assert again.to_json() == text  # loading and writing again changes nothing
    assert again.to_markdown() == briefing.to_markdown()


def test_from_json_rejects_other_documents(briefing):
    with pytest.raises(InputError, match="not a summarize briefing"):
        Briefing.from_json('{"hello": 1}')
    with pytest.raises(InputError, match="Not a JSON briefing"):
        Briefing.from_json("<html></html>")
    damaged = briefing.to_json().replace('"digest"', '"dijest"', 1)
    with pytest.raises(InputError, match="damaged"):
        Briefing.from_json(damaged)


def test_brief_accepts_a_path_like_load_articles(briefing, story_dir):
    from_path = brief(story_dir)
    assert from_path.to_json() == briefing.to_json()


def test_brief_accepts_raw_texts():
    texts = [
        "The city council approved a new budget of 4.2 million dollars on Monday. "
        "The mayor said the money would repair roads and schools. "
        "Critics said the plan ignores public transport.",
        "On Monday the council passed a 4.2 million dollar budget. "
        "Most of it will go to roads and schools, according to the mayor. "
        "A vote on bus fares was postponed to next month.",
    ]
    briefing = brief(texts, max_words=40)
    assert len(briefing.articles) == 2
    assert 0 < briefing.digest.word_count <= 40
    assert all(sentence.sources for sentence in briefing.digest.sentences)


def test_brief_rejects_bad_input(bundled_articles):
    with pytest.raises(InputError):
        brief([])
    twin = dataclasses.replace(bundled_articles[1], source=bundled_articles[0].source)
    with pytest.raises(InputError, match="distinct source"):
        brief([bundled_articles[0], twin])


def test_notebook_display_has_html_and_text(briefing):
    bundle = briefing._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/html"}
    assert bundle["text/plain"] == briefing.to_markdown()
    assert 'class="sz-root"' in bundle["text/html"]
    assert briefing.digest.sentences[0].text.split()[0] in bundle["text/html"]
    assert "Briefing(sources=" in repr(briefing)
