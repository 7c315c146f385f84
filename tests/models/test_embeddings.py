"""The Embedder: unit vectors, input order, and nothing embedded twice."""

from __future__ import annotations

import numpy as np

from summarize.models.embeddings import Embedder, get_embedder


def test_same_sentence_is_not_embedded_twice(embedder):
    text = "Embedding cache check: the Kremlin issued a similar statement on Tuesday."
    before = embedder.encoded_count
    first = embedder.encode([text, text])
    assert embedder.encoded_count == before + 1
    second = embedder.encode([text])
    assert embedder.encoded_count == before + 1
    assert np.array_equal(first[0], second[0])
    assert np.array_equal(first[0], first[1])


def test_vectors_are_unit_length_and_in_input_order(embedder):
    texts = ["The economy contracted sharply.", "Tomatoes need sunlight.", "The economy shrank."]
    vectors = embedder.encode(texts)
    assert vectors.shape == (3, embedder.dimension)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[2] > vectors[0] @ vectors[1]
    assert embedder.encode([]).shape == (0, embedder.dimension)


def test_shared_embedder_is_one_per_model(embedder):
    assert get_embedder() is embedder
    assert isinstance(embedder, Embedder)


def test_a_string_is_one_sentence_not_one_per_character(embedder):
    vector = embedder.encode("Putin spoke.")
    assert vector.shape == (embedder.dimension,)
    assert np.array_equal(vector, embedder.encode(["Putin spoke."])[0])
