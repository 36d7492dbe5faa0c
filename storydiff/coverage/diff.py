"""Word-level diffs of one outlet's phrasing against the reference phrasing.

Tokens are words with their trailing whitespace, so the chunks of a diff always join
back to the exact texts compared. Words are compared in a normalised form (case,
curly vs straight quotes, dashes), so a change of typography is not shown as a change
of wording. Levenshtein opcodes on token lists give the edits.
"""

from __future__ import annotations

import re
from functools import lru_cache

import Levenshtein

from storydiff.coverage.model import DiffChunk, DiffOp

_TOKEN_RE = re.compile(r"\s*\S+\s*|\s+")
_TYPOGRAPHY = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def tokenize(text: str) -> tuple[str, ...]:
    """Words with their surrounding whitespace; ``"".join(tokenize(t)) == t``."""
    if not text:
        return ()
    tokens = _TOKEN_RE.findall(text)
    return tuple(tokens)


def _word_key(token: str) -> str:
    return token.strip().translate(_TYPOGRAPHY).casefold().strip(".,;:!?\"'()[]")


@lru_cache(maxsize=8192)  # a claim's many outlets often word it alike
def word_diff(reference: str, text: str) -> tuple[DiffChunk, ...]:
    """Diff ``text`` against ``reference`` word by word.

    Returns:
        Chunks whose ``reference`` parts join to ``reference`` and whose ``text`` parts
        join to ``text``.

    >>> [(c.op.value, c.reference, c.text) for c in word_diff("712 hospitals", "700 hospitals")]
    [('replace', '712 ', '700 '), ('equal', 'hospitals', 'hospitals')]
    """
    ref_tokens, tokens = tokenize(reference), tokenize(text)
    ref_keys = [_word_key(t) for t in ref_tokens]
    keys = [_word_key(t) for t in tokens]
    chunks: list[DiffChunk] = []
    for op, r1, r2, t1, t2 in Levenshtein.opcodes(ref_keys, keys):
        chunk = DiffChunk(
            op=DiffOp(op), reference="".join(ref_tokens[r1:r2]), text="".join(tokens[t1:t2])
        )
        if chunks and chunks[-1].op == chunk.op:
            last = chunks.pop()
            chunk = DiffChunk(chunk.op, last.reference + chunk.reference, last.text + chunk.text)
        chunks.append(chunk)
    return tuple(chunks)


def changed_share(chunks: tuple[DiffChunk, ...]) -> float:
    """Share of the member's characters that are not equal to the reference (0..1)."""
    total = sum(len(c.text) for c in chunks) or 1
    return sum(len(c.text) for c in chunks if c.op is not DiffOp.EQUAL) / total
