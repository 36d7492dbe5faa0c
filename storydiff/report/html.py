"""The HTML report: one self-contained, printable page a reader can open or mail as a file.

The page needs nothing but itself: CSS is inline, there is no script, no font, no
image. Article text is hostile, so every piece of it goes through ``_e`` (control
characters stripped, then ``html.escape``), links are only written for ``http``/
``https`` URLs, and a Content-Security-Policy forbids loading or running anything, so
that even an escaping bug could not fetch or execute. The colour language is fixed:
deleted words red and struck through, inserted green, changed amber, numbers bold,
quoted words italic; the heat map also marks cells with a symbol for print and for
readers who do not see colour.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from storydiff.coverage.model import (
    Alignment,
    Credit,
    Derivation,
    DiffOp,
    Figure,
    Member,
    PublicationOrder,
    SharedSentence,
)
from storydiff.coverage.numbers import readable_value
from storydiff.coverage.omissions import Silence, silences
from storydiff.coverage.provenance import run_spans
from storydiff.coverage.versions import evidence_elsewhere
from storydiff.report.common import (
    clean_text,
    coverage_state,
    credit_how,
    credit_names,
    departing_types,
    divergence_entries,
    is_rewritten,
    link_names,
    outlet_names,
    outlet_pairs,
    shown_members,
    stating_articles,
    summarise,
)
from storydiff.report.graph import GRAPH_CSS, derivation_svg

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
)
"""Nothing may load, run or submit; only the inline stylesheet applies."""

_TOKEN = re.compile(r"(?P<quote>[\"“”«»„])|(?P<number>[$€£]?\d(?:[\d,.]*\d)?%?)")
_OPENING_QUOTES = frozenset("“«„")
_CLOSING_QUOTES = frozenset("”»")
_CELL_SYMBOL = {
    "reference": "★", "present": "●", "altered": "◆", "missing": "○", "absent": "·",
}
_LABEL_CHARS = 90

_CSS = """
:root { --del: #b42318; --ins: #067647; --chg: #b54708; --ink: #1d2939; --muted: #667085;
  --line: #d0d5dd; --present: #d1fadf; --altered: #fedf89; --missing: #f2f4f7;
  --reference: #a6f4c5; --absent: #ffffff; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  max-width: 1120px; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem;
  border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
nav a { margin-right: 1rem; } .muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
th { background: #f9fafb; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.stats { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
.stat { border: 1px solid var(--line); border-radius: 8px; padding: .5rem 1rem; min-width: 9rem; }
.stat b { display: block; font-size: 1.5rem; }
.badge { display: inline-block; border-radius: 4px; padding: 0 .4rem; font-size: .8rem;
  background: #fef0c7; color: #7a2e0e; white-space: nowrap; }
.badge.reference { background: #d1e9ff; color: #194185; }
del.del { color: var(--del); text-decoration: line-through; }
ins.ins { color: var(--ins); text-decoration: none; background: #ecfdf3; }
del.chg { color: var(--chg); text-decoration: line-through; }
ins.chg { color: var(--chg); text-decoration: none; background: #fffaeb; font-weight: 600; }
.claim { border: 1px solid var(--line); border-radius: 8px; padding: .6rem 1rem; margin: 1rem 0; }
.claim h3 { margin: 0 0 .3rem; font-size: 1rem; } .claim ul { padding-left: 1.2rem; }
.member { margin: .3rem 0; } .outlet { font-weight: 600; }
.missing-list { color: var(--muted); }
table.heat td.cell { text-align: center; width: 7.5rem; white-space: nowrap; }
td.reference { background: var(--reference); } td.present { background: var(--present); }
td.altered { background: var(--altered); } td.missing { background: var(--missing);
  color: var(--del); } td.absent { color: var(--muted); }
.legend span { display: inline-block; padding: 0 .5rem; margin-right: .4rem; border-radius: 4px; }
mark.run { background: #fef0c7; color: inherit; padding: 0 .1rem; }
details.derivation { border: 1px solid var(--line); border-radius: 8px; padding: .4rem 1rem;
  margin: .6rem 0; } details.derivation summary { cursor: pointer; font-weight: 600; }
table.pairs td { width: 50%; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; } nav { display: none; }
  .claim, tr { break-inside: avoid; } h2 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; color: var(--muted); }
}
"""


def _e(text: str | None) -> str:
    """Untrusted text as inert HTML: control characters dropped, then escaped."""
    return html.escape(clean_text(text), quote=True)


def safe_url(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) address a reader may follow, else None.

    >>> safe_url("javascript:alert(1)") is None, safe_url("https://a.example/x")
    (True, 'https://a.example/x')
    """
    if not url or clean_text(url) != url or any(ch.isspace() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def render_html(alignment: Alignment) -> str:
    """The whole report as one HTML document."""
    summary = summarise(alignment)
    names = outlet_names(alignment)
    body = "\n".join(
        [
            f"<header><h1>Coverage report: {_e(summary.name)}</h1>"
            f'<p class="muted">Alignment created {_e(alignment.created)} · '
            f"{len(alignment.articles)} outlets</p></header>",
            '<nav><a href="#summary">Summary</a><a href="#divergences">Divergences</a>'
            '<a href="#coverage">Coverage</a><a href="#claims">Claims</a>'
            '<a href="#figures">Figures</a><a href="#similarity">Similarity</a>'
            '<a href="#provenance">Provenance</a><a href="#outlets">Outlets</a></nav>',
            _summary_section(alignment, names),
            _divergence_section(alignment, names),
            _coverage_section(alignment, names),
            _claims_section(alignment, names),
            _figures_section(alignment, names),
            _similarity_section(alignment, names),
            _provenance_section(alignment),
            _outlets_section(alignment),
        ]
    )
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Coverage report: {_e(summary.name)}</title>\n"
        f"<style>{_CSS}{GRAPH_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _summary_section(alignment: Alignment, names: dict[str, str]) -> str:
    summary = summarise(alignment)
    tallies = {t.article: t for t in summary.outlets}
    rows = []
    for article in alignment.articles:
        title = _e(article.title) or "—"
        url = safe_url(article.url)
        if url:
            href = html.escape(url, quote=True)
            title = f'<a href="{href}" rel="noopener noreferrer">{title}</a>'
        tally = tallies[article.id]
        counts = "".join(
            f'<td class="num">{n}</td>'
            for n in (len(article.sentences), tally.states, tally.adds, tally.omits)
        )
        rows.append(
            f'<tr><td class="outlet" title="{_e(article.outlet)}">{_e(names[article.id])}</td>'
            f"<td>{_e(article.published) or '—'}</td><td>{title}</td>{counts}</tr>"
        )
    stats = (
        ("Claims", summary.claims),
        ("Shared by 2+ outlets", summary.shared_claims),
        ("Divergences", summary.divergences),
        ("Claims some outlet omits", summary.omissions),
        ("Claims only one outlet states", summary.additions),
    )
    stat_html = "".join(f'<div class="stat"><b>{n}</b>{label}</div>' for label, n in stats)
    return (
        '<section id="summary"><h2>Summary</h2>'
        f'<div class="stats">{stat_html}</div>'
        f'<p class="muted">An outlet omits a claim only where the claim is '
        f"{_e(summary.omission_rule)}; a claim one outlet alone states is its addition.</p>"
        "<table><thead><tr><th>Outlet</th><th>Published</th><th>Title</th><th>Sentences</th>"
        "<th>Claims</th><th>Only this outlet</th><th>Omits</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _divergence_section(alignment: Alignment, names: dict[str, str]) -> str:
    entries = divergence_entries(alignment)
    if not entries:
        table = "<p>No divergences: every outlet that states a claim agrees with the reference.</p>"
    else:
        rows = "".join(
            f'<tr><td><a href="#claim-{_e(claim.id)}">{_e(claim.id)}</a></td>'
            f'<td><span class="badge">{_e(d.type.value)}</span></td>'
            f"<td>{', '.join(_e(names.get(a, a)) for a in d.articles)}</td>"
            f"<td>{_e(names.get(d.reference, d.reference))}</td><td>{_e(d.detail)}</td>"
            f"<td>{d.confidence:.2f}</td></tr>"
            for claim, d in entries
        )
        table = (
            "<table><thead><tr><th>Claim</th><th>Type</th><th>Departing outlets</th>"
            "<th>Reference</th><th>Detail</th><th>Confidence</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
    return f'<section id="divergences"><h2>Divergences</h2>{table}</section>'


def _coverage_section(alignment: Alignment, names: dict[str, str]) -> str:
    head = "".join(f"<th>{_e(names[a.id])}</th>" for a in alignment.articles)
    rows = []
    for silence in silences(alignment):
        claim = silence.claim
        cells = []
        for article in alignment.articles:
            state = coverage_state(claim, article.id, omitted_by=silence.omitted_by)
            cells.append(
                f'<td class="cell {state}" title="{state}">{_CELL_SYMBOL[state]} {state}</td>'
            )
        rows.append(
            f'<tr><td><a href="#claim-{_e(claim.id)}">{_e(claim.id)}</a> '
            f'<span class="muted">{_e(_shorten(claim.label))}</span></td>{"".join(cells)}</tr>'
        )
    legend = "".join(
        f'<span class="{state}" style="background: var(--{state})">{symbol} {state}</span>'
        for state, symbol in _CELL_SYMBOL.items()
    )
    return (
        '<section id="coverage"><h2>Coverage matrix</h2>'
        f'<p class="legend">{legend}</p>'
        f'<table class="heat"><thead><tr><th>Claim</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _shorten(text: str) -> str:
    text = clean_text(text)
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1].rstrip() + "…"


def _claims_section(alignment: Alignment, names: dict[str, str]) -> str:
    return (
        '<section id="claims"><h2>Claims</h2>'
        + "".join(_claim_html(silence, names) for silence in silences(alignment))
        + "</section>"
    )


def _claim_html(silence: Silence, names: dict[str, str]) -> str:
    claim = silence.claim
    badges = "".join(f' <span class="badge">{_e(d.type.value)}</span>' for d in claim.divergences)
    details = "".join(
        f"<li><b>{_e(d.type.value)}</b>: {_e(d.detail)}"
        f' <span class="muted">(confidence {d.confidence:.2f})</span>'
        + "".join(
            f'<p class="member elsewhere">elsewhere, <span class="outlet">'
            f"{_e(names.get(e.article, e.article))}</span>: {_e(e.text)}</p>"
            for e in evidence_elsewhere(claim, d)
        )
        + "</li>"
        for d in claim.divergences
    )
    members = []
    for article_id in stating_articles(claim):
        marks = ""
        if article_id == claim.reference:
            marks += ' <span class="badge reference">reference</span>'
        marks += "".join(
            f' <span class="badge">{_e(t.value)}</span>' for t in departing_types(claim, article_id)
        )
        rewrite = is_rewritten(claim, article_id)
        text = " ".join(
            member_html(m, rewrite=rewrite) for m in shown_members(claim, article_id)
        )
        members.append(
            f'<p class="member"><span class="outlet">{_e(names.get(article_id, article_id))}'
            f"</span>{marks}: {text}</p>"
        )
    missing = ""
    if silence.omitted_by:
        missing = (
            '<p class="missing-list">Left out by: '
            + ", ".join(_e(names.get(a, a)) for a in silence.omitted_by)
            + "</p>"
        )
    elif silence.added_by is not None:
        missing = (
            f'<p class="muted">Only {_e(names.get(silence.added_by, silence.added_by))} '
            "states this claim.</p>"
        )
    return (
        f'<article class="claim" id="claim-{_e(claim.id)}"><h3>{_e(claim.id)}{badges}</h3>'
        f'<p class="muted">{_e(claim.label)}</p>'
        + (f"<ul>{details}</ul>" if details else "")
        + "".join(members)
        + missing
        + "</article>"
    )


def member_html(member: Member, *, rewrite: bool = False) -> str:
    """One member's words, diffed against the reference, numbers bold and quotes italic.

    In a ``rewrite`` the reference words the outlet dropped are left out."""
    if not member.diff:
        return _emphasise(member.text, inside_quote=False)[0]
    parts: list[str] = []
    in_text_quote = in_reference_quote = False
    for chunk in member.diff:
        if chunk.op is DiffOp.EQUAL:
            shown, in_text_quote = _emphasise(chunk.text, inside_quote=in_text_quote)
            _, in_reference_quote = _emphasise(chunk.reference, inside_quote=in_reference_quote)
            parts.append(shown)
            continue
        style = "chg" if chunk.op is DiffOp.REPLACE else None
        if chunk.reference.strip():
            old, in_reference_quote = _emphasise(chunk.reference, inside_quote=in_reference_quote)
            if not rewrite:
                parts.append(f'<del class="{style or "del"}">{old}</del>')
        if chunk.text.strip():
            new, in_text_quote = _emphasise(chunk.text, inside_quote=in_text_quote)
            parts.append(f'<ins class="{style or "ins"}">{new}</ins>')
    return " ".join(parts)


def _emphasise(text: str, *, inside_quote: bool) -> tuple[str, bool]:
    """Escaped ``text`` with numbers in <b> and quoted words in <i>; returns the quote state.

    Each call closes what it opens, so the result nests inside any <del>/<ins>.
    """
    text = clean_text(text)
    out = ["<i>"] if inside_quote else []
    position = 0
    for match in _TOKEN.finditer(text):
        out.append(html.escape(text[position : match.start()]))
        position = match.end()
        token = html.escape(match.group())
        if match.group("number"):
            out.append(f"<b>{token}</b>")
            continue
        mark = match.group()
        opening = mark in _OPENING_QUOTES or (mark not in _CLOSING_QUOTES and not inside_quote)
        if opening and not inside_quote:
            out.append(f"<i>{token}")
            inside_quote = True
        elif not opening and inside_quote:
            out.append(f"{token}</i>")
            inside_quote = False
        else:
            out.append(token)
    out.append(html.escape(text[position:]))
    if inside_quote:
        out.append("</i>")
    return "".join(out), inside_quote


def _figures_section(alignment: Alignment, names: dict[str, str]) -> str:
    if not alignment.figures:
        return '<section id="figures"><h2>Figure ledger</h2><p>No figures.</p></section>'
    rows = "".join(_figure_row(figure, names) for figure in alignment.figures)
    return (
        '<section id="figures"><h2>Figure ledger</h2>'
        '<p class="muted">Every number in the story, wherever it appears. '
        "Rows marked ◆ carry the value with different hedges or subjects.</p>"
        "<table><thead><tr><th>Value</th><th>Kind</th><th>Mentions</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )


def _figure_row(figure: Figure, names: dict[str, str]) -> str:
    varies = (
        len({m.qualifier for m in figure.mentions}) > 1
        or len({(m.subject or "").lower() for m in figure.mentions}) > 1
    )
    mentions = []
    for m in figure.mentions:
        extra = [x for x in (m.qualifier, m.subject) if x]
        claim = f' <a href="#claim-{_e(m.claim)}">{_e(m.claim)}</a>' if m.claim else ""
        mentions.append(
            f"<li><span class=\"outlet\">{_e(names.get(m.article, m.article))}</span>: "
            f"<b>{_e(m.surface)}</b>"
            + (f" <span class=\"muted\">({_e('; '.join(extra))})</span>" if extra else "")
            + f"{claim}</li>"
        )
    marker = " ◆" if varies else ""
    return (
        f"<tr><td><b>{_e(readable_value(figure.value))}</b>{marker}</td><td>{_e(figure.kind.value)}</td>"
        f"<td><ul>{''.join(mentions)}</ul></td></tr>"
    )


def _similarity_section(alignment: Alignment, names: dict[str, str]) -> str:
    pairs = outlet_pairs(alignment)
    if not pairs:
        return (
            '<section id="similarity"><h2>Outlet similarity</h2><p>One outlet only.</p></section>'
        )
    rows = "".join(
        f"<tr><td>{_e(names[p.left])}</td><td>{_e(names[p.right])}</td>"
        f'<td class="num">{p.shared} of {p.either}</td>'
        f'<td class="num">{p.shared_share:.0%}</td>'
        f'<td class="num">{"—" if p.mean_score is None else f"{p.mean_score:.2f}"}</td></tr>'
        for p in pairs
    )
    return (
        '<section id="similarity"><h2>Outlet similarity</h2>'
        '<p class="muted">Claims both outlets state, out of those either states; and the mean '
        "similarity to the reference wording of their members in those shared claims.</p>"
        "<table><thead><tr><th>Outlet</th><th>Outlet</th><th>Claims both state</th>"
        "<th>Share</th><th>Mean member score</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )


def _provenance_section(alignment: Alignment) -> str:
    names = link_names(alignment)
    head = '<section id="provenance"><h2>Provenance</h2>'
    if not alignment.provenance:
        return (
            f"{head}<p>No derivations: no two texts share enough of their own words, and no"
            " outlet has two texts in the story.</p></section>"
        )
    rows = "".join(
        f'<tr><td class="num">{n}</td><td>{_e(names.get(d.source, d.source))}</td>'
        f"<td>{_e(names.get(d.derived, d.derived))}</td><td>{_e(_relation(d, names))}</td>"
        f'<td class="num">{d.score:.2f}</td><td>{_e(d.summary)}</td></tr>'
        for n, d in enumerate(alignment.provenance, start=1)
    )
    return (
        f"{head}<p class=\"muted\">Who rewrote whom, strongest first: runs of five words or more"
        " that two texts share (quotations and names aside), credits and publication dates."
        " Arrows run from the source to the text written from it; dashed: order unknown;"
        " dotted: through a third text; blue: versions of one outlet.</p>"
        f"<figure>{derivation_svg(alignment, names)}</figure>"
        "<table><thead><tr><th>#</th><th>Source</th><th>Derived</th><th>Relation</th>"
        f"<th>Score</th><th>Summary</th></tr></thead><tbody>{rows}</tbody></table>"
        + "".join(_derivation_details(d, names) for d in alignment.provenance)
        + "</section>"
    )


def _relation(derivation: Derivation, names: dict[str, str]) -> str:
    via = f" via {names.get(derivation.via, derivation.via)}" if derivation.via else ""
    return f"{derivation.relation.value} ({derivation.order.value}){via}"


def _derivation_details(derivation: Derivation, names: dict[str, str]) -> str:
    source = _e(names.get(derivation.source, derivation.source))
    derived = _e(names.get(derivation.derived, derivation.derived))
    items = []
    for e in derivation.evidence:
        if isinstance(e, Credit):
            items.append(
                f"<li>{_e(names.get(e.article, e.article))} credits <b>{_e(e.name)}</b> "
                f"({_e(credit_how(e))}): {_e(e.text)}</li>"
            )
        elif isinstance(e, PublicationOrder):
            items.append(f"<li>Published: {source} {_e(e.source)}, {derived} {_e(e.derived)}</li>")
    pairs = [e for e in derivation.evidence if isinstance(e, SharedSentence)]
    rows = "".join(
        f'<tr><td><span class="muted">#{p.source.sentence}</span> {_marked(p.source.text, p)}</td>'
        f'<td><span class="muted">#{p.derived.sentence} · '
        f'{"closely" if p.closely else "in part"} {p.coverage:.0%}</span> '
        f"{_marked(p.derived.text, p)}</td></tr>"
        for p in pairs
    )
    table = (
        f'<table class="pairs"><thead><tr><th>{source}</th><th>{derived}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        if pairs
        else "<p>They share no sentence closely.</p>"
    )
    return (
        f'<details class="derivation"><summary>{derived} ← {source}: '
        f"{len(pairs)} shared sentence(s)</summary>"
        + (f"<ul>{''.join(items)}</ul>" if items else "")
        + table
        + "</details>"
    )


def _marked(sentence: str, pair: SharedSentence) -> str:
    """The sentence escaped, with the runs it shares in <mark>."""
    text = clean_text(sentence)
    out, position = [], 0
    for start, end in run_spans(text, (clean_text(r) for r in pair.runs)):
        out.append(html.escape(text[position:start]))
        out.append(f'<mark class="run">{html.escape(text[start:end])}</mark>')
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out)


def _outlets_section(alignment: Alignment) -> str:
    names = link_names(alignment)
    head = '<section id="outlets"><h2>Outlets</h2>'
    if not alignment.outlets:
        return f"{head}<p>This alignment file holds no outlet profiles.</p></section>"
    rows = []
    for p in alignment.outlets:
        figures = "".join(
            f'<li><a href="#claim-{_e(f.claim)}">{_e(f.claim)}</a> {_e(f.type.value)}: '
            f"{_e(f.detail)}</li>"
            for f in p.figures
        )
        credits = "".join(f"<li>{_e(c)}</li>" for c in credit_names(p.credits))
        rows.append(
            f'<tr><td class="outlet">{_e(names.get(p.article, p.outlet))}</td>'
            f'<td class="num">{len(p.shared)}</td><td class="num">{len(p.added)}</td>'
            f'<td class="num">{len(p.omitted)}</td><td class="num">{len(p.altered)}</td>'
            f"<td>{f'<ul>{figures}</ul>' if figures else '—'}</td>"
            f"<td>{f'<ul>{credits}</ul>' if credits else '—'}</td></tr>"
        )
    return (
        f'{head}<p class="muted">What each outlet shares with others, states alone, leaves out'
        " (claims two or more others state) and alters; its figures that differ from the"
        " others; whom it credits.</p>"
        "<table><thead><tr><th>Outlet</th><th>Shared</th><th>Own</th><th>Left out</th>"
        "<th>Altered</th><th>Figures that differ</th><th>Credits</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )
