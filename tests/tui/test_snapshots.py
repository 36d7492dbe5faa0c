"""SVG snapshots of the screens that matter, at 80x24 and 160x50, from the fixed story.

Review a change with `pytest tests/tui/test_snapshots.py --snapshot-report` and update with
`--snapshot-update` only after reading the report. Nothing on these screens blinks or
shows a clock, so the snapshots are deterministic.
"""

from __future__ import annotations

from typing import Any

import pytest

from storydiff.tui.app import make_app
from tests.tui.helpers import ALIGNMENT

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 50), id="160x50")]


@pytest.mark.parametrize("size", SIZES)
class TestClaims:
    """The main screen: claims list and claim view."""

    def test_first_claim(self, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(ALIGNMENT), terminal_size=size)

    def test_altered_quote(self, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(ALIGNMENT), press=["j", "j"], terminal_size=size)

    def test_divergent_filter(self, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(ALIGNMENT), press=["d", "n"], terminal_size=size)

    def test_entered_claim(self, snap_compare: Any, size: tuple[int, int]) -> None:
        """Enter on a claim: the claim view outlined, its second version highlighted,
        the status line saying where you are and the keys from there."""
        assert snap_compare(make_app(ALIGNMENT), press=["enter", "down"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
class TestViews:
    """The coverage matrix, the figure ledger and help."""

    def test_matrix(self, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(ALIGNMENT), press=["m", "right"], terminal_size=size)

    def test_ledger(self, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(ALIGNMENT), press=["f"], terminal_size=size)

    def test_help(self, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(ALIGNMENT), press=["question_mark"], terminal_size=size)

    def test_article(self, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(ALIGNMENT), press=["j", "a", "d"], terminal_size=size)
