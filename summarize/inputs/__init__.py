"""Inputs: from files, folders, raw text, URLs and feeds to cleaned
:class:`~summarize.types.Article` objects.

``loading`` dispatches each input to its reader; ``decoding`` finds a file's encoding, ``cleaning``
removes web noise (and records what it removed), ``sentences`` splits text, ``metadata`` reads
``sources.yaml`` and front matter safely, ``files`` opens files within limits, ``web`` fetches
pages, feeds and sitemaps.
"""
