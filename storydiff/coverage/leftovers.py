"""What a killed run leaves behind, and how a later run knows it may remove it.

A run killed with ``kill -9`` (or by the out-of-memory killer) cannot tidy up: a
temporary file beside an output, or ``batch``'s staging folder, stays. Their names carry
the run's process id and a tag of the machine it ran on (``owner_tag``); a later run
removes one only when the name says this machine and that process is gone
(``is_leftover``). Nothing else is ever removed: a user's file has no such name, and a
folder shared over the network is left alone by the other machine's runs.
"""

from __future__ import annotations

import hashlib
import os
import re
import socket

_TAG = re.compile(r"(\d{1,10})-([0-9a-f]{8})")


def _host_tag() -> str:
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


def owner_tag() -> str:
    """``<pid>-<host>``: this process, on this machine, for a leftover's name."""
    return f"{os.getpid()}-{_host_tag()}"


def owner_tag_pattern() -> str:
    """A regular expression matching any ``owner_tag`` (in groups: pid, host)."""
    return _TAG.pattern


def is_leftover(pid: int, host: str) -> bool:
    """Whether a name tagged ``<pid>-<host>`` was left by a run that is over.

    Only a process of this machine is checked, and one that still runs (or that this
    user cannot signal, so cannot tell) is taken as running.
    """
    if os.name != "posix" or host != _host_tag() or pid <= 0 or pid == os.getpid():
        return False  # on Windows, os.kill would end the process rather than probe it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # PermissionError: another user's live process
        return False
    return False
