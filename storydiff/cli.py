"""The ``storydiff`` command: parse flags, call the core, translate its errors.

Exit statuses follow ``diff(1)``, since storydiff is a diff of news coverage:
0 all is well, 1 a divergence named by ``--fail-on`` was found, 2 trouble (bad
input, bad usage, an unwritable output), 130 interrupted. stdout carries data
(reports, ``--json``); progress and errors go to stderr.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from storydiff import __version__
from storydiff.errors import StorydiffError

EXIT_OK = 0
EXIT_DIVERGENCE = 1
EXIT_TROUBLE = 2
EXIT_INTERRUPTED = 130

DEMO_ARTICLES = Path(__file__).resolve().parent.parent / "articles"
"""The bundled demo corpus, when running from a checkout."""

app = typer.Typer(
    name="storydiff",
    help="Show how different news outlets covered the same story.",
    pretty_exceptions_show_locals=False,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

_state: dict[str, bool] = {"debug": False}

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = EXIT_TROUBLE) -> typer.Exit:
    """Print one ``error:`` line on stderr and return the Exit to raise."""
    typer.echo(f"error: {_one_line(message)}", err=True)
    return typer.Exit(code)


def _one_line(message: str) -> str:
    # A message may quote hostile text (a file name, a title): show no control
    # characters and never more than one line.
    return "".join(ch if ch.isprintable() else "?" for ch in message.replace("\n", " "))


def run_or_exit(func: F) -> F:
    """Turn ``StorydiffError`` and Ctrl-C into one stderr line and an exit status."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except StorydiffError as exc:
            if _state["debug"]:
                raise
            raise fail(str(exc)) from None
        except KeyboardInterrupt:
            if _state["debug"]:
                raise
            raise fail("interrupted; nothing was written", EXIT_INTERRUPTED) from None

    return wrapper  # type: ignore[return-value]  # functools.wraps keeps the signature


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"storydiff {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version_callback, is_eager=True,
                     help="Print the version and exit."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks instead of one-line errors.")
    ] = False,
) -> None:
    """Show how different news outlets covered the same story.

    Example: storydiff compare articles/ --out alignments/demo.json
    """
    _state["debug"] = debug


def warn(message: str) -> None:
    typer.echo(f"warning: {_one_line(message)}", err=True)


def compare_summary(alignment: Any) -> str:
    """A few lines a person reads after ``compare``: what was found, by type."""
    from collections import Counter

    shared = sum(1 for c in alignment.claims if len({m.article for m in c.members}) > 1)
    by_type = Counter(d.type.value for c in alignment.claims for d in c.divergences)
    lines = [
        f"articles: {len(alignment.articles)}",
        f"claims: {len(alignment.claims)} ({shared} shared by two or more outlets)",
        "divergences: " + (", ".join(f"{t} {n}" for t, n in sorted(by_type.items())) or "none"),
    ]
    return "\n".join(lines)


@app.command()
@run_or_exit
def compare(
    paths: Annotated[list[str], typer.Argument(help="Article files, folders or http(s) URLs.")],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Alignment file to write (default: JSON on stdout)."),
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(min=0.0, max=1.0, help="Pair score (0..1) from which two sentences align."),
    ] = None,
    no_split: Annotated[
        bool, typer.Option("--no-split", help="Never let one outlet state a claim in two sentences.")
    ] = False,
    fail_on: Annotated[
        str | None,
        typer.Option(help="Exit 1 if a divergence of these types is found "
                     "(comma-separated, or 'any')."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Align the articles of one story into claims and write the alignment file.

    Example: storydiff compare articles/harbour-fire --out alignments/harbour-fire.json
    """
    from storydiff.coverage.pipeline import compare_paths
    from storydiff.coverage.settings import Settings
    from storydiff.coverage.store import dumps_alignment, write_text_atomic
    from storydiff.report.gate import divergences_matching, parse_fail_on

    gate = parse_fail_on(fail_on) if fail_on else None
    overrides: dict[str, Any] = {}
    if threshold is not None:
        overrides["threshold"] = threshold
    if no_split:
        overrides["allow_split"] = False
    settings = Settings(**overrides)
    result = compare_paths(paths, settings=settings)
    for failure in result.failures:
        warn(f"{failure.path}: {failure.message} (skipped)")
    alignment = result.alignment
    if len(alignment.articles) == 1:
        warn(f"{alignment.articles[0].path}: only one article was read; nothing to compare it with")
    text = dumps_alignment(alignment)
    if out is None:
        typer.echo(text, nl=False)
    else:
        write_text_atomic(text, out)
        if not quiet:
            typer.echo(f"wrote {out}", err=True)
    if not quiet:
        typer.echo(compare_summary(alignment), err=True)
    if gate is not None and divergences_matching(alignment, gate):
        raise typer.Exit(EXIT_DIVERGENCE)


@app.command()
@run_or_exit
def tui(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="An alignment .json, or article files/folders to compare first. "
                       "Default: the bundled demo corpus.", show_default=False),
    ] = None,
) -> None:
    """Browse a story in the terminal: claims, each outlet's version, matrix, figures.

    Example: storydiff tui alignments/demo.json
    """
    from storydiff.tui.app import demo_story, make_app  # Textual loads only for `tui`

    tui_app = make_app(list(paths) if paths else [demo_story(DEMO_ARTICLES)])
    tui_app.run()
    if tui_app.error_message is not None:
        raise fail(tui_app.error_message)


@app.command("inspect")
@run_or_exit
def inspect_command(
    paths: Annotated[list[str], typer.Argument(help="Article files, folders or http(s) URLs.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print machine-readable JSON on stdout.")
    ] = False,
) -> None:
    """Show what cleaning found in each article: metadata, sentences, dropped lines.

    Example: storydiff inspect articles/harbour-fire --json
    """
    import json

    from storydiff.coverage.load import load_articles

    result = load_articles(paths, raise_when_empty=False)
    if as_json:
        typer.echo(json.dumps(_inspection(result), ensure_ascii=False, indent=2))
    else:
        _print_inspection(result.articles)
    for failure in result.failures:
        typer.echo(f"error: {_one_line(failure.path)}: {_one_line(failure.message)}", err=True)
    if result.failures:
        raise typer.Exit(EXIT_TROUBLE)


def _inspection(result: Any) -> dict[str, Any]:
    return {
        "articles": [
            {
                "id": article.id,
                "path": article.path,
                "outlet": article.outlet,
                "title": article.title,
                "url": article.url,
                "published": article.published,
                "author": article.author,
                "sentences": len(article.sentences),
                "dropped": [{"reason": d.reason, "text": d.text} for d in article.dropped],
            }
            for article in result.articles
        ],
        "failures": [{"path": f.path, "message": f.message} for f in result.failures],
    }


def _print_inspection(articles: Any) -> None:
    # Article text is hostile: every piece of it goes in as a Text, never as markup.
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    def plain(value: str | None) -> Text:
        return Text(_one_line(value) if value else "-")

    console = Console(highlight=False)
    for article in articles:
        facts = Table(title=plain(article.id), show_header=False, title_justify="left")
        facts.add_column("field", style="bold")
        facts.add_column("value", overflow="fold")
        for field, value in (
            ("path", article.path), ("outlet", article.outlet), ("title", article.title),
            ("published", article.published), ("author", article.author), ("url", article.url),
            ("sentences", str(len(article.sentences))), ("dropped", str(len(article.dropped))),
        ):
            facts.add_row(field, plain(value))
        console.print(facts)
        if article.dropped:
            dropped = Table("reason", "dropped line", show_lines=False)
            for line in article.dropped:
                dropped.add_row(plain(line.reason), plain(line.text))
            console.print(dropped)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("error: interrupted; nothing was written", err=True)
        sys.exit(EXIT_INTERRUPTED)
