"""Property tests: no input makes the core raise anything but a ``StorydiffError``.

Hypothesis feeds arbitrary bytes and text to each stage (decoding, parsing, cleaning,
sentence splitting, numbers, quotations, alignment) and checks the invariants the rest of
the program relies on: sentence spans slice back to their text, the alignment does not
depend on the order articles are given in, and the alignment file round-trips. Example
counts are kept small so the whole file runs in seconds.
"""

from __future__ import annotations

import itertools
import json

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from storydiff.coverage.clean import clean, normalize_text
from storydiff.coverage.ingest import decode_bytes, parse_text
from storydiff.coverage.load import article_from_raw
from storydiff.coverage.model import Article, Metadata, RawArticle
from storydiff.coverage.numbers import find_numbers
from storydiff.coverage.pipeline import compare_articles
from storydiff.coverage.quotes import find_credit, find_quotes
from storydiff.coverage.sentences import split_sentences
from storydiff.coverage.store import alignment_from_dict, dumps_alignment
from storydiff.errors import StorydiffError
from tests.invariants import assert_sentence_spans

FAST = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

HOSTILE_PIECES = st.sampled_from([
    "\x1b[31m", "\x1b]8;;http://evil\x1b\\", "[bold red]", "[/]", "\u200b", "\u202e",
    "\ufeff", "\r\n", "\n\n", "\u2028", "\x00", "\x07", "Ã©", "â€™", "“", "”", "'", '"',
    "Dr. ", "U.S. ", "3.5", "$12 million", "more than 700", "1,204", "%", "…", "。", "¿",
    "---\n", "<p>", "</div>", "&amp;", "...", "?!", "(", ")", "—", " said ", "according to ",
])
"""Fragments that have broken text pipelines before: escapes, markup, invisibles,
mojibake, quotes, abbreviations, figures."""

hostile_text = st.lists(st.text(max_size=12) | HOSTILE_PIECES, max_size=25).map("".join)

words = st.sampled_from([
    "the", "harbour", "board", "shut", "east", "quay", "on", "Friday", "after", "a",
    "crane", "toppled", "onto", "two", "barges", "said", "repairs", "take", "six", "weeks",
    "42", "more", "than", "$3", "million", "\u201cwe", "will", "reopen\u201d", "Mayor", "Ng",
])
sentence = st.lists(words, min_size=3, max_size=12).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
article_sentences = st.lists(sentence, min_size=1, max_size=6)


def make_article(name: str, sentences: list[str]) -> Article | None:
    raw = RawArticle(path=f"{name}.txt", text=" ".join(sentences), metadata=Metadata(),
                     source_format="txt")
    try:
        return article_from_raw(raw)
    except StorydiffError:
        return None  # cleaning may drop every line of a tiny article; that is allowed


# ---------------------------------------------------------------------------
# Reading


@FAST
@given(st.binary(max_size=400))
def test_decoding_arbitrary_bytes_gives_text_or_an_article_error(data: bytes) -> None:
    try:
        decoded = decode_bytes(data, source="x.txt")
    except StorydiffError as exc:
        assert str(exc).startswith("x.txt: ") and "\n" not in str(exc)
    else:
        assert "\x00" not in decoded.text


@FAST
@given(hostile_text, st.sampled_from(["txt", "md", "json", "jsonl"]))
def test_parsing_arbitrary_text_gives_articles_or_an_article_error(
    text: str, source_format: str
) -> None:
    try:
        articles = parse_text(text, source="x.in", source_format=source_format)
    except StorydiffError as exc:
        assert str(exc).startswith("x.in") and "\n" not in str(exc)
    else:
        assert articles and all(a.text.strip() for a in articles)


@SLOW
@given(hostile_text)
def test_parsing_arbitrary_html_never_crashes(text: str) -> None:
    try:
        parse_text(f"<html><body><p>{text}</p></body></html>", source="x.html",
                   source_format="html")
    except StorydiffError as exc:
        assert str(exc).startswith("x.html: ")


# ---------------------------------------------------------------------------
# Cleaning and sentences


@FAST
@given(hostile_text)
def test_normalize_text_is_idempotent_and_leaves_no_escapes(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\x1b" not in once and "\x00" not in once and "\u200b" not in once


@FAST
@given(hostile_text)
def test_cleaning_never_raises_and_keeps_no_control_characters(text: str) -> None:
    cleaned = clean(RawArticle(path="x.txt", text=text, metadata=Metadata(),
                               source_format="txt"))
    assert not any(ch < " " and ch != "\n" for ch in cleaned.text)


@FAST
@given(hostile_text)
def test_sentence_spans_slice_back_to_their_text(text: str) -> None:
    assert_sentence_spans(text, split_sentences(text))


@FAST
@given(hostile_text)
def test_numbers_never_raise_and_point_into_the_sentence(text: str) -> None:
    for mention in find_numbers(text):
        assert mention.low <= mention.high
        assert mention.surface in text


@FAST
@given(st.lists(hostile_text, max_size=5))
def test_quotes_and_credits_never_raise(texts: list[str]) -> None:
    found = find_quotes(texts)
    assert len(found) == len(texts)
    for text in texts:
        credit = find_credit(text)
        assert credit is None or isinstance(credit, str)


# ---------------------------------------------------------------------------
# Alignment


@SLOW
@given(st.lists(article_sentences, min_size=2, max_size=4))
def test_alignment_does_not_depend_on_the_order_of_articles(
    stories: list[list[str]],
) -> None:
    articles = [make_article(f"outlet-{n}", s) for n, s in enumerate(stories)]
    articles = [a for a in articles if a is not None]
    assume(len(articles) >= 2)
    expected = dumps_alignment(compare_articles(articles, created="2026-01-01T00:00:00Z"))
    for order in itertools.islice(itertools.permutations(articles), 1, 6):
        again = compare_articles(list(order), created="2026-01-01T00:00:00Z")
        assert dumps_alignment(again) == expected


@SLOW
@given(st.lists(article_sentences, min_size=1, max_size=4))
def test_real_alignments_round_trip_through_json(stories: list[list[str]]) -> None:
    articles = [make_article(f"outlet-{n}", s) for n, s in enumerate(stories)]
    articles = [a for a in articles if a is not None]
    assume(articles)
    alignment = compare_articles(articles, created="2026-01-01T00:00:00Z")
    assert alignment_from_dict(json.loads(dumps_alignment(alignment))) == alignment
    for claim in alignment.claims:
        for member in claim.members:
            assert 0.0 <= member.score <= 1.0
