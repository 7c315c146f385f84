"""Property tests: arbitrary bytes as files and arbitrary JSON/YAML structures as metadata.

Whatever the input, loading gives articles with clean text fields or raises a
:class:`~summarize.errors.SummarizeError`: never another exception, never a hang (each example
has a deadline; the example counts keep the suite's time small).
"""

from __future__ import annotations

import json
import math
import tempfile
from datetime import timedelta
from pathlib import Path

import charset_normalizer  # noqa: F401 - imported up front: deadlines time the work, not imports
import trafilatura  # noqa: F401
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize import load_articles
from summarize.errors import SummarizeError

STORY = (
    "Flood warnings\n\n"
    "Heavy rain caused the river to burst its banks on Sunday night.\n\n"
    "Hundreds of homes were evacuated, the fire service said."
)

PROPERTY_SETTINGS = settings(
    max_examples=60,
    deadline=timedelta(seconds=20),
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SUFFIXES = (".txt", ".md", ".json", ".jsonl", ".html")

# Plain values (including NaN, infinities, huge numbers and text with any characters) and
# lists/mappings of them, a few levels deep.
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40)
)
STRUCTURES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
METADATA = st.dictionaries(st.text(max_size=12), STRUCTURES, max_size=6)


def load_or_typed_error(path: Path) -> None:
    """Load ``path``: articles whose text fields are clean strings, or a SummarizeError."""
    try:
        articles = load_articles(path)
    except SummarizeError:
        return
    assert articles
    for article in articles:
        for value in (article.source, article.title, article.text, *article.sentences):
            assert isinstance(value, str)
            value.encode("utf-8")  # no lone surrogates reach the outputs
        assert all(isinstance(v, str) for v in article.metadata.values())
        assert "\u202e" not in article.source and "\u200b" not in article.title


@PROPERTY_SETTINGS
@given(data=st.binary(max_size=4000), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes_as_a_file(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        load_or_typed_error(path)


@PROPERTY_SETTINGS
@given(
    text=st.text(max_size=400) | st.sampled_from(["", STORY]),
    suffix=st.sampled_from(SUFFIXES),
)
def test_arbitrary_text_as_a_file(text, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        load_or_typed_error(path)


@PROPERTY_SETTINGS
@given(meta=METADATA, text=STRUCTURES | st.just(STORY))
def test_arbitrary_json_records(meta, text):
    record = {**meta, "text": text}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "feed.json"
        path.write_text(json.dumps(record), encoding="utf-8", errors="surrogatepass")
        load_or_typed_error(path)
        path = Path(tmp) / "feed.jsonl"
        path.write_text(json.dumps([record, meta]), encoding="utf-8", errors="surrogatepass")
        load_or_typed_error(path)
    if isinstance(text, str) and text == STORY and not _has_structure(meta):
        # Only single values: this must load (no false alarms on ordinary metadata).
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "ok.json"
            path.write_text(json.dumps(record), encoding="utf-8", errors="surrogatepass")
            try:
                load_articles(path)
            except SummarizeError as error:
                assert _explained(error, meta), error


@PROPERTY_SETTINGS
@given(meta=METADATA)
def test_arbitrary_yaml_front_matter_and_sidecar(meta):
    try:
        block = yaml.safe_dump(meta, allow_unicode=True)
    except (yaml.YAMLError, ValueError):  # e.g. a 5,000-digit integer the dumper refuses
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        markdown = folder / "a.md"
        markdown.write_text(f"---\n{block}---\n{STORY}", encoding="utf-8", errors="surrogatepass")
        load_or_typed_error(markdown)
        (folder / "b.txt").write_text(STORY, encoding="utf-8")
        sidecar = yaml.safe_dump({"b.txt": meta}, allow_unicode=True)
        (folder / "sources.yaml").write_text(sidecar, encoding="utf-8", errors="surrogatepass")
        load_or_typed_error(folder / "b.txt")


@PROPERTY_SETTINGS
@given(block=st.text(max_size=300))
def test_arbitrary_text_as_front_matter(block):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.md"
        path.write_text(f"---\n{block}\n---\n{STORY}", encoding="utf-8", errors="surrogatepass")
        load_or_typed_error(path)


def _has_structure(meta: dict) -> bool:
    return any(isinstance(v, list | dict) for v in meta.values())


def _explained(error: SummarizeError, meta: dict) -> bool:
    """A refusal of single-valued metadata is fine only for a reason the loader documents."""
    reasons = ("not a usable value", "unpaired surrogate", "not text", "is empty", "boilerplate")
    if any(reason in str(error) for reason in reasons):
        return True
    return any(isinstance(v, float) and not math.isfinite(v) for v in meta.values())
