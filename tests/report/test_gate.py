"""``--fail-on`` parsing and counting, shared by compare, report and batch."""

from __future__ import annotations

import dataclasses

import pytest

from storydiff.coverage.model import Alignment, DivergenceType
from storydiff.report.gate import (
    FailOnError,
    describe_hits,
    divergences_matching,
    gate_hits,
    parse_fail_on,
)


def test_parse_accepts_lists_case_spaces_and_hyphens() -> None:
    assert parse_fail_on(" Number-Changed , quote_altered,") == {
        DivergenceType.NUMBER_CHANGED,
        DivergenceType.QUOTE_ALTERED,
    }


@pytest.mark.parametrize("word", ["any", "ANY"])
def test_any_means_every_change_but_omissions(word: str) -> None:
    assert parse_fail_on(word) == frozenset(DivergenceType) - {DivergenceType.OMITTED}


def test_all_includes_omissions() -> None:
    assert parse_fail_on("all") == frozenset(DivergenceType)


def test_unknown_type_lists_the_valid_ones() -> None:
    with pytest.raises(FailOnError) as error:
        parse_fail_on("number_changed,numbers")
    message = str(error.value)
    assert "'numbers'" in message
    assert "number_subject_changed" in message and "any" in message


@pytest.mark.parametrize("value", ["", " , "])
def test_empty_value_is_an_error(value: str) -> None:
    with pytest.raises(FailOnError, match="no divergence type"):
        parse_fail_on(value)


def test_counts_listed_divergences_by_type(alignment: Alignment) -> None:
    assert divergences_matching(alignment, {DivergenceType.NUMBER_CHANGED}) == 1
    assert divergences_matching(
        alignment, {DivergenceType.QUOTE_ALTERED, DivergenceType.ATTRIBUTION_CHANGED}
    ) == 2
    assert divergences_matching(alignment, {DivergenceType.QUOTE_TRIMMED}) == 0


def test_omitted_counts_each_claim_enough_outlets_state_once(alignment: Alignment) -> None:
    # c4 and c5 (two of three outlets) miss the Wire; c6 is the Courier's alone, its
    # addition, so the other two do not omit it.
    assert divergences_matching(alignment, {DivergenceType.OMITTED}) == 2
    assert divergences_matching(alignment, frozenset(DivergenceType)) == 5 + 2
    hits = gate_hits(alignment, {DivergenceType.OMITTED})
    assert [(h.claim, h.articles) for h in hits] == [
        ("c4", ("wire-2026-03-02",)), ("c5", ("wire-2026-03-02",)),
    ]


def test_each_hit_is_described_by_type_claim_and_outlet(alignment: Alignment) -> None:
    lines = describe_hits(alignment, gate_hits(alignment, parse_fail_on("number_changed,omitted")))
    assert lines == (
        "number_changed in claim c2 by Valley Courier: $4.2 million repairs → $2.4 million "
        "repairs (confidence 1.00)",
        "omitted in claim c4 by Metro Wire: claim not stated; 2 of 3 outlets state it",
        "omitted in claim c5 by Metro Wire: claim not stated; 2 of 3 outlets state it",
    )


def test_no_divergence_no_count(alignment: Alignment) -> None:
    calm = dataclasses.replace(
        alignment,
        claims=tuple(
            dataclasses.replace(c, divergences=(), missing_from=()) for c in alignment.claims
        ),
    )
    assert divergences_matching(calm, frozenset(DivergenceType)) == 0


def test_the_most_certain_hits_come_first(alignment: Alignment) -> None:
    claims = list(alignment.claims)
    first = next(n for n, c in enumerate(claims) if c.divergences)
    unsure = dataclasses.replace(claims[first].divergences[0], confidence=0.4)
    sure = dataclasses.replace(unsure, detail="a surer change", confidence=0.9)
    claims[first] = dataclasses.replace(claims[first], divergences=(unsure, sure))
    hits = gate_hits(dataclasses.replace(alignment, claims=tuple(claims)), parse_fail_on("any"))
    mine = [h.confidence for h in hits if h.confidence in (0.4, 0.9)]
    assert mine == [0.9, 0.4]
    ranked = [h.confidence for h in hits if h.confidence is not None]
    assert ranked == sorted(ranked, reverse=True)
