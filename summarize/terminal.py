"""Names made safe to show on a terminal: control characters escaped.

A file name, URL or metadata key comes from whoever wrote the input. Shown raw on stderr, an
escape sequence in it can blink, clear the screen or recolour text, a line break can forge a
``summarize: error: ...`` line, and a bidi override can make a name read backwards. Every
message that shows such a name passes it through :func:`printable` (paths through
:func:`summarize.inputs.files.display`, which quotes them); the command line's log formatter
and error printer apply :func:`printable_lines` to the whole message as a last guard.
"""

from __future__ import annotations

import unicodedata

__all__ = ["printable", "printable_lines"]

#: Bidi classes of the characters that reorder the text around them (embeddings, overrides,
#: isolates and the directional marks): "Trojan source" characters.
_BIDI_CONTROLS = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
_MARKS = frozenset("\u200e\u200f\u061c")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _unsafe(ch: str) -> bool:
    """C0 and C1 controls and DEL (``Cc``), line and paragraph separators, bidi controls."""
    return (
        unicodedata.category(ch) in ("Cc", "Zl", "Zp")
        or ch in _MARKS
        or unicodedata.bidirectional(ch) in _BIDI_CONTROLS
    )


def _escape(ch: str) -> str:
    if ch in _SHORT:
        return _SHORT[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control character escaped (``\\x1b``, ``\\n``, ``\\u202e``...).

    Escaped: C0 and C1 controls and DEL (ESC, NUL, line breaks, CSI ``\\x9b``...), the line and
    paragraph separators U+2028/U+2029, and the bidi embeddings, overrides, isolates and marks.
    Other characters, any script's letters and emoji (with their joiners) included, are kept.
    """
    if text.isascii() and text.isprintable():  # the usual case, at no cost
        return text
    return "".join(_escape(ch) if _unsafe(ch) else ch for ch in text)


def printable_lines(text: str) -> str:
    """:func:`printable` for a message that may span lines on purpose (a list of errors): its
    own line breaks are kept, every other control character is escaped."""
    return "\n".join(printable(line) for line in text.split("\n"))
