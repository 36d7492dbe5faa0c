"""A batch's stories on a Dask distributed cluster: ``storydiff batch --scheduler ADDRESS``.

Dask is the optional ``dask`` extra. Each story is one task: a worker reads the story
folder (which it must see at the same absolute path as this machine: a shared file
system), compares it and renders its reports, and sends the texts back (``StoryFiles``).
Only this process writes, into the batch's staging folder, so the output folder need not
be visible to the workers and a batch on a cluster keeps every guarantee of a local one:
ownership markers, staging, one rename per file.

Everything that can be checked before any story runs is: the address, that the
scheduler answers, that it has workers, that each worker has this version of storydiff
and sees the stories folder. A cluster that fails these is one ``error:`` line, not a
batch of identical failed stories.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Iterator, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storydiff.errors import StorydiffError
from storydiff.report.batch import (
    StoryFiles,
    StoryJob,
    StoryOutcome,
    build_story,
    crashed,
    died,
    write_story,
)

if TYPE_CHECKING:
    from distributed import Client

INSTALL = "pip install 'storydiff[dask]'"
"""How to get the extra, as the error tells it."""

CONNECT_SECONDS = 10.0
"""How long to wait for the scheduler to answer and for a first worker to join."""


class ClusterError(StorydiffError):
    """The scheduler cannot be used: Dask missing, bad address, no answer, unfit workers."""


def require_dask() -> None:
    """Raise ``ClusterError`` saying how to install Dask when it is not installed."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise ClusterError(
            f"--scheduler: needs Dask, which is not installed; install it with: {INSTALL}"
        ) from None


@contextlib.contextmanager
def connected(address: str, stories_dir: Path) -> Iterator[Client]:
    """A client of the scheduler at ``address`` whose workers can run the stories of
    ``stories_dir``; closed on leaving, cancelling whatever it still runs.

    Raises:
        ClusterError: see the module docstring.
    """
    require_dask()
    from distributed import Client

    _quiet_dask_logs()
    if not address.startswith("inproc://"):  # in-process addresses live in one event loop
        _probe(address)
    try:
        client = Client(address, timeout=f"{CONNECT_SECONDS}s", set_as_default=False)
    except (OSError, ValueError) as exc:
        raise ClusterError(f"--scheduler: cannot connect to {address!r} ({exc})") from None
    try:
        _check_workers(client, address, stories_dir)
        yield client
    finally:
        with contextlib.suppress(Exception):
            client.close(timeout=CONNECT_SECONDS)


def _quiet_dask_logs() -> None:
    # Dask logs reconnects and shutdowns at INFO/WARNING on stderr; a batch's stderr is
    # its progress, its warnings and its one error line.
    for name in ("distributed", "dask"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _probe(address: str) -> None:
    """Refuse an address that is malformed or does not answer, before making a Client
    (a Client that failed to connect complains again when it is garbage-collected)."""
    from distributed.comm.core import connect

    async def probe() -> None:
        comm = await connect(address, timeout=CONNECT_SECONDS)
        await comm.close()

    try:
        asyncio.run(probe())
    except ValueError as exc:
        raise ClusterError(f"--scheduler: {address!r} is not a scheduler address ({exc}); "
                           "expected one like tcp://host:8786") from None
    except OSError as exc:
        raise ClusterError(f"--scheduler: cannot connect to {address!r} ({exc})") from None


def _check_workers(client: Client, address: str, stories_dir: Path) -> None:
    try:
        client.wait_for_workers(1, timeout=CONNECT_SECONDS)
    except (TimeoutError, OSError):
        raise ClusterError(
            f"--scheduler: no worker joined {address!r} within {CONNECT_SECONDS:.0f} s; "
            "start some with: dask worker ADDRESS"
        ) from None
    ours = _storydiff_version()
    theirs: dict[str, Any] = client.run(_storydiff_version, on_error="return")
    for worker, found in sorted(theirs.items()):
        if found != ours:
            has = "no storydiff" if not isinstance(found, str) else f"storydiff {found}"
            raise ClusterError(
                f"--scheduler: worker {worker} has {has}, this is storydiff {ours}; "
                "install the same version on every worker"
            )
    seen: dict[str, Any] = client.run(Path.is_dir, stories_dir, on_error="return")
    blind = sorted(worker for worker, ok in seen.items() if ok is not True)
    if blind:
        raise ClusterError(
            f"--scheduler: worker {blind[0]} cannot see {str(stories_dir)!r}; the workers "
            "must see the stories folder at the same path (a shared file system)"
        )


def _storydiff_version() -> str | None:
    """Run on each worker: which storydiff it would import, if any."""
    try:
        return version("storydiff")
    except PackageNotFoundError:
        return None


def run_on_cluster(
    client: Client,
    story_jobs: Sequence[StoryJob],
    staging: Path,
    done: Callable[[StoryOutcome], None],
) -> list[StoryOutcome]:
    """Run each job as one task and write its files into ``staging`` as it comes back."""
    from distributed import as_completed
    from distributed.client import FutureCancelledError
    from distributed.scheduler import KilledWorker

    futures = client.map(build_story, story_jobs, pure=False)
    jobs = {future.key: job for future, job in zip(futures, story_jobs, strict=True)}
    outcomes = []
    try:
        for future in as_completed(futures, loop=client.loop):
            job = jobs[future.key]
            try:
                work: StoryFiles = future.result()
                outcome = write_story(work, staging)
            except (KilledWorker, FutureCancelledError):
                outcome = died(job)
            except Exception as exc:  # noqa: BLE001 - one story's bug must not stop the batch
                outcome = crashed(job, exc)
            outcomes.append(outcome)
            done(outcome)
    finally:
        # On Ctrl-C, or an error here: the cluster stops working for us.
        with contextlib.suppress(Exception):
            client.cancel(futures)
    return outcomes
