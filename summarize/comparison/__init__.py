"""The comparison of one story's articles: which sentences state the same fact (``same_fact``,
``alignment``), how far two articles tell one story (``story_overlap``), where values differ
(``details``: a sentence's numbers, dates, times and names, normalised; ``disputes`` and
``name_disputes``: one detail given different values across outlets), near-copy families
(``families``) and :func:`comparison.compare` itself."""
