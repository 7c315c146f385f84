"""Publication times in one form: ISO 8601 text, whatever form the input gave.

``Article.published`` is set from a ``sources.yaml`` sidecar, Markdown front matter, a JSON
record, an HTML page's metadata or a fetched page, each in its own style ("14 May 2024",
"Tue, 14 May 2024 08:00:00 GMT", "2024-05-15 08:00:00+00:00", a Unix timestamp). Every article
is built through :func:`iso_published`, so ``published`` is always one of:

* a date-only ISO 8601 string, ``"2024-05-14"``, when the input gives no time of day;
* an ISO 8601 datetime to the second, ``"2024-05-15T08:00:00+00:00"``, keeping the input's own
  UTC offset (so the local calendar date, which resolves "on Tuesday", stays the outlet's);
  without one when the input names no zone (``"2024-05-15T08:00:00"``), none is invented;
* ``None``: not given, or not readable as a date (the text is kept in
  ``Article.metadata["published_as_given"]`` and a warning names the input).

These strings sort by time as text within one offset, and pandas reads a column of them with
``pd.to_datetime(column, format="ISO8601", utc=True)``. Readers show them as a human date
(:mod:`summarize.render.dates`).
"""

from __future__ import annotations

import datetime
import email.utils
import re

__all__ = ["iso_published"]

_EPOCH = re.compile(r"\d{9,10}|\d{12,13}")
# Two parses with different defaults tell a field the text gives from one it leaves out.
_DEFAULTS = (datetime.datetime(2000, 1, 1, 0, 0, 0), datetime.datetime(2001, 2, 2, 1, 1, 1))


def iso_published(text: str | None) -> str | None:
    """``text`` (a publication date or time in any common form) as ISO 8601, or ``None`` when
    it is empty or cannot be read as a calendar date (see the module docstring)."""
    if text is None or not text.strip():
        return None
    value = text.strip()
    parsed = _parse(value)
    if isinstance(parsed, datetime.datetime):
        return parsed.replace(microsecond=0).isoformat()
    if isinstance(parsed, datetime.date):
        return parsed.isoformat()
    return None


def _parse(value: str) -> datetime.date | datetime.datetime | None:
    if _EPOCH.fullmatch(value):  # a Unix timestamp, in seconds or milliseconds
        seconds = int(value) / (1000 if len(value) > 10 else 1)
        return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value)  # "Tue, 14 May 2024 08:00:00 GMT"
    except (TypeError, ValueError, IndexError):
        pass
    return _written(value)


def _written(value: str) -> datetime.date | datetime.datetime | None:
    """ "14 May 2024", "May 14, 2024 8:00 AM", "15/05/2024 10:30 +0200": a date only when the
    text gives day, month and year; a time only when it gives the hour."""
    import warnings

    from dateutil import parser

    try:
        with warnings.catch_warnings():  # an unknown zone name ("EDT") leaves the time unzoned
            warnings.simplefilter("ignore")
            first, second = (parser.parse(value, default=d, fuzzy=False) for d in _DEFAULTS)
    except (ValueError, OverflowError, TypeError):
        return None
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None  # "May 2024", "12": no full calendar date
    if first.hour != second.hour:
        return first.date()
    return first
