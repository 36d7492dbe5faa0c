"""`storydiff batch --scheduler`: the stories on a real Dask cluster the tests start.

The cluster's workers are threads of this test process and listen on TCP; ``batch`` runs
as a real subprocess and connects to the scheduler as it would to a remote one, so jobs
and results really cross a connection. The test without Dask runs everywhere.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from storydiff.coverage.store import read_alignment
from storydiff.report.batch import OWNED_MARKER, run_batch
from tests.invariants import table_rows
from tests.report.test_batch import _two_stories, _write_stories


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The TCP address of a local two-worker Dask cluster."""
    distributed = pytest.importorskip("distributed", reason="dask not installed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, protocol="tcp://",
        dashboard_address=":0",
    ) as cluster:
        yield cluster.scheduler_address


def _batch(*args: str, prelude: str = "") -> subprocess.CompletedProcess[str]:
    code = f"{prelude}\nfrom storydiff.cli import main\nmain()"
    return subprocess.run(
        [sys.executable, "-c", code, "batch", *args],
        capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
    )


def _index_names(index: str) -> list[str]:
    return [row[1].split("]")[0].lstrip("[") for row in table_rows(index, "| Rank |")]


def _failed(index: str) -> dict[str, str]:
    rows = table_rows(index.split("## Failed stories", 1)[1], "| Story |")
    return {row[0]: row[1] for row in rows}


def test_a_cluster_batch_writes_what_a_local_one_does(tmp_path: Path, scheduler: str) -> None:
    # five stories and one binary file; no input is known to crash the analysis any more,
    # and a fault put in by this test would not reach the cluster's workers
    stories = _write_stories(tmp_path / "stories")
    on_cluster, here = tmp_path / "cluster", tmp_path / "here"

    result = _batch(str(stories), "--out", str(on_cluster), "--scheduler", scheduler)
    local = run_batch(stories, here, jobs=1)

    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1] == "error: 1 of 6 stories failed; see the index"
    index = (on_cluster / "index.md").read_text(encoding="utf-8")
    assert index == (here / "index.md").read_text(encoding="utf-8")
    assert _index_names(index)[0] == "flood" and len(_index_names(index)) == 5
    failed = _failed(index)
    assert set(failed) == {"broken"}
    assert "binary" in failed["broken"]
    assert not (on_cluster / "broken").exists()
    assert len(local.outcomes) == 6
    for outcome in local.outcomes:
        if outcome.is_failed:
            continue
        story = outcome.output_name
        assert read_alignment(on_cluster / story / "alignment.json").claims == \
            read_alignment(here / story / "alignment.json").claims
        assert {p.name for p in (on_cluster / story).iterdir()} == {
            "alignment.json", "report.html", "report.md", OWNED_MARKER}
    assert [p.name for p in on_cluster.iterdir() if p.name.startswith(".")] == [OWNED_MARKER]


def test_a_cluster_batch_replaces_only_its_own_files_and_gates(
    tmp_path: Path, scheduler: str
) -> None:
    stories = _two_stories(tmp_path / "stories")  # fire's 9 hours become 19
    out = tmp_path / "out"
    told: list[str] = []
    first = run_batch(stories, out, formats=("md", "csv"), scheduler=scheduler,
                      on_story_done=lambda outcome: told.append(outcome.name))
    assert sorted(told) == ["fire", "museum"] and not first.failed
    (out / "notes.txt").write_text("my own notes", encoding="utf-8")
    (out / "fire" / "notes.txt").write_text("checked with the desk", encoding="utf-8")

    second = _batch(str(stories), "--out", str(out), "--scheduler", scheduler,
                    "--format", "html", "--fail-on", "number_changed")

    assert second.returncode == 1, second.stderr  # fire's 9 hours became 19
    assert "divergence(s) of the --fail-on types found" in second.stderr
    assert (out / "notes.txt").read_text(encoding="utf-8") == "my own notes"
    assert {p.name for p in (out / "fire").iterdir() if not p.name.startswith(".")} == {
        "alignment.json", "report.html", "notes.txt"}  # md and csv were batch's own

    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "draft.md").write_text("my draft", encoding="utf-8")
    refused = _batch(str(stories), "--out", str(tmp_path / "mine"), "--scheduler", scheduler)
    assert refused.returncode == 2
    assert refused.stderr == (f"error: {tmp_path / 'mine'}: holds files storydiff did not "
                              "write; choose an empty or new folder\n")
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["draft.md"]


@pytest.mark.parametrize(
    ("address", "says"),
    [("nonsense", "'nonsense' is not a scheduler address"),
     ("http://example.invalid:8786", "is not a scheduler address (unknown address scheme")],
)
def test_a_bad_scheduler_address_is_one_error_line(
    tmp_path: Path, address: str, says: str
) -> None:
    pytest.importorskip("distributed", reason="dask not installed")
    stories = _write_stories(tmp_path / "stories")
    result = _batch(str(stories), "--out", str(tmp_path / "out"), "--scheduler", address)
    assert result.returncode == 2
    assert result.stderr.startswith("error: --scheduler: ") and says in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_without_dask_the_scheduler_option_says_how_to_install_it(tmp_path: Path) -> None:
    stories = _write_stories(tmp_path / "stories")
    # None in sys.modules makes the import fail as it does where Dask is not installed.
    result = _batch(str(stories), "--out", str(tmp_path / "out"), "--scheduler",
                    "tcp://127.0.0.1:8786",
                    prelude="import sys; sys.modules['distributed'] = None")
    assert result.returncode == 2
    assert result.stderr == ("error: --scheduler: needs Dask, which is not installed; install "
                             "it with: pip install 'storydiff[dask]'\n")
    assert not (tmp_path / "out").exists()


def test_jobs_and_scheduler_together_are_refused(tmp_path: Path) -> None:
    stories = _write_stories(tmp_path / "stories")
    result = _batch(str(stories), "--out", str(tmp_path / "out"), "--scheduler",
                    "tcp://127.0.0.1:8786", "--jobs", "2")
    assert result.returncode == 2
    assert result.stderr.startswith("error: --jobs: not used with --scheduler")
    assert not (tmp_path / "out").exists()
