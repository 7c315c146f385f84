"""Counts in words: "1 outlet", "2 outlets", "1 story", "3 stories".

One helper for every count a user reads (command-line messages, Markdown, HTML, notebooks),
so none says "1 outlets compared".
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["counted", "listed", "mixed_stories", "plural"]

_VOWELS = frozenset("aeiou")


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``singular`` when ``count`` is 1, else its plural: ``plural_form`` when given, else the
    English rule for regular nouns (story -> stories, match -> matches, outlet -> outlets)."""
    if count == 1:
        return singular
    if plural_form is not None:
        return plural_form
    if singular.endswith("y") and singular[-2:-1] not in _VOWELS:
        return singular[:-1] + "ies"
    if singular.endswith(("s", "x", "z", "ch", "sh")):
        return singular + "es"
    return singular + "s"


def counted(count: int, singular: str, plural_form: str | None = None) -> str:
    """The count and the noun that fits it: ``counted(1, "story")`` is "1 story",
    ``counted(3, "story")`` "3 stories"."""
    return f"{count} {plural(count, singular, plural_form)}"


#: How many names a warning lists before "and N more" (a pile of 300 articles makes one line).
LISTED = 10


def listed(names: list[str], *, limit: int = LISTED) -> str:
    """``names`` joined by commas, the first ``limit`` of them and "and N more" after."""
    shown = ", ".join(names[:limit])
    return f"{shown} and {len(names) - limit} more" if len(names) > limit else shown


def mixed_stories(named: str, *, off_story: Sequence[str], sources: Sequence[str]) -> str:
    """The mixed-story warning's text (Markdown and HTML): ``named`` lists the articles of
    ``off_story`` that do not belong; when that is all of ``sources``, no two tell one story."""
    if set(off_story) == set(sources):
        return (
            f"No two of these articles seem to tell the same story: {named}. The comparison "
            "and the briefing mix stories; check that these are the articles you meant to "
            "compare."
        )
    return (
        f"{named} {'does' if len(off_story) == 1 else 'do'} not seem to be about the same "
        "story as the other articles; the comparison and the briefing mix stories. Remove "
        "them, or group the articles into stories first."
    )
