"""Is an article in English? A rough guess, enough to warn that the English models will misread it.

The embedder, the pair models, spaCy and the digest's features are English ones: an article in
another language loads and is briefed, but its matches, citations and disputes are not to be
trusted. Three cheap signals, no model: the share of letters outside the Latin script (Chinese,
Cyrillic, Arabic...); the share of words that are the commonest function words of English
against those of six other languages written in Latin letters; and the share of words with
accented letters. English news has a third of its words on the English list (no document of 25
words or more of the Multi-News, NeuS or CNN/DailyMail dev sets falls below 0.09; BENCHMARKS.md,
"Session 14"); German, French, Spanish, Italian, Portuguese or Dutch news has 0 to 0.10, and a
fifth or more on its own list. A text under :data:`MIN_WORDS` words (:data:`MIN_LETTERS`
letters) is not judged; a long one is judged on its first :data:`READ_CHARS` characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

__all__ = ["MIN_LETTERS", "MIN_WORDS", "READ_CHARS", "not_english"]

#: Fewer words than this in Latin letters: too few to tell (headlines, captions).
MIN_WORDS = 25
#: Fewer letters than this in all: too few to tell a script.
MIN_LETTERS = 20
#: The part of a text read (an article's opening tells its language).
READ_CHARS = 20_000

_WORD = re.compile(r"[^\W\d_]+")

_ENGLISH = frozenset(
    """the of and to a in is that for it was on with as he by at from his be have has are
    said this not but were they an which or had their will who been more after would she her
    its we about than also there when into all i you our can them what if no so him up
    out""".split()  # noqa: SIM905 - a word list reads better as text
)
#: The commonest function words of other languages written in Latin letters (words that are
#: common English words too, "in", "a", "die", "is", are left out).
_OTHERS = {
    "German": """der die und den von zu das mit sich des auf für ist im dem nicht ein eine als
        auch es werden aus er hat dass sie nach wird bei einer um sind noch wie einem über
        einen zum war haben nur oder aber vor zur bis mehr durch wurde""",
    "French": """de la le et les des en un du une que est pour qui dans par sur pas au plus
        ne se ce il sont avec son ont aux été cette mais ou elle leur nous vous""",
    "Spanish": """de la que el en y los del se las por un para con una su al es lo como más
        pero sus ha sin sobre este ya entre cuando todo esta ser son dos también fue había
        era muy años hasta desde está""",
    "Italian": """di il la che per un è del non una le si da con sono al della lo come ma ha
        nel anche dei più gli alla se delle questo essere""",
    "Portuguese": """de o que do da em um para é com não uma os no se na por mais dos como
        mas foi ao ele das tem à seu sua ou ser quando muito há nos já está também""",
    "Dutch": """de en van het een dat op te zijn met voor niet aan er die maar om ook als
        bij dan nog wel door naar uit worden heeft wordt""",
}
#: Words of those lists that are English words too ("come", "per", "die", "son", "pour"):
#: left out, so that English text low in function words is not taken for Italian.
_HOMOGRAPHS = frozenset(
    """come per son pour plus sin era die war hat met van door do con um er lo ma dan pas ha la
    de le se da al es ser""".split()  # noqa: SIM905 - a word list reads better as text
)
_OTHER_WORDS = {
    name: frozenset(words.split()) - _ENGLISH - _HOMOGRAPHS for name, words in _OTHERS.items()
}
#: Another language's list must cover at least this share of the words to name it.
_OTHER_FLOOR = 0.10
#: Below this share of common English words, a text of Latin letters is not English if another
#: language's list covers at least as much.
_ENGLISH_FLOOR = 0.12
#: Below this share, with many accented words (:data:`_ACCENTED`), not English either.
_ENGLISH_LOW = 0.20
#: With few common English words, this share of words with letters beyond ASCII ("på",
#: "ogłosił") says another language (English news has them only in names: "Müller").
_ACCENTED = 0.10
#: Unicode script names (the first word of a character's name) and what to call them.
_SCRIPTS = {
    "CJK": "Chinese or Japanese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "CYRILLIC": "Cyrillic script (Russian, Ukrainian...)",
    "ARABIC": "Arabic script",
    "HEBREW": "Hebrew",
    "GREEK": "Greek",
    "DEVANAGARI": "Devanagari script (Hindi...)",
    "THAI": "Thai",
}


def not_english(text: str) -> str | None:
    """What ``text`` seems to be written in when that is clearly not English ("German",
    "Chinese or Japanese", "a language other than English"); ``None`` when it reads as
    English or is too short to tell."""
    text = text[:READ_CHARS]
    letters = [c for c in text if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    other = [c for c in letters if ord(c) > 0x24F]  # beyond Latin Extended-B
    if len(other) > len(letters) / 2:
        scripts = Counter(unicodedata.name(c, "OTHER").split()[0] for c in other)
        script = scripts.most_common(1)[0][0]
        return _SCRIPTS.get(script, "a language other than English")
    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    english = sum(word in _ENGLISH for word in words) / len(words)
    accented = sum(not word.isascii() for word in words) / len(words)
    if english >= _ENGLISH_FLOOR and not (english < _ENGLISH_LOW and accented >= _ACCENTED):
        return None
    shares = {
        name: sum(word in listed for word in words) / len(words)
        for name, listed in _OTHER_WORDS.items()
    }
    language, share = max(shares.items(), key=lambda item: item[1])
    if share >= max(english, _OTHER_FLOOR):
        return language
    # Few English words alone is not enough: a list of headlines or names has few too.
    return "a language other than English" if accented >= _ACCENTED else None
