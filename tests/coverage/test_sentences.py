"""Sentence splitting: boundaries people expect, and spans that always slice back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storydiff.coverage.sentences import MAX_CHUNK_CHARS, split_sentences
from tests.invariants import assert_sentence_spans


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. House heard Dr. Ruiz and Prof. Lind on Monday. Rep. Cole spoke last.",
            ["The U.S. House heard Dr. Ruiz and Prof. Lind on Monday.", "Rep. Cole spoke last."],
        ),
        (
            "The firm is based in Atlanta, Ga., and employs 40 people. It was founded in 1990.",
            ["The firm is based in Atlanta, Ga., and employs 40 people.",
             "It was founded in 1990."],
        ),
        (
            "Repairs will cost 1.2 million pounds. About 3.5% of boats sank.",
            ["Repairs will cost 1.2 million pounds.", "About 3.5% of boats sank."],
        ),
        (
            'She said: "It is late. We must go." Then she left.',
            ['She said: "It is late. We must go."', "Then she left."],
        ),
        (
            "He called it \u201ca disgrace.\u201d The council disagreed.",
            ["He called it \u201ca disgrace.\u201d", "The council disagreed."],
        ),
        (
            "They said it was over.'' The crowd left.",
            ["They said it was over.''", "The crowd left."],
        ),
        (
            "Is it safe? Nobody knows! The tests are due in May.",
            ["Is it safe?", "Nobody knows!", "The tests are due in May."],
        ),
    ],
)
def test_boundaries(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_headlines_and_list_items_are_one_sentence_per_line() -> None:
    text = "Pier reopens after storm\n\nWhat happens next\n- boats return\n- the cafe opens"
    assert texts(text) == [
        "Pier reopens after storm", "What happens next", "- boats return", "- the cafe opens",
    ]


def test_a_caption_without_full_stop_is_not_glued_to_the_next_heading() -> None:
    text = "Executions rose sharply last year 01:00\n\nStory so far"
    assert texts(text) == ["Executions rose sharply last year 01:00", "Story so far"]


def test_indexes_and_offsets() -> None:
    text = "  First one.  Second one.\n\n\tThird one.  "
    sentences = split_sentences(text)
    assert [(s.index, s.start, s.end) for s in sentences] == [(0, 2, 12), (1, 14, 25), (2, 28, 38)]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == ()
    assert split_sentences(" \n\n \t ") == ()


def test_a_huge_line_without_full_stops_is_cut_into_bounded_pieces() -> None:
    text = "word " * 200_000  # one 1 MB line: pySBD alone would take minutes
    sentences = split_sentences(text)
    assert all(len(s.text) <= MAX_CHUNK_CHARS for s in sentences)
    assert set("".join(s.text for s in sentences).replace("word", "")) <= {" "}
    assert sum(s.text.count("word") for s in sentences) == 200_000


def test_long_paragraph_is_cut_at_sentence_ends() -> None:
    sentence = "The harbour board met again on Monday to discuss the pier."
    text = " ".join([sentence] * 200)
    assert texts(text) == [sentence] * 200


def _check_invariants(text: str) -> None:
    sentences = split_sentences(text)
    assert_sentence_spans(text, sentences)
    # Nothing but whitespace is left out.
    covered = set()
    for sentence in sentences:
        covered.update(range(sentence.start, sentence.end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


@settings(deadline=None)  # pySBD timing varies on a shared machine
@given(st.text())
def test_any_text_splits_cleanly(text: str) -> None:
    _check_invariants(text)


_PROSE = st.lists(
    st.sampled_from(
        ["Dr.", "U.S.", "said", "\u201cYes.\u201d", '"No!"', "1.5", "3,000", "Ga.,", "end.",
         "What?", "\n", "\n\n", " ", "(a)", "e.g.", "...", "Mr. Li", "01:00", "\u2014", "'"]
    ),
    max_size=60,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(_PROSE)
def test_prose_like_text_splits_cleanly(text: str) -> None:
    _check_invariants(text)


def test_no_sentence_starts_with_a_comma_after_an_abbreviation() -> None:
    texts = [
        s.text
        for s in split_sentences(
            "Upon arrival at 40 Larch St., officers found two cars alight. Nobody was hurt; "
            "the street stayed shut."
        )
    ]
    assert texts == [
        "Upon arrival at 40 Larch St., officers found two cars alight.",
        "Nobody was hurt; the street stayed shut.",
    ]


def test_sentences_glued_where_a_page_joined_its_paragraphs_are_split() -> None:
    text = "Two were treated and released.One is in critical condition.HFD says six went."
    assert [s.text for s in split_sentences(text)] == [
        "Two were treated and released.",
        "One is in critical condition.",
        "HFD says six went.",
    ]
    # an initialism, a title and a clock abbreviation are no glued sentence ends
    for kept in ("The U.S.Army said so.", "It was 3 p.m.Then rain.", "Dr.Smith agreed."):
        assert [s.text for s in split_sentences(kept)] == [kept]
