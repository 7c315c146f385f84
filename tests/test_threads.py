"""one_blas_thread: BLAS runs on one thread inside the block and as before after it."""

import numpy as np
from threadpoolctl import threadpool_info

from summarize.threads import one_blas_thread


def _blas_threads() -> list[int]:
    np.ones(2) @ np.ones(2)  # numpy's BLAS is loaded
    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


def test_one_blas_thread_inside_and_restored_after() -> None:
    before = _blas_threads()
    assert before, "numpy's BLAS should be visible to threadpoolctl"
    with one_blas_thread():
        assert _blas_threads() == [1] * len(before)
        assert np.allclose(np.eye(3) @ np.arange(9.0).reshape(3, 3), np.arange(9.0).reshape(3, 3))
    assert _blas_threads() == before


def test_a_blas_loaded_later_is_limited_too() -> None:
    import scipy.linalg  # scipy brings its own OpenBLAS

    scipy.linalg.norm(np.ones(2))
    with one_blas_thread():
        assert set(_blas_threads()) == {1}
