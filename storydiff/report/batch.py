"""Many stories at once: compare and report each subfolder of a folder, in parallel, with an index.

Each story runs in its own worker process (``ProcessPoolExecutor``) because the
analysis is CPU-bound pure Python; one broken story becomes a failed row in the index
with its reason and never stops the others. Output folders are named from story folder
names, which are untrusted, so ``safe_story_name`` keeps every output inside the
output folder (no ``..``, separators, absolute paths, control characters or names that
clash with the index files) and ``assign_output_names`` keeps them distinct.
"""

from __future__ import annotations

import contextlib
import ctypes
import html
import multiprocessing
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from multiprocessing.process import BaseProcess
from pathlib import Path
from urllib.parse import quote

from storydiff.coverage.leftovers import is_leftover, owner_tag, owner_tag_pattern
from storydiff.coverage.load import path_text
from storydiff.coverage.model import DivergenceType
from storydiff.coverage.settings import Settings
from storydiff.coverage.store import (
    dumps_alignment,
    is_within,
    place_file,
    write_text_atomic,
)
from storydiff.errors import NoArticlesError, OutputError, StorydiffError
from storydiff.report.common import clean_text, summarise
from storydiff.report.gate import divergences_matching
from storydiff.report.html import CONTENT_SECURITY_POLICY
from storydiff.report.markdown import md_text

BATCH_FORMATS = ("html", "md", "csv")
"""Report formats a batch can write beside each story's ``alignment.json``."""

OWNED_MARKER = ".storydiff-output"
"""In each folder ``batch`` writes (the output folder and each story's): the files it
wrote there, which a later batch may replace or remove. Nothing else is touched."""

_OWNED_NAMES = frozenset(
    {"index.html", "index.md", "alignment.json", *(f"report.{f}" for f in BATCH_FORMATS)}
)


_NAME_LIMIT = 80
_UNSAFE_RUN = re.compile(r"[^\w.-]+")
_DOTS = re.compile(r"\.{2,}")
_DASHES = re.compile(r"-{2,}")
_RESERVED = frozenset(
    {"index.html", "index.md", "con", "prn", "aux", "nul"}
    | {f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)}
)


class BatchError(StorydiffError):
    """The stories folder cannot be used (missing, not a folder, no story in it)."""


def safe_story_name(name: str) -> str:
    """A single, harmless path component derived from a story folder name.

    >>> [safe_story_name(n) for n in ("../etc", "/abs/path", "a\\x1bb", "..", "Fire in Rome")]
    ['etc', 'abs-path', 'a-b', 'story', 'Fire-in-Rome']
    """
    text = unicodedata.normalize("NFKC", name)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else "-" for ch in text)
    text = _DASHES.sub("-", _UNSAFE_RUN.sub("-", text))
    text = _DOTS.sub(".", text).strip(".-_")[:_NAME_LIMIT].rstrip(".-_")
    if not text:
        return "story"
    if text.lower() in _RESERVED or text.split(".")[0].lower() in _RESERVED:
        return f"story-{text}"
    return text


def assign_output_names(names: Sequence[str]) -> tuple[str, ...]:
    """Safe, distinct (case-insensitively) output folder names, one per story, in order."""
    taken: set[str] = set()
    assigned = []
    for name in names:
        base = safe_story_name(name)
        candidate, n = base, 2
        while candidate.lower() in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate.lower())
        assigned.append(candidate)
    return tuple(assigned)


def find_stories(stories_dir: Path, *, exclude: Path | None = None) -> tuple[Path, ...]:
    """The story folders of ``stories_dir``, by name; hidden folders and ``exclude`` skipped.

    Raises:
        BatchError: ``stories_dir`` is not a folder or holds no story folder.
    """
    if not stories_dir.exists():
        raise BatchError(f"{stories_dir}: no such file or folder")
    if not stories_dir.is_dir():
        raise BatchError(f"{stories_dir}: not a folder of story folders")
    skip = exclude.resolve() if exclude is not None else None
    try:
        stories = sorted(
            p for p in stories_dir.iterdir()
            if p.is_dir() and not p.name.startswith(".") and p.resolve() != skip
        )
    except OSError as exc:
        raise BatchError(f"{stories_dir}: cannot list ({exc.strerror or exc})") from None
    if not stories:
        raise BatchError(f"{stories_dir}: no story folders (each story is one subfolder)")
    return tuple(stories)


@dataclass(frozen=True, slots=True)
class StoryJob:
    """What one worker needs to compare and report one story; picklable."""

    folder: str
    out_dir: str
    output_name: str
    formats: tuple[str, ...] = ("html", "md")
    settings: Settings = field(default_factory=Settings)
    fail_on: frozenset[DivergenceType] = frozenset()
    stories_dir: str | None = None
    """The folder of stories: a story that is a link out of it is not read."""


@dataclass(frozen=True, slots=True)
class StoryOutcome:
    """One story's line in the index."""

    name: str
    """The folder name, cleaned for display."""
    output_name: str
    """Its folder under the output folder."""
    outlets: int = 0
    claims: int = 0
    divergences: int = 0
    omissions: int = 0
    types: tuple[tuple[str, int], ...] = ()
    """Divergence counts by type, most frequent first."""
    fail_on_hits: int = 0
    """Divergences of the ``--fail-on`` types."""
    notes: tuple[str, ...] = ()
    """Files skipped and other warnings; the story was still reported."""
    error: str | None = None
    """Why the story failed; None when it was reported."""

    @property
    def is_failed(self) -> bool:
        return self.error is not None


def story_name(job: StoryJob) -> str:
    """The story's folder name, cleaned for display (a name that is not UTF-8 too)."""
    return clean_text(path_text(Path(job.folder).name)) or job.output_name


@dataclass(frozen=True, slots=True)
class StoryFiles:
    """One story's finished work: its index line and the files to write for it.

    Made where the story runs (a local process or a cluster worker) and written where
    the output folder is, so a cluster's workers never need to see the output folder.
    """

    outcome: StoryOutcome
    files: tuple[tuple[str, str], ...] = ()
    """(file name, text) pairs, written into the story's output folder in this order."""


def build_story(job: StoryJob) -> StoryFiles:
    """Compare one story folder and render its alignment and reports, writing nothing;
    never raises for bad input."""
    from storydiff.coverage.pipeline import compare_paths  # the engine loads in the worker
    from storydiff.report import render

    name = story_name(job)
    if job.stories_dir is not None and _links_out(Path(job.folder), Path(job.stories_dir)):
        # As a link out of an article folder is: a story folder must not pull in /etc.
        return StoryFiles(StoryOutcome(name=name, output_name=job.output_name, error=(
            "symbolic link to a folder outside the stories folder; not read")))
    try:
        result = compare_paths([job.folder], settings=job.settings)
        alignment = result.alignment
        files = [("alignment.json", dumps_alignment(alignment))]
        files += [(f"report.{f}", render(alignment, f)) for f in job.formats]
    except NoArticlesError:
        return StoryFiles(StoryOutcome(
            name=name, output_name=job.output_name, error=_why_no_articles(job)))
    except StorydiffError as exc:
        return StoryFiles(StoryOutcome(
            name=name, output_name=job.output_name, error=clean_text(str(exc))))
    summary = summarise(alignment)
    notes = [f"{clean_text(f.path)}: {clean_text(f.message)} (skipped)" for f in result.failures]
    if len(alignment.articles) == 1:
        notes.append("only one article was read; nothing to compare it with")
    types = Counter(d.type.value for c in alignment.claims for d in c.divergences)
    outcome = StoryOutcome(
        name=name,
        output_name=job.output_name,
        outlets=len(alignment.articles),
        claims=summary.claims,
        divergences=summary.divergences,
        omissions=summary.omissions,
        types=tuple(sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
        fail_on_hits=divergences_matching(alignment, job.fail_on) if job.fail_on else 0,
        notes=tuple(notes),
    )
    return StoryFiles(outcome, tuple(files))


def write_story(work: StoryFiles, out_dir: Path) -> StoryOutcome:
    """Write a story's files into ``out_dir/<output name>``; the outcome, failed when the
    files cannot be written. Nothing is written for a failed story."""
    outcome = work.outcome
    if outcome.is_failed:
        return outcome
    try:
        target = _story_dir(out_dir, outcome.output_name)
        target.mkdir(exist_ok=True)
        for file_name, text in work.files:
            write_text_atomic(text, target / file_name)
    except StorydiffError as exc:
        return replace(outcome, error=clean_text(str(exc)))
    except OSError as exc:
        return replace(outcome, error=f"cannot write ({exc.strerror or exc})")
    return outcome


def run_story(job: StoryJob) -> StoryOutcome:
    """Compare one story folder and write its alignment and reports; never raises for bad input."""
    return write_story(build_story(job), Path(job.out_dir))


def _links_out(folder: Path, stories_dir: Path) -> bool:
    return folder.is_symlink() and not is_within(folder, stories_dir)


def _why_no_articles(job: StoryJob) -> str:
    """The reasons behind "no articles": each file and what was wrong with it."""
    from storydiff.coverage.load import load_articles

    try:
        failures = load_articles([job.folder], raise_when_empty=False).failures
    except StorydiffError as exc:
        return clean_text(str(exc))
    if not failures:
        return "no article files in the folder"
    if [f.path for f in failures] == [job.folder]:  # the folder itself: nothing to read
        return clean_text(failures[0].message)
    reasons = "; ".join(f"{Path(f.path).name}: {f.message}" for f in failures)
    return clean_text(f"no readable article ({reasons})")


def _story_dir(out_dir: Path, output_name: str) -> Path:
    target = out_dir / output_name
    # safe_story_name already guarantees this; checked again because escaping DIR is
    # the one mistake a batch must never make.
    if target.resolve().parent != out_dir.resolve() or output_name != safe_story_name(output_name):
        raise OutputError(f"{output_name!r}: unsafe output folder name")
    return target


@dataclass(frozen=True, slots=True)
class BatchResult:
    outcomes: tuple[StoryOutcome, ...]
    """Ranked: most divergences first, failed stories last."""

    @property
    def failed(self) -> tuple[StoryOutcome, ...]:
        return tuple(o for o in self.outcomes if o.is_failed)

    @property
    def fail_on_hits(self) -> int:
        return sum(o.fail_on_hits for o in self.outcomes)


def rank_stories(outcomes: Sequence[StoryOutcome]) -> tuple[StoryOutcome, ...]:
    """Reported stories by divergences, then omissions (most first), then name; failures last."""
    return tuple(
        sorted(
            outcomes,
            key=lambda o: (o.is_failed, -o.divergences, -o.omissions, o.name.lower(), o.name),
        )
    )


def run_batch(
    stories_dir: Path,
    out_dir: Path,
    *,
    jobs: int | None = None,
    formats: Sequence[str] = ("html", "md"),
    settings: Settings | None = None,
    fail_on: frozenset[DivergenceType] = frozenset(),
    on_start: Callable[[int], None] | None = None,
    on_story_done: Callable[[StoryOutcome], None] | None = None,
    scheduler: str | None = None,
) -> BatchResult:
    """Compare and report every story folder of ``stories_dir`` into ``out_dir``, with an index.

    Args:
        jobs: worker processes (default: the machine's cores); 1 runs in this process.
        on_start: told how many stories there are, before any runs.
        on_story_done: told of each story as it finishes, in completion order.
        scheduler: the address of a Dask scheduler to run the stories on instead of
            local processes (needs the ``dask`` extra; see ``storydiff.report.cluster``).

    Raises:
        BatchError: no usable stories folder.
        ClusterError: the scheduler cannot be used (checked before anything is written).
        OutputError: ``out_dir`` overlaps the stories, holds files batch did not write
            (see ``check_output_folder``), cannot be created, or the index cannot be
            written.
    """
    stories = find_stories(stories_dir, exclude=out_dir)
    names = assign_output_names([p.name for p in stories])
    check_output_folder(out_dir, stories_dir, stories, names)
    with _stories_runner(scheduler, stories_dir, jobs) as (run, where):
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            if not (out_dir / OWNED_MARKER).is_file():
                _mark(out_dir, set())  # before the staging folder, which is not the user's
            # Everything is written into a staging folder inside DIR and moved into place
            # at the end: an interrupted batch leaves DIR as it was.
            remove_leftover_staging(out_dir)
            staging = _make_staging(out_dir)
        except OSError as exc:
            raise OutputError(f"{out_dir}: cannot create ({exc.strerror or exc})") from None
        try:
            story_jobs = [
                StoryJob(
                    folder=str(where(folder)), out_dir=str(staging), output_name=name,
                    formats=tuple(formats), settings=settings or Settings(), fail_on=fail_on,
                    stories_dir=str(where(stories_dir)),
                )
                for folder, name in zip(stories, names, strict=True)
            ]
            if on_start is not None:
                on_start(len(story_jobs))
            outcomes = run(story_jobs, staging, on_story_done or (lambda _outcome: None))
            result = BatchResult(outcomes=rank_stories(outcomes))
            for failed in result.failed:
                # Whatever a failed story wrote before it failed is not put in place.
                shutil.rmtree(staging / failed.output_name, ignore_errors=True)
            write_text_atomic(render_index_markdown(result, formats=formats),
                              staging / "index.md")
            write_text_atomic(render_index_html(result, formats=formats),
                              staging / "index.html")
            _move_into_place(staging, out_dir)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return result


RunStories = Callable[
    [Sequence[StoryJob], Path, Callable[[StoryOutcome], None]], list[StoryOutcome]
]
"""Runs the jobs, writes each story's files into the staging folder, and tells ``done``
of each outcome as it comes."""


@contextmanager
def _stories_runner(
    scheduler: str | None, stories_dir: Path, jobs: int | None
) -> Iterator[tuple[RunStories, Callable[[Path], Path]]]:
    """How the stories run (here, or on the cluster at ``scheduler``), and how a story
    folder is named to whatever reads it."""
    if scheduler is None:
        def run_here(
            story_jobs: Sequence[StoryJob], _staging: Path, done: Callable[[StoryOutcome], None]
        ) -> list[StoryOutcome]:
            workers = max(1, min(jobs or os.cpu_count() or 1, len(story_jobs)))
            if workers == 1:
                return _run_in_process(story_jobs, done)
            return _run_in_pool(story_jobs, workers, done)

        yield run_here, lambda folder: folder
        return
    from storydiff.report.cluster import connected, run_on_cluster

    def absolute(folder: Path) -> Path:
        # Workers start elsewhere: a relative path would be read from their folder.
        return Path(os.path.abspath(folder))

    with connected(scheduler, absolute(stories_dir)) as client:
        yield partial(run_on_cluster, client), absolute


_STAGING_PREFIX = ".storydiff-batch-"


def _make_staging(out_dir: Path) -> Path:
    """A new staging folder in ``out_dir``, named with this run's ``owner_tag`` so that,
    if the run is killed, a later one can tell it is a leftover."""
    return Path(tempfile.mkdtemp(prefix=f"{_STAGING_PREFIX}{owner_tag()}-", dir=out_dir))


def remove_leftover_staging(out_dir: Path) -> None:
    """Remove the staging folders in ``out_dir`` of batches that were killed (see
    ``storydiff.coverage.leftovers``): only folders so named, whose run is over."""
    pattern = re.compile(rf"{re.escape(_STAGING_PREFIX)}{owner_tag_pattern()}-\w+")
    try:
        entries = list(out_dir.iterdir())
    except OSError:
        return
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if (match and not entry.is_symlink() and entry.is_dir()
                and is_leftover(int(match[1]), match[2])):
            shutil.rmtree(entry, ignore_errors=True)


def check_output_folder(
    out_dir: Path, stories_dir: Path, stories: Sequence[Path], names: Sequence[str]
) -> None:
    """Refuse an output folder that overlaps the stories, or one batch did not write.

    ``out_dir`` may be a folder of its own inside ``stories_dir`` (it is then no story),
    but not ``stories_dir`` itself, a folder holding it, or one inside a story.

    Raises:
        OutputError: naming the folder and why.
    """
    if is_within(stories_dir, out_dir) or any(is_within(out_dir, s) for s in stories):
        raise OutputError(
            f"{out_dir}: overlaps the stories folder {str(stories_dir)!r}; "
            "choose an output folder outside it"
        )
    for folder in (out_dir, *(out_dir / name for name in names)):
        if not _is_owned(folder):
            raise OutputError(f"{folder}: {_why_not_owned(folder)}")


def _why_not_owned(folder: Path) -> str:
    if folder.is_symlink() and not folder.exists():
        return "symbolic link to nothing; choose an empty or new folder"
    if not folder.is_dir():
        return "not a folder; choose an empty or new folder"
    return "holds files storydiff did not write; choose an empty or new folder"


def _is_owned(folder: Path) -> bool:
    """Missing, empty, or marked as written by batch."""
    if not folder.exists() and not folder.is_symlink():
        return True
    if not folder.is_dir():
        return False
    return (folder / OWNED_MARKER).is_file() or not any(folder.iterdir())


def _listed(folder: Path) -> set[str]:
    """The files the marker of ``folder`` says batch wrote there (only names batch writes:
    the marker is a file anyone can edit)."""
    try:
        lines = (folder / OWNED_MARKER).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return set()
    return {line.strip() for line in lines} & _OWNED_NAMES


def _mark(folder: Path, names: set[str]) -> None:
    text = "".join(f"{name}\n" for name in sorted(names))
    write_text_atomic(
        "# storydiff batch wrote the files below; a later batch replaces or removes only"
        " these\n" + text,
        folder / OWNED_MARKER,
    )


def _place_owned(files: Sequence[Path], folder: Path) -> None:
    """Put finished files into ``folder``, which batch owns, and remove the files an
    earlier batch wrote there that this one did not. The marker first lists both, so a
    move cut short leaves no file of ours unlisted."""
    if not _is_owned(folder):  # checked before the run; things may have changed since
        raise OutputError(
            f"{folder}: holds files storydiff did not write; choose an empty or new folder"
        )
    folder.mkdir(exist_ok=True)
    earlier = _listed(folder)
    written = {f.name for f in files}
    _mark(folder, earlier | written)
    for finished in files:
        place_file(finished, folder / finished.name)
    for name in sorted(earlier - written):
        stale = folder / name
        if stale.is_symlink() or stale.is_file():
            stale.unlink()
    _mark(folder, written)


def _move_into_place(staging: Path, out_dir: Path) -> None:
    """Move the staged index and reports into DIR, one rename a file, replacing only
    files an earlier batch wrote (see ``OWNED_MARKER``)."""
    try:
        entries = sorted(staging.iterdir())
        _place_owned([e for e in entries if not e.is_dir()], out_dir)
        for entry in entries:
            if entry.is_dir():
                _place_owned(sorted(entry.iterdir()), out_dir / entry.name)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot move reports into place ({exc.strerror or exc})") \
            from None


def _run_in_process(
    story_jobs: Sequence[StoryJob], done: Callable[[StoryOutcome], None]
) -> list[StoryOutcome]:
    outcomes = []
    for job in story_jobs:
        try:
            outcome = run_story(job)
        except Exception as exc:  # noqa: BLE001 - one story's bug must not stop the batch
            outcome = crashed(job, exc)
        outcomes.append(outcome)
        done(outcome)
    return outcomes


def died(job: StoryJob) -> StoryOutcome:
    """The index line of a story whose worker died under it."""
    return StoryOutcome(
        name=story_name(job),
        output_name=job.output_name,
        error="the worker process died (out of memory?)",
    )


def crashed(job: StoryJob, exc: BaseException) -> StoryOutcome:
    """The index line of a story whose analysis raised what bad input never should."""
    problem = clean_text(f"{type(exc).__name__}: {exc}")[:300]
    return StoryOutcome(
        name=story_name(job),
        output_name=job.output_name,
        error=f"storydiff failed on this story ({problem}); this is a bug, please report it",
    )


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold a Ctrl-C or SIGTERM that arrives while the worker processes are forked until
    they are.

    An exception raised inside the fork hooks is printed and dropped by Python
    ("Exception ignored in ..."), and the batch would run on to the end. Here the signal
    is noted and raised again, to its own handler, once the pool is up.
    """
    arrived: list[int] = []

    def note(signum: int, _frame: object) -> None:
        arrived.append(signum)

    deferred = [sig for sig in (signal.SIGINT, signal.SIGTERM)
                if signal.getsignal(sig) is not None]  # None: a handler Python did not set
    try:
        previous = {sig: signal.signal(sig, note) for sig in deferred}
    except ValueError:  # not the main thread: nothing to defer
        yield
        return
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if arrived:
        signal.raise_signal(arrived[0])


def _start_worker(parent: int) -> None:
    """Run first in each worker process: it ends with the batch, however the batch ends.

    Ctrl-C and SIGTERM are left to the batch, which ends its workers at once
    (``_end_workers``); a worker that outlived a ``kill -9`` of the batch would run on,
    writing into a staging folder nobody will put in place, and holding the batch's
    stderr open.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # what ends it, not the batch's handler
    if not _ask_for_parent_death_signal():
        threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the batch died before the signal was asked for
        os._exit(1)


def _ask_for_parent_death_signal() -> bool:
    """Linux: have the kernel send this process SIGKILL when its parent dies."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _end_workers(executor: ProcessPoolExecutor, others: set[BaseProcess]) -> None:
    """Drop the stories not yet started and end the running ones now (on Ctrl-C or
    SIGTERM): a story may take minutes, and its output would be thrown away."""
    executor.shutdown(wait=False, cancel_futures=True)
    workers = [p for p in multiprocessing.active_children() if p not in others]
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.join(timeout=5)
        if worker.is_alive():
            worker.kill()
            worker.join()


def _run_in_pool(
    story_jobs: Sequence[StoryJob], workers: int, done: Callable[[StoryOutcome], None]
) -> list[StoryOutcome]:
    """Run the stories in worker processes; one that kills its worker fails alone.

    A worker that dies (out of memory, killed) breaks the whole pool, and every story not
    yet finished with it. Those not yet started are run again in a new pool; those that
    had started are each run again alone, so that only a story that kills its worker
    every time is failed for it.
    """
    outcomes: list[StoryOutcome] = []
    pending = list(story_jobs)
    with tempfile.TemporaryDirectory(prefix="storydiff-started-") as started:
        while pending:
            finished, broken = _run_pool_once(pending, workers, done, started)
            outcomes += finished
            suspects = [j for j in broken if os.path.exists(_started_mark(started, j))]
            pending = [j for j in broken if j not in suspects]
            if broken and not suspects:  # the pool broke before any story began
                suspects, pending = broken, []
            for job in suspects:
                alone, lost = _run_pool_once([job], 1, done, started)
                outcomes += alone
                for dead in lost:
                    outcome = died(dead)
                    outcomes.append(outcome)
                    done(outcome)
    return outcomes


def _started_mark(started: str, job: StoryJob) -> str:
    return os.path.join(started, job.output_name)


def _run_marked(job: StoryJob, started: str) -> StoryOutcome:
    """``run_story``, after leaving a mark that the story was begun (see ``_run_in_pool``)."""
    with contextlib.suppress(OSError):  # a full disk: the story is then taken as unstarted
        Path(_started_mark(started, job)).touch()
    return run_story(job)


def _run_pool_once(
    story_jobs: Sequence[StoryJob], workers: int, done: Callable[[StoryOutcome], None],
    started: str,
) -> tuple[list[StoryOutcome], list[StoryJob]]:
    """The outcomes of the stories that finished, and the stories a broken pool lost."""
    outcomes = []
    broken = []
    others = set(multiprocessing.active_children())
    executor = ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(os.getpid(),))
    try:
        with _interrupts_deferred():
            futures: dict[Future[StoryOutcome], StoryJob] = {
                executor.submit(_run_marked, job, started): job for job in story_jobs
            }
        for future in as_completed(futures):
            try:
                outcome = future.result()
            except BrokenProcessPool:
                broken.append(futures[future])
                continue
            except Exception as exc:  # noqa: BLE001 - one story's bug must not stop the batch
                outcome = crashed(futures[future], exc)
            outcomes.append(outcome)
            done(outcome)
    except BaseException:
        _end_workers(executor, others)
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    return outcomes, broken


def _report_link(outcome: StoryOutcome, formats: Sequence[str], preferred: str) -> str:
    chosen = preferred if preferred in formats else next(iter(formats), None)
    file_name = f"report.{chosen}" if chosen else "alignment.json"
    return f"{quote(outcome.output_name)}/{file_name}"


def _type_summary(outcome: StoryOutcome) -> str:
    return ", ".join(f"{name} {count}" for name, count in outcome.types) or "—"


def render_index_markdown(result: BatchResult, *, formats: Sequence[str] = ("html", "md")) -> str:
    """The batch index as Markdown: stories ranked by divergences, then the failed ones."""
    reported = [o for o in result.outcomes if not o.is_failed]
    lines = [
        "# Story index",
        "",
        f"{len(reported)} stories reported, {len(result.failed)} failed. "
        "Ranked by divergences, then omissions.",
        "",
    ]
    if reported:
        lines += [
            "| Rank | Story | Outlets | Claims | Divergences | Omissions | By type |",
            "| ---: | --- | ---: | ---: | ---: | ---: | --- |",
        ]
        for rank, o in enumerate(reported, start=1):
            lines.append(
                f"| {rank} | [{md_text(o.name)}]({_report_link(o, formats, 'md')}) | {o.outlets} "
                f"| {o.claims} | {o.divergences} | {o.omissions} | {_type_summary(o)} |"
            )
        lines.append("")
    notes = [(o, note) for o in reported for note in o.notes]
    if notes:
        lines += ["## Notes", ""] + [f"- {md_text(o.name)}: {md_text(n)}" for o, n in notes] + [""]
    if result.failed:
        lines += ["## Failed stories", "", "| Story | Reason |", "| --- | --- |"]
        lines += [f"| {md_text(o.name)} | {md_text(o.error)} |" for o in result.failed]
        lines.append("")
    return "\n".join(lines)


def render_index_html(result: BatchResult, *, formats: Sequence[str] = ("html", "md")) -> str:
    """The batch index as one self-contained HTML page."""

    def e(text: str | None) -> str:
        return html.escape(clean_text(text), quote=True)

    reported = [o for o in result.outcomes if not o.is_failed]
    rows = "".join(
        f'<tr><td class="num">{rank}</td>'
        f'<td><a href="{html.escape(_report_link(o, formats, "html"))}">{e(o.name)}</a></td>'
        f'<td class="num">{o.outlets}</td><td class="num">{o.claims}</td>'
        f'<td class="num"><b>{o.divergences}</b></td><td class="num">{o.omissions}</td>'
        f"<td>{e(_type_summary(o))}</td></tr>"
        for rank, o in enumerate(reported, start=1)
    )
    notes = "".join(f"<li>{e(o.name)}: {e(n)}</li>" for o in reported for n in o.notes)
    failed = "".join(f"<tr><td>{e(o.name)}</td><td>{e(o.error)}</td></tr>" for o in result.failed)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        '<meta name="referrer" content="no-referrer">\n<title>Story index</title>\n<style>'
        "body{font:15px/1.5 system-ui,sans-serif;max-width:1000px;margin:0 auto;padding:1.5rem;"
        "color:#1d2939}table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d5dd;"
        "padding:.3rem .5rem;text-align:left}th{background:#f9fafb}td.num{text-align:right}"
        ".failed td{background:#fef3f2}@media print{tr{break-inside:avoid}}"
        "</style>\n</head>\n<body>\n<h1>Story index</h1>\n"
        f"<p>{len(reported)} stories reported, {len(result.failed)} failed. "
        "Ranked by divergences, then omissions.</p>\n"
        + (
            "<table><thead><tr><th>Rank</th><th>Story</th><th>Outlets</th><th>Claims</th>"
            "<th>Divergences</th><th>Omissions</th><th>By type</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>\n"
            if reported else ""
        )
        + (f"<h2>Notes</h2><ul>{notes}</ul>\n" if notes else "")
        + (
            '<h2>Failed stories</h2><table class="failed"><thead><tr><th>Story</th>'
            f"<th>Reason</th></tr></thead><tbody>{failed}</tbody></table>\n"
            if failed else ""
        )
        + "</body>\n</html>\n"
    )
