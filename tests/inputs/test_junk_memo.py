"""inputs.junk.remembered: one verdict per distinct sentence within a briefing, the same verdicts
as without it, and nothing kept once the block ends."""

from __future__ import annotations

from summarize.inputs import junk

SENTENCES = [
    "Reach Mira Holt at mholt@example-paper.com.",
    "The council voted to close the old ferry pier on Friday.",
    "--iframe--",
    "The council voted to close the old ferry pier on Friday.",
    "(Writing by Ivo Stern; Editing by Pia Lund)",
]


def test_verdicts_inside_a_block_are_the_plain_ones():
    plain = [junk.junk_reason(s) is not None for s in SENTENCES]
    with junk.remembered():
        first = [junk.is_junk(s) for s in SENTENCES]
        again = [junk.is_junk(s) for s in SENTENCES]
    assert first == again == plain == [True, False, True, False, True]


def test_each_distinct_sentence_is_judged_once_in_a_block(monkeypatch):
    calls: list[str] = []
    real = junk.junk_reason

    def counting(sentence: str) -> str | None:
        calls.append(sentence)
        return real(sentence)

    monkeypatch.setattr(junk, "junk_reason", counting)
    with junk.remembered():
        for _ in range(3):
            for sentence in SENTENCES:
                junk.is_junk(sentence)
    assert sorted(calls) == sorted(set(SENTENCES))


def test_nothing_is_kept_after_the_block(monkeypatch):
    with junk.remembered():
        junk.is_junk(SENTENCES[0])
    calls: list[str] = []
    real = junk.junk_reason

    def counting(sentence: str) -> str | None:
        calls.append(sentence)
        return real(sentence)

    monkeypatch.setattr(junk, "junk_reason", counting)
    junk.is_junk(SENTENCES[0])
    junk.is_junk(SENTENCES[0])
    assert calls == [SENTENCES[0], SENTENCES[0]]
