"""Cleaning a text's front and end matter: datelines naming a place or an outlet, mastheads
and press-release labels, wire datelines, a press release's notes, newsletter footers,
questions put to the reader, plain-text subheads and list items. Each rule is tested on
both sides: the debris goes with its reason, the real sentence that looks like it stays."""

from __future__ import annotations

import pytest

from storydiff.coverage.clean import clean
from storydiff.coverage.load import article_from_raw
from storydiff.coverage.model import CleanText, Metadata, RawArticle
from tests.invariants import assert_sentence_spans

BODY = "The pier at Port Wren reopened on Monday after a year of repairs."
MORE = "The council paid two thirds of the bill, the harbour board said."


def raw(text: str) -> RawArticle:
    return RawArticle(path="t.txt", text=text, metadata=Metadata(), source_format="txt")


def clean_text(text: str) -> CleanText:
    return clean(raw(text))


def reasons(cleaned: CleanText) -> dict[str, str]:
    return {line.text: line.reason for line in cleaned.dropped}


def paragraphs(cleaned: CleanText) -> list[str]:
    return cleaned.text.split("\n\n")


# ---------------------------------------------------------------------------
# A dateline naming a place, a court, a section or the outlet


@pytest.mark.parametrize(
    ("line", "published", "outlet"),
    [
        # An outlet's name ends in an outlet word: it is the outlet.
        ("The Kelmouth Gazette, Tuesday 4 March 2025", "2025-03-04", "The Kelmouth Gazette"),
        ("Norvik Business Daily (international edition), 9 May 2024", "2024-05-09",
         "Norvik Business Daily"),
        ("The Harwick Observer | In Short | 21 January 2025", "2025-01-21",
         "The Harwick Observer"),
        # A place, a court or a section gives the date and nothing more.
        ("Wrenfield Crown Court, Monday 10 February 2025", "2025-02-10", None),
        ("Port Ellis, 2 June 2024", "2024-06-02", None),
        ("Business | Friday 7 June 2024", "2024-06-07", None),
    ],
)
def test_dateline_naming_a_place_or_an_outlet(
    line: str, published: str, outlet: str | None
) -> None:
    cleaned = clean_text(f"Pier reopens after a year\n\nBy Ana Ruiz\n{line}\n\n{BODY}")
    assert reasons(cleaned) == {"By Ana Ruiz": "byline", line: "dateline"}
    assert cleaned.metadata == Metadata(
        outlet=outlet, title="Pier reopens after a year", published=published, author="Ana Ruiz"
    )
    assert paragraphs(cleaned) == ["Pier reopens after a year", BODY]


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Posted 12 May 2025 by Lena Hart", None),
        ("By Lena Hart | Bay Herald | 12 May 2025", "Bay Herald"),
    ],
)
def test_dateline_with_a_byline_gives_date_and_author(line: str, outlet: str | None) -> None:
    cleaned = clean_text(f"Pier reopens\n\n{line}\n\n{BODY}")
    assert reasons(cleaned) == {line: "dateline"}
    assert cleaned.metadata == Metadata(
        outlet=outlet, title="Pier reopens", published="2025-05-12", author="Lena Hart"
    )


@pytest.mark.parametrize(
    "text",
    [
        # A name and a date make a dateline only before the body begins.
        f"Pier reopens\n\n{BODY}\n\nPort Ellis, 2 June 2024\n\n{MORE}",
        # A part mixing the date with other words is a headline, not a dateline.
        f"Pier Reopens On 3 June 2024\n\n{BODY}",
        f"Pier reopens\n\nSigned 3 May 2024 by both unions\n\n{BODY}",
        # A number beside a date is a count or a table cell, not part of the date.
        f"Pier reopens\n\nHarbour Board | 3 May 2024 | 21\n\n{BODY}",
    ],
)
def test_line_with_a_date_that_is_no_dateline_is_kept(text: str) -> None:
    cleaned = clean_text(text)
    assert "dateline" not in reasons(cleaned).values()
    assert cleaned.metadata.published is None


# ---------------------------------------------------------------------------
# Mastheads above the headline


@pytest.mark.parametrize(
    ("masthead", "outlet", "published"),
    [
        ("MEDIA RELEASE | FOR IMMEDIATE RELEASE", None, None),
        ("Embargoed until 00:01, 17 May 2025", None, "2025-05-17"),
        # An issue number makes the name beside it the publication's, whatever its words.
        ("Harbour Notes - Issue 58", "Harbour Notes", None),
        ("Kelmouth Evening Star", "Kelmouth Evening Star", None),
    ],
)
def test_masthead_is_not_the_headline(
    masthead: str, outlet: str | None, published: str | None
) -> None:
    cleaned = clean_text(f"{masthead}\n\nPier reopens after a year\n\n{BODY}")
    assert reasons(cleaned) == {masthead: "masthead"}
    assert cleaned.metadata == Metadata(
        outlet=outlet, title="Pier reopens after a year", published=published
    )


@pytest.mark.parametrize(
    "text",
    [
        # A headline ending in an outlet word is followed by a byline, not a headline.
        f"Hard Times\n\nBy Ana Ruiz\n\n{BODY}",
        # A surname that is also a newspaper word names a person, not an outlet.
        f"Pier reopens\nEmily Post\n\n{BODY}",
    ],
)
def test_name_that_is_no_masthead_is_kept(text: str) -> None:
    cleaned = clean_text(text)
    assert cleaned.metadata.outlet is None
    assert not {"masthead", "byline"} & {
        reason for line, reason in reasons(cleaned).items() if line != "By Ana Ruiz"
    }


def test_outlet_line_after_the_headline_may_end_in_a_surname_word() -> None:
    # "Post" alone would be a surname; "Evening Post" and "The … Ledger" are newspapers.
    for name in ("Kelmouth Evening Post", "The Harbour Ledger"):
        cleaned = clean_text(f"Pier reopens\n{name}\n\n{BODY}")
        assert reasons(cleaned) == {name: "byline"}
        assert cleaned.metadata.outlet == name


# ---------------------------------------------------------------------------
# A press release's end matter

RELEASE = """\
PRESS RELEASE
Harbour trust opens a new lifeboat station

Kelmouth, 3 March 2025

The Kelmouth Harbour Trust opened its new lifeboat station on Monday, the first in forty years.

The fund will pay for:
- lifejackets for 40 volunteer crew;
- a second boat, named after the trust's founder;
- training for 12 new helms.

-ends-

Notes for editors
The trust was founded in 1901 and runs three harbours on the coast.
Photographs are available on request.

Press enquiries: Jon Meer, Communications Officer, 0100 555 0134, press@trust.example
"""


@pytest.fixture(scope="module")
def release() -> CleanText:
    return clean_text(RELEASE)


def test_press_release_end_matter_is_dropped(release: CleanText) -> None:
    assert reasons(release) == {
        "PRESS RELEASE": "masthead",
        "Kelmouth, 3 March 2025": "dateline",
        "-ends-": "end matter",
        "Notes for editors": "end matter",
        "The trust was founded in 1901 and runs three harbours on the coast.": "end matter",
        "Photographs are available on request.": "end matter",
        "Press enquiries: Jon Meer, Communications Officer, 0100 555 0134, press@trust.example":
            "contact",
    }
    assert release.metadata == Metadata(
        title="Harbour trust opens a new lifeboat station", published="2025-03-03"
    )


def test_list_items_stay_separate_statements(release: CleanText) -> None:
    # Items ending in semicolons do not run on into one sentence.
    assert paragraphs(release)[2:] == [
        "The fund will pay for:",
        "lifejackets for 40 volunteer crew;",
        "a second boat, named after the trust's founder;",
        "training for 12 new helms.",
    ]


def test_hard_wrapped_list_item_still_joins_its_continuation() -> None:
    cleaned = clean_text(
        f"{BODY}\n\nThe fund will pay for:\n- lifejackets for the forty volunteers who\n"
        "crew the station every night;\n- a second boat.\n"
    )
    assert paragraphs(cleaned)[2:] == [
        "lifejackets for the forty volunteers who crew the station every night;",
        "a second boat.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Before any sentence a marker ends nothing.
        f"ENDS\n\nPier reopens\n\n{BODY}\n\n{MORE}",
        # Sentences that merely mention editors, contacts or an ending.
        f"{BODY}\n\nNotes to editors were sent on Monday, the board said.\n\n{MORE}",
        f"{BODY}\n\nMedia contacts were told to wait outside, a spokesman said.\n\n{MORE}",
        f"{BODY}\n\nThe strike ends on Friday.\n\n{MORE}",
    ],
)
def test_lines_that_only_look_like_end_matter_keep_what_follows(text: str) -> None:
    cleaned = clean_text(text)
    assert MORE in paragraphs(cleaned)
    assert not {"end matter", "contact"} & set(reasons(cleaned).values())


# ---------------------------------------------------------------------------
# Newsletter footers and questions put to the reader


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("You're receiving this email because you signed up at harbour.example. "
         "Unsubscribe | View online", "footer"),
        ("Thanks for reading, and see you next week.", "sign-off"),
        ("What do you think of the new timetable? Let us know in the comments.", "prompt"),
        ("Are YOU affected by the closure? Email us at news@kelmouth.example", "prompt"),
        ("Forward to a friend | Unsubscribe", "navigation"),
    ],
)
def test_newsletter_footers_and_reader_prompts_are_dropped(line: str, reason: str) -> None:
    cleaned = clean_text(f"Pier reopens\n\n{BODY}\n\n{line}\n\n{MORE}")
    assert reasons(cleaned) == {line: reason}


def test_question_to_the_reader_ending_the_article_is_a_prompt() -> None:
    question = "Would you swim off the new pier?"
    syndication = "This article was originally published on Bay Herald."
    cleaned = clean_text(f"Pier reopens\n\n{BODY}\n\n{MORE}\n\n{question}\n\n{syndication}")
    assert reasons(cleaned) == {question: "prompt", syndication: "syndication"}


@pytest.mark.parametrize(
    "line",
    [
        "Unsubscribe rates rose 4% last year, the company said.",
        "You are receiving this award for your courage, the mayor told the crew.",
        # A question to the reader with an answer after it is the article's own.
        "Would you swim off the new pier? Hundreds already do, the board says.",
    ],
)
def test_sentences_that_look_like_footers_or_prompts_are_kept(line: str) -> None:
    cleaned = clean_text(f"Pier reopens\n\n{BODY}\n\n{line}\n\n{MORE}")
    assert line in paragraphs(cleaned)
    assert reasons(cleaned) == {}


@pytest.mark.parametrize(
    "ending",
    [
        "\u201cWould you swim in that?\u201d she asked.",  # someone speaking
        "Who will pay for the next repair?",  # not put to the reader
    ],
)
def test_last_question_not_put_to_the_reader_is_kept(ending: str) -> None:
    cleaned = clean_text(f"Pier reopens\n\n{BODY}\n\n{ending}")
    assert paragraphs(cleaned)[-1] == ending


# ---------------------------------------------------------------------------
# Plain-text subheads


def test_short_phrase_alone_between_paragraphs_is_a_subhead() -> None:
    cleaned = clean_text(f"Pier reopens\n\n{BODY}\n\nLessons from the storm\n\n{MORE}")
    assert reasons(cleaned) == {"Lessons from the storm": "subhead"}
    assert paragraphs(cleaned) == ["Pier reopens", BODY, MORE]


@pytest.mark.parametrize(
    "line",
    [
        "The 2009 storm surge",  # a figure may be a claim
        "\u201cNever again\u201d",  # a quotation
        "The repairs will cover:",  # leads into what follows
        "The board refused and the pier stayed shut for a whole winter",  # a long line
    ],
)
def test_short_line_that_may_be_article_text_is_kept(line: str) -> None:
    cleaned = clean_text(f"Pier reopens\n\n{BODY}\n\n{line}\n\n{MORE}")
    assert line in paragraphs(cleaned)


@pytest.mark.parametrize(
    "text",
    [
        # Before the body: a highlight or kicker under the headline.
        f"Pier reopens\n\nThree things to know\n\n{BODY}",
        # Not alone in its paragraph.
        f"Pier reopens\n\n{BODY}\nLessons from the storm\n{MORE}",
        # A list item.
        f"Pier reopens\n\n{BODY}\n\n- Lessons from the storm\n\n{MORE}",
    ],
)
def test_short_line_outside_the_subhead_shape_is_kept(text: str) -> None:
    assert "subhead" not in reasons(clean_text(text)).values()


# ---------------------------------------------------------------------------
# Wire datelines opening the first paragraph


@pytest.mark.parametrize(
    ("dateline", "outlet"),
    [
        ("KELMOUTH, Westmark, May 3 (Harbour Wire) -", "Harbour Wire"),
        ("PORT WREN, 3 May (HW) \u2014", "HW"),
        ("Port Wren (Harbour Wire) --", "Harbour Wire"),
        ("(Harbour Wire) \u2013", "Harbour Wire"),
        ("PORT WREN -", None),
    ],
)
def test_wire_dateline_is_cut_from_the_first_sentence(dateline: str, outlet: str | None) -> None:
    text = f"Pier reopens\n\n{dateline} {BODY}\n\n{MORE}"
    article = article_from_raw(raw(text))
    assert [line.text for line in article.dropped] == [dateline]
    assert article.dropped[0].reason == "dateline"
    assert article.text == f"Pier reopens\n\n{BODY}\n\n{MORE}"
    assert article.sentences[1].text == BODY
    assert_sentence_spans(article.text, article.sentences)
    assert clean_text(text).metadata.outlet == outlet


def test_any_other_outlet_beats_the_wire_agency() -> None:
    cleaned = clean_text(
        f"Pier reopens\n\nBy Ana Ruiz, Bay Herald\n\nKELMOUTH (Harbour Wire) - {BODY}"
    )
    assert cleaned.metadata.outlet == "Bay Herald"


@pytest.mark.parametrize(
    "text",
    [
        # A title-case word before a dash is a sentence's subject, not a place.
        "Kelmouth - The town voted on Monday to keep its pier open all winter.",
        # Lowercase after the dash: an aside, not a dateline.
        "KELMOUTH - a town of 9,000 - voted on Monday to keep its pier open.",
        # Too little after it to be the sentence a dateline opens.
        "KELMOUTH - Pier reopens",
    ],
)
def test_opening_that_is_no_wire_dateline_is_kept(text: str) -> None:
    cleaned = clean_text(f"Pier reopens\n\n{text}")
    assert "dateline" not in reasons(cleaned).values()
    assert text in paragraphs(cleaned)


def test_wire_dateline_deep_in_the_article_is_left_alone() -> None:
    late = f"KELMOUTH (Harbour Wire) - {MORE}"
    earlier = ["It had been shut for a year.", "Repairs cost four million.",
               "Fishermen welcomed the news."]
    cleaned = clean_text("\n\n".join(["Pier reopens", BODY, *earlier, late]))
    assert late in paragraphs(cleaned)
