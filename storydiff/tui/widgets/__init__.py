"""Widgets of the TUI, one per module: the claims table and the outlet versions."""
