"""Cleaning real pages: page furniture, credits at the head of the text, update stamps.

Issue 11 (lines of the page and of other stories become claims) and issue 12 (items 7 and
11: datelines, "Story highlights", lone update stamps). Every line here is written for the
test; each rule is checked on a line it must drop and on a story line it must keep.
"""

from __future__ import annotations

import pytest

from storydiff.coverage.clean import clean
from storydiff.coverage.model import CleanText, Metadata, RawArticle

LEDE = "The Kelmouth ferry ramp reopened on Monday after a week of repairs, the harbour said."
CLOSE = "Harbour staff said the next inspection is due in the autumn."


def clean_text(text: str) -> CleanText:
    return clean(RawArticle(path="t.txt", text=text, metadata=Metadata(), source_format="txt"))


def reasons(cleaned: CleanText) -> dict[str, str]:
    return {line.text: line.reason for line in cleaned.dropped}


def between(line: str) -> CleanText:
    """``line`` as its own paragraph in the middle of an article."""
    return clean_text(f"{LEDE}\n\n{line}\n\n{CLOSE}")


# ---------------------------------------------------------------------------
# Page furniture: each line goes with its reason


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # The page's video player talking, with its button run on.
        ("You need a newer version of the Zephyr Player to watch the video with this "
         "story. Download Now .", "notice"),
        ("Warning: The audio in the video below may be disturbing to some viewers.", "notice"),
        ("Refresh this page for updates as they become available.", "notice"),
        ("*This is a developing story. Follow bayherald.example for the latest updates.",
         "notice"),
        ("Read more from our partners at the Bay Herald.", "prompt"),
        ("Read or Share this story: https://bay.example/s/4Kd9", "prompt"),
        # A label over app-store or social-network buttons.
        ("Get the Bay Herald app: iPhone | Android", "prompt"),
        ("Follow the Herald: Facebook | Twitter", "prompt"),
        ("Follow BAYHERALD.EXAMPLE: Facebook | Twitter", "prompt"),
        # An embedded post closes with its author, @handle and date.
        ("The ramp is open again, thanks to the crews who worked all week. "
         "\u2014 Kelmouth Harbour (@kelharbour) May 5, 2025", "embed"),
        ("EMBED >More News Videos Crews at work on the ferry ramp", "embed"),
        # Captions whose credit opens or closes them, with no sentence of its own.
        ("Crews lift the ferry ramp at dawn on Monday, May 5, 2025. BAYWIRE/Lena Holt",
         "caption"),
        ("Crews lift the ferry ramp at dawn on Monday, May 5, 2025. KBAY 7", "caption"),
        ("(Lena Holt/Bay Herald via Bay Wire). Crews lift the ferry ramp at dawn.", "caption"),
        ("A crane lifts the ramp at dawn. (Photo: Lena Holt, special to the Bay Herald)",
         "caption"),
        # Who else wrote the article.
        ("Harbour Radio staff writer Ana Ruiz contributed to this report.", "credit"),
        ("Holt reported from Kelmouth. Bay Wire writer Sam T. Tey contributed to this report.",
         "credit"),
        ("Herald writer Ana Ruiz contributed to this story. A Bay Wire report is included.",
         "credit"),
        ("--Bay Wire contributed to this story", "credit"),
        # A copyright line that names its holders without a year or a sign.
        ("Copyright Bay Wire / Harbour Radio", "copyright"),
        # Links to other pages under their label.
        ("Related Kelmouth ferry stories:", "related"),
        ("PHOTOS: Crews repair the ferry ramp", "related"),
        ("RAW VIDEO: The ramp is lowered for the first time", "related"),
        ("Previous story: Ferry ramp closes for a week of repairs", "related"),
        ("Previous story:", "navigation"),
        ("of Autoplay Pause Show Thumbnails Show Captions", "navigation"),
        ("Skip Ad", "navigation"),
    ],
)
def test_page_furniture_is_dropped_with_its_reason(line: str, reason: str) -> None:
    cleaned = between(line)
    assert reasons(cleaned) == {line: reason}
    assert cleaned.text.split("\n\n") == [LEDE, CLOSE]


@pytest.mark.parametrize(
    "line",
    [
        # Sentences of a story that look a little like the furniture above.
        "Three agencies contributed to the report on the ferry, the minister said.",
        "Copyright law changed in 2019 after a long fight by local musicians.",
        "Share prices rose on Monday after the ferry reopened.",
        "The harbour posted a video of the ramp on its website, which drew 4,000 views.",
        "The study (published in March) found the ramp had rusted through.",
        'Holt said: "You need to see the ramp to believe it."',
        "Photos of the old ramp hang in the harbour office.",
        "Police said the man, who uses the handle @kelpier, was not a suspect.",
    ],
)
def test_story_lines_like_the_furniture_are_kept(line: str) -> None:
    cleaned = between(line)
    assert cleaned.dropped == ()
    assert cleaned.text.split("\n\n") == [LEDE, line, CLOSE]


def test_a_teaser_and_its_headline_go_together() -> None:
    # Another story's headline and blurb, closed by its publication stamp.
    cleaned = clean_text(
        f"{LEDE}\n\nGulls Return to the Old Quay\n\n"
        "Birdwatchers counted more gulls than last year at the quay. "
        "(Published Tuesday, May 6, 2025)\n\n"
        f"{CLOSE}"
    )
    assert set(reasons(cleaned).values()) == {"teaser"}
    assert len(cleaned.dropped) == 2
    assert cleaned.text.split("\n\n") == [LEDE, CLOSE]


def test_a_caption_credit_does_not_cut_a_wrapped_sentence() -> None:
    # Hard-wrapped text may break after a capital: the line runs on in lower case.
    text = (
        f"{LEDE}\n\nThe ferry crew worked through the night on Sunday. KBAY\n"
        "reporters watched from the quay.\n\n"
        f"{CLOSE}"
    )
    cleaned = clean_text(text)
    assert cleaned.dropped == ()


def test_a_row_of_player_buttons_is_cut_from_the_first_sentence() -> None:
    cleaned = clean_text(f"Close Skip Embed x Share {LEDE}\n\n{CLOSE}")
    assert reasons(cleaned) == {"Close Skip Embed x Share": "navigation"}
    assert cleaned.text.split("\n\n") == [LEDE, CLOSE]


def test_a_first_sentence_opening_with_a_button_word_is_kept() -> None:
    first = "Share prices in Kelmouth rose on Monday after the ferry ramp reopened."
    cleaned = clean_text(f"{first}\n\n{CLOSE}")
    assert cleaned.text.split("\n\n") == [first, CLOSE]


# ---------------------------------------------------------------------------
# Credits at the head of the text (issue 12, item 7)


@pytest.mark.parametrize(
    ("head", "credit", "outlet"),
    [
        ("(Bay Wire) \u2014 ", "Bay Wire", "Bay Wire"),
        ("KELMOUTH (Bay Wire) \u2014 ", "Bay Wire", "Bay Wire"),
        ("(Bay Wire)", "Bay Wire", "Bay Wire"),  # the sentence runs on from the credit
        ("PORT WREN, Kel. (News 7) - ", "News 7", "News 7"),
        # A joint credit names two sources, neither surely the publisher.
        ("KELMOUTH (KBAY/Bay Wire) \u2013 ", "KBAY/Bay Wire", None),
        ("KELMOUTH \u2015 ", None, None),
        ("PORT WREN, Kel. ", None, None),  # a wire's dateline without a dash
    ],
)
def test_the_credit_at_the_head_moves_into_metadata(
    head: str, credit: str | None, outlet: str | None
) -> None:
    cleaned = clean_text(f"{head}{LEDE}\n\n{CLOSE}")
    assert cleaned.text.split("\n\n") == [LEDE, CLOSE]
    assert reasons(cleaned) == {head.strip(): "dateline"}
    assert cleaned.metadata.credit == credit
    assert cleaned.metadata.outlet == outlet


@pytest.mark.parametrize(
    "first",
    [
        "Kelmouth Harbour (the port authority) said the ramp reopened on Monday.",
        "NATO Secretary General Ada Kerr visited the Kelmouth ferry ramp on Monday.",
        "KBAY, the harbour radio station, said the ramp reopened on Monday.",
    ],
)
def test_a_first_sentence_without_a_dateline_is_left_whole(first: str) -> None:
    cleaned = clean_text(f"{first}\n\n{CLOSE}")
    assert cleaned.text.split("\n\n") == [first, CLOSE]
    assert cleaned.metadata.credit is None


def test_story_highlights_stay_out_of_the_sentences() -> None:
    bullets = [
        "The ferry ramp is open again",
        "Repairs took a week, longer than planned",
        "The next inspection is due in the autumn",
    ]
    text = "\n\n".join(
        ["Ferry ramp reopens after repairs", "Story highlights", *bullets,
         f"(Bay Wire) \u2014 {LEDE}", CLOSE]
    )
    cleaned = clean_text(text)
    assert cleaned.text.split("\n\n") == ["Ferry ramp reopens after repairs", LEDE, CLOSE]
    assert [line.text for line in cleaned.dropped if line.reason == "highlights"] == [
        "Story highlights", *bullets,
    ]
    # With the bullets gone, the credit still opens the first sentence and is read.
    assert cleaned.metadata.credit == "Bay Wire"


def test_highlights_end_at_the_first_sentence() -> None:
    text = f"Key points\n\nThe ramp is open\n\n{LEDE}\n\nRepairs took 7 days\n\n{CLOSE}"
    cleaned = clean_text(text)
    assert reasons(cleaned) == {"Key points": "highlights", "The ramp is open": "highlights"}
    assert cleaned.text.split("\n\n") == [LEDE, "Repairs took 7 days", CLOSE]


# ---------------------------------------------------------------------------
# Update stamps (issue 12, item 11)


@pytest.mark.parametrize(
    "stamp",
    ["Updated 8:43 AM", "Last updated 9:02 a.m. ET", "Posted at 4:12 PM EDT",
     "Published 11:30"],
)
def test_a_lone_update_stamp_is_a_dateline(stamp: str) -> None:
    for text in (f"{stamp}\n\n{LEDE}\n\n{CLOSE}", f"{LEDE}\n\n{stamp}\n\n{CLOSE}",
                 f"{LEDE}\n\n{CLOSE}\n\n{stamp}"):
        cleaned = clean_text(text)
        assert reasons(cleaned) == {stamp: "dateline"}
        assert cleaned.text.split("\n\n") == [LEDE, CLOSE]
        assert cleaned.metadata.title is None


def test_a_dated_stamp_gives_the_date_where_there_is_none() -> None:
    cleaned = clean_text(f"{LEDE}\n\nPosted: Jul 11, 2016 4:12 PM EDT\n\n{CLOSE}")
    assert reasons(cleaned) == {"Posted: Jul 11, 2016 4:12 PM EDT": "dateline"}
    assert cleaned.metadata.published == "2016-07-11"


def test_a_sentence_about_an_update_is_kept() -> None:
    line = "Updated figures released at 9:30 am showed 40 sailings were cancelled."
    cleaned = between(line)
    assert cleaned.dropped == ()
