"""What a killed run left: only names a run of this machine gave, whose process is over."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from storydiff.coverage.leftovers import is_leftover, owner_tag, owner_tag_pattern

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX process ids")


def _tag_parts(tag: str) -> tuple[int, str]:
    match = re.fullmatch(owner_tag_pattern(), tag)
    assert match is not None, tag
    return int(match[1]), match[2]


def test_a_tag_names_this_process_and_machine() -> None:
    pid, host = _tag_parts(owner_tag())
    assert pid == os.getpid() and len(host) == 8
    assert not is_leftover(pid, host)  # this run is not over


def test_a_process_that_has_ended_left_its_names_behind() -> None:
    _, host = _tag_parts(owner_tag())
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert is_leftover(child.pid, host)


def test_a_live_process_or_another_machine_is_never_a_leftover() -> None:
    _, host = _tag_parts(owner_tag())
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as child:
        try:
            assert not is_leftover(child.pid, host)
        finally:
            child.kill()
    assert not is_leftover(child.pid, "00000000" if host != "00000000" else "11111111")
    assert not is_leftover(1, host)  # init: alive, and not ours to judge
