"""Divergences between versions of one claim, read from real sentences."""

from dataclasses import replace

from storydiff.coverage.detect import Version, find_divergences, quotes_less, story_cast
from storydiff.coverage.numbers import find_numbers
from storydiff.coverage.quotes import find_credit, find_quotes


def version(article: str, text: str) -> Version:
    (quotes,) = find_quotes([text])
    return Version(article=article, text=text, numbers=find_numbers(text), quotes=quotes,
                   credit=find_credit(text))


def found(reference: Version, *others: Version) -> list[tuple[str, tuple[str, ...]]]:
    return [(d.type.value, d.articles) for d in find_divergences(reference, others)]


def test_quoting_more_than_the_reference_is_no_trim() -> None:
    short = version("a", '"We will rebuild the bridge," the mayor said.')
    full = version("b", '"We will rebuild the bridge, and do it by spring," the mayor said.')
    assert found(short, full) == []
    assert found(full, short) == [("quote_trimmed", ("a",))]


def test_the_shorter_quotation_counts_against_a_reference() -> None:
    short = version("a", '"We will rebuild the bridge," the mayor said.')
    full = version("b", '"We will rebuild the bridge, and do it by spring," the mayor said.')
    assert quotes_less(short, full)
    assert not quotes_less(full, short)


def test_a_quoted_word_is_not_a_trimmed_quotation() -> None:
    full = version("a", '"We are devastated by the loss," the director said.')
    word = version("b", 'The director said the firm was "devastated" by the loss.')
    assert "quote_trimmed" not in [kind for kind, _ in found(full, word)]


def test_a_person_by_office_is_the_same_source_as_by_name() -> None:
    named = version("a", '"The evidence is overwhelming," said Judge Ada Kalinowski.')
    titled = version("b", '"The evidence is overwhelming," the judge said.')
    assert found(named, titled) == []


def test_credits_are_compared_when_the_reference_names_nobody() -> None:
    # The reference phrasing credits no one; two outlets credit the agency and one the
    # union: the union is the departure.
    bare = version("a", "Hygiene checks at the plant were missed for 14 months.")
    agency = version("b", "Hygiene checks at the plant were missed for 14 months, "
                          "according to the food safety agency.")
    agency_again = version("c", "The food safety agency said hygiene checks at the plant "
                                "were missed for 14 months.")
    union = version("d", "Hygiene checks at the plant were missed for 14 months, "
                         "according to the bakers' union.")
    assert found(bare, agency, agency_again, union) == [("attribution_changed", ("d",))]


def test_no_majority_credit_blames_nobody() -> None:
    bare = version("a", "Hygiene checks at the plant were missed for 14 months.")
    agency = version("b", "Hygiene checks at the plant were missed for 14 months, "
                          "according to the food safety agency.")
    union = version("c", "Hygiene checks at the plant were missed for 14 months, "
                         "according to the bakers' union.")
    assert found(bare, agency, union) == []


def test_people_in_general_and_particular_people_are_the_same_count() -> None:
    people = version("a", "The collapse killed 11 people on the morning train.")
    commuters = version("b", "The collapse killed 11 commuters on the morning train.")
    assert found(people, commuters) == []


def test_two_kinds_of_people_are_a_subject_change() -> None:
    passengers = version("a", "Divers pulled 38 passengers from the river.")
    firefighters = version("b", "Divers and 38 firefighters searched the river.")
    assert found(passengers, firefighters) == [("number_subject_changed", ("b",))]


def test_jobs_and_workers_count_the_same_thing() -> None:
    workers = version("a", "The Dunmere plant will shed 860 workers by March.")
    jobs = version("b", "The Dunmere plant will lose 860 jobs by March.")
    assert found(workers, jobs) == []


def test_a_possessive_alone_does_not_say_what_is_counted() -> None:
    town = version("a", "Tests found arsenic in 95% of the town's wells.")
    named = version("b", "Tests found arsenic in 95% of Lindenholt's wells.")
    assert "number_subject_changed" not in [kind for kind, _ in found(town, named)]


def test_a_date_without_its_year_agrees_with_the_full_date() -> None:
    full = version("a", "The first case was confirmed on March 3, 2025.")
    short = version("b", "The first case was confirmed on March 3.")
    assert found(full, short) == []


def test_a_changed_day_is_reported() -> None:
    full = version("a", "The first case was confirmed on March 3, 2025.")
    changed = version("b", "The first case was confirmed on March 13, 2025.")
    assert found(full, changed) == [("number_changed", ("b",))]


def test_a_transposed_figure_is_a_change_whatever_it_is_said_to_count() -> None:
    passengers = version("a", "There were 214 passengers on board, the operator said.")
    people = version("b", "A total of 241 people were crammed on board.")
    assert found(passengers, people) == [("number_changed", ("b",))]


def test_a_changed_clock_time_is_reported() -> None:
    wire = version("a", "The span gave way at 6.42am, the operator said.")
    radio = version("b", "The span gave way at 6.24am, the operator said.")
    assert found(wire, radio) == [("number_changed", ("b",))]


def test_organisations_sharing_one_word_are_different_sources() -> None:
    authority = version("a", "The leak was first found in June, according to the Westmarch "
                             "Regional Water Authority.")
    alliance = version("b", "The leak was first found in June, the Lindenholt Clean Water "
                            "Alliance said.")
    assert found(authority, alliance) == [("attribution_changed", ("b",))]


def test_voters_are_not_votes() -> None:
    votes = version("a", "About 2,400 votes were cast at the Quayside polling station.")
    voters = version("b", "About 2,400 voters were turned away at the Quayside polling station.")
    assert found(votes, voters) == [("number_subject_changed", ("b",))]


def test_a_measure_told_as_a_count_is_a_subject_change() -> None:
    paddy = version("a", "About 60,000 hectares of rice paddy are under water.")
    homes = version("b", "About 60,000 homes are under water.")
    assert found(paddy, homes) == [("number_subject_changed", ("b",))]


def test_a_body_and_its_office_are_one_source() -> None:
    body = version("a", "At least 90 people have died, according to the UN.")
    office = version("b", "At least 90 people have died, the UN humanitarian office said.")
    assert found(body, office) == []


def test_the_government_stands_for_its_ministries() -> None:
    ministry = version("a", "The Ministry of Disaster Management says 214 people have died.")
    government = version("b", "The government says 214 people have died.")
    other_body = version("c", "The Red Cross says 214 people have died.")
    assert found(ministry, government) == []
    assert found(ministry, other_body) == [("attribution_changed", ("c",))]


def test_two_people_of_one_organisation_are_different_sources() -> None:
    chief = version("a", '"Firms that hold health data must keep it safe," said Oskar '
                         "Lindqvist, the Board's chief executive.")
    spokeswoman = version("b", '"Firms that hold health data must keep it safe," Board '
                               "spokeswoman Ines Carrow said.")
    assert found(chief, spokeswoman) == [("attribution_changed", ("b",))]


def test_a_person_by_office_and_by_name_is_one_source_across_outlets() -> None:
    # Outlet a knows her as "the minister", b by name; a third sentence of the story says
    # who she is.
    cast = story_cast([], ["Finance Minister Helena Marsh-Tobin set out the budget."])
    titled = version("a", '"This budget chooses investment over decline," the minister said.')
    named = version("b", '"This budget chooses investment over decline," Ms Marsh-Tobin said.')
    assert found(replace(titled, cast=cast), replace(named, cast=cast)) == []
    assert found(titled, named) == [("attribution_changed", ("b",))]


def test_a_quotation_part_with_no_speaker_of_its_own_carries_on() -> None:
    whole = version("a", '"We got out with the dog and the photos. Everything else is gone," '
                         "said Colin Ashdown.")
    first, second = (
        '"We got out with the dog and the photos," said Colin Ashdown, 58, whose house '
        "burned on Monday.",
        '"Everything else is gone."',
    )
    quotes = find_quotes([first, second])
    parts = Version(article="b", text=f"{first} {second}",
                    numbers=find_numbers(first) + find_numbers(second),
                    quotes=quotes[0] + quotes[1], credit=find_credit(first))
    assert quotes[1][0].speaker is None  # the second part names no one
    assert found(whole, parts) == []


def test_figures_that_name_nothing_are_not_set_against_unrelated_ones() -> None:
    tax = version("a", "Business leaders said leaving corporation tax at 25% would give "
                       "firms a year of stability.")
    energy = version("b", "They called for relief on energy costs, which had risen 18 per "
                          "cent for the average manufacturer.")
    assert found(tax, energy) == []


def test_figures_that_name_nothing_but_are_said_alike_are_compared() -> None:
    wire = version("a", "Corporation tax will stay at 25% until 2027, the minister said.")
    paper = version("b", "Corporation tax will stay at 23% until 2027, the minister said.")
    assert found(wire, paper) == [("number_changed", ("b",))]


def test_dates_are_compared_when_the_reference_gives_none() -> None:
    bare = version("a", "It held 212 gigabytes of records.")
    wire = version("b", "The database, holding 212 gigabytes, was found on March 3.")
    paper = version("c", "The 212-gigabyte database was found on 3 March by a researcher.")
    site = version("d", "A researcher found the 212 gigabytes of data on 13 March.")
    assert ("number_changed", ("d",)) in found(bare, wire, paper, site)


def test_a_figure_the_reference_leaves_out_is_still_checked() -> None:
    bare = version("a", "The study enrolled 4,812 patients.")
    wire = version("b", "The study enrolled 4,812 patients at 212 hospitals.")
    paper = version("c", "Its 4,812 patients came from 212 hospitals in 19 countries.")
    site = version("d", "The study enrolled 4,812 patients at 221 hospitals.")
    assert found(bare, wire, paper, site) == [("number_changed", ("d",))]


def test_city_officials_name_nobody_in_particular() -> None:
    council = version("a", "The council said the stadium would open in 2028.")
    officials = version("b", "City officials say the stadium would open in 2028.")
    assert found(council, officials) == []


def test_a_noun_a_few_words_from_the_figure_is_not_what_it_counts() -> None:
    pieces = version("a", "The raiders took 14 pieces from two display cases.")
    cases = version("b", "The raiders smashed their way into 14 display cases.")
    assert found(pieces, cases) == [("number_subject_changed", ("b",))]


def test_a_company_described_is_not_another_source() -> None:
    named = version("a", "The data of 4.7 million users was exposed, Kestrel Motion said.")
    described = version("b", "The data of 4.7 million users was exposed, the fitness "
                             "technology group disclosed.")
    assert found(named, described) == []


def test_two_statements_with_their_own_sources_are_no_changed_credit() -> None:
    """The credits of two sentences are compared only when they report one statement."""
    from storydiff.coverage.detect import compare_versions
    from storydiff.coverage.model import DivergenceType

    def version(article: str, text: str, credit: str) -> Version:
        return Version(article, text, find_numbers(text), (), credit)

    police = "Police say six people were taken to the hospital."
    hospital = "Three patients had been discharged, according to Harwick General Hospital."
    same = "Six people were taken to the hospital, according to Harwick General Hospital."
    assert not any(
        f.type is DivergenceType.ATTRIBUTION_CHANGED
        for f in compare_versions(version("a", police, "Police"),
                                  version("b", hospital, "Harwick General Hospital"))
    )
    assert any(
        f.type is DivergenceType.ATTRIBUTION_CHANGED
        for f in compare_versions(version("a", police, "Police"),
                                  version("b", same, "Harwick General Hospital"))
    )


def test_a_time_told_as_a_bound_agrees_with_a_time_it_covers() -> None:
    bound = version("a", "Police were called to Larch Road shortly after 2 a.m. on Friday.")
    exact = version("b", "Police were called to Larch Road at 2:17 a.m. on Friday.")
    late = version("c", "Police were called to Larch Road at 3:05 a.m. on Friday.")
    assert found(bound, exact) == []
    assert [kind for kind, _ in found(bound, late)] == ["number_changed"]


def test_a_rise_in_points_told_in_per_cent_is_a_change() -> None:
    points = version("a", "The pass rate rose 2.1 percentage points to 78.4%, the office said.")
    percent = version("b", "The pass rate rose by 2.1% to 78.4%, the office said.")
    also_points = version("c", "The pass rate rose 2.1 percentage points to 78.4 per cent.")
    assert found(points, percent, also_points) == [("number_changed", ("b",))]
    assert found(percent, points) == [("number_changed", ("a",))]


def test_a_count_at_one_named_hospital_is_no_change_of_the_area_hospitals_count() -> None:
    area = version("a", "At least 19 people were treated at area hospitals, police said.")
    one = version("b", "Sixteen people were treated at Harwick General Hospital, police said.")
    same = version("c", "Sixteen people were treated at area hospitals, police said.")
    assert found(area, one, same) == [("number_changed", ("c",))]
