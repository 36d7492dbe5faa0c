"""A tiny Chrome DevTools Protocol client over ``--remote-debugging-pipe``, for tests.

Chromium reads NUL-terminated JSON commands on fd 3 and writes replies and events on
fd 4, so no websocket library is needed. Every read has a deadline and the browser's
whole process group is killed on exit, so a hung browser fails the test, never the run.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import selectors
import signal
import subprocess
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--mute-audio",
)


class Browser:
    """One headless Chromium and the events it has sent so far."""

    def __init__(self, process: subprocess.Popen[bytes], to_browser: int, from_browser: int,
                 *, timeout: float) -> None:
        self.process = process
        self._to = to_browser
        self._from = from_browser
        self._deadline = time.monotonic() + timeout
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, params: dict[str, Any] | None = None,
             session: str | None = None) -> dict[str, Any]:
        """Run one command and return its result; events met meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return dict(reply.get("result", {}))
            self.events.append(reply)

    def wait_for(self, method: str) -> dict[str, Any]:
        """Read until an event named ``method`` arrives (or one already did)."""
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            event = self._read()
            self.events.append(event)
            if event.get("method") == method:
                return event

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            remaining = self._deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("chromium did not answer in time")
            with selectors.DefaultSelector() as selector:
                selector.register(self._from, selectors.EVENT_READ)
                if not selector.select(remaining):
                    continue
            chunk = os.read(self._from, 1 << 16)
            if not chunk:
                raise ConnectionError("chromium closed the debugging pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return dict(json.loads(message))


@contextlib.contextmanager
def launch(chromium: str, profile: Path, *, timeout: float = 60.0,
           extra_flags: Sequence[str] = ()) -> Iterator[Browser]:
    """Start headless Chromium with a debugging pipe; always kill it on the way out."""
    to_read, to_write = _pipe_above_ten()
    from_read, from_write = _pipe_above_ten()
    # The child's ends sit above fd 9 so that mapping them onto 3 and 4 cannot clobber
    # one with the other; bash (not sh) because sh only knows fds 0-9.
    script = f'exec "$0" "$@" 3<&{to_read} 4>&{from_write} {to_read}<&- {from_write}>&-'
    process = subprocess.Popen(
        ["bash", "-c", script, chromium, *CHROMIUM_FLAGS, *extra_flags,
         f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
        pass_fds=(to_read, from_write),
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    os.close(to_read)
    os.close(from_write)
    try:
        yield Browser(process, to_write, from_read, timeout=timeout)
    finally:
        os.close(to_write)
        os.close(from_read)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)


def _pipe_above_ten() -> tuple[int, int]:
    ends = []
    for fd in os.pipe():
        ends.append(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10))
        os.close(fd)
    return ends[0], ends[1]


def load_page(browser: Browser, url: str) -> str:
    """Open ``url`` in a new tab with Network, Runtime, Log and Page events on; the session."""
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
        "sessionId"
    ]
    for domain in ("Network", "Runtime", "Log", "Page"):
        browser.send(f"{domain}.enable", session=session)
    browser.send("Page.navigate", {"url": url}, session=session)
    browser.wait_for("Page.loadEventFired")
    return str(session)
