"""Models: finding, loading and caching them (``registry``, ``generators``, ``cache``), sentence
vectors (``embeddings``, ``static_embedder``) and the WordNet lexicon the conflict checks read."""
