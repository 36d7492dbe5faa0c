"""The HTML report in a real headless Chromium: it renders, requests nothing, runs nothing.

Skips when ``chromium`` is not installed (the test command installs nothing on the
machine; CI installs it in ``.ci/run``). Every browser run has a bounded timeout and
the browser's process group is always killed.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from storydiff.coverage.model import Alignment
from storydiff.report.html import render_html
from tests.report.cdp import CHROMIUM_FLAGS, launch, load_page

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed; to run the browser test, install Debian's chromium: "
    "apt-get install chromium",
)
pytestmark = needs_chromium


def _write_report(alignment: Alignment, tmp_path: Path) -> Path:
    page = tmp_path / "report.html"
    page.write_text(render_html(alignment), encoding="utf-8")
    return page


def test_screenshot_is_a_real_page(alignment: Alignment, tmp_path: Path) -> None:
    page = _write_report(alignment, tmp_path)
    shot = tmp_path / "shot.png"
    assert CHROMIUM is not None
    subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
         f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri()],
        stdin=subprocess.DEVNULL, capture_output=True, timeout=120, check=False,
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 2000)
    assert len(data) > 50_000  # a blank page is a few kilobytes


def _page_events(alignment: Alignment, tmp_path: Path) -> tuple[str, list[dict], dict]:
    page = _write_report(alignment, tmp_path)
    assert CHROMIUM is not None
    with launch(CHROMIUM, tmp_path / "profile", timeout=90) as browser:
        session = load_page(browser, page.as_uri())
        counts = browser.send(
            "Runtime.evaluate",
            {"expression": "JSON.stringify({scripts: document.scripts.length, "
             "images: document.images.length, claims: document.querySelectorAll("
             "'article.claim').length, title: document.title})", "returnByValue": True},
            session=session,
        )
        return page.as_uri(), browser.events, counts


def _problems(events: list[dict], page_url: str) -> tuple[list[str], list[str]]:
    requests = [
        e["params"]["request"]["url"]
        for e in events
        if e.get("method") == "Network.requestWillBeSent"
        and e["params"]["request"]["url"] != page_url
    ]
    errors = [
        str(e["params"])
        for e in events
        if e.get("method") == "Runtime.exceptionThrown"
        or (e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] == "error")
        or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")
    ]
    return requests, errors


def test_report_loads_nothing_and_logs_no_error(alignment: Alignment, tmp_path: Path) -> None:
    import json

    page_url, events, counts = _page_events(alignment, tmp_path)
    loaded = [e for e in events if e.get("method") == "Network.requestWillBeSent"]
    assert [e["params"]["request"]["url"] for e in loaded] == [page_url]
    assert _problems(events, page_url) == ([], [])
    facts = json.loads(counts["result"]["value"])
    assert facts == {"scripts": 0, "images": 0, "claims": 6,
                     "title": "Coverage report: elm-bridge"}


def test_hostile_report_runs_and_fetches_nothing(
    hostile_alignment: Alignment, tmp_path: Path
) -> None:
    import json

    page_url, events, counts = _page_events(hostile_alignment, tmp_path)
    # an escaped <img src=x> would be a request; a live <script> an error or a script
    assert _problems(events, page_url) == ([], [])
    facts = json.loads(counts["result"]["value"])
    assert facts["scripts"] == 0 and facts["images"] == 0
