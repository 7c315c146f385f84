"""The public API named in DESIGN.md is importable from the package and is what it says."""

from __future__ import annotations

import subprocess
import sys

import pytest

import summarize


def test_public_names_are_the_functions_and_classes():
    from summarize import Article, Briefing, Comparison, Digest, brief, compare, summarise

    assert callable(compare) and compare.__name__ == "compare"
    assert callable(summarise) and callable(brief)
    assert summarize.summarize is summarise
    for cls in (Article, Briefing, Comparison, Digest):
        assert isinstance(cls, type)


def test_compare_stays_a_function_after_its_module_is_imported():
    """A submodule named like a public function would shadow it once imported (regression)."""
    code = (
        "import summarize.comparison.comparison, summarize.pipeline.briefing\n"
        "import summarize.pipeline.digest\n"
        "from summarize import compare, brief, summarise\n"
        "assert callable(compare) and callable(brief) and callable(summarise), compare\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_import_is_light():
    """`import summarize` must not pull torch or numpy in (keeps the CLI's --help instant)."""
    code = "import sys, summarize; print('torch' in sys.modules, 'numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.split() == ["False", "False"]


def test_summarise_takes_a_method_name_or_a_configured_summarizer(bundled_articles, embedder):
    from summarize.summarizers.extractive import PER_SOURCE, ExtractiveSummarizer

    article = bundled_articles[0]
    by_name = summarize.summarise(article, max_words=60, embedder=embedder)
    by_instance = summarize.summarise(article, max_words=60, method=PER_SOURCE, embedder=embedder)
    assert by_instance == by_name
    # Another configuration gives another digest: the instance is really used.
    position_only = ExtractiveSummarizer(
        centrality_weight=0.0, position_weight=1.0, lead=0.01, min_words=1
    )
    first = summarize.summarise(article, max_sentences=1, method=position_only, embedder=embedder)
    assert [s.text for s in first.sentences] == [article.sentences[0]]


def test_every_summarizer_has_the_one_interface():
    from summarize.summarizers import Summarizer
    from summarize.summarizers.abstractive import AbstractiveSummarizer
    from summarize.summarizers.extractive import MERGED, PER_SOURCE

    for summarizer in (PER_SOURCE, MERGED, AbstractiveSummarizer()):
        assert isinstance(summarizer, Summarizer)


def test_a_method_that_is_not_a_summarizer_is_refused_before_any_work():
    from summarize.errors import InputError

    with pytest.raises(InputError, match="Unknown method"):
        summarize.summarise("No text is loaded for this.", method="magic")
    with pytest.raises(InputError, match="not int"):
        summarize.summarise("No text is loaded for this.", method=3)  # type: ignore[arg-type]


def test_one_input_rule_for_brief_compare_and_summarise():
    """The public functions are the only implementations, and they take the same inputs."""
    from summarize.errors import InputError

    for entry in (summarize.brief, summarize.compare, summarize.summarise):
        with pytest.raises(InputError, match="No articles given"):
            entry([])
        with pytest.raises(InputError, match="Article objects, paths or raw texts"):
            entry([3.5])  # type: ignore[list-item]
    assert summarize.brief.__module__ == "summarize.pipeline.briefing"
    assert summarize.summarise.__module__ == "summarize.pipeline.digest"
    assert summarize.compare.__module__ == "summarize.comparison.comparison"


def test_a_summarizer_written_as_docs_architecture_shows_plugs_in(bundled_articles, embedder):
    """The example of docs/ARCHITECTURE.md, run as a user would: summarise() and brief()."""
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "ARCHITECTURE.md").read_text()
    namespace: dict[str, object] = {}
    exec(re.search(r"```python\n(.*?)```", doc, re.DOTALL).group(1), namespace)  # type: ignore[union-attr]
    first_sentences = namespace["FirstSentences"]()  # type: ignore[operator]

    digest = summarize.summarise(bundled_articles, max_words=200, method=first_sentences)
    assert [s.text for s in digest.sentences] == [a.sentences[0] for a in bundled_articles]
    briefing = summarize.brief(
        bundled_articles, method=first_sentences, max_words=40, embedder=embedder
    )
    assert briefing.options.method == "first-sentences"
    assert briefing.digest.word_count <= 40
    assert (
        briefing.per_source[bundled_articles[1].source].sentences[0].text
        == (bundled_articles[1].sentences[0])
    )


def test_dask_is_an_optional_extra_never_imported_by_the_core():
    """dask[distributed] is the `distributed` extra: only brief_many(scheduler=...) imports it."""
    code = (
        "import sys, summarize.pipeline.briefing, summarize.pipeline.batch, summarize.cli\n"
        "print(sorted(m for m in ('dask', 'distributed') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.split() == ["[]"]


def test_every_public_name_resolves():
    exported = set(summarize.__all__) - {"__version__"}
    assert exported == set(summarize._EXPORTS), "__all__ and the lazy table must list the same"
    assert summarize.__all__ == sorted(summarize.__all__)
    assert set(summarize.types.__all__) <= exported, "every result type is exported"
    for name in exported:
        value = getattr(summarize, name)
        assert getattr(value, "__name__", name) in (name, "summarise"), name  # summarize: alias
        if isinstance(value, type):
            assert value.__module__.startswith("summarize."), name
    # Subpackages are reachable as attributes without an import of their own.
    assert callable(summarize.render.render)


def test_every_error_the_package_defines_is_exported():
    """Each SummarizeError subclass, wherever it is defined, is importable from `summarize`."""
    import importlib
    import pkgutil

    for module in pkgutil.walk_packages(summarize.__path__, "summarize."):
        importlib.import_module(module.name)

    def subclasses(cls: type) -> set[type]:
        found = set(cls.__subclasses__())
        return found.union(*(subclasses(sub) for sub in found))

    errors = {summarize.SummarizeError} | subclasses(summarize.SummarizeError)
    ours = {cls for cls in errors if cls.__module__.startswith("summarize.")}
    assert {summarize.CorruptModelError, summarize.BriefManyError} <= ours
    for cls in ours:
        assert getattr(summarize, cls.__name__) is cls, cls.__name__
        assert cls.__name__ in summarize.__all__, cls.__name__


def test_errors_keep_the_builtin_bases_callers_catch():
    from summarize import CorruptModelError, RenderError, SummarizeError
    from summarize.models.cache import CorruptModelError as FromTheCache
    from summarize.render import frame, parse, render

    assert FromTheCache is CorruptModelError and issubclass(CorruptModelError, SummarizeError)
    assert issubclass(RenderError, TypeError)  # `except TypeError` written before still works
    with pytest.raises(RenderError, match="No 'json' renderer for object"):
        render(object(), "json")
    with pytest.raises(RenderError, match="pass a Briefing or a Comparison"):
        frame(object())
    with pytest.raises(RenderError, match="use JSON"):
        parse("# A briefing", "markdown")
