"""Cleaning across a story: drop the lines that belong to no article of it.

Cleaning one article at a time recognises debris by its shape; a page also carries lines
of the right shape that belong elsewhere: a widget's leftovers, a code at the foot of a
press release, another story's headline. Those share no word with the story. A line is
dropped as ``unrelated`` when none of its content words occurs anywhere else in the story
(the rest of its article and every other article) and it does not read as the story's
own words: no full sentence, no quotation, at most a few words. Every common word counts
as shared, so a line is dropped only when it has nothing at all in common with the story.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from storydiff.coverage.align import content_terms
from storydiff.coverage.model import DroppedLine

__all__ = ["StoryText", "drop_unrelated"]

_MAX_UNRELATED_WORDS = 20
"""A longer line is a paragraph: it is the story's even when it shares no word with it."""
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_QUOTATION = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]")
_PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True, slots=True)
class StoryText:
    """One article's cleaned text after the story-wide pass."""

    text: str
    """Paragraphs separated by a blank line, as ``clean`` writes them."""
    dropped: tuple[DroppedLine, ...]
    """The paragraphs this pass removed, each with the reason ``unrelated``."""


def drop_unrelated(texts: Sequence[str]) -> tuple[StoryText, ...]:
    """Drop from each cleaned text the short lines that share no word with the story.

    Args:
        texts: the cleaned text of every article of one story, paragraphs separated by
            a blank line.

    Returns:
        One ``StoryText`` per text, in order. An article never loses its last paragraph.

    >>> [t.text for t in drop_unrelated(["The pier reopened.\\n\\nWidget zorble 42",
    ...                                  "Repairs to the pier took a week."])]
    ['The pier reopened.', 'Repairs to the pier took a week.']
    """
    paragraphs = [text.split(_PARAGRAPH_BREAK) for text in texts]
    terms = [[_terms(paragraph) for paragraph in article] for article in paragraphs]
    # How many paragraphs of the story hold each word: a word held by one paragraph
    # only is shared with nothing.
    held = Counter(term for article in terms for found in article for term in found)
    results = []
    for article, article_terms in zip(paragraphs, terms, strict=True):
        unrelated = [
            _is_judged(paragraph) and bool(found) and all(held[term] == 1 for term in found)
            for paragraph, found in zip(article, article_terms, strict=True)
        ]
        if all(unrelated):
            unrelated = [False] * len(article)
        results.append(
            StoryText(
                text=_PARAGRAPH_BREAK.join(
                    p for p, drop in zip(article, unrelated, strict=True) if not drop
                ),
                dropped=tuple(
                    DroppedLine(text=p, reason="unrelated")
                    for p, drop in zip(article, unrelated, strict=True)
                    if drop
                ),
            )
        )
    return tuple(results)


def _terms(paragraph: str) -> frozenset[str]:
    # Figures are left out: "10" or "2016" turn up everywhere and say nothing of a topic.
    return frozenset(term for term in content_terms(paragraph) if term[:1].isalpha())


def _is_judged(paragraph: str) -> bool:
    """Whether the line is short and bare enough to be judged by its words alone."""
    return (
        len(paragraph.split()) <= _MAX_UNRELATED_WORDS
        and not _SENTENCE_END.search(paragraph)
        and not _QUOTATION.search(paragraph)
    )
