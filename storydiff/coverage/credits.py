"""Credits: whom a text names as the source of its words or its facts.

A wire's copy says whose it is in its dateline ("(CNN) —", "ST. JOSEPH, Mich. (AP) -"),
its byline, a "contributed to this report" or copyright line; a rewrite credits what it
drew on ("reported the Globe and Mail", "told Reuters", "according to Amnesty
International"). These are read from the sentences and from the lines cleaning dropped,
with regular expressions, and matched to the outlets of the story's other articles
through ``names_match``, which knows that "AP" is the Associated Press and "KFVS12"
is KFVS.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from storydiff.coverage.model import COPY_CREDITS, Article, Credit, CreditKind

__all__ = ["find_credits", "names_match"]

# A period inside a name ("U.S", "Sun-Times") but not at its end: "KFVS. All rights"
# is two sentences, not one name.
_CAPITAL = r"(?:[A-Z](?:[\w&'’-]|\.(?=\w))*|\d+[A-Z][\w-]*)"
_NAME = rf"{_CAPITAL}(?:[ \t]+(?:(?:and|of|for|&|de|la)[ \t]+)?{_CAPITAL}){{0,5}}"
_THE = r"(?:[Tt]he\s+)?"

_SENTENCE_CREDITS: tuple[tuple[CreditKind, re.Pattern[str]], ...] = (
    (
        CreditKind.CONTRIBUTED,
        re.compile(
            rf"(?:^|[.;!?]\s+|[-—–]{{1,2}}\s*){_THE}(?P<name>{_NAME})\b[^.;]*?"
            r"\bcontributed\s+to\s+this\s+(?:report|story|article)"
        ),
    ),
    (
        CreditKind.CONTRIBUTED,
        re.compile(
            rf"\b(?:[Aa]n?|[Tt]he)\s+(?P<name>{_NAME})\s+(?:report|story|article)\s+(?:is|was)\s+included"
        ),
    ),
    (
        CreditKind.CONTRIBUTED,
        re.compile(
            rf"\b(?:[Ww]ith|[Ii]ncludes?)\s+(?:files|reporting|material)\s+from\s+{_THE}(?P<name>{_NAME})"
        ),
    ),
    (
        CreditKind.COPYRIGHT,
        re.compile(rf"(?:Copyright|©)\s*(?:©\s*)?(?:\d{{4}}\s+)?{_THE}(?P<name>{_NAME})"),
    ),
    (
        CreditKind.FIRST_PUBLISHED,
        re.compile(
            r"\b(?:first|originally)\s+(?:appeared|published|ran|reported)\s+(?:on|in|by|at)\s+"
            rf"{_THE}(?P<name>{_NAME})"
        ),
    ),
    (CreditKind.REPORTED, re.compile(rf"\breported\s+(?:by\s+)?{_THE}(?P<name>{_NAME})")),
    (
        CreditKind.REPORTED,
        re.compile(rf"(?:,|\bas)\s+{_THE}(?P<name>{_NAME})\s+(?:has\s+)?(?:reported|reports)\b"),
    ),
    (CreditKind.TOLD, re.compile(rf"\btold\s+{_THE}(?P<name>{_NAME})")),
    (CreditKind.ACCORDING_TO, re.compile(rf"\baccording\s+to\s+{_THE}(?P<name>{_NAME})")),
)
"""Credits a sentence can carry; only the copy kinds are read in dropped lines."""

_DATELINE = re.compile(r"^.{0,60}?\((?P<name>[A-Z][^()]{0,40}?)\)\s*(?:[—–]|-{1,2})")
_BYLINE = re.compile(rf"^\W*By\s+.+?[,|]\s*{_THE}(?P<name>{_NAME})\W*$")
_MARKUP = re.compile(r"[*_]{1,3}")
_POSSESSIVE = re.compile(r"['’]s$")
_NOT_NAMES = frozenset(
    ["staff", "reporting", "editing", "photo", "photos", "video", "this", "that"]
    + ["he", "she", "they", "it", "we", "i"]
)
"""Capitalised words that open a credit line without naming anyone."""


def find_credits(articles: Sequence[Article]) -> dict[str, tuple[Credit, ...]]:
    """Whom each article credits, in its sentences and in the lines cleaning dropped.

    Its own outlet is left out; each credit lists the other articles whose outlet it
    names.

    >>> from storydiff.coverage.model import Sentence
    >>> text = "Prices rose, reported the Daily Ledger."
    >>> a = Article("a", "a.txt", "Gazette", None, None, None, None, text,
    ...             (Sentence(0, text, 0, len(text)),), ())
    >>> [(c.name, c.kind.value) for c in find_credits([a])["a"]]
    [('Daily Ledger', 'reported')]
    """
    return {
        article.id: tuple(
            Credit(
                article=article.id,
                name=name,
                kind=kind,
                text=where,
                sentence=index,
                names=tuple(
                    other.id
                    for other in articles
                    if other.id != article.id and names_match(name, other.outlet)
                ),
            )
            for kind, name, where, index in _credits_in(article)
            if not _is_itself(name, article.outlet)
        )
        for article in articles
    }


def _credits_in(article: Article) -> list[tuple[CreditKind, str, str, int | None]]:
    found: list[tuple[CreditKind, str, str, int | None]] = []
    seen: set[tuple[CreditKind, str, int | None]] = set()

    def add(kind: CreditKind, raw: str, where: str, index: int | None) -> None:
        name = _clean_name(raw)
        if name and (kind, _name_key(name), index) not in seen:
            seen.add((kind, _name_key(name), index))
            found.append((kind, name, where, index))

    for line in article.dropped:
        text = _MARKUP.sub("", line.text).strip()
        dateline = _DATELINE.match(text)
        if dateline:
            add(CreditKind.DATELINE, dateline["name"], line.text, None)
        byline = _BYLINE.match(text) if line.reason == "byline" else None
        if byline:
            add(CreditKind.BYLINE, byline["name"], line.text, None)
        for kind, pattern in _SENTENCE_CREDITS:
            if kind in COPY_CREDITS:
                for match in pattern.finditer(text):
                    add(kind, match["name"], line.text, None)
    for sentence in article.sentences:
        dateline = _DATELINE.match(sentence.text)
        if dateline:
            add(CreditKind.DATELINE, dateline["name"], sentence.text, sentence.index)
        for kind, pattern in _SENTENCE_CREDITS:
            for match in pattern.finditer(sentence.text):
                add(kind, match["name"], sentence.text, sentence.index)
    return found


def _is_itself(name: str, outlet: str) -> bool:
    """A credit of the outlet's own name, or of its last words ("told the Clarion" in
    the Daily Clarion)."""
    words, own = _name_words(name), _name_words(outlet)
    return names_match(name, outlet) or (bool(words) and own[-len(words) :] == words)


def _clean_name(raw: str) -> str | None:
    name = _POSSESSIVE.sub("", raw.strip().rstrip(".,;:"))
    if name.casefold().startswith("the "):
        name = name[4:]
    if not name or name.split()[0].casefold() in _NOT_NAMES:
        return None
    return name


def _name_key(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.casefold().removeprefix("the "))


def _name_words(name: str) -> list[str]:
    words = re.findall(r"[0-9a-z]+", name.casefold())
    return words[1:] if words[:1] == ["the"] else words


def names_match(a: str, b: str) -> bool:
    """Whether two names (an outlet, a credit) name one newsroom.

    Equal once case, "the" and punctuation are set aside; or one is the other's
    initials ("AP", "Associated Press"); or one is the other with a channel number
    ("KFVS", "KFVS12"); or one is the other's first words ("Khou", "Khou Followup":
    a file named for the outlet and what the text is).

    >>> names_match("The Associated Press", "AP"), names_match("Fox4", "Fox26")
    (True, False)
    >>> names_match("NBC Connecticut", "NBC Philadelphia")
    False
    """
    ka, kb = _name_key(a), _name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    wa, wb = _name_words(a), _name_words(b)
    # "Sun-Times Media Wire" gives S, T, M, W: a hyphen parts words here.
    if len(wa) >= 2 and "".join(w[0] for w in wa) == kb:
        return True
    if len(wb) >= 2 and "".join(w[0] for w in wb) == ka:
        return True
    sa, sb = ka.rstrip("0123456789"), kb.rstrip("0123456789")
    if (sa == ka) != (sb == kb) and sa == sb and len(sa) >= 3:
        return True
    shorter, longer = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return bool(shorter) and longer[: len(shorter)] == shorter and shorter != longer


def matching_name_pairs(names: Sequence[str]) -> set[tuple[int, int]]:
    """Every pair ``(i, j)``, i < j, of ``names`` that ``names_match``, found without
    trying every pair: each rule of ``names_match`` needs the two names to share a key
    (the name itself, its initials, its stem before a channel number, or one being the
    other's first words), so only names that share one are tried."""
    pairs: set[tuple[int, int]] = set()

    def check(i: int, j: int) -> None:
        if i != j and names_match(names[i], names[j]):
            pairs.add((min(i, j), max(i, j)))

    by_key: dict[str, list[int]] = defaultdict(list)
    initials: dict[str, list[int]] = defaultdict(list)
    numbered: dict[str, list[int]] = defaultdict(list)
    by_words: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for n, name in enumerate(names):
        key, words = _name_key(name), _name_words(name)
        if not key:
            continue
        by_key[key].append(n)
        if len(words) >= 2:
            initials["".join(w[0] for w in words)].append(n)
        stem = key.rstrip("0123456789")
        if stem != key and len(stem) >= 3:
            numbered[stem].append(n)
        by_words[tuple(words)].append(n)
    for holders in by_key.values():
        for x, i in enumerate(holders):
            for j in holders[x + 1 :]:
                check(i, j)
    for letters, named in initials.items():
        for i in named:
            for j in by_key.get(letters, ()):
                check(i, j)
    for stem, with_number in numbered.items():
        for i in with_number:
            for j in by_key.get(stem, ()):
                check(i, j)
    for run, holders in by_words.items():
        for cut in range(1, len(run)):
            for j in by_words.get(run[:cut], ()):
                for i in holders:
                    check(i, j)
    return pairs
