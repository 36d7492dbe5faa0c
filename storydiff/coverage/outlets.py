"""What outlets are called: the names a user gives them, and short labels for display.

An article with no metadata is named after its file (``000_402aea852ad639f5``), which
says nothing and fills a table column. The user can name outlets: ``--outlet
FILE=NAME`` on the command line, or an ``outlets.yaml`` beside the articles mapping file
names to outlet names; a name given so wins over anything the file says of itself.
Whatever the name, ``outlet_labels`` gives each outlet a short label for tables and
the TUI, cutting a hash-like run of a file name to its first characters.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePosixPath

import yaml

from storydiff.coverage.model import Article
from storydiff.errors import StorydiffError

OUTLETS_FILE = "outlets.yaml"
"""The file beside the articles that names their outlets: ``file name: outlet name``."""

_MAX_OUTLETS_FILE = 256 * 1024
_HASH_RUN = re.compile(r"(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{10,}"
                       r"(?![0-9A-Za-z])", re.IGNORECASE)
_HASH_KEEP = 6


class OutletNameError(StorydiffError):
    """An outlet naming (``--outlet`` or ``outlets.yaml``) that cannot be used."""


def parse_outlet_option(value: str) -> tuple[str, str]:
    """``FILE=NAME`` as given to ``--outlet``, split at the first ``=``.

    >>> parse_outlet_option("000_402a.txt=The Epoch Times")
    ('000_402a.txt', 'The Epoch Times')

    Raises:
        OutletNameError: no ``=``, or nothing on one side of it.
    """
    file, sep, name = value.partition("=")
    file, name = file.strip(), " ".join(name.split())
    if not sep or not file or not name:
        raise OutletNameError(f"--outlet: expected FILE=NAME, got {value!r}")
    return file, name


def read_outlets_file(path: str) -> dict[str, str]:
    """The ``file name → outlet name`` mapping of an ``outlets.yaml``.

    Raises:
        OutletNameError: unreadable, too large, not YAML, or not a mapping of names to
            names (the message names the file).
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read(_MAX_OUTLETS_FILE + 1)
    except OSError as exc:
        raise OutletNameError(f"{path}: cannot read ({(exc.strerror or 'error').lower()})") \
            from None
    if len(data) > _MAX_OUTLETS_FILE:
        raise OutletNameError(f"{path}: too large for a list of outlet names")
    try:
        text = data.decode("utf-8")
        _check_structure(yaml.parse(text), path=path)
        loaded = yaml.safe_load(text)
    except (UnicodeDecodeError, yaml.YAMLError):
        raise OutletNameError(f"{path}: not valid YAML (expected 'file name: outlet name' "
                              "lines)") from None
    return _outlet_mapping(loaded, path=path)


_MAX_DEPTH = 4
"""A list of names is one mapping deep; a few levels more get a clear message below."""


def _check_structure(events: Iterable[yaml.Event], *, path: str) -> None:
    """Refuse what no list of names needs before it is built: aliases, which let a few
    lines expand into gigabytes, and deep nesting, which exhausts Python's stack."""
    depth = 0
    for event in events:
        if isinstance(event, yaml.AliasEvent):
            raise OutletNameError(f"{path}: YAML aliases are not allowed here")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > _MAX_DEPTH:
                raise OutletNameError(f"{path}: nested too deeply (expected 'file name: "
                                      "outlet name' lines)")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _outlet_mapping(loaded: object, *, path: str) -> dict[str, str]:
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise OutletNameError(f"{path}: expected 'file name: outlet name' lines")
    names: dict[str, str] = {}
    for key, value in loaded.items():
        name = " ".join(str(value).split()) if isinstance(value, str | int | float) else ""
        if not isinstance(key, str | int) or isinstance(value, bool) or not name:
            raise OutletNameError(f"{path}: {str(key)!r} needs an outlet name")
        names[str(key)] = name
    return names


def source_keys(source: str) -> tuple[str, ...]:
    """The ways a user may name one article source: as given, its file name, its stem.

    >>> source_keys("stories/x/000_402a.txt")
    ('stories/x/000_402a.txt', '000_402a.txt', '000_402a')
    """
    name = PurePosixPath(source.replace("\\", "/")).name
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return tuple(dict.fromkeys((source, name, stem)))


class OutletNamer:
    """Finds the name the user gave a source: ``--outlet`` first, then ``outlets.yaml``.

    Each folder's ``outlets.yaml`` is read once, when a source in that folder is first
    named. ``unused()`` lists the ``--outlet`` files that named no source, which is a
    mistake worth an error (a typo in a file name).
    """

    def __init__(self, given: Mapping[str, str] | None = None) -> None:
        self._given = dict(given or {})
        self._used: set[str] = set()
        self._folders: dict[str, dict[str, str]] = {}

    def name_for(self, source: str) -> str | None:
        """The user's name for ``source``, or None.

        Raises:
            OutletNameError: the ``outlets.yaml`` beside ``source`` is broken.
        """
        keys = source_keys(source)
        for key in keys:
            if key in self._given:
                self._used.add(key)
                return self._given[key]
        if "://" in source:
            return None
        folder_names = self._folder_names(os.path.dirname(source))
        return next((folder_names[key] for key in keys[1:] if key in folder_names), None)

    def _folder_names(self, folder: str) -> dict[str, str]:
        if folder not in self._folders:
            path = os.path.join(folder, OUTLETS_FILE)
            if _links_out_of(path, folder):
                # As an article's link is: a story folder must not pull in a file from
                # elsewhere (its keys are quoted in errors, its values saved as names).
                raise OutletNameError(f"{path}: symbolic link to a file outside the folder; "
                                      "copy the file into the folder to use it")
            self._folders[folder] = read_outlets_file(path) if os.path.isfile(path) else {}
        return self._folders[folder]

    def unused(self) -> tuple[str, ...]:
        """``--outlet`` files that matched no source, in the order given."""
        return tuple(key for key in self._given if key not in self._used)


def _links_out_of(path: str, folder: str) -> bool:
    if not os.path.islink(path):
        return False
    inside = os.path.realpath(folder or ".")
    return os.path.commonpath([inside, os.path.realpath(path)]) != inside


def outlet_label(name: str) -> str:
    """A shorter label for display: each hash-like run cut to its first characters.

    >>> outlet_label("000_402aea852ad639f5"), outlet_label("The Ledger")
    ('000_402aea…', 'The Ledger')
    >>> outlet_label("2016-06-24 report")  # a date is no hash
    '2016-06-24 report'
    """
    return _HASH_RUN.sub(lambda m: m.group()[:_HASH_KEEP] + "…", name)


def outlet_labels(articles: Iterable[Article]) -> dict[str, str]:
    """Article id → a short label, distinct across ``articles``.

    Labels that would clash fall back to the outlet's whole name.
    """
    listed: Sequence[Article] = tuple(articles)
    labels = {a.id: outlet_label(a.outlet) for a in listed}
    owners: dict[str, set[str]] = {}
    for article in listed:
        owners.setdefault(labels[article.id], set()).add(article.outlet)
    return {
        a.id: labels[a.id] if len(owners[labels[a.id]]) == 1 else a.outlet for a in listed
    }
