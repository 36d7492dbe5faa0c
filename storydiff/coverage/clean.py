"""Turn an article's raw text into the text sentences are cut from.

Cleaning decides which lines are the article and which are web debris: menus, bylines,
datelines, photo credits, video captions, share and tip prompts, copyright footers. The
rules describe the *shape* of debris (short lines without sentence punctuation that
repeat or come in runs, a credit keyword followed by a name, a trailing video duration),
not the strings of any one site, because storydiff runs on stories it has never seen.
Every dropped line is kept with its reason so a user can check the decision, and what a
byline or dateline says (author, outlet, date) is kept as metadata. A line that reads as
a real sentence is protected from the shape-based rules. Quotes are never straightened:
curly and straight marks stay distinguishable for quote comparison later.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import ftfy

from storydiff.coverage.ingest import find_date
from storydiff.coverage.model import CleanText, DroppedLine, Metadata, RawArticle

__all__ = ["clean", "normalize_text", "reduce_markdown"]

# ---------------------------------------------------------------------------
# Character-level normalisation

_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,  # curly vs straight quotes must stay distinguishable
    unescape_html=False,  # article text is text, never markup to interpret
    fix_line_breaks=True,
    remove_terminal_escapes=True,
    remove_control_chars=True,
    normalization="NFC",
    explain=False,
)
_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLES = re.compile(
    "[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_TERMINAL_STRINGS = re.compile(r"\x1b[\]PX^_][^\x07\x1b\n]{0,2048}(?:\x07|\x1b\\)")
"""OSC (hyperlinks, window titles), DCS, SOS, PM and APC strings with their terminator.
ftfy removes only CSI sequences (colours); without this, dropping the lone ESC would
leave ``]8;;http://…`` in the text. An unterminated one loses only its ESC."""
_SPACE_RUNS = re.compile(r" {2,}")


def normalize_text(text: str) -> str:
    """Repair mojibake and make whitespace plain; idempotent.

    Non-breaking and other odd spaces become one plain space, zero-width and
    bidirectional-control characters go, other control characters go, line breaks
    become ``\\n``. Quotes and dashes are kept as written.

    >>> normalize_text("don\u00e2\u20ac\u2122t\u00a0 stop\u200b")
    'don’t stop'
    """
    # Removing a control character can bring two mojibake fragments together that ftfy
    # then repairs, so one pass is not always enough; a few reach a fixed point.
    for _ in range(4):
        fixed = _normalize_once(text)
        if fixed == text:
            break
        text = fixed
    return text


def _normalize_once(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _TERMINAL_STRINGS.sub("", text)
    text = ftfy.fix_text(text, _FTFY_CONFIG)
    text = _INVISIBLES.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    text = _CONTROLS.sub("", text)
    return "\n".join(_SPACE_RUNS.sub(" ", line).strip() for line in text.split("\n"))


# ---------------------------------------------------------------------------
# Markdown

_LINK_TARGET = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"
_IMAGE = re.compile(r"!\[([^\]]*)\]" + _LINK_TARGET)
_LINK = re.compile(r"\[([^\]]+)\]" + _LINK_TARGET)
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_CODE = re.compile(r"`([^`]+)`")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?$")
_BLOCKQUOTE = re.compile(r"^(?:>\s?)+")
_LIST_MARKER = re.compile(r"^(?:[-*+\u2022\u25cf\u25e6\u25aa\u25a0\u25ba\u25b6\u00b7\u2023\u2043]"
                          r"|\d{1,2}[.)])\s+")


def reduce_markdown(line: str) -> str:
    """Markdown link, emphasis and heading syntax reduced to the words it shows.

    >>> reduce_markdown("**Breaking**: [the council voted](#) to _close_ the pier")
    'Breaking: the council voted to close the pier'
    """
    line = _BLOCKQUOTE.sub("", line)
    heading = _HEADING.match(line)
    if heading:
        line = heading.group(1)
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _REFERENCE_LINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    line = _STRONG.sub(r"\2", line)
    line = _STRIKE.sub(r"\1", line)
    line = _EMPHASIS_STAR.sub(r"\1", line)
    line = _EMPHASIS_UNDERSCORE.sub(r"\1", line)
    line = _strip_decoration(line)
    return _SPACE_RUNS.sub(" ", line).strip()


def _strip_decoration(line: str) -> str:
    # Leading bullets, emoji and list markers decorate a line; they are not its words.
    while True:
        line = line.lstrip()
        marker = _LIST_MARKER.match(line)
        if marker:
            line = line[marker.end():]
        elif line and unicodedata.category(line[0]) in ("So", "Sk", "Co", "Cn"):
            line = line[1:]
        else:
            return line


# ---------------------------------------------------------------------------
# Line rules

def _vocabulary(words: str) -> frozenset[str]:
    """A closed word list written as ``a|b|c`` (whitespace around items ignored)."""
    return frozenset(item.strip() for item in words.split("|") if item.strip())


_TERMINAL = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_WORD = re.compile(r"[^\W_]+(?:['\u2019.\-][^\W_]+)*")

_LINK_ONLY = re.compile(
    r"^(?:[\s|\u2022\u00b7,/-]*!?\[[^\]]*\]" + _LINK_TARGET + r")+[\s|\u2022\u00b7,/-]*$"
)
_REFERENCE_DEFINITION = re.compile(r"^\[[^\]]+\]:\s+\S+")
_SEPARATOR = re.compile(r"^[\s\-*_=~.\u2022\u00b7\u2014\u2013]*$")

_RELATED = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|story|content|coverage|reading|links?|video))?"
    r"|read\s+(?:more|next|also)|also\s+read|more\s+on\s+this(?:\s+story)?|see\s+also"
    r"|recommended(?:\s+reading)?|watch(?:\s+now)?|listen|more\s+from\s+\S+)"
    r"\s*[:|\u2013\u2014-]\s*\S",
    re.IGNORECASE,
)
_AGE_NOTICE = re.compile(
    r"^this\s+(?:story|article|post|page|piece|content|report)\s+(?:is|was)\s+"
    r"(?:over|more\s+than|at\s+least|nearly)?\s*\S+\s+(?:years?|months?)\s+old\.?$",
    re.IGNORECASE,
)
_SYNDICATION = re.compile(
    r"^(?:a\s+version\s+of\s+)?(?:this|the)\s+(?:post|story|article|piece|interview|essay"
    r"|report|column)\s+(?:was\s+)?(?:first|originally)\s+(?:appeared|published|ran|posted)"
    r"\s+(?:on|in|at|by)\s+(?P<outlet>[^.!?]{2,60}?)\.?$"
    r"|^(?:originally|first)\s+(?:published|appeared|posted)\s+(?:on|in|at|by)\s+"
    r"(?P<outlet2>[^.!?]{2,60}?)\.?$",
    re.IGNORECASE,
)
_EDITION_SUFFIX = re.compile(
    r"\s+(?:UK|US|USA|Canada|Australia|AU|NZ|India|Asia|Europe|International|Intl"
    r"|Online|Digital)$"
)
_COPYRIGHT = re.compile(
    r"\u00a9|\(c\)\s*\d{4}|\bcopyright\b\s*(?:\u00a9|\(c\)|\d{4})|all\s+rights\s+reserved",
    re.IGNORECASE,
)
_TRADEMARK = re.compile(r"[\u2122\u00ae]")

_CREDIT_KEYWORD = (
    r"(?:lead\s+|top\s+|header\s+|cover\s+|featured\s+|main\s+)?"
    r"(?:photo(?:graph)?s?|images?|pictures?|pics?|illustrations?|graphics?|artwork"
    r"|photo\s+illustration|video|footage|credits?)"
)
_CREDIT_LINK = r"(?:by|via|from|courtesy(?:\s+of)?|credit|source)"
_CREDIT_ONLY = re.compile(
    r"^[\[(]?(?P<kw>" + _CREDIT_KEYWORD + r")\s*(?:" + _CREDIT_LINK + r"\s*:?|:)\s*"
    r"(?P<who>[^\[\]()]{1,80}?)[\])]?$",
    re.IGNORECASE,
)
_CAPTION_WITH_CREDIT = re.compile(
    r"^(?P<caption>.{3,400}?)\s+[\[(]?(?P<kw>" + _CREDIT_KEYWORD + r")\s*(?:"
    + _CREDIT_LINK + r"\s*:?|:)\s*(?P<who>[^.!?\[\]()]{1,60}?)[\])]?$",
    re.IGNORECASE,
)
_AGENCY_CREDIT = re.compile(
    r"^[\[(]?(?:[\w .'\u2019-]{1,40}/)?(?:getty\s+images|ap\s+photo|reuters|afp|epa"
    r"|shutterstock|istock(?:photo)?|alamy|wiki(?:media)?\s+commons|xinhua|pa\s+images"
    r"|bloomberg)(?:\s+via\s+getty\s+images)?(?:/[\w .'\u2019-]{1,40})?[\])]?$",
    re.IGNORECASE,
)
_STAFF_CREDIT = re.compile(
    r"^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|edited|compiled)\s+by\b[^()]*\)?$",
    re.IGNORECASE,
)
_TAGS = re.compile(
    r"^(?:filed|posted)\s+(?:under|in)\s*:|^(?:tags?|topics?|categories|tagged)\s*:",
    re.IGNORECASE,
)
_AUTHOR_BIO = re.compile(
    r"^(?:[A-Z][\w'\u2019-]+\s+){1,3}(?:writes|reports|covers|is\s+a\s+\w+\s+who\s+writes)\s+"
    r"(?:about|on)\b.{0,160}\bfor\s+(?:the\s+)?[A-Z][\w'\u2019&-]*"
    r"(?:\s+[A-Z][\w'\u2019&-]*){0,3}\.?$"
)
_VIDEO_DURATION = re.compile(r"\s\(?(?:\d{1,2}:)?\d{1,2}:\d{2}\)?$")
_TIME_PREPOSITIONS = _vocabulary(
    "at|by|until|till|from|before|after|around|about|to|since|between|and"
)
_PROMPTS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^(?:please\s+)?(?:leave|post|add|write|join|view|show|load|read|see)\s+"
        r"(?:a\s+|the\s+|your\s+|all\s+)?(?:\d+\s+)?comments?\b",
        r"^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$",
        r"\b(?:consider|please)\s+(?:giving|leaving|making|sending|dropping)\s+(?:us\s+)?"
        r"(?:a\s+)?(?:small\s+)?(?:tip|donation|contribution)\b",
        r"^if\s+you\s+(?:liked|enjoyed|like|enjoy|found|appreciated?|valued?|want\s+more)\s+"
        r"(?:this|the|our|reading|what)\b",
        r"^(?:share|tweet|email|print|pin|save)(?:\s+this)?(?:\s+(?:article|story|post|page))?"
        r"(?:\s+(?:on|via)\s+\w+)?$",
        r"^(?:sign\s+up|subscribe|register)\b.{0,80}\b(?:newsletter|updates|inbox|free|today"
        r"|now)\b",
        r"^(?:follow|like|find)\s+(?:us|@?\w+)\s+on\s+(?:twitter|facebook|instagram|x|tiktok"
        r"|youtube|linkedin|threads|bluesky)\b",
        r"^click\s+here\b",
        r"^(?:support|donate\s+to)\s+(?:our|us|independent)\b",
        r"^(?:got|have)\s+a\s+(?:news\s+)?tip\?",
        r"^(?:skip|jump)\s+to\s+(?:the\s+)?(?:main\s+)?content$",
        r"\bwe\s+use\s+cookies\b",
        r"^(?:this\s+(?:article|story|page|post)\s+)?(?:contains|may\s+contain)\s+"
        r"affiliate\s+links\b",
    )
)
_BYLINE = re.compile(
    r"^(?:by|written\s+by|words\s+by|story\s+by|reporting\s+by|author:)\s+(?P<who>.+)$",
    re.IGNORECASE,
)
_BYLINE_SPLIT = re.compile(r"\s*(?:,|\||/|\s[\u2013\u2014-]\s|\sfor\s)\s*")
_NAME_PARTICLES = _vocabulary(
    "and|&|de|da|das|do|dos|van|von|der|den|la|le|di|del|della|bin|bint|al|el|y|mc"
)
_ROLE_WORDS = _vocabulary(
    "reporter|correspondent|writer|editor|contributor|staff|columnist|producer"
    "|journalist|analyst|photographer|senior|chief|special|contributing"
)
_DATELINE_FILLER = re.compile(
    r"\b(?:updated|published|posted|modified|last|first|on|at|date|am|pm|a\.m|p\.m|"
    r"et|est|edt|ct|cst|cdt|pt|pst|pdt|gmt|utc|bst|cet|cest|hkt|ist|jst|aest|"
    r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?)\b",
    re.IGNORECASE,
)
_CLOCK_TIME = re.compile(r"\b\d{1,2}(?::\d{2})+\b|\b\d{1,2}\s*(?=[ap]\.?m\b)", re.IGNORECASE)
_RELATIVE_DATELINE = re.compile(
    r"^(?:updated|published|posted)\b.{0,40}\bago\.?$", re.IGNORECASE
)
_PUBLISHED_WORD = re.compile(r"^\W*(?:published|posted|first\s+published)\b", re.IGNORECASE)

_UI_LABELS = _vocabulary(
    """
    story highlights|highlights|key points|key takeaways|advertisement|ad|sponsored
    |sponsored content|share|share this|share this article|share this story|tweet|email
    |print|comments|menu|search|home|sections|more|live|live tv|watch live|video|videos
    |watch|listen|read more|more stories|related|related articles|related stories
    |related content|most read|most popular|trending|top stories|latest|latest news
    |editor's picks|recommended|you may also like|up next|next|previous|close
    |skip to content|skip to main content|sign in|log in|subscribe|newsletter|newsletters
    |follow us|back to top|toggle navigation|open menu|loading|play|pause|mute
    |full screen|fullscreen|replay|hide caption|show caption|toggle caption
    |enlarge this image|image|photo|photos|gallery|expand|collapse|listen to this article
    """
)
_BREADCRUMB = re.compile(r"^[^.!?]{1,40}?\s*[-\u2013\u2014|\u203a\u00bb>/]$")
_BREADCRUMB_TRAIL = re.compile(r"^[^.!?]{1,30}(?:\s+[\u203a\u00bb>|/]\s+[^.!?]{1,30}){1,5}$")

_OUTLET_DATELINE = re.compile(
    r"^(?:[A-Z][\w.,'\u2019 -]{0,40}?\s)?\((?P<outlet>[A-Z][\w&.'\u2019-]*(?:\s[A-Z][\w&.'"
    r"\u2019-]*){0,3})\)\s*(?:\u2014|\u2013|--|-|:)\s*\S"
)

_MAX_TITLE_WORDS = 30
_MENU_WORDS = 2
"""Lines of at most this many words, in a run of three or more, are a menu."""
_SHORT_WORDS = 4
"""Lines of at most this many words without sentence punctuation are label-like."""


@dataclass(frozen=True, slots=True)
class _Line:
    original: str
    """The normalised line as written (markdown and all): what a dropped line shows."""
    words: str
    """The line reduced to its words: what is kept and what rules read."""


@dataclass(slots=True)
class _Found:
    """Metadata read from the text so far; mutable only inside ``clean``."""

    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    published_is_first: bool = False


def clean(raw: RawArticle) -> CleanText:
    """Drop web debris from an article and learn what the text says about itself.

    Args:
        raw: the article as read.

    Returns:
        The kept text, one paragraph per block separated by a blank line; the
        dropped lines with their reasons; and metadata found in the text (author,
        outlet and date from a byline or dateline, the headline as title).
    """
    lines = [_Line(line, reduce_markdown(line)) for line in normalize_text(raw.text).split("\n")]
    reasons = _line_reasons(lines)
    found = _Found()
    kept: list[_Line | None] = []
    dropped: list[DroppedLine] = []
    seen: set[str] = set()
    for line, reason in zip(lines, reasons, strict=True):
        if not line.original:
            kept.append(None)
            continue
        reason = _reason_with_metadata(line.words, found) or reason
        key = _key(line.words)
        if reason is None and key in seen and _word_count(line.words) >= 3:
            reason = "duplicate"
        if reason is None:
            seen.add(key)
            kept.append(line)
        else:
            dropped.append(DroppedLine(text=line.original, reason=reason))
    paragraphs = _paragraphs(kept)
    metadata = Metadata(
        outlet=found.outlet or _outlet_from_dateline(paragraphs),
        title=_title(paragraphs),
        published=found.published,
        author=found.author,
    )
    return CleanText(text="\n\n".join(paragraphs), dropped=tuple(dropped), metadata=metadata)


def _line_reasons(lines: Sequence[_Line]) -> list[str | None]:
    """Reasons that need the whole document: repeated labels and menu runs."""
    counts = Counter(_key(line.words) for line in lines if _is_label_like(line.words))
    reasons: list[str | None] = []
    for line in lines:
        reasons.append(_context_free_reason(line, repeated=counts[_key(line.words)] > 1))
    _mark_menu_runs(lines, reasons)
    return reasons


def _context_free_reason(line: _Line, *, repeated: bool) -> str | None:
    original, words = line.original, line.words
    if not original:
        return None
    if _LINK_ONLY.match(original):
        return "image" if original.lstrip().startswith("!") else "link"
    if _REFERENCE_DEFINITION.match(original):
        return "link"
    if _SEPARATOR.match(words):
        return "separator"
    if _RELATED.match(words):
        return "related"
    if _AGE_NOTICE.match(words):
        return "notice"
    if _is_copyright(words):
        return "copyright"
    if _TRADEMARK.search(words) and _word_count(words) <= 8 and not _is_sentence(words):
        return "trademark"
    if _is_credit(words) or _STAFF_CREDIT.match(words):
        return "credit"
    if _TAGS.match(words):
        return "tags"
    if _AUTHOR_BIO.match(words) and _word_count(words) <= 30:
        return "bio"
    if _is_caption(words):
        return "caption"
    if any(prompt.search(words) for prompt in _PROMPTS) and _word_count(words) <= 40:
        return "prompt"
    if _is_sentence(words):
        return None  # a real sentence is never debris by shape alone
    if _is_navigation(words, repeated=repeated):
        return "navigation"
    return None


def _reason_with_metadata(words: str, found: _Found) -> str | None:
    """Rules whose lines also say something about the article."""
    syndication = _SYNDICATION.match(words)
    if syndication:
        outlet = syndication.group("outlet") or syndication.group("outlet2")
        found.outlet = found.outlet or _EDITION_SUFFIX.sub("", outlet.strip())
        return "syndication"
    byline = _parse_byline(words)
    if byline is not None:
        author, outlet = byline
        found.author = found.author or author
        found.outlet = found.outlet or outlet
        return "byline"
    if _RELATIVE_DATELINE.match(words):
        return "dateline"
    published = _dateline_date(words)
    if published is not None:
        is_first = bool(_PUBLISHED_WORD.match(words))
        if found.published is None or (is_first and not found.published_is_first):
            found.published, found.published_is_first = published, is_first
        return "dateline"
    return None


def _is_copyright(words: str) -> bool:
    return bool(_COPYRIGHT.search(words)) and _word_count(words) <= 30


def _is_credit(words: str) -> bool:
    if _AGENCY_CREDIT.match(words):
        return True
    match = _CREDIT_ONLY.match(words)
    if match is None or _TERMINAL.search(words):
        return False
    return _word_count(match.group("who")) <= 10


def _is_caption(words: str) -> bool:
    """A picture caption ending in its credit, or a video title ending in its duration."""
    if _TERMINAL.search(words):
        return False
    credit = _CAPTION_WITH_CREDIT.match(words)
    if credit and credit.group("kw")[0].isupper() and _word_count(credit.group("caption")) <= 40:
        return _word_count(credit.group("who")) <= 6
    duration = _VIDEO_DURATION.search(words)
    if duration is None or _word_count(words) > 25:
        return False
    before = words[: duration.start()].split()
    return bool(before) and before[-1].lower() not in _TIME_PREPOSITIONS


def _is_navigation(words: str, *, repeated: bool) -> bool:
    count = _word_count(words)
    if _key(words).rstrip(":") in _UI_LABELS:
        return True
    if _BREADCRUMB_TRAIL.match(words) and count <= 8:
        return True
    if not _is_label_like(words):
        return False
    letters = [ch for ch in words if ch.isalpha()]
    shouting = len(letters) >= 2 and all(ch.isupper() for ch in letters) and count <= 3
    return repeated or shouting or count == 1 or bool(_BREADCRUMB.match(words))


def _mark_menu_runs(lines: Sequence[_Line], reasons: list[str | None]) -> None:
    # Three or more one- or two-word lines in a row (blank lines between allowed) are a
    # menu; an isolated two-word heading is not.
    run: list[int] = []
    for index, line in enumerate(lines):
        if not line.original:
            continue
        if reasons[index] in (None, "navigation") and _is_menu_item(line.words):
            run.append(index)
            continue
        _mark_run(run, reasons)
        run = []
    _mark_run(run, reasons)


def _mark_run(run: Sequence[int], reasons: list[str | None]) -> None:
    if len(run) >= 3:
        for index in run:
            reasons[index] = "navigation"


def _is_menu_item(words: str) -> bool:
    return (
        _is_label_like(words)
        and _word_count(words) <= _MENU_WORDS
        and not any(ch.isdigit() for ch in words)
    )


def _is_label_like(words: str) -> bool:
    return 0 < _word_count(words) <= _SHORT_WORDS and not _TERMINAL.search(words)


def _is_sentence(words: str) -> bool:
    return _word_count(words) >= 6 and bool(_TERMINAL.search(words))


def _parse_byline(words: str) -> tuple[str, str | None] | None:
    match = _BYLINE.match(words)
    if match is None or _TERMINAL.search(words) and not words.endswith("."):
        return None
    parts = [part for part in _BYLINE_SPLIT.split(match.group("who").rstrip(".")) if part]
    if not parts or not _is_name_list(parts[0]):
        return None
    outlet = None
    for part in parts[1:]:
        part = re.sub(r"^(?:for|of)\s+", "", part, flags=re.IGNORECASE)
        tokens = part.split()
        if len(tokens) > 5 or not _is_name_list(part):
            return None
        if outlet is None and not _ROLE_WORDS.intersection(t.lower() for t in tokens):
            outlet = part
    return parts[0], outlet


def _is_name_list(text: str) -> bool:
    tokens = text.split()
    if not 1 <= len(tokens) <= 12 or any(ch.isdigit() for ch in text):
        return False
    return all(
        token.lower() in _NAME_PARTICLES or token[0].isupper() or token[0] in "'\u2019"
        for token in tokens
    ) and tokens[0][0].isupper()


def _dateline_date(words: str) -> str | None:
    if _word_count(words) > 16:
        return None
    found = find_date(words)
    if found is None:
        return None
    iso, match = found
    rest = words[: match.start()] + " " + words[match.end():]
    rest = _CLOCK_TIME.sub(" ", rest)
    rest = _DATELINE_FILLER.sub(" ", rest)
    return None if re.search(r"[^\W\d_]", rest) else iso


def _outlet_from_dateline(paragraphs: Sequence[str]) -> str | None:
    for paragraph in paragraphs[:15]:
        match = _OUTLET_DATELINE.match(paragraph)
        if match:
            return match.group("outlet")
    return None


def _title(paragraphs: Sequence[str]) -> str | None:
    # The first kept line is usually the headline when it reads like one: no full stop.
    if not paragraphs:
        return None
    first = paragraphs[0]
    count = _word_count(first)
    if 2 <= count <= _MAX_TITLE_WORDS and not first.rstrip("\"'\u201d\u2019").endswith("."):
        return first
    return None


# ---------------------------------------------------------------------------
# Paragraphs

_SOFT_WRAP_MIN_CHARS = 60
"""A line at least this long that stops mid-sentence was wrapped, not ended."""


def _paragraphs(kept: Sequence[_Line | None]) -> list[str]:
    """Kept lines as paragraphs: a blank line or a finished line ends one.

    Within a block of consecutive lines, a line that stops mid-sentence joins the next
    (hard-wrapped text); otherwise every line is its own paragraph, since pasted web
    text puts one paragraph per line.
    """
    paragraphs: list[str] = []
    current: str | None = None
    for line in kept:
        if line is None:
            if current:
                paragraphs.append(current)
            current = None
            continue
        if current is not None and _continues(current, line.words):
            current = f"{current} {line.words}"
            continue
        if current:
            paragraphs.append(current)
        current = line.words
    if current:
        paragraphs.append(current)
    return paragraphs


def _continues(previous: str, following: str) -> bool:
    if _TERMINAL.search(previous) or previous.endswith(":"):
        return False
    first = following[:1]
    if first.islower():
        return True
    return len(previous) >= _SOFT_WRAP_MIN_CHARS or previous.endswith((",", ";", "-"))


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))
