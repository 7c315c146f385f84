"""Boilerplate removal for plain article text, line by line, keeping everything it drops.

(One module past 400 lines on purpose: half of it is the table of boilerplate patterns, and the
patterns and the passes that apply them are one rule set, read and tuned together.)

Web pages copied or scraped as text carry lines a reader skips: newsletter promos, "related
stories" teaser lists, comment forms, share buttons, advert markers, photo credits, copyright
lines, the outlet's name, the headline repeated, lines repeated verbatim. :func:`clean_text`
drops such lines by general rules (never story-specific strings) and returns what it kept and
what it removed, with the reason for each removal, so nothing is lost silently. Whole lines
are dropped (video and photo-gallery furniture, photo captions and credits, bylines); page
furniture *inside* a kept line (a trailing photo credit, a dateline such as "Washington (CNN)",
a watermark token, "Story highlights") is cut out of it, and the cut piece is listed too.

The rules are deliberately conservative: a line is only dropped when it matches a boilerplate
pattern *and* is short, or when it sits in an unmistakable block (a teaser list between
separator lines, a short line between two boilerplate lines). A long line that merely mentions
a newsletter or a copyright is kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["CleanedText", "clean_text", "is_link", "normalize_line"]

# Line-length limits (in words) under which a pattern match counts as boilerplate.
_SHORT = 40
_VERY_SHORT = 12


@dataclass(frozen=True)
class CleanedText:
    """The result of cleaning one article's text.

    Attributes:
        kept: The lines kept, in order, stripped.
        removed: The lines dropped, in order, stripped.
        reasons: Why each line in ``removed`` was dropped (same order and length).
    """

    kept: tuple[str, ...]
    removed: tuple[str, ...]
    reasons: tuple[str, ...]

    @property
    def text(self) -> str:
        """The kept lines as paragraphs separated by blank lines."""
        return "\n\n".join(self.kept)


def normalize_line(line: str) -> str:
    """Casefold, unify quotes/dashes and collapse spaces so equal-looking lines compare equal."""
    line = unicodedata.normalize("NFKC", line)
    line = line.translate(_QUOTES).casefold()
    return " ".join(line.split())


_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


_AGENCIES = (
    r"ap|afp|reuters|epa|pa|getty|getty images|shutterstock|alamy|bloomberg|corbis|"
    r"ap photo|pa wire|anadolu|xinhua|tass|sipa|rex|rex features|wireimage"
)


#: A photo's credit in brackets at the end of a line: "(Photo: Chris Pizzello/Invision/AP)",
#: "(AP Photo/Evan Vucci)", "(David M Warren / Staff Photographer)", "(Kevin Lamarque/Reuters)";
#: not a poll's source in the text ("(Ipsos/Reuters)": no name before the slash).
_CREDIT_AT_END = re.compile(
    r"\((?:(?:AP|AFP|EPA|Pool|Reuters) )?(?:Photo|Photograph|Image|Picture)s?\b[^()]{0,80}\)\.?$|"
    r"\([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){1,4} ?/ ?[^()]{0,40}"  # a name, then the agency
    rf"\b(?i:{_AGENCIES}|invision|filmmagic|pool|(?:staff )?photographer)\b[^()]{{0,30}}\)\.?$"
)
#: A caption states a line or two; a longer paragraph ending in a credit is left to the
#: in-line rules, which cut the credit and keep the text.
_CAPTION_MAX_WORDS = 80


def _is_caption(line: str, words: int) -> bool:
    """A line of text ending with a photo's credit: the photo's caption, not the article's
    text ("Members of Occupy Philadelphia remain on site at City Hall into the evening of
    Nov. 28. (David M Warren / Staff Photographer)")."""
    match = _CREDIT_AT_END.search(line)
    return (
        match is not None
        and words <= _CAPTION_MAX_WORDS
        and _HAS_WORD.search(line[: match.start()]) is not None
    )


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# Each rule: (reason, pattern, max words). Patterns are matched against the normalized line.
_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    (
        "comment form",
        _rx(
            r"^leave a (reply|comment)\b",
            r"your email address will not be published",
            r"required fields are marked",
            r"^(post|submit|add) (a |your )?comment\b",
            r"^cancel reply$",
            r"notify me of (new|follow-up)",
            r"save my name, email",
            r"you must be logged in to (post|leave) a comment",
            r"^comments? (are|is) closed",
            r"^\d+ (comments?|responses?|replies)$",
            r"^(show|view|load|hide) (all |more )?comments?\b",
            r"^join the (conversation|discussion)\b",
        ),
        _SHORT,
    ),
    (
        "newsletter promo",
        _rx(
            r"\bsign (me )?up (for|to|now|here|today)\b",
            r"\bsign up\b.*\b(newsletter|email|alerts?|inbox)",
            r"\b(delivered|sent|straight|directly|right) "
            r"(straight |directly |right )?to your inbox",
            r"^subscribe\b",
            r"\bsubscribe (to our|now|today|here)\b",
            r"\bfree (daily|weekly|morning|evening) (e-?mail|newsletter|briefing)",
            r"\bnewsletters?\b.*\b(sign|subscribe|inbox|free|get)\b",
            r"\b(get|receive) (our|the) (best|latest|top)\b.*\b(inbox|email|newsletter)",
            r"\bgift subscription\b",
            r"\balready (a subscriber|subscribed)\b",
            r"^(for the latest news|get breaking news)\b",
        ),
        _SHORT,
    ),
    (
        "share buttons",
        _rx(
            r"^(share|tweet|e-?mail|print|pin|whatsapp|facebook|twitter|linkedin|reddit|"
            r"copy link|save)( (this|the) (story|article|page|post))?( on \w+)?:?$",
            r"\bclick to (share|e-?mail|print)\b",
            r"\(opens in (a )?new window\)",
            r"^read or share this story\b",
            r"^share (this|on|via)\b",
            r"^tweet with a location$",
            r"^add a location to your tweets$",
            r"^follow (us|@\w+)\b",
            r"\bfollow us on (twitter|facebook|instagram)\b",
        ),
        _VERY_SHORT,
    ),
    (
        "advert marker",
        _rx(
            r"^advertisement\b",
            r"^(sponsored( content)?|promoted|paid (content|post))$",
            r"\bstory continues below (the )?advertisement\b",
            r"^(story|article) continue[sd]? below\b",
            r"\bcontinue reading the main story$",
            r"^skip (advertisement|ad)$",
        ),
        _VERY_SHORT,
    ),
    (
        "related links",
        _rx(
            r"^(related|related (stories|articles|coverage|content|links|news|reading)|"
            r"read more|more from [\w .'&-]+|more on this (story|topic)|recommended( for you)?|"
            r"you (may|might) (also )?like|most (popular|read|viewed|shared)|"
            r"trending( now| stories)?|more stories|more news|further reading|see also|"
            r"top stories|latest (news|stories)|what to read next|editors'? picks?|"
            r"don't miss|in case you missed it)\s*[:.]?$",
            r"^(related|read more|more|see also|watch|photos?|video|full coverage|"
            r"don't miss|read next|recommended)\s*:\s*\S",
            r"^read more (about|on|at|from|here)\b",
        ),
        _VERY_SHORT * 2,
    ),
    (
        "page furniture",
        _rx(
            r"^(back to|top of) (the )?(top|page)$",
            r"^skip to (main )?(content|navigation)$",
            r"^(sorry, )?the page you requested (was|could) not (be )?found",
            r"^this feature is not available right now\b",
            r"^the interactive transcript could not be loaded",
            r"^rating is available when the video has been rented",
            r"\b(enable|requires?) javascript\b",
            r"\bjavascript is (disabled|required|turned off)\b",
            r"\bwe use cookies\b",
            r"^(accept|reject|manage) (all )?cookies$",
            # Footer links.
            r"^(cookie|privacy) (policy|notice|settings|preferences)$",
            r"^terms (of|and) (use|service|conditions)$",
            r"^(contact|about) us$",
            r"^(site ?map|accessibility|careers|advertise( with us)?|help|faq|newsroom)$",
            r"^(log ?in|sign ?in|register|menu|search|home|close)"
            r"( / (log ?in|sign ?in|register))?$",
            r"^(image|photo|photograph|picture|video)( credit)?s?:",
            r"^\((image|photo|photograph|picture|credit)s?:[^)]*\)$",
            r"^(photo|image|video|embedded video)$",
            r"^!\[[^\]]*\]\([^)]*\)$",  # a Markdown image
            # Photo credits: an agency alone, or "Name Surname/Agency".
            rf"^({_AGENCIES})( \(\d+\))?$",
            rf"^[\w .'-]+ ?/ ?([\w .'-]+ ?/ ?)*({_AGENCIES})$",
        ),
        _VERY_SHORT,
    ),
    (
        # Text a scraper or web archive puts where the article should be: the notice of an
        # embedded tweet, a web archive's notice about its crawls, a "not found" page.
        "embed or archive notice",
        _rx(
            r"\byou can add location information to your tweets\b",
            r"^when you tweet with a location\b",
            r"\bcrawl data to the internet archive\b",
            r"^these crawls are part of an effort to archive pages\b",
            r"\bmay not be ingested into the wayback machine\b",
            r"^please check the url for proper spelling\b",
            r"^search the web\b.{0,60}$",
            r"^please try .{0,60}\bif you need (more|further) (assistance|help)\b",
        ),
        _SHORT * 3,
    ),
    (
        "video furniture",
        _rx(
            r"^just watched\b",
            r"\breplay more videos\b",
            r"\bmust watch\b.*\b\d{1,2}:\d{2}$",
            r"^(now playing|up next|next video|watch video|video duration|play video)\b",
            r"^(video|watch)\s*:?\s*\d{1,2}:\d{2}$",
            r"\bclick here to watch( the)? video\b",
        ),
        _SHORT,
    ),
    (
        "photo gallery",
        _rx(
            r"^\d+ of \d+\b.*\b(full screen|autoplay|skip ad|view photos|next|previous)\b",
            r"\bfull screen autoplay\b",
            r"\bskip ad\b\s*×",
            r"\bview (all )?(photos|gallery)\b",
            r"^(hide|show|expand) caption\b",
            r"^image (copyright|caption)\b",
            r"^(photos?|gallery|slideshow|image \d+ of \d+)\s*:",
        ),
        _SHORT * 2,
    ),
    (
        "photo credit",
        _rx(
            r"\bbuy photo\b",
            r"\bwait \d+ seconds? to continue\b",
            rf"^(photo|image|picture)s?( credit)?\s*(:|by)?\s*[\w .'-]*(/|\b({_AGENCIES})\b)",
            r"^\(?(ap|afp|reuters|getty images) photo\b",
        ),
        _SHORT * 2,
    ),
    (
        "byline",
        _rx(
            r"^(by|--|—|–)\s*[a-z][\w.'-]+( [a-z][\w.'-]+){0,3}"
            r"((,| and| &) [a-z][\w.'-]+( [a-z][\w.'-]+){0,3})*"
            r"(,? (at|for|in|with|staff|contributing|special|senior|chief|correspondent|"
            r"reporter|writer|editor)\b.*)?$",
            r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$",
            r"^(posted|updated|published|last updated|first published)\b.*\d",
        ),
        _VERY_SHORT,
    ),
    (
        "copyright",
        _rx(
            r"^(©|\(c\)\s*\d{4})",
            r"^copyright\s*(©|\(c\)|\d{4})",
            r"^copyright\b(\W+\w+){0,5}\W*$",  # "Copyright Example Media Ltd"
            r"\ball rights reserved\b",
            r"may not be (re)?published, broadcast, rewritten,? or redistributed",
            r"^terms (of (use|service))?( and | & )privacy",
        ),
        _SHORT,
    ),
)

# Neighbour reasons that make a short line in between them boilerplate too ("sandwich" rule).
# Advert markers and page furniture are left out: scraped pages put "Advertisement" between
# real paragraphs.
_BLOCK_REASONS = frozenset(
    {"comment form", "newsletter promo", "share buttons", "copyright", "site name"}
)
_SANDWICH_MAX_WORDS = 25

_HAS_WORD = re.compile(r"[^\W_]")
_DOMAIN = re.compile(r"^(https?://)?(www\.)?[\w-]+(\.[\w-]+)*\.[a-z]{2,}/?$", re.IGNORECASE)
# A line that is only a link to a page (share links, "read more" targets): no sentence of news.
_LINK = re.compile(r"^<?(?:https?://|www\.)\S+$", re.IGNORECASE)
# A teaser card scraped flat: a headline glued to its kicker ("...shopping centre?Under The Radar").
_GLUED = re.compile(r"(?:[a-z]{3}|[0-9?!'’\"”)])[A-Z][a-z]+ [A-Z]?[a-z]+")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")


def is_link(line: str) -> bool:
    """A line that is only a link to a page ("https://example.com/news/1", "www.x.com/a")."""
    return _LINK.match(line.strip()) is not None


def _is_separator(line: str) -> bool:
    """A line with no letters or digits at all: "-", "***", "___", "• • •"."""
    return _HAS_WORD.search(line) is None


def _rule_reason(norm: str, n_words: int) -> str | None:
    for reason, pattern, max_words in _RULES:
        if n_words <= max_words and pattern.search(norm):
            return reason
    return None


def _teaser_runs(lines: list[str], reasons: list[str | None]) -> None:
    """Mark teaser lists: 3+ single-line, headline-like items between separator lines."""
    # Segments of consecutive non-separator lines, as (start, end) index pairs.
    segments: list[tuple[int, int]] = []
    start: int | None = None
    for i, line in enumerate(lines):
        if _is_separator(line):
            if start is not None:
                segments.append((start, i))
                start = None
        elif start is None:
            start = i
    if start is not None:
        segments.append((start, len(lines)))

    def headline_item(seg: tuple[int, int]) -> bool:
        if seg[1] - seg[0] != 1 or len(lines[seg[0]].split()) > 50:
            return False
        line = lines[seg[0]]
        return not _ENDS_SENTENCE.search(line) or _GLUED.search(line) is not None

    # Consecutive segments are always separator-delimited, so a run of headline-like
    # single-line segments is a list of teaser cards. Three or more make a teaser list.
    run: list[int] = []
    for seg in [*segments, None]:
        if seg is not None and headline_item(seg):
            run.append(seg[0])
            continue
        if len(run) >= 3:
            for i in run:
                if reasons[i] is None:
                    reasons[i] = "teaser list"
        run = []


# Furniture inside a line: (reason, pattern). The matched text is cut out of the line.
_CREDIT_PART = r"[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3}"
_INLINE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("story highlights", re.compile(r"^story highlights\s+", re.IGNORECASE)),
    (
        "dateline",
        re.compile(
            r"^(?:[A-Z][\w.'-]+(?:[ ,]+[A-Z][\w.'-]+){0,4},? ?)?"
            r"\((?:CNN|AP|Reuters|AFP|CNN Money|CNNMoney|UPI|AFP/Getty)\)\s*(?:[-—–]+\s*)?"
        ),
    ),
    ("dateline", re.compile(r"^[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][\w.]+)? [—–] ")),
    (
        "photo credit",
        re.compile(
            r"\s*\((?:(?:AP|AFP|Reuters|EPA) )?(?:Photo|Image|Picture)s?(?: credit)?"
            r"\s*[:/][^)]*\)$",
            re.IGNORECASE,
        ),
    ),
    (
        "photo credit",
        re.compile(rf"(?<=[.!?\"”’)])\s+(?:{_CREDIT_PART} ?/ ?)+{_CREDIT_PART}$"),
    ),
    ("watermark", re.compile(r"\s\S+ ©(?= [a-z])")),
)
_AGENCY = re.compile(rf"(^|\W)({_AGENCIES}|file photo|via ap)(\W|$)", re.IGNORECASE)


def _cut_inline(line: str, *, opening: bool) -> tuple[str, list[tuple[str, str]]]:
    """Cut furniture out of a kept line; returns the line and the (piece, reason) cuts.

    The article's opening line keeps its dateline ("WASHINGTON —", "(CNN)"): that is where
    an article states where it was filed. A dateline anywhere else is left over from another
    article or a page block and is cut.
    """
    cuts: list[tuple[str, str]] = []
    for reason, pattern in _INLINE:
        if opening and reason == "dateline":
            continue
        match = pattern.search(line)
        if match is None:
            continue
        piece = match.group(0).strip()
        if reason == "photo credit" and "/" in piece and not _AGENCY.search(piece):
            continue  # "Name/Name" without an agency may be text ("and/or", "AC/DC")
        rest = (line[: match.start()] + " " + line[match.end() :]).strip()
        if not _HAS_WORD.search(rest):
            continue  # the whole line: leave it to the line rules
        cuts.append((piece, reason))
        line = " ".join(rest.split()) if reason == "watermark" else rest
    return line, cuts


def clean_text(
    text: str,
    *,
    source: str | None = None,
    title: str | None = None,
    extra_names: Iterable[str] = (),
) -> CleanedText:
    """Drop boilerplate lines from plain article text.

    Args:
        text: The article text; each line is treated as one paragraph.
        source: The outlet's name; a line that is just this name is dropped ("site name").
        title: The headline; a line equal to it is dropped ("title"), as the headline is kept
            separately in :attr:`Article.title`.
        extra_names: Other names whose bare lines are dropped (e.g. the site's domain).

    Returns:
        A :class:`CleanedText` with the kept lines, the removed lines and the reasons.
    """
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    norms = [normalize_line(line) for line in lines]
    words = [len(line.split()) for line in lines]
    names = {normalize_line(n) for n in (source, *extra_names) if n and n.strip()}
    title_norm = normalize_line(title) if title else None

    reasons: list[str | None] = [None] * len(lines)
    for i, norm in enumerate(norms):
        if _is_separator(lines[i]):
            reasons[i] = "separator"
        elif norm in names or (_DOMAIN.match(norm) and words[i] == 1):
            reasons[i] = "site name"
        elif is_link(lines[i]):
            reasons[i] = "link"
        elif title_norm and norm == title_norm:
            reasons[i] = "title"
        elif _is_caption(lines[i], words[i]):
            reasons[i] = "photo caption"
        else:
            reasons[i] = _rule_reason(norm, words[i])

    _teaser_runs(lines, reasons)

    # A short name-like line that recurs inside promo/copyright lines is the site's name
    # ("The Week" next to "Sign up for The Week's Free Newsletters").
    promo_text = " ".join(
        norms[i] for i, r in enumerate(reasons) if r in {"newsletter promo", "copyright"}
    )
    if promo_text:
        for i, norm in enumerate(norms):
            if (
                reasons[i] is None
                and words[i] <= 5
                and not _ENDS_SENTENCE.search(lines[i])
                and re.search(rf"(^|\W){re.escape(norm)}($|\W)", promo_text)
            ):
                reasons[i] = "site name"

    # Repeated lines: keep the first occurrence only.
    seen: set[str] = set()
    for i, norm in enumerate(norms):
        if reasons[i] is None:
            if norm in seen:
                reasons[i] = "repeated line"
            seen.add(norm)

    # Sandwich rule: a short line between two boilerplate lines is part of the same block.
    non_sep = [i for i in range(len(lines)) if reasons[i] != "separator"]
    for k in range(1, len(non_sep) - 1):
        i = non_sep[k]
        before, after = reasons[non_sep[k - 1]], reasons[non_sep[k + 1]]
        if (
            reasons[i] is None
            and words[i] <= _SANDWICH_MAX_WORDS
            and before in _BLOCK_REASONS
            and after in _BLOCK_REASONS | {"repeated line"}
        ):
            reasons[i] = "promo block"

    kept_lines: list[str] = []
    removed: list[tuple[str, str]] = []
    for line, reason in zip(lines, reasons, strict=True):
        if reason is not None:
            removed.append((line, reason))
            continue
        line, cuts = _cut_inline(line, opening=not kept_lines)
        removed.extend(cuts)
        if line:
            kept_lines.append(line)
    kept = tuple(kept_lines)
    return CleanedText(
        kept=kept,
        removed=tuple(line for line, _ in removed),
        reasons=tuple(r for _, r in removed),
    )
