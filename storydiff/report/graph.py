"""The derivation graph of the HTML report: an inline SVG, drawn from the alignment alone.

Texts are boxes in columns by how far down a chain they are: a source no other text
feeds is in the first column, a text written from it in the next, each level with the
texts it comes from. An arrow runs from source to derived, thicker for a higher score;
a link of unknown order is dashed and has no arrowhead, versions of one outlet are
blue, links through a third text dotted. The SVG is plain markup: no script, no font,
nothing fetched, so the report's Content-Security-Policy holds; every name is escaped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from storydiff.coverage.model import Alignment, Derivation, Order
from storydiff.report.common import clean_text

__all__ = ["GRAPH_CSS", "Node", "derivation_svg", "is_directed", "layout"]

NODE_WIDTH = 170
NODE_HEIGHT = 34
COLUMN_GAP = 90
ROW_GAP = 22
MARGIN = 16
LABEL_CHARS = 22


@dataclass(frozen=True, slots=True)
class Node:
    article: str
    label: str
    column: int
    row: int

    @property
    def x(self) -> int:
        return MARGIN + self.column * (NODE_WIDTH + COLUMN_GAP)

    @property
    def y(self) -> int:
        return MARGIN + self.row * (NODE_HEIGHT + ROW_GAP)


def is_directed(derivation: Derivation) -> bool:
    """The link says which text came first."""
    return derivation.order is not Order.UNKNOWN


def layout(alignment: Alignment, names: dict[str, str]) -> tuple[Node, ...]:
    """One node per article that has a link, in columns by depth along directed links."""
    linked = [
        a.id
        for a in alignment.articles
        if any(a.id in (d.source, d.derived) for d in alignment.provenance)
    ]
    depth = dict.fromkeys(linked, 0)
    # Longest path from a source; a cycle (which credits can make) stops after n rounds.
    # Links of unknown order are laid out source first too, but drawn without an arrow.
    for _ in range(len(linked)):
        changed = False
        for d in alignment.provenance:
            if depth[d.derived] < depth[d.source] + 1 <= len(linked):
                depth[d.derived] = depth[d.source] + 1
                changed = True
        if not changed:
            break
    # Column by column, each text sits level with the mean of the texts it comes from,
    # which keeps most arrows from crossing.
    row_of: dict[str, float] = {}
    nodes = []
    for column in sorted(set(depth.values())):
        here = [a for a in linked if depth[a] == column]

        def level(article: str) -> float:
            sources = [
                row_of[d.source]
                for d in alignment.provenance
                if d.derived == article and d.source in row_of
            ]
            return sum(sources) / len(sources) if sources else float(linked.index(article))

        for row, article in enumerate(sorted(here, key=lambda a: (level(a), linked.index(a)))):
            row_of[article] = row
            nodes.append(Node(article, names.get(article, article), column, row))
    return tuple(nodes)


def _short(label: str) -> str:
    label = clean_text(label)
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _edge(source: Node, derived: Node, derivation: Derivation) -> str:
    x1, y1 = source.x + NODE_WIDTH, source.y + NODE_HEIGHT // 2
    span = derived.column - source.column
    if span > 0:
        x2, y2 = derived.x, derived.y + NODE_HEIGHT // 2
        bend = (x2 - x1) // 2
        # A link that skips a column dips below the boxes in between.
        drop = 0 if span == 1 else NODE_HEIGHT + ROW_GAP
        path = f"M{x1},{y1} C{x1 + bend},{y1 + drop} {x2 - bend},{y2 + drop} {x2},{y2}"
        label_x, label_y = (x1 + x2) // 2, (y1 + y2) // 2 + drop * 3 // 4 - 4
    else:
        # Same column (or backwards): a loop out to the right and back.
        x2, y2 = derived.x + NODE_WIDTH, derived.y + NODE_HEIGHT // 2
        reach = COLUMN_GAP // 2 + 10 * abs(derived.row - source.row)
        path = f"M{x1},{y1} C{x1 + reach},{y1} {x2 + reach},{y2} {x2},{y2}"
        label_x, label_y = x1 + reach * 3 // 4, (y1 + y2) // 2
    classes = ["edge", derivation.relation.value]
    if not is_directed(derivation):
        classes.append("undirected")
    if derivation.via is not None:
        classes.append("via")
    width = 1 + round(3 * derivation.score, 1)
    marker = ' marker-end="url(#arrow)"' if is_directed(derivation) else ""
    title = html.escape(clean_text(derivation.summary), quote=True)
    return (
        f'<g class="{" ".join(classes)}"><title>{title}</title>'
        f'<path d="{path}" stroke-width="{width}" fill="none"{marker}/>'
        f'<text x="{label_x}" y="{label_y}" class="score">{derivation.score:.2f}</text></g>'
    )


def derivation_svg(alignment: Alignment, names: dict[str, str]) -> str:
    """The graph as an ``<svg>`` element, or "" when the story has no derivation."""
    nodes = layout(alignment, names)
    if not nodes:
        return ""
    by_id = {n.article: n for n in nodes}
    width = MARGIN * 2 + (max(n.column for n in nodes) + 1) * (NODE_WIDTH + COLUMN_GAP)
    height = MARGIN * 2 + (max(n.row for n in nodes) + 2) * (NODE_HEIGHT + ROW_GAP)
    edges = "".join(
        _edge(by_id[d.source], by_id[d.derived], d) for d in reversed(alignment.provenance)
    )
    boxes = "".join(
        f'<g class="node"><title>{html.escape(clean_text(n.label), quote=True)}</title>'
        f'<rect x="{n.x}" y="{n.y}" width="{NODE_WIDTH}" height="{NODE_HEIGHT}" rx="6"/>'
        f'<text x="{n.x + 8}" y="{n.y + NODE_HEIGHT // 2 + 5}">'
        f"{html.escape(_short(n.label))}</text></g>"
        for n in nodes
    )
    return (
        f'<svg class="derivations" xmlns="http://www.w3.org/2000/svg" role="img"'
        f' aria-label="Derivation graph: arrows run from a source to the text written from it"'
        f' width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10"'
        ' markerHeight="10" markerUnits="userSpaceOnUse" orient="auto">'
        '<path d="M0,0 L10,5 L0,10 z"/></marker>'
        f"</defs>{edges}{boxes}</svg>"
    )


GRAPH_CSS = """
svg.derivations { max-width: 100%; height: auto; font-family: system-ui, sans-serif;
  font-size: 13px; }
svg.derivations .node rect { fill: #f9fafb; stroke: #475467; }
svg.derivations .node text { fill: var(--ink); }
svg.derivations .edge path { stroke: #1d2939; }
svg.derivations .edge.undirected path { stroke: #b54708; stroke-dasharray: 6 4; }
svg.derivations .edge.version path { stroke: #175cd3; }
svg.derivations .edge.via path { stroke: #98a2b3; stroke-dasharray: 2 4; }
svg.derivations .edge .score { fill: var(--muted); font-size: 11px; }
svg.derivations marker path { fill: #1d2939; }
"""
"""Styles for the graph, added to the report's one inline stylesheet."""
