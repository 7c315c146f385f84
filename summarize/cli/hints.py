"""The hint printed under a load error: what helps for that kind of input.

A page that cannot be fetched is helped by what its error says (check the address, a longer
``--timeout``) or by the download cache (``--offline``), not by ``--skip-bad``; a path that does
not exist by checking the path. ``--skip-bad`` is suggested only where it helps: when something
else would still load (a folder, several inputs, a feed's other entries) and the error is one it
leaves out.
Nothing is said twice: a hint the error message already gives is not repeated.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from summarize.errors import (
    ArticleError,
    ArticleLoadErrors,
    ArticleNotFoundError,
    FetchError,
    GeneratedFileError,
    SummarizeError,
)

__all__ = ["hint"]


def hint(error: SummarizeError, *, paths: Sequence[str], skip_bad: bool) -> str:
    """The hint for ``error`` from a run over ``paths`` (the command line's inputs), or ""."""
    if not isinstance(error, ArticleError):
        return ""  # model and usage errors say what to do themselves
    errors = error.errors if isinstance(error, ArticleLoadErrors) else [error]
    said = str(error)
    parts: list[str] = []
    if any(isinstance(e, FetchError) for e in errors):
        parts.extend(_web(said))
    if not skip_bad and _others_would_load(errors, paths):
        skipped = [e for e in errors if _skippable(e)]
        if skipped and "--skip-bad" not in said:
            pages = sum(isinstance(e, FetchError) for e in skipped)
            what = (
                "the pages that cannot be fetched"
                if pages == len(skipped)
                else "such files (and broken .jsonl lines)"
                if not pages
                else "the files and pages that cannot be loaded"
            )
            parts.append(f"--skip-bad leaves {what} out and loads the rest")
    return "; ".join(parts)


def _web(said: str) -> list[str]:
    """What helps with a page the error message does not already say: the download cache after
    a network failure, a saved copy of a page that refuses access."""
    if "could not be fetched" in said and "--offline" not in said:
        return ["pages fetched before can be briefed from the download cache with --offline"]
    if "access is refused" in said:
        return ["open the page in your browser, save it (.html) and pass the saved file"]
    return []


def _skippable(error: ArticleError) -> bool:
    """Errors --skip-bad leaves out that are not better fixed by the user at once: a path that
    does not exist is a typo to correct, our own output named explicitly is a mistake."""
    return not isinstance(error, ArticleNotFoundError | GeneratedFileError)


def _others_would_load(errors: Sequence[ArticleError], paths: Sequence[str]) -> bool:
    """Whether leaving the failures out would leave something to load: several inputs, a
    folder, or a page other than the ones given (a feed's entry)."""
    if len(paths) > 1 or len(errors) > 1:
        return True
    if any(os.path.isdir(path) for path in paths):
        return True
    url = getattr(errors[0], "url", None) if errors else None
    return url is not None and url not in paths
