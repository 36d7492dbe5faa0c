"""Direct quotations, who they are credited to, and how two versions of one differ.

Outlets copy a quotation nearly word for word but change what frames it: one credits
Amnesty International, another a newspaper; one trims a leading "But", another swaps a
word. This module finds quoted spans (straight or curly marks, across sentences when a
quotation runs on), reads the speaker from the words around them ("X said", "said X",
"sobbed X", "according to X", a pronoun resolved to whom it most likely means), reads who a
plain sentence is credited to ("..., police said"), reads which organisation a speaker
speaks for ("Dr Varga, the agency's chief epidemiologist"), and compares two quotations
word by word. All rules are regular expressions and small word lists: good enough for
news prose, and explainable.

Conventions worth knowing: a straight mark opens or closes by the characters around it;
single marks quote only when paired inside one sentence (so apostrophes never do); an
opener left unclosed for six sentences is ignored. A pronoun speaker is found earlier in
its sentence, else in the nearest of the three before that offers one, else None. A
sentence offers its speakers, its full names (and lone names of people named in full
before) and its titled subjects ("The judge agreed."). "He" and "she" take only a person,
"it" anything but, "they" anyone. Within a sentence the subject of the main verb comes
first and a name in a subordinate clause ("said the company had", "who studies at") or
after a preposition ("of the National Union") last, then the nearest; a place ("on
Jarrah Lane") never. Verbs that only say how words were said ("sobbed", "fumed") credit
only a quotation they frame. A dotted title ("Prof. Varga", "Sgt. Berg") is part of a
name, not a sentence's end. A time ("in February", "on Monday") or a place after "in" or
"at" is never a source; a body's figures or officials ("UN figures", "ministry
officials") are credited to the body.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from storydiff.coverage.lexicon import (
    MONTH_NAMES,
    ORGANISATION_BODIES,
    ORGANISATION_WORDS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
)
from storydiff.coverage.lexicon import wordset as _wordset
from storydiff.coverage.model import Quote

__all__ = [
    "SPEECH_VERBS",
    "QuoteComparison",
    "affiliation_of",
    "find_credit",
    "find_quotes",
    "fragments_of",
    "quote_words_changed",
    "same_credit",
]


SPEECH_VERBS = _wordset(
    "said says say told tells tell added adds stated states wrote writes write reported "
    "reports claimed claims claim noted notes argued argues argue insisted insists "
    "explained explains warned warns warn asked asks replied replies continued recounted "
    "testified declared declares announced announces confirmed confirms "
    "admitted admits alleged alleges allege estimated estimates estimate concluded "
    "concludes revealed reveals commented remarked acknowledged acknowledges suggested "
    "suggests found finds believe believes conceded concedes stressed emphasised "
    "emphasized underlined pleaded urged vowed pledged promised tweeted complained "
    "complains boasted lamented predicted predicts disclosed reiterated countered "
    "retorted contended demanded asserted asserts insisted insists argued argues"
)
"""Verbs that credit what surrounds them to their subject (or, inverted, their object).

Past and present tense only: "saying" and "adding" follow a verb that already credits
(", the coastguard said, adding ...") or a noun that does not ("issued a statement
saying"), so they would add nothing but wrong credits. Some present forms are left
out because they are far more often plural nouns heading a sentence ("Promises",
"Pledges", "Vows", "Stresses", "Tweets"); and "posted", "responded", "denied" and
"cautioned" more often report an act than speech ("posted a loss", "responded to the
fire", "denied bail", "cautioned a man")."""

_FRAMING_VERBS = _wordset(
    "sobbed wept cried screamed shouted yelled fumed raged blasted slammed snapped "
    "whispered joked quipped gasped sighed laughed muttered mumbled exclaimed scoffed "
    "groaned thundered barked roared hissed murmured gushed ranted mused sneered chuckled "
    "beamed smiled begged recalled recalls"
)
"""Verbs that credit only a quotation they frame. Most say how something was said:
'"It's over," sobbed Aisha Rahman' credits her, but "Fires raged across the county"
and "Storm Ciara slammed the coast" credit no one. "Recalled" is as often a product
recall ("Brackwell Foods has recalled 1.5 million packs"); it also credits before
"that" or "how" (see ``_SPEECH_VERB``)."""
_ALL_SPEECH_VERBS = SPEECH_VERBS | _FRAMING_VERBS

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
    "network agency ngo regulator watchdog monitor staff"
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
_DOTTED_TITLES = r"(?:(?:" + "|".join(sorted(TITLE_ABBREVIATIONS)) + r")\.\s+)"
"""One or more dotted titles leading a name, for the name patterns below."""
_NOT_SOURCES = _wordset(
    "testing tests test analysis analyses research data evidence studies figures "
    "statistics findings results records documents sampling screening modelling modeling "
    "polling monitoring surveillance sequencing tracing inspection inspections "
    "investigation investigations review reviews work footage"
)
"""Words that, standing alone as a subject, name how something was found out and not
who found it: "Testing found ...", "Research suggests ...". With a determiner or an
agent they are kept ("The report says", "Research by the university found")."""
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
# Lowercase only: "States" in "the United States" is no verb. Nor is a word straight after
# a determiner or a possessive ("the claims", "Ortega's notes"), and "pleaded guilty"
# reports a plea, not a statement.
_NOT_AFTER = (
    r"(?<!['’]s )"
    + "".join(
        rf"(?<!\b{word} )" for word in ("[Tt]he", "[Aa]", "[Aa]n", "[Hh]is", "[Hh]er", "[Ii]ts")
    )
    + r"(?<!\b[Tt]heir )(?<!\b[Oo]ur )"
)
_SPEECH_VERB = re.compile(
    _NOT_AFTER + r"\b(?:" + "|".join(sorted(SPEECH_VERBS)) + r")\b(?<!member states)"
    r"(?!\s+(?:not\s+)?guilty)"
    r"|\brecall(?:ed|s)(?=\s+(?:that|how|when|seeing|hearing|being)\b)"
)
_FRAMING_VERB = re.compile(_NOT_AFTER + r"\b(?:" + "|".join(sorted(_FRAMING_VERBS)) + r")\b")
_FRAMING_WORDS = 8
"""How many words may stand between a framing verb and the quotation it frames."""
_LISTENER_VERBS = _wordset("told tells tell asked asks")
"""Verbs whose object is who heard, not who spoke, unless a quotation comes just before."""
_AFTER_WORDS = 7
"""How far after a quotation its speech verb may be ('"...," the Foreign Ministry said')."""
_AFTER_WORDS_WITH_APPOSITIVE = 14
"""How far it may be when an appositive comes first ('"...," Tomas Reilly, chief
executive of Brackwell Foods, said')."""
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
_ISSUED = _wordset(
    "figures data statistics estimates estimate numbers tally report study survey analysis "
    "audit review assessment statement officials sources"
)
"""What a body issues, or who speak for it unnamed: "UN figures", "police data", "ministry
officials", "a Red Cross report". The credit is the body, so that outlets citing "UN
figures" and "the UN" cite one source."""
_BODIES = ORGANISATION_BODIES
_UNNAMED_MODIFIERS = _wordset(
    "senior junior top unnamed anonymous own several few some many two three four five "
    "provisional preliminary latest new official internal leaked unpublished final initial "
    "recent revised updated annual monthly weekly daily"
)
_ISSUING_VERBS = _wordset(
    "published released compiled issued produced collected gathered provided seen obtained cited"
)
_ISSUED_BY = re.compile(
    r"^(?:(?:the|a|an|new|latest|official|provisional|preliminary|recent|revised|updated)\s+)*"
    r"(?:figures|data|statistics|estimates|numbers|reports?|study|survey|analysis|audit|review|"
    r"assessment|statement|letter)\s+"
    r"(?:(?:published|released|compiled|issued|produced|commissioned|collected|gathered|"
    r"provided|carried\s+out|conducted)\s+)?(?:by|from)\s+",
    re.IGNORECASE,
)
"""After "according to", a document and who made it: "figures published by the agency",
"data from the health ministry". Not "seen by", which names who read it."""
_DOCUMENT_BY = re.compile(
    r"\b(?:report|survey|study|review|audit|assessment|inspection|analysis|investigation|"
    r"inquiry|letter|statement|memo|document|figures|data)\s+"
    r"(?:(?:commissioned|published|released|produced|written|carried\s+out|conducted)\s+)?"
    r"(?:by|from)\s+(?:the\s+)?"
    r"(?P<org>[A-Z][\w'\u2019&-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w'\u2019&-]*){0,5})"
)
_APPOSITIVE_NAME = re.compile(
    r"^\s*(?:(?:the|its|their|his|her|our)\s+|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['\u2019]s\s+)"
    r"(?:[a-z][\w'\u2019-]*\s+){0,3}?[a-z][\w-]*\s*,\s*"
    rf"(?P<name>{_DOTTED_TITLES}*[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){{1,3}}"
    rf"|{_DOTTED_TITLES}+[A-Z][\w'\u2019-]+)"
)
_TITLED_NAME = re.compile(
    r"^\s*(?:the\s+)?(?:(?!(?:the|a|an|of|and|for|by|to|in|on|at|from|with|or|seen|said)\s)[a-z][\w-]*\s+){1,3}"
    rf"(?P<name>{_DOTTED_TITLES}*[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){{1,2}}"
    rf"|{_DOTTED_TITLES}+[A-Z][\w'\u2019-]+)(?![\w'\u2019-]|\s+[A-Z])"
)
_PREFIXED_TITLED_NAME = re.compile(
    r"^\s*(?:the\s+)?(?:[A-Z][\w'\u2019&-]*\s+){1,3}(?P<title>(?:[a-z][\w-]*\s+){1,2})"
    rf"(?P<name>{_DOTTED_TITLES}*[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){{1,2}}"
    rf"|{_DOTTED_TITLES}+[A-Z][\w'\u2019-]+)(?![\w'\u2019-]|\s+[A-Z])"
)
"""A name behind a place or employer and a lowercase title: "Fenby mum Carla Brisk",
"Halden Capital analyst Sunniva Berg". The title must be a noun, not "about" or "told"."""
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
_AUXILIARY_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|also|later|previously|earlier|repeatedly|again|then|now|"
    r"publicly|initially|first|reportedly|separately|itself|himself|herself|themselves))+$"
)
_MONTHS = frozenset(MONTH_NAMES)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH = "(?:" + "|".join(sorted(_MONTHS)) + ")"
_PERIOD = (
    r"(?:week|weekend|fortnight|month|year|morning|afternoon|evening|night|day|decade|"
    r"spring|summer|autumn|winter)s?"
)
_WHEN = (
    rf"(?:(?:{_WEEKDAY}|yesterday)(?:\s+(?:morning|afternoon|evening|night))?|today|tonight"
    rf"|(?:last|this|next|that|earlier\s+this|later\s+that|the\s+(?:following|previous))"
    rf"\s+(?:{_PERIOD}|{_WEEKDAY}|{_MONTH})"
    r"|(?:on|in|at|by|since|until|till|during|from|before|after|over|throughout|around|through)"
    r"\s+(?:the\s+)?(?:(?:early|late|mid|past|last|previous|same|first)[\s-]+)?"
    rf"(?:{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?|\d{{4}}s?"
    rf"|{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?|{_PERIOD}"
    r"|\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|noon|midnight)"
    r"|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|\d+)"
    rf"\s+{_PERIOD}\s+(?:ago|earlier|later))"
)
"""When something happened: "on Monday", "in February", "in 2021", "last week",
"yesterday", "two days earlier". Never who said it."""
_TEMPORAL_TAIL = re.compile(rf"(?:,?\s+{_WHEN})+$")
"""A time between a subject and its verb: "officers searching the flat in February had
found", "The ministry on Monday said"."""
_PLACE_PREPOSITIONS = _wordset(
    "in at on near across outside inside around throughout within beyond behind"
)
"""Prepositions whose object is where, not who: "families in Lowmarsh said" is no
credit to Lowmarsh. ("by", "of", "for" and "from" can lead to who: "a report by".)"""
_PLAIN_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*")
_CLAUSE_OPENERS = frozenset(",;:—–-(" + _MASK)
_NAME_WORD = r"[A-Z][a-z]+(?:['’-][A-Z][a-z]+)?"
_INITIAL = r"(?:[A-Z]\.[ \t]+)"
# Up to six words (a middle initial besides), so that "Berrien County Sheriff Paul Bailey" is
# not cut to "Berrien County Sheriff Paul";
# behind a dotted title one is enough ("Ms. Amble", as "Ms Amble" already is two words).
_FULL_NAME = re.compile(
    rf"\b{_DOTTED_TITLES}+{_NAME_WORD}(?:[ \t]+{_INITIAL}?{_NAME_WORD}){{0,5}}\b"
    rf"|\b{_NAME_WORD}(?:[ \t]+{_INITIAL}?{_NAME_WORD}){{1,5}}\b"
)
_PERSON_ROLES = _wordset(
    "judge prosecutor prosecutors minister mayor president chairman chairwoman chair "
    "spokesman spokeswoman spokesperson lawyer lawyers attorney doctor surgeon nurse "
    "officer inspector engineer director manager secretary ambassador coroner sheriff "
    "governor senator councillor magistrate witness defendant victim professor executive "
    "commissioner captain pilot driver teacher headteacher principal researcher scientist "
    "expert analyst official leader founder owner candidate chief boss head member "
    "representative forecaster meteorologist lecturer adviser advisor consultant editor "
    "correspondent reporter economist trader partner worker employee volunteer fellow "
    "campaigner organiser coordinator administrator dentist chemist physician technician "
    "planner architect surveyor auditor accountant negotiator chancellor dean vicar"
)
"""Roles that only a person holds, so that "he" or "she" can refer back to them, and
"an analyst at X" ties a person to X (not "the Bank of England": a bank is no person)."""
_TITLED_PERSON = re.compile(
    r"(?:^|[,;:—–(\x00])\s*(?P<np>[Tt]he\s+(?:[\w'’-]+\s+){0,2}?(?i:"
    + "|".join(sorted(_PERSON_ROLES))
    + r"))(?=\s+[a-z])"
)
"""A person named by title as a clause's subject: "The judge agreed", "the prosecutor
shrugged"; not "the judge's ruling", and not an object ("thanked the judge")."""
_PERSON_NAME = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*){0,3}")
_TITLE_WORDS = TITLE_WORDS
_OWNER = re.compile(
    r"^(?P<owner>(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,5}[\w&.-]+)['’]s\s+"
    r"(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*$"
)
_OWNER_BEFORE = re.compile(
    r"(?:^|[\s,;:(\x00])(?P<owner>(?:[Tt]he\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})"
    r"['’]s\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s*$"
)
_EMPLOYER_BEFORE = re.compile(
    r"(?:^|[\s,;:(\x00])(?P<org>(?:[Tt]he\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})"
    r"\s+(?P<role>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+$"
)
_ORG_ROLE = re.compile(
    r"^\s*(?P<det>[Tt]he|[Aa]n?)\s+(?P<names>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})"
    r"\s+(?P<role>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)"
    r"(?=\s*(?:[.,;:\x00]|$)|\s+(?:" + "|".join(sorted(SPEECH_VERBS)) + r")\b)"
)
"""A role phrase led by its organisation: "The Transport Ministry spokeswoman said"."""
_WHO_LEADS = re.compile(
    r"^who\s+(?:chairs|heads|leads|runs|directs|manages|founded|co-founded|represents|"
    r"speaks\s+for|works\s+(?:for|at))\s+"
)
_ROLE_FOR = re.compile(
    r"^\s*(?:(?:the|a|an)\s+)?(?P<role>(?:[\w-]+\s+){1,4}?)(?:at|of|for|with)\s+",
    re.IGNORECASE,
)
"""A role and the preposition that ties it to an organisation: "chief executive of",
"a spokesman for", "the top bug expert at". Not a relative clause: "who was in"."""
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
    candidates: list[list[_Candidate]] = []
    known: frozenset[str] = frozenset()
    # Who a quotation may refer back to is only ever looked for in its own sentence and
    # those before it: the sentences after the last quotation need no reading.
    last_quoted = max((span.sentence for span in spans), default=-1)
    for text in masked[: last_quoted + 1]:
        candidates.append(_named_candidates(text, known))
        known |= _known_names(candidates[-1])
    indent = [len(text) - len(text.lstrip()) for text in texts]
    speakers: dict[int, str | None] = {}
    last_in_sentence: dict[int, str | None] = {}
    """Speaker of the latest quotation ending in each sentence so far (None included)."""
    voice_of_sentence: dict[int, str] = {}
    """Latest named speaker of a quotation ending in each sentence."""
    ordered = sorted(groups.values(), key=lambda parts: (parts[0].sentence, parts[0].start))
    for parts in ordered:
        first, last = parts[0], parts[-1]
        framed, speaker = _frame_after(masked[last.sentence], last.end)
        if speaker is None or not _names_someone(speaker):
            # '..."its safe working life", according to documents seen by reporters': a
            # named frame before ("a report by the Aldmoor Agency found") says more.
            speaker = _speaker_before(masked[first.sentence], first.start) or speaker
        if speaker is None:
            # "We can," he said, "do more.": the second part has no frame of its own.
            speaker = last_in_sentence.get(first.sentence)
        opens_sentence = first.start - 1 <= indent[first.sentence]
        words = sum(len(texts[p.sentence][p.start : p.end].split()) for p in parts)
        if speaker is None and not framed and first.sentence > 0 and opens_sentence and words >= 5:
            # A quotation opening its own sentence, with no frame, continues the voice of
            # the sentence before: 'X said in a statement.' then '"..."'.
            previous = first.sentence - 1
            speaker = voice_of_sentence.get(previous) or _best_candidate(candidates[previous])
        if speaker is not None and speaker.lower() in _PRONOUNS:
            speaker = _resolve_pronoun(candidates, first.sentence, first.start, speaker)
        speakers[first.group] = speaker
        last_in_sentence[last.sentence] = speaker
        if speaker:
            voice_of_sentence[last.sentence] = speaker
    return speakers


def _names_someone(credit: str) -> bool:
    """Whether ``credit`` has a name in it, not only a description ("documents seen",
    "police"). A sentence's first word counts only if it is the whole credit.

    >>> _names_someone("the Harbour Trust"), _names_someone("official statistics")
    (True, False)
    """
    words = credit.split()
    return any(word[:1].isupper() for word in words[1:] or words)


def _mask_quotes(texts: list[str], spans: list[_Span]) -> list[str]:
    # Quoted words are not the frame: blank them (and their marks) so offsets still hold.
    masked = [list(text) for text in texts]
    for span in spans:
        low = max(0, span.start - 1)
        high = min(len(masked[span.sentence]), span.end + 1)
        for offset in range(low, high):
            masked[span.sentence][offset] = _MASK
    return ["".join(chars) for chars in masked]


def _frame_after(frame_text: str, end: int) -> tuple[bool, str | None]:
    """Whether a frame follows the quotation that ends at ``end``, and the speaker it
    names. A frame may name no one this module can read ('"...," said one neighbour'):
    the quotation is still that person's, not the last speaker's."""
    after = frame_text[end + 1 : end + 1 + _FRAME_REACH]  # past the closing mark
    stripped = after.lstrip(" \t\n,.;:!?—–-\"”’'")
    according = re.match(r"according\s+to\s+", stripped, re.IGNORECASE)
    if according:
        return True, _according_to(stripped[according.end() :])
    words = stripped.split()
    for position, word in enumerate(words[:_AFTER_WORDS_WITH_APPOSITIVE]):
        bare = word.strip(",.;:!?")
        if position >= _AFTER_WORDS and not words[position - 1].endswith(","):
            continue  # past seven words, only straight after an appositive's comma
        if bare.lower() in _ALL_SPEECH_VERBS:
            if position == 0:
                rest = stripped[len(word) :] if word == bare else ""
                return True, _np_after(rest) if rest else None
            return True, _np_before(" ".join(words[:position]))
        if word != bare and word[-1] in ".!?;" and not _is_dotted_title(word):
            return False, None
    return False, None


def _is_dotted_title(word: str) -> bool:
    """Whether ``word`` is an abbreviated title and its full stop ends nothing: the
    "Prof." of '"...," Prof. Varga said.'

    >>> _is_dotted_title("Prof."), _is_dotted_title("Sgt"), _is_dotted_title("said.")
    (True, False, False)
    """
    return word.endswith(".") and word[:-1] in TITLE_ABBREVIATIONS


def _speaker_before(frame_text: str, start: int) -> str | None:
    before = frame_text[max(0, start - _FRAME_REACH) : start]
    according = list(_ACCORDING_TO.finditer(before))
    if according:
        found = _according_to(before[according[-1].end() :])
        if found:
            return found
    for verb in reversed(_speech_verbs(before)):
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
        # "..., told the Blaze:" names who listened; only straight after a quotation is
        # '"...," told Coast Radio' the foreign-desk inversion that names the speaker.
        inverted = quoted_before or (
            verb.group().lower() not in _LISTENER_VERBS and _ends_clause(text[verb.end() :], found)
        )
        if found and inverted:
            return found
    return _np_before(preceding)


def _ends_clause(rest: str, phrase: str | None) -> bool:
    # ", said X." or ", said X in a statement." is inverted; ", said the government's ..."
    # and ", said the union would ..." are the verb of the subject before the comma.
    if not phrase:
        return False
    at = rest.find(phrase)
    if at < 0:
        return False
    return bool(_CLAUSE_END.match(rest[at + len(phrase) :]))


def _speech_verbs(text: str) -> list[re.Match[str]]:
    """The speech verbs in ``text``, in order: every reporting verb, and each framing verb
    ("sobbed", "fumed") that frames a quotation, masked in ``text``, within a few words."""
    found = list(_SPEECH_VERB.finditer(text))
    found += [verb for verb in _FRAMING_VERB.finditer(text) if _frames_quote(text, verb)]
    return sorted(found, key=lambda verb: verb.start())


def _frames_quote(text: str, verb: re.Match[str]) -> bool:
    before = re.split(r"[.!?;]", text[: verb.start()])[-1]
    after = re.split(r"[.!?;]", text[verb.end() :])[0]
    gaps = []
    if _MASK in before:
        gaps.append(before[before.rindex(_MASK) + 1 :])
    if _MASK in after:
        gaps.append(after[: after.index(_MASK)])
    # Another verb nearer the quotation frames it instead: 'Fires raged as residents
    # shouted "help"'.
    return any(
        len(gap.split()) <= _FRAMING_WORDS
        and not any(word.strip(",:") in _ALL_SPEECH_VERBS for word in gap.split())
        for gap in gaps
    )


@dataclass(frozen=True, slots=True)
class _Candidate:
    """Someone a later pronoun or frameless quotation may refer back to."""

    position: int
    name: str
    rank: int
    """``_MAIN``, ``_OTHER`` or ``_SUBORDINATE``: lower is likelier, within one sentence."""


_MAIN, _OTHER, _SUBORDINATE = 0, 1, 2
"""How central a candidate is to its sentence: the subject of its speech or main verb (or
whom "spoke to" or "according to" names); any other speaker or name; a name inside a
subordinate clause ("said the company had found", "who sits for the Progress Alliance")
or after a preposition ("of the National Union")."""
_PERSONAL_TITLES = (
    _TITLE_WORDS
    - _wordset(
        "chief deputy senior acting former prime vice assistant executive managing general "
        "junior interim"
    )
) | _wordset("mp mep msp cllr")
"""Titles that only a person's name carries ("Dr", "Minister", "MP"); not the modifiers
of _TITLE_WORDS, which also lead organisations ("General Motors", "Executive Board")."""
_PRONOUN_FITS = {
    "he": frozenset({"person", "either"}),
    "she": frozenset({"person", "either"}),
    "it": frozenset({"body", "either"}),
}
"""Which kinds of antecedent (see ``_antecedent_kind``) a pronoun may refer to. "They",
"we" and "I" take any: a group, an organisation ("the council ... they said") or one
person ("Sam Okafor, 19, ... they said")."""
_HEAD_CUT = _wordset("of for at with from")
_PREPOSITIONS = _wordset(
    "of for by with to from about against among between into onto over under via towards toward"
)
_LEADING_ADVERBIAL = re.compile(
    r"^\s*(?:"
    + "|".join(
        sorted(
            _CAPITAL_STOP
            - _wordset("A An The This That These Those It Its Their His Her Our We I He She They")
            - _wordset("What Why How Who Where There Here")
        )
    )
    + r")\b[^,;\x00]{0,80},\s*"
)
"""An opening phrase before the subject: "In a statement, ...", "On Monday, ..."."""
_APPOSED_NAME = re.compile(r",\s*(?P<name>" + _FULL_NAME.pattern + r")\s*,")
_RELATIVE_OPEN = re.compile(r"[,(\x00—–]\s*(?:who|whom|whose|which|where)\b[^,;:()\x00—–]*$")


def _named_candidates(frame_text: str, known: frozenset[str] = frozenset()) -> list[_Candidate]:
    """Who a later "he", "she", "it" or "they" in or after ``frame_text`` may mean.

    Every speech verb's subject, whom "spoke to" or "according to" names, every full name
    (and each lone word of ``known``, names of people named in full earlier) and every
    person named by title as a clause's subject ("The judge agreed."), each ranked by how
    central it is to the sentence. A name after a place preposition ("on Jarrah
    Lane", "at Tollbridge College") is a place, not a candidate.
    """
    found: list[_Candidate] = []
    verbs = _speech_verbs(frame_text)
    main, complement = _main_verb(frame_text, verbs)

    def rank_of(start: int, end: int, *, central: bool) -> int:
        if complement[0] <= start and end <= complement[1]:
            return _SUBORDINATE
        return _MAIN if central else _OTHER

    for verb in verbs:
        subject = _credited_by(frame_text, verb)
        if subject and subject.lower() not in _PRONOUNS:
            rank = _MAIN if verb is main else rank_of(verb.start(), verb.end(), central=False)
            found.append(_Candidate(verb.start(), subject, rank))
    for cue in list(_SPOKE_TO.finditer(frame_text)) + list(_ACCORDING_TO.finditer(frame_text)):
        name = _np_after(frame_text[cue.end() :])
        if name and name.lower() not in _PRONOUNS:
            found.append(_Candidate(cue.end(), name, rank_of(cue.end(), cue.end(), central=True)))
    subject_span = _subject_span(frame_text)
    for start, end, name in _mentions(frame_text, known):
        placed = _mention_rank(frame_text, start, end)
        if placed is None:
            continue  # a place
        central = subject_span is not None and subject_span[0] <= start and end == subject_span[1]
        rank = placed if placed == _SUBORDINATE else rank_of(start, end, central=central)
        found.append(_Candidate(start, name, rank))
    found.sort(key=lambda candidate: candidate.position)
    return found


def _main_verb(
    text: str, verbs: list[re.Match[str]]
) -> tuple[re.Match[str] | None, tuple[int, int]]:
    """The speech verb that heads ``text``, and the span of what it reports.

    The first verb with a subject heads a sentence ("Hollberg said the company had
    found ..."), unless the last one is a credit that ends it ("The company had found
    nothing, Hollberg said."); the words it reports are after or before it.
    """
    credited = [verb for verb in verbs if _credited_by(text, verb)]
    if not credited:
        return None, (len(text), len(text))
    last = credited[-1]
    for trailing in (_TRAILING_SUBJECT.search(text), _TRAILING_INVERTED.search(text)):
        if trailing and trailing.start("verb") == last.start() and trailing.start() > 0:
            return last, (0, trailing.start())
    return credited[0], (credited[0].end(), len(text))


def _subject_span(text: str) -> tuple[int, int] | None:
    """Where the subject of ``text``'s first clause is, after an opening phrase ("In a
    statement, ..."); for "The chief regulator, Dr Helen Strand, defended ...", the name
    in apposition.

    >>> text = "Maeve Corran, head of the Tutors' Union, accused ministers."
    >>> text[slice(*_subject_span(text))]
    'Maeve Corran'
    """
    lead = _LEADING_ADVERBIAL.match(text)
    at = lead.end() if lead else len(text) - len(text.lstrip())
    phrase = _np_after(text[at:])
    if not phrase or phrase.lower() in _PRONOUNS:
        return None
    start = text.find(phrase, at)
    if start < 0:
        return None
    if not all(_is_title_word(word) for word in text[at:start].split() if word[:1].islower()):
        # "Ingrid Solberg thanked Petra Lind": a verb, not a title ("Halden Capital
        # analyst Sunniva Berg"), stands before the later name; the subject is the first.
        first = _FULL_NAME.match(text, at)
        return first.span() if first else None
    end = start + len(phrase)
    apposed = _APPOSED_NAME.match(text, end)
    if apposed:
        return apposed.start("name"), apposed.end("name")
    return start, end


def _is_title_word(word: str) -> bool:
    """Whether ``word`` (lowercase) may stand in a title before a name: "chief", "mayor's"."""
    bare = re.sub(r"['’]s$", "", word.strip(",;:"))
    return bare in _TITLE_WORDS | _DETERMINERS or _is_role_word(bare) or _is_person_role([bare])


def _mentions(text: str, known: frozenset[str]) -> list[tuple[int, int, str]]:
    """Full names, lone ``known`` names and titled subjects in ``text``: (start, end, name)."""
    found: list[tuple[int, int, str]] = []
    for run in _FULL_NAME.finditer(text):
        words = run.group().split()
        start = run.start()
        while words and words[0] in _CAPITAL_STOP:
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else run.end()
            words = words[1:]  # "Then Maria Ortega", "In Holmgaard"
        if len(words) >= 2:
            found.append((start, run.end(), " ".join(words)))
    for title in _TITLED_PERSON.finditer(text):
        found.append((title.start("np"), title.end("np"), title["np"]))
    if known:
        # "Route data is sensitive, Reyvik pointed out": a name alone, once its owner has
        # been named in full, still names them.
        taken = [(start, end) for start, end, _ in found]
        for word in re.finditer(r"(?<![\w'’.-])[A-Z][\w'’-]*", text):
            bare = re.sub(r"['’]s$", "", word.group())
            inside = any(low <= word.start() < high for low, high in taken)
            if bare in known and not inside:
                found.append((word.start(), word.start() + len(bare), bare))
    return found


def _mention_rank(text: str, start: int, end: int) -> int | None:
    """``_SUBORDINATE`` for a name after a preposition ("of the National Union", "for the
    governing Progress Alliance") or in a relative clause; None for a place ("on Jarrah
    Lane", "at Tollbridge College"); else ``_OTHER``."""
    if _RELATIVE_OPEN.search(text, 0, start):
        return _SUBORDINATE
    tokens = _WORD.findall(text[:start])
    index, modifiers = len(tokens) - 1, 0
    while index >= 0:
        if tokens[index].lower() in _DETERMINERS:
            pass
        elif modifiers < 2 and _is_modifier(tokens[index]):
            modifiers += 1
        else:
            break
        index -= 1
    before = tokens[index].lower() if index >= 0 else ""
    if before in _PLACE_PREPOSITIONS:
        # "at Maria Ortega's house" names her, not where she is.
        return _SUBORDINATE if re.match(r"['’]s\b", text[end:]) else None
    return _SUBORDINATE if before in _PREPOSITIONS else _OTHER


def _is_modifier(word: str) -> bool:
    """A lowercase word that may stand between a preposition and its object: "governing"."""
    lower = word.lower()
    return (
        word.isalpha()
        and word[0].islower()
        and lower not in _NOT_ADJECTIVES | _PREPOSITIONS | _PLACE_PREPOSITIONS
        and lower not in _ALL_SPEECH_VERBS | _PRONOUNS
    )


def _antecedent_kind(name: str) -> str:
    """What ``name`` names, as far as a pronoun cares: "person" (a title, a person's role,
    or two or more capitalised words that are no organisation's), "body" (an
    organisation or anything "the ..." that is no person), "group" (a plural) or
    "either" (one bare capitalised word: "Ortega" or "Kestrel").

    >>> [_antecedent_kind(n) for n in ("Maeve Corran", "National Union of Tutors", "the judge")]
    ['person', 'body', 'person']
    >>> [_antecedent_kind(n) for n in ("Ortega", "the residents", "Dr. Ana Ruiz", "UN")]
    ['either', 'group', 'person', 'body']
    """
    words = [word.rstrip(".,") for word in name.split()] or [""]
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _HEAD_CUT), len(words))
    head_words = words[:cut]
    head = re.sub(r"['’]s$", "", head_words[-1])
    lower = head.lower()
    if _is_person_role([lower]):
        return "person"  # "the judge", "A spokesman for the ministry"
    if lower in ORGANISATION_WORDS:
        return "body"  # "National Union of Tutors", "the company", "police"
    if not _is_name_word(head):
        if lower.endswith("s") and not lower.endswith("ss"):
            return "group"  # "the residents", "the authors"
        return "body" if lower in _ROLES or words[0].lower() in _DETERMINERS else "either"
    if words[0].lower() in _DETERMINERS:
        return "body"  # "the Daily Ledger"
    if any(word.lower() in _PERSONAL_TITLES for word in head_words):
        return "person"
    if head_words[0].isupper() and len(head_words[0]) > 1:
        return "body"  # "UN", "BBC Radio"
    return "person" if len(head_words) >= 2 else "either"


def _may_refer(pronoun: str | None, name: str) -> bool:
    fits = _PRONOUN_FITS.get(pronoun.lower()) if pronoun else None
    return fits is None or _antecedent_kind(name) in fits


def _best_candidate(candidates: Sequence[_Candidate], pronoun: str | None = None) -> str | None:
    """The likeliest of ``candidates`` (one sentence's) for ``pronoun`` (None: anyone):
    the most central, then the nearest."""
    fitting = [c for c in candidates if _may_refer(pronoun, c.name)]
    if not fitting:
        return None
    return min(fitting, key=lambda c: (c.rank, -c.position)).name


def _resolve_pronoun(
    candidates: list[list[_Candidate]], sentence: int, offset: int, pronoun: str
) -> str | None:
    same = [candidate for candidate in candidates[sentence] if candidate.position < offset]
    found = _best_candidate(same, pronoun)
    if found:
        return found
    for index in range(sentence - 1, max(-1, sentence - 1 - _PRONOUN_LOOKBACK), -1):
        found = _best_candidate(candidates[index], pronoun)
        if found:
            return found
    return None


def _known_names(candidates: Sequence[_Candidate]) -> frozenset[str]:
    """The names by which people named in full among ``candidates`` may be named alone:
    the last two words after any title, as either may be the family name ("Dana
    Hollberg" as "Hollberg", "Huang Jiefu" as "Huang").

    >>> sorted(_known_names([_Candidate(0, "Education Minister Peter Valdane", _MAIN)]))
    ['Peter', 'Valdane']
    """
    known: set[str] = set()
    for candidate in candidates:
        words = [re.sub(r"['’]s$", "", word) for word in candidate.name.split()]
        if len(words) < 2 or _antecedent_kind(candidate.name) != "person":
            continue
        titled = [i for i, w in enumerate(words) if w.lower().rstrip(".") in _PERSONAL_TITLES]
        own = words[titled[-1] + 1 :] if titled else words
        if len(own) >= 2:
            known.update(
                word
                for word in own[-2:]
                if _is_name_word(word) and word not in _MONTHS and "." not in word
            )
    return frozenset(known)


def _np_before(text: str) -> str | None:
    """The name or role phrase that ends ``text``: "Matas", "the Foreign Ministry spokeswoman"."""
    # "the ministry has said", "Ortega later said", "the ministry on Monday said": the
    # words between are not the source.
    text = text.rstrip()
    while (shorter := _AUXILIARY_TAIL.sub("", _without_time(text))) != text:
        text = shorter
    if text.endswith(","):
        # "David Matas, a lawyer, said": the name sits before the appositive; in "Its
        # chief inspector, Paul Mbeki, said" it is the appositive.
        head, _, appositive = text[:-1].rpartition(",")
        if head:
            found = _phrase_before(head)
            name = _PLAIN_NAME.fullmatch(appositive.strip())
            if name and name.group().split()[0] not in _CAPITAL_STOP and _is_role(found):
                return name.group()
            return found or _capitalised_run(appositive)
    return _phrase_before(text)


def _without_time(text: str) -> str:
    """``text`` without the time that ends it, keeping an appositive's closing comma.

    >>> _without_time("officers searching the flat in February")
    'officers searching the flat'
    >>> _without_time("The ministry on Tuesday night"), _without_time("Ada, a judge since 2019,")
    ('The ministry', 'Ada, a judge,')
    >>> _without_time("The ministry, on Monday,"), _without_time("Theresa May")
    ('The ministry', 'Theresa May')
    """
    comma = text.endswith(",")
    body = text[:-1].rstrip() if comma else text
    time = _TEMPORAL_TAIL.search(body)
    if time is None:
        return text
    # ", on Monday," is an aside of its own; "a judge since 2019," ends an appositive.
    return body[: time.start()] + ("," if comma and time.group()[0] != "," else "")


def _is_role(phrase: str | None) -> bool:
    """Whether ``phrase`` describes rather than names: "The Minister of Energy", "officer"."""
    if not phrase:
        return True
    words = phrase.split()
    return words[0].lower() in _DETERMINERS or words[-1].lower() in _ROLES


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
            # "a spokesman for the ministry": the phrase goes on past "for the"; "staff at
            # the hospital" is decided at "at".
            if index == 0 or tokens[index - 1].lower() not in {"of", "for"} | _PLACE_PREPOSITIONS:
                break
        elif taken and lower in _PLACE_PREPOSITIONS:
            if taken[-1] in _MONTHS:
                # "In February Ortega said": the month is when, and the name follows it.
                while taken and taken[-1] in _MONTHS:
                    taken.pop()
                break
            # "Police in Lowmarsh said" credits the police there; "Many families in
            # Lowmarsh said" names no source this module can read, and not Lowmarsh.
            if index == 0 or not _is_role_word(tokens[index - 1]):
                return None
            taken.append(word)
        elif taken and word[0].islower() and word[0].isalpha():
            # "a new report": adjectives count only when a determiner closes the phrase.
            lookback = [tokens[j].lower() for j in range(max(0, index - 2), index + 1)]
            determiner = next(
                (j for j in range(len(lookback) - 1, -1, -1) if lookback[j] in _DETERMINERS), None
            )
            if determiner is None:
                taken.extend(_clause_initial_modifiers(tokens, index, taken))
                break
            modifiers = lookback[determiner + 1 :]
            if not all(w.isalpha() for w in lookback[determiner:]) or any(
                w in _NOT_ADJECTIVES for w in modifiers
            ):
                break
            taken.extend(reversed(tokens[index - (len(lookback) - 1 - determiner) : index + 1]))
            break
        else:
            break
        index -= 1
    if taken and taken[-1] in _MONTHS and index >= 0 and tokens[index].isdigit():
        while taken and taken[-1] in _MONTHS:
            taken.pop()  # "On 3 March Ortega said"
    return _tidy(list(reversed(taken)))


def _clause_initial_modifiers(tokens: list[str], index: int, taken: list[str]) -> list[str]:
    """Up to two words before a role that open their clause: "emergency services" in
    "..., emergency services said", "Chief financial officer Daniel Restrepo told".

    Nearest word first, as ``_phrase_before`` collects them. Without a clause start
    right before them they may be anything ("as the ferry sank two officials said"),
    so none are taken.
    """
    if not any(word.lower() in _ROLES for word in taken):
        return []
    modifiers: list[str] = []
    position = index
    while position >= 0 and len(modifiers) < 2:
        word = tokens[position]
        lower = word.lower()
        opens_text = position == 0 and word not in _CAPITAL_STOP
        if not word.isalpha() or (word[0].isupper() and not opens_text):
            break
        if lower in _NOT_ADJECTIVES | _DETERMINERS | SPEECH_VERBS:
            break
        modifiers.append(word)
        position -= 1
    if position < 0 or tokens[position] in _CLAUSE_OPENERS:
        return modifiers
    return []


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
    prefixed = _PREFIXED_TITLED_NAME.match(text)
    if prefixed and not any(
        word in _NOT_ADJECTIVES | _DETERMINERS | _ALL_SPEECH_VERBS
        for word in prefixed["title"].split()
    ):
        return prefixed["name"]
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


def _according_to(text: str) -> str | None:
    """The source named by ``text``, which follows "according to": the body behind a
    document where one is named ("figures published by the agency" → "the agency"), else
    the phrase itself, whatever its words ("the central bank", "people familiar")."""
    issued = _ISSUED_BY.match(text)
    if issued:
        found = _np_after(text[issued.end() :])
        if found:
            return found
    return _np_after(text, open_class=True)


def _issuing_body(words: list[str]) -> list[str] | None:
    """The body whose figures or officials ``words`` name, or None if it names none.

    >>> _issuing_body(["UN", "figures"]), _issuing_body(["the", "ministry's", "latest", "data"])
    (['UN'], ['the', 'ministry'])
    >>> _issuing_body(["government", "officials"]), _issuing_body(["police", "data", "released"])
    (['the', 'government'], ['police'])
    >>> _issuing_body(["local", "officials"]), _issuing_body(["the", "Mueller", "report"])
    (None, None)
    """
    end = len(words)
    while end and words[end - 1].lower().rstrip(".") in _ISSUING_VERBS:
        end -= 1  # "police data released on Monday"
    if end < 2 or words[end - 1].lower().rstrip(".") not in _ISSUED:
        return None
    body = words[: end - 1]
    article = body[0] if body[0].lower() == "the" else None
    while body and (body[0].lower() in _DETERMINERS | _UNNAMED_MODIFIERS or body[0].isdigit()):
        body = body[1:]
    while body and body[-1].lower() in _UNNAMED_MODIFIERS:
        body = body[:-1]  # "the agency's latest figures"
    if not body:
        return None
    body[-1] = re.sub(r"['’]s$", "", body[-1])
    acronym = any(len(word) >= 2 and word.isupper() for word in body)
    if not acronym and body[-1].lower() not in _BODIES:
        return None  # "local officials", "Chinese officials", "the Mueller report"
    if article is not None:
        return [article, *body]
    # "government figures" are the government's; "police data" stay police's.
    bare = body[0][:1].islower() and not body[-1].lower().endswith(("police", "s"))
    return ["the", *body] if bare else body


def _continues_name(word: str, taken: list[str], following: list[str]) -> bool:
    lower = word.lower()
    if _is_name_word(word) or _is_role_word(word):
        return True
    if not taken:
        return False
    if lower in _CONNECTORS:
        # "the Globe and Mail", "director of the committee": a joiner needs a name after it.
        return bool(following) and (
            _is_name_word(following[0])
            or following[0].lower() in _DETERMINERS
            or _is_role_word(following[0])
        )
    return lower in _DETERMINERS and taken[-1].lower() in _CONNECTORS


def _is_leading_adjective(word: str, taken: list[str], following: list[str]) -> bool:
    if not (word[0].isalpha() and word[0].islower()) or word.lower() in _NOT_ADJECTIVES:
        return False
    if any(t.lower() not in _DETERMINERS for t in taken):
        return False
    return any(_is_role_word(t) or _is_name_word(t) for t in following)


def _is_role_word(word: str) -> bool:
    # A sentence's full stop stays on its last word: '"...," said the coastguard.'
    return word.lower().rstrip(".") in _ROLES


def _tidy(words: list[str], *, open_class: bool = False) -> str | None:
    while words and (words[-1].lower() in _CONNECTORS | _DETERMINERS):
        words = words[:-1]
    while words and words[0].lower() in _CONNECTORS:
        words = words[1:]
    if not words:
        return None
    named = any(_is_name_word(w) or _is_role_word(w) for w in words)
    if not named and (not open_class or words[-1].lower() in _DETERMINERS):
        return None
    if not open_class and len(words) == 1 and words[0].lower().rstrip(".") in _NOT_SOURCES:
        return None  # "Testing found listeria": a method, not a source
    if all(w.rstrip(".") in _MONTHS - {"May"} or w.isdigit() for w in words):
        return None  # a date, never a source; a lone "May" is as likely a surname
    words = _issuing_body(words) or words  # "UN figures" credit the UN
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
    >>> find_credit("Exports fell, according to figures published by the agency.")
    'the agency'
    """
    text = _mask_quotes([str(sentence)], _double_spans([str(sentence)]))[0]
    according = _ACCORDING_TO.search(text)
    generic: str | None = None
    if according:
        found = _according_to(text[according.end() :])
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
        # ", said the lead author, Ilse Varga.": the name in apposition, as for a quotation.
        named = _APPOSITIVE_NAME.match(text[inverted.start("rest") :])
        if named:
            return named["name"]
        found = _np_after(inverted["rest"])
        if found and _ends_clause(inverted["rest"], found):
            return found
    trailing = _TRAILING_SUBJECT.search(text)
    if trailing:
        found = _np_before(trailing["np"])
        if found and found.lower() not in _PRONOUNS:
            return found
    for verb in _speech_verbs(text):
        found = _credited_by(text, verb)
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


def affiliation_of(text: str, person: str | None = None) -> str | None:
    """The organisation a person or role in ``text`` speaks for, as written, or None.

    ``text`` is a credit phrase or a whole sentence. Read from an appositive ("Dr Ines
    Varga, the agency's chief epidemiologist"; "Tomas Reilly, chief executive of
    Brackwell Foods"; "Owen Tully, who chairs the Clean Water Alliance"), from words
    before the name ("Corbel Securities analyst Priya Nandakumar", "Glenmoor's mayor,
    Ruth Abernathy"), from "of" after it ("Judge Ruth Kalinowski of the Superior Court")
    or from a role phrase ("a spokesman for the ministry", "The Transport Ministry
    spokeswoman"). With ``person`` (a speaker as ``find_quotes`` gives it), only what
    is said of that person counts: a sentence may introduce several people.

    So that one source under two descriptions can be recognised: a quotation credited
    to "the agency" and one credited to Dr Varga, "the agency's chief epidemiologist".

    >>> affiliation_of("Dr Ines Varga, the agency's chief epidemiologist, told reporters")
    'the agency'
    >>> affiliation_of("said Dr Ines Varga, chief epidemiologist at the Health Agency.")
    'the Health Agency'
    >>> same_credit("the agency", affiliation_of("Ines Varga, the agency's epidemiologist"))
    True
    >>> affiliation_of("Ortega said the bridge was safe.") is None
    True
    """
    text = str(text)
    surname = person.split()[-1] if person and person.split() else None
    found = [
        (name.start(), org)
        for name, org in _affiliations(text)
        if surname is None or surname in name.group().split()
    ]
    if found:
        return min(found)[1]
    if surname is None:
        return _role_organisation(text) or _organisation_in_title(text)
    # The speaker phrase may carry it: "Corbel Securities analyst Priya Nandakumar".
    return affiliation_of(str(person)) if person != text else None


def _organisation_in_title(text: str) -> str | None:
    """ "The Transport Ministry spokeswoman" → "The Transport Ministry"."""
    titled = _ORG_ROLE.match(text)
    if titled is None or not _is_person_role(titled["role"].split()):
        return None
    # Only after an article, so that a word capitalised for opening the sentence is not
    # taken for a name: "Health officials" names no health ministry.
    names = titled["names"].split()
    if any(w in _CAPITAL_STOP or w.lower().rstrip(".") in _TITLE_WORDS for w in names):
        return None
    return (
        f"{titled['det']} {titled['names']}" if titled["det"].lower() == "the" else titled["names"]
    )


def _affiliations(text: str) -> list[tuple[re.Match[str], str]]:
    """Each person named in ``text`` with an affiliation, and that affiliation."""
    pairs: list[tuple[re.Match[str], str]] = []
    for name in _PERSON_NAME.finditer(text):
        if name.group().split()[0] in _CAPITAL_STOP:
            continue
        after = text[name.end() :]
        appositive = re.match(r",\s*([^,;:!?\x00]+?)(?=\s*(?:[,;:!?\x00]|\.(?:\s|$)|$))", after)
        of_org = re.match(r"\s+(?:of|at)\s+", after)
        org = None
        if appositive:
            org = _appositive_organisation(appositive.group(1))
        if org is None and of_org and len(name.group().split()) >= 2:
            org = _organisation(after[of_org.end() :])
        if org is None:
            org = _organisation_before(text[: name.start()])
        if org:
            pairs.append((name, org))
    return pairs


def _appositive_organisation(appositive: str) -> str | None:
    """ "the agency's chief epidemiologist" → "the agency"; "an analyst at Corbel
    Securities" → "Corbel Securities"; "who chairs the Alliance" → "the Alliance"."""
    owner = _OWNER.match(appositive)
    if owner:
        org = owner["owner"]
        words = org.split()
        # "the opposition's", "the agency's", "Glenmoor's"; not "a former miner's".
        if words[0].lower() == "the" or _is_name_word(words[-1]) or words[-1] in _ROLES:
            return org
        return None
    relative = _WHO_LEADS.match(appositive)
    if relative:
        return _organisation(appositive[relative.end() :])
    return _role_organisation(appositive)


def _role_organisation(text: str) -> str | None:
    """ "a spokesman for the ministry" → "the ministry"; not "four of the tourists"."""
    role = _ROLE_FOR.match(text)
    if role and _is_person_role(role["role"].split()):
        return _organisation(text[role.end() :])
    return None


def _organisation_before(text: str) -> str | None:
    """ "Corbel Securities analyst " → "Corbel Securities"; "Glenmoor's mayor, " →
    "Glenmoor": who the person just after ``text`` works for, named in front of them."""
    owner = _OWNER_BEFORE.search(text)
    if owner:
        return owner["owner"]
    employer = _EMPLOYER_BEFORE.search(text)
    if employer and _is_person_role(employer["role"].split()):
        words = employer["org"].split()
        if words[0].lower() == "the":
            words = words[1:]
        # A lone capitalised word opening the sentence may be capitalised only for that:
        # "Rail boss Helen Marsh", "Furious dad Kevin Marsh". An acronym is a name.
        sentence_initial = not text[: employer.start("org")].strip()
        bare = sentence_initial and len(words) == len(employer["org"].split())
        if bare and len(words) == 1 and not words[0].isupper():
            return None
        if not any(w in _CAPITAL_STOP or w.lower().rstrip(".") in _TITLE_WORDS for w in words):
            return employer["org"]
    return None


def _organisation(text: str) -> str | None:
    """The organisation that ``text`` starts with: "the agency", "the University of
    Brennick", "Corbel Securities"; not a phrase without a name or a role in it ("the
    third carriage")."""
    org = _np_after(text)
    if org is None or org.split()[0].lower() in _PRONOUNS:
        return None
    return org


def _is_person_role(words: list[str]) -> bool:
    """Whether ``words`` name a person's job: "analyst", "chief epidemiologist", "boss".

    >>> _is_person_role(["top", "bug", "expert"]), _is_person_role(["Bank"])
    (True, False)
    """
    if not words or any(word.lower() in SPEECH_VERBS | _NOT_ADJECTIVES for word in words):
        return False  # "Ortega told reporter Maria Vik": a verb, not a job
    last = words[-1].lower()
    # "-ist" names a trade (epidemiologist, activist); short ones are verbs (insist).
    return last in _PERSON_ROLES or (last.endswith("ist") and len(last) >= 8)


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
    >>> quote_words_changed("According to the report, the dam held.", "The dam held.").identical
    True
    """
    # "According to the indictment, ..." inside the marks credits the words; an outlet
    # that leaves it out and credits the indictment itself has cut nothing
    a, b = _LEAD_IN.sub("", a, count=1), _LEAD_IN.sub("", b, count=1)
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


def fragments_of(parts: Sequence[str], whole: str) -> QuoteComparison | None:
    """Two or more quoted fragments that each stand word for word, in order, in
    ``whole``: an outlet quoting pieces of one statement, with its own words between
    them, has trimmed it, not changed it. None when they do not all stand there.

    >>> fragments_of(["We tried", "nothing more we could do"],
    ...              "We tried our best. There was nothing more we could do.").description
    'left out between fragments: "our best There was"'
    """
    if len(parts) < 2:
        return None
    words = _quote_words(whole)
    keys = [w.lower() for w in words]
    spans: list[tuple[int, int]] = []
    at = 0
    for part in parts:
        needle = [w.lower() for w in _quote_words(part)]
        found = _find_run(keys[at:], needle) if needle else None
        if found is None:
            return None
        spans.append((at + found, at + found + len(needle)))
        at = spans[-1][1]
    first, last = spans[0][0], spans[-1][1]
    whole_quoted = (first, last) == (0, len(keys))
    told = [] if whole_quoted else [_trim_description(whole, first, last - first)]
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        if start > end:
            gap = words[end : min(start, end + _SHOWN_WORDS)]
            more = " …" if start - end > _SHOWN_WORDS else ""
            told.append(f'left out between fragments: "{" ".join(gap)}{more}"')
    return QuoteComparison(False, True, False, (), "; ".join(told) or "trimmed")


_LEAD_IN = re.compile(r"^\W*according to\s[^,.;:]{1,60},\s*", re.IGNORECASE)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    # "F.B.I." and "FBI" are one word, however an outlet's style writes it; so are "%",
    # "per cent" and "percent"
    text = _DOTTED_ACRONYM.sub(lambda m: m.group().replace(".", ""), text)
    text = _PERCENT.sub(" percent", text)
    return text.translate(_PLAIN_MARKS)


_PERCENT = re.compile(r"\s*%|\s+per\s+cent\b", re.IGNORECASE)


_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")


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
