"""Every report format on the fixture alignment, by content, and on hostile article text."""

from __future__ import annotations

import csv
import io
import json

from storydiff.coverage.model import Alignment, DivergenceType
from storydiff.coverage.store import alignment_from_dict
from storydiff.report import render
from storydiff.report.common import clean_text, outlet_pairs
from storydiff.report.csv import CLAIM_COLUMNS, DIVERGENCE_COLUMNS, guard_cell, render_csv
from storydiff.report.html import CONTENT_SECURITY_POLICY, render_html, safe_url
from storydiff.report.markdown import md_text, render_markdown
from tests.invariants import table_rows
from tests.report.conftest import FORMULA, HOSTILE, IMG, JS_LINK, SCRIPT
from tests.report.htmlcheck import live_parts

# --- Markdown -------------------------------------------------------------------------------


def test_markdown_summary_lists_outlets_dates_and_counts(alignment: Alignment) -> None:
    text = render_markdown(alignment)
    assert text.startswith("# Coverage report: elm-bridge\n")
    assert "| Valley Courier | 2026-03-03 | Elm Street bridge to shut for a year | 6 |" in text
    assert "- **Claims:** 6" in text
    assert "- **Shared by two or more outlets:** 5" in text
    assert "- **Divergences:** 5" in text


def test_markdown_divergence_table_lists_every_divergence(alignment: Alignment) -> None:
    rows = table_rows(render_markdown(alignment), "| Claim | Type |")
    listed = [(row[0].split("]")[0].lstrip("["), row[1], row[2]) for row in rows]
    expected = [
        (c.id, d.type.value, "Valley Courier") for c in alignment.claims for d in c.divergences
    ]
    assert listed == expected
    assert any("$4.2 million repairs → $2.4 million repairs" in row[4] for row in rows)


def test_markdown_marks_the_diff_and_missing_outlets(alignment: Alignment) -> None:
    text = render_markdown(alignment)
    assert "Repairs will cost ~~$4.2~~ **$2.4** million" in text
    assert "~~cannot~~ **will not**" in text
    assert "**On Monday** The city council" in text
    # c6 is the Courier's alone: its addition, not the others' omission
    assert "- _Only Valley Courier states this claim._" in text
    assert "Not stated by" not in text and text.count("- _Left out by:_ Metro Wire") == 2


def test_markdown_counts_omissions_and_additions_per_outlet(alignment: Alignment) -> None:
    text = render_markdown(alignment)
    assert "- **Claims some outlet omits:** 2 (counted where the claim is stated by at least " \
        "2 of the 3 outlets)" in text
    assert "- **Claims only one outlet states:** 1 (its additions)" in text
    rows = {row[0]: row[-3:] for row in table_rows(text, "| Outlet | Published |")}
    assert rows == {
        "Harbor Gazette": ["5", "0", "0"],
        "Valley Courier": ["6", "1", "0"],
        "Metro Wire": ["3", "0", "2"],
    }


def test_markdown_escapes_hostile_text(hostile_alignment: Alignment) -> None:
    text = render_markdown(hostile_alignment)
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "\\[click\\](javascript:alert(1))" in text
    assert "[click](" not in text.replace("\\[click\\](", "")
    assert "\x1b" not in text
    assert "\\[bold\\]" in text


def test_md_text_escapes_table_and_emphasis_characters() -> None:
    assert md_text("a | b *c* _d_ `e` ~f~") == "a \\| b \\*c\\* \\_d\\_ \\`e\\` \\~f\\~"


# --- HTML -----------------------------------------------------------------------------------


def test_html_has_csp_first_and_no_external_resources(alignment: Alignment) -> None:
    document = render_html(alignment)
    found = live_parts(document)
    csp = [m for m in found.meta if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and csp[0]["content"] == CONTENT_SECURITY_POLICY
    assert CONTENT_SECURITY_POLICY.startswith("default-src 'none'; style-src 'unsafe-inline'")
    assert {"script", "img", "link", "iframe", "object"}.isdisjoint(found.tags)
    assert all(h.startswith(("#", "https://")) for h in found.hrefs)
    assert "@media print" in document


def test_html_links_article_urls_safely(alignment: Alignment) -> None:
    anchors = live_parts(render_html(alignment)).anchors
    external = [a for a in anchors if str(a.get("href")).startswith("http")]
    assert [a["href"] for a in external] == [
        "https://gazette.example/elm-bridge",
        "https://courier.example/news/elm",
    ]
    assert all(a.get("rel") == "noopener noreferrer" for a in external)


def test_html_divergence_table_and_diff_colours(alignment: Alignment) -> None:
    document = render_html(alignment)
    for claim in alignment.claims:
        for divergence in claim.divergences:
            assert f'<span class="badge">{divergence.type.value}</span>' in document
    assert '<del class="chg"><b>$4.2</b></del> <ins class="chg"><b>$2.4</b></ins>' in document
    assert '<del class="del">on Monday</del>' in document
    assert '<ins class="ins">On Monday</ins>' in document
    # the quotation is italic, the number bold
    assert '<i>&quot;We cannot wait for it to fail,&quot;</i>' in document
    assert "About <b>12,000</b> cars" in document


def test_html_heat_map_figures_and_similarity(alignment: Alignment) -> None:
    document = render_html(alignment)
    assert document.count('class="cell missing"') == 2  # c4, c5 (Wire)
    assert document.count('class="cell absent"') == 2  # c6 is the Courier's alone
    assert document.count('class="cell altered"') == 4  # Courier in c2..c5
    assert document.count('class="cell reference"') == 6
    assert "<b>4.2 million</b>" in document and "<b>12,000</b> ◆" in document  # cars vs residents
    pairs = {(p.left, p.right): p for p in outlet_pairs(alignment)}
    gazette_courier = pairs[("gazette-2026-03-02", "courier-2026-03-03")]
    assert (gazette_courier.shared, gazette_courier.either) == (5, 6)
    assert "5 of 6</td>" in document and "83%" in document


def test_html_hostile_text_is_never_live(hostile_alignment: Alignment) -> None:
    document = render_html(hostile_alignment)
    found = live_parts(document)
    assert "script" not in found.tags and "img" not in found.tags
    assert found.event_attributes == []
    assert not any("javascript:" in href.lower() for href in found.hrefs)
    assert "\x1b" not in document
    # the hostile text is still shown, as text
    shown = "".join(found.text)
    assert SCRIPT in shown and IMG in shown and "[bold]loud[/bold]" in shown


def test_safe_url_keeps_only_http_and_https() -> None:
    assert safe_url("http://a.example/") == "http://a.example/"
    for bad in (JS_LINK, "data:text/html,x", "file:///etc/passwd", "//a.example", "https://a b",
                "https://a.example/\x00", None, ""):
        assert safe_url(bad) is None


# --- CSV ------------------------------------------------------------------------------------


def test_csv_divergence_rows_parse_back(alignment: Alignment) -> None:
    rows = list(csv.reader(io.StringIO(render_csv(alignment))))
    assert tuple(rows[0]) == DIVERGENCE_COLUMNS
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    subject = [r for r in records if r["type"] == DivergenceType.NUMBER_SUBJECT_CHANGED.value]
    assert len(subject) == 1
    assert subject[0]["outlet"] == "Valley Courier"
    assert subject[0]["reference_outlet"] == "Harbor Gazette"
    assert subject[0]["outlet_sentence"] == (
        "About 12,000 residents live within a mile of the bridge."
    )
    assert subject[0]["reference_sentence"] == "About 12,000 cars cross the bridge every day."
    kinds = [r["type"] for r in records]
    assert kinds.count("omitted") == 2 and kinds.count("added") == 1
    assert len(records) == 5 + 2 + 1
    omitted = [(r["claim_id"], r["outlet"]) for r in records if r["type"] == "omitted"]
    assert omitted == [("c4", "Metro Wire"), ("c5", "Metro Wire")]
    (added,) = [r for r in records if r["type"] == "added"]
    assert (added["claim_id"], added["outlet"]) == ("c6", "Valley Courier")
    assert added["outlet_sentence"] and added["reference_outlet"] == ""


def test_csv_claim_rows(alignment: Alignment) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(alignment, rows="claims"))))
    assert tuple(rows[0].keys()) == CLAIM_COLUMNS
    assert len(rows) == sum(len(c.members) for c in alignment.claims)
    courier_c5 = next(r for r in rows if r["claim_id"] == "c5" and r["outlet"] == "Valley Courier")
    assert courier_c5["divergence_types"] == "quote_altered;attribution_changed"
    assert courier_c5["is_reference"] == "false" and float(courier_c5["score"]) == 0.71
    assert courier_c5["sentence_index"] == "4"


def test_csv_guards_formulas_and_strips_escapes(hostile_alignment: Alignment) -> None:
    rows = list(csv.reader(io.StringIO(render_csv(hostile_alignment, rows="claims"))))
    cells = [cell for row in rows for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert all("\x1b" not in cell for cell in cells)
    assert f"'{FORMULA}" in cells
    assert guard_cell("=1+2") == "'=1+2" and guard_cell("@SUM(A1)") == "'@SUM(A1)"
    assert guard_cell("+44 20") == "'+44 20" and guard_cell("12,000 cars") == "12,000 cars"
    hostile_label = next(r[2] for r in rows[1:] if r[1] == "c2")
    assert hostile_label == clean_text(HOSTILE)


# --- JSON -----------------------------------------------------------------------------------


def test_json_round_trips(alignment: Alignment) -> None:
    assert alignment_from_dict(json.loads(render(alignment, "json"))) == alignment
