"""The Markdown report: a summary, a table of divergences, then every claim outlet by outlet.

Article text goes through ``md_text``, which escapes every character that inline
Markdown or embedded HTML would interpret (``<``, ``&``, ``|``, ``[``, ``*``, ``_``,
backticks, ``~``, ``\\``), so an article cannot add links, images, emphasis, table
cells or HTML to the rendered page. Block syntax needs no escaping because every line
starts with text this module writes. Diffs show ~~deleted~~ and **inserted** words.
"""

from __future__ import annotations

from storydiff.coverage.model import (
    Alignment,
    Credit,
    Derivation,
    DiffOp,
    Member,
    PublicationOrder,
    SharedSentence,
)
from storydiff.coverage.omissions import Silence, silences
from storydiff.coverage.versions import evidence_elsewhere
from storydiff.report.common import (
    clean_text,
    credit_how,
    credit_names,
    departing_types,
    divergence_entries,
    is_rewritten,
    link_names,
    outlet_names,
    shown_members,
    stating_articles,
    summarise,
)

_HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_BACKSLASHED = frozenset("\\`*_[]|~{}")


def md_text(text: str | None) -> str:
    """Article (or any untrusted) text as inert inline Markdown on one line.

    >>> md_text("<b>[x](y)</b> | *z*")
    '&lt;b&gt;\\\\[x\\\\](y)&lt;/b&gt; \\\\| \\\\*z\\\\*'
    """
    out = []
    for ch in clean_text(text):
        if ch in _HTML_ENTITIES:
            out.append(_HTML_ENTITIES[ch])
        elif ch in _BACKSLASHED:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def render_markdown(alignment: Alignment) -> str:
    """The whole report as GitHub-flavoured Markdown."""
    lines: list[str] = []
    lines += _summary(alignment)
    lines += _divergence_table(alignment)
    lines += _provenance(alignment)
    lines += _outlets(alignment)
    lines += ["## Claims", ""]
    names = outlet_names(alignment)
    for silence in silences(alignment):
        lines += _claim_section(silence, names)
    return "\n".join(lines).rstrip("\n") + "\n"


def _summary(alignment: Alignment) -> list[str]:
    summary = summarise(alignment)
    names = outlet_names(alignment)
    tallies = {t.article: t for t in summary.outlets}
    lines = [f"# Coverage report: {md_text(summary.name)}", ""]
    lines += [
        "| Outlet | Published | Title | Sentences | Claims | Only this outlet | Omits |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for article in summary.articles:
        tally = tallies[article.id]
        lines.append(
            f"| {md_text(names[article.id])} | {md_text(article.published) or '—'} "
            f"| {md_text(article.title) or '—'} | {len(article.sentences)} "
            f"| {tally.states} | {tally.adds} | {tally.omits} |"
        )
    lines += [
        "",
        f"- **Claims:** {summary.claims}",
        f"- **Shared by two or more outlets:** {summary.shared_claims}",
        f"- **Divergences:** {summary.divergences}",
        f"- **Claims some outlet omits:** {summary.omissions} (counted where the claim is "
        f"{summary.omission_rule})",
        f"- **Claims only one outlet states:** {summary.additions} (its additions)",
        "",
    ]
    return lines


def _divergence_table(alignment: Alignment) -> list[str]:
    names = outlet_names(alignment)
    entries = divergence_entries(alignment)
    lines = ["## Divergences", ""]
    if not entries:
        return [*lines, "No divergences: every outlet stating a claim agrees.", ""]
    lines += [
        "| Claim | Type | Outlets | Reference | Detail | Confidence |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for claim, divergence in entries:
        outlets = ", ".join(md_text(names.get(a, a)) for a in divergence.articles)
        lines.append(
            f"| [{md_text(claim.id)}](#claim-{_anchor(claim.id)}) | {divergence.type.value} "
            f"| {outlets} | {md_text(names.get(divergence.reference, divergence.reference))} "
            f"| {md_text(divergence.detail)} | {divergence.confidence:.2f} |"
        )
    return [*lines, ""]


def _anchor(claim_id: str) -> str:
    return "".join(ch for ch in claim_id.lower() if ch.isalnum() or ch in "-_")


def _claim_section(silence: Silence, names: dict[str, str]) -> list[str]:
    claim = silence.claim
    lines = [f"### Claim {md_text(claim.id)}", "", f"> {md_text(claim.label)}", ""]
    for divergence in claim.divergences:
        lines.append(
            f"- ⚠ `{divergence.type.value}`: {md_text(divergence.detail)}"
            f" (confidence {divergence.confidence:.2f})"
        )
        for e in evidence_elsewhere(claim, divergence):
            lines.append(f"  - elsewhere, {md_text(names.get(e.article, e.article))}: "
                         f"{md_text(e.text)}")
    if claim.divergences:
        lines.append("")
    for article_id in stating_articles(claim):
        marks = []
        if article_id == claim.reference:
            marks.append("reference")
        marks += [t.value for t in departing_types(claim, article_id)]
        note = f" _({', '.join(marks)})_" if marks else ""
        rewrite = is_rewritten(claim, article_id)
        text = " ".join(
            _member_markdown(m, rewrite=rewrite) for m in shown_members(claim, article_id)
        )
        lines.append(f"- **{md_text(names.get(article_id, article_id))}**{note}: {text}")
    if silence.omitted_by:
        missing = ", ".join(md_text(names.get(a, a)) for a in silence.omitted_by)
        lines.append(f"- _Left out by:_ {missing}")
    elif silence.added_by is not None:
        lines.append(f"- _Only {md_text(names.get(silence.added_by, silence.added_by))} "
                     "states this claim._")
    return [*lines, ""]


def _member_markdown(member: Member, *, rewrite: bool = False) -> str:
    """The member's words with the diff against the reference marked inline; in a
    ``rewrite`` the reference words the outlet dropped are left out."""
    if not member.diff:
        return md_text(member.text)
    parts = []
    for chunk in member.diff:
        if chunk.op is DiffOp.EQUAL:
            parts.append(md_text(chunk.text))
            continue
        if chunk.reference.strip() and not rewrite:
            parts.append(f"~~{md_text(chunk.reference)}~~")
        if chunk.text.strip():
            parts.append(f"**{md_text(chunk.text)}**")
    return " ".join(p for p in parts if p)


def _provenance(alignment: Alignment) -> list[str]:
    names = link_names(alignment)
    lines = ["## Provenance", ""]
    if not alignment.provenance:
        return [
            *lines,
            "No derivations: no two texts share enough of their own words, and no outlet"
            " has two texts in the story.",
            "",
        ]
    for n, derivation in enumerate(alignment.provenance, start=1):
        lines.append(
            f"{n}. **{md_text(names.get(derivation.derived, derivation.derived))}** ← "
            f"**{md_text(names.get(derivation.source, derivation.source))}** "
            f"({derivation.relation.value}, {derivation.order.value}, score "
            f"{derivation.score:.2f}): {md_text(derivation.summary)}"
        )
        lines += [f"   - {line}" for line in _evidence_lines(derivation, names)]
    return [*lines, ""]


def _evidence_lines(derivation: Derivation, names: dict[str, str]) -> list[str]:
    lines = []
    for e in derivation.evidence:
        if isinstance(e, Credit):
            lines.append(
                f"credit: {md_text(names.get(e.article, e.article))} credits "
                f"**{md_text(e.name)}** ({credit_how(e)}): {md_text(e.text)}"
            )
        elif isinstance(e, PublicationOrder):
            lines.append(
                f"published: {md_text(names.get(derivation.source, derivation.source))} "
                f"{md_text(e.source)}, {md_text(names.get(derivation.derived, derivation.derived))}"
                f" {md_text(e.derived)}"
            )
        elif isinstance(e, SharedSentence):
            how = "closely" if e.closely else "in part"
            lines.append(
                f"sentence {e.derived.sentence} ← {e.source.sentence} ({how}, "
                f"{e.coverage:.0%}): {md_text(e.derived.text)} ⟵ {md_text(e.source.text)}"
            )
    return lines


def _outlets(alignment: Alignment) -> list[str]:
    names = link_names(alignment)
    lines = ["## Outlets", ""]
    if not alignment.outlets:
        return [*lines, "This alignment file holds no outlet profiles.", ""]
    lines += [
        "| Outlet | Shared | Own | Left out | Altered | Figures that differ | Credits |",
        "| --- | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for p in alignment.outlets:
        figures = "; ".join(
            f"{md_text(f.claim)} {f.type.value}: {md_text(f.detail)}" for f in p.figures
        )
        credits = ", ".join(md_text(c) for c in credit_names(p.credits))
        lines.append(
            f"| {md_text(names.get(p.article, p.outlet))} | {len(p.shared)} | {len(p.added)} "
            f"| {len(p.omitted)} | {len(p.altered)} | {figures or '—'} | {credits or '—'} |"
        )
    return [*lines, ""]
