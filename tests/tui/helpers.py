"""Shared bits of the TUI tests: the fixed alignment file and reading the screen as text."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

ALIGNMENT = Path(__file__).resolve().parents[1] / "data" / "tui_alignment.json"
"""A hand-made four-outlet story (our own words) with every kind of divergence."""


def screen_lines(app: App[object]) -> list[str]:
    """What the terminal would show, one string per line (segments' text, no styles)."""
    # the compositor is private, but it is exactly what reaches the terminal
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app: App[object]) -> str:
    """The whole screen as one string."""
    return "\n".join(screen_lines(app))
