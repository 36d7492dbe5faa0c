"""Cleaning: debris out with a reason, real sentences kept, metadata read from the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storydiff.coverage.clean import clean, normalize_text, reduce_markdown
from storydiff.coverage.ingest import read_article
from storydiff.coverage.model import CleanText, Metadata, RawArticle

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def clean_text(text: str, metadata: Metadata | None = None) -> CleanText:
    raw = RawArticle(path="t.txt", text=text, metadata=metadata or Metadata(),
                     source_format="txt")
    return clean(raw)


def reasons(cleaned: CleanText) -> dict[str, str]:
    return {line.text: line.reason for line in cleaned.dropped}


# ---------------------------------------------------------------------------
# Characters


def test_odd_spaces_become_plain_spaces() -> None:
    assert normalize_text("a\u00a0b\u2009c\u202fd\te") == "a b c d e"


def test_invisible_and_control_characters_go() -> None:
    assert normalize_text("zero\u200bwidth\ufeff soft\u00adhyphen bell\x07") == (
        "zerowidth softhyphen bell"
    )
    assert normalize_text("\u202eevil\u202c text") == "evil text"


def test_terminal_escapes_are_removed() -> None:
    assert normalize_text("\x1b[31mred\x1b[0m alert") == "red alert"


def test_curly_and_straight_quotes_stay_distinct() -> None:
    text = "\u201ccurly\u201d and \"straight\" and \u2018single\u2019 and 'plain'"
    assert normalize_text(text) == text


def test_mojibake_is_repaired() -> None:
    broken = "The mayor\u00e2\u20ac\u2122s \u00e2\u20ac\u0153plan\u00e2\u20ac\u009d"
    assert normalize_text(broken) == "The mayor\u2019s \u201cplan\u201d"


def test_line_endings_are_unified() -> None:
    assert normalize_text("one\r\ntwo\rthree\u2028four") == "one\ntwo\nthree\nfour"


@settings(deadline=None)  # ftfy timing varies on a shared machine
@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


# ---------------------------------------------------------------------------
# Markdown


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("[The council voted](#) to close it", "The council voted to close it"),
        ("**bold** and __strong__ and *soft* and _light_", "bold and strong and soft and light"),
        ("## A heading ##", "A heading"),
        ("> a quoted line", "a quoted line"),
        ("- a list item", "a list item"),
        ("3. third step", "third step"),
        ("\u2022 LIVE TV", "LIVE TV"),
        ("\U0001f552 Updated today", "Updated today"),
        ("see ![a map](map.png) here", "see here"),
        ("[a page](https://x.example/a_(b)) link", "a page link"),
        ("snake_case_name and 2 * 3 * 4", "snake_case_name and 2 * 3 * 4"),
    ],
)
def test_reduce_markdown(line: str, words: str) -> None:
    assert reduce_markdown(line) == words


# ---------------------------------------------------------------------------
# A pasted web page (tests/data/ingest/web_paste.txt)


@pytest.fixture(scope="module")
def web_paste() -> CleanText:
    return clean(read_article(str(DATA / "web_paste.txt")))


def test_web_debris_is_dropped_with_reasons(web_paste: CleanText) -> None:
    assert reasons(web_paste) == {
        "Home": "navigation",
        "\u2022 LIVE NOW": "navigation",
        "By **Mara Quint, Coastal Times**": "byline",
        "\U0001f553 Updated 9:30 AM GMT, Mon March 6, 2023": "dateline",
        "Storm footage from the north coast 02:15": "caption",
        "(Coastal Times) \u2014": "dateline",
        "Key points": "highlights",
        "Photo by Lee Strand/Coastal Pictures": "credit",
        "Related: Three lighthouses to close along the north coast": "related",
        "A keeper's cottage seen from the cliffs. Image via Coast Archive": "caption",
        "Weather": "navigation",
        "Sport": "navigation",
        "Business": "navigation",
        "Leave a comment": "prompt",
        "If you enjoyed this story, consider making a donation to keep local news alive!":
            "prompt",
        "[Contact us](#) [Advertise](#) [Careers](#)": "link",
        "\u00a9 2023 Coastal Times Ltd. All rights reserved.": "copyright",
        "Tidewater Serif \u2122": "trademark",
    }


def test_web_paste_keeps_the_article(web_paste: CleanText) -> None:
    assert web_paste.text.split("\n\n") == [
        "Lighthouse keeper retires after forty years on the rock",
        "The keeper of the Fennick light, Jo Marsh, retires this week after forty years.",
        # The wire dateline opening the first paragraph is cut from it (and dropped).
        "Jo Marsh climbed the 212 steps of the Fennick light for the "
        'last time on Sunday. She said: "It is a strange feeling. I will miss the gulls."',
        "The light will be run from the mainland from April, the harbour board said.",
        "Dr. Nils Berg, who wrote a history of the light, said the U.S. and Norway had made "
        "the same change decades ago.",
        "By 2030, the board said, every light on the coast will be automated.",
    ]


def test_web_paste_metadata(web_paste: CleanText) -> None:
    assert web_paste.metadata == Metadata(
        outlet="Coastal Times",
        title="Lighthouse keeper retires after forty years on the rock",
        published="2023-03-06",
        author="Mara Quint",
        # The dateline's "(Coastal Times) —" credits the text at its head.
        credit="Coastal Times",
    )


# ---------------------------------------------------------------------------
# Real sentences are never debris

REAL_SENTENCES = [
    "By 2030, the board said, every light on the coast will be automated.",
    "Photos taken by residents show the water reached the first floor.",
    "The meeting ended at 10:30.",
    "Share prices fell 3% on Monday after the report.",
    "Comments from readers poured in after the story ran.",
    "Related research by the university found the same pattern.",
    "The copyright case will be heard in May.",
    "Updated figures from the ministry show 400 new cases.",
    "World leaders met in Geneva on Tuesday.",
    "This story is one of many told by survivors of the flood.",
    "Follow the money, the prosecutor told the jury.",
    "Image rights are a growing business for footballers.",
    "If you ask the fishermen, the ban came too late.",
    "Leave was cancelled for every officer in the county.",
    "Video footage shared by police showed the van at 02:15.",
    "The trial starts on June 3, 2024.",
    "By law, every boat must carry a radio.",
    "\u201cWe will not move,\u201d said Ana Ruiz. \u201cThis is our home.\u201d",
    "Officials said 1.5 million people were affected.",
]


@pytest.mark.parametrize("sentence", REAL_SENTENCES)
def test_real_sentence_is_kept_among_debris(sentence: str) -> None:
    text = f"Home\n\nWorld\n\n{sentence}\n\nLeave a comment\n\n\u00a9 2024 Some Outlet"
    cleaned = clean_text(text)
    assert sentence in cleaned.text.split("\n\n")
    assert sentence not in reasons(cleaned)


def test_isolated_short_heading_is_kept() -> None:
    text = "The board met on Monday.\n\nSecret plans\n\nThe plans were leaked to the press."
    assert "Secret plans" in clean_text(text).text.split("\n\n")


def test_a_run_of_one_word_lines_is_a_menu() -> None:
    cleaned = clean_text("News\nSport\nWeather\nCulture\n\nThe pier reopened on Monday.")
    assert cleaned.text == "The pier reopened on Monday."
    assert set(reasons(cleaned).values()) == {"navigation"}


def test_repeated_line_after_the_title_is_a_duplicate() -> None:
    title = "Pier reopens after a long winter"
    cleaned = clean_text(f"{title}\n\nThe pier reopened.\n\n{title}")
    assert cleaned.text == f"{title}\n\nThe pier reopened."
    assert reasons(cleaned) == {title: "duplicate"}


# ---------------------------------------------------------------------------
# Metadata from the text


@pytest.mark.parametrize(
    ("byline", "author", "outlet"),
    [
        ("By Jane Doe and Sam Roe", "Jane Doe and Sam Roe", None),
        ("By Jane Doe | Bay Herald", "Jane Doe", "Bay Herald"),
        ("By Jane Doe, Staff Reporter", "Jane Doe", None),
        ("Written by Luis de la Vega for The Harbour Review", "Luis de la Vega",
         "The Harbour Review"),
        ("BY JANE DOE, REUTERS", "JANE DOE", "REUTERS"),
    ],
)
def test_bylines(byline: str, author: str, outlet: str | None) -> None:
    cleaned = clean_text(f"Pier reopens\n\n{byline}\n\nThe pier reopened on Monday.")
    assert reasons(cleaned) == {byline: "byline"}
    assert (cleaned.metadata.author, cleaned.metadata.outlet) == (author, outlet)


def test_published_date_beats_updated_date() -> None:
    cleaned = clean_text(
        "Updated 4 June 2021\n\nPublished: Thursday, June 3, 2021 at 8:00 am\n\n"
        "The pier reopened on Monday."
    )
    assert set(reasons(cleaned).values()) == {"dateline"}
    assert cleaned.metadata.published == "2021-06-03"


@pytest.mark.parametrize(
    ("dateline", "outlet"),
    [
        ("(Reuters) -", "Reuters"),
        ("LONDON (AP) \u2014", "AP"),
        ("WREN, June 3 (Bay Wire) --", "Bay Wire"),
    ],
)
def test_outlet_from_a_dateline(dateline: str, outlet: str) -> None:
    cleaned = clean_text(f"Pier reopens\n\n{dateline} The pier reopened on Monday.")
    assert cleaned.metadata.outlet == outlet
    # The dateline is cut from the sentence it opens; the sentence stays.
    assert reasons(cleaned) == {dateline: "dateline"}
    assert cleaned.text == "Pier reopens\n\nThe pier reopened on Monday."


def test_outlet_from_a_syndication_line() -> None:
    cleaned = clean_text(
        "The pier reopened on Monday.\n\nThis article was originally published on The "
        "Harbour Review.\n\nA version of this story first appeared in Bay Herald UK"
    )
    assert cleaned.metadata.outlet == "The Harbour Review"
    assert set(reasons(cleaned).values()) == {"syndication"}


def test_known_title_is_not_needed_from_the_text() -> None:
    # The title is only a guess from the text; load.py prefers a known one.
    cleaned = clean_text("The pier reopened on Monday.\n\nIt had been shut for a year.")
    assert cleaned.metadata.title is None


# ---------------------------------------------------------------------------
# Paragraphs


def test_paragraphs_are_separated_by_one_blank_line() -> None:
    cleaned = clean_text("\n\n\nFirst line.\nSecond line.\n\n\n\nThird line.\n\n")
    assert cleaned.text == "First line.\n\nSecond line.\n\nThird line."


def test_hard_wrapped_lines_are_joined() -> None:
    text = (
        "The harbour board met on Monday evening to discuss the future of the\n"
        "old lighthouse, which has stood on the rock since 1851.\n"
        "A decision is due in May."
    )
    assert clean_text(text).text == (
        "The harbour board met on Monday evening to discuss the future of the old "
        "lighthouse, which has stood on the rock since 1851.\n\nA decision is due in May."
    )


def test_everything_dropped_leaves_empty_text() -> None:
    cleaned = clean_text("Home\n\nWorld\n\nLIVE TV")
    assert cleaned.text == ""
    assert len(cleaned.dropped) == 3


_WEB_LINES = st.lists(
    st.one_of(
        st.sampled_from([
            "Home", "LIVE TV", "By Jo Marsh, Bay Wire", "Updated June 3, 2024",
            "[Terms](#)", "\u00a9 2024 Bay Wire", "Photo by A/B", "Leave a comment",
            "The pier reopened on Monday.", "", "\u2022 World", "clip 01:00",
        ]),
        st.text(max_size=40),
    ),
    max_size=30,
).map("\n".join)


@settings(deadline=None)  # timing varies on a shared machine; no timing assertions
@given(_WEB_LINES)
def test_any_text_cleans_without_error(text: str) -> None:
    cleaned = clean_text(text)
    assert "\n\n\n" not in cleaned.text
    assert cleaned.text == cleaned.text.strip()
    assert not any(ch < " " and ch != "\n" for ch in cleaned.text)
    for paragraph in cleaned.text.split("\n\n") if cleaned.text else []:
        assert paragraph and "\n" not in paragraph


# ---------------------------------------------------------------------------
# A saved page's account bar, timestamps, calls to action and headline lists

SAVED_PAGE = """\
Home | Towns | Sport | Weather
Sign in   Register
Harbour wall to be rebuilt after winter storms
By Odile Marchetti
Published 2 March 2024, 9:15am | Updated 2 March 2024, 11:40am

The council will rebuild the eastern harbour wall at a cost of £3.4m, it said on Friday.

Get the best of Kelmouth news sent to your inbox every week. Join now

The work will start in June and take about a year.

Read more
Storm damage bill tops £10m
'Like a war zone': ferry timetable cut for winter
Is the lighthouse next?

Police said the road would reopen on Friday.

Most popular
1. Bakery wins award

2. School roof repaired

Were you there? Get in touch with our newsroom.
Have your say
Comments are now closed.
We'll bring you more as we get it.
This page is for general information only and is not financial advice.
"""


@pytest.fixture(scope="module")
def saved_page() -> CleanText:
    return clean_text(SAVED_PAGE)


def test_saved_page_debris_is_dropped_with_reasons(saved_page: CleanText) -> None:
    assert reasons(saved_page) == {
        "Home | Towns | Sport | Weather": "navigation",
        "Sign in Register": "navigation",
        "By Odile Marchetti": "byline",
        "Published 2 March 2024, 9:15am | Updated 2 March 2024, 11:40am": "dateline",
        "Get the best of Kelmouth news sent to your inbox every week. Join now": "prompt",
        "Read more": "navigation",
        "Storm damage bill tops £10m": "related",
        "'Like a war zone': ferry timetable cut for winter": "related",
        "Is the lighthouse next?": "related",
        "Most popular": "navigation",
        "1. Bakery wins award": "related",
        "2. School roof repaired": "related",
        "Were you there? Get in touch with our newsroom.": "prompt",
        "Have your say": "prompt",
        "Comments are now closed.": "prompt",
        "We'll bring you more as we get it.": "notice",
        "This page is for general information only and is not financial advice.":
            "disclaimer",
    }


def test_saved_page_keeps_the_article(saved_page: CleanText) -> None:
    assert saved_page.text.split("\n\n") == [
        "Harbour wall to be rebuilt after winter storms",
        "The council will rebuild the eastern harbour wall at a cost of £3.4m, it said on "
        "Friday.",
        "The work will start in June and take about a year.",
        # A short real paragraph right after a headline list ends the list.
        "Police said the road would reopen on Friday.",
    ]


def test_published_and_updated_line_gives_the_published_date(saved_page: CleanText) -> None:
    # The account bar above the headline must not become the title either.
    assert saved_page.metadata == Metadata(
        title="Harbour wall to be rebuilt after winter storms",
        published="2024-03-02",
        author="Odile Marchetti",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "\u201cHave your say,\u201d she urged residents.",
        '"Have your say," she urged residents.',
        "Contact tracing teams visited 40 homes.",
        "We will update the timetable in May, the operator said.",
        "The minister said the letters landed in her inbox.",
        "Subscribers will pay more from June.",
        "Sign-up numbers for the scheme rose 40% last year.",
        "Have you been to the new library? Thousands have, the council says.",
        "This article of the treaty is not financial advice, the court ruled.",
        "Residents were told to get in touch with the council by Friday.",
    ],
)
def test_sentence_that_looks_like_a_call_to_action_is_kept(sentence: str) -> None:
    cleaned = clean_text(f"Harbour wall rebuilt\n\nThe wall fell in March.\n\n{sentence}")
    assert sentence in cleaned.text.split("\n\n")
    assert reasons(cleaned) == {}


def test_headline_list_ends_at_a_hard_wrapped_paragraph() -> None:
    text = (
        "Related stories\nFerry timetable cut for winter\n\n"
        "The harbour board met on Monday evening to discuss the future of the\n"
        "old lighthouse, which has stood on the rock since 1851.\n"
    )
    cleaned = clean_text(text)
    assert reasons(cleaned) == {
        "Related stories": "navigation", "Ferry timetable cut for winter": "related",
    }
    assert cleaned.text.startswith("The harbour board met on Monday evening")


def test_latest_header_does_not_swallow_live_entries() -> None:
    text = "Latest\n\n16:40 GMT \u2014 The pier reopened to walkers this afternoon.\n"
    cleaned = clean_text(text)
    assert cleaned.text == "16:40 GMT \u2014 The pier reopened to walkers this afternoon."


@pytest.mark.parametrize(
    "line", ["Subscribe Log in", "Accept all | Manage preferences", "Share Tweet Email"]
)
def test_a_row_of_buttons_is_navigation(line: str) -> None:
    cleaned = clean_text(f"{line}\n\nPier reopens after a year\n\nThe pier reopened on Monday.")
    assert reasons(cleaned) == {line: "navigation"}
    assert cleaned.metadata.title == "Pier reopens after a year"


# ---------------------------------------------------------------------------
# Bylines naming a team or an outlet; a header line naming the outlet


@pytest.mark.parametrize(
    ("byline", "author", "outlet"),
    [
        # A group is not a person: no author, and the outlet when the group names it.
        ("By Bay Herald live team", None, "Bay Herald"),
        ("By our politics desk", None, None),
        ("By Staff", None, None),
        ("By Staff Reporter", None, None),
        ("By Ana Ruiz and the Bay Herald politics team", "Ana Ruiz", "Bay Herald"),
        ("By Harbour Radio News", None, "Harbour Radio News"),
        ("By Reuters", None, "Reuters"),
        ("By The Associated Press", None, "The Associated Press"),
        # A surname that is also a newspaper word stays a person.
        ("By Emily Post", "Emily Post", None),
    ],
)
def test_bylines_crediting_a_group_or_an_outlet(
    byline: str, author: str | None, outlet: str | None
) -> None:
    cleaned = clean_text(f"Pier reopens\n\n{byline}\n\nThe pier reopened on Monday.")
    assert reasons(cleaned) == {byline: "byline"}
    assert (cleaned.metadata.author, cleaned.metadata.outlet) == (author, outlet)


def test_outlet_line_after_the_headline_and_a_day_first_date() -> None:
    cleaned = clean_text(
        "Pier reopens after a year of repairs at Port Wren, to the relief of fishermen\n"
        "Baltic News Agency (translated from Estonian)\n"
        "03.06.2024\n\n"
        "The pier at Port Wren reopened on Monday after a year of repairs.\n"
    )
    assert reasons(cleaned) == {
        "Baltic News Agency (translated from Estonian)": "byline",
        "03.06.2024": "dateline",
    }
    assert cleaned.metadata == Metadata(
        outlet="Baltic News Agency",
        title="Pier reopens after a year of repairs at Port Wren, to the relief of fishermen",
        published="2024-06-03",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Pier reopens\nLocal News\n\nThe pier at Port Wren reopened on Monday.",  # a section
        "Pier reopens\n\nThe pier at Port Wren reopened on Monday.\n\nBaltic News Agency",
    ],
)
def test_a_name_outside_the_header_or_a_section_is_not_the_outlet(text: str) -> None:
    cleaned = clean_text(text)
    assert cleaned.metadata.outlet is None
    assert "byline" not in reasons(cleaned).values()


# ---------------------------------------------------------------------------
# Subheads


def test_markdown_subheads_after_the_body_begins_are_dropped() -> None:
    cleaned = clean_text(
        "# Pier reopens after a year\n\nThe pier reopened on Monday after repairs.\n\n"
        "## Who paid for it?\n\nThe council paid two thirds of the bill.\n\n"
        "### The next steps\n\nA cafe will open in May, the board said.\n\n"
        "## The board said the cafe would open in May and hire six staff.\n"
    )
    assert reasons(cleaned) == {"## Who paid for it?": "subhead", "### The next steps": "subhead"}
    assert cleaned.metadata.title == "Pier reopens after a year"
    # A "heading" that is a full sentence is a paragraph marked up wrongly: kept.
    assert cleaned.text.endswith("The board said the cafe would open in May and hire six staff.")


def test_plain_text_question_alone_between_paragraphs_is_a_subhead() -> None:
    cleaned = clean_text(
        "Pier reopens\n\nThe pier reopened on Monday after a year of repairs.\n\n"
        "Why did it take so long?\n\n"
        "Engineers found the piles had rotted further than expected.\n"
    )
    assert reasons(cleaned) == {"Why did it take so long?": "subhead"}


@pytest.mark.parametrize(
    "question",
    [
        "\u201cWho will pay for this?\u201d",  # someone speaking
        "Q: Will fares rise again?",  # an interview transcript
        "Who pays?",  # a rhetorical beat as often as a subhead
        "Why did the board wait until the piles had rotted through before it finally "
        "called in the engineers?",  # a sentence
    ],
)
def test_question_that_may_be_article_text_is_kept(question: str) -> None:
    text = (
        "Pier reopens\n\nThe pier reopened on Monday after a year of repairs.\n\n"
        f"{question}\n\nEngineers found the piles had rotted further than expected.\n"
    )
    cleaned = clean_text(text)
    assert question in cleaned.text.split("\n\n")
    assert reasons(cleaned) == {}


@pytest.mark.parametrize(
    "text",
    [
        # Not alone in its paragraph.
        "The pier reopened on Monday after a year of repairs.\n\nIs it safe now?\n"
        "Divers checked every pile last week, the board said.",
        # Last in the article: nothing follows.
        "The pier reopened on Monday after a year of repairs.\n\nWas it worth the wait?",
        # Before the body begins: a headline or standfirst.
        "Is the pier finally safe?\n\nThe pier reopened on Monday after a year of repairs.",
        # Questions in a row.
        "The pier reopened on Monday after a year of repairs.\n\nWho decided to close it?\n\n"
        "Who paid for the repairs?\n\nNobody at the council would say.",
    ],
)
def test_question_outside_the_subhead_shape_is_kept(text: str) -> None:
    assert "subhead" not in reasons(clean_text(text)).values()
