"""The ``storydiff`` command: parse flags, call the core, translate its errors.

Exit statuses follow ``diff(1)``, since storydiff is a diff of news coverage:
0 all is well, 1 a divergence named by ``--fail-on`` was found, 2 trouble (bad
input, bad usage, an unwritable output), 130 interrupted (Ctrl-C), 143 terminated
(SIGTERM). stdout carries data (reports, ``--json``); progress and errors go to stderr.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import inspect
import io
import os
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand

from storydiff import __version__
from storydiff.coverage.model import DivergenceType
from storydiff.coverage.settings import Settings
from storydiff.errors import OutputError, StorydiffError

EXIT_OK = 0
EXIT_DIVERGENCE = 1
EXIT_TROUBLE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143

DEMO_ARTICLES = Path(__file__).resolve().parent.parent / "articles"
"""The bundled demo corpus, when running from a checkout."""

class HelpfulCommand(TyperCommand):
    """A command whose help speaks the user's words, not Python's.

    typer shows a parameter's Python type (``<list[str]>``, ``{paths}...``) where a
    metavar would say what to give, and the command list cuts each summary to fit;
    here arguments show their metavar, and a command's summary is its docstring's first
    paragraph, whole.
    """

    def get_short_help_str(self, limit: int = 45) -> str:
        del limit  # the summaries are short enough to wrap; never cut them with "..."
        return inspect.cleandoc(self.help or "").split("\n\n")[0].replace("\n", " ")

    # typer brings its own copy of click, so its classes are told apart by duck type
    # (``param_type_name``), as typer itself does.
    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(_argument_usage(param))
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                arguments.append((_argument_name(param), record[1]))
            else:
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _argument_name(param: Any) -> str:
    name = param.metavar or (param.name or "").upper()
    return f"{name}..." if param.nargs != 1 else name


def _argument_usage(param: Any) -> str:
    name = _argument_name(param)
    return name if param.required else f"[{name}]"


app = typer.Typer(
    name="storydiff",
    help="Show how different news outlets covered the same story.",
    pretty_exceptions_show_locals=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    # -h as well as --help; every default shown beside its option
    context_settings={"help_option_names": ["-h", "--help"], "show_default": True},
)
command = functools.partial(app.command, cls=HelpfulCommand)
"""``app.command`` for storydiff's commands: help with metavars and whole summaries."""

_state: dict[str, bool] = {"debug": False}

F = TypeVar("F", bound=Callable[..., Any])

_DEFAULTS = Settings()


def fail(message: str, code: int = EXIT_TROUBLE) -> typer.Exit:
    """Print one ``error:`` line on stderr and return the Exit to raise."""
    typer.echo(f"error: {_one_line(message)}", err=True)
    return typer.Exit(code)


def _one_line(message: str) -> str:
    # A message may quote hostile text (a file name, a title): show no control
    # characters and never more than one line.
    return "".join(ch if ch.isprintable() else "?" for ch in message.replace("\n", " "))


class Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, ``timeout``, a cancelled CI job), raised where Ctrl-C would be,
    so that the same clean-up runs: no partial output, no worker left running."""


def _terminate(_signum: int, _frame: object) -> None:
    raise Terminated


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
        except Terminated:
            if _state["debug"]:
                raise
            raise fail("terminated; nothing was written", EXIT_TERMINATED) from None
        except KeyboardInterrupt:
            if _state["debug"]:
                raise
            raise fail("interrupted; nothing was written", EXIT_INTERRUPTED) from None

    return wrapper  # type: ignore[return-value]  # functools.wraps keeps the signature


@contextlib.contextmanager
def writing_stdout() -> Iterator[None]:
    """Turn a failed write to stdout (a full disk, ``> /dev/full``) into one error line."""
    try:
        yield
        sys.stdout.flush()
    except OSError as exc:
        _discard_stdout()
        raise OutputError(f"stdout: cannot write ({exc.strerror or exc})") from None


def _discard_stdout() -> None:
    # What is still buffered would fail again when Python flushes stdout on exit, with
    # a second message and status 120: send it to /dev/null instead.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def source_date() -> str | None:
    """``created`` from ``SOURCE_DATE_EPOCH`` when it is set, as reproducible builds
    use it: the same articles then give the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    from datetime import UTC, datetime

    try:
        moment = datetime.fromtimestamp(int(epoch), UTC)
    except (OverflowError, ValueError, OSError):
        return None  # beyond the calendar: the clock's time, as without it
    return moment.isoformat().replace("+00:00", "Z")


def print_data(text: str) -> None:
    """Write a command's result to stdout, as is."""
    with writing_stdout():
        typer.echo(text, nl=False)


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

    \b
    Example:
      storydiff compare articles/kessford-spill --out alignments/kessford-spill.json
    """
    _state["debug"] = debug


def warn(message: str) -> None:
    typer.echo(f"warning: {_one_line(message)}", err=True)


def _progress(message: str) -> None:
    # Only from the alignment on: a run that fails while reading says one line, the error.
    if message.startswith("aligning"):
        typer.echo(f"{_one_line(message)}...", err=True)


class _CleaningLine:
    """``cleaning 1200/5000 articles`` on stderr, rewritten in place, for a run long
    enough to need it: only on a terminal (a log gets the stage lines alone), at most a
    few times a second."""

    def __init__(self) -> None:
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        import time

        now = time.monotonic()
        if total < 100 or (done < total and now - self.last < 0.2):
            return
        self.last = now
        sys.stderr.write(f"\rcleaning {done}/{total} articles")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def compare_summary(alignment: Any) -> str:
    """A few lines a person reads after ``compare``: what was found, by type."""
    from collections import Counter

    from storydiff.report.common import summarise

    summary = summarise(alignment)
    by_type = Counter(d.type.value for c in alignment.claims for d in c.divergences)
    lines = [
        f"articles: {len(alignment.articles)}",
        f"claims: {summary.claims} ({summary.shared_claims} shared by two or more outlets, "
        f"{summary.additions} stated by one outlet alone)",
        "divergences: " + (", ".join(f"{t} {n}" for t, n in sorted(by_type.items())) or "none"),
        f"omissions: {summary.omissions} claims some outlet leaves out "
        f"(counted where the claim is {summary.omission_rule})",
    ]
    return "\n".join(lines)


_FAIL_ON_TYPES = (
    "Comma-separated: "
    + ", ".join(t.value for t in DivergenceType)
    + "; 'any' is every type but omitted, 'all' every type. 'omitted' counts a claim an "
    "outlet leaves out where at least two outlets and half of them state it."
)
_FAIL_ON_HELP = (
    "Exit with status 1 when a divergence of these types is found, and name each one on "
    "stderr (type, claim, outlet). " + _FAIL_ON_TYPES
)
_BATCH_FAIL_ON_HELP = (
    "Exit with status 1 when a divergence of these types is found in some story. "
    + _FAIL_ON_TYPES
)


def _report_gate(alignment: Any, gate: Any) -> bool:
    """Say on stderr what tripped ``--fail-on``, one line per divergence and outlet."""
    from storydiff.report.gate import describe_hits, gate_hits

    hits = gate_hits(alignment, gate)
    for line in describe_hits(alignment, hits):
        typer.echo(f"fail-on: {_one_line(line)}", err=True)
    if hits:
        typer.echo(f"{len(hits)} divergence(s) of the --fail-on types found", err=True)
    return bool(hits)


@command()
@run_or_exit
def compare(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="ARTICLE", help="Article files, folders or http(s) URLs."),
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="FILE", help="Alignment file to write atomically.",
                     show_default=False),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print the alignment JSON on stdout; it is printed "
                     "anyway when stdout is a pipe or file and there is no --out."),
    ] = False,
    threshold: Annotated[
        float,
        typer.Option(min=0.0, max=1.0, metavar="SCORE",
                     help="Pair score (0..1) from which two sentences align."),
    ] = _DEFAULTS.threshold,
    no_split: Annotated[
        bool,
        typer.Option("--no-split", help="One sentence per outlet per claim: no splits or folds."),
    ] = False,
    min_confidence: Annotated[
        float,
        typer.Option(min=0.0, max=1.0, metavar="SCORE",
                     help="Leave out divergences less certain than this (0..1)."),
    ] = 0.0,
    fail_on: Annotated[
        str | None,
        typer.Option("--fail-on", metavar="TYPES", help=_FAIL_ON_HELP, show_default=False),
    ] = None,
    outlet: Annotated[
        list[str] | None,
        typer.Option("--outlet", metavar="FILE=NAME", show_default=False,
                     help="Name the outlet of an article file (its name or stem), over what "
                     "the file says; repeat for more. An outlets.yaml beside the articles "
                     "does the same."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
    cache_dir: Annotated[
        Path | None,
        typer.Option("--cache-dir", metavar="DIR", show_default=False,
                     help="Where each article's cleaning, sentences, figures and quotations "
                     "are kept for the next run [default: $STORYDIFF_CACHE_DIR, else "
                     "$XDG_CACHE_HOME/storydiff, else ~/.cache/storydiff]."),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the article cache.")
    ] = False,
) -> None:
    """Align the articles of one story into claims and write the alignment file.

    With no --out, the alignment JSON goes to stdout when that is a pipe or a file (or
    with --json); on a terminal only the summary is shown.

    \b
    Examples:
      storydiff compare articles/kessford-spill --out alignments/kessford-spill.json
      storydiff compare articles/kessford-spill --outlet 01-meridian-wire.txt=Meridian --json
    """
    from storydiff.coverage.cache import ArticleCache, default_cache_dir
    from storydiff.coverage.outlets import parse_outlet_option
    from storydiff.coverage.pipeline import compare_paths
    from storydiff.coverage.settings import Settings
    from storydiff.coverage.store import (
        check_output_path,
        dumps_alignment,
        remove_leftover_temporaries,
        unchanged_but_for_created,
        write_text_atomic,
    )
    from storydiff.report.gate import parse_fail_on

    gate = parse_fail_on(fail_on) if fail_on else None
    names = dict(parse_outlet_option(value) for value in outlet or ())
    overrides: dict[str, Any] = {"threshold": threshold}
    if no_split:
        overrides["allow_split"] = False
    if min_confidence:
        overrides["min_confidence"] = min_confidence
    settings = Settings(**overrides)
    if out is not None:
        check_output_path(out, inputs=paths)  # before the analysis, which may take minutes
    cache = None if no_cache else ArticleCache(cache_dir or default_cache_dir())
    counter = _CleaningLine() if not quiet and sys.stderr.isatty() else None
    result = compare_paths(paths, settings=settings, progress=None if quiet else _progress,
                           outlet_names=names, created=source_date(), cache=cache,
                           counter=counter)
    for failure in result.failures:
        warn(f"{failure.path}: {failure.message} (skipped)")
    alignment = result.alignment
    if len(alignment.articles) == 1:
        warn(f"{alignment.articles[0].path}: only one article was read; nothing to compare it with")
    text = dumps_alignment(alignment)
    if out is not None and unchanged_but_for_created(out, text):
        remove_leftover_temporaries(out)  # a killed run's, which writing would have removed
        if not quiet:
            typer.echo(f"{out} is up to date", err=True)
    elif out is not None:
        write_text_atomic(text, out)
        if not quiet:
            typer.echo(f"wrote {out}", err=True)
    # JSON poured onto a terminal buries the summary and the gate's reasons
    if as_json or (out is None and not sys.stdout.isatty()):
        print_data(text)
    elif out is None and not quiet:
        typer.echo("alignment not printed on a terminal: --out FILE saves it, --json prints it",
                   err=True)
    if not quiet:
        typer.echo(compare_summary(alignment), err=True)
    if gate is not None and _report_gate(alignment, gate):
        raise typer.Exit(EXIT_DIVERGENCE)


@command()
@run_or_exit
def tui(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="PATH", help="An alignment .json, or article files/folders to "
                       "compare first. Default: the bundled demo corpus.", show_default=False),
    ] = None,
) -> None:
    """Browse a story in the terminal: claims, each outlet's version, matrix, figures.

    \b
    Example:
      storydiff tui alignments/kessford-spill.json
    """
    from storydiff.tui.app import demo_story, make_app  # Textual loads only for `tui`

    tui_app = make_app(list(paths) if paths else [demo_story(DEMO_ARTICLES)])
    tui_app.run()
    if tui_app.error_message is not None:
        raise fail(tui_app.error_message)


@command("inspect")
@run_or_exit
def inspect_command(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="ARTICLE", help="Article files, folders or http(s) URLs."),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print machine-readable JSON on stdout.")
    ] = False,
) -> None:
    """Show what cleaning found in each article: metadata, sentences, dropped lines.

    \b
    Example:
      storydiff inspect articles/kessford-spill --json
    """
    from storydiff.coverage.jsontext import dump_json
    from storydiff.coverage.load import load_articles

    result = load_articles(paths, raise_when_empty=False)
    skipped = _skipped_failures(result, paths)
    if as_json:
        print_data(dump_json(_inspection(result, skipped), indent=2) + "\n")
    else:
        with writing_stdout():
            _print_inspection(result.articles)
    for failure in result.failures:
        if failure in skipped:
            warn(f"{failure.path}: {failure.message} (skipped)")
        else:
            typer.echo(f"error: {_one_line(failure.path)}: {_one_line(failure.message)}",
                       err=True)
    if len(skipped) < len(result.failures):
        raise typer.Exit(EXIT_TROUBLE)


def _skipped_failures(result: Any, paths: list[str]) -> list[Any]:
    """Failures `inspect` only warns about, as `compare` does: files found in a folder
    that cannot be read (binary, empty, broken) or are not articles at all (a notes.json
    beside the stories), when something else was read.

    A path the user named is an error, and so is every failure when nothing could be
    read. The skipped ones are still listed, with their problem, in `--json`.
    """
    from storydiff.coverage.load import shown_path

    if not result.articles:
        return []
    named = {shown_path(path) for path in paths}
    return [f for f in result.failures if f.path not in named]


def _inspection(result: Any, skipped: list[Any]) -> dict[str, Any]:
    from storydiff.coverage.store import article_metadata

    return {
        "articles": [
            {
                **article_metadata(article),
                "sentences": len(article.sentences),
                "dropped": [{"reason": d.reason, "text": d.text} for d in article.dropped],
            }
            for article in result.articles
        ],
        "failures": [
            {"path": f.path, "message": f.message, "skipped": f in skipped}
            for f in result.failures
        ],
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
            ("published", article.published), ("author", article.author),
            ("credit", article.credit), ("url", article.url),
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
    _guard_standard_streams()
    signal.signal(signal.SIGTERM, _terminate)
    try:
        app()
    except Terminated:
        typer.echo("error: terminated; nothing was written", err=True)
        sys.exit(EXIT_TERMINATED)
    except KeyboardInterrupt:
        typer.echo("error: interrupted; nothing was written", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except OSError as exc:
        # Help or the version on a stdout that cannot be written (``> /dev/full``); the
        # commands' own output says so through ``writing_stdout``.
        _discard_stdout()
        typer.echo(f"error: {exc.filename or 'stdout'}: cannot write ({exc.strerror or exc})",
                   err=True)
        sys.exit(EXIT_TROUBLE)


def _guard_standard_streams() -> None:
    """Make the exit status mean the same whatever stdout and stderr are.

    A stream the shell closed (``>&-``, ``2>&-``) gets /dev/null on its descriptor, so
    that no file storydiff opens takes its number; a closed stdout still fails when data
    is written to it. Messages to a stderr that cannot be written (``2>/dev/full``) are
    lost rather than ending the run with status 1, which means "--fail-on matched".
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            devnull = os.open(os.devnull, os.O_RDWR)
            if devnull != fd:
                os.dup2(devnull, fd)
                os.close(devnull)
    if sys.stdout is None:
        sys.stdout = _ClosedStdout()
    if sys.stderr is None:
        sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115 - the process's own stderr
    sys.stderr = _LossyStderr(sys.stderr)


class _ClosedStdout(io.TextIOBase):
    """stdout when the shell closed it: writing fails, as writing descriptor 1 would."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "it is closed")

    def isatty(self) -> bool:
        return False


class _LossyStderr(io.TextIOBase):
    """stderr whose write errors are dropped, there being no one left to tell.

    On the first failure stderr is pointed at /dev/null, so that what the stream still
    holds is not written (and failed) again. The real stream does the writing: a signal
    that interrupts this Python code never makes it write a line twice.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return int(self._stream.write(text))
        except OSError:
            self._discard()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError:
            self._discard()

    def _discard(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
        with contextlib.suppress(OSError, ValueError):
            self._stream.flush()

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return bool(self._stream.isatty())

    def fileno(self) -> int:
        return int(self._stream.fileno())

    @property
    def encoding(self) -> str:  # type: ignore[override]  # the real stream's
        return str(self._stream.encoding)

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self._stream.errors  # type: ignore[no-any-return]


def _report_alignment(paths: list[str]) -> Any:
    """The alignment to report: read from one alignment file, else compared from articles."""
    from storydiff.coverage.store import read_alignment

    if len(paths) == 1 and _is_alignment_file(Path(paths[0])):
        return read_alignment(Path(paths[0]))
    from storydiff.coverage.pipeline import compare_paths

    result = compare_paths(paths)
    for failure in result.failures:
        warn(f"{failure.path}: {failure.message} (skipped)")
    return result.alignment


def _is_alignment_file(path: Path) -> bool:
    # A .json path is an alignment file unless it parses as JSON without a "schema"
    # (a JSON article); unreadable or broken ones are read as alignments so the error
    # names the real problem.
    if path.suffix.lower() != ".json":
        return False
    import json

    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return True
    return not isinstance(data, dict) or "schema" in data


@command()
@run_or_exit
def report(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="SOURCE", help="An alignment .json file, or article "
                       "files/folders to compare first."),
    ],
    report_format: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="md, html, csv or json.")
    ] = "md",
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="FILE", show_default=False,
                     help="File to write atomically (default: stdout)."),
    ] = None,
    rows: Annotated[
        str,
        typer.Option("--rows", metavar="ROWS", help="CSV only: one row per divergence and "
                     "outlet ('divergences', with 'omitted' and 'added' rows), or per claim "
                     "member ('claims')."),
    ] = "divergences",
    fail_on: Annotated[
        str | None,
        typer.Option("--fail-on", metavar="TYPES", help=_FAIL_ON_HELP, show_default=False),
    ] = None,
    min_confidence: Annotated[
        float,
        typer.Option(min=0.0, max=1.0, metavar="SCORE",
                     help="Leave out divergences less certain than this (0..1)."),
    ] = 0.0,
) -> None:
    """Render a story as a Markdown, HTML, CSV or JSON report.

    CSV cells starting with = + - @ get a leading apostrophe so no spreadsheet runs
    them as formulas. Exit status: 0 ok, 1 --fail-on matched, 2 trouble.

    \b
    Example:
      storydiff report alignments/kessford-spill.json --format html --out report.html
    """
    from storydiff.coverage.pipeline import keep_confident
    from storydiff.coverage.store import check_output_path, write_text_atomic
    from storydiff.report import FORMATS, render
    from storydiff.report.gate import parse_fail_on

    if report_format not in FORMATS:
        raise fail(f"--format: unknown format {report_format!r}; valid: {', '.join(FORMATS)}")
    if rows not in ("divergences", "claims"):
        raise fail(f"--rows: unknown rows {rows!r}; valid: divergences, claims")
    gate = parse_fail_on(fail_on) if fail_on else None
    if out is not None:
        check_output_path(out, inputs=paths)
    alignment = keep_confident(_report_alignment(paths), min_confidence)
    text = render(alignment, report_format, rows=rows)
    if out is None:
        print_data(text)
    else:
        write_text_atomic(text, out)
        typer.echo(f"wrote {out}", err=True)
    if gate is not None and _report_gate(alignment, gate):
        raise typer.Exit(EXIT_DIVERGENCE)


@command()
@run_or_exit
def batch(
    stories: Annotated[
        Path, typer.Argument(metavar="STORIES", help="A folder whose subfolders are stories, "
                             "one file per outlet (and an optional outlets.yaml).")
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", metavar="DIR",
                           help="Folder for the reports and index (created).")
    ],
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, metavar="N", show_default=False,
                     help="Stories compared at once (default: one per CPU core)."),
    ] = None,
    report_format: Annotated[
        str,
        typer.Option("--format", "-f", metavar="FORMATS",
                     help="Reports per story, comma-separated: html, md, csv."),
    ] = "html,md",
    fail_on: Annotated[
        str | None,
        typer.Option("--fail-on", metavar="TYPES", help=_BATCH_FAIL_ON_HELP, show_default=False),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", metavar="ADDRESS", show_default=False,
                     help="Run the stories on the Dask cluster of this scheduler "
                     "(tcp://host:8786) instead of local processes; needs "
                     "storydiff[dask], and workers that see STORIES at the same path."),
    ] = None,
) -> None:
    """Compare and report every story folder in parallel, with an index ranking them.

    Writes DIR/STORY/alignment.json and report.FORMAT per story, and DIR/index.html
    and DIR/index.md ranking stories by divergence count. A story that cannot be read is
    listed as failed with its reason; the others still run. Exit status: 0 ok,
    1 --fail-on matched in some story, 2 some story failed or bad usage.

    DIR must not overlap STORIES. A later batch replaces only the files an earlier one
    wrote (listed in each folder's .storydiff-output); a folder it did not write that
    holds anything is refused.

    \b
    Example:
      storydiff batch articles/ --out reports/ --jobs 4 --fail-on number_changed
      storydiff batch /shared/stories --out reports/ --scheduler tcp://10.0.0.5:8786
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from storydiff.report.batch import BATCH_FORMATS, run_batch
    from storydiff.report.gate import parse_fail_on

    formats = tuple(dict.fromkeys(f.strip().lower() for f in report_format.split(",") if f.strip()))
    unknown = [f for f in formats if f not in BATCH_FORMATS]
    if unknown:
        raise fail(f"--format: unknown format {unknown[0]!r}; valid: {', '.join(BATCH_FORMATS)}")
    gate = parse_fail_on(fail_on) if fail_on else frozenset()
    if scheduler is not None:
        if jobs is not None:
            raise fail("--jobs: not used with --scheduler (the cluster's workers run the "
                       "stories); give one or the other")
        from storydiff.report.cluster import require_dask

        require_dask()  # before the stories folder is read: the error is the only output
    console = Console(stderr=True)
    # The description is fixed text: story names are untrusted and Rich reads markup.
    progress = Progress(
        "stories", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        # sys.stderr itself, not Rich's guess: Rich calls a CI log a terminal when the
        # environment forces colour, and a progress bar is noise in a log.
        console=console, disable=quiet or not sys.stderr.isatty(),
    )
    task = progress.add_task("stories", total=None)

    def started(total: int) -> None:
        # Only once the stories folder is known good, so an error is the only output.
        progress.update(task, total=total)
        progress.start()

    try:
        result = run_batch(
            stories, out, jobs=jobs, formats=formats, fail_on=gate, on_start=started,
            on_story_done=lambda _outcome: progress.advance(task), scheduler=scheduler,
        )
    finally:
        progress.stop()
    for outcome in result.failed:
        warn(f"{outcome.name}: {outcome.error} (story skipped)")
    reported = len(result.outcomes) - len(result.failed)
    typer.echo(f"wrote {out / 'index.html'}: {reported} stories reported, "
               f"{len(result.failed)} failed", err=True)
    if result.failed:
        raise fail(f"{len(result.failed)} of {len(result.outcomes)} stories failed; see the index")
    if result.fail_on_hits:
        typer.echo(f"{result.fail_on_hits} divergence(s) of the --fail-on types found", err=True)
        raise typer.Exit(EXIT_DIVERGENCE)
