"""The comparison of one story's articles: which sentences state the same fact (``same_fact``,
``alignment``), how far two articles tell one story (``story_overlap``), where values differ
(``differences``, ``edits``: conflicts between two sentences; ``disputes``: one detail across
outlets), near-copy families (``families``) and :func:`comparison.compare` itself."""
