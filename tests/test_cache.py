"""The article cache: a second run reads each article's work back, a changed article or
engine misses, and a broken entry is recomputed, never an error."""

import json
import pickle
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.cli import app
from storydiff.coverage.cache import ArticleCache, default_cache_dir, engine_version
from storydiff.coverage.pipeline import compare_paths
from storydiff.coverage.store import alignment_to_dict

PORT = (
    "Dockers at Vell Harbour walked out on Monday over a pay offer of 3.5 percent.\n\n"
    "The strike has left 41 container ships waiting offshore, the port authority said.\n\n"
    "\"We will stay out until the offer matches prices,\" said union steward Olek Marr.\n"
)
GAZETTE = (
    "Vell Harbour dockers began a strike on Monday after rejecting a 3.5 percent offer.\n\n"
    "The port authority said 14 container ships were waiting offshore.\n\n"
    "\"We will stay out until the offer matches prices,\" union steward Olek Marr said.\n"
)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "port-news.txt").write_text(PORT, encoding="utf-8")
    (folder / "the-gazette.txt").write_text(GAZETTE, encoding="utf-8")
    return folder


def entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.rglob("*.pickle"))


def run(story: Path, cache: ArticleCache | None) -> dict[str, object]:
    return alignment_to_dict(compare_paths([str(story)], created="t", cache=cache).alignment)


def test_a_second_run_reads_every_article_back(story: Path, tmp_path: Path) -> None:
    cache = ArticleCache(tmp_path / "cache")
    first = run(story, cache)
    stored = entries(tmp_path / "cache")
    assert stored and all(engine_version() in p.parts for p in stored)
    # Doctor every cleaned article in the cache: a run that reads the cache shows it.
    for path in stored:
        (value,) = pickle.loads(path.read_bytes())
        if isinstance(value, tuple) and len(value) == 2 and hasattr(value[0], "outlet"):
            article, facts = value
            doctored = replace(article, outlet="From The Cache " + article.outlet)
            path.write_bytes(pickle.dumps(((doctored, facts),)))
    second = run(story, cache)
    assert [a["outlet"] for a in second["articles"]] == [  # type: ignore[index]
        "From The Cache " + a["outlet"] for a in first["articles"]  # type: ignore[index]
    ]
    assert second["claims"] == first["claims"]


def test_a_changed_article_misses_and_is_cleaned_again(story: Path, tmp_path: Path) -> None:
    cache = ArticleCache(tmp_path / "cache")
    run(story, cache)
    before = set(entries(tmp_path / "cache"))
    (story / "the-gazette.txt").write_text(GAZETTE.replace("14 container", "41 container"),
                                           encoding="utf-8")
    changed = run(story, cache)
    added = set(entries(tmp_path / "cache")) - before
    assert len(added) == 2  # the changed article, and its sentences' facts
    texts = [s["text"] for a in changed["articles"] for s in a["sentences"]]  # type: ignore[index]
    assert any("41 container ships were waiting" in t for t in texts)
    assert changed == run(story, None)


def test_broken_entries_are_recomputed(story: Path, tmp_path: Path) -> None:
    cache = ArticleCache(tmp_path / "cache")
    fresh = run(story, None)
    run(story, cache)
    stored = entries(tmp_path / "cache")
    for n, path in enumerate(stored):
        # truncated, garbage, and a pickle of something else
        path.write_bytes([b"\x80\x05", b"not a pickle at all", pickle.dumps("other")][n % 3])
    assert run(story, cache) == fresh
    assert all(pickle.loads(p.read_bytes())[0] is not None for p in entries(tmp_path / "cache"))


def test_an_unwritable_cache_is_no_cache(story: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    assert run(story, ArticleCache(blocker)) == run(story, None)


def test_compare_keeps_its_cache_where_told(story: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out.json"
    told = tmp_path / "told"
    result = runner.invoke(app, ["compare", str(story), "--out", str(out), "-q",
                                 "--cache-dir", str(told)])
    assert result.exit_code == 0, result.output
    assert entries(told)
    result = runner.invoke(app, ["compare", str(story), "--out", str(tmp_path / "again.json"),
                                 "-q", "--cache-dir", str(told)])
    assert result.exit_code == 0
    assert without_time(out) == without_time(tmp_path / "again.json")


def without_time(path: Path) -> dict[str, object]:
    """A saved alignment without its creation time, which two runs may not share."""
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(saved, dict) and saved.pop("created")
    return saved


def test_no_cache_writes_nothing(story: Path, tmp_path: Path,
                                 article_cache_in_tmp: Path) -> None:
    result = CliRunner().invoke(app, ["compare", str(story), "--out", str(tmp_path / "o.json"),
                                      "-q", "--no-cache"])
    assert result.exit_code == 0
    assert default_cache_dir() == article_cache_in_tmp
    assert not entries(article_cache_in_tmp)


def test_the_default_cache_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("STORYDIFF_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "storydiff"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "storydiff"
