"""Polarity: one outlet says something is done, another that it is not.

"He is not planning to waive the law" / "he is considering lifting the law": one action (the
same verb, or two WordNet synonyms: waive / lift / repeal) said under a negation in one sentence
and without one in the other. A verb is negated by "not", "never", "no" on it or on a verb it
depends on ("not planning to waive"), or by a verb of refusal above it ("refuses to concede"),
so "not conceding" and "refuses to concede" agree. Negated numbers ("no more than 90") are
bounds, not negations: only verbs are read. Verbs of saying, being and having carry no fact of
their own ("did not say how many" / "said") and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Action", "actions", "opposite_actions"]

#: Verbs that negate what they govern: "refused to concede", "declined to comment".
_REFUSALS = frozenset({"refuse", "decline", "deny", "reject", "fail"})
#: Verbs whose negation says nothing about the event: saying, being, having, knowing, seeing.
_EMPTY_WORDS = (
    "say tell speak comment respond report add state announce confirm know be have do make get "
    "go come see give take want need seem appear believe think expect find show mean let "
    "include return call ask answer reveal disclose identify elaborate"
)
_EMPTY = frozenset(_EMPTY_WORDS.split())
#: How a stated verb hangs from the sentence's main verb: complements and coordination.
_CHAIN = {"xcomp", "ccomp", "conj", "pcomp", "prep"}
#: Verbs under which an event is wished for, not stated.
_WISHES = frozenset({"ensure", "try", "want", "hope", "urge", "wish", "seek", "aim", "demand"})


@dataclass(frozen=True)
class Action:
    """A verb a sentence states: its lemma, whether it is negated, the outlet's words ("not
    planning to waive") and who does it (the nearest subject's lemma, "he", "senate")."""

    verb: str
    negated: bool
    words: str
    subject: str


def actions(doc: Any) -> list[Action]:
    """Each content verb that a parsed sentence states as a fact: its lemma, whether it is
    negated, and the words from the negation (or the verb it depends on) to it ("not planning
    to waive"). Verbs inside a noun's clause ("one of six countries not to have signed") or
    under a wish ("must ensure that civilians are not hurt") state nothing and are left out."""
    found = []
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_.lower() in _EMPTY:
            continue
        negated, top, node, stated, subject = False, token, token, True, ""
        for _ in range(6):
            subject = subject or next(
                (c.lemma_.lower() for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), ""
            )
            if any(c.dep_ == "neg" for c in node.children):
                negated, top = not negated, node
            if node.i != token.i and node.lemma_.lower() in _REFUSALS:
                negated, top = not negated, node
            if node.i != token.i and node.lemma_.lower() in _WISHES:
                stated = False
            if node.dep_ == "ROOT" or node.head.i == node.i:
                break
            if node.dep_ not in _CHAIN:
                stated = False
                break
            node = node.head
        if not stated:
            continue
        start = min([top.i, token.i] + [c.i for c in top.children if c.dep_ == "neg"])
        words = doc[start : token.i + 1].text
        found.append(Action(token.lemma_.lower(), negated, words, subject))
    return found


def opposite_actions(left: list[Action], right: list[Action]) -> tuple[Action, Action] | None:
    """One action of one subject said with opposite polarity in the two sentences ("he is not
    planning to waive" / "he is considering lifting"), when neither sentence also says it with
    the other's polarity; else None."""
    from summarize.models.lexicon import load_lexicon

    lexicon = load_lexicon()

    def same(x: str, y: str) -> bool:
        """One verb, or one's main sense is a sense of the other ("repeal" / "lift")."""
        a, b = lexicon.synsets.get((x, "v"), ()), lexicon.synsets.get((y, "v"), ())
        return x == y or bool(set(a[:2]) & set(b)) or bool(set(b[:2]) & set(a))

    for x in left:
        for y in right:
            if x.negated == y.negated or not x.subject or x.subject != y.subject:
                continue
            if not same(x.verb, y.verb):
                continue
            if any(same(z.verb, x.verb) and z.negated == x.negated for z in right) or any(
                same(z.verb, y.verb) and z.negated == y.negated for z in left
            ):
                continue  # both polarities in one sentence: two events, or a contrast
            return x, y
    return None
