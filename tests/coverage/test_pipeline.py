"""The whole engine on small stories written for each divergence type."""

import itertools
from pathlib import Path

import pytest

from storydiff.coverage.model import Alignment, Article, DivergenceType
from storydiff.coverage.pipeline import compare_articles, compare_paths
from storydiff.coverage.store import dumps_alignment
from tests.coverage.test_align import make_article

CREATED = "2026-01-01T00:00:00Z"

WIRE = make_article("a-wire", [
    "Inspectors found that 712 bridges in the province need urgent repairs.",
    "Engineers estimate that between 3,000 and 4,000 workers will be needed for the repairs.",
    "“We cannot wait another winter for this work to begin,” said transport minister Lena Ortiz.",
    "The ministry has set aside $2.5 billion for the programme.",
    "Most of the damaged bridges were built before 1970.",
])
PAPER = make_article("b-paper", [
    "According to the inspection, 712 bridges in the province need urgent repairs.",
    "Between 3,000 and 4,000 workers will be needed for the repairs, engineers estimate.",
    "“We cannot wait another winter for this work to begin,” transport minister Lena Ortiz said.",
    "The ministry has set aside $2.5 billion for the programme, officials confirmed.",
])
TABLOID = make_article("c-tabloid", [
    "More than 700 bridges in the province need urgent repairs, inspectors found.",
    "Engineers estimate that between 3,000 and 4,000 drivers will be stranded by the repairs.",
    "“We cannot wait another summer for this,” said opposition leader Marco Diaz.",
    "The ministry has set aside $5.2 billion for the programme.",
])


def compare(*articles: Article) -> Alignment:
    return compare_articles(articles, created=CREATED)


def claim_containing(alignment: Alignment, fragment: str):  # type: ignore[no-untyped-def]
    (claim,) = [c for c in alignment.claims if any(fragment in m.text for m in c.members)]
    return claim


def divergence(claim, kind: DivergenceType):  # type: ignore[no-untyped-def]
    found = [d for d in claim.divergences if d.type is kind]
    assert found, f"no {kind} in {claim.divergences}"
    return found[0]


def test_rounded_figure_is_a_qualifier_change_blamed_on_the_rounder() -> None:
    claim = claim_containing(compare(WIRE, PAPER, TABLOID), "More than 700 bridges")
    assert {m.article for m in claim.members} == {"a-wire", "b-paper", "c-tabloid"}
    found = divergence(claim, DivergenceType.QUALIFIER_CHANGED)
    assert found.articles == ("c-tabloid",)
    assert "712" in found.detail and "700" in found.detail


def test_same_range_counting_something_else_is_a_subject_change() -> None:
    claim = claim_containing(compare(WIRE, PAPER, TABLOID), "drivers will be stranded")
    found = divergence(claim, DivergenceType.NUMBER_SUBJECT_CHANGED)
    assert found.articles == ("c-tabloid",)
    assert "workers" in found.detail and "drivers" in found.detail


def test_transposed_digits_are_a_number_change() -> None:
    claim = claim_containing(compare(WIRE, PAPER, TABLOID), "$5.2 billion")
    found = divergence(claim, DivergenceType.NUMBER_CHANGED)
    assert found.articles == ("c-tabloid",)
    assert found.reference in {"a-wire", "b-paper"}


def test_changed_quotation_words_and_speaker() -> None:
    claim = claim_containing(compare(WIRE, PAPER, TABLOID), "another summer")
    assert divergence(claim, DivergenceType.QUOTE_ALTERED).articles == ("c-tabloid",)
    attribution = divergence(claim, DivergenceType.ATTRIBUTION_CHANGED)
    assert attribution.articles == ("c-tabloid",)
    assert "Ortiz" in attribution.detail and "Diaz" in attribution.detail


def test_identical_versions_have_no_divergence() -> None:
    claim = claim_containing(compare(WIRE, PAPER, TABLOID), "3,000 and 4,000 workers will be")
    assert "b-paper" not in {a for d in claim.divergences for a in d.articles}


def test_claim_left_out_lists_the_missing_outlets() -> None:
    alignment = compare(WIRE, PAPER, TABLOID)
    claim = claim_containing(alignment, "built before 1970")
    assert claim.missing_from == ("b-paper", "c-tabloid")
    assert len(claim.members) == 1


def test_reference_member_has_an_empty_diff_and_others_join_back() -> None:
    for claim in compare(WIRE, PAPER, TABLOID).claims:
        for member in claim.members:
            if member.article == claim.reference:
                assert member.diff == () and member.score == 1.0
            elif member.diff:
                assert "".join(c.text for c in member.diff).startswith(member.text)


def test_figure_ledger_groups_values_across_outlets() -> None:
    alignment = compare(WIRE, PAPER, TABLOID)
    ledger = {(f.kind.value, f.value): f for f in alignment.figures}
    workers = ledger[("count", "3000-4000")]
    assert {m.article for m in workers.mentions} == {"a-wire", "b-paper", "c-tabloid"}
    assert {m.subject for m in workers.mentions if m.article == "c-tabloid"} != {
        m.subject for m in workers.mentions if m.article == "a-wire"
    }
    assert all(m.claim is not None for f in alignment.figures for m in f.mentions)


def test_result_does_not_depend_on_article_order() -> None:
    outputs = {
        dumps_alignment(compare_articles(order, created=CREATED))
        for order in itertools.permutations([WIRE, PAPER, TABLOID])
    }
    assert len(outputs) == 1


def test_claim_ids_are_sequential_and_every_sentence_is_placed() -> None:
    alignment = compare(WIRE, PAPER, TABLOID)
    assert [c.id for c in alignment.claims] == [f"c{n}" for n in
                                                 range(1, len(alignment.claims) + 1)]
    placed = sorted((m.article, m.sentence) for c in alignment.claims for m in c.members)
    expected = sorted((a.id, s.index) for a in (WIRE, PAPER, TABLOID) for s in a.sentences)
    assert placed == expected


def test_compare_paths_reads_files_and_reports_bad_ones(tmp_path: Path) -> None:
    for article in (WIRE, PAPER):
        (tmp_path / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    result = compare_paths([str(tmp_path)], created=CREATED)
    assert len(result.alignment.articles) == 2
    assert [Path(f.path).name for f in result.failures] == ["broken.txt"]
    shared = [c for c in result.alignment.claims if len(c.members) > 1]
    assert shared


def test_same_files_same_bytes(tmp_path: Path) -> None:
    for article in (WIRE, PAPER, TABLOID):
        (tmp_path / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
    first = dumps_alignment(compare_paths([str(tmp_path)], created=CREATED).alignment)
    second = dumps_alignment(compare_paths([str(tmp_path)], created=CREATED).alignment)
    assert first == second


@pytest.mark.parametrize("created", [None])
def test_created_is_an_iso_timestamp(created: None) -> None:
    assert compare_articles([WIRE], created=created).created.endswith("Z")


def test_same_quotation_from_a_different_document_author_is_an_attribution_change() -> None:
    wire = make_article("a-wire", [
        "A 2024 audit by the National Rail Office found the line was \"unsafe at any speed\".",
    ])
    magazine = make_article("b-mag", [
        "A 2024 review commissioned by Coastway Trains concluded the line was"
        " \"unsafe at any speed\".",
    ])
    (claim,) = [c for c in compare(wire, magazine).claims if len(c.members) == 2]
    found = divergence(claim, DivergenceType.ATTRIBUTION_CHANGED)
    assert "National Rail Office" in found.detail and "Coastway Trains" in found.detail


def test_a_quotation_on_one_side_only_is_no_attribution_change() -> None:
    first = make_article("a-first", [
        "Minister Ada Holm said the national flood barrier programme would be finished by 2030.",
    ])
    second = make_article("b-second", [
        "By then, Holm says, \"the national flood barrier programme will protect every town\".",
    ])
    for claim in compare(first, second).claims:
        assert all(d.type is not DivergenceType.ATTRIBUTION_CHANGED for d in claim.divergences)


def test_swapped_synonym_or_unit_is_no_subject_change() -> None:
    first = make_article("a-first", [
        "The storm left 23 vessels stranded in the harbour and 900 tonnes of grain spoiled.",
    ])
    second = make_article("b-second", [
        "The storm left 23 ships stranded in the harbour and 900 tonnes of wheat spoiled.",
    ])
    (claim,) = [c for c in compare(first, second).claims if len(c.members) == 2]
    assert [d for d in claim.divergences if d.type is DivergenceType.NUMBER_SUBJECT_CHANGED] == []


def test_one_speaker_under_two_descriptions_is_no_attribution_change() -> None:
    first = make_article("a-first", [
        "\"We will rebuild the pier by spring,\" said Harbour Commissioner Tove Lindahl.",
    ])
    second = make_article("b-second", [
        "\"We will rebuild the pier by spring,\" Lindahl said.",
    ])
    (claim,) = [c for c in compare(first, second).claims if len(c.members) == 2]
    assert all(d.type is not DivergenceType.ATTRIBUTION_CHANGED for d in claim.divergences)


def test_range_told_as_a_hedged_end_is_a_qualifier_change() -> None:
    first = make_article("a-first", [
        "The repairs will cost between 80,000 and 95,000 dollars, the engineers said.",
    ])
    second = make_article("b-second", [
        "The repairs will cost up to 95,000 dollars, the engineers said.",
    ])
    (claim,) = [c for c in compare(first, second).claims if len(c.members) == 2]
    found = divergence(claim, DivergenceType.QUALIFIER_CHANGED)
    assert "80,000" in found.detail and "up to 95,000" in found.detail
    assert [d for d in claim.divergences if d.type is DivergenceType.NUMBER_CHANGED] == []


def test_a_changed_year_is_a_number_change_but_an_overlapping_one_is_not() -> None:
    first = make_article("a-first", [
        "The stadium, built in 1987, will be demolished next spring.",
        "Attendance fell every season between 2015 and 2019, the club said.",
    ])
    second = make_article("b-second", [
        "The stadium, built in 1978, will be demolished next spring.",
        "Attendance fell every season until 2019, the club said.",
    ])
    alignment = compare(first, second)
    built = claim_containing(alignment, "built in 1978")
    assert "1987 → 1978" in divergence(built, DivergenceType.NUMBER_CHANGED).detail
    attendance = claim_containing(alignment, "until 2019")
    assert attendance.divergences == ()


def test_the_same_institution_under_two_descriptions_is_no_attribution_change() -> None:
    first = make_article("a-first", [
        "The bridge was closed to traffic at noon, according to the Westvale police.",
    ])
    second = make_article("b-second", [
        "The bridge was closed to traffic at noon, according to police.",
    ])
    third = make_article("c-third", [
        "The bridge was closed to traffic at noon, according to the coastguard.",
    ])
    (claim,) = [c for c in compare(first, second, third).claims if len(c.members) == 3]
    (found,) = [d for d in claim.divergences if d.type is DivergenceType.ATTRIBUTION_CHANGED]
    assert found.articles == ("c-third",)


def test_a_misquoted_sum_in_its_own_sentence_joins_the_claim_it_misquotes() -> None:
    # Two outlets fold the severance sum into the sentence on the restructuring charge;
    # the third gives a different sum in a sentence of its own.
    wire = make_article("a-wire", [
        "The firm will book a restructuring charge of $1.2 billion, including about "
        "$310 million in severance payments.",
        "Its shares fell 9% in early trading.",
    ])
    paper = make_article("b-paper", [
        "Its shares dropped 9% on the news.",
        "The firm will take a $1.2bn restructuring charge, of which about $310m will go "
        "to severance.",
    ])
    regional = make_article("c-regional", [
        "The firm has set aside $350 million for severance across all three sites.",
        "Workers at the Dunmere plant learned of the closure from the radio.",
    ])
    claim = claim_containing(compare(wire, paper, regional), "restructuring charge of $1.2")
    assert "c-regional" in {m.article for m in claim.members}
    found = divergence(claim, DivergenceType.NUMBER_CHANGED)
    assert found.articles == ("c-regional",)
    assert "310" in found.detail and "350" in found.detail


def test_a_correct_figure_is_not_drawn_into_the_claim_of_its_misquote() -> None:
    # The tabloid's misquote (241) aligns with another outlet's sentence on the recall;
    # the sentences that state 214 correctly stay in their own claim, not in that one.
    wire = make_article("a-wire", [
        "Three people have died and 214 have fallen ill in a listeria outbreak traced to "
        "a food plant in Glenmoor, officials said.",
        "Shops were told to clear their shelves on Friday.",
    ])
    paper = make_article("b-paper", [
        "A listeria outbreak that has killed three people and sickened 214 others has been "
        "traced to a food factory in Glenmoor.",
        "Inspectors visited the factory twice last year.",
    ])
    foreign = make_article("c-foreign", [
        "In Glenmoor, 3 persons have died from listeria and 214 cases are confirmed.",
        "The company made a recall of salads and sandwiches from the shops.",
    ])
    tabloid = make_article("d-tabloid", [
        "A total of 241 people have been struck down by listeria after eating salads and "
        "sandwiches made at the plant in Glenmoor.",
        "Three pensioners have died.",
    ])
    alignment = compare(wire, paper, foreign, tabloid)
    holding_214 = [c for c in alignment.claims if any("214" in m.text for m in c.members)]
    assert len(holding_214) == 1


def test_a_story_that_names_one_stuff_two_ways_is_no_subject_change() -> None:
    # Two outlets measure the spill as toluene and as solvent at the same tonnage, so
    # their 40% recovered "of the toluene" and "of the solvent" count the same stuff.
    wire = make_article("a-wire", [
        "A tank split open and released 300 tonnes of toluene into the river.",
        "By Wednesday, 40% of the spilled toluene had been recovered from the water.",
    ])
    paper = make_article("b-paper", [
        "A tank burst and spewed 300 tonnes of solvent into the river.",
        "Crews had pumped 40% of the lost solvent back out of the water by Wednesday.",
    ])
    recovered = claim_containing(compare(wire, paper), "40% of the spilled toluene")
    assert "b-paper" in {m.article for m in recovered.members}
    assert not [d for d in recovered.divergences
                if d.type is DivergenceType.NUMBER_SUBJECT_CHANGED]


def test_a_change_in_a_sentence_held_by_two_claims_is_reported_once() -> None:
    # In the flood story the newsletter's one sentence on 64 villages sits in the claim
    # on the villages and in the one an aid agency folds with the displaced people.
    story = Path(__file__).resolve().parents[1] / "data" / "stories" / "delta-floods"
    alignment = compare_paths([str(story)], created=CREATED).alignment
    changes = [d for c in alignment.claims for d in c.divergences
               if d.type is DivergenceType.NUMBER_CHANGED and "64 villages" in d.detail]
    assert len(changes) == 1
