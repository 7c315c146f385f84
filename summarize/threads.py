"""Run many small numpy products on one BLAS thread.

A briefing multiplies many small matrices (spaCy's layers over a few dozen sentences, one
story's sentence vectors). OpenBLAS splits each product over every core and then keeps its
extra threads spinning between calls, so on a 2-core machine `brief()` burned about twice
the CPU time for no wall-clock gain, and under load those spinning threads compete with the
real work (`benchmarks/speed.py`, BENCHMARKS.md "Speed"). Results are unchanged: OpenBLAS
splits the output matrix, not the sums, between threads.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager

from threadpoolctl import ThreadpoolController

__all__ = ["one_blas_thread"]


@functools.lru_cache(maxsize=1)
def _controller() -> ThreadpoolController:
    """The BLAS libraries loaded in this process (found once: scanning them takes ~ms)."""
    return ThreadpoolController()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Within the block, BLAS (numpy's OpenBLAS) uses one thread; restored after."""
    with _controller().limit(limits=1, user_api="blas"):
        yield
