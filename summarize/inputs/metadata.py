"""Article metadata from untrusted files: YAML without aliases, single values only, size caps.

Markdown front matter, ``sources.yaml`` sidecars and JSON records are written by anyone. What is
read from them is bounded so that a few hundred bytes cannot cost minutes or gigabytes:

* YAML is parsed with ``yaml.SafeLoader`` (no tags executed) and **aliases are refused**
  (``*name``, the engine of "billion laughs" alias bombs); nesting is bounded by the size caps;
* every value kept must be a single value (text, number, boolean, date): a list or mapping where
  one value belongs raises :class:`~summarize.errors.MetadataError` naming the file and key,
  instead of turning into a Python ``repr`` in the output; NaN and infinity are refused;
* sizes are capped: :data:`MAX_FRONT_MATTER_CHARS`, :data:`MAX_SIDECAR_BYTES`,
  :data:`MAX_VALUE_CHARS` per value, :data:`MAX_KEYS` per record.

:func:`clean_label` removes control and invisible formatting characters (bidi overrides,
zero-width spaces) from source names and titles, which would otherwise reorder or hide text
in every output; :func:`strip_invisible` removes the direction overrides and zero-width spaces
from article text as well.
"""

from __future__ import annotations

import datetime
import math
import os
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from summarize.errors import MetadataError
from summarize.terminal import printable

__all__ = [
    "MAX_FRONT_MATTER_CHARS",
    "MAX_KEYS",
    "MAX_SIDECAR_BYTES",
    "MAX_VALUE_CHARS",
    "clean_label",
    "load_yaml",
    "single_value",
    "single_values",
    "strip_invisible",
]

#: Front matter longer than this is not metadata (a few hundred bytes is typical).
MAX_FRONT_MATTER_CHARS = 64_000
#: A ``sources.yaml`` for thousands of files stays far below this.
MAX_SIDECAR_BYTES = 4_000_000
#: Longest metadata value kept (a title, a URL, a description).
MAX_VALUE_CHARS = 10_000
#: Most keys read from one front matter block or sidecar entry.
MAX_KEYS = 200


def _where(path: str | os.PathLike[str] | None, where: str | None) -> str:
    from summarize.inputs.files import display

    return where or (display(path) if path is not None else "the metadata")


def load_yaml(text: str, *, path: Path | None, where: str | None = None) -> Any:
    """Parse untrusted YAML safely: no tags, no aliases, bounded nesting.

    Raises:
        MetadataError: invalid YAML, an alias, nesting too deep, a number too long.
    """
    import yaml

    class _NoAliasLoader(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    f"found the alias '*{event.anchor}': aliases are not allowed in article "
                    "metadata (they can expand a few bytes into gigabytes); write the value out",
                    event.start_mark,
                )
            return super().compose_node(parent, index)

    shown = _where(path, where)
    try:
        return yaml.load(text, Loader=_NoAliasLoader)  # a SafeLoader subclass: no tags run
    except yaml.YAMLError as error:
        raise MetadataError(
            f"{shown} has YAML that cannot be used ({error}). Fix it: metadata is "
            "'key: value' lines such as 'source: The Week'.",
            path=path,
        ) from None
    except (RecursionError, ValueError) as error:  # deep nesting; a 5,000-digit integer
        raise MetadataError(
            f"{shown} has YAML nested too deeply or a number too long ({type(error).__name__}). "
            "Metadata is 'key: value' lines such as 'source: The Week'.",
            path=path,
        ) from None


def single_value(
    value: Any, *, key: str, path: Path | None, where: str | None = None
) -> str | None:
    """``value`` as text when it is one value (text, number, boolean, date); ``None`` stays None.

    Raises:
        MetadataError: a list, mapping or other structure; NaN or infinity; a value longer
            than :data:`MAX_VALUE_CHARS`.
    """
    if value is None:
        return None
    shown, name = _where(path, where), printable(key)
    if isinstance(value, float) and not math.isfinite(value):
        raise MetadataError(
            f"{shown}: '{name}' is {value}, not a usable value. Give it a real value or remove it.",
            path=path,
            key=key,
        )
    if not isinstance(value, str | int | float | datetime.date | datetime.time):
        kind = (
            "a list"
            if isinstance(value, list | tuple)
            else "a mapping"
            if isinstance(value, Mapping)
            else f"a {type(value).__name__}"
        )
        raise MetadataError(
            f"{shown}: '{name}' is {kind}; only single values (text, numbers, dates) are "
            "read. "
            f"Write it as one value, e.g. '{name}: ...', or remove it.",
            path=path,
            key=key,
        )
    text = str(value)
    if len(text) > MAX_VALUE_CHARS:
        raise MetadataError(
            f"{shown}: '{name}' is {len(text):,} characters long, more than the "
            f"{MAX_VALUE_CHARS:,} allowed for one metadata value. Shorten it or remove it.",
            path=path,
            key=key,
        )
    return text


def check_keys(meta: Mapping[Any, Any], *, path: Path | None, where: str | None = None) -> None:
    """Raise :class:`MetadataError` for more than :data:`MAX_KEYS` keys."""
    if len(meta) > MAX_KEYS:
        raise MetadataError(
            f"{_where(path, where)} has {len(meta):,} metadata keys, more than the {MAX_KEYS} "
            "read for one article. Keep the ones that describe the article.",
            path=path,
        )


def single_values(meta: Mapping[Any, Any], *, path: Path | None, where: str) -> dict[str, str]:
    """The metadata as text, key by key (:func:`check_keys`, then :func:`single_value` for each;
    keys whose value is None are left out): a front matter block or a sidecar entry.

    Raises:
        MetadataError: too many keys, or a value that is not one usable value.
    """
    check_keys(meta, path=path, where=where)
    values = {}
    for key, value in meta.items():
        text = single_value(value, key=str(key), path=path, where=where)
        if text is not None:
            values[str(key)] = text
    return values


# Characters that are invisible or change the direction of surrounding text.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})


# Direction overrides and isolates (the "Trojan source" characters) and zero-width spaces:
# removed from article text too. Zero-width (non-)joiners stay: Persian, Indic scripts and emoji
# need them.
_INVISIBLE_IN_TEXT = dict.fromkeys(
    map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u2060\ufeff")
)


def strip_invisible(text: str) -> str:
    """``text`` without bidi overrides/isolates and zero-width spaces (see above)."""
    return text.translate(_INVISIBLE_IN_TEXT)


def clean_label(text: str) -> str:
    """A one-line label (source name, title) without control, bidi or zero-width characters."""
    kept = "".join(
        ch for ch in text if ch.isspace() or unicodedata.category(ch) not in _INVISIBLE_CATEGORIES
    )
    return " ".join(kept.split())
