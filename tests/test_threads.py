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


def test_summarise_runs_its_summarizer_on_one_blas_thread() -> None:
    """summarise() (not only brief()) keeps BLAS on one thread while it works, and restores it."""
    from summarize import summarise
    from summarize.summarizers import get_summarizer

    seen: list[list[int]] = []
    extractive = get_summarizer("extractive", merged=False)

    class Recording:
        name = "recording"

        def __call__(self, articles, *, alignment, limits):  # type: ignore[no-untyped-def]
            seen.append(_blas_threads())
            return extractive(articles, alignment=alignment, limits=limits)

    before = _blas_threads()
    text = (
        "The council approved the new bridge on Monday. Work starts in May and ends in 2027. "
        "The bridge will carry two lanes of traffic and a cycle path across the river."
    )
    digest = summarise(text, max_words=20, method=Recording())
    assert digest.sentences, "the wrapped extractive summarizer should still pick sentences"
    assert seen and set(seen[0]) == {1}
    assert _blas_threads() == before
