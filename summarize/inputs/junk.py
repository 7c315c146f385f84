"""Sentences that are not news: punctuation alone, contact lines, credits, captions, embeds
(tweets, video players) and promos ("Click here to ...").

:mod:`summarize.inputs.cleaning` drops whole lines of page furniture; some of it survives
inside a paragraph ("... said the mayor. Reach Bob Dunn at bdunn@example.com.") or as a line
too unusual for its rules, and then becomes a sentence of its own. :func:`junk_reason` says
why one sentence is such a piece. The article keeps it (``Article.sentences`` cover its text,
nothing is dropped); the comparison never matches it with another sentence, never lists it as
"only one outlet reports", and digests never take it. The line rules of
:mod:`~summarize.inputs.cleaning` apply to sentences too.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from contextvars import ContextVar

from summarize.inputs.cleaning import _AGENCIES, _rule_reason, normalize_line

__all__ = ["is_junk", "junk_reason", "remembered"]

# Verdicts of :func:`is_junk` inside a :func:`remembered` block (None outside one).
_MEMO: ContextVar[dict[str, bool] | None] = ContextVar("junk_memo", default=None)

_NO_WORDS = re.compile(r"^[\W_]*$")
_SHORT = 25  # words: the rules below apply to sentences up to this long

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "embed",
        re.compile(
            r"^-*\s*(iframe|embed|\[embed\]|<iframe.*|image:\d+\S*)\s*-*$|--\s*iframe\s*--|"
            r"\bimage:\d+:\d+\S*|"
            r"^embed more (news )?videos\b|"  # a station's video player, scraped flat
            r"\ba post shared by\b|"  # an Instagram post's footer
            r"\b(click|tap) to play\b|\bvideo unavailable\b|"
            r"^media playback is unsupported on your device\b|^media caption\b",  # the BBC's
        ),
    ),
    (
        "promo",
        re.compile(
            r"^\(?watch:|\bas an interest to stay up to date\b|^add interest$|"
            r"\bhere:? (https?://|www\.)\S+$|"
            r"^like [\w .'&-]{1,40} on facebook\b|\bfollow @\w+ on (twitter|instagram)\b|"
            r"^an expanded version of this (report|story|article) appears\b|"
            r"^see [\w .'-]{1,60} at [\w-]+\.(com|org|net|co\.uk)\.?$|"
            r"^(see|watch) (the )?video( below| above)?\.?$|"
            r"\bclick (here|for more|to (read|see|watch|view))\b|"
            r"^you are now subscribed\b|^thank you for subscribing\b|"
            r"^get [\w .'&-]{1,40} in your inbox\b|^have something to add\b|^got a (news )?tip\b|"
            r"^interested in [\w .'&-]{1,40}\?$|"
            r"^share tweet\b|\bshares on facebook\b|"  # share buttons
            r"\ba friend wanted you to see this\b|"  # an e-mail-a-friend form
            r"^view (graphic|gallery|photos?)\b",  # a link to a graphic
        ),
    ),
    (
        "editor's note",
        re.compile(
            r"^\(?this (story|article|report) (has been|was) updated\b|"
            r"^\(?these are (all )?opinion (articles|pieces)\b",
        ),
    ),
    ("related links", re.compile(r"^\[[^\[\]]{3,200}\]\.?$")),
    (
        "dateline",
        re.compile(
            r"^\((cnn|upi|ians|pti)\)\.?$|"  # "(AP)", "(Reuters)": a photo credit below
            r"^((monday|tuesday|wednesday|thursday|friday|saturday|sunday),? )?"
            r"(january|february|march|april|may|june|july|august|september|october|november|"
            r"december) \d{1,2},? \d{4}\.?$",
        ),
    ),
    (
        "contact line",
        re.compile(
            r"\b(reach|contact|e-?mail|write to)\b.{0,60}\b(at|via|on)\s+\S+@\S+|"
            r"\b(can|may) be reached (at|by|on)\b|\bsend us a (secure )?tip\b|"
            r"\bsend (an )?e-?mail to \S+@\S+|^to reach [\w .'-]{1,40}, (call|e-?mail|write)\b|"
            r"^follow [\w .'-]{1,40} on (twitter|facebook|instagram)\b|"
            r"\bfollow (him|her|them|me)\b.{0,30}\b(twitter|instagram|facebook)\b|"
            r"^\S+@\S+\.\w+\.?$|"
            r"[\w.+-]+@[\w-]+\.[a-z]{2,}",  # an e-mail address in a short sentence
        ),
    ),
    (
        "credit line",
        re.compile(
            r"\bcontributed (to )?(this|the) (report|story|article)\b|"
            r"^\(?(writing|additional reporting|reporting|editing|compiled) by\b|"
            r"^(contributing|information from|sources?)\s*:|"
            r"^--\s*[a-z][\w.'-]*( [a-z][\w.'-]*){0,6}( and [\w .'-]+)?( at [\w .'-]+)?$",
        ),
    ),
    (
        "photo credit",
        re.compile(
            rf"^\((associated press|{_AGENCIES})\)$|^credit\s*:|"
            r"/\s*(staff |contributing )?photographer\)?$|"
            rf"^\(?[\w .'-]+ ?/ ?([\w .'-]+ ?/ ?)*({_AGENCIES}|associated press)\)?$|"
            rf"^({_AGENCIES}) photo ?/ ?[\w .'-]+$|"
            rf"^\|\s*({_AGENCIES})\b|"  # a credit glued before a caption
            r"^\([\w .,'-]{3,60}/[\w .'-]{3,40}\)$|"  # (Name, Name/Outlet): a video's credit
            rf"^courtesy (of )?[\w .,'-]{{3,60}}/|/ ?handout( via ({_AGENCIES}))?\.?$",
        ),
    ),
    (
        "photo caption",
        re.compile(
            r"^(file|photo|caption)\s*(-|:)\s|^\(photo:|"
            r"^\((photo|photograph|image)s? (by|courtesy of)\b|"
            r"^facebook twitter pinterest\b|"  # an image's share buttons, then its caption
            r"^enlarge (this )?image\b|"  # a gallery's button, then the caption
            r"\bvia getty images\b",
        ),
    ),
    ("photo credit", re.compile(r"^pic:? [a-z][\w.'-]*( [a-z][\w.'-]*){0,3}$")),
    (  # a review's box of film details: "Director: Peter Jackson", "Running time: 2 hours"
        "film details",
        re.compile(
            r"^(director|distributor|rating|rated|running time|runtime|starring|stars|cast|"
            r"screenplay|written by|genre|studio)\s*:|"
            r"^(directed|written|produced) by [\w .'-]{3,40}$"
        ),
    ),
    (  # a sentence that only points at what follows: "Here's what you need to know."
        "signpost",
        re.compile(
            r"^(here's|here is|here are|this is) (what|how|why|everything)\b[\w ,'-]{0,40}[.:]?$"
        ),
    ),
    (  # a live blog's time stamp ("10:07 P.M."), a publication line ("(Published Friday, ...)")
        "dateline",
        re.compile(
            r"^\d{1,2}:\d{2} ?[ap]\.?m\.?( [a-z]{2,4})?$|"
            r"^\((published|posted|updated|last updated)( on)?:? [\w ,.:]{4,40}\)\.?$"
        ),
    ),
    ("section label", re.compile(r"^more\.?$|^(latest|live) updates\b.{0,20}:?$")),
    # a menu of links ("2016 Election Calendar | WSJ/NBC Polls | 2016 Poll Standings"), or a
    # line cut at one ("TEHRAN |")
    ("navigation", re.compile(r"^[^.!?]*\|[^.!?]*\|[^.!?]*$|\|$")),
    # a gallery's counter ("1 of 6", "Photo 3 of 12")
    ("photo caption", re.compile(r"^((photo|image|picture|slide)s? )?\d{1,3} of \d{1,3}\.?$")),
    (  # a wire service's reprint notice
        "copyright",
        re.compile(r"^dow jones reprints\b|\bthis copy is for your personal,? non-commercial use"),
    ),
)
#: Rules read on the sentence as written (case matters) and at any length, before
#: :data:`_RULES` (lower-cased, short sentences only).
_ANY_LENGTH: tuple[tuple[str, re.Pattern[str]], ...] = (
    (  # a credit that ends a caption ("... at Caltech (Photo by Pat Lee for The Post)",
        # "... at the site Photograph: Kevin Standage"): the whole sentence is a caption
        "photo caption",
        re.compile(
            r"\((?i:photo|photograph|image)s? (?i:by|courtesy of) [A-Z][^()]{0,60}\)\.?$|"
            r"\bPhotograph\s*:\s*[A-Z][\w.'/-]*( [A-Z][\w.'/-]*){0,4}\.?$|"  # a name
            r"(?i:\bvia getty images\b)"
        ),
    ),
    ("photo credit", re.compile(r"^(?i:photo|image)s? (?i:credits?)\s*:")),
    (  # a photo's caption dated as agencies date them, with no "on": "... talks to reporters
        # at his home in New York, Thursday, May 1, 2014." (AP), "... sit with their mothers
        # during a news conference in Tehran May 20, 2010." (Reuters)
        "photo caption",
        re.compile(
            r"(?:, (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),|"
            r"\bin [A-Z][\w.'-]*(?:,? [A-Z][\w.'-]*){0,3},?) "
            r"(?:January|February|March|April|May|June|July|August|September|October|"
            r"November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d{1,2}, \d{4}\.$"
        ),
    ),
    (  # its text, then "— Name (@handle) Month D, YYYY", or a pic.twitter.com / t.co link
        "embedded tweet",
        re.compile(
            r"\(@\w{1,15}\) (?:January|February|March|April|May|June|July|August|September|"
            r"October|November|December) \d{1,2}, \d{4}\.?$|"
            r"pic\.twitter\.com/\w+|https?://t\.co/\w+|"
            # a tweet's author and handle before its text: "Elon Musk (@elonmusk) Kanye ..."
            r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){1,3} \(@\w{1,15}\) "
        ),
    ),
    (  # up to four capitalised words, no lower-case letter, no full stop ("WASHINGTON",
        # "NO SURVIVORS"; not a quote shouted in capitals, "THAT IS MEAN."), or one to three
        # quoted words ("'Delighted'", "“Punitive”")
        "dateline or section label",
        re.compile(
            r"^(?=(?:\S+\s+){0,3}\S+$)[A-Z][A-Z ,'&()-]{1,40}[—–-]?$|"
            r"^['‘\"“][\w-]+(?: [\w-]+){0,2}['’\"”]$"
        ),
    ),
    (  # a dateline split off its sentence: "SYCAMORE, Ill.", "FORT LAUDERDALE, Fla."
        "dateline",
        re.compile(
            r"^[A-Z][A-Z .'-]{1,40}, (?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|"
            r"La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|N\.[CDHJMY]|Okla|Ore|Pa|R\.I|S\.[CD]|"
            r"Tenn|Tex|Va|Vt|Wash|W\.Va|Wis|Wyo|D\.C)\.$"
        ),
    ),
    (  # a teaser for other pages: "Related PHOTOS: No Apologies: All 102 Nirvana Songs ..."
        "related links",
        re.compile(
            r"^(?i:related)(?: [A-Z]+| (?i:stories|articles|content|coverage|links|reading))?"
            r" ?: "
        ),
    ),
    (  # a page's stamps after its headline: "... hospital Posted: Monday, June 23, 2014 11:03"
        "dateline",
        re.compile(r"\b(?:Posted|Updated): (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, [A-Z]"),
    ),
    (  # a text cut off after a title ("... said GOP Georgia Gov."): no sentence ends so
        "cut off",
        re.compile(r"\b(?:Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Mr|Mrs|Ms|Prof|Rev)\.$"),
    ),
    # a byline box: "Analysis: Simon Jack, BBC business editor"
    (
        "credit line",
        re.compile(
            r"^(?:Analysis: )?[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2}, (?:the )?BBC(?:'s)?"
            r"(?: [\w-]+){0,3} (?:editor|correspondent|reporter)$"
        ),
    ),
    # a broadcaster's sign-off: "April Baer reports."
    ("credit line", re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2} reports\.$")),
    # a photo's or a clip's credit: "April Baer / OPB"
    ("credit line", re.compile(r"^[A-Z][a-z]+ [A-Z][a-z]+ ?/ ?[A-Z]{2,6}$")),
)


def junk_reason(sentence: str) -> str | None:
    """Why ``sentence`` is not news (a reason for ``Article.removed_reasons``), or ``None``."""
    if _NO_WORDS.match(sentence):
        return "punctuation only"
    text = sentence.strip()
    for reason, pattern in _ANY_LENGTH:
        if pattern.search(text):
            return reason
    norm = normalize_line(sentence)
    words = len(norm.split())
    if words > _SHORT:
        return None
    for reason, pattern in _RULES:
        if pattern.search(norm):
            return reason
    return _rule_reason(norm, words)


def is_junk(sentence: str) -> bool:
    """Whether ``sentence`` is not news (:func:`junk_reason` gives a reason)."""
    memo = _MEMO.get()
    if memo is None:
        return junk_reason(sentence) is not None
    found = memo.get(sentence)
    if found is None:
        found = memo[sentence] = junk_reason(sentence) is not None
    return found


@contextlib.contextmanager
def remembered() -> Iterator[None]:
    """Judge each distinct sentence once within the block.

    One briefing asks about every sentence several times (alignment, comparison, the merged
    and the per-source digests). The verdicts are kept only until the block ends, so every
    briefing pays for its own sentences and memory does not grow across briefings.
    """
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)
