"""The benchmark scripts: quality, speed, memory, calibration and the peers they compare with.

Run each one as a module from the repository root, e.g. ``.venv/bin/python -m benchmarks.quality``
(``--help`` lists its options); figures and the exact commands are in BENCHMARKS.md. From the
root, this folder is the ``benchmarks`` package and the scripts import each other as
``from benchmarks import peers``. Elsewhere another ``benchmarks`` may win: pysbd (a dependency)
installs a top-level package of that name. Under ``-m`` the current directory comes first on
``sys.path``, so they also import :mod:`summarize` from the checkout they measure.
"""
