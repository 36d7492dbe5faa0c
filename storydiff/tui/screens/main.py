"""The main screen: the claims list beside (or above) the claim view, with filters and search.

The screen holds no state of its own: it watches the App's reactives (selected claim,
filter, sort order) and redraws the list and the detail pane from the immutable
alignment. Key bindings here only change those reactives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Input, LoadingIndicator, Static

from storydiff.coverage.model import Alignment
from storydiff.coverage.omissions import OmissionRule
from storydiff.tui.render import printable
from storydiff.tui.view import (
    ClaimFilter,
    SortOrder,
    divergence_count,
    divergence_types,
    visible_claims,
)
from storydiff.tui.widgets.claim_table import ClaimTable
from storydiff.tui.widgets.outlet_versions import ClaimDetail, OutletVersion

if TYPE_CHECKING:
    from storydiff.tui.app import StorydiffApp

NARROW_WIDTH = 120
"""Below this many columns the detail pane goes under the list instead of beside it."""


class MainScreen(Screen[None]):
    """Claims list + claim view; the screen every other view returns to."""

    if TYPE_CHECKING:

        @property
        def app(self) -> StorydiffApp: ...  # type: ignore[override]  # narrower: our App

    BINDINGS = [
        Binding("slash", "search", "Search", key_display="/", id="search",
                tooltip="Search claim text across every outlet's sentence."),
        Binding("d", "toggle_filter('divergent_only')", "Divergent", id="filter-divergent",
                tooltip="Show only claims where outlets disagree."),
        Binding("quotation_mark", "toggle_filter('quotes_only')", "Quotes", key_display='"',
                show=False, id="filter-quotes", tooltip="Show only claims with a quotation."),
        Binding("number_sign", "toggle_filter('numbers_only')", "Numbers", key_display="#",
                show=False, id="filter-numbers", tooltip="Show only claims with numbers."),
        Binding("1", "toggle_filter('unique_only')", "Unique", show=False, id="filter-unique",
                tooltip="Show only claims a single outlet makes."),
        Binding("t", "cycle_type", "Divergence type", show=False, id="filter-type",
                tooltip="Cycle the divergence type filter through the types in this story."),
        Binding("o", "cycle_outlet", "Outlet", show=False, id="filter-outlet",
                tooltip="Cycle the outlet filter: only claims that outlet states."),
        Binding("c", "clear_filters", "Clear filters", show=False, id="filter-clear",
                tooltip="Show every claim again."),
        Binding("s", "cycle_sort", "Sort", id="sort",
                tooltip="Order: changes first, story order, coverage, divergences."),
        Binding("n", "next_divergence", "Next change", show=False, id="next-divergence",
                tooltip="Jump to the next claim where outlets disagree."),
        Binding("N", "previous_divergence", "Previous change", show=False,
                id="previous-divergence", tooltip="Jump to the previous divergent claim."),
        Binding("a", "open_article", "Article", show=False, id="article",
                tooltip="Open the focused outlet's article (else the reference) at this claim."),
        Binding("v", "all_versions", "All versions", show=False, id="all-versions",
                tooltip="Show every outlet's version of the claim, not only the first 20."),
        Binding("m", "app.show_matrix", "Matrix", id="matrix",
                tooltip="Claims × outlets: present, altered or missing."),
        Binding("f", "app.show_ledger", "Figures", id="ledger",
                tooltip="Every figure with the outlets that use it and how."),
        Binding("p", "app.show_outlets", "Outlets", show=False, id="outlets",
                tooltip="Who rewrote whom, with the evidence, and each outlet's profile."),
        Binding("e", "app.export_claim", "Export claim", show=False, id="export-claim",
                tooltip="Write the current claim to a Markdown file."),
        Binding("E", "app.export_story", "Export story", show=False, id="export-story",
                tooltip="Write the whole story to a Markdown file."),
        Binding("escape", "escape", "Back", show=False, id="escape",
                tooltip="Close the search box, or clear the filters."),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="summary", markup=False)
        yield Input(placeholder="search claim text across outlets", id="search")
        with Vertical(id="loading"):
            yield LoadingIndicator()
            yield Static(id="progress", markup=False)
        with Horizontal(id="browser"):
            if self.app.alignment is not None:
                yield from self._browser_widgets(self.app.alignment)
        yield Static(id="status", markup=False)
        yield Footer()

    @staticmethod
    def _browser_widgets(alignment: Alignment) -> list[Widget]:
        return [
            ClaimTable(id="claims"),
            ClaimDetail(alignment.articles, rule=OmissionRule.of(alignment), id="detail"),
        ]

    def on_mount(self) -> None:
        self.query_one("#search", Input).display = False
        if self.app.alignment is not None:
            self._start()
        else:
            self.query_one("#browser").display = False

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW_WIDTH, "-narrow")

    # -- loading -------------------------------------------------------------------------

    def show_progress(self, line: str) -> None:
        """Show the latest line of progress while articles are compared."""
        self.query_one("#progress", Static).update(Text(printable(line)))

    async def show_alignment(self, alignment: Alignment) -> None:
        """Build the list and detail pane once the alignment is known."""
        browser = self.query_one("#browser")
        await browser.mount_all(self._browser_widgets(alignment))
        self._start()

    def _start(self) -> None:
        self.query_one("#loading").display = False
        self.query_one("#browser").display = True
        app = self.app
        self.watch(app, "claim_filter", self._refresh_list, init=False)
        self.watch(app, "sort_order", self._refresh_list, init=False)
        self.watch(app, "selected_claim", self._show_selected, init=False)
        self._refresh_list()
        if self.app.selected_claim is None and self.story.claims:
            self.app.selected_claim = self.story.claims[0].id
        self._show_selected()
        self.query_one(ClaimTable).focus()

    @property
    def story(self) -> Alignment:
        """The loaded alignment; the list and detail exist only once there is one."""
        alignment = self.app.alignment
        assert alignment is not None  # _start runs only after loading
        return alignment

    # -- reacting to state ---------------------------------------------------------------

    def _refresh_list(self) -> None:
        app = self.app
        alignment = self.story
        claims = visible_claims(alignment.claims, claim_filter=app.claim_filter,
                                order=app.sort_order)
        table = self.query_one(ClaimTable)
        table.show_claims(claims, outlet_count=len(alignment.articles),
                          selected=app.selected_claim)
        if claims and app.selected_claim not in table.claim_ids:
            app.selected_claim = claims[0].id
        self._update_status()

    def _show_selected(self) -> None:
        app = self.app
        claim = app.claim(app.selected_claim)
        self.query_one(ClaimDetail).show_claim(claim)
        self.query_one(ClaimTable).select_claim(app.selected_claim)
        self._update_status()

    def _update_status(self) -> None:
        app = self.app
        alignment = self.story
        shown = self.query_one(ClaimTable).row_count
        total = len(alignment.claims)
        names = {a.id: a.outlet for a in alignment.articles}
        filters = app.claim_filter.describe(names)
        status = f"{shown} of {total} claims · sort: {app.sort_order.value}"
        if filters:
            status += f" · filter: {filters}"
        reading = self._reading_status()
        self.query_one("#status", Static).update(Text(printable(reading or status)))
        title = next((a.title for a in alignment.articles if a.title), None)
        summary = f"storydiff · {len(alignment.articles)} outlets · {total} claims"
        if title:
            summary += f" · {title}"
        self.query_one("#summary", Static).update(Text(printable(summary)))

    @on(DataTable.RowHighlighted, "#claims")
    def _claim_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self.app.selected_claim = event.row_key.value

    @on(DataTable.RowSelected, "#claims")
    def _claim_entered(self, event: DataTable.RowSelected) -> None:
        # Enter moves into the claim view, to the first outlet's version: the pane is
        # outlined, the version highlighted and the status line says how to go on.
        versions = self.query_one(ClaimDetail).versions()
        if versions:
            versions[0].focus()

    def _reading_status(self) -> str | None:
        """The status line while a version has focus: which one, and the keys from there."""
        focused = self.focused
        if not isinstance(focused, OutletVersion) or focused.article is None:
            return None
        versions = self.query_one(ClaimDetail).versions()
        position = versions.index(focused) + 1 if focused in versions else 1
        claim_id = focused.claim.id if focused.claim else ""
        return (f"{claim_id} · {focused.article.outlet} ({position} of {len(versions)}) · "
                "↑↓ versions · enter: article · esc: claims")

    def on_descendant_focus(self) -> None:
        if self.app.alignment is not None and self.query(ClaimTable):
            self._update_status()

    def on_descendant_blur(self) -> None:
        self.on_descendant_focus()

    # -- search --------------------------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.app.set_filter(search=event.value.strip())

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.query_one(ClaimTable).focus()

    def action_escape(self) -> None:
        search = self.query_one("#search", Input)
        if search.display:
            search.value = ""
            search.display = False
            self.app.set_filter(search="")
            self.query_one(ClaimTable).focus()
        elif isinstance(self.focused, OutletVersion):
            self.query_one(ClaimTable).focus()
        else:
            self.action_clear_filters()

    # -- filters and order ---------------------------------------------------------------

    def action_toggle_filter(self, name: str) -> None:
        self.app.claim_filter = self.app.claim_filter.toggled(name)

    def action_cycle_type(self) -> None:
        types = [None, *divergence_types(self.story.claims)]
        current = self.app.claim_filter.divergence_type
        self.app.set_filter(divergence_type=types[(types.index(current) + 1) % len(types)])

    def action_cycle_outlet(self) -> None:
        outlets = [None, *(a.id for a in self.story.articles)]
        current = self.app.claim_filter.outlet
        self.app.set_filter(outlet=outlets[(outlets.index(current) + 1) % len(outlets)])

    def action_clear_filters(self) -> None:
        search = self.query_one("#search", Input)
        search.value = ""
        search.display = False
        self.app.claim_filter = ClaimFilter()

    def action_cycle_sort(self) -> None:
        self.app.sort_order = SortOrder(self.app.sort_order).next()

    def _jump_divergent(self, step: int) -> None:
        table = self.query_one(ClaimTable)
        claims = [self.app.claim(cid) for cid in table.claim_ids]
        if not claims:
            return
        row = table.cursor_row
        for offset in range(1, len(claims) + 1):
            candidate = claims[(row + step * offset) % len(claims)]
            if candidate is not None and divergence_count(candidate):
                self.app.selected_claim = candidate.id
                return
        self.notify("No claim in the list has a divergence.", markup=False)

    def action_next_divergence(self) -> None:
        self._jump_divergent(1)

    def action_previous_divergence(self) -> None:
        self._jump_divergent(-1)

    def action_all_versions(self) -> None:
        self.query_one(ClaimDetail).toggle_show_all()

    def action_open_article(self) -> None:
        claim = self.app.claim(self.app.selected_claim)
        if claim is None or not claim.members:
            return
        focused = self.focused
        if isinstance(focused, OutletVersion) and focused.article and focused.members:
            self.app.open_article(focused.article.id, focused.members[0].sentence)
            return
        preferred = self.app.claim_filter.outlet or claim.reference
        member = next((m for m in claim.members if m.article == preferred), claim.members[0])
        self.app.open_article(member.article, member.sentence)
