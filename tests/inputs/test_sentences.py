"""Sentence splitting: abbreviations, quotes, long input, and the bundled story's splits."""

# ruff: noqa: E501  (the expected splits are whole sentences, one per line)

from __future__ import annotations

import pytest

from summarize.inputs.sentences import split_paragraphs, split_sentences

# 000_5f7fea9c6292e304.txt: split checked by reading the article.
EXPECTED_000 = [
    "Prime Minister Theresa May and Russian President Vladimir Putin have vowed to improve the relationship between the two countries after speaking for the first time since Ms May took office.",
    "Downing Street confirmed that the two leaders spoke for the first time on the phone on Tuesday, with the Kremlin saying Ms May and President Putin both expressed how disappointed they were with current relations.",
    "They will meet for the first time at the G20 summit in China next month.",
    "One particular area where Ms May and President Putin pledged co-operation was on aviation security.",
    "There have been several instances of Russian military aircraft flying perilously close to British air space over the past year or so.",
    "But the pair agreed that co-operation was vital in combatting the threat of terrorism.",
    'A Downing Street spokesperson said: "The prime minister noted the importance of the relationship between the UK and Russia and expressed the hope that, despite differences on certain issues, they could communicate in an open and honest way about the issues that mattered most to them.',
    '"The prime minister and president agreed that British and Russian citizens faced common threats from terrorism, and that co-operation on aviation security in particular was a vital part of the international counter-terrorism effort."',
    'The relationship between the two countries has been somewhat strained since 2006, when a British inquiry into the death of Russian spy Alexander Litvinenko reported that President Putin "probably" authorised his assassination.',
    "Since then, there has been further tension over Russia's support for the Syrian President Bashar al-Assad and the invasion of Ukraine in 2014.",
    "The UK led calls for economic sanctions against Russia made by the US and EU as punishment for its part in the annexation of the Crimea region of Ukraine.",
    "The Russian government consistently denied direct involvement in the invasion, but it is widely believed that pro-Russian separatist troops were supported by the Russian military.",
    "In 2015, official figures showed that the Russian economy contracted by 3.7%.",
    "It suffered a double blow as the economic sanctions were coupled with plunging oil prices, upon which the economy is heavily reliant.",
    "The government had formed its budget based on oil prices of $82 per barrel, but prices spent much of 2015 closer to $40 per barrel.",
    "In June, the European Union agreed to extend those sanctions until at least the end of January 2017.",
    "However, many European politicians are calling for a softer approach to Russia's punishment.",
]

# 001_9c000621c53215f0.txt: split checked by reading the article.
EXPECTED_001 = [
    "Prime Minister signals she will adopt a different approach to David Cameron after speaking to Vladimir Putin",
    "Theresa May has signalled a thaw in UK-Russia relations under her leadership, following her first telephone conversation with President Vladimir Putin since she became Prime Minister.",
    "Diplomatic ties between the two countries have been strained since the annexation of Crimea in 2014 and subsequent UK-led sanctions.",
    "Tensions were further inflamed after the Alexander Litvinenko inquiry in January, when it was ruled that the murder of the former Russian spy in London was likely to have been approved by the Russian leader.",
    '"The report left Putin with radioactive fingermarks glowing all over his collar and May [then home secretary] with the giant headache of trying to sound tough with the Russian president, when everyone knows the British government is terrified of upsetting him," The Guardian\'s John Crace wrote at the time.',
    "Speaking yesterday, May and Putin expressed their mutual dissatisfaction at the current state of bilateral relations and vowed to improve ties in order to cooperate on the global fight against terrorism.",
    '"[They] agreed that British and Russian citizens faced common threats, and that cooperation on aviation security in particular was a vital part of the counter-terrorism effort," a Downing Street spokeswoman said.',
    'The pair "looked forward" to meeting each other at the G20 summit in China next month, she added.',
    'The Kremlin issued a similar statement, promising to "invigorate joint work" in a number of areas.',
    "It also confirmed that the UK had agreed to take part in the 75th anniversary of the first arrival of wartime aid by British convoys to the Russian city of Arkhangelsk later this month.",
    'The Guardian says the discussion shows May is "keen to demonstrate that the UK remains outward looking" and will continue to play a vital role in global democracy, despite voting to leave the EU.',
    "Her position appears to be in stark contrast to that of her predecessor David Cameron, says Sky News's Sophy Ridge.",
    '"Cameron\'s relationship with Putin was prickly at best, poisonous at worst," she says.',
    '"How to deal with Russia is one of the most pressing and difficult foreign policy concerns for May."',
]

# 002_a1fe7333d55f6bad.txt: split checked by reading the article.
EXPECTED_002 = [
    "The two leaders spoke on the phone yesterday and acknowledged differences on certain issues , according to Downing Street.",
    "A No 10 spokesperson said: The Russian President congratulated her on her appointment and wished her success.",
    "The Prime Minister noted the importance of the relationship between the UK and Russia, and expressed the hope that, despite differences on certain issues, they could communicate in an open and honest way about the issues that mattered most to them.",
    "The Prime Minister and President agreed that British and Russian citizens faced common threats from terrorism, and that cooperation on aviation security in particular was a vital part of the international counter-terrorism effort.",
    "The Kremlin added that the Russian president and British prime minister had pledged to improve relations between London and Moscow, and that Mrs May had confirmed the UK will take part in a commemoration of the Arctic aid convoys to the Russian city of Arkhangelsk.",
    "Mrs May and Mr Putin will both attend a G20 summit in China in September.",
    "Diplomatic ties between Britain and Russia have cooled in recent years after a series of controversies, including the 2006 murder by Russian agents of Alexander Litvinenko in London, the annexation of Crimea and Russia s other interventions in Ukraine, and the UK s role in pushing for financial and diplomatic sanctions on Moscow as a result.",
    "An inquiry into Mr Litvinenko s poisoning concluded that Mr Putin probably approved the assassination.",
    "As Home Secretary, Mrs May described the findings as deeply disturbing , but added that the prospect of Russian state involvement does not come as a surprise .",
    "It goes without saying that this was a blatant and unacceptable breach of the most fundamental tenants of international law and of civilised behaviour, she told MPs in January.",
    "Elsewhere, The Times has obtained an official document from the British Army which claims the Russian military has a “significant capability edge” over the UK.",
]


@pytest.mark.parametrize(
    ("index", "expected"), [(0, EXPECTED_000), (1, EXPECTED_001), (2, EXPECTED_002)]
)
def test_bundled_article_sentences(bundled_articles, index, expected):
    assert list(bundled_articles[index].sentences) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith met the U.S. envoy in Paris. He left at 3 p.m. on Monday.",
            ["Mr. Smith met the U.S. envoy in Paris.", "He left at 3 p.m. on Monday."],
        ),
        (
            "The E.C.B. raised rates by 0.25 points. Markets fell 2.5% in response.",
            ["The E.C.B. raised rates by 0.25 points.", "Markets fell 2.5% in response."],
        ),
        (
            '"We will fight," he said. "We will not give up." Then he left.',
            ['"We will fight," he said.', '"We will not give up."', "Then he left."],
        ),
        (
            "Dr. Jones and Sen. John McCain (R-Ariz.) spoke. Gov. Brown agreed.",
            ["Dr. Jones and Sen. John McCain (R-Ariz.) spoke.", "Gov. Brown agreed."],
        ),
        (
            "She said: \u201cIt is over.\u201d Nobody replied.",
            ["She said: \u201cIt is over.\u201d", "Nobody replied."],
        ),
    ],
)
def test_abbreviations_and_quotes(text, expected):
    assert split_sentences(text) == expected


def test_sentences_never_span_lines():
    text = "A heading without a full stop\nThe body starts here. It ends here."
    assert split_sentences(text) == [
        "A heading without a full stop",
        "The body starts here.",
        "It ends here.",
    ]


def test_split_paragraphs_drops_blank_lines():
    assert split_paragraphs("  One.  \n\n\n Two\r\nThree \n ") == ["One.", "Two", "Three"]


def test_hard_wrapped_lines_are_joined():
    text = (
        "The committee will protect such information, consistent with the laws of the\n"
        "United States. The executive branch has worked to\n"
        "accommodate requests.\n"
        "A headline stays apart\n"
        "The next paragraph starts here."
    )
    assert split_sentences(text) == [
        "The committee will protect such information, consistent with the laws of the "
        "United States.",
        "The executive branch has worked to accommodate requests.",
        "A headline stays apart",
        "The next paragraph starts here.",
    ]


def test_run_on_sentence_is_hard_wrapped_without_losing_words():
    words = [f"word{i}" for i in range(1000)]
    sentences = split_sentences(" ".join(words), max_words=80)
    assert all(len(s.split()) <= 80 for s in sentences)
    assert " ".join(sentences).split() == words
    assert len(sentences) == 13


def test_hard_wrap_prefers_clause_boundaries():
    clause = " ".join(["alpha"] * 30) + ","
    text = " ".join([clause] * 4) + " end"
    pieces = split_sentences(text, max_words=80)
    assert all(len(p.split()) <= 80 for p in pieces)
    assert pieces[0].endswith(",")


def test_long_paragraph_is_split_like_short_ones():
    sentence = "The council approved the budget for the new bridge on Tuesday."
    paragraph = " ".join([sentence] * 300)  # 3,300 words in one paragraph
    assert split_sentences(paragraph) == [sentence] * 300


def test_max_words_must_be_positive():
    with pytest.raises(ValueError, match="max_words"):
        split_sentences("Hello there.", max_words=0)


def test_empty_text_has_no_sentences():
    assert split_sentences("  \n\n ") == []


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Tuesday. It approved the bridge. Work starts next year.",
        "The ship was led by Capt. Smith from the port. It sank later that night.",
        "Shares of Acme Inc. Fell sharply on the news. Analysts were surprised.",
        "Prices rose 3.7 percent in June. The bank held rates at 5 percent.",
        "Please try Yahoo! Help Central if you need more assistance. Thanks.",
        "He said the truth. So far, he has not lied. That is what he said.",
    ],
)
def test_split_matches_pysbd_on_plain_paragraphs(text):
    """The fast path for unambiguous paragraphs gives exactly pysbd's split."""
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    assert split_sentences(text) == [" ".join(s.split()) for s in segmenter.segment(text)]


def test_possessives_written_as_tokens_do_not_glue_sentences_together():
    # Tokenised news corpora (CNN/DailyMail) write "customers ' doors"; pysbd takes two such
    # apostrophes for a quotation and would return one 60-word "sentence".
    text = (
        "Chipotle will bring burritos straight to customers ' doors. "
        "The fast-casual chain will work with the Postmates app in 67 cities across the country. "
        "But fans should know that the restaurant plans to add a service charge to every order. "
        "Marc Wilmots ' side are on top of the group because of a superior goal difference."
    )
    assert split_sentences(text) == [
        "Chipotle will bring burritos straight to customers ' doors.",
        "The fast-casual chain will work with the Postmates app in 67 cities across the country.",
        "But fans should know that the restaurant plans to add a service charge to every order.",
        "Marc Wilmots ' side are on top of the group because of a superior goal difference.",
    ]


def test_a_long_quotation_in_double_quotes_stays_one_sentence():
    quote = (
        '"We look forward to working with the protesters and a resolution of the problem. '
        "Confrontation is never good. Anyone who is being fair would have to say that there is "
        'a big difference between the police reaction here and in other cities," he said.'
    )
    assert split_sentences(quote) == [quote]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "She fixed the sign with hot glue.Marta Ruiz said it held all winter.",
            ["She fixed the sign with hot glue.", "Marta Ruiz said it held all winter."],
        ),
        (
            "The shop closed on Dec. 26.Owners blamed the rent.",
            ["The shop closed on Dec. 26.", "Owners blamed the rent."],
        ),
        (
            "That is what the mayor said.In other news, the bridge reopened.",
            ["That is what the mayor said.", "In other news, the bridge reopened."],
        ),
        # Not sentence ends: an initial, an abbreviation, a domain, a decimal.
        ("The St.Louis office and the U.S.Army base are near.", None),
        ("Visit example.com or read version 2.5 of the rules.", None),
    ],
)
def test_full_stop_without_a_space(text, expected):
    assert split_sentences(text) == (expected or [text])


@pytest.mark.parametrize(
    "text",
    [
        "The parade starts at 1:30 p.m. Sunday on Main Street.",
        "The parade starts at 1:30 p.m. sunday on Main Street.",
        "Polls close at 8 p.m. ET in most states.",
        "The ferry leaves at 6 a.m. Tuesday and returns at noon.",
        "The ferry leaves at 6 a.m. and returns at noon.",
    ],
)
def test_clock_time_before_a_day_name_does_not_end_a_sentence(text):
    assert split_sentences(text) == [text]


def test_clock_time_still_ends_a_sentence_before_a_new_one():
    text = "The meeting ended at 5 p.m. The council will vote next week."
    assert split_sentences(text) == [
        "The meeting ended at 5 p.m.",
        "The council will vote next week.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        '"It is a farce," Sen. Dana Hill, R-Ky., said of the vote on Sunday.',
        "The bill was co-sponsored by Sen. Tom Reyes, D-Va., and passed on Friday.",
        "A letter went to Rep. Ann Cole, D-Calif.; it asked for the records.",
    ],
)
def test_no_sentence_opens_with_a_comma_after_an_abbreviation(text):
    """A state's abbreviation ends in a full stop; the comma after it continues the sentence."""
    assert split_sentences(text) == [text]
