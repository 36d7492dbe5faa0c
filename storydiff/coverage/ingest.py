"""Read articles from files, folders and http(s) URLs into ``RawArticle`` values.

Ingest decides what a source *is* (pasted text, markdown with front matter, an HTML
page, JSON records) and how its bytes become text, and refuses anything it cannot read
with one line naming the source and the problem. It never guesses silently: UTF-8 (with
or without BOM) and BOM-marked UTF-16/32 are read as such, and only text that is not
UTF-8 but reads plausibly as Windows-1252 falls back to it. Cleaning and sentence
splitting happen later; this module only reads.
"""

from __future__ import annotations

import codecs
import contextlib
import http.client
import json
import os
import re
import socket
import stat
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from email.message import Message
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from storydiff import __version__
from storydiff.coverage.jsontext import JSONRefused, json_problem, load_json
from storydiff.coverage.lexicon import MONTHS
from storydiff.coverage.model import Metadata, RawArticle
from storydiff.errors import ArticleError, NoArticlesError

ARTICLE_EXTENSIONS: tuple[str, ...] = (
    ".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl",
)
"""What a folder is searched for; an explicit file path may have any extension."""

_FORMAT_BY_EXTENSION = {
    ".txt": "txt", ".text": "txt",
    ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
}

_MB = 1024 * 1024


class NotAnArticleError(ArticleError):
    """The source reads fine but is another kind of file: JSON with no article record.

    A story folder may hold such files beside its articles (notes, answer keys); callers
    reading a folder skip them with a warning rather than fail.
    """



@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Bounds on what one source may cost to read."""

    max_bytes: int = 20 * _MB
    """Larger files and pages are refused: no news article is 20 MB of text."""
    timeout: float = 10.0
    """Seconds a URL may take to connect, or between two reads of its body."""
    deadline: float = 30.0
    """Seconds a URL may take in all, redirects included: a server that sends a byte a
    second never trips ``timeout``."""
    max_redirects: int = 5
    """More redirects than this is a loop or a trap, not an article."""


DEFAULT_LIMITS = ReadLimits()

_URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_ALLOWED_SCHEMES = ("http", "https")


def is_url(source: str) -> bool:
    """Whether ``source`` names a URL rather than a path (``C:\\x`` is a path)."""
    match = _URL_SCHEME.match(source)
    return match is not None and len(match.group(1)) > 1


def shown_source(source: str) -> str:
    """``source`` as it may be shown: a URL's user name and password (``user:pass@``, or
    a token in the user slot) become ``***``. Other sources are returned as they are.

    >>> shown_source("https://alice:s3cret@example.org/a?b=c@d")
    'https://***@example.org/a?b=c@d'
    """
    scheme, separator, rest = source.partition("://")
    if not separator or not is_url(source):
        return source
    end = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    _userinfo, at, host = rest[:end].rpartition("@")
    return f"{scheme}://***@{host}{rest[end:]}" if at else source


# ---------------------------------------------------------------------------
# Sources and folders


def expand_sources(paths: Sequence[str]) -> tuple[str, ...]:
    """Replace each folder in ``paths`` by its article files, sorted by name.

    Files and URLs are kept as given, even when missing: reading reports that.
    Hidden files and files of other extensions in a folder are skipped, and so are the
    ones ``list_folder`` skips with a reason.

    Raises:
        NoArticlesError: a folder holds no article file.
    """
    expanded: list[str] = []
    for source in paths:
        expanded.extend(expand_source(source))
    return tuple(expanded)


def expand_source(source: str) -> tuple[str, ...]:
    """``expand_sources`` for one source."""
    if is_url(source) or not os.path.isdir(source):
        return (source,)
    listing = list_folder(source)
    if not listing.files:
        raise no_articles_error(source)
    return listing.files


@dataclass(frozen=True, slots=True)
class FolderListing:
    """A folder's article files, and the ones that look like articles but are skipped."""

    files: tuple[str, ...]
    """Each joined to the folder, sorted by name."""
    skipped: tuple[tuple[str, str], ...] = ()
    """(file, why): a link out of the folder, a FIFO or device; never opened."""


def list_folder(source: str) -> FolderListing:
    """The article files of the folder ``source``, without opening any of them.

    A symbolic link whose target lies outside the folder is skipped, so that a story
    folder cannot pull ``/etc/shadow`` into an alignment file; named on the command
    line, the same link is read. A FIFO or device is skipped too: opening a FIFO blocks.

    Raises:
        ArticleError: the folder cannot be listed.
    """
    try:
        names = sorted(os.listdir(source))
    except OSError as exc:
        raise ArticleError(f"{source}: cannot list folder ({_os_problem(exc)})") from None
    inside = os.path.realpath(source)
    files: list[str] = []
    skipped: list[tuple[str, str]] = []
    for name in names:
        if name.startswith(".") or Path(name).suffix.lower() not in ARTICLE_EXTENSIONS:
            continue
        path = os.path.join(source, name)
        problem = _folder_entry_problem(path, inside)
        if problem is None:
            files.append(path)
        elif problem:
            skipped.append((path, problem))
    return FolderListing(files=tuple(files), skipped=tuple(skipped))


def no_articles_error(folder: str) -> NoArticlesError:
    """The error for a folder with no article file in it."""
    wanted = " ".join(ARTICLE_EXTENSIONS)
    return NoArticlesError(f"{folder}: no articles found (looked for {wanted})")


def _folder_entry_problem(path: str, inside: str) -> str | None:
    """Why a folder's entry is not read (empty: skipped without a word), or None."""
    if os.path.islink(path):
        target = os.path.realpath(path)
        if os.path.commonpath([inside, target]) != inside:
            return "symbolic link to a file outside the folder; name it to read it"
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "broken symbolic link" if os.path.islink(path) else ""
    if stat.S_ISDIR(mode):
        return ""  # a folder named like an article is no article, and no mistake
    if not stat.S_ISREG(mode):
        return f"not a regular file ({_file_kind(mode)})"
    return None


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    return next((kind for test, kind in kinds if test(mode)), "not a file")


# ---------------------------------------------------------------------------
# Reading


def read_article(source: str, *, limits: ReadLimits = DEFAULT_LIMITS) -> RawArticle:
    """Read the one article in ``source`` (a file path or an http(s) URL).

    Raises:
        ArticleError: unreadable, empty, binary, undecodable, or holding several
            records (use ``read_articles`` for JSON with many records).
    """
    articles = read_articles(source, limits=limits)
    if len(articles) != 1:
        raise ArticleError(f"{source}: holds {len(articles)} articles, expected one")
    return articles[0]


def read_articles(source: str, *, limits: ReadLimits = DEFAULT_LIMITS) -> tuple[RawArticle, ...]:
    """Read every article in ``source``: one, or one per JSON record.

    Args:
        source: a file path or an ``http://``/``https://`` URL, as the user gave it.
        limits: size, time and redirect bounds.

    Returns:
        The articles, in file order; a multi-record JSON file names each
        ``path#N`` (1-based) so that they stay distinguishable.

    Raises:
        ArticleError: the source cannot be read as articles; the message names it.
    """
    if is_url(source):
        return (_fetch_url(source, limits=limits),)
    data = _read_file_bytes(source, limits=limits)
    source_format = _format_of(source, data)
    text = decode_text(data, source=source)
    return parse_text(text, source=source, source_format=source_format)


def parse_text(text: str, *, source: str, source_format: str) -> tuple[RawArticle, ...]:
    """Turn decoded text of a known format into articles (no I/O)."""
    if source_format == "json":
        return _parse_json_document(text, source=source)
    if source_format == "jsonl":
        return _parse_json_lines(text, source=source)
    if source_format == "html":
        return (_parse_html(text, source=source),)
    if source_format == "md":
        return (_parse_markdown(text, source=source),)
    _require_text(text, source=source)
    return (RawArticle(path=source, text=text, metadata=Metadata(), source_format="txt"),)


def _read_file_bytes(source: str, *, limits: ReadLimits) -> bytes:
    path = Path(source)
    try:
        if path.is_dir():
            raise ArticleError(f"{source}: is a folder, not an article file")
        info = path.stat()
        # Checked before opening: opening a FIFO for reading blocks until a writer comes.
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError(f"{source}: not a regular file ({_file_kind(info.st_mode)})")
        if info.st_size > limits.max_bytes:
            raise ArticleError(f"{source}: {_too_large(info.st_size, limits.max_bytes)}")
        with _open_regular(source) as handle:
            # Read one byte past the cap: the file may have grown since stat().
            data = handle.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise ArticleError(f"{source}: no such file or folder") from None
    except OSError as exc:
        raise ArticleError(f"{source}: cannot read ({_os_problem(exc)})") from None
    if len(data) > limits.max_bytes:
        raise ArticleError(f"{source}: {_too_large(len(data), limits.max_bytes)}")
    return data


def _open_regular(source: str) -> BinaryIO:
    # O_NONBLOCK: should a FIFO have taken the file's place since stat(), open returns
    # at once and fstat tells; a regular file reads as usual.
    fd = os.open(source, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise ArticleError(f"{source}: not a regular file ({_file_kind(mode)})")
    return os.fdopen(fd, "rb")


def _too_large(size: int, cap: int) -> str:
    return f"file too large ({size / _MB:.1f} MB > {cap / _MB:g} MB cap)"


def _os_problem(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def _format_of(source: str, data: bytes) -> str:
    known = _FORMAT_BY_EXTENSION.get(Path(source).suffix.lower())
    if known:
        return known
    return _sniff_format(data[:2048])


def _sniff_format(head: bytes) -> str:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article")):
        return "html"
    return "txt"


# ---------------------------------------------------------------------------
# Decoding

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAX_HIGH_BYTE_SHARE = 0.15
"""Above this share of bytes >= 0x80, non-UTF-8 bytes whose high bytes come in runs are
not Western text in Windows-1252 (Chinese in GBK, say) and are refused rather than turned
into mojibake."""

_MAX_CLUSTERED_SHARE = 0.5
"""Western text has its accented letters one at a time between ASCII ones ("Noël à
Fécamp"); GBK, Big5 and single-byte Cyrillic or Greek put high bytes side by side. A dense
text is still read as Windows-1252 when at most this share of its high bytes has a high
neighbour."""

_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text and the encoding it was read with."""

    text: str
    encoding: str


def decode_text(data: bytes, *, source: str) -> str:
    """Decode file bytes to text, or raise ``ArticleError`` naming the problem.

    >>> decode_text("caf\u00e9".encode("utf-8"), source="x.txt")
    'café'
    """
    return decode_bytes(data, source=source).text


def decode_bytes(data: bytes, *, source: str) -> Decoded:
    """``decode_text`` that also says which encoding was used."""
    if not data:
        raise ArticleError(f"{source}: empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with(data[len(bom):], encoding, source=source)
    utf16 = _guess_bomless_utf16(data)
    if utf16:
        return _decode_with(data, utf16, source=source)
    if b"\x00" in data or _looks_binary(data[:8192]):
        raise ArticleError(f"{source}: binary file, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        fallback = _windows_1252_or_none(data)
        if fallback is not None:
            return Decoded(fallback, "cp1252")
        bad = data[exc.start]
        raise ArticleError(
            f"{source}: not UTF-8 text (byte 0x{bad:02x} at offset {exc.start})"
        ) from None


def _decode_with(data: bytes, encoding: str, *, source: str) -> Decoded:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{source}: not {encoding.upper()} text despite its byte order mark "
            f"(offset {exc.start})"
        ) from None
    if "\x00" in text:
        raise ArticleError(f"{source}: binary file, not text")
    return Decoded(text, encoding)


def _guess_bomless_utf16(data: bytes) -> str | None:
    # ASCII-heavy UTF-16 has a NUL in every other byte; nothing else looks like that.
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _looks_binary(head: bytes) -> bool:
    controls = sum(1 for byte in head if byte < 0x20 and byte not in b"\t\n\r\f\v\x1b")
    return controls > 0.1 * len(head)


_HIGH_BYTE_RUN = re.compile(rb"[\x80-\xff]{2,}")


def _clustered_share(data: bytes, high: int) -> float:
    """Share of the ``high`` bytes >= 0x80 that sit next to another such byte."""
    return sum(len(run) for run in _HIGH_BYTE_RUN.findall(data)) / high


def _windows_1252_or_none(data: bytes) -> str | None:
    high = sum(1 for byte in data if byte >= 0x80)
    if high > _MAX_HIGH_BYTE_SHARE * len(data) and _clustered_share(data, high) > (
        _MAX_CLUSTERED_SHARE
    ):
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # 0x81, 0x8d, 0x8f, 0x90 and 0x9d are unassigned: not Windows-1252 either.
        return None


def _require_text(text: str, *, source: str) -> None:
    if not text.strip().strip(_INVISIBLE).strip():
        raise ArticleError(f"{source}: empty file (only whitespace)")


# ---------------------------------------------------------------------------
# Markdown with front matter

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)

_FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "outlet": ("outlet", "source", "publisher", "site", "sitename", "publication"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "published": ("published", "date", "published_at", "pubdate", "datePublished"),
    "author": ("author", "authors", "byline"),
}


def _parse_markdown(text: str, *, source: str) -> RawArticle:
    metadata = Metadata()
    body = text
    opening = _FRONT_MATTER.match(text)
    if opening:
        closing = _FRONT_MATTER_END.search(text, opening.end())
        if closing is None:
            raise ArticleError(f"{source}: malformed front matter (no closing '---' line)")
        header = text[opening.end():closing.start()]
        body = text[closing.end():].lstrip("\r\n")
        fields = _load_front_matter(header, source=source)
        metadata = _metadata_from_fields(fields, source=source, where="front matter")
    _require_text(body, source=source)
    return RawArticle(path=source, text=body, metadata=metadata, source_format="md")


_MAX_FRONT_MATTER_BYTES = 64 * 1024
"""A longer header is not metadata; parsing it in pure-Python YAML would be slow."""
_MAX_FRONT_MATTER_DEPTH = 8
"""Known fields are scalars or lists of them; deeper nesting is refused before it is built."""
_MAX_FIELD_CHARS = 2_000
"""A title, outlet, author, date or URL longer than this is not one."""
_MAX_FIELD_ITEMS = 20
"""Authors listed in one field at the most."""


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML that refuses aliases and deep nesting, and keeps dates and numbers as text.

    An alias shares a node, so a few hundred bytes of ``&a [*b, *b, ...]`` name billions
    of strings (the "billion laughs"): refused before anything is built. Dates, times and
    numbers stay the strings they were written as, so the YAML library never crashes on
    them: ``2025-02-30`` is a date storydiff does not read, a ``+99:00`` offset is ignored
    like any time of day, and a 5,000-digit number is never converted.
    """

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.current_event  # check_event has just read it
            raise yaml.composer.ComposerError(
                None, None, f"aliases are not read, found *{event.anchor}", event.start_mark
            )
        if self._depth >= _MAX_FRONT_MATTER_DEPTH and self.check_event(
            yaml.SequenceStartEvent, yaml.MappingStartEvent
        ):
            raise yaml.composer.ComposerError(
                None, None, f"nested deeper than {_MAX_FRONT_MATTER_DEPTH} levels",
                self.current_event.start_mark,
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _scalar_as_written(loader: _FrontMatterLoader, node: yaml.Node) -> str:
    return str(loader.construct_scalar(node))  # type: ignore[arg-type]  # a ScalarNode


for _tag in ("timestamp", "int", "float"):
    yaml.add_constructor(f"tag:yaml.org,2002:{_tag}", _scalar_as_written,
                         Loader=_FrontMatterLoader)


def _load_front_matter(header: str, *, source: str) -> Mapping[str, Any]:
    size = len(header.encode("utf-8", "surrogatepass"))
    if size > _MAX_FRONT_MATTER_BYTES:
        raise ArticleError(
            f"{source}: front matter too large ({size // 1024} KB > "
            f"{_MAX_FRONT_MATTER_BYTES // 1024} KB cap)"
        )
    try:
        fields = yaml.load(header, Loader=_FrontMatterLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "not valid YAML"
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise ArticleError(f"{source}: malformed front matter ({problem}{where})") from None
    if fields is None:
        return {}
    if not isinstance(fields, dict):
        raise ArticleError(
            f"{source}: malformed front matter (expected 'key: value' lines, "
            f"got a {type(fields).__name__})"
        )
    return fields


def _metadata_from_fields(fields: Mapping[str, Any], *, source: str, where: str) -> Metadata:
    values: dict[str, str | None] = {}
    for name, aliases in _FIELD_ALIASES.items():
        key = next((alias for alias in aliases if fields.get(alias) is not None), None)
        values[name] = None if key is None else _known_field_text(
            fields[key], problem_prefix=f"{source}: {where} {key!r}"
        )
    published = values["published"]
    if published is not None:
        iso = parse_date(published)
        if iso is None:
            raise ArticleError(f"{source}: {where} 'published' is not a date: {published!r}")
        values["published"] = iso
    return Metadata(**values)


_SCALARS = (str, int, float, bool)


def _known_field_text(value: Any, *, problem_prefix: str) -> str | None:
    """A known metadata field as one line of text, or ArticleError naming what it holds.

    Only text (or a number), an object with a ``name`` (JSON author objects), or a short
    list of those are metadata; anything else is refused rather than stringified whole.
    """
    items = value if isinstance(value, list) else [value]
    if len(items) > _MAX_FIELD_ITEMS:
        raise ArticleError(
            f"{problem_prefix} lists {len(items)} items (at most {_MAX_FIELD_ITEMS})"
        )
    parts = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("name"), _SCALARS):
            item = item["name"]
        if not isinstance(item, _SCALARS):
            kind = "a mapping" if isinstance(item, dict) else f"a {type(item).__name__}"
            raise ArticleError(f"{problem_prefix} is not text or a short list of text ({kind})")
        part = str(item)
        if len(part) > _MAX_FIELD_CHARS:
            raise ArticleError(
                f"{problem_prefix} is too long ({len(part):,} characters; "
                f"at most {_MAX_FIELD_CHARS:,})"
            )
        part = " ".join(part.split())
        if part:
            parts.append(part)
    return " and ".join(parts) or None


def _field_text(value: Any) -> str | None:
    """An HTML extractor's metadata string as one line, or None."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


_MONTHS = MONTHS
_MONTH_NAME = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
    re.compile(_MONTH_NAME + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b",
               re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_NAME + r",?\s+(?P<year>\d{4})\b",
               re.IGNORECASE),
    # Dots between day, month and year are the day-first convention (German, Nordic,
    # Slavic, Turkish datelines); month-first writers use slashes, which stay unread.
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})(?!\.?\d)"),
)


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first unambiguous calendar date in ``text`` as ISO, with its match.

    Numeric day/month orders with slashes (``06/07/2016``) are ambiguous and never
    read; with dots (``17.01.2025``) they are day first.
    """
    found: list[tuple[int, str, re.Match[str]]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso_from_match(match)
            if iso:
                found.append((match.start(), iso, match))
                break
    if not found:
        return None
    _, iso, match = min(found, key=lambda item: item[0])
    return iso, match


def parse_date(text: str) -> str | None:
    """``"Fri June 24, 2016"`` or ``"2016-06-24T10:00Z"`` -> ``"2016-06-24"``; else None."""
    found = find_date(text)
    return found[0] if found else None


def _iso_from_match(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month = int(groups["mon"]) if groups.get("mon") else _MONTHS[groups["month"].lower()]
    try:
        return date(int(groups["year"]), month, int(groups["day"])).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------------------
# JSON and JSON lines


def _parse_json_document(text: str, *, source: str) -> tuple[RawArticle, ...]:
    _require_text(text, source=source)
    try:
        document = load_json(text)
    except json.JSONDecodeError as exc:
        raise ArticleError(
            f"{source}: not valid JSON ({json_problem(exc)} at line {exc.lineno}"
            f" column {exc.colno})"
        ) from None
    except JSONRefused as exc:
        raise ArticleError(f"{source}: cannot read this JSON ({exc})") from None
    records = document if isinstance(document, list) else [document]
    if not records:
        raise ArticleError(f"{source}: empty file (a JSON list with no records)")
    return _articles_from_records(records, source=source, source_format="json")


def _parse_json_lines(text: str, *, source: str) -> tuple[RawArticle, ...]:
    _require_text(text, source=source)
    records: list[Any] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(load_json(line))
        except json.JSONDecodeError as exc:
            raise ArticleError(
                f"{source}: line {number}: not valid JSON ({json_problem(exc)}"
                f" at column {exc.colno})"
            ) from None
        except JSONRefused as exc:
            raise ArticleError(f"{source}: line {number}: cannot read this JSON ({exc})") from None
    return _articles_from_records(records, source=source, source_format="jsonl")


def _articles_from_records(
    records: Sequence[Any], *, source: str, source_format: str
) -> tuple[RawArticle, ...]:
    several = len(records) > 1
    if not any(_is_article_record(record) for record in records):
        # Nothing in the file is shaped like an article (answer keys, settings, a saved
        # alignment): a different kind of file, which a folder may hold beside articles.
        where = f"{source}: record 1" if several else source
        problem = (
            "no 'text' field with the article text" if isinstance(records[0], dict)
            else "expected a JSON object with a 'text' field"
        )
        raise NotAnArticleError(f"{where}: {problem}")
    articles = []
    for number, record in enumerate(records, start=1):
        where = f"{source}: record {number}" if several else source
        path = f"{source}#{number}" if several else source
        articles.append(_article_from_record(record, path=path, where=where,
                                             source_format=source_format))
    return tuple(articles)


def _is_article_record(record: Any) -> bool:
    return isinstance(record, dict) and ("text" in record or "html" in record)


def _article_from_record(record: Any, *, path: str, where: str, source_format: str) -> RawArticle:
    if not isinstance(record, dict):
        raise ArticleError(f"{where}: expected a JSON object with a 'text' field")
    metadata = _metadata_from_fields(record, source=where, where="field")
    text = record.get("text")
    if text is None and isinstance(record.get("html"), str):
        extracted = _parse_html(record["html"], source=where)
        return RawArticle(path=path, text=extracted.text,
                          metadata=metadata.merged_over(extracted.metadata),
                          source_format=source_format)
    if not isinstance(text, str):
        raise ArticleError(f"{where}: no 'text' field with the article text")
    if not text.strip():
        raise ArticleError(f"{where}: empty 'text' field")
    return RawArticle(path=path, text=text, metadata=metadata, source_format=source_format)


# ---------------------------------------------------------------------------
# HTML

_MIN_ARTICLE_WORDS = 5
"""Fewer extracted words than this is a menu or a cookie banner, not an article."""


def _parse_html(html: str, *, source: str, url: str | None = None) -> RawArticle:
    # Imported here: trafilatura pulls in lxml and friends, which plain-text runs never need.
    import trafilatura

    _require_text(html, source=source)
    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_images=False
        )
    except Exception as exc:  # noqa: BLE001 - a parser crash on hostile HTML is a bad input
        raise ArticleError(f"{source}: cannot parse HTML ({type(exc).__name__})") from None
    # trafilatura puts one block (heading, paragraph, list item) on each line; a blank
    # line between them keeps a headline from running into the first sentence.
    blocks = (getattr(document, "text", None) or "").splitlines()
    text = "\n\n".join(_mark_headings(blocks, _heading_levels(getattr(document, "body", None))))
    if len(text.split()) < _MIN_ARTICLE_WORDS:
        raise ArticleError(f"{source}: no article text found in the HTML")
    published = getattr(document, "date", None)
    metadata = Metadata(
        outlet=_field_text(getattr(document, "sitename", None)),
        title=_field_text(getattr(document, "title", None)),
        url=_field_text(getattr(document, "url", None)) or url,
        published=parse_date(published) if published else None,
        author=_field_text(getattr(document, "author", None)),
    )
    return RawArticle(path=source, text=text, metadata=metadata, source_format="html")


_HEADING_REND = re.compile(r"^h([1-6])$")


def _heading_levels(body: Any) -> list[tuple[str, int]]:
    """The text and level of each ``<h1>``-``<h6>`` trafilatura kept, in page order.

    trafilatura's plain text loses which blocks were headings; its XML body keeps them
    as ``<head rend="h2">``.
    """
    if body is None:
        return []
    headings = []
    for element in body.iter("head"):
        level = _HEADING_REND.match(str(element.get("rend") or ""))
        words = " ".join("".join(element.itertext()).split())
        if words:
            headings.append((words, int(level.group(1)) if level else 2))
    return headings


def _mark_headings(blocks: Sequence[str], headings: Sequence[tuple[str, int]]) -> list[str]:
    """Blocks with each heading written as a markdown heading (``## What next?``).

    Cleaning reads a heading inside the article as structure, not a statement. Headings
    are matched to blocks in order, so a paragraph that repeats a heading's words later
    on stays a paragraph.
    """
    marked = list(blocks)
    plain = [" ".join(block.split()) for block in blocks]
    start = 0
    for words, level in headings:
        # A heading missing from the text (trafilatura dropped it) is skipped, not waited for.
        index = next((i for i in range(start, len(plain)) if plain[i] == words), None)
        if index is not None:
            marked[index] = "#" * level + " " + plain[index]
            start = index + 1
    return marked


# ---------------------------------------------------------------------------
# URLs

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FORMAT_BY_CONTENT_TYPE = {
    "text/plain": "txt",
    "text/markdown": "md",
    "text/x-markdown": "md",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
}
_CHUNK = 64 * 1024


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects only to http(s); a subclass per fetch sets the limits."""

    def __init__(self, *, source: str) -> None:
        super().__init__()
        self._source = source

    def http_error_302(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                       headers: http.client.HTTPMessage) -> Any:
        # Checked before urllib's own check, which would let ftp: through.
        location = headers.get("Location") or headers.get("URI") or ""
        target = urllib.parse.urljoin(req.full_url, location)
        scheme = urllib.parse.urlsplit(target).scheme.lower()
        if scheme not in _ALLOWED_SCHEMES:
            raise ArticleError(
                f"{self._source}: redirected to a {scheme or 'schemeless'}: URL; "
                "only http and https are followed"
            )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _redirect_handler(*, max_redirects: int, source: str) -> _HttpOnlyRedirects:
    class LimitedRedirects(_HttpOnlyRedirects):
        max_redirections = max_redirects
        max_repeats = max_redirects  # the same URL again counts like any other redirect

    return LimitedRedirects(source=source)


class _Deadline:
    """Cuts the connections of one fetch when its time is up.

    Socket timeouts bound each read, not their sum; a timer shuts the sockets down
    instead, which wakes a read blocked in another thread. Nothing is cut once the fetch
    is over: its file descriptors may by then belong to someone else.
    """

    def __init__(self, seconds: float) -> None:
        self._ends = time.monotonic() + seconds
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._over = False
        self._timer = threading.Timer(seconds, self._cut)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._over = True
        self._timer.cancel()

    @property
    def passed(self) -> bool:
        return time.monotonic() >= self._ends

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
        if self.passed:
            self._cut()

    def _cut(self) -> None:
        with self._lock:
            if self._over:
                return
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    # socket.socket's own shutdown: an SSL socket's would drop its TLS
                    # state under the reading thread.
                    socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _deadline_handlers(deadline: _Deadline) -> list[urllib.request.BaseHandler]:
    """http and https handlers whose connections ``deadline`` watches."""

    class Connection(http.client.HTTPConnection):
        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    class SecureConnection(http.client.HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    class Handler(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(Connection, req)

    class SecureHandler(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(SecureConnection, req)  # the default TLS context

    return [Handler(), SecureHandler()]


def _fetch_url(source: str, *, limits: ReadLimits) -> RawArticle:
    url = _checked_url(source)
    with _Deadline(limits.deadline) as deadline:
        try:
            fetched = _fetch_within(url, source=source, limits=limits, deadline=deadline)
        except ArticleError:
            if deadline.passed:  # whatever the cut connection looked like, time ran out
                raise ArticleError(f"{source}: {_too_slow(limits)}") from None
            raise
        if deadline.passed:  # a cut body without a declared length reads as complete
            raise ArticleError(f"{source}: {_too_slow(limits)}")
    return _article_from_response(fetched, source=source)


def _too_slow(limits: ReadLimits) -> str:
    return f"took longer than {limits.deadline:g} s in all"


@dataclass(frozen=True, slots=True)
class _Fetched:
    data: bytes
    content_type: str
    charset: str | None
    final_url: str


def _fetch_within(url: str, *, source: str, limits: ReadLimits,
                  deadline: _Deadline) -> _Fetched:
    opener = urllib.request.build_opener(
        _redirect_handler(max_redirects=limits.max_redirects, source=source),
        *_deadline_handlers(deadline),
    )
    request = urllib.request.Request(url, headers={
        "User-Agent": f"storydiff/{__version__}",
        "Accept": "text/html, text/plain;q=0.9, application/json;q=0.8, */*;q=0.1",
    })
    try:
        with opener.open(request, timeout=limits.timeout) as response:
            _check_declared_length(response.headers, source=source, limits=limits)
            data = b"".join(_read_capped(response, source=source, limits=limits))
            _check_complete(data, response.headers, source=source)
            return _Fetched(
                data=data,
                content_type=response.headers.get_content_type(),
                charset=response.headers.get_content_charset(),
                final_url=response.geturl(),
            )
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            raise ArticleError(
                f"{source}: too many redirects (more than {limits.max_redirects})"
            ) from None
        raise ArticleError(f"{source}: HTTP error {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise ArticleError(f"{source}: {_network_problem(exc.reason, limits)}") from None
    except (TimeoutError, OSError, http.client.HTTPException) as exc:
        raise ArticleError(f"{source}: {_network_problem(exc, limits)}") from None


def _checked_url(source: str) -> str:
    shown = shown_source(source)
    if shown != source:
        # urllib would take "user:pass" for part of the host name, and every message would
        # print the password.
        raise ArticleError(f"{shown}: URL holds a user name or password, which storydiff "
                           "does not send; save the page and name the file")
    try:
        parts = urllib.parse.urlsplit(source)
        hostname = parts.hostname
    except ValueError as exc:
        raise ArticleError(f"{source}: malformed URL ({exc})") from None
    if parts.scheme.lower() not in _ALLOWED_SCHEMES:
        raise ArticleError(
            f"{source}: unsupported URL scheme {parts.scheme + ':'!r} (only http and https)"
        )
    if not hostname:
        raise ArticleError(f"{source}: URL has no host name")
    return source


def _check_declared_length(headers: Message, *, source: str, limits: ReadLimits) -> None:
    declared = headers.get("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > limits.max_bytes:
        raise ArticleError(f"{source}: {_too_large(int(declared), limits.max_bytes)}")


def _check_complete(data: bytes, headers: Message, *, source: str) -> None:
    """Refuse a body shorter than its Content-Length: the connection was cut, and half a
    page would be compared as if it were the article (``http.client`` does not say)."""
    declared = (headers.get("Content-Length") or "").strip()
    if declared.isdigit() and len(data) < int(declared):
        raise ArticleError(f"{source}: the connection was cut ({len(data):,} of the "
                           f"{int(declared):,} bytes the server announced)")


def _read_capped(response: Any, *, source: str, limits: ReadLimits) -> Iterator[bytes]:
    received = 0
    while chunk := response.read(_CHUNK):
        received += len(chunk)
        if received > limits.max_bytes:
            raise ArticleError(f"{source}: {_too_large(received, limits.max_bytes)}")
        yield chunk


def _network_problem(reason: object, limits: ReadLimits) -> str:
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"timed out after {limits.timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    if isinstance(reason, OSError) and reason.strerror:
        return f"cannot fetch ({reason.strerror.lower()})"
    return f"cannot fetch ({reason})"


def _article_from_response(fetched: _Fetched, *, source: str) -> RawArticle:
    data, content_type, final_url = fetched.data, fetched.content_type, fetched.final_url
    charset = fetched.charset
    if content_type in _HTML_TYPES:
        source_format = "html"
    elif content_type in _FORMAT_BY_CONTENT_TYPE:
        source_format = _FORMAT_BY_CONTENT_TYPE[content_type]
    elif content_type.startswith("text/") or content_type == "application/octet-stream":
        source_format = _sniff_format(data[:2048])
    else:
        raise ArticleError(f"{source}: not an article page (content type {content_type})")
    text = _decode_response(data, charset=charset, source=source)
    if source_format == "html":
        article = _parse_html(text, source=source, url=final_url)
    else:
        articles = parse_text(text, source=source, source_format=source_format)
        if len(articles) != 1:
            raise ArticleError(f"{source}: holds {len(articles)} articles, expected one")
        article = articles[0]
    if article.metadata.url:
        return article
    return RawArticle(path=article.path, text=article.text,
                      metadata=article.metadata.merged_over(Metadata(url=final_url)),
                      source_format=article.source_format)


def _decode_response(data: bytes, *, charset: str | None, source: str) -> str:
    if charset:
        try:
            codecs.lookup(charset)
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a lying or unknown header: read the bytes as if none were declared
    return decode_text(data, source=source)
