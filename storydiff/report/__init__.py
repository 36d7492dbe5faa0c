"""Reports of an alignment: Markdown, HTML, CSV and JSON, each a pure ``Alignment -> str``.

Renderers read only the alignment file's content and never recompute what it holds,
so a report reproduces from the file alone. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from storydiff.coverage.model import Alignment
from storydiff.coverage.store import dumps_alignment
from storydiff.report.csv import render_csv
from storydiff.report.html import render_html
from storydiff.report.markdown import render_markdown

ReportFormat = Literal["md", "html", "csv", "json"]

FORMATS: tuple[str, ...] = ("md", "html", "csv", "json")
EXTENSIONS = {"md": "md", "html": "html", "csv": "csv", "json": "json"}


def render(alignment: Alignment, report_format: str, *, rows: str = "divergences") -> str:
    """The report in ``report_format`` (``md``, ``html``, ``csv`` or ``json``)."""
    renderers: dict[str, Callable[[Alignment], str]] = {
        "md": render_markdown,
        "html": render_html,
        "csv": lambda a: render_csv(a, rows="claims" if rows == "claims" else "divergences"),
        "json": dumps_alignment,
    }
    try:
        renderer = renderers[report_format]
    except KeyError:
        raise ValueError(f"unknown report format {report_format!r}") from None
    return renderer(alignment)


__all__ = ["FORMATS", "render", "render_csv", "render_html", "render_markdown"]
