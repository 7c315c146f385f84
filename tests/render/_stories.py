"""The story folders every cross-format and screenshot test renders: the bundled real story
the invented mixed pile and the invented demo story. A new bundled story is one more line here."""

from __future__ import annotations

from tests.conftest import ROOT

STORIES = (
    ROOT / "articles" / "may-putin-2016",
    ROOT / "articles" / "mixed-news-day",
    ROOT / "articles" / "demo-ferry",
)
