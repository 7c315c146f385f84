"""The flow for users: one story's briefing (``briefing``: the public ``brief``), digests
(``digest``: the public ``summarise``), grouping a pile into stories (``stories``) and many
stories at once, in process or on Dask (``batch``). The public ``compare`` lives with the other
comparison stages, in :mod:`summarize.comparison.comparison`."""
