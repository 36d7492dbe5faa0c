"""CSV exports of an alignment, for spreadsheets and scripts.

Two shapes: ``divergences`` (one row per divergence × departing outlet; an ``omitted``
row per outlet that leaves out a claim enough others state, with no outlet sentence;
an ``added`` row for a claim one outlet alone states) and ``claims`` (one row per claim
member). Which silences count is ``storydiff.coverage.omissions``' rule, so a claim one
outlet wrote is that outlet's addition, not every other outlet's omission.

Text cells are guarded against formula injection: a spreadsheet runs a
cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab/carriage return) as a
formula, so such cells get a leading apostrophe (OWASP's advice). Numeric columns
(``sentence_index``, ``score``) are written as numbers and never guarded.
"""

from __future__ import annotations

import csv
import io
from typing import Literal

from storydiff.coverage.model import Alignment, DivergenceType
from storydiff.coverage.omissions import silences
from storydiff.report.common import (
    clean_text,
    departing_types,
    member_sentence,
    outlet_names,
    stating_articles,
    story_name,
)

CsvRows = Literal["divergences", "claims"]

ADDED = "added"
"""The ``type`` of a divergences row for a claim one outlet alone states: that outlet's
addition. It is a kind of row, not a divergence type of the alignment file."""

DIVERGENCE_COLUMNS = (
    "story", "claim_id", "type", "outlet", "reference_outlet", "detail",
    "outlet_sentence", "reference_sentence",
)
CLAIM_COLUMNS = (
    "story", "claim_id", "label", "outlet", "sentence_index", "score", "text",
    "is_reference", "divergence_types",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(value: str | None) -> str:
    """Displayable text that no spreadsheet will evaluate as a formula.

    >>> guard_cell("=HYPERLINK(1)"), guard_cell("-5 cars"), guard_cell("ok")
    ("'=HYPERLINK(1)", "'-5 cars", 'ok')
    """
    text = clean_text(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def render_csv(alignment: Alignment, rows: CsvRows = "divergences") -> str:
    """The alignment as CSV text with a header row."""
    if rows == "divergences":
        return _write(DIVERGENCE_COLUMNS, _divergence_rows(alignment))
    if rows == "claims":
        return _write(CLAIM_COLUMNS, _claim_rows(alignment))
    raise ValueError(f"unknown CSV rows {rows!r}; use 'divergences' or 'claims'")


def _write(columns: tuple[str, ...], rows: list[list[str | float | int]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


def _divergence_rows(alignment: Alignment) -> list[list[str | float | int]]:
    story = guard_cell(story_name(alignment))
    names = outlet_names(alignment)
    outlets = len(alignment.articles)
    rows: list[list[str | float | int]] = []
    for silence in silences(alignment):
        claim = silence.claim
        reference_sentence = member_sentence(claim, claim.reference)
        departures = [
            (d.type.value, a, d.reference, d.detail)
            for d in claim.divergences
            for a in d.articles
        ]
        if not any(d.type is DivergenceType.OMITTED for d in claim.divergences):
            share = f"{len(stating_articles(claim))} of {outlets}"
            stated = f"claim not stated; {share} outlets state it"
            departures += [
                (DivergenceType.OMITTED.value, a, claim.reference, stated)
                for a in silence.omitted_by
            ]
        for kind, article_id, reference_id, detail in departures:
            rows.append([
                story,
                guard_cell(claim.id),
                kind,
                guard_cell(names.get(article_id, article_id)),
                guard_cell(names.get(reference_id, reference_id)),
                guard_cell(detail),
                guard_cell(member_sentence(claim, article_id)),
                guard_cell(reference_sentence),
            ])
        adder = silence.added_by
        if adder is not None:
            # the outlet's own claim: there is no reference to depart from
            rows.append([
                story, guard_cell(claim.id), ADDED, guard_cell(names.get(adder, adder)),
                "", "only this outlet states the claim",
                guard_cell(member_sentence(claim, adder)), "",
            ])
    return rows


def _claim_rows(alignment: Alignment) -> list[list[str | float | int]]:
    story = guard_cell(story_name(alignment))
    names = outlet_names(alignment)
    rows: list[list[str | float | int]] = []
    for claim in alignment.claims:
        for member in claim.members:
            types = ";".join(t.value for t in departing_types(claim, member.article))
            rows.append([
                story,
                guard_cell(claim.id),
                guard_cell(claim.label),
                guard_cell(names.get(member.article, member.article)),
                member.sentence,
                round(member.score, 4),
                guard_cell(member.text),
                "true" if member.article == claim.reference else "false",
                types,
            ])
    return rows
