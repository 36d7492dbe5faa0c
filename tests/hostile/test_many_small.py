"""Many small articles: `compare` gets through them and, on a terminal, says how far the
cleaning has come; a log or `-q` gets no progress line."""

import shlex
import subprocess
import sys
from pathlib import Path

from tests.test_readme import run_on_a_terminal

STORYDIFF = str(Path(sys.executable).parent / "storydiff")

LINES = (
    "Rangers closed the Tollan Pass road after a rockfall on Friday.",
    "About 30 hikers were escorted down from the Tollan huts by volunteers.",
    "\"Nobody was hurt, which is a small miracle,\" said ranger Dita Holm.",
    "Engineers will inspect the slope above the road on Monday.",
    "The pass carries around 2,400 vehicles on a summer day.",
)


def write_story(folder: Path, articles: int) -> None:
    folder.mkdir()
    for n in range(articles):
        picked = [LINES[(n + k) % len(LINES)] for k in range(3)]
        (folder / f"item-{n:04d}.txt").write_text("\n\n".join(picked) + "\n", encoding="utf-8")


def on_a_terminal(command: list[str], cwd: Path) -> tuple[int, str]:
    """Run with stdout and stderr on a pseudo-terminal (compare writes to --out)."""
    status, shown = run_on_a_terminal(shlex.join(command), cwd, keys=b"")
    return status, shown.decode("utf-8", "replace")


def test_many_small_articles_show_a_cleaning_line_on_a_terminal(tmp_path: Path) -> None:
    write_story(tmp_path / "story", 100)
    status, shown = on_a_terminal([STORYDIFF, "compare", str(tmp_path / "story"), "--out",
                                   str(tmp_path / "out.json"), "--no-cache"], tmp_path)
    assert status == 0, shown
    assert "cleaning 100/100 articles" in shown
    assert "articles: 100" in shown


def test_no_progress_line_with_quiet_or_into_a_log(tmp_path: Path) -> None:
    write_story(tmp_path / "story", 100)
    status, shown = on_a_terminal([STORYDIFF, "compare", str(tmp_path / "story"), "--out",
                                   str(tmp_path / "quiet.json"), "--no-cache", "-q"], tmp_path)
    assert status == 0 and "cleaning" not in shown
    logged = subprocess.run([STORYDIFF, "compare", str(tmp_path / "story"), "--out",
                             str(tmp_path / "log.json"), "--no-cache"],
                            capture_output=True, text=True, check=False)
    assert logged.returncode == 0
    assert "cleaning" not in logged.stderr and "aligning 100 article(s)" in logged.stderr
