"""Naming outlets: --outlet FILE=NAME, an outlets.yaml beside the articles, short labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.cli import app
from storydiff.coverage.outlets import outlet_labels
from storydiff.coverage.store import read_alignment
from storydiff.report.markdown import render_markdown
from storydiff.tui.app import make_app
from tests.tui.helpers import screen_text

runner = CliRunner()

FIRST = (
    "The Orwin ferry will stop running on 3 May after 41 years, the county council said.\n\n"
    "About 900 passengers used the crossing each week last summer.\n\n"
    '"We could not find a buyer," said councillor Edda Brin.\n'
)
SECOND = (
    "The county council said the Orwin ferry will stop running on 3 May after 41 years.\n\n"
    "Some 900 passengers crossed each week last summer, the council said.\n\n"
    "Boat clubs plan a farewell sailing on the last evening.\n"
)
HASHED = ("000_402aea852ad639f5.txt", "001_33fe0c18bdcd4c80.txt")


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "ferry"
    folder.mkdir()
    for name, text in zip(HASHED, (FIRST, SECOND), strict=True):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def compare(*args: str) -> tuple[int, str, dict[str, str]]:
    result = runner.invoke(app, ["compare", *args, "--quiet"])
    if result.exit_code != 0:
        return result.exit_code, result.stderr, {}
    data = json.loads(result.stdout)
    return 0, result.stderr, {Path(a["path"]).name: a["outlet"] for a in data["articles"]}


def test_file_named_outlets_get_short_labels(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.json"
    assert runner.invoke(app, ["compare", str(story), "-q", "--out", str(out)]).exit_code == 0
    alignment = read_alignment(out)
    assert {a.outlet for a in alignment.articles} == {Path(n).stem for n in HASHED}
    assert sorted(outlet_labels(alignment.articles).values()) == ["000_402aea…", "001_33fe0c…"]
    report = render_markdown(alignment)
    assert "| 000\\_402aea… |" in report and "402aea852ad639f5" not in report.split("## ")[1]


async def test_the_tui_shows_the_short_labels(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.json"
    assert runner.invoke(app, ["compare", str(story), "-q", "--out", str(out)]).exit_code == 0
    app_ = make_app(out)
    async with app_.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        text = screen_text(app_)
        assert "000_402aea…" in text and "000_402aea852ad639f5" not in text


def test_outlets_yaml_beside_the_articles_names_them(story: Path) -> None:
    (story / "outlets.yaml").write_text(
        f"{HASHED[0]}: Orwin Gazette\n001_33fe0c18bdcd4c80: Coast Radio\n", encoding="utf-8")
    code, _, names = compare(str(story))
    assert code == 0
    assert names == {HASHED[0]: "Orwin Gazette", HASHED[1]: "Coast Radio"}


def test_outlet_option_wins_over_outlets_yaml(story: Path) -> None:
    (story / "outlets.yaml").write_text(f"{HASHED[0]}: Orwin Gazette\n", encoding="utf-8")
    code, _, names = compare(str(story), "--outlet", f"{HASHED[0]}=The Orwin Post",
                             "--outlet", "001_33fe0c18bdcd4c80=Coast Radio")
    assert code == 0
    assert names == {HASHED[0]: "The Orwin Post", HASHED[1]: "Coast Radio"}


@pytest.mark.parametrize(
    ("option", "says"),
    [
        ("typo.txt=Name", "error: --outlet typo.txt: no article file of that name was given"),
        ("no-equals-sign", "error: --outlet: expected FILE=NAME, got 'no-equals-sign'"),
        (f"{HASHED[0]}=", "error: --outlet: expected FILE=NAME"),
    ],
)
def test_a_bad_outlet_option_is_one_error_line(
    story: Path, tmp_path: Path, option: str, says: str
) -> None:
    out = tmp_path / "a.json"
    result = runner.invoke(app, ["compare", str(story), "--outlet", option, "--out", str(out)])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(says) and len(result.stderr.splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("- just\n- a list\n", "expected 'file name: outlet name' lines"),
        ("a: [unclosed\n", "not valid YAML"),
        ("a.txt:\n", "'a.txt' needs an outlet name"),
        ("a: &x [1]\nb: *x\n", "YAML aliases are not allowed here"),
        # built by recursion: thousands deep ran out of stack (a traceback, status 1)
        ("a.txt: " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
        ("a.txt: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n", "nested too deeply"),
    ],
)
def test_a_broken_outlets_yaml_is_one_error_line(story: Path, content: str, says: str) -> None:
    (story / "outlets.yaml").write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["compare", str(story), "-q"])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {story / 'outlets.yaml'}: ") and says in line


def test_an_outlets_yaml_linking_out_of_the_folder_is_refused_not_read(
    story: Path, tmp_path: Path,
) -> None:
    private = tmp_path / "private.yaml"
    private.write_text(f"{HASHED[0]}: my private note\n", encoding="utf-8")
    (story / "outlets.yaml").symlink_to(private)
    result = runner.invoke(app, ["compare", str(story), "-q"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {story / 'outlets.yaml'}: symbolic link to a file outside the folder; "
        "copy the file into the folder to use it"]
    assert "private note" not in result.output


def test_an_outlets_yaml_linking_inside_the_folder_is_read(story: Path) -> None:
    (story / "names").mkdir()
    (story / "names" / "all.yaml").write_text(f"{HASHED[0]}: Orwin Gazette\n", encoding="utf-8")
    (story / "outlets.yaml").symlink_to(Path("names") / "all.yaml")
    code, _, names = compare(str(story))
    assert code == 0 and names[HASHED[0]] == "Orwin Gazette"
