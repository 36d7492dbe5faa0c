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


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("error: interrupted; nothing was written", err=True)
        sys.exit(EXIT_INTERRUPTED)
