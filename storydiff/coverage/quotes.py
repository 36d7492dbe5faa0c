"""Direct quotations, who they are credited to, and how two versions of one differ.

Outlets copy a quotation nearly word for word but change what frames it: one credits
Amnesty International, another a newspaper; one trims a leading "But", another swaps a
word. This module finds quoted spans (straight or curly marks, across sentences when a
quotation runs on), reads the speaker from the words around them ("X said", "said X",
"according to X", a pronoun resolved to the last named speaker), reads who a plain
sentence is credited to, and compares two quotations word by word. All rules are
regular expressions and small word lists: good enough for news prose, and explainable.

Conventions worth knowing: a straight mark opens or closes by the characters around it;
single marks quote only when paired inside one sentence (so apostrophes never do); an
opener left unclosed for six sentences is ignored; a pronoun speaker becomes the latest
named speaker earlier in the sentence or in the three before it, else None.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from storydiff.coverage.model import Quote

__all__ = [
    "SPEECH_VERBS",
    "QuoteComparison",
    "find_credit",
    "find_quotes",
    "quote_words_changed",
    "same_credit",
]


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


SPEECH_VERBS = _wordset(
    "said says say told tells tell added adds stated states wrote writes write reported "
    "reports claimed claims claim noted notes argued argues argue insisted insists "
    "explained explains warned warns warn asked asks replied replies continued recounted "
    "recalled recalls testified declared declares announced confirmed confirms admitted "
    "admits alleged alleges allege estimated estimates estimate concluded concludes "
    "revealed reveals commented remarked acknowledged acknowledges suggested suggests "
    "found finds believe believes"
)
"""Verbs that credit what surrounds them to their subject (or, inverted, their object)."""

_ROLES = _wordset(
    "brigade service services hospital hospitals army military navy coastguard watchdog "
    "operator airline club school museum library firefighters paramedics rescuers "
    "engineers engineer inspectors inspector manager managers owner owners agency "
    "spokesman spokeswoman spokesperson spokespeople spokesmen official officials "
    "minister ministry report reports study survey authors author researchers researcher "
    "experts expert police government lawyer lawyers director president chairman "
    "chairwoman chair head chief source sources statement committee commission department "
    "agency analysts analyst investigators investigator doctors doctor witness witnesses "
    "prosecutor prosecutors judge court party group organisation organization company firm "
    "team scientists scientist activists activist campaigners officers officer embassy "
    "administration authorities authority regulator data figures statistics research "
    "findings paper newspaper journal documents document trio tribunal observers critics "
    "residents members member leaders leader representative representatives ambassador "
    "secretary council board panel inquiry review audit bank university institute "
    "office centre center foundation union association charity website broadcaster "
    "network agency ngo regulator watchdog monitor"
)
_DETERMINERS = _wordset("the a an their his her its our this that these those")
_CONNECTORS = _wordset("of for and de van von al bin da del la le")
_PRONOUNS = _wordset("he she they it we i")
_CAPITAL_STOP = _wordset(
    "In At On For But And When While Since After Before According As If Although Though "
    "However Also Then So Yet Meanwhile Earlier Later Last This That These Those It There "
    "Here What Why How Who Where Today Yesterday Now Still Even Once Despite Under With "
    "From By To Of Its Their His Her Our We I He She They Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday Finally Instead Indeed Additionally Furthermore "
    "Moreover Nevertheless A An The"
)
_NOT_ADJECTIVES = _wordset(
    "in on at by for with from to into of as than that which who whom whose where when "
    "and or but if while because since after before during about over under between "
    "is are was were be been has have had will would can could may might not"
)

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_OPENING_CONTEXT = "([{—–-/:"
_CLOSING_CONTEXT = ",.;:!?)]}—–-"
_MASK = "\x00"
"""Stands in for quoted words in a frame: never a word, never space, never in article text
that matters (control characters are stripped before segmentation)."""
_MAX_QUOTE_SENTENCES = 6
_FRAME_REACH = 300
"""How many characters either side of a quotation can name its speaker."""
_PRONOUN_LOOKBACK = 3

_WORD = re.compile(r"[\w][\w.'’&-]*|[^\w\s]")
# Lowercase only: "States" in "the United States" is no verb.
_SPEECH_VERB = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_VERBS)) + r")\b(?<!member states)")
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
_DOCUMENT_BY = re.compile(
    r"\b(?:report|survey|study|review|audit|assessment|inspection|analysis|investigation|"
    r"inquiry|letter|statement|memo|document|figures|data)\s+"
    r"(?:(?:commissioned|published|released|produced|written|carried\s+out|conducted)\s+)?"
    r"(?:by|from)\s+(?:the\s+)?"
    r"(?P<org>[A-Z][\w'\u2019&-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w'\u2019&-]*){0,5})"
)
_APPOSITIVE_NAME = re.compile(
    r"^\s*(?:the\s+|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['\u2019]s\s+)"
    r"(?:[a-z][\w'\u2019-]*\s+){0,3}?[a-z][\w-]*\s*,\s*"
    r"(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){1,3})"
)
_TITLED_NAME = re.compile(
    r"^\s*(?:the\s+)?(?:(?!(?:the|a|an|of|and|for|by|to|in|on|at|from|with|or|seen|said)\s)[a-z][\w-]*\s+){1,3}"
    r"(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){1,2})(?![\w'\u2019-]|\s+[A-Z])"
)
_SPOKE_TO = re.compile(r"\b(?:spoke\s+(?:to|with)|interviewed|asked)\s+", re.IGNORECASE)
_TRAILING_INVERTED = re.compile(
    r"[,;—–\x00-]\s*(?P<verb>" + "|".join(sorted(SPEECH_VERBS)) + r")\s+(?P<rest>[^,;.!?\x00]+?)"
    r"(?:[,;]\s*[^,;]*)?\s*[.!?]?[\"”’']?\s*$",
)
_TRAILING_SUBJECT = re.compile(
    r",\s*(?P<np>[^,;\"“”\x00]{1,60}?)\s+(?P<verb>" + "|".join(sorted(SPEECH_VERBS)) + r")\b"
    r"[^,;\"“”\x00]{0,40}[.!?]?\s*$",
)
_CLAUSE_END = re.compile(
    r"^['’]?s?\s*(?:(?:in|on|at|during|to|via|last|this|earlier)\b[^,;.\x00]{0,40})?"
    r"\s*(?:[,.;!?:]|$)"
)
_FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){1,2}\b")
_PLAIN_MARKS = str.maketrans("’‘“”", "''\"\"")
_TOKEN_TEXT = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:'\w+)*")
_SHOWN_WORDS = 10


@dataclass(frozen=True, slots=True)
class QuoteComparison:
    """How one quotation differs from another, word by word."""

    identical: bool
    """Same words once case, marks, punctuation and spacing are set aside."""
    trimmed: bool
    """One is a contiguous run of the other's words: shortened at either end only."""
    altered: bool
    """Words were changed, added or removed inside the quotation."""
    changes: tuple[tuple[str, str], ...]
    """Each changed run inside the quotation as (words in ``a``, words in ``b``); an
    empty side is an insertion or deletion. Empty unless ``altered``."""
    description: str
    """One line for a person: ``"surpass" → "exceed"``, ``trimmed at start: "But"``."""


@dataclass(frozen=True, slots=True)
class _Mark:
    sentence: int
    offset: int
    role: str
    """``open``, ``close`` or ``either`` (a straight mark whose context does not say)."""


@dataclass(frozen=True, slots=True)
class _Span:
    sentence: int
    start: int
    end: int
    group: int
    """Parts of one quotation running over several sentences share a group."""


# --- finding quotations --------------------------------------------------------------


def find_quotes(sentences: Sequence[str]) -> tuple[tuple[Quote, ...], ...]:
    """The quotations in each sentence of one article, with their speakers.

    Args:
        sentences: the article's sentences, in order. A quotation may open in one and
            close in a later one; each sentence then gets its own part, and every part
            is credited to the same speaker.

    Returns:
        One tuple of ``Quote`` per sentence; ``sentence[q.start:q.end] == q.text``.
        Unpaired marks are ignored, never an error.

    >>> find_quotes(['"We can," she said, "do more."'])[0][1].text
    'do more.'
    """
    texts = [str(text) for text in sentences]
    spans = _double_spans(texts)
    spans += _single_spans(texts, spans)
    spans.sort(key=lambda span: (span.sentence, span.start))
    speakers = _group_speakers(texts, spans)
    per_sentence: list[list[Quote]] = [[] for _ in texts]
    for span in spans:
        start, end = _trim(texts[span.sentence], span.start, span.end)
        if start < end:
            text = texts[span.sentence][start:end]
            per_sentence[span.sentence].append(Quote(text, speakers.get(span.group), start, end))
    return tuple(tuple(quotes) for quotes in per_sentence)


def _double_spans(texts: list[str]) -> list[_Span]:
    marks = [mark for index, text in enumerate(texts) for mark in _double_marks(index, text)]
    spans: list[_Span] = []
    opened: _Mark | None = None
    continued: list[_Mark] = []
    for mark in marks:
        if opened is not None and mark.sentence - opened.sentence >= _MAX_QUOTE_SENTENCES:
            opened, continued = None, []  # an opener never closed: ignore it
        if opened is None:
            if mark.role != "close":
                opened, continued = mark, []
            continue
        if mark.role == "open":
            at_sentence_start = not texts[mark.sentence][: mark.offset].strip()
            if mark.sentence != opened.sentence and at_sentence_start:
                continued.append(mark)  # a new paragraph of the same quotation
            else:
                opened, continued = mark, []
            continue
        spans.extend(_spans_between(texts, opened, mark, continued, group=len(spans)))
        opened, continued = None, []
    return spans


def _double_marks(index: int, text: str) -> list[_Mark]:
    marks = []
    for offset, char in enumerate(text):
        if char in _DOUBLE_OPEN:
            marks.append(_Mark(index, offset, "open"))
        elif char in _DOUBLE_CLOSE:
            marks.append(_Mark(index, offset, "close"))
        elif char == '"':
            marks.append(_Mark(index, offset, _straight_role(text, offset)))
    return marks


def _straight_role(text: str, offset: int) -> str:
    before = text[offset - 1] if offset > 0 else ""
    after = text[offset + 1] if offset + 1 < len(text) else ""
    opens = not before or before.isspace() or before in _OPENING_CONTEXT
    closes = not after or after.isspace() or after in _CLOSING_CONTEXT
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _spans_between(
    texts: list[str], opened: _Mark, closed: _Mark, continued: list[_Mark], *, group: int
) -> list[_Span]:
    resumed = {mark.sentence: mark.offset + 1 for mark in continued}
    spans = []
    for index in range(opened.sentence, closed.sentence + 1):
        start = opened.offset + 1 if index == opened.sentence else resumed.get(index, 0)
        end = closed.offset if index == closed.sentence else len(texts[index])
        spans.append(_Span(index, start, end, group))
    return spans


def _single_spans(texts: list[str], doubles: list[_Span]) -> list[_Span]:
    spans: list[_Span] = []
    group = max((span.group for span in doubles), default=-1) + 1
    covered: dict[int, list[tuple[int, int]]] = {}
    for span in doubles:
        covered.setdefault(span.sentence, []).append((span.start - 1, span.end))
    for index, text in enumerate(texts):
        inside = bytearray(len(text))
        for low, high in covered.get(index, ()):
            inside[max(0, low) : high + 1] = b"\x01" * (min(high + 1, len(text)) - max(0, low))
        opened: int | None = None
        for offset, char in enumerate(text):
            if char not in "‘’'" or inside[offset]:
                continue
            before = text[offset - 1] if offset > 0 else ""
            after = text[offset + 1] if offset + 1 < len(text) else ""
            can_open = (
                char in "‘'"
                and (not before or before.isspace() or before in _OPENING_CONTEXT)
                and after.isalnum()
            )
            # An apostrophe has a letter after it (don’t, Matas’s); a closing mark does not.
            can_close = (
                char in "’'" and bool(before) and not before.isspace() and (not after.isalnum())
            )
            if opened is None and can_open:
                opened = offset
            elif opened is not None and can_close and offset > opened + 1:
                spans.append(_Span(index, opened + 1, offset, group))
                group += 1
                opened = None
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


# --- speakers -------------------------------------------------------------------------


def _group_speakers(texts: list[str], spans: list[_Span]) -> dict[int, str | None]:
    groups: dict[int, list[_Span]] = {}
    for span in spans:
        groups.setdefault(span.group, []).append(span)
    masked = _mask_quotes(texts, spans)
    candidates = [_named_candidates(text) for text in masked]
    indent = [len(text) - len(text.lstrip()) for text in texts]
    speakers: dict[int, str | None] = {}
    last_in_sentence: dict[int, str | None] = {}
    """Speaker of the latest quotation ending in each sentence so far (None included)."""
    voice_of_sentence: dict[int, str] = {}
    """Latest named speaker of a quotation ending in each sentence."""
    ordered = sorted(groups.values(), key=lambda parts: (parts[0].sentence, parts[0].start))
    for parts in ordered:
        first, last = parts[0], parts[-1]
        speaker = _speaker_after(masked[last.sentence], last.end)
        if speaker is None:
            speaker = _speaker_before(masked[first.sentence], first.start)
        if speaker is None:
            # "We can," he said, "do more.": the second part has no frame of its own.
            speaker = last_in_sentence.get(first.sentence)
        opens_sentence = first.start - 1 <= indent[first.sentence]
        words = sum(len(texts[p.sentence][p.start : p.end].split()) for p in parts)
        if speaker is None and first.sentence > 0 and opens_sentence and words >= 5:
            # A quotation opening its own sentence, with no frame, continues the voice of
            # the sentence before: 'X said in a statement.' then '"..."'.
            previous = first.sentence - 1
            speaker = voice_of_sentence.get(previous) or (
                candidates[previous][-1][1] if candidates[previous] else None
            )
        if speaker is not None and speaker.lower() in _PRONOUNS:
            speaker = _resolve_pronoun(candidates, first.sentence, first.start)
        speakers[first.group] = speaker
        last_in_sentence[last.sentence] = speaker
        if speaker:
            voice_of_sentence[last.sentence] = speaker
    return speakers


def _mask_quotes(texts: list[str], spans: list[_Span]) -> list[str]:
    # Quoted words are not the frame: blank them (and their marks) so offsets still hold.
    masked = [list(text) for text in texts]
    for span in spans:
        low = max(0, span.start - 1)
        high = min(len(masked[span.sentence]), span.end + 1)
        for offset in range(low, high):
            masked[span.sentence][offset] = _MASK
    return ["".join(chars) for chars in masked]


def _speaker_after(frame_text: str, end: int) -> str | None:
    after = frame_text[end + 1 : end + 1 + _FRAME_REACH]  # past the closing mark
    stripped = after.lstrip(" \t\n,.;:!?—–-\"”’'")
    according = re.match(r"according\s+to\s+", stripped, re.IGNORECASE)
    if according:
        return _np_after(stripped[according.end() :], open_class=True)
    words = stripped.split()
    for position, word in enumerate(words[:7]):
        bare = word.strip(",.;:!?")
        if bare.lower() in SPEECH_VERBS:
            if position == 0:
                rest = stripped[len(word) :] if word == bare else ""
                return _np_after(rest) if rest else None
            return _np_before(" ".join(words[:position]))
        if word != bare and word[-1] in ".!?;":
            return None
    return None


def _speaker_before(frame_text: str, start: int) -> str | None:
    before = frame_text[max(0, start - _FRAME_REACH) : start]
    according = list(_ACCORDING_TO.finditer(before))
    if according:
        found = _np_after(before[according[-1].end() :], open_class=True)
        if found:
            return found
    for verb in reversed(list(_SPEECH_VERB.finditer(before))):
        found = _credited_by(before, verb)
        if found:
            return found
    return None


def _credited_by(text: str, verb: re.Match[str]) -> str | None:
    """Who a speech verb credits: its subject, or its object when inverted (", said X")."""
    preceding = text[: verb.start()].rstrip()
    if not preceding or preceding[-1] in ",;:—–-" + _MASK:
        found = _np_after(text[verb.end() :])
        quoted_before = preceding.rstrip(",;:—–- ").endswith(_MASK) or not preceding
        if found and (quoted_before or _ends_clause(text[verb.end() :], found)):
            return found
    return _np_before(preceding)


def _ends_clause(rest: str, phrase: str) -> bool:
    # ", said X." or ", said X in a statement." is inverted; ", said the government's ..."
    # is the verb of the subject before the comma.
    tail = rest.lstrip()[len(phrase) :]
    return bool(_CLAUSE_END.match(tail))


def _named_candidates(frame_text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for verb in _SPEECH_VERB.finditer(frame_text):
        subject = _credited_by(frame_text, verb)
        if subject and subject.lower() not in _PRONOUNS:
            found.append((verb.start(), subject))
    for cue in list(_SPOKE_TO.finditer(frame_text)) + list(_ACCORDING_TO.finditer(frame_text)):
        name = _np_after(frame_text[cue.end() :])
        if name and name.lower() not in _PRONOUNS:
            found.append((cue.end(), name))
    if not found:
        # No one is credited with speaking here; a full name is still the likeliest
        # antecedent of a later "he" or "she".
        for run in _FULL_NAME.finditer(frame_text):
            if run.group().split()[0] not in _CAPITAL_STOP:
                found.append((run.start(), run.group()))
    found.sort()
    return found


def _resolve_pronoun(
    candidates: list[list[tuple[int, str]]], sentence: int, offset: int
) -> str | None:
    same = [name for position, name in candidates[sentence] if position < offset]
    if same:
        return same[-1]
    for index in range(sentence - 1, max(-1, sentence - 1 - _PRONOUN_LOOKBACK), -1):
        if candidates[index]:
            return candidates[index][-1][1]
    return None


def _np_before(text: str) -> str | None:
    """The name or role phrase that ends ``text``: "Matas", "the Foreign Ministry spokeswoman"."""
    text = text.rstrip()
    if text.endswith(","):
        # "David Matas, a lawyer, said": the name sits before the appositive.
        head, _, appositive = text[:-1].rpartition(",")
        if head:
            return _phrase_before(head) or _capitalised_run(appositive)
    return _phrase_before(text)


def _phrase_before(text: str) -> str | None:
    tokens: list[str] = _WORD.findall(text)
    taken: list[str] = []
    index = len(tokens) - 1
    while index >= 0:
        word = tokens[index]
        lower = word.lower()
        if not taken and lower in _PRONOUNS:
            return word
        if _is_name_word(word) or lower in _ROLES or (taken and lower in _CONNECTORS):
            taken.append(word)
        elif taken and lower in _DETERMINERS:
            taken.append(word)
            # "a spokesman for the ministry": the phrase goes on past "for the".
            if index == 0 or tokens[index - 1].lower() not in {"of", "for"}:
                break
        elif taken and word[0].islower() and word[0].isalpha():
            # "a new report": adjectives count only when a determiner closes the phrase.
            lookback = [tokens[j].lower() for j in range(max(0, index - 2), index + 1)]
            determiner = next(
                (j for j in range(len(lookback) - 1, -1, -1) if lookback[j] in _DETERMINERS), None
            )
            if determiner is None or not all(w.isalpha() for w in lookback[determiner:]):
                break
            taken.extend(reversed(tokens[index - (len(lookback) - 1 - determiner) : index + 1]))
            break
        else:
            break
        index -= 1
    return _tidy(list(reversed(taken)))


def _np_after(text: str, *, open_class: bool = False) -> str | None:
    """The name or role phrase that starts ``text``: "the Globe and Mail", "CNN".

    With ``open_class`` (after "according to", which can only be followed by a source),
    any plain noun phrase is accepted: "the central bank".
    """
    appositive = _APPOSITIVE_NAME.match(text) or _TITLED_NAME.match(text)
    if appositive:
        # "Kessford's mayor, Roswitha Kall", "chief engineer Hallvard Moen": the person,
        # not the town or the first word of the title.
        return appositive["name"]
    tokens = _WORD.findall(text)
    taken: list[str] = []
    for position, word in enumerate(tokens):
        following = tokens[position + 1 : position + 3]
        if (not taken and word.lower() in _DETERMINERS) or _continues_name(word, taken, following):
            taken.append(word)
        elif _is_leading_adjective(word, taken, following):
            taken.append(word)  # "official statistics", "a new report"
        elif open_class and word[0].isalpha() and word.lower() not in _NOT_ADJECTIVES:
            taken.append(word)
        else:
            break
        if len(taken) >= 8:
            break
    return _tidy(taken, open_class=open_class)


def _continues_name(word: str, taken: list[str], following: list[str]) -> bool:
    lower = word.lower()
    if _is_name_word(word) or lower in _ROLES:
        return True
    if not taken:
        return False
    if lower in _CONNECTORS:
        # "the Globe and Mail", "director of the committee": a joiner needs a name after it.
        return bool(following) and (
            _is_name_word(following[0]) or following[0].lower() in _DETERMINERS | _ROLES
        )
    return lower in _DETERMINERS and taken[-1].lower() in _CONNECTORS


def _is_leading_adjective(word: str, taken: list[str], following: list[str]) -> bool:
    if not (word[0].isalpha() and word[0].islower()) or word.lower() in _NOT_ADJECTIVES:
        return False
    if any(t.lower() not in _DETERMINERS for t in taken):
        return False
    return any(t.lower() in _ROLES or _is_name_word(t) for t in following)


def _tidy(words: list[str], *, open_class: bool = False) -> str | None:
    while words and (words[-1].lower() in _CONNECTORS | _DETERMINERS):
        words = words[:-1]
    while words and words[0].lower() in _CONNECTORS:
        words = words[1:]
    if not words:
        return None
    named = any(_is_name_word(w) or w.lower() in _ROLES for w in words)
    if not named and (not open_class or words[-1].lower() in _DETERMINERS):
        return None
    words[-1] = re.sub(r"['’]s$", "", words[-1])  # "Beijing's claim" credits Beijing
    phrase = " ".join(words)
    return phrase.rstrip(".") if not re.search(r"\b\w\.\w\.$", phrase) else phrase


def _is_name_word(word: str) -> bool:
    return (
        word[:1].isupper()
        and word not in _CAPITAL_STOP
        and not word.isdigit()
        and any(char.isalpha() for char in word)
    )


def _capitalised_run(text: str) -> str | None:
    runs = re.findall(r"(?:[A-Z][\w'’.-]*\s?)+", text)
    names = [run.strip() for run in runs if run.strip() and run.split()[0] not in _CAPITAL_STOP]
    return names[-1] if names else None


# --- credits --------------------------------------------------------------------------


def find_credit(sentence: str) -> str | None:
    """Who ``sentence`` credits its claim to, quotation marks or not.

    "according to X", "…, reported X", "…, X said", "X says/notes/told Reuters …":
    the first of these that is found, in that order.

    >>> find_credit("Prices rose, according to the central bank.")
    'the central bank'
    >>> find_credit("Prices rose sharply, reported the Daily Ledger.")
    'the Daily Ledger'
    """
    text = _mask_quotes([str(sentence)], _double_spans([str(sentence)]))[0]
    according = _ACCORDING_TO.search(text)
    generic: str | None = None
    if according:
        found = _np_after(text[according.end() :], open_class=True)
        if found and any(word[:1].isupper() for word in found.split()[1:] or found.split()):
            return found
        generic = found
    # "A 2023 survey commissioned by the Port Authority found ...": the organisation
    # behind a document is who the finding is credited to.
    document = _DOCUMENT_BY.search(text)
    if document:
        return document["org"]
    if generic:
        return generic
    inverted = _TRAILING_INVERTED.search(text)
    if inverted and len(inverted["rest"].split()) <= 6:
        found = _np_after(inverted["rest"])
        if found:
            return found
    trailing = _TRAILING_SUBJECT.search(text)
    if trailing:
        found = _np_before(trailing["np"])
        if found and found.lower() not in _PRONOUNS:
            return found
    for verb in _SPEECH_VERB.finditer(text):
        found = _np_before(text[: verb.start()])
        if found and found.lower() not in _PRONOUNS:
            return found
    return None


def same_credit(a: str | None, b: str | None) -> bool:
    """Whether two credits name the same source.

    Case, a leading article and possessives are ignored, and a shorter credit matches a
    longer one that contains all its words and ends the same way ("Matas" and "David
    Matas"; "the ministry" and "Foreign Ministry").

    >>> same_credit("the ministry", "Ministry"), same_credit("Matas", "David Kilgour")
    (True, False)
    """
    if a is None or b is None:
        return a is None and b is None
    left, right = _credit_words(a), _credit_words(b)
    if not left or not right:
        return left == right
    if left == right:
        return True
    short, long = sorted((left, right), key=len)
    return short[-1] == long[-1] and set(short) <= set(long)


def _credit_words(credit: str) -> list[str]:
    normal = _normalise(credit).lower()
    words = [w.removesuffix("'s") for w in _TOKEN_TEXT.findall(normal)]
    while words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    return words


# --- comparing quotations -------------------------------------------------------------


def quote_words_changed(a: str, b: str) -> QuoteComparison:
    """Compare two quotations word by word.

    Case, straight versus curly marks, punctuation and spacing are not changes.

    >>> quote_words_changed("But we can win.", "we can win").trimmed
    True
    >>> quote_words_changed("we can surpass it", "we can exceed it").description
    '"surpass" → "exceed"'
    """
    words_a, words_b = _quote_words(a), _quote_words(b)
    keys_a, keys_b = [w.lower() for w in words_a], [w.lower() for w in words_b]
    if keys_a == keys_b:
        return QuoteComparison(True, False, False, (), "identical")
    short, long = sorted((keys_a, keys_b), key=len)
    start = _find_run(long, short)
    if start is not None:
        longer = a if long is keys_a and len(keys_a) != len(keys_b) else b
        return QuoteComparison(False, True, False, (), _trim_description(longer, start, len(short)))
    changes: list[tuple[str, str]] = []
    ops = Levenshtein.opcodes(keys_a, keys_b)
    for op in ops:
        if op.tag == "equal":
            continue
        at_edge = (op.src_start == 0 and op.dest_start == 0) or (
            op.src_end == len(keys_a) and op.dest_end == len(keys_b)
        )
        if at_edge and op.tag in {"delete", "insert"}:
            continue  # a trim at either end is reported as trimming, not as a change
        changes.append(
            (
                " ".join(words_a[op.src_start : op.src_end]),
                " ".join(words_b[op.dest_start : op.dest_end]),
            )
        )
    if not changes:
        # Trimmed at one end and extended at the other: still no word changed inside.
        return QuoteComparison(False, True, False, (), "trimmed at both ends")
    return QuoteComparison(False, False, True, tuple(changes), _change_description(changes))


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return text.translate(_PLAIN_MARKS)


def _quote_words(text: str) -> list[str]:
    return _TOKEN_TEXT.findall(_normalise(text))


def _find_run(haystack: list[str], needle: list[str]) -> int | None:
    if not needle:
        return 0
    for start in range(len(haystack) - len(needle) + 1):
        if haystack[start : start + len(needle)] == needle:
            return start
    return None


def _trim_description(longer: str, start: int, length: int) -> str:
    """Name the words cut from ``longer`` as written, punctuation kept, so that a cut
    across two sentences reads "it would. We made the call", not "it would We made"."""
    text = _normalise(longer)
    spans = [m.span() for m in _TOKEN_TEXT.finditer(text)]
    parts = []
    if start:
        cut = spans[max(0, start - _SHOWN_WORDS) : start]
        shown = text[cut[0][0] : cut[-1][1]]
        parts.append(f'trimmed at start: "{"… " if start > _SHOWN_WORDS else ""}{shown}"')
    if start + length < len(spans):
        cut = spans[start + length : start + length + _SHOWN_WORDS]
        shown = text[cut[0][0] : cut[-1][1]]
        more = len(spans) - (start + length) > _SHOWN_WORDS
        parts.append(f'trimmed at end: "{shown}{" …" if more else ""}"')
    return "; ".join(parts) or "trimmed"


def _change_description(changes: list[tuple[str, str]]) -> str:
    parts = []
    for old, new in changes:
        if not old:
            parts.append(f'inserted "{new}"')
        elif not new:
            parts.append(f'dropped "{old}"')
        else:
            parts.append(f'"{old}" → "{new}"')
    return "; ".join(parts)
