"""The pure rules behind the TUI: coverage, cell states, filters, order, diff rendering."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from rich.text import Text

from storydiff.coverage.model import Alignment, Claim, DiffChunk, DiffOp, DivergenceType, Member
from storydiff.coverage.store import read_alignment
from storydiff.tui.export import claim_markdown, export_path, story_markdown
from storydiff.tui.render import diff_pieces, member_text
from storydiff.tui.view import (
    CellState,
    ClaimFilter,
    SortOrder,
    cell_state,
    coverage,
    divergence_types,
    figure_usage,
    sentence_claims,
    visible_claims,
)
from tests.tui.helpers import ALIGNMENT


@pytest.fixture(scope="module")
def story() -> Alignment:
    return read_alignment(ALIGNMENT)


def claim(story: Alignment, claim_id: str) -> Claim:
    return next(c for c in story.claims if c.id == claim_id)


def ids(claims: tuple[Claim, ...]) -> list[str]:
    return [c.id for c in claims]


def test_coverage_and_cell_states(story: Alignment) -> None:
    c3 = claim(story, "c3")
    assert coverage(c3) == 3
    assert cell_state(c3, "ledger") is CellState.PRESENT
    assert cell_state(c3, "harbor") is CellState.ALTERED
    assert cell_state(c3, "valley", omitted_by=("valley",)) is CellState.MISSING
    # a silence the story's rule does not count as an omission is only "not stated"
    assert cell_state(claim(story, "c6"), "valley") is CellState.ABSENT


def test_filters_combine(story: Alignment) -> None:
    both = ClaimFilter(numbers_only=True, divergent_only=True, outlet="valley")
    assert ids(visible_claims(story.claims, claim_filter=both, order=SortOrder.STORY)) == [
        "c2", "c5", "c7"
    ]
    by_type = ClaimFilter(divergence_type=DivergenceType.ATTRIBUTION_CHANGED)
    assert ids(visible_claims(story.claims, claim_filter=by_type, order=SortOrder.STORY)) == [
        "c3"
    ]


def test_search_is_case_insensitive_across_members(story: Alignment) -> None:
    search = ClaimFilter(search="TENS OF THOUSANDS")
    assert ids(visible_claims(story.claims, claim_filter=search, order=SortOrder.STORY)) == [
        "c7"
    ]


def test_sort_orders_keep_story_order_on_ties(story: Alignment) -> None:
    none = ClaimFilter()
    by_coverage = visible_claims(story.claims, claim_filter=none, order=SortOrder.COVERAGE)
    assert ids(by_coverage) == ["c4", "c1", "c2", "c3", "c7", "c5", "c8", "c6", "c9"]
    by_changes = visible_claims(story.claims, claim_filter=none, order=SortOrder.DIVERGENCES)
    assert ids(by_changes)[:2] == ["c3", "c1"]
    assert SortOrder.DIVERGENCES.next() is SortOrder.CHANGES_FIRST


def test_changes_first_puts_shared_divergent_claims_then_shared_then_the_rest(
    story: Alignment,
) -> None:
    # c4 and c8 are shared but agree; c6 and c9 are one outlet's each
    ordered = visible_claims(story.claims, claim_filter=ClaimFilter(),
                             order=SortOrder.CHANGES_FIRST)
    assert ids(ordered) == ["c1", "c2", "c3", "c5", "c7", "c4", "c8", "c6", "c9"]
    assert list(SortOrder)[0] is SortOrder.CHANGES_FIRST
    assert SortOrder.CHANGES_FIRST.next() is SortOrder.STORY


def test_filter_description_names_outlets(story: Alignment) -> None:
    f = ClaimFilter(divergent_only=True, outlet="wire", search="rebuild")
    assert f.describe({"wire": "Northern Wire"}) == (
        "divergent · outlet: Northern Wire · search: rebuild"
    )
    assert not ClaimFilter().is_active and f.is_active


def test_divergence_types_in_enum_order(story: Alignment) -> None:
    assert [t.value for t in divergence_types(story.claims)] == [
        "number_changed", "number_subject_changed", "qualifier_changed", "quote_trimmed",
        "attribution_changed",
    ]


def test_figure_usage_picks_the_majority(story: Alignment) -> None:
    sandbags = next(f for f in story.figures if f.value == "40000")
    assert figure_usage(sandbags).usual_subject == "sandbags"
    money = next(f for f in story.figures if f.kind.value == "money")
    assert figure_usage(money).usual_subject == "relief"  # tie: the first mention wins


def test_sentence_claims_maps_each_member(story: Alignment) -> None:
    mapping = sentence_claims(story)
    assert mapping[("wire", 2)] == "c3"
    assert ("ledger", 0) not in mapping  # a headline nobody else has is in no claim


STYLES = {role: Style(color=color) for role, color in [
    ("delete", "red"), ("insert", "green"), ("replace", "yellow"), ("number", "blue"),
    ("quote", "magenta"),
]}


def styled_words(text: Text, role: str) -> list[str]:
    return [text.plain[s.start:s.end] for s in text.spans if s.style == STYLES[role]]


def test_member_text_styles_each_kind_of_change() -> None:
    member = Member(
        article="b", sentence=0, score=0.8, text="Some 30 new homes flooded.",
        diff=(
            DiffChunk(DiffOp.REPLACE, "About", "Some"),
            DiffChunk(DiffOp.EQUAL, "30", "30"),
            DiffChunk(DiffOp.INSERT, "", "new"),
            DiffChunk(DiffOp.EQUAL, "homes", "homes"),
            DiffChunk(DiffOp.DELETE, "were", ""),
            DiffChunk(DiffOp.EQUAL, "flooded.", "flooded."),
        ),
    )
    story_claim = Claim(
        id="c1", label="", members=(member,), reference="a", quotes=(),
        numbers=(), divergences=(), missing_from=(),
    )
    text = member_text(member, story_claim, STYLES)
    assert text.plain == "About Some 30 new homes were flooded."
    assert styled_words(text, "delete") == ["About", "were"]
    assert styled_words(text, "replace") == ["Some"]
    assert styled_words(text, "insert") == ["new"]


def test_reference_member_emphasises_numbers_and_quote(story: Alignment) -> None:
    c3, c1 = claim(story, "c3"), claim(story, "c1")
    quote = member_text(c3.members[0], c3, STYLES)
    assert styled_words(quote, "quote") == [
        "We will rebuild every street, and we will do it together,"
    ]
    assert styled_words(member_text(c1.members[0], c1, STYLES), "number") == ["712"]
    assert diff_pieces(c1.members[0]) == [(c1.members[0].text, None)]


def test_claim_markdown_and_export_path(story: Alignment, tmp_path: Path) -> None:
    text = claim_markdown(story, claim(story, "c5"))
    assert text.startswith("## c5: The state pledged $12 million")
    assert "number_subject_changed: $12 million in relief → $12 million in road repairs" in text
    assert "Left out by: Harbor Times, Northern Wire." in text
    assert "c9" in story_markdown(story) or "Insurers said" in story_markdown(story)
    assert export_path(tmp_path / "x.json", "-c1") == tmp_path / "x-c1.md"
