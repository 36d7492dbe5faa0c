"""Many small articles: `compare` gets through them and, on a terminal, says how far the
cleaning has come; a log or `-q` gets no progress line."""

import os
import pty
import subprocess
import sys
from pathlib import Path

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


def on_a_terminal(command: list[str]) -> tuple[int, str]:
    """Run with stderr on a pseudo-terminal (stdout too: compare writes to --out)."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=terminal,
                               stderr=terminal)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    return process.wait(timeout=600), shown.decode("utf-8", "replace")


def test_many_small_articles_show_a_cleaning_line_on_a_terminal(tmp_path: Path) -> None:
    write_story(tmp_path / "story", 100)
    status, shown = on_a_terminal([STORYDIFF, "compare", str(tmp_path / "story"), "--out",
                                   str(tmp_path / "out.json"), "--no-cache"])
    assert status == 0, shown
    assert "cleaning 100/100 articles" in shown
    assert "articles: 100" in shown


def test_no_progress_line_with_quiet_or_into_a_log(tmp_path: Path) -> None:
    write_story(tmp_path / "story", 100)
    status, shown = on_a_terminal([STORYDIFF, "compare", str(tmp_path / "story"), "--out",
                                   str(tmp_path / "quiet.json"), "--no-cache", "-q"])
    assert status == 0 and "cleaning" not in shown
    logged = subprocess.run([STORYDIFF, "compare", str(tmp_path / "story"), "--out",
                             str(tmp_path / "log.json"), "--no-cache"],
                            capture_output=True, text=True, check=False)
    assert logged.returncode == 0
    assert "cleaning" not in logged.stderr and "aligning 100 article(s)" in logged.stderr
