"""Score an alignment against reference annotations (the seeds gold, the demo gold).

Gold names sentences by substrings of the article files, because sentence indices
change whenever cleaning or segmentation changes; this module maps each substring to
the sentences of the aligned article that hold it, then counts what the gold asks for:
gold pairs aligned (recall), predicted pairs that the gold confirms (precision),
planted divergences reported, debris lines that survived cleaning, and metadata found.
Everything here is a pure function of an ``Alignment`` and the gold dictionary, so the
same alignment always gets the same score.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from storydiff.coverage.model import Alignment, Article, Claim

SentenceKey = tuple[str, int]
"""(article id, sentence index): one sentence of one article."""

METADATA_FIELDS = ("outlet", "author", "published", "title", "url")
"""The ``Article`` fields a gold metadata entry may name."""

_WHITESPACE = re.compile(r"\s+")
# Cleaning may straighten or curl quotation marks; neither is a change of text.
_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})
# Boilerplate is annotated as it appears in the file; a cleaner that strips the link or
# emphasis syntax but keeps the words has still let the line through.
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1")


def collapse(text: str) -> str:
    """Whitespace runs (non-breaking spaces included) to one space, quote marks made straight.

    >>> collapse("  a\\u00a0\\n “b” ")
    'a "b"'
    """
    return _WHITESPACE.sub(" ", text.translate(_QUOTE_MARKS)).strip()


def strip_markdown(text: str) -> str:
    """The words of markdown links and emphasis without their syntax.

    >>> strip_markdown("[Terms of Use](#) and **Jane Doe**")
    'Terms of Use and Jane Doe'
    """
    return _MARKDOWN_EMPHASIS.sub(r"\2", _MARKDOWN_LINK.sub(r"\1", text))


def load_gold(path: Path) -> dict[str, Any]:
    """Read a gold file and check it has the sections the scorer needs.

    Raises:
        ValueError: the file is not JSON or lacks ``articles`` or ``claims``.
    """
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not JSON ({exc})") from exc
    if not isinstance(gold, dict):
        raise ValueError(f"{path}: expected a JSON object at the top level")
    missing = [key for key in ("articles", "claims") if not isinstance(gold.get(key), list)]
    if missing:
        raise ValueError(f"{path}: missing or malformed section(s): {', '.join(missing)}")
    return gold


@dataclass(frozen=True, slots=True)
class GoldScore:
    """How an alignment measures up to one gold file, with the misses spelled out."""

    pair_recall: float
    """Share of gold pairs (non-optional members, different files) that some claim aligns."""
    pair_precision: float
    """Share of judged predicted pairs whose two sentences belong to one gold claim."""
    gold_pairs: int
    aligned_pairs: int
    judged_pairs: int
    """Predicted pairs with at least one sentence the gold annotates."""
    correct_pairs: int
    divergences_found: int
    divergences_total: int
    boilerplate_leaks: int
    boilerplate_total: int
    metadata_hits: int
    metadata_total: int
    missed_pairs: tuple[str, ...]
    """One line per gold pair no claim aligns."""
    wrong_pairs: tuple[str, ...]
    """One line per predicted pair the gold does not support."""
    missed_divergences: tuple[str, ...]
    leaked_boilerplate: tuple[str, ...]
    missed_metadata: tuple[str, ...]
    unlocated_members: tuple[str, ...]
    """Gold members whose substring no sentence (or run of sentences) holds."""

    def format_report(self) -> str:
        """A readable summary: the figures first, then every miss."""
        lines = [
            f"pair recall     {self.pair_recall:.3f}"
            f"  ({self.aligned_pairs}/{self.gold_pairs})",
            f"pair precision  {self.pair_precision:.3f}"
            f"  ({self.correct_pairs}/{self.judged_pairs})",
            f"divergences     {self.divergences_found}/{self.divergences_total} found",
            f"boilerplate     {self.boilerplate_leaks}/{self.boilerplate_total} leaked",
            f"metadata        {self.metadata_hits}/{self.metadata_total} found",
        ]
        sections = (
            ("gold members not found in any sentence", self.unlocated_members),
            ("gold pairs not aligned", self.missed_pairs),
            ("predicted pairs the gold does not support", self.wrong_pairs),
            ("divergences not reported", self.missed_divergences),
            ("boilerplate that survived cleaning", self.leaked_boilerplate),
            ("metadata not found", self.missed_metadata),
        )
        for title, items in sections:
            if items:
                lines.append(f"\n{title} ({len(items)}):")
                lines.extend(f"  - {item}" for item in items)
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class _Located:
    """A gold claim member and the sentences that hold its substring."""

    claim: str
    file: str
    substring: str
    optional: bool
    sentences: frozenset[SentenceKey]


def score_alignment(alignment: Alignment, gold: Mapping[str, Any], *, story_dir: Path) -> GoldScore:
    """Score ``alignment`` against ``gold``, whose files live in ``story_dir``.

    Articles are matched to gold files by file name (``Path(article.path).name``).

    Raises:
        ValueError: the gold names a file that ``story_dir`` does not hold (stale gold).
    """
    absent = [name for name in gold["articles"] if not (Path(story_dir) / name).is_file()]
    if absent:
        raise ValueError(f"{story_dir}: gold names missing article(s): {', '.join(absent)}")
    by_file = _articles_by_file(alignment.articles)
    located = _locate_members(gold["claims"], by_file)
    claim_sentences = [_sentence_keys(claim) for claim in alignment.claims]

    aligned, missed = _gold_pair_recall(located, claim_sentences)
    judged, correct, wrong = _predicted_pair_precision(located, alignment)
    found, missed_divergences = _divergence_hits(
        gold.get("divergences", []), located, alignment.claims, by_file
    )
    leaked = _boilerplate_leaks(gold.get("boilerplate", []), alignment)
    hits, missed_metadata = _metadata_hits(gold.get("metadata", []), by_file)
    return GoldScore(
        pair_recall=_ratio(aligned, aligned + len(missed)),
        pair_precision=_ratio(correct, judged),
        gold_pairs=aligned + len(missed),
        aligned_pairs=aligned,
        judged_pairs=judged,
        correct_pairs=correct,
        divergences_found=found,
        divergences_total=len(gold.get("divergences", [])),
        boilerplate_leaks=len(leaked),
        boilerplate_total=len(gold.get("boilerplate", [])),
        metadata_hits=hits,
        metadata_total=len(gold.get("metadata", [])),
        missed_pairs=tuple(missed),
        wrong_pairs=tuple(wrong),
        missed_divergences=tuple(missed_divergences),
        leaked_boilerplate=tuple(leaked),
        missed_metadata=tuple(missed_metadata),
        unlocated_members=tuple(
            f"{m.claim}: {m.file}: {_short(m.substring)}" for m in located if not m.sentences
        ),
    )


def locate_substring(article: Article, substring: str) -> frozenset[SentenceKey]:
    """The sentences of ``article`` holding ``substring``, compared after ``collapse``.

    A substring inside one sentence maps to that sentence; one that runs across
    adjacent sentences maps to all of them (the shortest such run, first found).
    """
    needle = collapse(substring)
    if not needle:
        return frozenset()
    sentences = article.sentences
    inside = frozenset(
        (article.id, s.index) for s in sentences if needle in collapse(s.text)
    )
    if inside:
        return inside
    for width in range(2, len(sentences) + 1):
        for first in range(len(sentences) - width + 1):
            run = sentences[first : first + width]
            if needle in collapse(article.text[run[0].start : run[-1].end]):
                return frozenset((article.id, s.index) for s in run)
    return frozenset()


def gold_problems(gold: Mapping[str, Any], *, story_dir: Path) -> tuple[str, ...]:
    """Everything that makes ``gold`` stale or inconsistent with the files in ``story_dir``.

    Each substring must occur exactly once in its file (after ``collapse``); divergences
    must name a known claim and only files among its members; metadata names a field
    an ``Article`` has.
    """
    problems: list[str] = []
    texts: dict[str, str] = {}
    for name in gold["articles"]:
        path = Path(story_dir) / name
        if path.is_file():
            texts[name] = collapse(path.read_text(encoding="utf-8"))
        else:
            problems.append(f"{name}: listed in articles but not in {story_dir}")

    def check(file: str, substring: str, where: str) -> None:
        if file not in texts:
            problems.append(f"{where}: {file}: not among the gold's readable articles")
            return
        count = texts[file].count(collapse(substring))
        if count != 1:
            problems.append(f"{where}: {file}: found {count} times: {_short(substring)}")

    claim_files: dict[str, set[str]] = {}
    for claim in gold["claims"]:
        claim_files[claim["id"]] = {member["file"] for member in claim["members"]}
        for member in claim["members"]:
            check(member["file"], member["substring"], f"claim {claim['id']}")
    for entry in gold.get("boilerplate", []):
        check(entry["file"], entry["substring"], "boilerplate")
    for divergence in gold.get("divergences", []):
        claim_id = divergence["claim"]
        if claim_id not in claim_files:
            problems.append(f"divergence on unknown claim {claim_id!r}")
            continue
        named = divergence.get("departing") or divergence.get("between") or []
        if not named:
            problems.append(f"divergence on {claim_id}: names neither departing nor between")
        for file in named:
            if file not in claim_files[claim_id]:
                problems.append(f"divergence on {claim_id}: {file} has no member in the claim")
    for entry in gold.get("metadata", []):
        if entry["field"] not in METADATA_FIELDS:
            problems.append(f"metadata: {entry['file']}: unknown field {entry['field']!r}")
        if entry["file"] not in texts:
            problems.append(f"metadata: {entry['file']}: not among the gold's readable articles")
    return tuple(problems)


def _articles_by_file(articles: Iterable[Article]) -> dict[str, Article]:
    return {Path(article.path).name: article for article in articles}


def _locate_members(
    claims: Sequence[Mapping[str, Any]], by_file: Mapping[str, Article]
) -> list[_Located]:
    located = []
    for claim in claims:
        for member in claim["members"]:
            article = by_file.get(member["file"])
            sentences = (
                locate_substring(article, member["substring"]) if article else frozenset()
            )
            located.append(
                _Located(
                    claim=claim["id"],
                    file=member["file"],
                    substring=member["substring"],
                    optional=bool(member.get("optional", False)),
                    sentences=sentences,
                )
            )
    return located


def _sentence_keys(claim: Claim) -> frozenset[SentenceKey]:
    return frozenset((member.article, member.sentence) for member in claim.members)


def _gold_pair_recall(
    located: Sequence[_Located], claim_sentences: Sequence[frozenset[SentenceKey]]
) -> tuple[int, list[str]]:
    aligned = 0
    missed: list[str] = []
    by_claim: dict[str, list[_Located]] = {}
    for member in located:
        if not member.optional:
            by_claim.setdefault(member.claim, []).append(member)
    for claim_id, members in by_claim.items():
        for left, right in combinations(members, 2):
            if left.file == right.file:
                continue
            if any(
                sentences & left.sentences and sentences & right.sentences
                for sentences in claim_sentences
            ):
                aligned += 1
            else:
                missed.append(
                    f"{claim_id}: {left.file} <-> {right.file}: "
                    f"{_short(left.substring)} | {_short(right.substring)}"
                )
    return aligned, missed


def _predicted_pair_precision(
    located: Sequence[_Located], alignment: Alignment
) -> tuple[int, int, list[str]]:
    gold_claims_of: dict[SentenceKey, set[str]] = {}
    for member in located:
        for key in member.sentences:
            gold_claims_of.setdefault(key, set()).add(member.claim)
    texts = {
        (article.id, sentence.index): sentence.text
        for article in alignment.articles
        for sentence in article.sentences
    }
    seen: set[frozenset[SentenceKey]] = set()
    judged = correct = 0
    wrong: list[str] = []
    for claim in alignment.claims:
        keys = sorted(_sentence_keys(claim))
        for left, right in combinations(keys, 2):
            pair = frozenset((left, right))
            if left[0] == right[0] or pair in seen:
                continue
            seen.add(pair)
            left_gold = gold_claims_of.get(left, set())
            right_gold = gold_claims_of.get(right, set())
            if not left_gold and not right_gold:
                continue
            judged += 1
            if left_gold & right_gold:
                correct += 1
            else:
                wrong.append(
                    f"{claim.id}: {left[0]}#{left[1]} [{', '.join(sorted(left_gold)) or '-'}] "
                    f"<-> {right[0]}#{right[1]} [{', '.join(sorted(right_gold)) or '-'}]: "
                    f"{_short(texts.get(left, ''))} | {_short(texts.get(right, ''))}"
                )
    return judged, correct, wrong


def _divergence_hits(
    divergences: Sequence[Mapping[str, Any]],
    located: Sequence[_Located],
    claims: Sequence[Claim],
    by_file: Mapping[str, Article],
) -> tuple[int, list[str]]:
    found = 0
    missed: list[str] = []
    for divergence in divergences:
        members = [m for m in located if m.claim == divergence["claim"]]
        gold_sentences = frozenset().union(*(m.sentences for m in members))
        accepted = {divergence["type"], *divergence.get("tolerate", [])}
        candidates = [c for c in claims if _sentence_keys(c) & gold_sentences]
        if any(_reports(divergence, claim, accepted, members, by_file) for claim in candidates):
            found += 1
        else:
            named = divergence.get("departing") or divergence.get("between") or []
            missed.append(
                f"{divergence['type']} on {divergence['claim']} ({', '.join(named)}): "
                f"{divergence.get('note', '')}"
            )
    return found, missed


def _reports(
    divergence: Mapping[str, Any],
    claim: Claim,
    accepted: set[str],
    members: Sequence[_Located],
    by_file: Mapping[str, Article],
) -> bool:
    """Whether ``claim`` carries a divergence of an accepted type blaming the right article."""

    def article_id(file: str) -> str | None:
        article = by_file.get(file)
        return article.id if article else None

    typed = [d for d in claim.divergences if str(d.type) in accepted]
    if "departing" in divergence:
        departing = {article_id(file) for file in divergence["departing"]} - {None}
        return any(departing & set(d.articles) for d in typed)
    sides = [article_id(file) for file in divergence.get("between", [])]
    if len(sides) != 2 or None in sides:
        return False
    keys = _sentence_keys(claim)
    # Both versions must be in the claim: otherwise the pair was never compared.
    holds_both = all(
        any(m.sentences & keys for m in members if m.file == file)
        for file in divergence["between"]
    )
    # Stricter than "articles or reference touch the pair": a divergence that blames a
    # third outlet against one side says nothing about the difference between the two.
    return holds_both and any(set(sides) & set(d.articles) for d in typed)


def _boilerplate_leaks(
    boilerplate: Sequence[Mapping[str, Any]], alignment: Alignment
) -> list[str]:
    texts = [collapse(s.text) for article in alignment.articles for s in article.sentences]
    texts += [collapse(m.text) for claim in alignment.claims for m in claim.members]
    leaked = []
    for entry in boilerplate:
        forms = {collapse(entry["substring"]), collapse(strip_markdown(entry["substring"]))}
        patterns = [re.compile(rf"(?<!\w){re.escape(form)}(?!\w)") for form in forms if form]
        if any(pattern.search(text) for pattern in patterns for text in texts):
            leaked.append(f"{entry['file']}: {_short(entry['substring'])}")
    return leaked


def _metadata_hits(
    metadata: Sequence[Mapping[str, Any]], by_file: Mapping[str, Article]
) -> tuple[int, list[str]]:
    hits = 0
    missed = []
    for entry in metadata:
        article = by_file.get(entry["file"])
        field = entry["field"]
        found = getattr(article, field, None) if article and field in METADATA_FIELDS else None
        if found is not None and _same_value(str(found), str(entry["value"])):
            hits += 1
        else:
            missed.append(f"{entry['file']}: {field}: want {entry['value']!r}, got {found!r}")
    return hits, missed


def _same_value(found: str, wanted: str) -> bool:
    return collapse(found).casefold() == collapse(wanted).casefold()


def _ratio(part: int, whole: int) -> float:
    # Nothing to judge is a perfect score, not a division by zero.
    return part / whole if whole else 1.0


def _short(text: str, limit: int = 70) -> str:
    text = collapse(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
