"""The Textual app: holds one immutable Alignment and the view state around it.

``make_app(path)`` is shared by the CLI and the tests. Given an alignment file it loads it
at once (a bad file is a ``StorydiffError`` before any terminal is touched); given
articles it starts the app at once and compares them in a worker thread, showing
progress, so the UI stays live. State that changes — the selected claim, the filter, the
sort order — lives in typed reactives here; screens watch them and redraw.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from storydiff.coverage.model import Alignment, Claim
from storydiff.coverage.store import read_alignment, write_text_atomic
from storydiff.errors import ArticleError, StorydiffError
from storydiff.tui.commands import StorydiffCommands
from storydiff.tui.export import claim_markdown, export_path, story_markdown
from storydiff.tui.messages import ArticleRequested, ClaimChosen, CompareProgress
from storydiff.tui.render import printable
from storydiff.tui.screens.article import ArticleScreen
from storydiff.tui.screens.help import HelpScreen, KeyHelp
from storydiff.tui.screens.ledger import LedgerScreen
from storydiff.tui.screens.main import MainScreen
from storydiff.tui.screens.matrix import MatrixScreen
from storydiff.tui.screens.outlets import OutletsScreen
from storydiff.tui.view import (
    ClaimFilter,
    SortOrder,
    article_by_id,
    divergence_types,
    matches,
    sentence_claims,
    with_outlet_labels,
)

PaletteCommand = tuple[str, Callable[[], Any], str]
"""(title, callback, help) of one command-palette entry."""

_ALIGNMENT_SNIFF = b"storydiff/alignment@"


class StorydiffApp(App[None]):
    """Browse one story: claims, each outlet's version, the matrix, the figure ledger."""

    CSS_PATH = "app.tcss"
    TITLE = "storydiff"
    COMMANDS = App.COMMANDS | {StorydiffCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Leave storydiff."),
        Binding("question_mark,f1", "help", "Help", key_display="?", id="help",
                tooltip="List every key of this screen."),
    ]

    selected_claim: reactive[str | None] = reactive(None)
    """Id of the claim shown in the detail pane."""
    claim_filter: reactive[ClaimFilter] = reactive(ClaimFilter)
    """Which claims the list shows."""
    sort_order: reactive[SortOrder] = reactive(SortOrder.CHANGES_FIRST)
    """How the claims list is ordered: the claims that matter first, until ``s``."""

    def __init__(
        self,
        *,
        alignment: Alignment | None = None,
        alignment_path: Path | None = None,
        article_paths: Sequence[Path] = (),
    ) -> None:
        super().__init__()
        self.alignment: Alignment | None = (
            with_outlet_labels(alignment) if alignment is not None else None
        )
        """The story, outlets shown by their labels; None only while articles are being
        compared."""
        self.alignment_path = alignment_path
        self.article_paths = tuple(article_paths)
        self.error_message: str | None = None
        """Set when the app gave up (articles could not be compared); the CLI prints it."""
        self._claims: dict[str, Claim] = {}
        self._sentence_claims: dict[tuple[str, int], str] = {}
        if self.alignment is not None:
            self._index(self.alignment)

    def _index(self, alignment: Alignment) -> None:
        self._claims = {c.id: c for c in alignment.claims}
        self._sentence_claims = sentence_claims(alignment)

    def get_default_screen(self) -> Screen[Any]:
        return MainScreen()

    def on_mount(self) -> None:
        if self.alignment is None:
            self._compare_articles()

    @property
    def main_screen(self) -> MainScreen:
        """The claims screen at the bottom of the stack."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)  # get_default_screen puts it there
        return screen

    def claim(self, claim_id: str | None) -> Claim | None:
        """The claim with this id, or None."""
        return self._claims.get(claim_id) if claim_id is not None else None

    def set_filter(self, **changes: Any) -> None:
        """Change some conditions of the claim filter, keeping the others."""
        from dataclasses import replace

        self.claim_filter = replace(self.claim_filter, **changes)

    # -- comparing articles ------------------------------------------------------------

    @work(thread=True, exclusive=True, group="compare")
    def _compare_articles(self) -> None:
        try:
            from storydiff.coverage.pipeline import compare_paths
        except ImportError:
            self.call_from_thread(
                self._give_up,
                "comparing articles needs storydiff.coverage.pipeline, which this build "
                "lacks; open an alignment file from `storydiff compare` instead",
            )
            return

        def report(line: str) -> None:
            # post_message is thread-safe: progress reaches the screen while we work
            self.post_message(CompareProgress(line))

        report(f"comparing {len(self.article_paths)} path(s)…")
        try:
            result = compare_paths([str(p) for p in self.article_paths], progress=report)
        except StorydiffError as exc:
            self.call_from_thread(self._give_up, str(exc))
            return
        # call_from_thread awaits a coroutine callback; its overloads do not say so
        self.call_from_thread(self._compared, result)  # type: ignore[arg-type]

    def on_compare_progress(self, message: CompareProgress) -> None:
        if self.alignment is None:
            self.main_screen.show_progress(message.text)

    async def _compared(self, result: Any) -> None:
        alignment = with_outlet_labels(result.alignment)
        self.alignment = alignment
        self._index(alignment)
        await self.main_screen.show_alignment(alignment)
        for failure in result.failures:
            self.notify(f"skipped {failure.path}: {failure.message}", severity="warning",
                        markup=False)

    def _give_up(self, message: str) -> None:
        self.error_message = message
        self.exit(return_code=2)

    # -- moving between views ----------------------------------------------------------

    def _to_main_screen(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    @on(ClaimChosen)
    def _claim_chosen(self, message: ClaimChosen) -> None:
        claim = self.claim(message.claim_id)
        if claim is None:
            return
        self._to_main_screen()
        if not matches(claim, self.claim_filter):
            self.claim_filter = ClaimFilter()
            self.notify("Filters cleared to show the chosen claim.", markup=False)
        self.selected_claim = claim.id

    @on(ArticleRequested)
    def _article_requested(self, message: ArticleRequested) -> None:
        self.open_article(message.article_id, message.sentence)

    def open_article(self, article_id: str, sentence: int | None = None) -> None:
        """Show one outlet's article, scrolled to ``sentence``."""
        if self.alignment is None:
            return
        article = article_by_id(self.alignment).get(article_id)
        if article is not None:
            self.push_screen(ArticleScreen(article, self._sentence_claims, sentence=sentence))

    def action_show_matrix(self) -> None:
        if self.alignment is not None:
            self.push_screen(MatrixScreen(self.alignment, order=self.sort_order))

    def action_show_ledger(self) -> None:
        if self.alignment is not None:
            self.push_screen(LedgerScreen(self.alignment))

    def action_show_outlets(self) -> None:
        if self.alignment is not None:
            self.push_screen(OutletsScreen(self.alignment))

    def action_show_claims(self) -> None:
        self._to_main_screen()

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.key_help()))

    def key_help(self) -> list[KeyHelp]:
        """The active bindings of the current screen, one line per action."""
        lines: dict[tuple[str, str], list[str]] = {}
        tooltips: dict[tuple[str, str], str] = {}
        # storydiff's own bindings (they carry an id) first; widgets' cursor keys after
        ordered = sorted(
            self.screen.active_bindings.items(), key=lambda item: item[1].binding.id is None
        )
        for key, active in ordered:
            binding = active.binding
            if not binding.description:
                continue
            slot = (binding.action, binding.description)
            display = self.get_key_display(binding) or key
            if display not in lines.setdefault(slot, []):
                lines[slot].append(display)
            if not tooltips.get(slot):
                tooltips[slot] = active.tooltip or binding.tooltip
        return [
            KeyHelp(" ".join(keys), description, tooltips[(action, description)])
            for (action, description), keys in lines.items()
        ]

    # -- export ------------------------------------------------------------------------

    def _write_export(self, text: str, name: str) -> Path | None:
        path = export_path(self.alignment_path, name)
        try:
            write_text_atomic(text, path, inputs=self.article_paths)
        except StorydiffError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return None
        self.notify(f"wrote {path}", title="export", markup=False)
        return path

    def action_export_claim(self) -> Path | None:
        claim = self.claim(self.selected_claim)
        if self.alignment is None or claim is None:
            return None
        safe_id = re.sub(r"[^A-Za-z0-9_-]", "_", claim.id)
        return self._write_export(claim_markdown(self.alignment, claim), f"-{safe_id}")

    def action_export_story(self) -> Path | None:
        if self.alignment is None:
            return None
        return self._write_export(story_markdown(self.alignment), "")

    # -- command palette ---------------------------------------------------------------

    def palette_commands(self) -> list[PaletteCommand]:
        """Every storydiff command the palette offers, with namespaced titles."""
        commands: list[PaletteCommand] = [("help: keys", self.action_help, "List every key.")]
        if self.alignment is None:
            return commands

        def toggle(name: str) -> Callable[[], None]:
            return lambda: setattr(self, "claim_filter", self.claim_filter.toggled(name))

        def set_filter(**changes: Any) -> Callable[[], None]:
            return lambda: self.set_filter(**changes)

        def sort(order: SortOrder) -> Callable[[], None]:
            return lambda: setattr(self, "sort_order", order)

        commands += [
            ("filter: divergent only", toggle("divergent_only"),
             "Only claims where outlets disagree (toggle)."),
            ("filter: quotations only", toggle("quotes_only"), "Only claims with a quotation."),
            ("filter: numbers only", toggle("numbers_only"), "Only claims with numbers."),
            ("filter: unique to one outlet", toggle("unique_only"),
             "Only claims a single outlet makes."),
            ("filter: clear", lambda: setattr(self, "claim_filter", ClaimFilter()),
             "Show every claim."),
        ]
        for kind in divergence_types(self.alignment.claims):
            commands.append((f"filter: type {kind.value}", set_filter(divergence_type=kind),
                             "Only claims with this kind of divergence."))
        for article in self.alignment.articles:
            name = printable(article.outlet)
            commands.append((f"filter: outlet {name}", set_filter(outlet=article.id),
                             "Only claims this outlet states."))
            commands.append((f"view: article {name}", partial(self.open_article, article.id),
                             "Read this outlet's cleaned article."))
        commands += [(f"sort: {order.value}", sort(order), "Reorder the claims list.")
                     for order in SortOrder]
        commands += [
            ("view: claims list", self.action_show_claims, "Back to the claims and details."),
            ("view: coverage matrix", self.action_show_matrix, "Claims × outlets."),
            ("view: figure ledger", self.action_show_ledger, "Every figure and its framing."),
            ("view: outlets and provenance", self.action_show_outlets,
             "Who rewrote whom, with the evidence, and each outlet's profile."),
            ("export: claim as markdown", self.action_export_claim,
             "Write the current claim to a .md file."),
            ("export: story as markdown", self.action_export_story,
             "Write the whole story to a .md file."),
        ]
        return commands


def demo_story(articles: Path) -> Path:
    """The demo corpus to open: its single story folder, else the folder itself.

    Raises:
        ArticleError: the demo corpus is not there (an installed package ships none).
    """
    if not articles.is_dir():
        raise ArticleError(f"{articles}: no demo corpus here; give an alignment file or articles")
    stories = sorted(p for p in articles.iterdir() if p.is_dir() and not p.name.startswith("."))
    return stories[0] if len(stories) == 1 else articles


def _is_alignment_file(path: Path) -> bool:
    """A ``.json`` file is an alignment unless it is plainly an article (has ``text``).

    Leaning towards "alignment" means a truncated or hand-broken alignment file gets
    ``read_alignment``'s precise error instead of being compared as an article.
    """
    if not path.is_file() or path.suffix.lower() != ".json":
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return True  # read_alignment will say why it cannot be read
    if _ALIGNMENT_SNIFF in head:
        return True
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return True
    return not (isinstance(data, dict) and "text" in data and "schema" not in data)


def make_app(path: str | Path | Sequence[str | Path]) -> StorydiffApp:
    """Build the TUI for an alignment file, or for articles to compare when it starts.

    Args:
        path: an alignment ``.json`` from ``storydiff compare``, or article files and
            folders (one path or several).

    Raises:
        StorydiffError: a path does not exist, or the alignment file is unreadable.
    """
    paths = [Path(path)] if isinstance(path, str | Path) else [Path(p) for p in path]
    if not paths:
        raise ArticleError("no path given: name an alignment file or articles")
    for candidate in paths:
        if not candidate.exists():
            raise ArticleError(f"{candidate}: no such file or folder")
    if len(paths) == 1 and _is_alignment_file(paths[0]):
        return StorydiffApp(alignment=read_alignment(paths[0]), alignment_path=paths[0])
    return StorydiffApp(article_paths=paths)
