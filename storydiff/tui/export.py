"""Markdown export from inside the TUI: the current claim, or the whole story.

The whole-story export uses ``storydiff.report.markdown.render_markdown`` when the report
package provides it, so the TUI and ``storydiff report`` agree; otherwise, and for a
single claim, it writes the small Markdown below. Article text is stripped of control
characters and escape sequences; Markdown itself is left as the outlet wrote it.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from storydiff.coverage.model import Alignment, Claim
from storydiff.coverage.omissions import OmissionRule, added_by, omitted_by
from storydiff.tui.render import printable
from storydiff.tui.view import coverage, members_by_article


def claim_markdown(alignment: Alignment, claim: Claim) -> str:
    """One claim as Markdown: each outlet's sentence, its divergences, who left it out."""
    outlets = {a.id: a for a in alignment.articles}
    lines = [
        f"## {printable(claim.id)}: {printable(claim.label)}",
        "",
        f"Stated by {coverage(claim)} of {len(alignment.articles)} outlets.",
        "",
    ]
    for article_id, members in members_by_article(claim).items():
        article = outlets.get(article_id)
        name = printable(article.outlet if article else article_id)
        date = printable(article.published or "date unknown") if article else "date unknown"
        marker = " (reference)" if article_id == claim.reference else ""
        lines.append(f"- **{name}**, {date}{marker}:")
        for member in members:
            lines.append(f"  > {printable(member.text)}")
        for quote in claim.quotes:
            if quote.article == article_id:
                lines.append(f"  - quote credited to: {printable(quote.speaker or 'nobody named')}")
        for divergence in claim.divergences:
            if article_id in divergence.articles:
                lines.append(f"  - {divergence.type.value}: {printable(divergence.detail)}")
    count = len(alignment.articles)
    omitted = omitted_by(claim, outlets=count, rule=OmissionRule.of(alignment))
    adder = added_by(claim, outlets=count)
    if omitted:
        names = ", ".join(printable(outlets[a].outlet if a in outlets else a) for a in omitted)
        lines += ["", f"Left out by: {names}."]
    elif adder is not None:
        lines += ["", f"Only {printable(outlets[adder].outlet if adder in outlets else adder)} "
                  "states this claim."]
    return "\n".join(lines) + "\n"


def story_markdown(alignment: Alignment) -> str:
    """The whole story as Markdown, via the report package when it is there."""
    try:
        report = importlib.import_module("storydiff.report.markdown")
    except ImportError:
        report = None
    render = getattr(report, "render_markdown", None)
    if callable(render):
        return str(render(alignment))
    title = next((a.title for a in alignment.articles if a.title), "storydiff story")
    outlets = ", ".join(printable(a.outlet) for a in alignment.articles)
    parts = [f"# {printable(title)}", "", f"Outlets: {outlets}.", ""]
    parts += [claim_markdown(alignment, claim) for claim in alignment.claims]
    return "\n".join(parts)


def export_path(alignment_path: Path | None, name: str) -> Path:
    """Where an export goes: beside the alignment file, else the current directory."""
    folder = alignment_path.parent if alignment_path is not None else Path.cwd()
    stem = alignment_path.stem if alignment_path is not None else "storydiff"
    return folder / f"{stem}{name}.md"
