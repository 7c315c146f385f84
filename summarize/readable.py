"""Whether a sentence reads on its own, lifted out of its article.

Three kinds do not: a sentence that opens with a reference to what came before ("He said...",
"But the ...", "However, ..."), one that opens with a stray quote mark (half a quotation), and
one that ends with a colon, leading into a quote, list or picture that is not part of it.
Digests (:mod:`summarize.summarizers.coherence`) and the comparison's lists (which sentence
stands for a claim) both ask. These are rules of English news prose, not of any one story.
"""

from __future__ import annotations

import re

__all__ = [
    "REFERENCE_OPENERS",
    "leads_into_what_follows",
    "opens_with_reference",
    "reads_alone",
    "stray_quote_start",
]

#: Pronouns, demonstratives and connectives that, opening a sentence, point back.
REFERENCE_OPENERS = [
    "he",
    "she",
    "they",
    "it",
    "its",
    "his",
    "her",
    "their",
    "him",
    "them",
    "this",
    "these",
    "those",
    "that",
    "such",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "still",
    "also",
    "however",
    "meanwhile",
    "instead",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "therefore",
    "thus",
    "hence",
    "then",
    "besides",
    "otherwise",
    "likewise",
    "similarly",
    "consequently",
    "additionally",
    "accordingly",
    "indeed",
]
_PHRASES = (
    "in addition",
    "as a result",
    "at the same time",
    "on the other hand",
    "even so",
    "by contrast",
    "in contrast",
    "in response",
    "after that",
)
_OPENER = re.compile(
    r"^[\"'“‘(\[]*(?:" + "|".join((*REFERENCE_OPENERS, *_PHRASES)) + r")\b",
    re.IGNORECASE,
)
_OPEN_QUOTES = "\"“‘'`"
_CLOSE_ONLY = "”’"
_CLOSING_SINGLE = re.compile(r"['’](?=\W|$)")


def opens_with_reference(sentence: str) -> bool:
    """Whether ``sentence`` opens with a pronoun or connective that needs what came before.

    >>> opens_with_reference("But the minister denied it.")
    True
    >>> opens_with_reference("The minister denied it.")
    False
    """
    return _OPENER.match(sentence.strip()) is not None


def stray_quote_start(sentence: str) -> bool:
    """Whether ``sentence`` opens with a quote mark that does not open a quotation closed in it.

    A closing mark, a mark followed by a space, a lone mark, ``` `` ``` or ``''``, and an
    opening mark whose quotation is not closed in the sentence all count.

    >>> stray_quote_start('"We will win," she said.')
    False
    >>> stray_quote_start('"We will win. Nobody can stop us.')
    True
    """
    text = sentence.strip()
    if not text or text[0] not in _OPEN_QUOTES + _CLOSE_ONLY:
        return False
    if text.startswith(("``", "''")) or text[0] in _CLOSE_ONLY:
        return True
    if len(text) == 1 or text[1].isspace():
        return True
    mark = text[0]
    if mark == "“":
        return "”" not in text[1:]
    if mark == '"':
        return '"' not in text[1:]
    if mark in "‘'":
        return _CLOSING_SINGLE.search(text[1:]) is None
    return True


def leads_into_what_follows(sentence: str) -> bool:
    """Whether ``sentence`` ends with a colon: it introduces what follows it ("... told
    Kavanaugh it is silly to flush 38 million gallons of water:"), which a digest lacks.

    >>> leads_into_what_follows("The statement read:")
    True
    """
    return sentence.rstrip().endswith(":")


def reads_alone(sentence: str) -> bool:
    """None of :func:`opens_with_reference`, :func:`stray_quote_start` and
    :func:`leads_into_what_follows`."""
    return not (
        opens_with_reference(sentence)
        or stray_quote_start(sentence)
        or leads_into_what_follows(sentence)
    )
