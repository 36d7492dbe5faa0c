"""`storydiff compare` from the command line: outputs, summaries, exit statuses, bad input."""

import json
import os
from pathlib import Path

from typer.testing import CliRunner

from storydiff.cli import app

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "articles" / "kessford-spill"
runner = CliRunner()


def test_compare_writes_the_alignment_and_a_summary(tmp_path: Path) -> None:
    out = tmp_path / "demo.json"
    result = runner.invoke(app, ["compare", str(DEMO), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "storydiff/alignment@1"
    assert len(data["articles"]) == len(list(DEMO.iterdir()))
    assert "claims:" in result.stderr and "divergences:" in result.stderr
    assert result.stdout == ""


def test_compare_without_out_prints_json_to_stdout() -> None:
    result = runner.invoke(app, ["compare", str(DEMO), "--quiet"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["schema"] == "storydiff/alignment@1"


def test_fail_on_found_type_exits_1(tmp_path: Path) -> None:
    out = tmp_path / "demo.json"
    result = runner.invoke(app, ["compare", str(DEMO), "--out", str(out),
                                 "--fail-on", "quote_altered"])
    assert result.exit_code == 1
    assert out.exists()


def test_fail_on_unknown_type_exits_2_before_writing(tmp_path: Path) -> None:
    out = tmp_path / "demo.json"
    result = runner.invoke(app, ["compare", str(DEMO), "--out", str(out), "--fail-on", "typo"])
    assert result.exit_code == 2
    assert "unknown divergence type 'typo'" in result.stderr
    assert not out.exists()


def test_missing_path_is_one_line_and_leaves_output_intact(tmp_path: Path) -> None:
    out = tmp_path / "keep.json"
    out.write_text("previous", encoding="utf-8")
    result = runner.invoke(app, ["compare", str(tmp_path / "nope"), "--out", str(out)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "nope" in lines[0]
    assert "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "previous"


def test_output_in_a_missing_directory(tmp_path: Path) -> None:
    result = runner.invoke(app, ["compare", str(DEMO), "--out", str(tmp_path / "no" / "x.json")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_one_article_alone_says_there_is_nothing_to_compare(tmp_path: Path) -> None:
    result = runner.invoke(app, ["compare", str(DEMO / "01-meridian-wire.txt"), "--quiet"])
    assert result.exit_code == 0
    assert "nothing to compare" in result.stderr


def test_bad_file_among_good_ones_is_a_warning(tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    for name in ("01-meridian-wire.txt", "02-the-ledger.txt"):
        (story / name).write_bytes((DEMO / name).read_bytes())
    (story / "03-broken.txt").write_bytes(b"\x00\xff\x00")
    result = runner.invoke(app, ["compare", str(story), "--quiet"])
    assert result.exit_code == 0
    assert "warning: " in result.stderr and "03-broken.txt" in result.stderr
    assert len(json.loads(result.stdout)["articles"]) == 2


def test_same_input_same_bytes_apart_from_created(tmp_path: Path) -> None:
    outputs = []
    for n in range(2):
        out = tmp_path / f"{n}.json"
        runner.invoke(app, ["compare", str(DEMO), "--out", str(out), "--quiet"])
        data = json.loads(out.read_text(encoding="utf-8"))
        data["created"] = None
        outputs.append(json.dumps(data))
    assert outputs[0] == outputs[1]


def test_rerunning_on_the_same_articles_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "demo.json"
    assert runner.invoke(app, ["compare", str(DEMO), "--out", str(out)]).exit_code == 0
    first = out.read_bytes()
    os.utime(out, (1_000_000, 1_000_000))
    again = runner.invoke(app, ["compare", str(DEMO), "--out", str(out)])
    assert again.exit_code == 0
    assert "up to date" in again.stderr
    assert out.read_bytes() == first and out.stat().st_mtime == 1_000_000


def test_created_honours_source_date_epoch(tmp_path: Path) -> None:
    out = tmp_path / "demo.json"
    result = runner.invoke(app, ["compare", str(DEMO), "--out", str(out)],
                           env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["created"] == "2023-11-14T22:13:20Z"
    huge = runner.invoke(app, ["compare", str(DEMO), "--quiet", "--json"],
                         env={"SOURCE_DATE_EPOCH": "99999999999999999999"})
    assert huge.exit_code == 0 and json.loads(huge.stdout)["created"].endswith("Z")
