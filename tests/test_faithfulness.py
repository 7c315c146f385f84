"""The faithfulness guard flags generated sentences no source backs."""

from __future__ import annotations

from summarize.alignment import same_fact_threshold as calibrated
from summarize.faithfulness import check, same_fact_threshold


def test_threshold_is_the_calibrated_one(embedder):
    assert same_fact_threshold(embedder.model_name) == calibrated(embedder.model_name)


def test_planted_unsupported_sentence_is_flagged(bundled_articles, embedder):
    real = bundled_articles[1].sentences[2]
    planted = "A herd of zebras escaped from Edinburgh Zoo and closed the M8 motorway for a week."
    supported, unsupported = check([real, planted], bundled_articles, embedder=embedder)

    assert supported.supported and supported.text == real
    assert bundled_articles[1].source in supported.sources
    assert supported.score > 0.99

    assert not unsupported.supported
    assert unsupported.sources == ()
    assert unsupported.score < same_fact_threshold(embedder.model_name)


def test_paraphrase_of_a_shared_fact_cites_the_outlets_that_report_it(bundled_articles, embedder):
    # All three outlets report this; the rule needs meaning *and* shared words (see SameFact).
    paraphrase = (
        "May and Putin agreed that British and Russian citizens face a common threat from "
        "terrorism."
    )
    (result,) = check([paraphrase], bundled_articles, embedder=embedder)
    assert result.supported
    assert len(result.sources) >= 2
    assert list(result.sources) == [
        a.source for a in bundled_articles if a.source in result.sources
    ]


def test_empty_input():
    assert check([], [], embedder=None) == ()  # type: ignore[arg-type]
