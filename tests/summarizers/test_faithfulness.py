"""The faithfulness guard flags generated sentences no source backs."""

from __future__ import annotations

import pytest

from summarize.comparison.alignment import align
from summarize.errors import InputError
from summarize.models.embeddings import Embedder
from summarize.summarizers.faithfulness import check, same_fact_threshold


@pytest.fixture(scope="module")
def alignment(bundled_articles, embedder):
    return align(bundled_articles, embedder=embedder)


def test_planted_unsupported_sentence_is_flagged(bundled_articles, alignment, embedder):
    real = bundled_articles[1].sentences[2]
    planted = "A herd of zebras escaped from Edinburgh Zoo and closed the M8 motorway for a week."
    supported, unsupported = check(
        [real, planted], bundled_articles, alignment=alignment, embedder=embedder
    )

    assert supported.supported and supported.text == real
    assert bundled_articles[1].source in supported.sources
    assert supported.score > 0.99

    assert not unsupported.supported
    assert unsupported.sources == ()
    assert unsupported.score < same_fact_threshold(embedder.model_name)


def test_paraphrase_of_a_shared_fact_cites_the_outlets_that_report_it(
    bundled_articles, alignment, embedder
):
    # All three outlets report this; the rule needs meaning *and* shared words (see SameFact).
    paraphrase = (
        "May and Putin agreed that British and Russian citizens face a common threat from "
        "terrorism."
    )
    (result,) = check([paraphrase], bundled_articles, alignment=alignment, embedder=embedder)
    assert result.supported
    assert len(result.sources) >= 2
    assert list(result.sources) == [
        a.source for a in bundled_articles if a.source in result.sources
    ]


def test_source_sentences_come_from_the_alignment_not_the_embedder(bundled_articles):
    """Only the generated sentences are embedded; the sources' vectors are the alignment's."""
    fresh = Embedder()
    alignment = align(bundled_articles, embedder=fresh)
    fresh._cache.clear()  # a guard that re-embedded the sources would have to encode them again
    before = fresh.encoded_count
    generated = ["Theresa May spoke to Vladimir Putin by telephone.", "Zebras closed the M8."]
    check(generated, bundled_articles, alignment=alignment, embedder=fresh)
    assert fresh.encoded_count - before == len(generated)


def test_empty_input_and_a_foreign_alignment(bundled_articles, alignment, embedder):
    assert check([], bundled_articles, alignment=alignment, embedder=embedder) == ()
    with pytest.raises(InputError, match="align these articles"):
        check(["Anything."], bundled_articles[:2], alignment=alignment, embedder=embedder)
