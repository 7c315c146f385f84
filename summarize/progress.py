"""Progress bars on stderr for work that can take more than a few seconds.

One switch for the whole library, so nested work (a briefing that generates text token by
token) follows the caller's choice: :func:`progress_bars` sets it for a block of code. The
default, ``None``, shows bars only when stderr is a terminal, so pipes, log files, tests and
notebooks stay quiet; ``True`` forces them, ``False`` hides them (``--quiet``/``--no-progress``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tqdm import tqdm

_ENABLED: ContextVar[bool | None] = ContextVar("summarize_progress", default=None)


def progress_enabled() -> bool | None:
    """The current setting: True, False, or None (only on a terminal)."""
    return _ENABLED.get()


@contextmanager
def progress_bars(enabled: bool | None) -> Iterator[None]:
    """Show (True), hide (False) or auto-detect (None) progress bars inside the block."""
    token = _ENABLED.set(enabled)
    try:
        yield
    finally:
        _ENABLED.reset(token)


def bar(*, total: int | None, desc: str, unit: str = "step") -> tqdm:
    """A tqdm bar on stderr that follows :func:`progress_bars` and clears itself when done.

    Plain tqdm, not ``tqdm.auto``: in a notebook without ipywidgets the latter warns on stderr.
    """
    from tqdm import tqdm

    enabled = _ENABLED.get()
    return tqdm(
        total=total,
        desc=desc,
        unit=unit,
        leave=False,
        file=sys.stderr,
        dynamic_ncols=True,
        disable=None if enabled is None else not enabled,
    )
