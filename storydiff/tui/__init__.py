"""The terminal UI: a thin reader of one alignment file (``storydiff tui``).

Import ``storydiff.tui.app.make_app`` to build the app; nothing here is imported by the
analysis core, and Textual loads only when this package does.
"""
