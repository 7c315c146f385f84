"""Junk never joins a claim of several outlets, a digest or "only one outlet reports", and
stays visible in ``Article.sentences`` (nothing is dropped silently)."""

from __future__ import annotations

import pytest

from summarize import brief, compare, load_articles
from summarize.inputs.junk import junk_reason

JUNK = {
    ".": "punctuation only",
    "”": "punctuation only",
    "Reach Dana Whitlow at dwhitlow@example-news.com.": "contact line",
    "Sam Ortega can be reached at 555-0100.": "contact line",
    "--iframe--": "embed",
    "(Associated Press)": "photo credit",
    "Lena Kurz/Reuters": "photo credit",
    "(Photo: Lena Kurz/AP)": "photo caption",
    "FILE - In this March 3, 2019, file photo, a ferry leaves the harbour.": "photo caption",
    "Ferry crews at the Tarvo pier on Friday (Photo by Lena Kurz for The Ledger)": "photo caption",
    "(Photos by Lena Kurz)": "photo caption",
    "Facebook Twitter Pinterest Crews leave the pier Photograph: Lena Kurz": "photo caption",
    "Crews leave the pier on Friday, after the vote Photograph: Lena Kurz/AFP/Getty Images": (
        "photo caption"
    ),
    "Right: Lena Kurz/Tarvo Times Via Getty Images": "photo caption",
    "Pic Lena Kurz": "photo credit",
    "The ferry is back pic.twitter.com/Ab12Cd — Tarvo Ferries (@tarvoferries) May 3, 2019": (
        "embedded tweet"
    ),
    "Crossings resume at noon https://t.co/x1Y2z3": "embedded tweet",
    "EMBED More News Videos Ferry crews walk out on Friday.": "embed",
    "(WATCH: Ferry strike explained)": "promo",
    "Click here to read more about the strike.": "promo",
    "Add Tarvo Ferries as an interest to stay up to date on the latest news.": "promo",
    "Find all our strike coverage here: https://example-news.com/strike": "promo",
    "Mia Holt may be reached at mholt@example-news.com.": "contact line",
    "To reach Dana Whitlow, call 555-0100 or send email to dw@example-news.com.": "contact line",
    "Follow @tarvoferries on Twitter.": "promo",
    "An expanded version of this report appears on ExampleNews.com": "promo",
    "(This story has been updated with comments from the union.)": "editor's note",
    "[Related: Ferry strikes of the past decade]": "related links",
    "(Lena Kurz, Omar Bell/The Ledger)": "photo credit",
    "Video Unavailable Click to play": "embed",
    "(CNN)": "dateline",
    "Tuesday, May 14, 2019": "dateline",
    "TARVO ISLAND": "dateline or section label",
    "NO SURVIVORS": "dateline or section label",
    "'Last chance saloon'": "dateline or section label",
    "Lena Kurz reports.": "credit line",
    "See video.": "promo",
    "Staff writer Omar Bell contributed to this report.": "credit line",
    "(Writing by Ana Pires; Editing by Tom Hale)": "credit line",
}
NEWS = [
    "The mayor said the bridge would reopen on Monday.",
    "Police said 23 people were hurt near the Paris/Orly road.",
    "He told Reuters the talks would resume next week.",
    "Contact the police if you see him, officials said.",
    "The museum sold the photograph: a rare print.",
    "Police said they would watch the pier closely.",
    "The union [which represents 400 crews] said talks would resume.",
    "The mayor may be reached for comment later, aides said.",
    "See you at the pier on Monday, the captain told passengers.",
    "THAT IS MEAN.",  # a quote shouted in capitals: a sentence, not a label
    "WE WILL NOT SAIL UNTIL THE PAY DEAL IS SIGNED",
    "The strike began on May 14, 2019.",
    "'We will not sail,' the union said.",
    "Lena Kurz reports that the crews walked out on Friday.",
    "Click-through rates fell 5 percent, the operator said.",
    "The operator (@tarvoferries) wrote that crossings would resume on Monday.",
    "He posted the photograph: Kurz said it was taken on Friday.",
    "Pictures of the crash spread online (photos by witnesses were shared thousands of times).",
]


@pytest.mark.parametrize(("sentence", "reason"), sorted(JUNK.items()))
def test_junk_sentences_have_a_reason(sentence, reason):
    assert junk_reason(sentence) == reason


@pytest.mark.parametrize("sentence", NEWS)
def test_news_sentences_are_not_junk(sentence):
    assert junk_reason(sentence) is None


def _texts() -> list[str]:
    first = (
        "Ferry strike halts crossings\n\n"
        "Ferry crews on the Tarvo line walked out on Friday, halting all crossings to the "
        "island. Reach Dana Whitlow at dwhitlow@example-news.com.\n\n"
        "--iframe--\n\n"
        "The union wants a 6 percent pay rise for its 400 members.\n\n"
        "(Associated Press)\n\n"
        "The operator said talks would resume on Monday."
    )
    second = (
        "Tarvo ferries stop as crews strike\n\n"
        "All ferry crossings to Tarvo island stopped on Friday when crews went on strike.\n\n"
        "The 400 union members are asking for a pay rise of 6 percent.\n\n"
        "Staff writer Omar Bell contributed to this report.\n\n"
        "Talks with the operator are due to resume on Monday, the union said."
    )
    return [first, second]


def test_junk_is_no_shared_claim_digest_sentence_or_unique_item(embedder):
    articles = load_articles(_texts())
    junk = {s for a in articles for s in a.sentences if junk_reason(s)}
    assert "Reach Dana Whitlow at dwhitlow@example-news.com." in junk  # kept, visible
    for claims in ("facts", "sentences"):
        comparison = compare(articles, embedder=embedder, claims=claims)
        for claim in comparison.claims:
            texts = {r.text for r in claim.sentences}
            assert len(claim.sources) == 1 or not texts & junk
        unique = {r.text for cs in comparison.unique.values() for c in cs for r in c.sentences}
        assert not unique & junk
        briefing = brief(articles, embedder=embedder, claims=claims)
        assert not {s.text for s in briefing.digest.sentences} & junk


def test_junk_is_no_fact_in_any_view_but_stays_visible(embedder):
    """A claim of junk states no fact: no list shows it, the overview line does not count it,
    the JSON files it as "aside", and the side-by-side view still shows it, greyed, saying why."""
    import json

    from summarize.render.categories import ASIDE, claim_categories, fact_count

    briefing = brief(load_articles(_texts()), embedder=embedder)
    comparison = briefing.comparison
    categories = claim_categories(comparison)
    aside = [c for c, k in zip(comparison.claims, categories, strict=True) if k == ASIDE]
    texts = {r.text for c in aside for r in c.sentences}
    assert "Reach Dana Whitlow at dwhitlow@example-news.com." in texts
    assert "(Associated Press)" in texts  # --iframe-- is a line cleaning removes
    assert "Staff writer Omar Bell contributed to this report." in texts
    assert all(junk_reason(t) for t in texts)
    assert fact_count(comparison) == len(comparison.claims) - len(aside)
    markdown = briefing.to_markdown()
    listed = markdown.split("## Overlap between outlets", 1)[0]  # the comparison's lists
    assert not any(f"- {t}" in listed for t in texts)
    assert f"**Facts at a glance.** {fact_count(comparison)} facts:" in markdown
    data = json.loads(briefing.to_json())
    assert sum(c["category"] == ASIDE for c in data["comparison"]["claims"]) == len(aside)
    html = briefing.to_html()
    assert 'class="sz-s sz-aside" data-category="aside" title="not counted as a fact' in html
    assert set(comparison.aside) == set(aside)
    again = type(briefing).from_json(briefing.to_json()).comparison
    assert claim_categories(again) == categories  # read back from the JSON: the same


def test_a_short_article_digest_takes_no_junk(embedder):
    """An article whose sentences are all too short for a digest falls back to its short
    ones, but never to junk: here a stray "." that splitting left after a headline's "?"."""
    texts = [
        "Is it too late for the Tarvo ferry?.\n\nIt was a bad week for the ferry operator.",
        _texts()[1],
    ]
    articles = load_articles(texts)
    assert "." in articles[0].sentences
    briefing = brief(articles, embedder=embedder)
    digest = briefing.per_source[articles[0].source]
    assert digest.sentences and "." not in {s.text for s in digest.sentences}


@pytest.mark.parametrize(
    "sentence",
    [
        "1 of 6.",
        "Photo 3 of 12",
        "SYCAMORE, Ill.",
        "WEST PALM BEACH, Fla.",
        "Dow Jones Reprints: This copy is for your personal, non-commercial use only.",
    ],
)
def test_gallery_counters_split_datelines_and_reprint_notices_are_junk(sentence):
    from summarize.inputs.junk import is_junk

    assert is_junk(sentence)


@pytest.mark.parametrize(
    "sentence", ["He won 3 of 5 races.", "Two of the six victims died.", "Springfield, Ill."]
)
def test_counts_and_plain_place_names_stay_sentences(sentence):
    from summarize.inputs.junk import is_junk

    assert not is_junk(sentence)


@pytest.mark.parametrize(
    ("sentence", "junk"),
    [
        ("Here\u2019s what you need to know.", True),
        ("Here's what the mayor said.", True),
        ("This is what the council came up with:", True),
        (
            "Here's how the plan works: the city pays for the pumps and the state for the rest.",
            False,
        ),
        ("This is what democracy looks like, the protesters chanted on Main Street.", False),
    ],
)
def test_a_signpost_is_no_fact(sentence, junk):
    """A sentence that only points at what follows states nothing an outlet could share, so
    it is never listed as what only one outlet reports."""
    from summarize.inputs.junk import junk_reason

    assert (junk_reason(sentence) == "signpost") is junk


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("For the full story, click here", "promo"),
        ("Click for more from WKXT.com", "promo"),
        ("Watch the video below.", "promo"),
        ("You are now subscribed to the Morning Brief.", "promo"),
        ("For more from Dana, follow her on Twitter @danawrites.", "contact line"),
        ("Reach her at 555-0100, extension 31, or dana@example-news.com.", "contact line"),
        ("jlee@example-tribune.com or 555-0101", "contact line"),
        ("Enlarge this image toggle caption Residents wait at the station.", "photo caption"),
        ("Election Calendar | Polls | Poll Standings", "navigation"),
        ("TEHRAN |", "navigation"),
        ("\U0001f618 A post shared by DANA LEE (@danalee) on May 4, 2017 at 5:57pm PDT", "embed"),
        ("Dana Lee (@danalee) The launch went perfectly today.", "embedded tweet"),
        ("Dana Lee / KXTV", "credit line"),
        ("10:07 P.M.", "dateline"),
        ("(Published Friday, Feb. 27, 2015)", "dateline"),
        ("Get The Ledger In Your Inbox!", "promo"),
        ("Have something to add to this story?", "promo"),
        ("Interested in Flood Defences?", "promo"),
        ("Latest updates [Thursday]:", "section label"),
        (
            "Media playback is unsupported on your device Media caption Divers at the pier",
            "embed",
        ),
        ("Courtesy Dana Lee/The Harbour Museum/Handout via REUTERS", "photo credit"),
        ("RELATED VIDEO: Ferry Captain Speaks Out After the Crossing", "related links"),
        (
            "Related PHOTOS: The Ten Worst Storms Ranked We look back at the storms that "
            "shaped the coast over the last fifty years and what they cost the towns",
            "related links",
        ),
        (
            "Ferry returns to service after repairs Posted: Monday, June 23, 2014 11:03 PM "
            "EDT Updated: Monday, August 18, 2014 11:03 PM EDT",
            "dateline",
        ),
        ("The harbour plan was backed by New York Gov.", "cut off"),
        ("Contributing: Dana Lee; The Associated Press", "credit line"),
        ("Source: Brenhaven Coastguard", "credit line"),
        ("Photo credits: Dana Lee (ferry, CC BY 2.0), Sam Roe (harbour)", "photo credit"),
        ("Director: Dana Lee", "film details"),
        ("Running time: 2 hours, 15 minutes", "film details"),
        ("Directed by Dana Lee", "film details"),
        (
            "Coastguard chief Dana Lee talks to reporters at the harbour in Brenhaven, "
            "Tuesday, May 13, 2025.",
            "photo caption",
        ),
        (
            "Relatives wait for news at the ferry terminal in Brenhaven May 13, 2025.",
            "photo caption",
        ),
        ("Share Tweet 12k shares on Facebook", "promo"),
        ("Message: A friend wanted you to see this item from KXTV.com", "promo"),
        ("View Graphic How the ferry sank", "promo"),
        ("Analysis: Dana Lee, BBC transport correspondent", "credit line"),
    ],
)
def test_web_furniture_inside_the_text_is_junk(sentence, reason):
    from summarize.inputs.junk import junk_reason

    assert junk_reason(sentence) == reason


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor urged residents to click through the new flood maps before Friday.",
        "Police said the suspect wrote to her at least 40 times, mostly on Facebook.",
        "The vote was 52 to 48, with two senators absent.",
        "The company's founder, Dana Lee (not related to the senator), said sales rose.",
        "Related charges against two harbour officials were filed on Friday.",
        "The museum said the photographs were lent courtesy of the Lee family.",
        "The report was posted on Monday, June 23, after the board met.",
        "The bill now goes to Gov. Hochul, who is expected to sign it.",
        "The ferry sank in the Tallis Strait on Monday, May 12, 2025.",
        "That charge was stayed October 23, 2017.",
        "The crash happened at the corner of Elm St. and Sunset Dr.",
        "Directed by Dana Lee, the film about the ferry opened in 40 cinemas on Friday.",
        "The director of the coastguard said the source of the leak was found.",
        "The video had 300,000 shares on Twitter by Monday, the company said.",
        "Analysis of the wreck by the coastguard will take weeks, its chief said.",
    ],
)
def test_news_that_mentions_web_things_is_kept(sentence):
    from summarize.inputs.junk import junk_reason

    assert junk_reason(sentence) is None
