"""Rich display and text output of the result types: the one place they reach the renderers.

The result types sit in the bottom layer and import no renderer. When a notebook asks for
``_repr_html_`` or a user calls ``to_markdown()``, :func:`render` (and :func:`parse`, for
``Briefing.from_json``) looks the renderer up in :mod:`summarize.render`, lazily, at call time;
:data:`RENDERERS` is that one place. New output formats are added in ``summarize.render`` only.
"""

from __future__ import annotations

import importlib
from typing import Any

#: The package whose ``render(obj, fmt)`` turns a result into text (see summarize/render/__init__).
RENDERERS = "summarize.render"


def render(obj: object, fmt: str) -> str:
    """``obj`` as ``fmt`` text ("markdown", "html", "html_fragment" or "json")."""
    module: Any = importlib.import_module(RENDERERS)
    return str(module.render(obj, fmt))


def frame(obj: object) -> Any:
    """``obj`` as a pandas DataFrame (a Comparison or a Briefing; see summarize.render.frames)."""
    module: Any = importlib.import_module(RENDERERS)
    return module.frame(obj)


def parse(text: str | bytes, fmt: str) -> Any:
    """A result read back from ``fmt`` text (only "json": a Briefing)."""
    module: Any = importlib.import_module(RENDERERS)
    return module.parse(text, fmt)


class RichDisplay:
    """Mixin giving a result type Jupyter's rich display (HTML, with a Markdown fallback)."""

    def _repr_html_(self) -> str:
        """Rich display in notebooks (see summarize.render.html)."""
        return render(self, "html_fragment")

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/plain": render(self, "markdown"), "text/html": self._repr_html_()}
