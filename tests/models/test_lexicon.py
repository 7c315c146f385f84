"""WordNet 3.0 as the dispute checks read it (summarize/lexicon.py), and its cached copy."""

from __future__ import annotations

import pytest

from summarize.models import lexicon as lexicon_module


@pytest.fixture(scope="module")
def wordnet():
    return lexicon_module.load_lexicon()


@pytest.mark.parametrize(
    ("left", "right", "pos"),
    [("rise", "fall", "v"), ("increase", "decrease", "v"), ("buying", "selling", "n")],
)
def test_opposites(wordnet, left, right, pos):
    assert wordnet.are_opposed(left, right, pos)


def test_related_words_are_not_opposites(wordnet):
    assert not wordnet.are_opposed("arrest", "detain", "v")
    assert wordnet.are_related("road", "road", "n")
    assert wordnet.are_cohyponyms("border", "frontier", "n", senses=3)
    assert wordnet.both_things("founder", "executive", "n")
    assert not wordnet.both_things("collapse", "calamity", "n")  # events, not things


@pytest.mark.slow  # parses the WordNet files twice (~15 s); the tests above read the cached copy
def test_parsed_once_then_read_from_the_cache(tmp_path, monkeypatch, wordnet):
    monkeypatch.setenv("SUMMARIZE_CACHE", str(tmp_path))
    lexicon_module.load_lexicon.cache_clear()
    try:
        first = lexicon_module.load_lexicon()
        cached = list(tmp_path.glob("wordnet-3.0-lexicon-v*.pickle"))
        assert len(cached) == 1 and cached[0].stat().st_size > 1_000_000
        lexicon_module.load_lexicon.cache_clear()
        second = lexicon_module.load_lexicon()
        assert second is not first and second.synsets == first.synsets
        assert second.are_opposed("approve", "disapprove", "v")
        cached[0].write_bytes(b"not a pickle")  # a damaged cache is rebuilt, not an error
        lexicon_module.load_lexicon.cache_clear()
        assert lexicon_module.load_lexicon().synsets == first.synsets
    finally:
        lexicon_module.load_lexicon.cache_clear()


def test_alike_and_abstract_words(wordnet):
    assert wordnet.are_alike("huge", "large", "a")  # satellite and head of one cluster
    assert wordnet.are_alike("vast", "huge", "a")  # two satellites of one head
    assert not wordnet.are_alike("federal", "provincial", "a")
    assert not wordnet.are_alike("galaxy", "star", "n")
    assert wordnet.is_abstract("move", "n") and wordnet.is_abstract("attempt", "n")
    assert not wordnet.is_abstract("galaxy", "n")
