"""From paths on a command line to cleaned, segmented ``Article`` values.

Loading decides what an article is called: its outlet is first the name the user gave
it (``--outlet``, ``outlets.yaml``); its outlet, title and date come then from the
source's own metadata (front matter, HTML meta, JSON fields), then from the text (a
byline, a dateline), then from the file name; its id is a stable slug of outlet and date
(or of the file name) made unique in input order. One bad file among good ones is
reported as a failure and the others still load, so a fact-checker with ten articles is
not stopped by one broken download.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from storydiff.coverage.article_work import SentenceFacts, clean_articles, facts_key
from storydiff.coverage.cache import ArticleCache
from storydiff.coverage.clean import clean, normalize_text
from storydiff.coverage.clean_story import drop_unrelated
from storydiff.coverage.ingest import (
    DEFAULT_LIMITS,
    NotAnArticleError,
    ReadLimits,
    is_url,
    list_folder,
    no_articles_error,
    read_articles,
    shown_source,
)
from storydiff.coverage.model import Article, Metadata, RawArticle
from storydiff.coverage.outlets import OutletNameError, OutletNamer
from storydiff.coverage.sentences import split_sentences
from storydiff.errors import ArticleError, NoArticlesError, StorydiffError

__all__ = [
    "LoadFailure", "LoadResult", "article_from_raw", "load_articles", "path_text", "shown_path",
]


@dataclass(frozen=True, slots=True)
class LoadFailure:
    """A source that could not be loaded."""

    path: str
    """As the user gave it (or a folder's file, joined to the folder)."""
    message: str
    """The problem, without the path: ``empty file``."""
    not_an_article: bool = False
    """The source is readable but is no article (a JSON file of notes), not a broken one."""


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What ``load_articles`` read: the articles, and what it could not read."""

    articles: tuple[Article, ...]
    failures: tuple[LoadFailure, ...]
    facts: Mapping[tuple[str, ...], tuple[SentenceFacts, ...]] = field(default_factory=dict)
    """Sentence facts already found, by an article's sentence texts: the comparison
    need not find them again."""


def load_articles(
    paths: Sequence[str],
    *,
    limits: ReadLimits = DEFAULT_LIMITS,
    raise_when_empty: bool = True,
    outlet_names: Mapping[str, str] | None = None,
    cache: ArticleCache | None = None,
    counter: Callable[[int, int], None] | None = None,
) -> LoadResult:
    """Read, clean and split every article in ``paths`` (files, folders, URLs).

    Args:
        paths: as given on the command line; a folder stands for its article files.
        limits: size, time and redirect bounds for each source.
        raise_when_empty: when nothing loads, raise the first problem instead of
            returning a result with no articles.
        outlet_names: file (as given, its name or its stem) → outlet name, from
            ``--outlet``; with the ``outlets.yaml`` beside the articles, it names outlets
            over whatever the files say.
        cache: where each article's cleaning is kept by content, to be reused.
        counter: told (articles cleaned, articles read) as the cleaning goes.

    Returns:
        The articles in input order (a folder's files sorted by name), each with a
        unique id, and one failure per source that could not be read.

    Raises:
        NoArticlesError: ``paths`` is empty, or (with ``raise_when_empty``) a folder
            held no articles and nothing else loaded.
        ArticleError: (with ``raise_when_empty``) no source could be read.
        OutletNameError: an ``outlet_names`` file names no source, or an
            ``outlets.yaml`` is broken.
    """
    if not paths:
        raise NoArticlesError("no article paths given")
    namer = OutletNamer(outlet_names)
    failures: list[LoadFailure] = []
    errors: list[StorydiffError] = []
    # Read every source first (in order, one at a time: files and the network), then
    # clean them all at once, which may use every core.
    read: list[tuple[str, tuple[RawArticle, ...], str | None] | LoadFailure] = []
    for given in paths:
        try:
            sources, skipped = _sources_of(given)
        except StorydiffError as exc:
            read.append(_failure(given, exc))
            errors.append(exc)
            continue
        for path, problem in skipped:
            read.append(LoadFailure(path=shown_path(path), message=problem))
            errors.append(ArticleError(f"{path}: {problem}"))
        for source in sources:
            outlet = namer.name_for(source)  # a broken outlets.yaml stops the run
            try:
                read.append((source, read_articles(source, limits=limits), outlet))
            except StorydiffError as exc:
                read.append(_failure(source, exc))
                errors.append(exc)
    jobs = [(raw, outlet) for entry in read if not isinstance(entry, LoadFailure)
            for raw, outlet in ((r, entry[2]) for r in entry[1])]
    cleaned = iter(clean_articles(jobs, _clean_one, cache=cache, counter=counter))
    articles: list[Article] = []
    facts: dict[tuple[str, ...], tuple[SentenceFacts, ...]] = {}
    used_ids: set[str] = set()
    for entry in read:
        if isinstance(entry, LoadFailure):
            failures.append(entry)
            continue
        source, raws, _ = entry
        done = [next(cleaned) for _ in raws]
        broken = next((c.error for c in done if c.error is not None), None)
        if broken is not None:
            failures.append(_failure(source, broken))
            errors.append(broken)
            continue
        for c in done:
            assert c.article is not None and c.facts is not None
            facts[facts_key(c.article)] = c.facts
            unique = _unique_id(c.article.id, used_ids)
            used_ids.add(unique)
            articles.append(replace(c.article, id=unique))
    unused = namer.unused()
    if unused:
        raise OutletNameError(f"--outlet {unused[0]}: no article file of that name was given")
    if not articles and raise_when_empty:
        raise errors[0] if errors else NoArticlesError("no articles found")
    return LoadResult(
        articles=drop_unrelated_lines(articles), failures=tuple(failures), facts=facts
    )


def _clean_one(raw: RawArticle, outlet: str | None) -> Article:
    return article_from_raw(raw, outlet=outlet)


def drop_unrelated_lines(articles: Sequence[Article]) -> tuple[Article, ...]:
    """The articles of one story without the lines that share no word with the story.

    A second cleaning pass, over all articles at once: see ``clean_story``.
    """
    passed = drop_unrelated([article.text for article in articles])
    return tuple(
        article
        if not story_text.dropped
        else replace(
            article,
            text=story_text.text,
            sentences=split_sentences(story_text.text),
            dropped=article.dropped + story_text.dropped,
            # A dropped first line may have been taken for the headline.
            title=None
            if article.title in {line.text for line in story_text.dropped}
            else article.title,
        )
        for article, story_text in zip(articles, passed, strict=True)
    )


def _sources_of(given: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The sources a path stands for, and a folder's entries skipped unopened, with why."""
    if is_url(given) or not os.path.isdir(given):
        return (given,), ()
    listing = list_folder(given)
    if not listing.files and not listing.skipped:
        raise no_articles_error(given)
    return listing.files, listing.skipped


def article_from_raw(raw: RawArticle, *, outlet: str | None = None) -> Article:
    """Clean and split one raw article; its id is not yet made unique.

    ``outlet`` is a name the user gave the article's outlet; it wins over its metadata.
    """
    path = path_text(raw.path)
    cleaned = clean(raw)
    if not cleaned.text.strip():
        raise ArticleError(f"{path}: no article text left after cleaning")
    stem = _stem(path)
    metadata = _tidy(Metadata(outlet=outlet)).merged_over(_tidy(raw.metadata)).merged_over(
        cleaned.metadata
    ).merged_over(Metadata(outlet=outlet_from_name(path)))
    outlet = metadata.outlet or stem
    return Article(
        id=article_id(outlet=metadata.outlet, published=metadata.published, stem=stem),
        path=path,
        outlet=outlet,
        title=metadata.title,
        url=metadata.url,
        published=metadata.published,
        author=metadata.author,
        text=cleaned.text,
        sentences=split_sentences(cleaned.text),
        dropped=cleaned.dropped,
        credit=metadata.credit,
    )


def path_text(path: str) -> str:
    r"""``path`` as text any file can hold: bytes of a file name that are not UTF-8 (which
    Python keeps as lone surrogates, and a UTF-8 file cannot) are written ``\xff``.

    >>> path_text("story/caf\udce9.txt")
    'story/caf\\xe9.txt'
    """
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file name decodes to; not from the disk
        raw = path.encode("utf-8", "backslashreplace")
    return raw.decode("utf-8", "backslashreplace")


def shown_path(path: str) -> str:
    """A source as failures and articles show it: a URL's password hidden
    (``ingest.shown_source``), a file name that is not UTF-8 made text (``path_text``)."""
    return path_text(shown_source(path))


def _tidy(metadata: Metadata) -> Metadata:
    # Front matter and JSON fields are as hostile as the text: one clean line each.
    def tidy(value: str | None) -> str | None:
        return " ".join(normalize_text(value).split()) or None if value else None

    return Metadata(
        outlet=tidy(metadata.outlet), title=tidy(metadata.title), url=tidy(metadata.url),
        published=tidy(metadata.published), author=tidy(metadata.author),
        credit=tidy(metadata.credit),
    )


def _failure(path: str, exc: StorydiffError) -> LoadFailure:
    shown = shown_source(path)
    message = str(exc).removeprefix(f"{path}: ").removeprefix(f"{shown}: ")
    return LoadFailure(path=shown_path(path), message=message,
                       not_an_article=isinstance(exc, NotAnArticleError))


# ---------------------------------------------------------------------------
# Names and ids

_LEADING_NUMBER = re.compile(r"^\d+(?:[-_. ]+|$)")
_HASH_LIKE = re.compile(r"^(?=.*\d)[0-9a-f]{8,}$", re.IGNORECASE)
_NAME_SEPARATORS = re.compile(r"[-_.\s]+")
_SMALL_WORDS = frozenset({"the", "and", "of", "for", "new", "on", "in", "sun", "bay"})
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 60


def outlet_from_name(path: str) -> str | None:
    """An outlet guessed from a file name or URL host, or None when the name says nothing.

    >>> outlet_from_name("articles/002-cnn.txt"), outlet_from_name("the-guardian.md")
    ('CNN', 'The Guardian')
    >>> outlet_from_name("003_02b14bdf3e49e420.txt") is None
    True
    """
    if is_url(path):
        return _outlet_from_url(path)
    name = _LEADING_NUMBER.sub("", _stem(path))
    if not name or _HASH_LIKE.match(name):
        return None
    words = [word for word in _NAME_SEPARATORS.split(name) if word]
    if not words or all(word.isdigit() for word in words):
        return None
    return " ".join(_title_word(word, first=index == 0) for index, word in enumerate(words))


def _outlet_from_url(url: str) -> str | None:
    host = re.sub(r"^[a-z]+://", "", url, flags=re.IGNORECASE).split("/")[0].split(":")[0]
    host = host.removeprefix("www.")
    return host or None


def _title_word(word: str, *, first: bool) -> str:
    if word != word.lower():
        return word  # the user chose the case: "BBC", "McClatchy"
    if len(word) <= 3 and word not in _SMALL_WORDS:
        return word.upper()  # short outlet names are acronyms: cnn, bbc, ap
    if word in _SMALL_WORDS and not first:
        return word
    return word.capitalize()


def article_id(*, outlet: str | None, published: str | None, stem: str) -> str:
    """``cnn-2016-06-24`` when outlet and date are known, else a slug of the file stem.

    >>> article_id(outlet="CNN", published="2016-06-24", stem="002")
    'cnn-2016-06-24'
    >>> article_id(outlet="CNN", published=None, stem="003_Zeitung Ü")
    '003-zeitung-u'
    """
    if outlet and published:
        return slugify(f"{outlet} {published}")
    return slugify(stem)


def slugify(text: str) -> str:
    """Lowercase ASCII letters and digits joined by ``-``; never empty."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _SLUG_JUNK.sub("-", ascii_text.lower()).strip("-")
    return slug[:_MAX_SLUG].rstrip("-") or "article"


def _unique_id(candidate: str, used: set[str]) -> str:
    if candidate not in used:
        return candidate
    number = 2
    while f"{candidate}-{number}" in used:
        number += 1
    return f"{candidate}-{number}"


def _stem(path: str) -> str:
    """File name without extension; ``a.jsonl#2`` -> ``a-2``; a URL's last path part."""
    record = ""
    if "#" in path and not is_url(path):
        path, _, record = path.rpartition("#")
    if is_url(path):
        tail = [part for part in re.sub(r"[?#].*$", "", path).split("/") if part]
        name = tail[-1] if len(tail) > 1 else (_outlet_from_url(path) or "article")
    else:
        name = PurePosixPath(path.replace("\\", "/")).name
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return f"{stem}-{record}" if record else stem
