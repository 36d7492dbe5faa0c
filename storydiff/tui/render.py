"""Article text to display text: hostile input made inert, changes styled by span.

Article text comes from the web. It is never parsed as Rich/Textual markup: every piece
becomes a ``rich.text.Text`` built from plain strings, and terminal escape sequences and
control characters are stripped first, so ``[bold red]`` shows as those ten characters and
``\\x1b[31m`` never reaches the terminal. Styles come in as a mapping from role to style
(the widgets take them from ``app.tcss`` component classes), so these functions stay pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rich.style import Style
from rich.text import Text

from storydiff.coverage.model import Claim, DiffOp, Member
from storydiff.coverage.versions import Version, is_rewrite

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), and two-byte escapes (ESC x).
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-_])")
_NO_SPACE_BEFORE = re.compile(r"^[.,;:!?)\]}’”]")

ROLES = ("delete", "insert", "replace", "number", "quote")
"""Style roles ``member_text`` uses; a missing role renders unstyled."""


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` without escape sequences or control characters; other whitespace → space.

    >>> printable("a\\x1b[31mred\\x1b[0m\\tb\\x07")
    'ared b'
    """
    text = _ESCAPE_SEQUENCE.sub("", text)
    out = []
    for ch in text:
        if ch.isprintable() or (ch == "\n" and keep_newlines):
            out.append(ch)
        elif ch.isspace():
            out.append(" ")
        # other control and format characters are dropped: they only move the cursor
    return "".join(out)


def plain(text: str | None, *, keep_newlines: bool = False) -> Text:
    """A ``Text`` of untrusted ``text``, never parsed as markup."""
    return Text(printable(text or "", keep_newlines=keep_newlines))


def _join(pieces: Iterable[tuple[str, str | None]], styles: Mapping[str, Style]) -> Text:
    """Concatenate word runs with single spaces, styling each run by its role."""
    result = Text()
    for words, role in pieces:
        words = printable(words)
        if not words:
            continue
        needs_space = (
            result.plain
            and not result.plain[-1].isspace()
            and not words[0].isspace()
            and not _NO_SPACE_BEFORE.match(words)
        )
        if needs_space:
            result.append(" ")
        result.append(words, styles.get(role) if role else None)
    return result


def diff_pieces(member: Member) -> list[tuple[str, str | None]]:
    """(words, role) runs of a member: deleted reference words, then what replaced them."""
    if not member.diff:
        return [(member.text, None)]
    pieces: list[tuple[str, str | None]] = []
    for chunk in member.diff:
        if chunk.op is DiffOp.EQUAL:
            pieces.append((chunk.text, None))
        elif chunk.op is DiffOp.INSERT:
            pieces.append((chunk.text, "insert"))
        elif chunk.op is DiffOp.DELETE:
            pieces.append((chunk.reference, "delete"))
        else:
            pieces.append((chunk.reference, "delete"))
            pieces.append((chunk.text, "replace"))
    return pieces


def _emphasise(text: Text, needles: Iterable[str], style: Style | None) -> None:
    if style is None:
        return
    haystack = text.plain
    for needle in needles:
        needle = printable(needle)
        if not needle:
            continue
        start = haystack.find(needle)
        if start >= 0:
            text.stylize(style, start, start + len(needle))


def version_pieces(version: Version) -> list[tuple[str, str | None]]:
    """(words, role) runs of an outlet's version of a claim.

    A light edit reads best inline: dropped reference words struck out, then what replaced
    them. In a rewrite little of the reference survives, and an inline diff would
    interleave two different sentences; then only the outlet's own words are shown,
    its changes marked.
    """
    if not version.diff:
        return [(version.text, None)]
    if not is_rewrite(version):
        return diff_pieces(Member(version.article, 0, version.score, version.text,
                                  version.diff))
    roles = {DiffOp.EQUAL: None, DiffOp.INSERT: "insert", DiffOp.REPLACE: "replace"}
    return [(c.text, roles[c.op]) for c in version.diff if c.op is not DiffOp.DELETE]


def version_text(version: Version, claim: Claim, styles: Mapping[str, Style]) -> Text:
    """An outlet's version with its word diff styled and its numbers and quotes emphasised."""
    text = _join(version_pieces(version), styles)
    here = {(m.article, m.sentence) for m in version.members}
    _emphasise(
        text, [q.text for q in claim.quotes if (q.article, q.sentence) in here], styles.get("quote")
    )
    _emphasise(
        text,
        [n.surface for n in claim.numbers if (n.article, n.sentence) in here],
        styles.get("number"),
    )
    return text


def member_text(member: Member, claim: Claim, styles: Mapping[str, Style]) -> Text:
    """One member's sentence with its word diff styled and its numbers and quote emphasised."""
    text = _join(diff_pieces(member), styles)
    here = (member.article, member.sentence)
    _emphasise(
        text, [q.text for q in claim.quotes if (q.article, q.sentence) == here], styles.get("quote")
    )
    _emphasise(
        text,
        [n.surface for n in claim.numbers if (n.article, n.sentence) == here],
        styles.get("number"),
    )
    return text


def truncate(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with an ellipsis when it is longer."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"
