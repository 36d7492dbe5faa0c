"""Credits: the names a text gives for its copy or its facts, and which outlets they mean."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storydiff.coverage.credits import find_credits, matching_name_pairs, names_match
from storydiff.coverage.model import CreditKind, DroppedLine
from tests.coverage.test_align import make_article


def credits_of(sentence: str, *, outlet: str = "Gazette") -> list[tuple[str, CreditKind]]:
    article = replace(make_article("a", [sentence]), outlet=outlet)
    return [(c.name, c.kind) for c in find_credits([article])["a"]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("(CNN) — A report says the tanks were never inspected.", ("CNN", CreditKind.DATELINE)),
        ("PORT HALLAM, Mich. (Meridian Press) - Two tanks failed.",
         ("Meridian Press", CreditKind.DATELINE)),
        ("The figures were wrong, the inspector told the Globe and Mail.",
         ("Globe and Mail", CreditKind.TOLD)),
        ("Thousands were detained, according to Amnesty International.",
         ("Amnesty International", CreditKind.ACCORDING_TO)),
        ("The Associated Press contributed to this report.",
         ("Associated Press", CreditKind.CONTRIBUTED)),
        ("Tanks failed twice that year, as first reported by the Harbour Wire.",
         ("Harbour Wire", CreditKind.FIRST_PUBLISHED)),
        ("This post first appeared on Riverside Notes.",
         ("Riverside Notes", CreditKind.FIRST_PUBLISHED)),
        ("Ninety homes lost power, reported the Daily Ledger.",
         ("Daily Ledger", CreditKind.REPORTED)),
        ("Ninety homes lost power, as CNN reported on Monday.", ("CNN", CreditKind.REPORTED)),
        ("Copyright 2026 The Associated Press. All rights reserved.",
         ("Associated Press", CreditKind.COPYRIGHT)),
        ("An Associated Press report is included.", ("Associated Press", CreditKind.CONTRIBUTED)),
    ],
)
def test_credits_in_a_sentence(sentence: str, expected: tuple[str, CreditKind]) -> None:
    assert expected in credits_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The gap, according to the report, is filled by prisoners.",
        "Police reported two arrests on Sunday.",
        "White reported from Detroit.",
        "Staff writer Ana Ruiz contributed to this report.",
        "He told reporters the tank was old.",
    ],
)
def test_no_outlet_is_credited(sentence: str) -> None:
    assert [name for name, _ in credits_of(sentence) if name != "Ana Ruiz"] == []


def test_an_outlet_crediting_itself_is_no_credit() -> None:
    assert credits_of("(The Ledger) — Tanks failed.", outlet="The Ledger") == []
    assert credits_of("Velsor bosses told the Clarion nothing.", outlet="Daily Clarion") == []


def test_credits_in_dropped_lines_are_read_but_only_copy_credits() -> None:
    article = replace(
        make_article("a", ["Two tanks failed on Monday."]),
        outlet="Gazette",
        dropped=(
            DroppedLine("KESSFORD, Aldmoor (Meridian Wire) —", "dateline"),
            DroppedLine("By **Hanne Voss, The Ledger**", "byline"),
            DroppedLine("Copyright 2016 The Associated Press. All rights reserved.", "copyright"),
            DroppedLine("Related: what happened, according to Amnesty International", "related"),
        ),
    )
    found = find_credits([article])["a"]
    assert [(c.name, c.kind, c.sentence) for c in found] == [
        ("Meridian Wire", CreditKind.DATELINE, None),
        ("Ledger", CreditKind.BYLINE, None),
        ("Associated Press", CreditKind.COPYRIGHT, None),
    ]
    assert found[1].text == "By **Hanne Voss, The Ledger**"


def test_a_credit_lists_every_article_of_the_outlet_it_names() -> None:
    rewrite = replace(make_article("c", ["Prices rose, the AP reported."]), outlet="Gazette")
    wire = [replace(make_article(i, ["Prices rose."]), outlet="AP") for i in ("a", "b")]
    (credit,) = find_credits([*wire, rewrite])["c"]
    assert credit.names == ("a", "b")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("The Associated Press", "AP", True),
        ("Sun-Times Media Wire", "STMW", True),
        ("KFVS", "Kfvs12", True),
        ("The Ledger", "Ledger", True),
        ("Khou", "Khou Followup", True),
        ("Fox4", "Fox26", False),
        ("NBC Connecticut", "NBC Philadelphia", False),
        ("Daily Clarion", "Clarion", False),
        ("Meridian Wire", "Meridian", True),
        ("", "AP", False),
    ],
)
def test_names_match(a: str, b: str, same: bool) -> None:
    assert names_match(a, b) is same
    assert names_match(b, a) is same


def test_name_pairs_are_those_names_match_finds_trying_every_pair() -> None:
    names = ["The Associated Press", "AP", "KFVS", "KFVS12", "Fox4", "Fox26", "Khou",
             "Khou Followup", "NBC Connecticut", "NBC Philadelphia", "Item 00001",
             "Item 00002", "Sun-Times Media Wire", "STMW", "", "the Ledger", "Ledger"]
    every = {(i, j) for i in range(len(names)) for j in range(i + 1, len(names))
             if names_match(names[i], names[j])}
    assert matching_name_pairs(names) == every
    assert (0, 1) in every and (15, 16) in every


_NAME_WORDS = ["the", "ap", "associated", "press", "kfvs", "kfvs12", "fox", "4", "news",
               "wire", "nw", "n", "w", "12"]


@given(st.lists(st.lists(st.sampled_from(_NAME_WORDS), min_size=0, max_size=3)
                .map(" ".join), max_size=12))
def test_name_pairs_never_miss_a_pair(names: list[str]) -> None:
    every = {(i, j) for i in range(len(names)) for j in range(i + 1, len(names))
             if names_match(names[i], names[j])}
    assert matching_name_pairs(names) == every
