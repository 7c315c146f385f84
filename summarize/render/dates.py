"""Publication times as a reader reads them: "15 May 2024, 08:00 UTC", "14 May 2024".

``Article.published`` is ISO 8601 text (:mod:`summarize.inputs.metadata_dates`); JSON and CSV
carry it as it is, Markdown and HTML show it through :func:`human_date`, never a raw "+00:00".
"""

from __future__ import annotations

import datetime

__all__ = ["human_date"]


def human_date(published: str | None) -> str:
    """``published`` as a human date: "14 May 2024" (date only), "15 May 2024, 08:00 UTC",
    "15 May 2024, 10:30 UTC+02:00", "15 May 2024, 08:00" (no zone known); text that is not
    ISO 8601 (an old JSON briefing) is shown as it is; "" for none."""
    if not published:
        return ""
    text = published.strip()
    try:
        if len(text) == 10:
            day = datetime.date.fromisoformat(text)
            return f"{day.day} {day:%B %Y}"
        when = datetime.datetime.fromisoformat(text)
    except ValueError:
        return text
    shown = f"{when.day} {when:%B %Y}, {when:%H:%M}"
    offset = when.utcoffset()
    if offset is None:
        return shown
    if not offset:
        return f"{shown} UTC"
    return f"{shown} UTC{_offset(offset)}"


def _offset(offset: datetime.timedelta) -> str:
    """+02:00, -05:30."""
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"
