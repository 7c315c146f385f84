"""The flow for users: the public entry points (``api``: summarise, brief, compare), one story's
briefing (``briefing``), digests (``digest``), grouping a pile into stories (``stories``) and
many stories at once, in process or on Dask (``batch``)."""
