"""Each article's own work, done once: cleaning and sentences, then each sentence's
figures, quotations and credit.

None of it depends on the other articles of the story, so it is cached by content
(``cache.ArticleCache``) and, for many articles, spread over the machine's cores. A small
story stays in one process: starting workers costs more than its articles do.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from storydiff.coverage.cache import ArticleCache
from storydiff.coverage.facts import is_complement
from storydiff.coverage.model import Article, NumberMention, Quote, RawArticle
from storydiff.coverage.numbers import find_numbers
from storydiff.coverage.parallel import can_fork, core_count, in_a_pool
from storydiff.coverage.quotes import find_credit, find_quotes
from storydiff.errors import StorydiffError

__all__ = ["SentenceFacts", "clean_articles", "sentence_facts", "facts_of_articles"]


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    numbers: tuple[NumberMention, ...]
    quotes: tuple[Quote, ...]
    credit: str | None


Cleaner = Callable[[RawArticle, str | None], Article]
Counter = Callable[[int, int], None]
"""Told (done, total) as articles finish, for a progress line."""

POOL_FROM = 48
"""Articles to clean (not in the cache) from which the work is spread over processes
forked from this one; a fork costs next to nothing."""

SPAWN_POOL_FROM = 400
"""The same where forking is unsafe (another thread is running, as in the TUI): a fresh
process pays about two seconds to import the engine."""


def sentence_facts(article: Article) -> tuple[SentenceFacts, ...]:
    """The figures, quotations and credit of each sentence of ``article``."""
    texts = [s.text for s in article.sentences]
    quotes = find_quotes(texts)
    return tuple(
        SentenceFacts(
            numbers=tuple(n for n in find_numbers(text) if not is_complement(text, n)),
            quotes=quotes[i],
            credit=find_credit(text),
        )
        for i, text in enumerate(texts)
    )


def facts_key(article: Article) -> tuple[str, ...]:
    return tuple(s.text for s in article.sentences)


def facts_of_articles(
    articles: Sequence[Article], cache: ArticleCache | None
) -> dict[tuple[str, ...], tuple[SentenceFacts, ...]]:
    """Sentence facts of each article, by its sentences' texts, from the cache when it
    has them."""
    found: dict[tuple[str, ...], tuple[SentenceFacts, ...]] = {}
    for article in articles:
        key = facts_key(article)
        if key in found:
            continue
        cached = cache.get("facts", key) if cache is not None else None
        if cached is not None:
            found[key] = cached[0]
            continue
        found[key] = sentence_facts(article)
        if cache is not None:
            cache.put("facts", key, found[key])
    return found


@dataclass(frozen=True, slots=True)
class Cleaned:
    """One raw article's work: the article and its sentence facts, or why it failed."""

    article: Article | None
    facts: tuple[SentenceFacts, ...] | None
    error: StorydiffError | None


def clean_articles(
    jobs: Sequence[tuple[RawArticle, str | None]],
    clean_one: Cleaner,
    *,
    cache: ArticleCache | None,
    counter: Counter | None = None,
) -> list[Cleaned]:
    """Clean every ``(raw, outlet name)``, in order, from the cache where it can, the
    rest in this process or, when there are many, in a pool of processes."""
    results: list[Cleaned | None] = [None] * len(jobs)
    missing: list[int] = []
    for n, (raw, outlet) in enumerate(jobs):
        found = cache.get("article", (raw, outlet)) if cache is not None else None
        if found is not None:
            article, facts = found[0]
            results[n] = Cleaned(article, facts, None)
        else:
            missing.append(n)
    done = len(jobs) - len(missing)
    if counter is not None and done:
        counter(done, len(jobs))
    forking = can_fork()
    # A worker of a pool already (batch runs stories in processes) uses no pool of its own.
    workers = 1 if in_a_pool() else min(core_count(), len(missing))
    if workers > 1 and len(missing) >= (POOL_FROM if forking else SPAWN_POOL_FROM):
        context = multiprocessing.get_context("fork" if forking else "spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            made = pool.map(
                _clean_job,
                [(jobs[n][0], jobs[n][1], clean_one, cache) for n in missing],
                chunksize=max(1, min(32, len(missing) // (4 * workers))),
            )
            for n, cleaned in zip(missing, made, strict=True):
                results[n] = cleaned
                done += 1
                if counter is not None:
                    counter(done, len(jobs))
    else:
        for n in missing:
            results[n] = _clean_job((jobs[n][0], jobs[n][1], clean_one, cache))
            done += 1
            if counter is not None:
                counter(done, len(jobs))
    return [r for r in results if r is not None]


def _clean_job(job: tuple[RawArticle, str | None, Cleaner, ArticleCache | None]) -> Cleaned:
    raw, outlet, clean_one, cache = job
    try:
        article = clean_one(raw, outlet)
    except StorydiffError as exc:
        return Cleaned(None, None, exc)
    facts = sentence_facts(article)
    if cache is not None:
        cache.put("article", (raw, outlet), (article, facts))
        cache.put("facts", facts_key(article), facts)
    return Cleaned(article, facts, None)
