"""Outlets: who rewrote whom, with the evidence, and how each outlet differs from the rest.

Two tabs. Derivations lists the alignment file's ranked links (source → derived, how
they relate, the score and how much evidence) with the highlighted link's summary and
evidence below; Enter opens its shared sentences side by side. Outlet profiles lists
each outlet's claims shared, added, omitted and altered, with its changed figures and
whom it credits below; Enter opens its article. Everything shown is read from the file.
"""

from __future__ import annotations

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from storydiff.coverage.model import (
    Alignment,
    Credit,
    Derivation,
    OutletProfile,
    PublicationOrder,
    SameOutlet,
    SharedSentence,
)
from storydiff.tui.messages import ArticleRequested, ClaimChosen
from storydiff.tui.render import plain, printable
from storydiff.tui.view import credits_in, links_of, outlet_labels, shared_sentences


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def _credit_line(credit: Credit, labels: dict[str, str]) -> Text:
    where = "a dropped line" if credit.sentence is None else f"sentence {credit.sentence}"
    line = Text(printable(f"{labels.get(credit.article, credit.article)} credits "))
    line.append(printable(credit.name), "bold")
    line.append(printable(f" ({credit.kind.value.replace('_', ' ')}, {where}): "))
    line.append(printable(credit.text))
    return line


def evidence_text(derivation: Derivation, labels: dict[str, str]) -> Text:
    """The highlighted link: its summary, figures, and every piece of evidence."""
    source = labels.get(derivation.source, derivation.source)
    derived = labels.get(derivation.derived, derivation.derived)
    text = Text()
    text.append(printable(derivation.summary), "bold")
    text.append("\n")
    text.append(
        printable(
            f"score {derivation.score:.2f} · {derivation.relation.value}"
            f" · order: {derivation.order.value}"
            f" · {_percent(derivation.derived_share)} of {derived} follows {source},"
            f" {_percent(derivation.source_share)} of {source} follows {derived}"
        )
    )
    if derivation.via is not None:
        text.append(printable(f" · through {labels.get(derivation.via, derivation.via)}"))
    for item in derivation.evidence:
        if isinstance(item, SameOutlet):
            text.append("\n" + printable(f"Same outlet: {item.outlet}"))
        elif isinstance(item, PublicationOrder):
            text.append(
                "\n" + printable(f"Published: {source} {item.source}, {derived} {item.derived}")
            )
    for credit in credits_in(derivation):
        text.append("\n")
        text.append_text(_credit_line(credit, labels))
    sentences = shared_sentences(derivation)
    closely = sum(s.closely for s in sentences)
    text.append("\n\n")
    text.append(
        f"{len(sentences)} shared sentence(s), {closely} closely"
        + (" · enter: side by side" if sentences else ""),
        "bold",
    )
    for shared in sentences:
        how = "closely" if shared.closely else "in part"
        claim = f" · {shared.claim}" if shared.claim else ""
        text.append("\n")
        text.append(
            printable(
                f"{derived} #{shared.derived.sentence} ← {source} #{shared.source.sentence}"
                f" ({how}, {_percent(shared.coverage)}{claim}): "
            )
        )
        text.append(printable(shared.derived.text))
    return text


def profile_text(alignment: Alignment, profile: OutletProfile, labels: dict[str, str]) -> Text:
    """One outlet's profile: counts, changed figures, credits, and its links."""
    text = Text()
    text.append(printable(labels.get(profile.article, profile.outlet)), "bold")
    text.append("\n")
    text.append(
        printable(
            f"claims: {len(profile.shared)} shared · {len(profile.added)} its own"
            f" · {len(profile.omitted)} left out · {len(profile.altered)} altered"
        )
    )
    text.append("\n\nFigures that differ from the others:", "bold")
    for change in profile.figures:
        text.append("\n  " + printable(f"{change.claim} {change.type.value}: {change.detail}"))
    if not profile.figures:
        text.append("\n  none")
    text.append("\n\nCredits:", "bold")
    for credit in profile.credits:
        text.append("\n  ")
        text.append_text(_credit_line(credit, labels))
        if credit.names:
            names = ", ".join(labels.get(a, a) for a in credit.names)
            text.append(printable(f" → {names}"))
    if not profile.credits:
        text.append("\n  none found")
    derived_from, derived_into = links_of(alignment, profile.article)
    text.append("\n\nWritten from:", "bold")
    for link in derived_from:
        text.append("\n  " + printable(f"{labels.get(link.source, link.source)}: {link.summary}"))
    if not derived_from:
        text.append("\n  no other text in the story")
    text.append("\n\nWritten from it:", "bold")
    for link in derived_into:
        text.append("\n  " + printable(f"{labels.get(link.derived, link.derived)}: {link.summary}"))
    if not derived_into:
        text.append("\n  no other text in the story")
    return text


class _RowTable(DataTable[Text]):
    """A row-cursor table of one alignment, with vim keys; rows are keyed by strings."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, alignment: Alignment, *, id: str) -> None:
        super().__init__(cursor_type="row", id=id)
        self.alignment = alignment
        self.labels = outlet_labels(alignment)

    def highlighted_key(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value


class DerivationTable(_RowTable):
    """One row per derivation, strongest first; row keys are indexes into provenance."""

    def __init__(self, alignment: Alignment) -> None:
        super().__init__(alignment, id="derivations")

    def on_mount(self) -> None:
        for label in ("#", "source", "derived", "relation", "score", "sentences", "credits"):
            self.add_column(Text(label), key=label)
        for n, derivation in enumerate(self.alignment.provenance):
            sentences = shared_sentences(derivation)
            closely = sum(s.closely for s in sentences)
            via = (
                f" via {self.labels.get(derivation.via, derivation.via)}" if derivation.via else ""
            )
            self.add_row(
                Text(str(n + 1)),
                plain(self.labels.get(derivation.source, derivation.source)),
                plain(self.labels.get(derivation.derived, derivation.derived)),
                plain(derivation.relation.value + via),
                Text(f"{derivation.score:.2f}"),
                Text(f"{len(sentences)} ({closely} closely)"),
                Text(str(len(credits_in(derivation)))),
                key=str(n),
            )

    def highlighted(self) -> Derivation | None:
        key = self.highlighted_key()
        return None if key is None else self.alignment.provenance[int(key)]


class ProfileTable(_RowTable):
    """One row per outlet profile; row keys are article ids."""

    def __init__(self, alignment: Alignment) -> None:
        super().__init__(alignment, id="profiles")

    def on_mount(self) -> None:
        for label in ("outlet", "shared", "own", "left out", "altered", "figures", "credits"):
            self.add_column(Text(label), key=label)
        for profile in self.alignment.outlets:
            self.add_row(
                plain(self.labels.get(profile.article, profile.outlet)),
                Text(str(len(profile.shared))),
                Text(str(len(profile.added))),
                Text(str(len(profile.omitted))),
                Text(str(len(profile.altered))),
                Text(str(len(profile.figures))),
                plain(", ".join(dict.fromkeys(c.name for c in profile.credits)) or "—"),
                key=profile.article,
            )

    def highlighted(self) -> OutletProfile | None:
        key = self.highlighted_key()
        return next((p for p in self.alignment.outlets if p.article == key), None)


class OutletsScreen(Screen[None]):
    """Ranked derivations and outlet profiles; Enter opens what the row is about."""

    BINDINGS = [
        Binding(
            "escape,p",
            "app.pop_screen",
            "Back",
            id="outlets-back",
            tooltip="Return to the claims list.",
        ),
        Binding(
            "d",
            "show_tab('tab-derivations')",
            "Derivations",
            id="outlets-derivations",
            tooltip="Who rewrote whom, strongest first, with the evidence.",
        ),
        Binding(
            "o",
            "show_tab('tab-profiles')",
            "Profiles",
            id="outlets-profiles",
            tooltip="What each outlet shares, adds, leaves out, alters and credits.",
        ),
    ]

    def __init__(self, alignment: Alignment) -> None:
        super().__init__()
        self.alignment = alignment
        self.labels = outlet_labels(alignment)

    def compose(self) -> ComposeResult:
        count = len(self.alignment.provenance)
        yield Static(
            Text(
                f"Outlets · {count} derivation(s) · d: derivations · o: outlet profiles"
                " · enter: open"
            ),
            id="outlets-legend",
        )
        with TabbedContent(id="outlets-tabs"):
            with TabPane("Derivations", id="tab-derivations"):
                yield DerivationTable(self.alignment)
                with VerticalScroll(id="derivation-evidence-box"):
                    yield Static(id="derivation-evidence", markup=False)
            with TabPane("Outlet profiles", id="tab-profiles"):
                yield ProfileTable(self.alignment)
                with VerticalScroll(id="profile-detail-box"):
                    yield Static(id="profile-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DerivationTable).focus()
        self._show_derivation()
        self._show_profile()

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        table = DerivationTable if tab == "tab-derivations" else ProfileTable
        self.query_one(table).focus()

    @on(DataTable.RowHighlighted, "#derivations")
    def _show_derivation(self) -> None:
        derivation = self.query_one(DerivationTable).highlighted()
        pane = self.query_one("#derivation-evidence", Static)
        if derivation is None:
            pane.update(
                Text(
                    "No derivations: no two texts share enough of their own words, and no"
                    " outlet has two texts here."
                    if self.alignment.outlets
                    else "This alignment file holds no provenance: re-run storydiff compare."
                )
            )
        else:
            pane.update(evidence_text(derivation, self.labels))

    @on(DataTable.RowHighlighted, "#profiles")
    def _show_profile(self) -> None:
        profile = self.query_one(ProfileTable).highlighted()
        pane = self.query_one("#profile-detail", Static)
        if profile is None:
            pane.update(Text("This alignment file holds no outlet profiles: re-run compare."))
        else:
            pane.update(profile_text(self.alignment, profile, self.labels))

    @on(DataTable.RowSelected, "#derivations")
    def _open_pairs(self) -> None:
        derivation = self.query_one(DerivationTable).highlighted()
        if derivation is None:
            return
        if not shared_sentences(derivation):
            self.notify("These two texts share no sentence closely.", markup=False)
            return
        self.app.push_screen(SharedSentencesScreen(derivation, self.labels))

    @on(DataTable.RowSelected, "#profiles")
    def _open_article(self) -> None:
        profile = self.query_one(ProfileTable).highlighted()
        if profile is not None:
            self.post_message(ArticleRequested(profile.article))


class SharedPairs(OptionList):
    """The shared sentences of one derivation, source beside derived; ids ``p<index>``."""

    COMPONENT_CLASSES = {"shared-pairs--run"}
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


def pair_options(
    derivation: Derivation, labels: dict[str, str], *, run_style: Style | str = ""
) -> list[Option]:
    """One option per shared sentence: a two-column grid, the shared runs styled."""
    options = []
    header = Table.grid(padding=(0, 2), expand=True)
    header.add_column(ratio=1)
    header.add_column(ratio=1)
    header.add_row(
        plain(labels.get(derivation.source, derivation.source)),
        plain(labels.get(derivation.derived, derivation.derived)),
    )
    options.append(Option(header, disabled=True))
    for n, shared in enumerate(shared_sentences(derivation)):
        grid = Table.grid(padding=(0, 2), expand=True)
        grid.add_column(ratio=1)
        grid.add_column(ratio=1)
        grid.add_row(
            _with_runs(shared.source.text, shared, run_style),
            _with_runs(shared.derived.text, shared, run_style),
        )
        options.append(Option(grid, id=f"p{n}"))
    return options


def _with_runs(sentence: str, shared: SharedSentence, style: Style | str) -> Text:
    # Here, not at the top: provenance brings in the aligner (scipy, rapidfuzz), over a
    # second and a half of start-up the TUI does not need until this screen opens.
    from storydiff.coverage.provenance import run_spans

    text = plain(sentence)
    for start, end in run_spans(text.plain, (printable(r) for r in shared.runs)):
        text.stylize(style, start, end)
    return text


class SharedSentencesScreen(Screen[None]):
    """A derivation's shared sentences side by side; Enter opens the pair's claim."""

    BINDINGS = [
        Binding(
            "escape",
            "app.pop_screen",
            "Back",
            id="pairs-back",
            tooltip="Return to the outlets screen.",
        ),
        Binding(
            "a",
            "open_derived",
            "Article",
            id="pairs-article",
            tooltip="Open the derived text's article at this sentence.",
        ),
    ]

    def __init__(self, derivation: Derivation, labels: dict[str, str]) -> None:
        super().__init__()
        self.derivation = derivation
        self.labels = labels

    def compose(self) -> ComposeResult:
        yield Static(
            Text(
                printable(self.derivation.summary)
                + " · shared runs highlighted · enter: open claim · a: open article"
            ),
            id="pairs-legend",
        )
        yield SharedPairs(id="pairs")
        yield Footer()

    def on_mount(self) -> None:
        pairs = self.query_one(SharedPairs)
        style = pairs.get_component_rich_style("shared-pairs--run", partial=True)
        pairs.add_options(pair_options(self.derivation, self.labels, run_style=style))
        pairs.highlighted = 1 if pairs.option_count > 1 else None
        pairs.focus()

    def _pair(self) -> SharedSentence | None:
        pairs = self.query_one(SharedPairs)
        if pairs.highlighted is None:
            return None
        option_id = pairs.get_option_at_index(pairs.highlighted).id or ""
        if not option_id.startswith("p"):
            return None
        return shared_sentences(self.derivation)[int(option_id[1:])]

    @on(OptionList.OptionSelected, "#pairs")
    def _open_claim(self) -> None:
        pair = self._pair()
        if pair is None:
            return
        if pair.claim is None:
            self.notify("The aligner put these two sentences in no claim together.", markup=False)
            return
        self.post_message(ClaimChosen(pair.claim))

    def action_open_derived(self) -> None:
        pair = self._pair()
        if pair is not None:
            self.post_message(ArticleRequested(pair.derived.article, pair.derived.sentence))
