"""Run many small numpy products on one BLAS thread.

A briefing multiplies many small matrices (spaCy's layers over a few dozen sentences, one
story's sentence vectors). OpenBLAS splits each product over every core and then keeps its
extra threads spinning between calls, so on a 2-core machine `brief()` burned about twice
the CPU time for no wall-clock gain, and under load those spinning threads compete with the
real work (`python -m benchmarks.speed`, BENCHMARKS.md "Speed"). Results are unchanged: OpenBLAS
splits the output matrix, not the sums, between threads.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from threadpoolctl import ThreadpoolController

__all__ = ["one_blas_thread"]


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Within the block, every loaded BLAS (numpy's and scipy's OpenBLAS) uses one thread;
    restored after."""
    with _controller(len(sys.modules)).limit(limits=1, user_api="blas"):
        yield


@functools.lru_cache(maxsize=1)
def _controller(modules: int) -> ThreadpoolController:
    """The thread pools loaded in this process. Scanning them costs a few ms per call, so the
    scan is kept while no module has been imported since (a new BLAS, such as scipy's on first
    use, arrives with an import)."""
    return ThreadpoolController()
