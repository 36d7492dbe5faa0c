"""Word families the fact layer reads a figure's clause with (storydiff/coverage/lexicon.py)."""

from __future__ import annotations

from storydiff.coverage.lexicon import word_family


def test_every_inflection_of_a_listed_word_joins_its_family() -> None:
    # "injures" is not listed; its stem is the stem of listed "injure"
    assert word_family("injures") == word_family("injured") == word_family("wounded")
    assert word_family("shootings") == word_family("gunfire")


def test_words_outside_the_families_meet_on_one_stem() -> None:
    assert word_family("vehicles") == word_family("vehicle")
    assert word_family("causes") == word_family("caused")
    assert word_family("Harbour") == word_family("harbours")
    assert word_family("vehicle") != word_family("vessel")


def test_a_family_word_with_a_second_sense_joins_only_as_written() -> None:
    # "opened fire" is shooting; "the fire" and "the club opens" are not
    assert word_family("fired") == word_family("shot")
    assert word_family("fire") != word_family("shot")
    assert word_family("opens") != word_family("shot")


def test_one_list_of_organisation_words_serves_credits_and_quotations() -> None:
    """ "The Varessan Red Cross" is an organisation to the quotation reader, so the story's
    cast of people has no "Cross" in it either."""
    from storydiff.coverage.detect import story_cast
    from storydiff.coverage.quotes import find_quotes

    assert "cross" not in story_cast(["The Varessan Red Cross"], [])
    assert "marsh" in story_cast(["Chief Officer Ines Marsh"], [])
    sentences = ["The Varessan Red Cross issued a statement.", 'It said "help is coming".']
    (quote,) = find_quotes(sentences)[1]
    assert quote.speaker == "Varessan Red Cross"  # "it": an organisation, not a person
