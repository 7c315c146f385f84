"""Telling articles that are not in English apart, without a model: our own news sentences."""

from __future__ import annotations

import pytest

from summarize.inputs.language import not_english

ENGLISH_NEWS = (
    "The city council voted on Tuesday to close two libraries, despite protests from parents "
    "and teachers who said the decision would hurt children in the poorest districts. The "
    "mayor said the savings were needed to balance a budget that has been in deficit for "
    "three years."
)
# An English text heavy with names and headline words: fewer function words, still English.
ENGLISH_HEADLINES = (
    "Double or nothing: Newsom-Trump feud ensnares California emergency funds. Governor Gavin "
    "Newsom, President Donald Trump clash over wildfire aid; FEMA, Cal Fire, PG&E officials "
    "brief Sacramento lawmakers Monday."
)
# An English article quoting names with accents.
ENGLISH_NAMES = (
    "José Müller and Zoë Brontë met François Hollande in Paris on Monday, aides said. The "
    "talks with Søren Kierkegaard's biographer were about a new museum that will open in the "
    "spring, and both sides said they were pleased with the result."
)

FOREIGN = {
    "German": "Der Stadtrat hat am Dienstag beschlossen, zwei Bibliotheken zu schließen, trotz "
    "Protesten von Eltern und Lehrern. Der Bürgermeister sagte, die Einsparungen seien nötig, "
    "um einen Haushalt auszugleichen, der seit drei Jahren im Defizit ist.",
    "French": "Le conseil municipal a voté mardi la fermeture de deux bibliothèques, malgré les "
    "protestations des parents et des enseignants. Le maire a dit que les économies étaient "
    "nécessaires pour équilibrer un budget en déficit depuis trois ans.",
    "Spanish": "El ayuntamiento votó el martes el cierre de dos bibliotecas, a pesar de las "
    "protestas de padres y maestros. El alcalde dijo que los ahorros eran necesarios para "
    "equilibrar un presupuesto que lleva tres años en déficit.",
    "Italian": "Il consiglio comunale ha votato martedì la chiusura di due biblioteche, "
    "nonostante le proteste di genitori e insegnanti. Il sindaco ha detto che i risparmi sono "
    "necessari per pareggiare un bilancio in deficit da tre anni.",
    "Chinese or Japanese": "市议会周二投票决定关闭两座图书馆，尽管家长和教师提出抗议。市长表示，"
    "为了平衡已连续三年赤字的预算，这些节省是必要的。",
    "Cyrillic script (Russian, Ukrainian...)": "Городской совет во вторник проголосовал за "
    "закрытие двух библиотек, несмотря на протесты родителей и учителей.",
}


@pytest.mark.parametrize("text", [ENGLISH_NEWS, ENGLISH_HEADLINES, ENGLISH_NAMES])
def test_english_reads_as_english(text):
    assert not_english(text) is None


@pytest.mark.parametrize(("language", "text"), list(FOREIGN.items()))
def test_other_languages_are_named(language, text):
    assert not_english(text) == language


def test_polish_is_not_english_without_a_name():
    text = (
        "Rada miasta zagłosowała we wtorek za zamknięciem dwóch bibliotek, mimo protestów "
        "rodziców i nauczycieli. Burmistrz powiedział, że oszczędności są potrzebne, aby "
        "zrównoważyć budżet, który od trzech lat jest na minusie."
    )
    assert not_english(text) == "a language other than English"


@pytest.mark.parametrize("text", ["Der Stadtrat hat am Dienstag beschlossen.", "市议会", ""])
def test_too_short_to_tell(text):
    assert not_english(text) is None


def test_english_words_without_grammar_are_not_taken_for_italian():
    # A list of English keywords has almost no English function words; "come" and "per" are
    # Italian ones too, but English words first.
    tags = (
        "Arkhangelsk disturbing international added particular disappointed Putin come spy "
        "leaders difficult report former attempting per effort city part led later Spotlight "
        "approved phone troops issues invasion UK denied policy EU financial convoys come per "
        "giant fractious perspectives facts outward"
    )
    assert not_english(tags) is None
