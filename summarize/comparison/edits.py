"""Near-copies checked word by word: what was changed between two versions of one sentence.

Wire copy is republished with a word or two changed; when two outlets' sentences are such
near-copies (half their words in common, in order), each changed stretch tells exactly what
differs: a name, a figure, a negation, a word swapped for its opposite (WordNet,
:mod:`summarize.models.lexicon`), or, more softly, a vague count for an exact one or one thing named
instead of another. Words added are a conflict only as a softer "detail differs": when they are
the only change and name something (a noun, a name, a figure) only one outlet gives.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["NAME_KINDS", "NEAR_COPY", "Conflict", "Token", "edit_conflicts", "near_copy"]

#: What a name is, as disputes are labelled ("Place: Logan Square (1) / Palmer Square (1)").
NAME_KINDS = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organisation",
    "NORP": "group",
}
#: Words that give a count without a number ("several times" vs "nine": detail, not contradiction).
_VAGUE = {
    "several",
    "many",
    "some",
    "few",
    "numerous",
    "multiple",
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "countless",
    "various",
    "repeatedly",
}
NEGATORS = {"not", "n't", "never", "no", "without", "nobody", "nothing", "none", "neither", "nor"}
#: Verbs that deny what follows them: "captured" / "failed to capture".
NEGATING_VERBS = {"fail", "refuse", "cease", "decline"}
#: Words that pin down a figure: ordinals and units of time ("the second" / "the third",
#: "30 days" / "30 years"); one swapped for another changes the figure.
_ORDINALS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "last",
}  # fmt: skip
_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
#: Function words WordNet does not cover, in pairs of opposites ("after" / "before").
_OPPOSITE_WORDS = {
    frozenset(pair)
    for pair in (
        ("after", "before"),
        ("following", "despite"),
        ("because", "despite"),
        ("with", "without"),
        ("for", "against"),
        ("above", "below"),
        ("over", "under"),
        ("more", "less"),
        ("more", "fewer"),
        ("most", "least"),
        ("all", "none"),
        ("always", "never"),
    )
}
_COLOURS = {
    "red", "orange", "yellow", "green", "blue", "purple", "violet", "pink", "brown", "black",
    "white", "grey", "gray", "gold", "silver",
}  # fmt: skip
#: Share of tokens two sentences must have in common (in order) to be read as one sentence with
#: a few words changed, where each changed word is checked.
NEAR_COPY = 0.5

#: (kind, left value, right value, topic) of one conflict between two sentences.
Conflict = tuple[str, str, str, str]


def near_copy(a: str, b: str) -> bool:
    """Whether two sentences are one text with a few words changed (cheap, on raw words)."""
    left, right = a.lower().split(), b.lower().split()
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    return same >= NEAR_COPY * max(len(left), len(right), 1) and left != right


@dataclass(frozen=True)
class Token:
    """One word of a sentence, as the word-by-word (edit) checks need it."""

    text: str
    lower: str
    lemma: str
    pos: str
    entity: str  # spaCy entity label, "" outside names
    number: bool  # like a number ("nine", "40")
    compound: bool  # inside a number-noun modifier ("140-person"): describes, does not count
    when: bool = False  # inside a date or time ("next month"; the date checks compare those)
    negation: bool = False  # negates the statement (see summarize.comparison.conflicts)
    capitalised: bool = False  # capitalised inside the sentence: a name even when untagged
    initial: bool = False  # first word of its sentence (capitalised whatever it is)


def _is_name(token: Token) -> bool:
    """A name: tagged as one, or a proper noun or capitalised word that does not open the
    sentence (dates and numbers are compared as such, not as names)."""
    if token.when or token.number or token.pos in ("PRON", "DET"):
        return False  # "[They] agreed" is not a name
    if token.entity:
        return True
    return not token.initial and (token.pos == "PROPN" or token.capitalised)


def _span(tokens: tuple[Token, ...] | list[Token]) -> str:
    return " ".join(token.text for token in tokens)


def _opposed(left: Token, right: Token) -> bool:
    """A word swapped for its opposite: WordNet antonyms ("rose" / "fell", "approved" /
    "rejected" through a synonym of an antonym), or a negating prefix ("controlled" /
    "uncontrolled")."""
    from summarize.models.lexicon import SPACY_POS, load_lexicon

    for prefix in ("un", "in", "im", "il", "ir", "non", "dis"):
        if left.lower == prefix + right.lower or right.lower == prefix + left.lower:
            return True
    lexicon = load_lexicon()
    parts = {SPACY_POS[t.pos] for t in (left, right) if t.pos in SPACY_POS}
    return any(
        lexicon.are_opposed(x, y, pos)
        for pos in parts
        for x in {left.lemma, left.lower}
        for y in {right.lemma, right.lower}
    )


def _synonymous(left: Token, right: Token) -> bool:
    from summarize.models.lexicon import SPACY_POS, load_lexicon

    lexicon = load_lexicon()
    parts = {SPACY_POS[t.pos] for t in (left, right) if t.pos in SPACY_POS}
    return left.lemma == right.lemma or any(
        lexicon.are_related(x, y, pos)
        for pos in parts
        for x in {left.lemma, left.lower}
        for y in {right.lemma, right.lower}
    )


def _other_thing(left: Token, right: Token) -> bool:
    """Two nouns that name different things: both things (not events or ideas, see
    :meth:`~summarize.models.lexicon.Lexicon.both_things`) and not two kinds of one thing
    ("border" / "frontier", "activists" / "protesters": close enough to be rewording)."""
    from summarize.models.lexicon import load_lexicon

    lexicon = load_lexicon()
    words = [(x, y) for x in {left.lemma, left.lower} for y in {right.lemma, right.lower}]
    return any(lexicon.both_things(x, y, "n") for x, y in words) and not any(
        lexicon.are_cohyponyms(x, y, "n", senses=3) for x, y in words
    )


_CONTENT_WORDS = {"NOUN", "VERB", "ADJ", "ADV", "PROPN", "NUM"}


def edit_conflicts(left: Sequence[Token], right: Sequence[Token]) -> list[Conflict]:
    """Conflicts between two near-copies, read word by word from what was changed.

    Each changed stretch is checked for: a negation added or dropped ("captured" / "failed
    to capture" is left to the value and negation checks; "not" here), a name swapped for
    another name, a word swapped for its opposite, a number against a vague quantity
    ("nine" / "several": a softer "detail"), and, when the sentences differ in one stretch
    only, a noun there swapped for another of the same WordNet category (two people, two
    foods) that WordNet does not relate to it (neither a synonym nor a broader or narrower
    term): "founder" / "chief executive" is a "detail"; "milk" / "dairy products" (a
    broader term) and "collapse" / "calamity" (an event, a state) are not. Then, when
    nothing else is found: words added and nothing else changed, naming something
    (:func:`_added_detail`), and one noun or adjective changed for an unrelated one
    (:func:`_other_word`), both softer "detail" conflicts.
    """
    matcher = difflib.SequenceMatcher(
        a=[t.lower for t in left], b=[t.lower for t in right], autojunk=False
    )
    same = sum(block.size for block in matcher.get_matching_blocks())
    if same < NEAR_COPY * max(len(left), len(right), 1):
        return []
    found: dict[str, Conflict] = {}
    replaced: list[tuple[list[Token], list[Token]]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        one, other = list(left[i1:i2]), list(right[j1:j2])
        if "".join(t.lower for t in one) == "".join(t.lower for t in other):
            continue  # spelling only: "co-operation" / "cooperation"
        negated_one = {t.lemma for t in one if t.negation}
        negated_other = {t.lemma for t in other if t.negation}
        if negated_one != negated_other:
            found.setdefault("negation", ("negation", _span(one), _span(other), ""))
        if not one or not other:
            continue
        # Names compared as names: each side of the changed stretch names something else.
        names_one = {t.lower.removesuffix("s") for t in one if _is_name(t)}
        names_other = {t.lower.removesuffix("s") for t in other if _is_name(t)}
        if names_one - names_other and names_other - names_one:
            label = next((t.entity for t in one if t.entity), "")
            kind = NAME_KINDS.get(label, "name")
            found.setdefault("entity", ("entity", _span(one), _span(other), kind))
        numbers_one = [t for t in one if t.number and not t.compound]
        numbers_other = [t for t in other if t.number and not t.compound]
        figures_one = {t.lower for t in one if t.lemma in _ORDINALS or t.lemma in _UNITS}
        figures_other = {t.lower for t in other if t.lemma in _ORDINALS or t.lemma in _UNITS}
        if (
            numbers_one
            and numbers_other
            and {t.lower for t in numbers_one} != {t.lower for t in numbers_other}
        ) or (figures_one and figures_other and figures_one != figures_other):
            found.setdefault("number", ("number", _span(one), _span(other), ""))
        pairs = {frozenset((x.lower, y.lower)) for x in one for y in other}
        if pairs & _OPPOSITE_WORDS:
            word = next(iter(pairs & _OPPOSITE_WORDS))
            found.setdefault("antonym", ("antonym", _span(one), _span(other), min(word)))
        colours_one = {t.lower for t in one} & _COLOURS
        colours_other = {t.lower for t in other} & _COLOURS
        if colours_one and colours_other and colours_one != colours_other:
            found.setdefault("antonym", ("antonym", _span(one), _span(other), "colour"))
        vague_one = any(t.lower in _VAGUE for t in one)
        vague_other = any(t.lower in _VAGUE for t in other)
        if (numbers_one and vague_other) or (numbers_other and vague_one):
            found.setdefault("detail", ("detail", _span(one), _span(other), "count"))
        words_one = [t for t in one if t.pos in _CONTENT_WORDS and not (t.number or t.when)]
        words_other = [t for t in other if t.pos in _CONTENT_WORDS and not (t.number or t.when)]
        for x in words_one:
            for y in words_other:
                if x.lemma != y.lemma and _opposed(x, y):
                    found.setdefault("antonym", ("antonym", x.text, y.text, x.lemma))
        if words_one and words_other and not (numbers_one or numbers_other):
            replaced.append((words_one, words_other))
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if not found and changes:
        extra = _added_detail(left, right, changes)
        if extra:
            found["detail"] = extra
    if not found and len(changes) == 1 and changes[0][0] == "replace":
        _, i1, i2, j1, j2 = changes[0]
        if i2 - i1 == 1 and j2 - j1 == 1 and _other_word(left[i1], right[j1]):
            x, y = left[i1], right[j1]
            found["detail"] = ("detail", x.text, y.text, x.lemma)
    if not found and len(replaced) == 1:
        words_one, words_other = replaced[0]
        words_one = [t for t in words_one if t.pos == "NOUN"]
        words_other = [t for t in words_other if t.pos == "NOUN"]
        if not (words_one and words_other):
            return []
        if (
            not any(t.compound for t in (*left, *right))
            and not any(_synonymous(x, y) for x in words_one for y in words_other)
            and any(_other_thing(x, y) for x in words_one for y in words_other)
        ):
            found["detail"] = ("detail", _span(words_one), _span(words_other), words_one[0].lemma)
    return list(found.values())


#: Parts of speech whose presence makes an added stretch a detail of the fact ("arrested" /
#: "arrested on suspicion of fraud"), not wording ("said" / "said immediately").
_DETAIL_WORDS = {"NOUN", "PROPN", "NUM"}


#: Verbs (and "according to") that attribute a statement: an outlet naming its source adds
#: no fact to the statement.
_ATTRIBUTION = {
    "say", "tell", "add", "state", "report", "announce", "accord", "note", "explain", "confirm",
    "write", "quote",
}  # fmt: skip


def _added_detail(
    left: Sequence[Token], right: Sequence[Token], changes: Sequence[tuple[str, int, int, int, int]]
) -> Conflict | None:
    """One sentence is the other with words added and nothing else changed, and the words
    added name something (a noun, a name, a figure): "arrested" / "arrested on fraud
    charges", "the founder" / "the co-founder". Only one outlet gives that detail: a softer
    "detail differs". Adverbs and adjectives added alone ("said" / "said on Monday" is a
    noun, "quickly said" is not) are wording."""
    if {tag for tag, *_ in changes} not in ({"insert"}, {"delete"}):
        return None
    longer = right if changes[0][0] == "insert" else left
    for _, i1, _, j1, _ in changes:
        start = j1 if changes[0][0] == "insert" else i1
        if any(t.lower in NEGATORS for t in longer[max(start - 3, 0) : start]):
            return None  # said not to be so ("a truce, not a peace treaty"): no fact added
    added = [t for _, i1, i2, j1, j2 in changes for t in (*left[i1:i2], *right[j1:j2])]
    if not any(t.pos in _DETAIL_WORDS or t.entity for t in added):
        return None
    if any(t.lemma in _ATTRIBUTION for t in added):
        return None  # who said it ("a spokesperson said:"), not what happened
    text = " ... ".join(_span([*left[i1:i2], *right[j1:j2]]) for _, i1, i2, j1, j2 in changes)
    if changes[0][0] == "insert":
        return ("detail", "(not given)", text, "extra detail")
    return ("detail", text, "(not given)", "extra detail")


def _other_word(left: Token, right: Token) -> bool:
    """The one word changed between two otherwise identical sentences names another thing
    or quality: two nouns or two adjectives, both in WordNet, that are neither synonyms nor
    (adjectives) one WordNet cluster, e.g. "galaxies" / "stars", "federal" / "provincial".
    Two events, acts or states ("collapse" / "failure", "move" / "bid") are left alone: news
    names one happening in many ways."""
    from summarize.models.lexicon import SPACY_POS, load_lexicon

    if left.pos != right.pos or left.pos not in ("NOUN", "ADJ"):
        return False
    if left.number or right.number or left.when or right.when or left.compound or right.compound:
        return False
    lexicon = load_lexicon()
    pos = SPACY_POS[left.pos]
    if not (lexicon.knows(left.lemma, pos) and lexicon.knows(right.lemma, pos)):
        return False
    words = [(x, y) for x in {left.lemma, left.lower} for y in {right.lemma, right.lower}]
    if left.lemma == right.lemma or any(lexicon.are_alike(x, y, pos) for x, y in words):
        return False
    return not (
        pos == "n"
        and lexicon.is_abstract(left.lemma, pos)
        and lexicon.is_abstract(right.lemma, pos)
    )
