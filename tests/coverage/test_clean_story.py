"""The story-wide cleaning pass: a short line that shares no word with the story goes.

Issue 11: a page carries lines of the right shape that belong to no article of the story
(a widget's leftovers, a code at the foot of a release, another story's headline). Every
line here is written for the test.
"""

from __future__ import annotations

from pathlib import Path

from storydiff.coverage.clean_story import drop_unrelated
from storydiff.coverage.load import load_articles

PIER = (
    "The Kelmouth pier reopened on Monday after a week of repairs.\n\n"
    "Harbour staff said the pier would be inspected again in the autumn."
)
FERRY = "Ferries to the Kelmouth pier resumed on Tuesday, the harbour said."


def test_a_short_line_sharing_no_word_with_the_story_is_dropped() -> None:
    (story, other) = drop_unrelated([f"{PIER}\n\nZorvax widget test : 0", FERRY])
    assert story.text == PIER
    assert [(line.text, line.reason) for line in story.dropped] == [
        ("Zorvax widget test : 0", "unrelated")
    ]
    assert other.text == FERRY and other.dropped == ()


def test_a_line_sharing_a_word_with_another_outlet_is_kept() -> None:
    # "ferries" is said by no other line of this article, but the other outlet says it.
    story = f"{PIER}\n\nFerries resume"
    (kept, _) = drop_unrelated([story, FERRY])
    assert kept.text == story and kept.dropped == ()


def test_a_line_sharing_a_word_with_its_own_article_is_kept() -> None:
    story = f"{PIER}\n\nAutumn inspection schedule"
    assert drop_unrelated([story])[0].text == story


def test_the_story_own_words_are_kept_even_when_they_share_nothing() -> None:
    # A full sentence, a quotation and a longer line are the story's, whatever their words.
    lines = [
        "Pharmacists will offer walk-in appointments from next week.",
        '"Wonderful news"',
        "Local choirs rehearsing weekly concerts across neighbouring villages during "
        "winter months despite heavy snowfall warnings issued yesterday afternoon by "
        "forecasters",
    ]
    for line in lines:
        text = f"{PIER}\n\n{line}"
        assert drop_unrelated([text, FERRY])[0].text == text, line


def test_figures_alone_do_not_tie_a_line_to_the_story() -> None:
    # "2025" is in the story, but a year or a count says nothing of what a line is about.
    story = "The pier reopened in May 2025 after 12 days of repairs."
    (kept,) = drop_unrelated([f"{story}\n\nQXR/BLT/MMV 12-05-2025"])
    assert kept.text == story


def test_an_article_never_loses_its_last_line() -> None:
    (kept, _) = drop_unrelated(["Zorvax widget", FERRY])
    assert kept.text == "Zorvax widget" and kept.dropped == ()


def test_loading_a_story_drops_unrelated_lines_and_a_headline_taken_from_them(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text(f"Zorvax widget test\n\n{PIER}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{FERRY}\n", encoding="utf-8")
    articles = {Path(a.path).name: a for a in load_articles([str(tmp_path)]).articles}
    article = articles["a.txt"]
    assert article.text == PIER
    assert [s.text for s in article.sentences][0].startswith("The Kelmouth pier")
    assert ("Zorvax widget test", "unrelated") in [(d.text, d.reason) for d in article.dropped]
    assert article.title is None  # the dropped line had been taken for the headline
