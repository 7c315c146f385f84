"""Boilerplate removal: each kind of junk goes, real sentences stay, nothing is lost."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.inputs.cleaning import clean_text, normalize_line

REAL = [
    "The council approved the new bridge on Tuesday, officials said.",
    "Critics said the plan would cost 40 million dollars more than promised.",
    "The vote is expected on Friday.",
]


def _assert_nothing_lost(text: str, cleaned) -> None:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert len(cleaned.kept) + len(cleaned.removed) == len(lines)
    assert sorted(cleaned.kept + cleaned.removed) == sorted(lines)
    assert len(cleaned.reasons) == len(cleaned.removed)


@pytest.mark.parametrize(
    ("junk", "reason"),
    [
        ("Sign up for our free daily newsletter", "newsletter promo"),
        (
            "Get the best stories delivered straight to your inbox every morning.",
            "newsletter promo",
        ),
        ("Subscribe to The Daily Planet for unlimited access", "newsletter promo"),
        ("Leave a Comment", "comment form"),
        ("Your email address will not be published.", "comment form"),
        ("Required fields are marked *", "comment form"),
        (
            "Save my name, email, and website in this browser for the next time I comment.",
            "comment form",
        ),
        ("Click to share on Twitter (Opens in new window)", "share buttons"),
        ("Share this article", "share buttons"),
        ("Advertisement", "advert marker"),
        ("Story continues below advertisement", "advert marker"),
        ("Related Stories", "related links"),
        ("Read more: Mayor resigns after bridge scandal", "related links"),
        ("© 2024 Example Media Ltd. All rights reserved.", "copyright"),
        ("Copyright 2016 WFAA", "copyright"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "copyright"),
        ("Back to top", "page furniture"),
        ("(Image: Getty)", "page furniture"),
        ("Jane Doe/Reuters", "page furniture"),
        ("Please enable JavaScript to view the comments.", "page furniture"),
        (
            "You can add location information to your Tweets, such as your city, from the web. "
            "You always have the option to delete your Tweet location history. Learn more",
            "embed or archive notice",
        ),
        (
            "Since 1996 a crawler company has been donating its crawl data to the Internet "
            "Archive; the data are added to the archive after an embargo period.",
            "embed or archive notice",
        ),
        (
            "Please check the URL for proper spelling and capitalization, or try the home page.",
            "embed or archive notice",
        ),
        ("* * *", "separator"),
        ("www.example.com", "site name"),
    ],
)
def test_boilerplate_line_is_removed_with_reason(junk, reason):
    text = "\n".join([REAL[0], junk, REAL[1], REAL[2]])
    cleaned = clean_text(text)
    assert cleaned.kept == tuple(REAL)
    assert cleaned.removed == (junk,)
    assert cleaned.reasons == (reason,)


@pytest.mark.parametrize(
    "sentence",
    [
        "The senator wrote in her newsletter that she would vote against the bill.",
        "Copyright lawyers say the ruling is a blow to small publishers and artists.",
        "Readers can subscribe to the paper for one dollar a week, the publisher said.",
        "Users who sign up before May get the service free for a year, the company said.",
        "He said the photo, taken by Reuters, showed the aftermath.",
        "No arrests have yet been made.",
        "Related charges were filed against two other men on Monday.",
        "Share prices fell 3% after the announcement.",
        "Advertisements for the product were banned in 2019.",
        "Archivists said the deleted page had been added to the Wayback Machine in 2019.",
        "Police said he posted a tweet with a location tag minutes before the crash.",
    ],
)
def test_real_sentences_that_mention_boilerplate_words_are_kept(sentence):
    cleaned = clean_text("\n".join([REAL[0], sentence, REAL[1]]))
    assert sentence in cleaned.kept
    assert cleaned.removed == ()


def test_site_name_and_title_lines_are_removed():
    text = "\n".join(["Daily Planet", "Bridge approved", *REAL])
    cleaned = clean_text(text, source="Daily Planet", title="Bridge approved")
    assert cleaned.kept == tuple(REAL)
    assert cleaned.reasons == ("site name", "title")


def test_repeated_line_keeps_first_occurrence():
    text = "\n".join([REAL[0], REAL[1], "  " + REAL[0].upper() + "  ", REAL[2]])
    cleaned = clean_text(text)
    assert cleaned.kept == tuple(REAL)
    assert cleaned.reasons == ("repeated line",)


def test_teaser_list_between_separators_is_removed():
    teasers = [
        "Why the bridge vote mattersThe Explainer What the council decided and why",
        "Ten things to do this weekendBest Of Our picks for families",
        "Mayor faces questions over budgetSpeed Read The row over costs continues",
        "Crossword: July 4, 2024Our daily crossword",
    ]
    text = "\n".join([*REAL, "-", teasers[0], "-", teasers[1], "-", teasers[2], "-", teasers[3]])
    cleaned = clean_text(text)
    assert cleaned.kept == tuple(REAL)
    assert set(cleaned.reasons) == {"separator", "teaser list"}
    _assert_nothing_lost(text, cleaned)


def test_section_breaks_between_real_paragraphs_are_not_a_teaser_list():
    text = "\n".join([REAL[0], "***", REAL[1], "***", REAL[2], "***", REAL[0] + " Again."])
    cleaned = clean_text(text)
    assert cleaned.kept == (*REAL, REAL[0] + " Again.")
    assert set(cleaned.reasons) == {"separator"}


def test_site_name_found_from_promo_lines_and_promo_block_removed():
    text = "\n".join(
        [
            REAL[0],
            "Daily Planet",
            "Escape the noise. Get the facts behind the news.",
            "Sign up for Daily Planet's free newsletters",
            REAL[1],
        ]
    )
    cleaned = clean_text(text)
    assert cleaned.kept == (REAL[0], REAL[1])
    assert cleaned.reasons == ("site name", "promo block", "newsletter promo")


def test_advert_markers_do_not_swallow_the_paragraph_between_them():
    text = "\n".join(["Advertisement", REAL[2], "Advertisement", REAL[0]])
    cleaned = clean_text(text)
    assert cleaned.kept == (REAL[2], REAL[0])


def test_comment_section_at_the_end_is_removed():
    text = "\n".join([*REAL, "Leave a Reply", "Cancel reply", "Post Comment"])
    cleaned = clean_text(text)
    assert cleaned.kept == tuple(REAL)
    assert cleaned.reasons == ("comment form",) * 3


def test_long_line_with_a_promo_phrase_is_kept():
    long_line = (
        "The company, which asked readers to sign up for its newsletter last year, said on "
        "Tuesday that it had lost money for the third quarter in a row as advertising revenue "
        "fell, and that it would cut 300 jobs across Europe by the end of the year."
    )
    assert clean_text(long_line).kept == (long_line,)


def test_text_property_joins_paragraphs():
    assert clean_text("\n\n".join(REAL)).text == "\n\n".join(REAL)


def test_normalize_line_unifies_quotes_case_and_spaces():
    assert normalize_line("  “Don’t”   STOP — now ") == '"don\'t" stop - now'


@settings(max_examples=60, derandomize=True, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=60), max_size=25))
def test_kept_plus_removed_is_every_input_line(lines):
    text = "\n".join(lines)
    _assert_nothing_lost(text, clean_text(text, source="Planet", title="A title"))


# --- Page clutter of the kinds news pages carry (issue 15); sentences written for these tests.


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "JUST WATCHED Flood waters rise in the valley Replay More Videos ... "
            "MUST WATCH Flood waters rise in the valley 03:12",
            "video furniture",
        ),
        ("Now Playing: Mayor answers questions on the budget", "video furniture"),
        ("On a mobile device? Click here to watch video.", "video furniture"),
        (
            "1 of 14 Full Screen Autoplay Close Skip Ad × Scenes from the flooded valley "
            "View Photos Residents wade through water on Main Street.",
            "photo gallery",
        ),
        ("Image copyright Reuters Image caption Volunteers fill sandbags", "photo gallery"),
        ("Hide Caption 3 of 9", "photo gallery"),
        (
            "Volunteers fill sandbags near the river on Tuesday. Ann Vale/AP Buy Photo "
            "Wait 1 second to continue.",
            "photo credit",
        ),
        ("Tom Reed/AFP/Getty Images", "page furniture"),
        ("By Maria Lopez and Dan Okafor", "byline"),
        ("-- Peter Hall at the county courthouse", "byline"),
        ("mlopez@valleytimes.com", "byline"),
        ("Updated 4:15 p.m. ET, Tue March 3, 2015", "byline"),
    ],
)
def test_clutter_line_is_removed_with_its_reason(line, reason):
    body = "The river rose two metres overnight and forced hundreds of families to leave."
    cleaned = clean_text(f"{body}\n{line}\nOfficials expect the water to fall by Friday.")
    assert line not in cleaned.kept
    assert (line, reason) in set(zip(cleaned.removed, cleaned.reasons, strict=True))
    assert body in cleaned.kept


@pytest.mark.parametrize(
    ("line", "kept", "piece", "reason"),
    [
        (
            "Officials said the dam held. REUTERS/Lena Park",
            "Officials said the dam held.",
            "REUTERS/Lena Park",
            "photo credit",
        ),
        (
            "Denver (CNN) The river rose two metres overnight.",
            "The river rose two metres overnight.",
            "Denver (CNN)",
            "dateline",
        ),
        (
            "WASHINGTON — Congress passed the flood relief bill on Friday.",
            "Congress passed the flood relief bill on Friday.",
            "WASHINGTON —",
            "dateline",
        ),
        (
            "The report says the regional Guardwatch © unit lacks pumps.",
            "The report says the regional unit lacks pumps.",
            "Guardwatch ©",
            "watermark",
        ),
        (
            "Story highlights The river rose two metres overnight",
            "The river rose two metres overnight",
            "Story highlights",
            "story highlights",
        ),
    ],
)
def test_clutter_inside_a_line_is_cut_out_and_listed(line, kept, piece, reason):
    opening = "Heavy rain fell across the valley for three days."
    cleaned = clean_text(f"{opening}\n{line}")
    assert cleaned.kept == (opening, kept)
    assert list(zip(cleaned.removed, cleaned.reasons, strict=True)) == [(piece, reason)]


@pytest.mark.parametrize(
    "caption",
    [
        "The governor toured the valley on Tuesday. (AP Photo/Sam Ortiz)",
        "Volunteers stack sandbags outside the library on Monday. (Lena Park / Staff Photographer)",
        "Residents wait for buses at the flooded station. (Photo: Sam Ortiz, Getty Images)",
        "The mayor speaks to reporters in Denver (Lena Park/Reuters)",
    ],
)
def test_a_line_ending_with_a_photo_credit_is_a_caption(caption):
    """A caption describes a photo, not the story: none of its text is kept as a fact."""
    opening = "Heavy rain fell across the valley for three days."
    cleaned = clean_text(f"{opening}\n{caption}")
    assert cleaned.kept == (opening,)
    assert list(zip(cleaned.removed, cleaned.reasons, strict=True)) == [(caption, "photo caption")]


def test_a_long_paragraph_ending_with_a_credit_keeps_its_text():
    paragraph = " ".join(
        f"Crews on the {n} shift cleared debris from the main road near the old mill."
        for n in ("first", "second", "third", "fourth", "fifth", "sixth")
    )
    cleaned = clean_text(f"{paragraph} (AP Photo/Sam Ortiz)")
    assert cleaned.kept == (paragraph,)
    assert cleaned.reasons == ("photo credit",)


def test_the_opening_dateline_stays():
    """An article may open with where it was filed; only datelines left mid-text go."""
    line = "WASHINGTON — Congress passed the flood relief bill on Friday."
    assert clean_text(line).kept == (line,)


@pytest.mark.parametrize(
    "line",
    [
        "He said the and/or clause in the contract was never used.",  # a slash, no agency
        "The band AC/DC played in Denver on Tuesday night.",
        "By the end of the day, the river had fallen by a metre.",  # "By" opening a sentence
        "Copyright law protects the photos, the judge said on Friday in a long ruling.",
        "The photo agency Reuters said its staff were safe after the flood.",
        "Support for the flood levy fell to 38 percent in a new poll (Ipsos/Reuters)",
    ],
)
def test_text_that_resembles_clutter_is_kept(line):
    cleaned = clean_text(line)
    assert cleaned.kept == (line,)
    assert cleaned.removed == ()


@pytest.mark.parametrize(
    "notice",
    [
        "You can add location information to your Tweets, from the web or an app. Learn more",
        "When you tweet with a location, the service keeps that location. Learn more",
        "Since 2001 a partner has given its crawl data to the Internet Archive, and the pages "
        "are added to the archive some weeks later.",
        "These crawls are part of an effort to archive pages as they appear, so links work.",
        "Please check the URL for proper spelling and try the home page.",
    ],
)
def test_a_document_that_is_only_a_notice_is_no_article(notice):
    from summarize.errors import EmptyArticleError
    from summarize.inputs.loading import article_from_text

    cleaned = clean_text("\n".join([REAL[0], notice, REAL[1]]))
    assert cleaned.kept == (REAL[0], REAL[1])
    assert cleaned.reasons == ("embed or archive notice",)
    with pytest.raises(EmptyArticleError, match="embed or archive notice"):
        article_from_text(notice)


@pytest.mark.parametrize(
    "text",
    ["Click here to go to the home page.", "For full story, click here\nWatch the video below."],
)
def test_a_document_of_page_furniture_sentences_is_no_article(text):
    """Lines that survive cleaning but are furniture sentence by sentence (link prompts) leave
    no article: an error names them, as for lines cleaning removes."""
    from summarize.errors import EmptyArticleError
    from summarize.inputs.loading import article_from_text

    with pytest.raises(EmptyArticleError, match=r"every sentence is page furniture: .*\(promo\)"):
        article_from_text(text)
    assert article_from_text(f"{text}\n{REAL[0]}").sentences[-1] == REAL[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Internet Archive said on Monday that four publishers had sued it over lending.",
        "Reporters found the deleted page in the Wayback Machine, the court heard on Tuesday.",
        "The senator deleted the tweet, which had shown her location, an hour later.",
    ],
)
def test_news_about_archives_and_tweets_is_kept(sentence):
    cleaned = clean_text("\n".join([REAL[0], sentence, REAL[1]]))
    assert sentence in cleaned.kept
    assert cleaned.removed == ()
