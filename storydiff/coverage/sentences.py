"""Cut cleaned article text into sentences with exact character spans.

pySBD decides the boundaries (abbreviations, decimals, quotations that hold several
sentences) but only inside one line at a time: a line break always ends a sentence, so a
headline, a list item or a caption without a full stop stays one sentence and is never
glued to the next paragraph. Offsets are computed here, not taken from pySBD's
``char_span``, which searches for each sentence again and silently drops any it altered;
here pySBD's output only marks where sentences end, so every character of a line
belongs to exactly one sentence. pySBD is quadratic in the number of sentences of its
input, so long lines are cut into bounded chunks first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pysbd

from storydiff.coverage.model import Sentence

__all__ = ["split_sentences"]

MAX_CHUNK_CHARS = 2000
"""Longest text handed to pySBD at once; real paragraphs are shorter, and pySBD takes
seconds on tens of thousands of characters."""

_SEGMENTER = pysbd.Segmenter(language="en", clean=False)
_LINE = re.compile(r"[^\n]+")
_LEADING_CLOSERS = re.compile(r"([\"'\u201d\u2019)\]]+)(?:\s+|$)")
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences, in order, each slicing back out of ``text``.

    Every sentence satisfies ``text[s.start:s.end] == s.text``, has no surrounding
    whitespace, and ``index`` runs 0..n-1; sentences never overlap and never cross a
    line break.

    >>> [s.text for s in split_sentences("Dr. Li met Rep. Cruz. It rained.\\n\\nA headline")]
    ['Dr. Li met Rep. Cruz.', 'It rained.', 'A headline']
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        for chunk_start, chunk_end in _chunks(line.group(), line.start()):
            spans.extend(_sentence_spans(text, chunk_start, chunk_end))
    return tuple(
        Sentence(index=index, text=text[start:end], start=start, end=end)
        for index, (start, end) in enumerate(spans)
    )


def _chunks(line: str, offset: int) -> Iterator[tuple[int, int]]:
    """Cut a long line into pieces of at most ``MAX_CHUNK_CHARS``, at sentence ends if any."""
    start = 0
    while len(line) - start > MAX_CHUNK_CHARS:
        limit = start + MAX_CHUNK_CHARS
        cut = _last_sentence_end(line, start + MAX_CHUNK_CHARS // 2, limit)
        if cut is None:
            space = line.rfind(" ", start + 1, limit)
            cut = space if space > start else limit
        yield offset + start, offset + cut
        start = cut
    yield offset + start, offset + len(line)


def _last_sentence_end(line: str, low: int, high: int) -> int | None:
    last = None
    for match in _SENTENCE_END.finditer(line, low, high):
        last = match.end()
    return last


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the sentences in ``text[start:end]``, stripped, covering all its words."""
    chunk = text[start:end]
    cuts = [start + cut for cut in _boundaries(chunk)] + [end]
    spans: list[tuple[int, int]] = []
    previous = start
    for cut in cuts:
        piece = text[previous:cut]
        stripped = piece.strip()
        if stripped:
            left = previous + (len(piece) - len(piece.lstrip()))
            if spans and not any(ch.isalnum() for ch in stripped):
                # A stray closing quote or bracket pySBD cut off belongs to the sentence
                # it closes, not to a "sentence" of its own.
                spans[-1] = (spans[-1][0], left + len(stripped))
            else:
                spans.append((left, left + len(stripped)))
        previous = cut
    return _reattach_closing_marks(text, spans)


def _reattach_closing_marks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Move closing quotes pySBD put at the start of a sentence back to the one before.

    A mark followed by a space cannot open the next sentence (an opening quote touches
    its first word), so ``over.'' The`` is ``over.''`` and ``The``.
    """
    fixed: list[tuple[int, int]] = []
    for start, end in spans:
        marks = _LEADING_CLOSERS.match(text, start, end)
        if fixed and marks:
            fixed[-1] = (fixed[-1][0], marks.end(1))
            start = marks.end()
            if start >= end:
                continue
        fixed.append((start, end))
    return fixed


_CHUNK_TAIL = "\"'\u201d\u2019)] \t.!?\u2026\u3002\uff0e\uff01\uff1f"
_POSSIBLE_CUT = re.compile(r"[.!?\u2026)\u3002\uff0e\uff01\uff1f]|[\"'\u201c\u201d\u2018\u2019]\s")
"""What pySBD may cut at inside a line: terminal punctuation (its own list, the
full-width ones too), a list item's ``)``, a quotation mark before a space."""


def _boundaries(chunk: str) -> list[int]:
    """Offsets in ``chunk`` where pySBD ends a sentence (the end of the chunk excluded)."""
    if not chunk.strip():
        return []
    if not _POSSIBLE_CUT.search(chunk.rstrip(_CHUNK_TAIL)):
        # Nothing pySBD could cut at before the line's own ending: one sentence. Most
        # headlines, captions and short paragraphs end here, and pySBD costs about a
        # third of a millisecond a line, which a 5 MB page turns into half a minute.
        return []
    try:
        pieces = _SEGMENTER.segment(chunk)
    except Exception:  # noqa: BLE001 - a pySBD bug on odd text must not lose the article
        return []
    cuts = []
    cursor = 0
    for piece in pieces:
        stripped = piece.strip()
        if not stripped:
            continue
        found = chunk.find(stripped, cursor)
        if found < 0:
            # pySBD altered this piece; leave it to merge with the next one.
            continue
        cursor = found + len(stripped)
        cuts.append(cursor)
    cuts.extend(m.end() for m in _GLUED.finditer(chunk))
    return sorted(
        {
            cut
            for cut in cuts
            if 0 < cut < len(chunk)
            and not _clock_runs_on(chunk, cut)
            and not _punctuation_runs_on(chunk, cut)
        }
    )


_GLUED = re.compile(r"(?<=[a-z]{2})[.!?][\"'\u201d\u2019]?(?=[A-Z][A-Za-z])")
"""A sentence glued to the next where a page's paragraphs were joined without a space
("were released.One victim is in critical condition"), which pySBD reads as one."""


_CONTINUING_MARK = re.compile(r"\s*[,;:]")


def _punctuation_runs_on(chunk: str, cut: int) -> bool:
    """pySBD ends a sentence at the abbreviation of "at 18 Elm St., police said"; no
    sentence starts with a comma, a semicolon or a colon, so the sentence goes on."""
    return bool(_CONTINUING_MARK.match(chunk, cut))


_CLOCK_ABBREVIATION = re.compile(r"\b[ap]\.\s?m\.$", re.IGNORECASE)
_WHEN_WORD = re.compile(
    r"\s*(?:\(|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b|(?:[ECMP][SD]?T|GMT|UTC|BST|CET)\b|[a-z])"
)


def _clock_runs_on(chunk: str, cut: int) -> bool:
    """pySBD ends a sentence at the "a.m." of "at 1:27 a.m. Sunday." or "2:20 a.m. EDT
    (0630 GMT) on Monday"; a day, a month, a time zone or a lower-case word after the
    clock is the same sentence going on."""
    return bool(_CLOCK_ABBREVIATION.search(chunk[:cut])) and bool(_WHEN_WORD.match(chunk, cut))

