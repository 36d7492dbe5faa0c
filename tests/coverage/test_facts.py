"""Figures and quotations compared across claims (storydiff/coverage/facts.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storydiff.coverage.facts import figure_facts, how_changed, is_part_of, near_enough, sums_to
from storydiff.coverage.model import Alignment, Article, Divergence, DivergenceType, NumberMention
from storydiff.coverage.numbers import find_numbers
from storydiff.coverage.pipeline import compare_paths
from storydiff.coverage.sentences import split_sentences


def one(text: str):  # noqa: ANN201 - a NumberMention, spelled out in every test
    (mention,) = find_numbers(text)
    return mention


def test_a_proper_rounding_is_a_qualifier_change_and_a_cut_is_a_changed_number() -> None:
    exact = one("They paid $52,640,210 in tax.")
    assert how_changed(exact, one("They paid $52.6 million in tax.")) is (
        DivergenceType.QUALIFIER_CHANGED
    )
    # 52.6 million is the rounding; "52 million" cuts the figure down
    assert how_changed(exact, one("They paid $52 million in tax.")) is (
        DivergenceType.NUMBER_CHANGED
    )
    assert how_changed(exact, one("They paid nearly $53 million in tax.")) is (
        DivergenceType.QUALIFIER_CHANGED
    )


def test_times_rounded_with_a_hedge_differ_in_the_hedge_and_far_ones_in_value() -> None:
    exact = one("The alarm sounded at 4:12 a.m.")
    assert how_changed(exact, one("The alarm sounded around 4:15 a.m.")) is (
        DivergenceType.QUALIFIER_CHANGED
    )
    assert how_changed(exact, one("The alarm sounded around 4:35 a.m.")) is (
        DivergenceType.NUMBER_CHANGED
    )
    assert how_changed(exact, one("The alarm sounded at 4:12 a.m.")) is None


def test_values_far_apart_are_not_one_fact() -> None:
    assert near_enough(one("12 people were hurt."), one("Up to 14 were hurt."))
    assert not near_enough(one("3 people were hurt."), one("9 people were hurt."))
    assert not near_enough(one("It cost $40 million."), one("It cost $90 million."))
    # ages only a year or two apart: anything more is someone else
    assert near_enough(one("a 51-year-old driver"), one("the 52-year-old driver"))
    assert not near_enough(one("a 51-year-old driver"), one("a 47-year-old driver"))


def test_arithmetic_explains_parts_and_sums() -> None:
    assert is_part_of(one("Five men were hurt."), one("Seven people were hurt."))
    assert not is_part_of(one("Five people were hurt."), one("Seven people were hurt."))
    nine = one("Nine people were shot.")
    assert sums_to(nine, find_numbers("One man died and eight were injured."))
    assert not sums_to(nine, find_numbers("One man died and seven were injured."))


def test_a_clock_abbreviation_keeps_its_day_in_the_sentence() -> None:
    text = "Crews arrived at 3:05 a.m. Tuesday. The road was shut."
    assert [s.text for s in split_sentences(text)] == [
        "Crews arrived at 3:05 a.m. Tuesday.",
        "The road was shut.",
    ]
    assert len(split_sentences("He left at 9 p.m. The next day he came back.")) == 2


def divergences_of(alignment: Alignment) -> list[Divergence]:
    """Every divergence the alignment reports, claim by claim."""
    return [d for c in alignment.claims for d in c.divergences]


def write_story(folder: Path, articles: dict[str, str]) -> list[str]:
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder)]


def test_a_figure_in_a_list_meets_the_same_figure_in_a_sentence_of_its_own(
    tmp_path: Path,
) -> None:
    """The misquote sits in a list sentence that aligns with nothing as a whole."""
    paths = write_story(
        tmp_path / "story",
        {
            "a-herald.txt": (
                "The mayor of Dunholt resigned on Friday after an audit of her expenses.\n\n"
                "Auditors found she charged the city $2,418.60 for a weekend at the "
                "Tarrow Lake Spa and $812 for a dinner at the Quayside Grill.\n\n"
                "She denied any wrongdoing."
            ),
            "b-gazette.txt": (
                "Dunholt's mayor quit on Friday over her expenses.\n\n"
                "The audit lists $12,300 on flights, $4,115 on hotel rooms in Belgrave, "
                "$2,481.60 on the Tarrow Lake Spa and $640 on taxis.\n\n"
                "She has said she did nothing wrong."
            ),
        },
    )
    alignment = compare_paths(paths).alignment
    changed = [
        d
        for d in divergences_of(alignment)
        if d.type is DivergenceType.NUMBER_CHANGED and "2,418.60" in d.detail
    ]
    assert len(changed) == 1, [d.detail for d in divergences_of(alignment)]
    (divergence,) = changed
    assert "2,481.60" in divergence.detail
    texts = [e.text for e in divergence.evidence]
    assert any("Tarrow Lake Spa and $812" in t for t in texts)
    assert any("$4,115 on hotel rooms" in t for t in texts)
    assert 0 < divergence.confidence < 1
    # nothing else in either article is taken for the same fact
    assert all(
        "$812" not in d.detail and "$640" not in d.detail for d in divergences_of(alignment)
    )


def test_a_quotation_cut_short_inside_another_sentence_is_a_trim(tmp_path: Path) -> None:
    paths = write_story(
        tmp_path / "story",
        {
            "a-post.txt": (
                "The harbour master closed the port on Monday.\n\n"
                '"We will not reopen the channel until every wreck is cleared and the '
                'buoys are back in place," the harbour master, Ilse Varen, said.'
            ),
            "b-times.txt": (
                "Ilse Varen, who runs the harbour, said on Monday that the channel would "
                'stay shut, adding that "we will not reopen the channel until every wreck '
                'is cleared" and that a survey would follow.'
            ),
        },
    )
    alignment = compare_paths(paths).alignment
    trims = of_type(alignment, DivergenceType.QUOTE_TRIMMED)
    assert trims, [d.detail for d in divergences_of(alignment)]
    assert trims[0].articles == ("b-times",)
    assert "buoys" in trims[0].detail


def test_a_count_given_without_a_number_meets_the_number(tmp_path: Path) -> None:
    paths = write_story(
        tmp_path / "story",
        {
            "a-wire.txt": (
                "Firefighters battled a blaze at the Orrin Street depot overnight.\n\n"
                "Investigators were examining three separate fire sites along the rail yard, "
                "the fire service said."
            ),
            "b-local.txt": (
                "A blaze tore through the Orrin Street depot overnight.\n\n"
                "There are multiple fire sites along the rail yard that have now been sealed."
            ),
        },
    )
    alignment = compare_paths(paths).alignment
    vague = [d for d in divergences_of(alignment) if "multiple fire sites" in d.detail]
    assert len(vague) == 1, [d.detail for d in divergences_of(alignment)]
    assert vague[0].type is DivergenceType.NUMBER_CHANGED
    assert "3" in vague[0].detail


def test_several_people_is_no_count_of_anything_in_particular() -> None:
    from storydiff.coverage.facts import near_enough, vague_counts

    (several_people,) = vague_counts("Several people were taken to hospital.")
    (several_deputies,) = vague_counts("Several deputies were taken to hospital.")
    assert not near_enough(several_people, one("Four people were taken to hospital."))
    assert near_enough(several_deputies, one("Four deputies were taken to hospital."))
    assert not near_enough(several_deputies, one("Sixty deputies were taken to hospital."))


def test_a_changed_credit_names_the_sentence_that_introduces_the_statement(
    tmp_path: Path,
) -> None:
    paths = write_story(
        tmp_path / "story",
        {
            "a-post.txt": (
                "A ferry ran aground off Skellan Point on Monday.\n\n"
                '"Our crew acted quickly and every passenger is safe," said Corran Lines '
                "chief executive Hilde Marsk."
            ),
            "b-echo.txt": (
                "A ferry ran aground off Skellan Point on Monday.\n\n"
                "The Skellan Harbour Board released the following statement:\n\n"
                '"Our crew acted quickly and every passenger is safe."'
            ),
        },
    )
    alignment = compare_paths(paths).alignment
    credits = of_type(alignment, DivergenceType.ATTRIBUTION_CHANGED)
    assert credits, [d.detail for d in divergences_of(alignment)]
    texts = [e.text for e in credits[0].evidence]
    assert "The Skellan Harbour Board released the following statement:" in texts


def test_an_outlet_quoting_another_outlet_is_checked_against_its_words(
    tmp_path: Path,
) -> None:
    paths = write_story(
        tmp_path / "story",
        {
            "a-harbour-gazette.md": (
                "---\noutlet: Harbour Gazette\n---\n"
                "The port authority is expected to approve the dredging contract next week, "
                "and the work is likely to begin in early spring.\n"
            ),
            "b-quay-news.txt": (
                "The Harbour Gazette reported that the authority \"will approve the dredging "
                'contract next week, and the work will begin in early spring."\n'
            ),
        },
    )
    alignment = compare_paths(paths).alignment
    quoting = [d for d in divergences_of(alignment) if d.detail.startswith("quoting")]
    assert len(quoting) == 1, [d.detail for d in divergences_of(alignment)]
    assert quoting[0].type is DivergenceType.QUOTE_ALTERED
    assert quoting[0].articles == ("b-quay-news",)
    assert "likely" in quoting[0].detail


def test_one_time_to_the_minute_is_one_moment_in_words_that_share_nothing(
    tmp_path: Path,
) -> None:
    paths = write_story(
        tmp_path / "story",
        {
            "a-wire.txt": (
                "A fire broke out at the Harlow Quay warehouse on Sunday.\n\n"
                "The blaze started shortly after 3:40 a.m. on Sunday, according to the "
                "fire brigade."
            ),
            "b-local.txt": (
                "Crews fought a fire at the Harlow Quay warehouse on Sunday.\n\n"
                "Engines from Wexcombe reached the gates around 3:40 a.m. and found the "
                "roof alight."
            ),
        },
    )
    alignment = compare_paths(paths).alignment
    hedged = [
        d
        for d in divergences_of(alignment)
        if d.type is DivergenceType.QUALIFIER_CHANGED and "3:40" in d.detail
    ]
    assert len(hedged) == 1, [d.detail for d in divergences_of(alignment)]
    assert {e.article for e in hedged[0].evidence} == {"a-wire", "b-local"}


def test_a_time_on_the_hour_needs_words_in_common() -> None:
    from storydiff.coverage.facts import FigureFact, link_figures

    def fact(article: int, text: str, word: str) -> FigureFact:
        return FigureFact((article, 0), one(text), {word: 1.0}, frozenset(), False)

    # nothing in common but the time: to the minute it is one moment of the story...
    assert link_figures(
        [fact(0, "It began at 3:40 a.m.", "began"), fact(1, "Crews came at 3:40 a.m.", "came")],
        {},
    )
    # ...but "around 3 a.m." is a loose hour, and a night has many moments told that way
    assert not link_figures(
        [fact(0, "It began after 3 a.m.", "began"), fact(1, "Crews came around 3 a.m.", "came")],
        {},
    )


def test_house_numbers_of_one_street_are_one_fact_and_of_two_streets_two() -> None:
    at_eighteen = one("Police arrived at 18 Plymouth St. within minutes.")
    assert at_eighteen.subject == "plymouth street"
    assert near_enough(at_eighteen, one("The party was held at 19 Plymouth Street."))
    assert not near_enough(at_eighteen, one("The party was held at 19 Asylum Street."))
    assert how_changed(at_eighteen, one("The party was held at 19 Plymouth Street.")) is (
        DivergenceType.NUMBER_CHANGED
    )


def test_the_reference_shown_is_the_agreeing_version_told_most_alike() -> None:
    """Of the outlets that agree on a count, the one whose words are nearest the
    departing outlet's is set against it; one with another hedge is not."""
    from storydiff.coverage.facts import FigureFact, _closest_reference

    def fact(article: int, text: str) -> FigureFact:
        return FigureFact((article, 0), one(text), {}, frozenset(), False)

    facts = [
        fact(0, "Eleven boats were lost."),  # the reference figure
        fact(1, "Eleven fishing boats sank."),
        fact(2, "About eleven fishing boats sank."),
        fact(3, "At least eleven fishing boats sank."),
    ]
    partners = {
        0: {1: 0.5, 3: 0.4, 2: 0.6},
        1: {0: 0.5, 3: 0.8},
        2: {0: 0.6, 3: 0.9},
        3: {0: 0.4, 1: 0.8, 2: 0.9},
    }
    assert _closest_reference(3, 0, facts, partners) == (1, 0.8)
    # a partner that is not itself linked to the reference figure is another fact
    del partners[1][0]
    assert _closest_reference(3, 0, facts, partners) == (0, 0.4)


def test_an_aside_after_the_count_does_not_cut_it_from_what_happened() -> None:
    from storydiff.coverage.facts import clause_context

    text = "One diver drowned and three others, including one instructor, were rescued."
    drowned, others, instructor = find_numbers(text)
    context = clause_context(text, others, (drowned,), (instructor,))
    assert "rescu" in context  # past the aside's own figure
    assert "instructor" in context


def test_a_thing_named_alike_links_its_prices_but_a_span_of_years_does_not() -> None:
    from storydiff.coverage.facts import FigureFact, link_figures

    def fact(article: int, text: str, word: str) -> FigureFact:
        # the words each outlet puts around the figure share only the noun
        noun = "year" if "years" in text else "watch"
        context = {word: 1.0, noun: 0.6}
        return FigureFact((article, 0), one(text), context, frozenset(), False)

    rare = {"watch": 4.0, "year": 4.0}
    assert link_figures(
        [
            fact(0, "She bought a $43,350 gold Corvane watch.", "bought"),
            fact(1, "The list runs to a $43,000 Corvane watch.", "list"),
        ],
        rare,
    )
    # a watch of another name is another watch
    assert not link_figures(
        [
            fact(0, "She bought a $43,350 gold Corvane watch.", "bought"),
            fact(1, "The list runs to a $43,000 Lisle watch.", "list"),
        ],
        rare,
    )
    # "46 years" of one man's career and "over 40 years" of two others'
    assert not link_figures(
        [
            fact(0, "He had practised law for 46 long service years.", "practised"),
            fact(1, "They served for over 40 long service years.", "served"),
        ],
        rare,
    )


def test_a_count_without_a_number_is_never_the_reference(tmp_path: Path) -> None:
    paths = write_story(
        tmp_path / "story",
        {
            "a-wire.txt": (
                "Fire crews were called to the Aldwick estate on Friday.\n\n"
                "Investigators were examining four separate blast sites on the estate."
            ),
            "b-local.txt": (
                "Crews attended the Aldwick estate on Friday.\n\n"
                "There are multiple blast sites on the estate, which is now sealed off."
            ),
            "d-daily.txt": (
                "Fire crews were at the Aldwick estate on Friday.\n\n"
                "The fire service said investigators were examining multiple separate "
                "blast sites on the estate."
            ),
            "c-post.txt": (
                "Emergency crews went to the Aldwick estate on Friday.\n\n"
                "Officers cordoned off multiple blast sites across the estate overnight."
            ),
        },
    )
    alignment = compare_paths(paths).alignment
    vague = [d for d in divergences_of(alignment) if "blast sites" in d.detail]
    assert vague, [d.detail for d in divergences_of(alignment)]
    assert all(d.reference == "a-wire" for d in vague), [(d.reference, d.detail) for d in vague]
    assert all("a-wire" not in d.articles for d in vague)


def test_a_name_in_quotation_marks_is_nobodys_words(tmp_path: Path) -> None:
    paths = write_story(
        tmp_path / "story",
        {
            "a-wire.txt": (
                "The treasurer of the Ostley rowing club was charged on Monday.\n\n"
                '"Club funds were recorded as a gift to the Harbour Lights Fund," the '
                "charge sheet said."
            ),
            "b-daily.txt": (
                "Ostley rowing club's treasurer faces charges after an audit.\n\n"
                'Prosecutors say he hid the payments by labelling them gifts to a charity '
                'called "Harbour Lights Fund" and to a "Members Dinner" that never took place.'
            ),
        },
    )
    alignment = compare_paths(paths).alignment
    trims = [
        d
        for d in divergences_of(alignment)
        if d.type in {DivergenceType.QUOTE_TRIMMED, DivergenceType.QUOTE_ALTERED}
    ]
    assert trims == [], [d.detail for d in trims]


def _credited_story(folder: Path, wire_credit: str) -> list[Divergence]:
    """The two sentences on the nine pack different facts and do not align as wholes."""
    paths = write_story(
        folder,
        {
            "a-wire.txt": (
                "Nine people were hurt when a gas main blew under Harlow Street on Sunday.\n\n"
                "All nine were in fair condition after treatment at Kestrel General and "
                "St Bede's after the blast tore through two shops and a laundrette on the "
                f"north side of the street, {wire_credit}.\n\n"
                "The street will stay closed until Wednesday."
            ),
            "b-local.txt": (
                "A gas main exploded under Harlow Street on Sunday, hurting nine people.\n\n"
                'All nine of the injured are in "fair" condition, Ibarra said.\n\n'
                "Fire service officer Dana Ibarra said crews had shut off the supply.\n\n"
                "The street is closed until Wednesday."
            ),
        },
    )
    return of_type(compare_paths(paths).alignment, DivergenceType.ATTRIBUTION_CHANGED)


def of_type(alignment: Alignment, kind: DivergenceType) -> list[Divergence]:
    return [d for d in divergences_of(alignment) if d.type is kind]


def test_one_figure_credited_to_two_people_in_differently_built_sentences(
    tmp_path: Path,
) -> None:
    credits = _credited_story(tmp_path / "story", "said fire service spokesman Joel Marrow")
    assert len(credits) == 1, [d.detail for d in credits]
    (changed,) = credits
    assert "Marrow" in changed.detail and "Ibarra" in changed.detail
    texts = [e.text for e in changed.evidence]
    assert any(t.startswith("All nine were in fair condition") for t in texts)
    assert any(t.startswith("All nine of the injured") for t in texts)


def test_one_figure_credited_to_a_person_and_to_an_organisation_is_not_two_people(
    tmp_path: Path,
) -> None:
    """Only two named people are two sources: "the fire service" and "Ibarra" may be one,
    and "the Harlow Gas Board" is no person even though its name ends in a capital."""
    assert not _credited_story(tmp_path / "service", "the fire service said")
    assert not _credited_story(tmp_path / "board", "said the Harlow Gas Board")
    assert not _credited_story(tmp_path / "red-cross", "said The Harlow Red Cross")


def test_a_count_of_a_group_named_elsewhere_is_no_figure_to_compare() -> None:
    """ "fired at three of them": three of the deputies named before, not a count of
    anything the clause names, so it is set against no other outlet's count."""
    articles, numbers = one_sentence_articles(
        ["When deputies arrived, the gunman fired at three of them, injuring one."]
    )
    assert 3.0 in {n.low for n in numbers[(0, 0)]}
    assert 3.0 not in {f.mention.low for f in figure_facts(articles, numbers)}
    articles, numbers = one_sentence_articles(
        ["Four people were hurt, three of whom were deputies."]
    )
    assert {f.mention.low for f in figure_facts(articles, numbers)} == {4.0}


def one_sentence_articles(
    texts: list[str],
) -> tuple[list[Article], dict[tuple[int, int], tuple[NumberMention, ...]]]:
    """An article of each text, with the figures of its (one) sentence."""
    articles = [
        Article(
            id=f"a{n}", path=f"a{n}.txt", outlet=f"a{n}", title=None, url=None,
            published=None, author=None, text=t, sentences=tuple(split_sentences(t)),
            dropped=(),
        )  # fmt: skip
        for n, t in enumerate(texts)
    ]
    return articles, {(n, 0): tuple(find_numbers(t)) for n, t in enumerate(texts)}


def test_an_aside_giving_ages_does_not_cut_a_count_from_what_happened() -> None:
    from storydiff.coverage.facts import clause_context

    text = "At least 21 people, ranging from 9 to 60 years old, were treated at two hospitals."
    count, *ages = find_numbers(text)
    context = clause_context(text, count, (), tuple(ages))
    assert "treat" in context  # past the ages, what happened to the 21


def test_a_bare_count_that_was_hurt_counts_people() -> None:
    """ "Up to 16 were injured" names no noun; it is linked like "18 people injured"."""
    from storydiff.coverage.facts import link_score, story_weights

    texts = [
        "Eighteen people were injured when a stand collapsed at Marlow Park.",
        "Up to 16 were injured when the stand gave way.",
        "The park has 16 gates.",
    ]
    articles, numbers = one_sentence_articles(texts)
    eighteen, sixteen, gates = figure_facts(articles, numbers)
    assert "peopl" in sixteen.context
    assert "peopl" not in gates.context  # a count of things stays a count of things
    weights = story_weights([f.context for f in (eighteen, sixteen, gates)], 3)
    assert link_score(eighteen, sixteen, weights) > link_score(eighteen, gates, weights)


def test_two_outlets_bounding_one_count_from_opposite_sides_are_set_against_each_other(
    tmp_path: Path,
) -> None:
    paths = write_story(
        tmp_path / "story",
        {
            "a-wire.txt": (
                "A stand collapsed at Marlow Park during a concert on Saturday night.\n\n"
                "Twenty people were injured, the fire service said.\n\n"
                "The concert was stopped."
            ),
            "b-post.txt": (
                "A stand gave way at a Marlow Park concert on Saturday.\n\n"
                "Up to 22 were injured as the seating fell, according to organisers who "
                "spoke at the gate late on Saturday night after the show was stopped.\n\n"
                "The concert did not resume."
            ),
            "c-star.txt": (
                "Panic at Marlow Park as a stand collapsed on Saturday.\n\n"
                "At least 21 people were injured, most of them teenagers.\n\n"
                "The show was halted."
            ),
        },
    )
    reports = of_type(compare_paths(paths).alignment, DivergenceType.QUALIFIER_CHANGED)
    between = [d for d in reports if {e.article for e in d.evidence} == {"b-post", "c-star"}]
    assert len(between) == 1, [d.detail for d in reports]
    assert "up to 22" in between[0].detail and "at least 21" in between[0].detail


def test_a_sentence_that_states_both_values_changed_neither() -> None:
    """ "Two went to Larch Infirmary and another three to its annexe": when the three is
    taken for another outlet's "two patients at the annexe", the two is there too, so
    no change can be told from the pair."""
    from storydiff.coverage.facts import cross_claim_divergences

    texts = [
        "Two people were taken to Larch Infirmary and another three to its annexe.",
        "Two patients are still being treated at the Larch Infirmary annexe.",
    ]
    articles, numbers = one_sentence_articles(texts)
    facts = figure_facts(articles, numbers)
    three = next(n for n, f in enumerate(facts) if f.mention.low == 3)
    patients = next(n for n, f in enumerate(facts) if f.key[0] == 1)
    found = cross_claim_divergences(articles, numbers, [], (facts, [(0.5, three, patients)]))
    assert not found, [f.divergence.detail for f in found]
    # the same link with no two beside the three is a changed count
    texts[0] = "Another three were taken to the Larch Infirmary annexe."
    articles, numbers = one_sentence_articles(texts)
    facts = figure_facts(articles, numbers)
    found = cross_claim_divergences(articles, numbers, [], (facts, [(0.5, 0, 1)]))
    assert [f.divergence.type for f in found] == [DivergenceType.NUMBER_CHANGED]


def test_pieces_of_a_statement_quoted_apart_are_a_trim_of_it(tmp_path: Path) -> None:
    """One outlet quotes the club's statement whole; another quotes two pieces of it,
    each word for word, with its own words between. That outlet cut the statement; it
    changed none of its words."""
    paths = write_story(
        tmp_path / "story",
        {
            "a-wire.txt": (
                "A brawl broke out at the Lantern Rooms in Osterley late on Friday.\n\n"
                '"We are shocked by what happened. We gave the students a safe place to '
                "dance. Security staff were at every door. The people who did this were not "
                'our guests," the club said on its website.'
            ),
            "b-post.txt": (
                "A fight broke out at the Lantern Rooms in Osterley on Friday night.\n\n"
                '"We gave the students a safe place to dance," the club said, adding that '
                'guards were posted at the doors. "The people who did this were not our '
                'guests."'
            ),
        },
    )
    alignment = compare_paths(paths).alignment
    assert not of_type(alignment, DivergenceType.QUOTE_ALTERED)
    (trim,) = of_type(alignment, DivergenceType.QUOTE_TRIMMED)
    assert trim.articles == ("b-post",) and trim.reference == "a-wire"
    assert "left out between fragments" in trim.detail and "Security staff" in trim.detail


def test_a_name_in_quotation_marks_ending_a_sentence_is_nobodys_words() -> None:
    from storydiff.coverage.facts import is_quoted_name

    assert is_quoted_name("Smiles for Life.")  # American style: the stop inside the marks
    assert not is_quoted_name("We Will Win!")
    assert not is_quoted_name("we will rebuild.")


def test_small_counts_two_apart_are_one_count_only_when_said_alike() -> None:
    """ "FIVE crew members were injured" against "three crew members were hurt": too far
    apart to pair on the values, one count told two ways when the words agree."""
    from storydiff.coverage.facts import link_figures, story_weights

    texts = [
        "Three crew members were hurt when the ferry hit the pier at Brannock.",
        "FIVE crew members were injured when a ferry ploughed into Brannock pier.",
        "Five tugboats were sent to the pier from the harbour at Brannock.",
        "The harbour master said the channel would stay shut for a week.",
        "Divers checked the hull for damage on Wednesday afternoon.",
        "The ferry operator said its thoughts were with the families.",
    ]
    articles, numbers = one_sentence_articles(texts)
    facts = figure_facts(articles, numbers)
    assert not near_enough(facts[0].mention, facts[1].mention)
    weights = story_weights([f.context for f in facts], len(texts))
    links = link_figures(facts, weights)
    linked = {frozenset((facts[i].key[0], facts[j].key[0])) for _, i, j in links}
    assert frozenset((0, 1)) in linked  # the crew, said alike
    assert frozenset((0, 2)) not in linked  # crew hurt and tugboats sent: two counts


def test_the_majority_bound_is_never_set_against_a_single_outlets_bound(
    tmp_path: Path,
) -> None:
    """Most outlets say "up to 18 months"; the first outlet says "more than" and the last
    "at least". Those two depart, and no outlet of the majority is blamed for bounding
    the figure from the other side."""
    wording = {
        "a-wire.txt": "more than", "b-post.txt": "up to", "c-star.txt": "up to",
        "d-times.txt": "up to", "e-echo.txt": "at least",
    }  # fmt: skip
    paths = write_story(
        tmp_path / "story",
        {
            name: (
                "A crack was found in the Varrow Dam's spillway on Monday.\n\n"
                f"The repairs could take {hedge} 18 months, the council estimated.\n\n"
                "The reservoir will be kept low until then."
            )
            for name, hedge in wording.items()
        },
    )
    reports = of_type(compare_paths(paths).alignment, DivergenceType.QUALIFIER_CHANGED)
    blamed = sorted(a for d in reports for a in d.articles)
    assert blamed == ["a-wire", "e-echo"], [d.detail for d in reports]


@pytest.mark.parametrize(("where", "changed"), [
    ("at Harwick General Hospital", False),  # one of the area's hospitals: part of the 19
    ("at area hospitals", True),  # the same hospitals: 16 against at least 19
])
def test_a_count_at_one_named_hospital_is_part_of_the_count_at_the_areas_hospitals(
    tmp_path: Path, where: str, changed: bool
) -> None:
    paths = write_story(
        tmp_path / "story",
        {
            "a-wire.txt": (
                "A gunman opened fire outside the Marlow Arms nightclub in Denbury early "
                "on Sunday, killing two teenagers.\n\n"
                "At least 19 people, aged 12 to 27, were treated at area hospitals, said "
                "Ann Kell, a spokeswoman for Harwick General Hospital.\n\n"
                "Police arrested one man at the scene."
            ),
            "b-news.txt": (
                "Two teenagers were killed when a gunman opened fire outside the Marlow Arms "
                "nightclub in Denbury on Sunday.\n\n"
                f"Sixteen people were treated {where}, most of whom have gone home.\n\n"
                "One man was arrested at the scene, police said."
            ),
        },
    )
    alignment = compare_paths(paths).alignment
    found = [d.detail for d in of_type(alignment, DivergenceType.NUMBER_CHANGED)
             if "16" in d.detail and "19" in d.detail]
    assert bool(found) is changed, [d.detail for d in divergences_of(alignment)]
