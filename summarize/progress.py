"""Progress bars on stderr for work that can take more than a few seconds.

One switch for the whole library, so nested work (a briefing that generates text token by
token, a fetch inside ``load_articles``) follows the caller's choice: :func:`progress_bars`
sets it for a block of code. The default, ``None``, shows bars only when stderr is a terminal,
so pipes, log files, tests and notebooks stay quiet; ``True`` forces them, ``False`` hides them
(``--quiet``/``--no-progress``). Every bar of the library is made by :func:`bar` or
:func:`track`; a function's own ``progress=`` argument goes through :func:`choose`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from tqdm import tqdm

T = TypeVar("T")

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


def choose(progress: bool | None, *, worth_a_bar: bool = True) -> bool | None:
    """The setting for one piece of work: the caller's own ``progress`` argument when given,
    else the switch (:func:`progress_bars`) when set; on auto (both ``None``), work too small
    to need a bar (``worth_a_bar=False``) gets none, other work a bar on a terminal only."""
    if progress is not None:
        return progress
    enabled = _ENABLED.get()
    if enabled is not None:
        return enabled
    return None if worth_a_bar else False


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


def track(items: Sequence[T], *, desc: str, unit: str = "step") -> Iterator[T]:
    """Yield ``items`` while a :func:`bar` counts them (for a loop: ``for x in track(xs, ...)``).

    The bar follows the switch as it is when the loop starts."""
    with bar(total=len(items), desc=desc, unit=unit) as steps:
        for item in items:
            yield item
            steps.update()


@contextmanager
def routed(module: ModuleType) -> Iterator[None]:
    """Inside the block, the bars a third-party ``module`` makes with its own ``tqdm(...)``
    are :func:`bar` bars, so they follow the switch too (model2vec's distillation, for one)."""

    def make(
        *_: Any, total: int | None = None, desc: str = "", unit: str = "step", **__: Any
    ) -> tqdm:
        return bar(total=total, desc=desc.strip() or module.__name__, unit=unit.strip() or "step")

    original = getattr(module, "tqdm")  # noqa: B009 (mypy cannot know the module has it)
    setattr(module, "tqdm", make)  # noqa: B010
    try:
        yield
    finally:
        setattr(module, "tqdm", original)  # noqa: B010
