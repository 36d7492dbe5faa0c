"""Confidence and evidence on divergences: `--min-confidence`, most certain first, and the
sentences an outlet states a claim's figure in when they are not the claim's own."""

import json
from dataclasses import replace
from pathlib import Path

from textual.widgets import Static
from typer.testing import CliRunner

from storydiff.cli import app
from storydiff.coverage.pipeline import compare_paths
from storydiff.coverage.store import write_alignment
from storydiff.tui.app import make_app

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "articles" / "kessford-spill"
runner = CliRunner()

LIST_STORY = {
    "a-herald.txt": (
        "The mayor of Dunholt resigned on Friday after an audit of her expenses.\n\n"
        "Auditors found she charged the city $2,418.60 for a weekend at the Tarrow Lake "
        "Spa and $812 for a dinner at the Quayside Grill.\n\n"
        "She denied any wrongdoing."
    ),
    "b-gazette.txt": (
        "Dunholt's mayor quit on Friday over her expenses.\n\n"
        "The audit lists $12,300 on flights, $4,115 on hotel rooms in Belgrave, $2,481.60 "
        "on the Tarrow Lake Spa and $640 on taxis.\n\n"
        "She has said she did nothing wrong."
    ),
}


def list_story(tmp_path: Path) -> Path:
    folder = tmp_path / "expenses"
    folder.mkdir()
    for name, text in LIST_STORY.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def split_alignment(tmp_path: Path) -> tuple[Path, str]:
    """The list story's alignment, with the gazette's sentence moved to a claim of its
    own, as happens when an outlet folds a figure into a sentence about other things:
    the change stays on the herald's claim and names the gazette's sentence."""
    alignment = compare_paths([str(list_story(tmp_path))]).alignment
    home = next(c for c in alignment.claims if any("2,481.60" in d.detail for d in c.divergences))
    mine = tuple(m for m in home.members if m.article == "a-herald")
    theirs = tuple(
        replace(m, diff=()) for m in home.members if m.article == "b-gazette"
    )
    claims = []
    for claim in alignment.claims:
        if claim is home:
            claims.append(replace(claim, members=mine, missing_from=("b-gazette",)))
            claims.append(
                replace(claim, id="c99", members=theirs, reference="b-gazette",
                        divergences=(), quotes=(), numbers=(), missing_from=("a-herald",))
            )
        else:
            claims.append(claim)
    path = tmp_path / "expenses.json"
    write_alignment(replace(alignment, claims=tuple(claims)), path)
    return path, home.id


def confidences(data: dict) -> list[float]:
    return [d["confidence"] for c in data["claims"] for d in c["divergences"]]


def test_every_divergence_carries_confidence_and_evidence(tmp_path: Path) -> None:
    out = tmp_path / "demo.json"
    assert runner.invoke(app, ["compare", str(DEMO), "--out", str(out), "-q"]).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    divergences = [d for c in data["claims"] for d in c["divergences"]]
    assert divergences
    sentences = {a["id"]: a["sentences"] for a in data["articles"]}
    for d in divergences:
        assert 0 < d["confidence"] <= 1
        named = {e["article"] for e in d["evidence"]}
        assert d["reference"] in named and set(d["articles"]) <= named
        for e in d["evidence"]:
            assert sentences[e["article"]][e["sentence"]]["text"] == e["text"]
    for claim in data["claims"]:
        ranked = [d["confidence"] for d in claim["divergences"]]
        assert ranked == sorted(ranked, reverse=True)


def test_min_confidence_leaves_out_the_less_certain(tmp_path: Path) -> None:
    everything, surest = tmp_path / "all.json", tmp_path / "surest.json"
    runner.invoke(app, ["compare", str(DEMO), "--out", str(everything), "-q"])
    result = runner.invoke(
        app, ["compare", str(DEMO), "--out", str(surest), "-q", "--min-confidence", "0.8"]
    )
    assert result.exit_code == 0, result.output
    kept = confidences(json.loads(surest.read_text(encoding="utf-8")))
    all_of_them = confidences(json.loads(everything.read_text(encoding="utf-8")))
    assert kept and all(c >= 0.8 for c in kept)
    assert len(kept) == sum(1 for c in all_of_them if c >= 0.8) < len(all_of_them)
    assert json.loads(surest.read_text(encoding="utf-8"))["settings"]["min_confidence"] == 0.8


def test_report_min_confidence_and_an_out_of_range_value(tmp_path: Path) -> None:
    alignment = REPO / "alignments" / "kessford-spill.json"
    full = runner.invoke(app, ["report", str(alignment), "--format", "json"])
    high = runner.invoke(
        app, ["report", str(alignment), "--format", "json", "--min-confidence", "0.8"]
    )
    assert full.exit_code == high.exit_code == 0
    assert len(confidences(json.loads(high.stdout))) < len(confidences(json.loads(full.stdout)))
    bad = runner.invoke(app, ["report", str(alignment), "--min-confidence", "1.5"])
    assert bad.exit_code == 2


def test_reports_show_a_figure_stated_in_another_claims_sentence(tmp_path: Path) -> None:
    path, _ = split_alignment(tmp_path)
    markdown = runner.invoke(app, ["report", str(path), "--format", "md"])
    assert markdown.exit_code == 0, markdown.output
    assert "2,418.60" in markdown.stdout and "2,481.60" in markdown.stdout
    assert "elsewhere, " in markdown.stdout and "$4,115 on hotel rooms" in markdown.stdout
    html = runner.invoke(app, ["report", str(path), "--format", "html"])
    assert 'class="member elsewhere"' in html.stdout


async def test_the_claim_view_shows_the_sentence_elsewhere(tmp_path: Path) -> None:
    path, home = split_alignment(tmp_path)
    tui = make_app([path])
    async with tui.run_test(size=(140, 40)) as pilot:
        tui.selected_claim = home
        await pilot.pause()
        shown = str(tui.screen.query_one("#claim-elsewhere", Static).render())
        assert "elsewhere" in shown and "$4,115 on hotel rooms" in shown
        assert "confidence" in shown
