"""What makes an extracted sentence readable out of its article, and an order a reader can follow.

An extractive digest lifts sentences out of their articles. Two kinds read badly on their own:

* a sentence that **opens with a reference** to what came before ("He said...", "But the
  ...", "This was...", "However, ..."): it needs the sentence before it in its article, right
  before it in the digest, or it must not be chosen;
* a sentence that **opens with a stray quote mark**: a quotation that began in an earlier
  sentence or ends in a later one, so the reader sees half a quote.

These are rules of English news prose, not of any one story.
"""

from __future__ import annotations

import re

from summarize.readable import opens_with_reference, stray_quote_start

__all__ = [
    "drop_trailing_attribution",
    "opens_with_reference",
    "shorter_forms",
    "stray_quote_start",
]

# A trailing attribution: ", the council said.", ", according to the report.", " — officials
# told reporters." after a statement of at least 40 characters. A tail with "that" in it is not
# an attribution but the reported statement itself (", reported by the Times, that ...").
_ATTRIBUTION = re.compile(
    r"^(?P<keep>.{40,}?[^\s,])(?:,|\s[—–-])\s"
    r"(?:(?:according to|as reported by)\b"
    r"|(?:(?:the|a|an|his|her|their|its|[A-Z][\w.'’-]*)(?:\s[\w.'’-]+){0,7}?\s)?"
    r"(?:said|says|told|reported|reports|wrote|writes|added|noted|announced|confirmed|"
    r"claimed|argued|stated)\b)"
    r"(?:(?!\bthat\b)[^;:\"“”])*$"
)


# A quotation closed by a comma (or ? !) and then its speaker: the verb comes after.
_QUOTE_THEN_SPEAKER = re.compile(r"[,?!][\"”]|,’")


def drop_trailing_attribution(sentence: str) -> str | None:
    """The sentence without its trailing attribution, or ``None`` when it has none.

    The result is a verbatim prefix of ``sentence`` plus a full stop, so it can be checked
    against the source word for word. Quotations are left alone (cutting "..., he said" off a
    quote would leave a stray quote mark).

    >>> drop_trailing_attribution("The river rose by two metres in the night, the council said.")
    'The river rose by two metres in the night.'
    """
    match = _ATTRIBUTION.match(sentence)
    if match is None:
        return None
    keep = match.group("keep")
    if keep.count('"') % 2 or keep.count("“") != keep.count("”") or stray_quote_start(keep):
        return None
    if _QUOTE_THEN_SPEAKER.search(keep):
        return None  # '"We are devastated," the chief executive, Owen Pryce' needs its "said"
    return keep + "."


# A trailing clause that adds circumstance, not the fact: ", which ...", ", after ...",
# ", saying ..." running to the end of the sentence with no further comma.
_TRAILING_CLAUSE = re.compile(
    r",\s(?:which|after|as|while|amid|despite|following|including|saying|citing|adding|"
    r"noting|although|though|because|where|when)\b[^,;:\"“”]*$"
)
_MIN_KEPT_WORDS = 8


def _balanced(text: str) -> bool:
    return not (
        text.count('"') % 2 or text.count("“") != text.count("”") or stray_quote_start(text)
    )


def shorter_forms(sentence: str) -> list[str]:
    """Shorter readings of ``sentence`` that keep its main statement, shortest last.

    Each is a verbatim prefix of the sentence plus a full stop (checkable word for word
    against the source): without a trailing attribution (", officials said.") or without a
    trailing circumstantial clause (", after ...", ", which ..."). A form is offered only when
    it keeps at least eight words and leaves no quotation open.
    """
    forms = []
    short = drop_trailing_attribution(sentence)
    if short is not None:
        forms.append(short)
    match = _TRAILING_CLAUSE.search(sentence)
    if match is not None:
        keep = sentence[: match.start()].rstrip()
        if len(keep.split()) >= _MIN_KEPT_WORDS and _balanced(keep) and keep + "." not in forms:
            forms.append(keep + ".")
    return sorted(forms, key=len, reverse=True)
