"""Turn an article's raw text into the text sentences are cut from.

Cleaning decides which lines are the article and which are web debris: menus, bylines,
datelines, mastheads, photo credits, video captions, share and tip prompts, calls to action
and questions aimed at the reader, account buttons, headline lists under a "Related
stories" header, subheads, newsletter footers, a press release's end matter, copyright
footers. The rules describe the *shape* of debris (short lines without sentence
punctuation that repeat or come in runs, a credit keyword followed by a name, a trailing
video duration, a line made only of button labels, a line that only addresses the reader,
a name and a date between separators), not the strings of any one site, because
storydiff runs on stories it has never seen. Every dropped line is kept with its reason so
a user can check the decision, and what a byline, dateline or masthead says (author,
outlet, date) is kept as metadata. A line that reads as a real sentence is protected from
the shape-based rules. Quotes are never straightened: curly and straight marks stay
distinguishable for quote comparison later.

Only one thing is cut out of a kept line: a wire dateline opening the first paragraph
("HARWOOD (SportsWire) - "), dropped as a dateline of its own. The cut happens before the
text is assembled, so sentence offsets, computed on the cleaned text, stay exact.
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
    r"|recommended(?:\s+reading)?|watch(?:\s+now)?|listen|more\s+from\s+\S+"
    r"|previous\s+(?:story|coverage|report))"
    r"\s*[:|\u2013\u2014-]\s*\S",
    re.IGNORECASE,
)
"""A link to another page under its label: "Related: …", "Previous story: …"."""
_MEDIA_LINK = re.compile(
    r"^(?:raw\s+)?(?:videos?|photos?|pictures|gallery|slideshow)\s*:\s*(?P<title>\S.*)$",
    re.IGNORECASE,
)
"""A link to a gallery or a video under its label ("PHOTOS: Crews at the fire"); a name
after the label ("Photo: Jane Roe") is a credit."""
_RELATED_HEADER = re.compile(
    r"^(?:related|more|other)\s+[\w'\u2019 -]{1,40}?\s*(?:stories|articles|coverage|headlines"
    r"|links|videos)\s*:?$",
    re.IGNORECASE,
)
"""A header over links to other pages that names their topic ("Related Kelmouth flood
stories:"); the bare headers ("Related stories") are button labels."""
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
_COPYRIGHT_HOLDERS = re.compile(r"^copyright\s+(?:by\s+)?(?P<holders>[^.!?]{2,80})$", re.IGNORECASE)
"""A copyright line without a year or sign: "Copyright Bay Wire / Harbour Radio"."""
_HOLDER_SEPARATORS = re.compile(r"\s*(?:/|,|&|\band\b)\s*")
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
_PLATFORM = (
    r"(?:ios|android|iphone|ipad|google\s+play|app\s+store|apple|facebook|twitter|instagram"
    r"|youtube|linkedin|tiktok|snapchat|pinterest|whatsapp|threads|bluesky|rss|email|x)"
)
"""App stores and social networks, as they are named on a row of buttons."""
_LEADING_CREDIT = re.compile(
    r"^\((?:[^()/]{2,60}/[^()]{2,60}|[^()]{2,60}\svia\s[A-Z][^()]{0,40})\)\.?\s+(?=[A-Z])"
)
"""A picture caption opening with its credit in brackets: "(Jane Roe/Bay Herald via Wire).
Police tape surrounds the pier…"."""
_TRAILING_CREDIT = re.compile(
    r"(?<=[.!?\u2026)])\s+[A-Z][A-Z0-9&'-]+(?:/[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,3}"
    r"|(?:\s[A-Z0-9][\w&'-]*){0,2})$"
)
"""A picture caption ending, after its last sentence, in a credit with no sentence of its
own: an agency and photographer ("BAY WIRE/Jane Roe") or a station ("KBAY 7")."""
_MIN_CAPTION_WORDS = 4
_EMBEDDED_POST = re.compile(
    r"[\u2014\u2013-]{1,2}\s*[^\u2014\u2013()]{1,60}\(@\w{1,30}\)\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})\s*$"
)
"""An embedded social-media post ends with its author, @handle and date: "… — Harbour
Police (@harbourpolice) May 3, 2025"."""
_EMBED_LABEL = re.compile(r"^(?:embed\s*>|>?\s*more\s+(?:news\s+)?videos\b)", re.IGNORECASE)
"""A video player's embed label before its caption: "EMBED >More Videos Crews at the pier"."""
_CONTRIBUTION_BREAK = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z\u2014-])")
"""Sentence breaks of a credit line; a full stop after a capital is a name's initial."""
_CONTRIBUTION = re.compile(
    r"(?:[-\u2013\u2014]+\s*)?[^\"\u201c\u201d]{2,300}?\s+contributed\s+(?:reporting\s+)?"
    r"(?:to\s+)?this\s+(?:report|story|article|piece)\W*"
    r"|(?:an?\s+|the\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,4}\s+(?:report|story)"
    r"\s+(?:is|was)\s+(?:included|used)\b\W*"
)
"""A note of who else wrote the article: "Jane Roe contributed to this report.", "A Bay
Wire report is included." The article names itself ("this report"): "Three agencies
contributed to the report" is a sentence of the story."""
_REPORTED_FROM = re.compile(
    r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2}\s+reported\s+from\s+"
    r"[A-Z][\w.'\u2019-]+(?:,?\s+[A-Z][\w.'\u2019-]+){0,3}\W*"
)
""""Roe reported from Kelmouth.": a credit only beside a contribution note."""
_TEASER_STAMP = re.compile(r"\(\s*published\s*:?\s+(?P<stamp>[^()]{4,60})\)\s*$", re.IGNORECASE)
"""A promoted item's stamp: "(Published Monday, Aug. 29, 2016)" ends the blurb of another
story or a video the page links to, never a paragraph of the article itself."""
_MAX_TEASER_TITLE_WORDS = 16
_HIGHLIGHTS_LABEL = re.compile(
    r"^(?:story\s+highlights|highlights|key\s+points|key\s+takeaways)\s*:?$", re.IGNORECASE
)
_MAX_HIGHLIGHTS = 8
_MAX_HIGHLIGHT_WORDS = 30
"""Bullets under a "Story highlights" label are short lines without a full stop; the
first line that ends like a sentence (or runs longer) is the body."""
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
        # A label over app-store or social-network buttons: "Get our app: iOS | Android".
        r"^(?:[^:.!?]|\.(?=\w)){1,50}:\s*" + _PLATFORM
        + r"(?:\s*[|,/\u2022\u00b7]\s*" + _PLATFORM + r")+\s*$",
        # "Read or share this story: https://…"
        r"^(?:read|share|email|print|save)(?:\s+(?:or|and|&)\s+(?:read|share|email|print|save))*"
        r"\s+this\s+(?:story|article|post|page)\s*:?\s*(?:https?://\S+)?$",
    )
)
_STANDALONE_PROMPTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        # Account and newsletter calls: "Sign up now", "Get our stories in your inbox."
        ("prompt", r"(?:sign\s+up|subscribe|register|join(?:\s+(?:us|now|today))?|log\s+in"
                   r"|sign\s+in)(?:\s+(?:now|today|here|free|for\s+free|(?:to|for)\s+(?:our|the|a)"
                   r"\s+[\w'\u2019 -]{1,40}))*\W*"),
        ("prompt", r"(?:get|receive|enjoy|have)\b[^.!?]{0,80}\b(?:to|in|into)\s+your\s+inbox\b"
                   r"[^.!?]{0,40}\W*"),
        # The comment section: "Have your say", "Comments are closed on this article."
        ("prompt", r"(?:have\s+your\s+say|join\s+the\s+(?:conversation|discussion|debate))"
                   r"(?:\s+(?:below|here|now|in\s+the\s+comments(?:\s+below)?))?\W*"),
        ("prompt", r"comments?\s+(?:are|is|have\s+been)\s+(?:now\s+)?(?:closed|disabled"
                   r"|switched\s+off|turned\s+off)(?:\s+(?:on|for|under)\s+this\s+(?:article"
                   r"|story|post|page))?\W*"),
        # Appeals to readers: "Have you been affected?", "Contact the newsdesk."
        ("prompt", r"(?:have\s+you\s+been\s+affected|were\s+you\s+(?:affected|there|involved"
                   r"|a\s+witness)|are\s+you\s+affected|did\s+you\s+(?:see|witness)\s+[^?]{1,60}"
                   r"|do\s+you\s+have\s+(?:a\s+story|information|any\s+information"
                   r"|a\s+(?:news\s+)?tip)|have\s+you\s+got\s+a\s+story)[^?]{0,60}\?\W*"),
        # The tail may hold an address ("Email us at tips@bay.example"): a dot inside a
        # word does not end the sentence.
        ("prompt", r"(?:please\s+)?(?:contact|email|e-mail|message|call|ring|text|write\s+to)\s+"
                   r"(?:the\s+|our\s+)?(?:news\s*desk|newsroom|news\s+team|editorial\s+team"
                   r"|editors?|us)\b(?:[^.!?]|[.](?=[\w-])){0,60}\W*"),
        ("prompt", r"(?:please\s+)?get\s+in\s+touch\b[^.!?]{0,60}\W*"),
        ("prompt", r"(?:tell|show)\s+us\s+(?:your\s+story|what\s+you\s+think|about\s+it|more)\b"
                   r"[^.!?]{0,40}\W*"),
        ("prompt", r"send\s+(?:us\s+)?your\s+(?:photos?|pictures?|videos?|stories|story|tips?"
                   r"|views|comments|questions)\b[^.!?]{0,60}\W*"),
        ("prompt", r"(?:let\s+us\s+know|share)\s+(?:what\s+you\s+think|your\s+(?:thoughts|views"
                   r"|experiences?|stories|story)|(?:in|via|using)\s+the\s+comments?(?:\s+section)?"
                   r"|below)\b[^.!?]{0,60}\W*"),
        # A newsletter's sign-off and footer: "Stay safe, and thanks for reading."
        ("sign-off", r"(?:[\w'\u2019]+(?:\s+[\w'\u2019]+){0,3},?\s+(?:and\s+)?)?thanks?(?:\s+you)?"
                     r"\s+(?:(?:so|very)\s+much\s+)?for\s+reading\b[^.!?]{0,40}\W*"),
        ("footer", r"you\s*(?:are|['\u2019]re)\s+(?:receiving|getting)\s+this\b"
                   r"(?:[^.!?]|[.](?=[\w-])){0,120}\W*"),
        ("footer", r"you\s+(?:received|got)\s+this\s+(?:e-?mail|newsletter|message)\b"
                   r"(?:[^.!?]|[.](?=[\w-])){0,120}\W*"),
        ("footer", r"(?:to\s+unsubscribe|unsubscribe\s+(?:here|now|at\s+any\s+time"
                   r"|from\s+(?:this|these|our)\b))[^.!?]{0,80}\W*"),
        # The newsroom talking about the page: "We'll keep updating this story."
        ("notice", r"(?:we\s*['\u2019]?ll|we\s+will)\s+(?:keep\s+(?:you\s+)?|continue\s+to\s+)?"
                   r"(?:updat\w*|bring\s+you\s+(?:more|updates|the\s+latest)|post\s+(?:more"
                   r"|updates))\b[^.!?]{0,60}\W*"),
        ("notice", r"this\s+(?:is\s+a\s+)?(?:breaking|developing)\s+(?:news\s+)?story\b"
                   r"[^.!?]{0,60}\W*"),
        ("notice", r"this\s+(?:story|article|page|post|report)\s+(?:is\s+developing|(?:will\s+be"
                   r"|is\s+being|has\s+been)\s+updated)\b[^.!?]{0,60}\W*"),
        ("notice", r"(?:more\s+to\s+follow|more\s+soon|check\s+back\s+(?:later\s+)?for\s+(?:updates"
                   r"|more)|refresh\s+(?:this\s+page\s+)?for\s+(?:the\s+latest\s+)?updates)"
                   r"(?:\s+as\s+(?:they|it)\s+(?:become|becomes|come|comes)\s+(?:available|in))?\W*"),
        ("prompt", r"(?:follow|visit)\s+[\w.-]{2,40}(?:\s+on\s+\w+)?\s+for\s+(?:the\s+latest|more"
                   r"|updates|breaking)\b[^.!?]{0,60}\W*"),
        ("prompt", r"read\s+more\s+(?:from|at|on)\b[^.!?]{0,80}\W*"),
        # The page's player talking: "You need a newer player to watch this video."
        ("notice", r"(?:you\s+(?:will\s+)?(?:need|must\s+(?:have|install|enable|update|upgrade))"
                   r"|please\s+(?:install|enable|update|upgrade|turn\s+on)|(?:this|the)\s+(?:video"
                   r"|audio|player|content|page|feature)\s+requires?)\b[^.!?]{0,120}\b(?:player"
                   r"|plug-?ins?|javascript|browser|flash|app)\b[^.!?]{0,100}\W*"),
        # A warning about the page's own media: "The audio in the video above may be disturbing."
        ("notice", r"(?:(?:warning|caution)\s*:\s*)?[^.!?]{0,40}\b(?:video|audio|footage|images?"
                   r"|photos?|gallery|content)\s+(?:above|below)\s+(?:may\s+be|is|are|contains?)\s+"
                   r"(?:disturbing|graphic|upsetting|distressing)\b[^.!?]{0,60}\W*"),
        # "This article is for information only and is not a substitute for medical advice."
        ("disclaimer", r"(?:disclaimer\s*:\s*)?(?:this|the\s+(?:information|content)\s+(?:in|on|of)"
                       r"\s+this)\s+(?:article|story|page|content|information|site|website|post"
                       r"|guide|piece)\s+(?:is|are)\s+(?:provided\s+)?(?:for\s+(?:general\s+)?"
                       r"information(?:al)?(?:\s+purposes)?\s+only|not\s+(?:intended\s+(?:as|to\s+be)"
                       r"\s+|meant\s+as\s+)?(?:a\s+substitute\s+for\s+)?(?:professional\s+)?"
                       r"(?:medical|legal|financial|investment|tax)\s+advice)\b[^.!?]{0,160}\W*"),
        ("disclaimer", r"disclaimer\s*:.{1,300}"),
    )
)
"""Sentences that only address the reader or describe the page. A line is dropped when
*every* sentence in it is one of these (whole-sentence matches), so a real sentence that
merely contains "your inbox" or "get in touch" is never caught."""
_READER_QUESTION = re.compile(
    r"[^?]{0,200}\b(?:you|your|yours|yourself|yourselves)\b[^?]{0,200}\?[\"'\u201d\u2019)]*",
    re.IGNORECASE,
)
"""A question put to the reader ("Do YOU struggle to get your kids off their phones?"). It
goes only beside a prompt on its line, or at the very end of the article: a question in
the body is an interviewer's, a rhetorical beat or a subhead, and is left to those rules."""
_MAX_READER_QUESTION_WORDS = 25
_LEADING_MARKS = re.compile(r"^[*#>\u2022\u00b7\s]+")
_QUOTATION = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb\u2018]|(?:^|\s)['\u2019]")
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|tells|added|adds|according\s+to|urged|urges|asked|asks|wrote"
    r"|writes)\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?\u2026])\s+")
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
_TEAM_WORDS = _vocabulary(
    "team|desk|staff|newsroom|newsdesk|reporters|correspondents|writers|editors|live"
)
"""A byline ending in one of these credits a group ("By Northern Post live team", "By our
politics desk"), not a person: no author, and the outlet when the group is named after it."""
_GROUP_WORDS = _TEAM_WORDS | _ROLE_WORDS
"""A byline made only of these ("By Staff Reporter") names no one."""
_OUTLET_NOUNS = _vocabulary(
    """
    news|radio|agency|wire|newswire|television|tv|broadcasting|broadcasters|network|media
    |newsroom|online|edition|magazine|gazette|tribune|herald|chronicle|telegraph|journal
    |times|bulletin|dispatch|courier|daily|weekly
    """
)
"""Words that make a capitalised name an outlet's ("Coastline Radio News", "Nordic Press
Agency"). Words that are also surnames (Post, Press, Mail, Star, Sun) are left out: a
byline naming a person must never become an outlet. They count only with more evidence,
see ``_MASTHEAD_NOUNS``."""
_MASTHEAD_NOUNS = _vocabulary(
    """
    post|press|mail|star|sun|express|ledger|observer|mirror|examiner|sentinel|guardian
    |independent|inquirer|enquirer|advertiser|bugle|argus|standard|record|review|echo|globe
    |messenger|recorder|clarion|beacon
    """
)
"""Words that end a newspaper's name but also a person's ("Emily Post", "Heath Ledger"):
the name is an outlet's only when something else says so, see ``_MASTHEAD_QUALIFIERS``."""
_MASTHEAD_QUALIFIERS = _vocabulary(
    "evening|morning|sunday|saturday|daily|weekly|national|financial|business|sport|sports"
)
"""A word that, before one of ``_MASTHEAD_NOUNS``, makes the name a newspaper's
("Hallowmere Evening Post"); a leading "The" does too ("The National Ledger"), since no
person's name starts with it."""
_SECTION_WORDS = _vocabulary(
    """
    the|breaking|latest|local|world|national|international|top|home|live|business|sport
    |sports|politics|health|science|technology|tech|entertainment|opinion|video|audio
    |radio|news|media|online|tv|television|daily|weekly|today|edition|regional|special
    |more|uk|us|global|economy|money|culture|travel|weather|wire|press
    """
)
"""A name made only of these ("Local News", "World Edition") is a section, not an outlet."""
_NEWS_AGENCIES = _vocabulary(
    """
    reuters|afp|ap|associated press|the associated press|agence france-presse|pa|pa media
    |press association|the canadian press|dpa|upi|xinhua|bloomberg|efe|ansa|kyodo|anp|tass|aap
    """
)
_AND = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)
_OUTLET_LINE = re.compile(r"^(?P<name>[^()]{2,60}?)\s*(?:\((?P<note>[^()]{1,60})\))?$")
"""A header line naming the outlet, with an optional note: "Nordic Press Agency
(translated from Vardenian)"."""
_DATELINE_FILLER = re.compile(
    r"\b(?:updated|published|posted|modified|last|first|on|at|date|am|pm|a\.m|p\.m|"
    r"et|est|edt|ct|cst|cdt|pt|pst|pdt|gmt|utc|bst|cet|cest|hkt|ist|jst|aest|"
    r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?)\b",
    re.IGNORECASE,
)
_CLOCK_TIME = re.compile(
    r"\b\d{1,2}(?::\d{2})+(?:\s*[ap]\.?m\b)?(?!\w)|\b\d{1,2}(?:\.\d{2})?\s*(?=[ap]\.?m\b)",
    re.IGNORECASE,
)
"""A clock time: "9:30", "9:15am", "7.42pm", "8 pm"."""
_READING_TIME = re.compile(r"\b\d{1,3}\s*-?\s*min(?:ute)?s?\s+read\b", re.IGNORECASE)
_RELATIVE_DATELINE = re.compile(
    r"^(?:updated|published|posted)\b.{0,40}\bago\.?$", re.IGNORECASE
)
_STAMP_WORD = re.compile(
    r"^\W*(?:last\s+)?(?:updated|published|posted|modified)\b", re.IGNORECASE
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
    |register|sign up|sign out|log out|my account|account|create account|create an account
    |accept|accept all|reject all|manage preferences|manage cookies|cookie settings|settings
    |privacy policy|terms of use|terms and conditions|contact us|about us|advertise|careers
    |unsubscribe|view in browser|view in your browser|view online|web version
    |forward to a friend|forward this to a friend|forward this email|manage subscription
    |update preferences|update your preferences|email preferences
    |update|previous story|slideshow|skip|skip ad|skip in|download|download now|download app
    |download the app|get the app|autoplay|show thumbnails|hide thumbnails|show captions
    |hide captions|view as list|view as gallery|open gallery|embed|x|\u00d7
    """
)
_LABEL_SEPARATORS = re.compile(r"[\s|\u2022\u00b7/]+")
_GALLERY_COUNTER = re.compile(r"^(?:\d+\s+)?of\s+(?:\d+\s+)?(?=\S)", re.IGNORECASE)
"""What is left of a gallery's "3 of 16" before its buttons."""
_MIN_LEADING_LABELS = 3
"""Buttons cut from the head of a first line ("Close Skip Share The council voted…")."""
_MAX_LABEL_WORDS = 5
_MAX_LABEL_SEQUENCE = 10
"""A line of at most this many words may be a row of buttons ("Subscribe Log in")."""
_BREADCRUMB = re.compile(r"^[^.!?]{1,40}?\s*[-\u2013\u2014|\u203a\u00bb>/]$")
_BREADCRUMB_TRAIL = re.compile(r"^[^.!?]{1,30}(?:\s+[\u203a\u00bb>|/]\s+[^.!?]{1,30}){1,5}$")

_AGENCY = r"[A-Z][\w&.'\u2019-]*(?:[\s/][A-Z0-9][\w&.'\u2019-]*){0,3}"
"""An agency or station in a dateline's brackets: "Bay Wire", "KBAY/Bay Wire", "News 7"."""
_OUTLET_DATELINE = re.compile(
    r"^(?:[A-Z][\w.,'\u2019 -]{0,40}?\s)?\((?P<outlet>[A-Z][\w&.'\u2019-]*(?:\s[A-Z][\w&.'"
    r"\u2019-]*){0,3})\)\s*(?:\u2014|\u2013|--|-|:)\s*\S"
)
_WIRE_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,3})"
    r"(?:,\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}){0,2}?"
    r"(?:,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?))?\s*)?"
    r"(?:\((?P<agency>" + _AGENCY + r")\)\s*)?"
    r"(?:(?:\u2014|\u2013|\u2015|--|-)\s+|(?<=\)))(?=[\"'\u201c\u2018]?[A-Z0-9])"
)
"""A wire dateline opening the first paragraph: "PORT WREN, Kelmark, May 3 (Bay Wire) - ",
"(Bay Wire) - ", "PORT WREN - ", and "(Bay Wire)The pier…" with the sentence run on. Without
the agency in brackets the place must be in capitals, the wire convention: "Kelmouth - The
town voted" opens with its subject."""
_CAPS_DATELINE = re.compile(
    r"^(?P<place>[A-Z]{2,}(?:[ .'\u2019-]+[A-Z]{2,}){0,3}),\s+[A-Z][A-Za-z]{0,4}\.(?:[A-Z]\.)?"
    r"\s+(?=[A-Z][a-z])"
)
"""A dateline without a dash, as some wires write it: "PORT WREN, Kel. The pier…". The
place in capitals and its region's abbreviation both have to be there."""
_MIN_WIRE_BODY_WORDS = 4
"""What follows a dateline must still be a sentence of its own."""
_WIRE_DATELINE_LINES = 4
"""A dateline opens one of the first few kept lines (after a headline, a standfirst)."""

_DATE_MARK = "\x00"
"""Stands in for a date while a header line is taken apart; normalisation removes every
control character, so no line contains it."""
_HEADER_SEPARATORS = re.compile(
    r"\s*(?:[,|\u2022\u00b7]|:(?=\s|$)|(?:^|(?<=\s))[-\u2013\u2014]+(?=\s|$))\s*"
)
"""What separates the parts of a header line ("The Ledger | In Brief | 4 May 2025"); a
colon or dash inside a word or a clock time ("9:30", "long-term") separates nothing."""
_HEADER_BY = re.compile(r"\b[Bb][Yy]\s+(?=[A-Z])")
_ISSUE = re.compile(r"^(?:(?:issue|no\.?|number|vol\.?|volume)\s*#?\s*\d{1,5}\s*)+$", re.IGNORECASE)
"""An issue number makes a line a newsletter's or magazine's masthead."""
_RELEASE_LABEL = re.compile(
    r"^(?:(?:press|news|media)\s+(?:release|statement|advisory)|(?:for\s+)?immediate\s+release"
    r"|for\s+release|(?:under\s+)?embargo(?:ed)?(?:\s+(?:until|till|to))?)$",
    re.IGNORECASE,
)
"""The label a press release wears above its headline: "PRESS RELEASE - FOR IMMEDIATE
RELEASE", "Embargoed until 00:01, 17 May 2025"."""
_MAX_HEADER_NAMES = 3
_MAX_HEADER_NAME_WORDS = 6

_END_MARKER = re.compile(
    r"^[\s*#\-\u2013\u2014]*(?:(?i:ends)|END)[\s*#\-\u2013\u2014]*$|^\s*(?:#{3}|-30-)\s*$"
)
"""The line that ends a press release or wire copy: "ENDS", "-ends-", "###", "-30-"."""
_NOTES_HEADER = re.compile(
    r"^(?:notes?|information)\s+(?:to|for)\s+(?:the\s+)?editors?\s*:?$"
    r"|^editors?['\u2019]?s?['\u2019]?\s+notes?\s*:?$",
    re.IGNORECASE,
)
"""A press release's notes for journalists, which run to the end of the text."""
_PRESS_CONTACT = re.compile(
    r"^(?:(?:media|press|news)\s+(?:contacts?|enquiries|inquiries|office|relations)"
    r"|for\s+(?:media|press)\s+(?:information|enquiries|inquiries))\s*:",
    re.IGNORECASE,
)
_MAX_CONTACT_WORDS = 40

_LIST_HEADER = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|story|content|coverage|reading|links?|topics))?"
    r"|more\s+(?:stories|news|headlines|on\s+this(?:\s+story)?|from\s+[\w'\u2019 ]{1,30}"
    r"|like\s+this)|most\s+(?:read|popular|viewed|shared|watched|commented)"
    r"|(?:trending|popular)(?:\s+(?:now|stories|today))?|top\s+stories"
    r"|latest(?:\s+(?:news|stories|headlines))?|editor['\u2019]?s\s+picks"
    r"|recommended(?:\s+(?:for\s+you|reading|stories))?"
    r"|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|read\s+(?:more|next|also)"
    r"|also\s+read|see\s+also|up\s+next|what\s+to\s+read\s+next)\s*:?$",
    re.IGNORECASE,
)
"""A header over a list of other stories' headlines ("Related stories", "Most read")."""
_FULL_STOP = re.compile(r"[.!\u2026][\"'\u201d\u2019)\]]*$")
"""A line ending like a statement; a headline in a list may end in "?", never in this."""
_MAX_LIST_ITEMS = 15
_MAX_LIST_ITEM_WORDS = 16
"""A longer line, or one ending in a full stop, is a real paragraph: the list has ended."""
_HEADING_LINE = re.compile(r"^#{1,6}\s+\S")
_MAX_SUBHEAD_WORDS = 15
_QUESTION_SUBHEAD_WORDS = (3, 12)
"""A question subhead's length; a shorter one ("Really?", "Who pays?") is as often a
rhetorical beat in an opinion piece, a longer one a sentence."""
_SUBHEAD_QUESTION = re.compile(r"^[^\W\d_][^:]*\?$")
"""A capitalised question without a colon (a colon marks a Q&A transcript line)."""

_SHORT_SUBHEAD_WORDS = (2, 8)
"""A plain-text subhead's length ("Key findings", "Harvest under threat"); one word is
left to the navigation rules, a longer line may be a sentence missing its full stop."""

_MAX_TITLE_WORDS = 30
_HEADLINE_LOOKAHEAD = 12
"""Lines looked at below a masthead for its headline (menus and blank lines between)."""
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


@dataclass(frozen=True, slots=True)
class _Header:
    """Where a line stands relative to the headline and the first sentence."""

    in_header: bool = False
    """After the headline, before the first sentence: bylines, datelines, outlet lines."""
    before_body: bool = False
    """Before the first sentence, the headline's place included."""
    above_headline: bool = False
    """Nothing kept yet and a headline comes next: where a masthead stands."""


@dataclass(frozen=True, slots=True)
class _HeaderLine:
    """What a dateline or masthead line says."""

    kind: str
    """``"dateline"`` or ``"masthead"`` (an issue number or a press-release label)."""
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    plain: bool = True
    """Only dates and times: a dateline wherever it stands. A line that also names a
    place, an outlet, an author or an issue is one only before the body begins."""


@dataclass(slots=True)
class _Found:
    """Metadata read from the text so far; mutable only inside ``clean``."""

    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    published_is_first: bool = False
    wire_outlet: str | None = None
    """The agency a wire dateline names: the outlet only when nothing else names one."""
    credit: str | None = None
    """The same agency, kept as the text's credit whatever the outlet turns out to be."""


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
    body_started = wire_dateline_done = False
    for index, (line, reason) in enumerate(zip(lines, reasons, strict=True)):
        if not line.original:
            kept.append(None)
            continue
        # Between the headline (the first kept line) and the first real sentence lie
        # the byline, the dateline and sometimes a line naming the outlet; above the
        # headline, a masthead.
        header = _Header(
            in_header=bool(seen) and not body_started,
            before_body=not body_started,
            above_headline=not seen
            and _outlet_line(line.words) is not None
            and _headline_follows(lines, reasons, index),
        )
        reason = _reason_with_metadata(line.words, found, header) or reason
        if reason is None and not body_started:
            buttons = _cut_leading_buttons(line.words)
            if buttons is not None:
                dropped.append(DroppedLine(text=buttons[0], reason="navigation"))
                line = _Line(line.original, buttons[1])
        if reason is None and not wire_dateline_done and len(seen) < _WIRE_DATELINE_LINES:
            cut = _cut_wire_dateline(line.words)
            if cut is not None:
                prefix, rest, agency = cut
                dropped.append(DroppedLine(text=prefix, reason="dateline"))
                if agency is not None and "/" not in agency:
                    # A joint credit ("KBAY/Bay Wire") names two sources, neither of
                    # them surely the publisher.
                    found.wire_outlet = found.wire_outlet or agency
                found.credit = found.credit or agency
                line = _Line(line.original, rest)
                wire_dateline_done = True
        key = _key(line.words)
        if reason is None and key in seen and _word_count(line.words) >= 3:
            reason = "duplicate"
        if reason is None:
            seen.add(key)
            kept.append(line)
            body_started = body_started or _is_sentence(line.words)
        else:
            dropped.append(DroppedLine(text=line.original, reason=reason))
    paragraphs = _paragraphs(kept)
    metadata = Metadata(
        outlet=found.outlet or found.wire_outlet or _outlet_from_dateline(paragraphs),
        title=_title(paragraphs),
        published=found.published,
        author=found.author,
        credit=found.credit,
    )
    return CleanText(text="\n\n".join(paragraphs), dropped=tuple(dropped), metadata=metadata)


def _line_reasons(lines: Sequence[_Line]) -> list[str | None]:
    """Reasons that need the whole document: repeated labels and menu runs."""
    counts = Counter(_key(line.words) for line in lines if _is_label_like(line.words))
    reasons: list[str | None] = []
    for line in lines:
        reasons.append(_context_free_reason(line, repeated=counts[_key(line.words)] > 1))
    _mark_menu_runs(lines, reasons)
    _mark_link_lists(lines, reasons)
    _mark_highlights(lines, reasons)
    _mark_teasers(lines, reasons)
    _mark_credited_captions(lines, reasons)
    # The end of the text before subheads: a last question put to the reader is a
    # prompt even when a syndication note after it makes it look like a subhead.
    _mark_end_matter(lines, reasons)
    _mark_trailing_questions(lines, reasons)
    _mark_subheads(lines, reasons)
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
    if _RELATED.match(words) or _RELATED_HEADER.match(words):
        return "related"
    if _is_embed(words):
        return "embed"
    if _AGE_NOTICE.match(words):
        return "notice"
    if _is_copyright(words):
        return "copyright"
    if _TRADEMARK.search(words) and _word_count(words) <= 8 and not _is_sentence(words):
        return "trademark"
    if _is_media_link(words):
        return "related"
    if _is_credit(words) or _STAFF_CREDIT.match(words) or _is_contribution(words):
        return "credit"
    if _TAGS.match(words):
        return "tags"
    if _AUTHOR_BIO.match(words) and _word_count(words) <= 30:
        return "bio"
    if _is_caption(words):
        return "caption"
    if _PRESS_CONTACT.match(words) and _word_count(words) <= _MAX_CONTACT_WORDS:
        return "contact"
    if any(prompt.search(words) for prompt in _PROMPTS) and _word_count(words) <= 40:
        return "prompt"
    standalone = _standalone_prompt(words)
    if standalone is not None:
        return standalone
    if _is_sentence(words):
        return None  # a real sentence is never debris by shape alone
    if _is_navigation(words, repeated=repeated):
        return "navigation"
    return None


def _reason_with_metadata(words: str, found: _Found, header: _Header) -> str | None:
    """Rules whose lines also say something about the article.

    A bare outlet name ("Nordic Press Agency") is a credit line after the headline and a
    masthead above it; anywhere else it may be a subhead or a sentence's subject.
    """
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
    if header.in_header or header.above_headline:
        outlet = _outlet_line(words)
        if outlet is not None:
            found.outlet = found.outlet or outlet
            return "byline" if header.in_header else "masthead"
    if _RELATIVE_DATELINE.match(words):
        return "dateline"
    line = _parse_header_line(words)
    if line is None or not (line.plain or header.before_body):
        return None
    found.outlet = found.outlet or line.outlet
    found.author = found.author or line.author
    if line.published is not None:
        is_first = bool(_PUBLISHED_WORD.match(words))
        if found.published is None or (is_first and not found.published_is_first):
            found.published, found.published_is_first = line.published, is_first
    return line.kind


def _headline_follows(lines: Sequence[_Line], reasons: Sequence[str | None], index: int) -> bool:
    """Whether the next line not already dropped reads as a headline.

    A masthead ("Hallowmere Evening Post") stands above the headline; a headline that
    happens to end in an outlet word ("Hard Times") is followed by a byline or the body.
    """
    for following in range(index + 1, min(len(lines), index + _HEADLINE_LOOKAHEAD)):
        words = lines[following].words
        if not lines[following].original or reasons[following] is not None:
            continue
        return (
            _is_title_like(words)
            and _parse_byline(words) is None
            and _parse_header_line(words) is None
        )
    return False


def _is_copyright(words: str) -> bool:
    if _word_count(words) > 30:
        return False
    if _COPYRIGHT.search(words):
        return True
    holders = _COPYRIGHT_HOLDERS.match(words)
    return holders is not None and all(
        _is_name_list(name)
        for name in _HOLDER_SEPARATORS.split(holders.group("holders"))
        if name
    )


def _is_media_link(words: str) -> bool:
    link = _MEDIA_LINK.match(words)
    if link is None or _QUOTATION.search(words):
        return False
    title = link.group("title")
    return _word_count(title) >= 3 and not _is_name_list(title.rstrip(".").replace("/", " "))


def _is_embed(words: str) -> bool:
    """An embedded post (its author, @handle and date close it) or a video player's label."""
    return bool(_EMBED_LABEL.match(words)) or (
        _word_count(words) <= 80 and bool(_EMBEDDED_POST.search(words))
    )


def _is_contribution(words: str) -> bool:
    """Every sentence of the line says who else wrote or reported the article."""
    if _QUOTATION.search(words) or _word_count(words) > 60:
        return False
    pieces = _CONTRIBUTION_BREAK.split(words)
    contributions = sum(bool(_CONTRIBUTION.fullmatch(piece)) for piece in pieces)
    others = sum(bool(_REPORTED_FROM.fullmatch(piece)) for piece in pieces)
    return contributions > 0 and contributions + others == len(pieces)


def _is_credit(words: str) -> bool:
    if _AGENCY_CREDIT.match(words):
        return True
    match = _CREDIT_ONLY.match(words)
    if match is None or _TERMINAL.search(words):
        return False
    return _word_count(match.group("who")) <= 10


def _is_caption(words: str) -> bool:
    """A picture caption opening or ending with its credit, or a video title ending in
    its duration."""
    if _LEADING_CREDIT.match(words):
        return _word_count(words) <= 80
    if _TERMINAL.search(words):
        return False
    credit = _CAPTION_WITH_CREDIT.match(words)
    if credit and credit.group("kw")[0].isupper() and _word_count(credit.group("caption")) <= 40:
        # In brackets a credit may name the photographer's role: "(Photo: Jane Roe,
        # special to the Herald)".
        bracketed = words.endswith((")", "]"))
        return _word_count(credit.group("who")) <= (10 if bracketed else 6)
    duration = _VIDEO_DURATION.search(words)
    if duration is None or _word_count(words) > 25:
        return False
    before = words[: duration.start()].split()
    return bool(before) and before[-1].lower() not in _TIME_PREPOSITIONS


def _standalone_prompt(words: str) -> str | None:
    """The reason when every sentence of the line only addresses the reader.

    A quotation or an attribution ("she urged") makes the line article text: a quoted
    "Have your say," is someone speaking, not the site's comment box. A question put to
    the reader ("What do you make of it?") or a row of buttons ("Unsubscribe | View in
    browser") goes with a prompt beside it, but is no prompt on its own.
    """
    if _QUOTATION.search(words) or _ATTRIBUTION.search(words) or _word_count(words) > 60:
        return None
    found: str | None = None
    for piece in _SENTENCE_BREAK.split(words):
        piece = _LEADING_MARKS.sub("", piece)  # "*This is a developing story."
        reason = next(
            (reason for reason, pattern in _STANDALONE_PROMPTS if pattern.fullmatch(piece)), None
        )
        if reason is None:
            if _is_reader_question(piece) or _is_button_row(piece):
                continue
            return None
        found = found or reason
    return found


def _is_reader_question(piece: str) -> bool:
    # The length first: it bounds the regex's work on a hostile run-on line.
    return _word_count(piece) <= _MAX_READER_QUESTION_WORDS and bool(
        _READER_QUESTION.fullmatch(piece)
    )


def _is_button_row(piece: str) -> bool:
    # A button's label may carry a stray full stop where the page ran text together.
    return _key(piece).rstrip(": .") in _UI_LABELS or _is_label_sequence(piece)


def _is_label_sequence(words: str) -> bool:
    """Whether the line is two or more button labels in a row ("Subscribe Log in")."""
    tokens = [token for token in _LABEL_SEPARATORS.split(words.casefold()) if token]
    if not 2 <= len(tokens) <= _MAX_LABEL_SEQUENCE:
        return False
    # splits[end]: the first ``end`` tokens are a whole number of labels.
    splits = [True] + [False] * len(tokens)
    for end in range(1, len(tokens) + 1):
        splits[end] = any(
            splits[start] and " ".join(tokens[start:end]) in _UI_LABELS
            for start in range(max(0, end - _MAX_LABEL_WORDS), end)
        )
    return splits[-1]


def _is_navigation(words: str, *, repeated: bool) -> bool:
    count = _word_count(words)
    if _key(words).rstrip(":") in _UI_LABELS:
        return True
    if not _TERMINAL.search(words) and _is_label_sequence(_GALLERY_COUNTER.sub("", words)):
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


def _mark_link_lists(lines: Sequence[_Line], reasons: list[str | None]) -> None:
    # A header such as "Related stories" or "Most read" is followed by other stories'
    # headlines, one per line, blank lines and adverts allowed between them. The list
    # ends at the first line that reads as a paragraph: a full stop, many words, or a
    # hard-wrapped line running on into the next.
    index = 0
    while index < len(lines):
        if not _LIST_HEADER.match(lines[index].words):
            index += 1
            continue
        items = 0
        index += 1
        while index < len(lines) and items < _MAX_LIST_ITEMS:
            line = lines[index]
            if not line.original or reasons[index] is not None:
                index += 1
                continue
            if _LIST_HEADER.match(line.words) or not _is_list_item(lines, index):
                break
            reasons[index] = "related"
            items += 1
            index += 1


def _mark_highlights(lines: Sequence[_Line], reasons: list[str | None]) -> None:
    # "Story highlights" and its bullets sum the story up in one outlet's words: each
    # bullet would become a claim of its own that no other outlet states.
    for index, line in enumerate(lines):
        if (
            not line.original
            or reasons[index] not in (None, "navigation")
            or not _HIGHLIGHTS_LABEL.match(line.words)
        ):
            continue
        reasons[index] = "highlights"
        items = 0
        for following in range(index + 1, len(lines)):
            if items >= _MAX_HIGHLIGHTS:
                break
            if not lines[following].original or reasons[following] is not None:
                continue
            if not _is_highlight(lines[following].words):
                break
            reasons[following] = "highlights"
            items += 1


def _is_highlight(words: str) -> bool:
    return (
        0 < _word_count(words) <= _MAX_HIGHLIGHT_WORDS
        and not _FULL_STOP.search(words)
        and _cut_wire_dateline(words) is None
        and _parse_byline(words) is None
        and _parse_header_line(words) is None
    )


def _mark_teasers(lines: Sequence[_Line], reasons: list[str | None]) -> None:
    # A blurb closed by a "(Published <date>)" stamp promotes another story or a video;
    # the short line above it, when it reads as a headline, is that item's title.
    for index, line in enumerate(lines):
        stamp = _TEASER_STAMP.search(line.words) if line.original else None
        if stamp is None or find_date(stamp.group("stamp")) is None:
            continue
        reasons[index] = reasons[index] or "teaser"
        above = _kept_index(lines, reasons, index, step=-1)
        if above is not None and _is_teaser_title(lines[above].words):
            reasons[above] = "teaser"


def _is_teaser_title(words: str) -> bool:
    return 2 <= _word_count(words) <= _MAX_TEASER_TITLE_WORDS and not _TERMINAL.search(words)


def _mark_credited_captions(lines: Sequence[_Line], reasons: list[str | None]) -> None:
    # A picture caption whose credit follows its last sentence ("… on Monday. KBAY 7").
    # The line must end its paragraph: a hard-wrapped sentence may break after a capital.
    for index, line in enumerate(lines):
        if not line.original or reasons[index] is not None:
            continue
        credit = _TRAILING_CREDIT.search(line.words)
        if credit is None or _word_count(line.words[: credit.start()]) < _MIN_CAPTION_WORDS:
            continue
        following = lines[index + 1].words if index + 1 < len(lines) else ""
        if not following[:1].islower():
            reasons[index] = "caption"


def _is_list_item(lines: Sequence[_Line], index: int) -> bool:
    words = lines[index].words
    if _word_count(words) > _MAX_LIST_ITEM_WORDS:
        return False
    if _FULL_STOP.search(words):
        return False
    following = lines[index + 1].words if index + 1 < len(lines) else ""
    return not (following and _continues(words, following) and following[:1].islower())


def _mark_subheads(lines: Sequence[_Line], reasons: list[str | None]) -> None:
    # Subheads structure the article; they state nothing. Three shapes are told apart:
    # a markdown heading (HTML <h2>/<h3> arrive as one) after the body has begun, and in
    # plain text a short question or a short title-like phrase ("Key findings") standing
    # alone between two paragraphs. A heading before any sentence is the headline, a
    # kicker or a highlight, and is left to the other rules.
    body_started = False
    for index, line in enumerate(lines):
        if not line.original:
            continue
        if reasons[index] in (None, "navigation") and body_started and (
            _is_heading_subhead(line)
            or _is_question_subhead(lines, reasons, index)
            or (reasons[index] is None and _is_short_subhead(lines, reasons, index))
        ):
            reasons[index] = "subhead"
        elif reasons[index] is None and _is_sentence(line.words):
            body_started = True


def _mark_end_matter(lines: Sequence[_Line], reasons: list[str | None]) -> None:
    # A press release ends its text with "ENDS" (or "-ends-", "###") and puts notes for
    # journalists after it or under a "Notes to editors" header: none of it is the story.
    # Only after the body has begun: a marker before any sentence ends nothing.
    body_started = False
    for index, line in enumerate(lines):
        if not line.original or reasons[index] not in (None, "navigation"):
            continue
        if body_started and (
            _END_MARKER.match(line.original) or _NOTES_HEADER.match(line.words)
        ):
            for rest in range(index, len(lines)):
                if lines[rest].original and reasons[rest] in (None, "navigation"):
                    reasons[rest] = "end matter"
            return
        body_started = body_started or (reasons[index] is None and _is_sentence(line.words))


def _mark_trailing_questions(lines: Sequence[_Line], reasons: list[str | None]) -> None:
    # The questions an article ends on, after its last statement, are put to the reader
    # ("What do you make of the signing?"): the comment box's prompt, not the story.
    for index in range(len(lines) - 1, -1, -1):
        words = lines[index].words
        if not lines[index].original or reasons[index] is not None or _SYNDICATION.match(words):
            continue  # debris, or a syndication note (dropped later, with its outlet)
        if _QUOTATION.search(words) or _ATTRIBUTION.search(words):
            return
        if not all(_is_reader_question(piece) for piece in _SENTENCE_BREAK.split(words)):
            return
        reasons[index] = "prompt"


def _is_heading_subhead(line: _Line) -> bool:
    return (
        bool(_HEADING_LINE.match(line.original))
        and 0 < _word_count(line.words) <= _MAX_SUBHEAD_WORDS
        and not line.words.endswith(".")
    )


def _is_question_subhead(lines: Sequence[_Line], reasons: Sequence[str | None], index: int) -> bool:
    """A short question alone in its paragraph, between two kept paragraphs.

    Conservative: a quotation mark, a colon ("Q: ..."), fewer than three or more than a
    dozen words, or a neighbour that does not end a sentence (a hard-wrapped paragraph, a
    heading, another question) keeps it.
    """
    words = lines[index].words
    shortest, longest = _QUESTION_SUBHEAD_WORDS
    if not (
        _SUBHEAD_QUESTION.match(words)
        and shortest <= _word_count(words) <= longest
        and not _QUOTATION.search(words)
    ):
        return False
    around = _paragraphs_around(lines, reasons, index)
    # Questions in a row are a Q&A or a run of rhetorical questions, not a subhead.
    return around is not None and not any(text.endswith("?") for text in around)


def _is_short_subhead(lines: Sequence[_Line], reasons: Sequence[str | None], index: int) -> bool:
    """A short capitalised phrase without final punctuation alone between two paragraphs.

    Conservative like the question rule: a digit (a figure may be a claim), a quotation
    mark, a line ending in a colon or comma (it leads into what follows), a list item, or
    a neighbour that does not end a sentence (a list of short items, a wrapped paragraph)
    keeps it.
    """
    line = lines[index]
    words = line.words
    shortest, longest = _SHORT_SUBHEAD_WORDS
    if not (
        shortest <= _word_count(words) <= longest
        and words[:1].isupper()
        and words[-1:].isalpha()
        and not any(ch.isdigit() for ch in words)
        and not _QUOTATION.search(words)
        and not _is_list_line(line)
    ):
        return False
    return _paragraphs_around(lines, reasons, index) is not None


def _paragraphs_around(
    lines: Sequence[_Line], reasons: Sequence[str | None], index: int
) -> tuple[str, str] | None:
    """The kept text before and after a line that stands alone in its paragraph between
    two whole paragraphs; None when it does not."""
    before, after = index - 1, index + 1
    if before < 0 or after >= len(lines) or lines[before].original or lines[after].original:
        return None  # not alone in its paragraph
    previous = _neighbour(lines, reasons, index, step=-1)
    following = _neighbour(lines, reasons, index, step=1)
    if previous is None or following is None:
        return None
    if not (_ends_paragraph(previous) and _ends_paragraph(following)):
        return None
    return previous, following


def _is_list_line(line: _Line) -> bool:
    """Whether the line is written as a list item ("- clean water", "2. shelter")."""
    return bool(_LIST_MARKER.match(_BLOCKQUOTE.sub("", line.original)))


def _neighbour(
    lines: Sequence[_Line], reasons: Sequence[str | None], index: int, *, step: int
) -> str | None:
    """The nearest kept line before (``step=-1``) or after (``step=1``) ``index``."""
    found = _kept_index(lines, reasons, index, step=step)
    return None if found is None else lines[found].words


def _kept_index(
    lines: Sequence[_Line], reasons: Sequence[str | None], index: int, *, step: int
) -> int | None:
    """The index of the nearest kept line before (``step=-1``) or after ``index``."""
    index += step
    while 0 <= index < len(lines):
        if lines[index].original and reasons[index] is None:
            return index
        index += step
    return None


def _ends_paragraph(words: str) -> bool:
    return bool(_TERMINAL.search(words)) and _word_count(words) >= _SHORT_WORDS


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


def _parse_byline(words: str) -> tuple[str | None, str | None] | None:
    """``(author, outlet)`` from a byline, or None when the line is not one.

    A byline crediting a group or an outlet ("By Northern Post live team", "By Coastline
    Radio News") gives no author, since the author field names a person; the outlet it
    names is kept.
    """
    match = _BYLINE.match(words)
    if match is None or _TERMINAL.search(words) and not words.endswith("."):
        return None
    parts = [part for part in _BYLINE_SPLIT.split(match.group("who").rstrip(".")) if part]
    if not parts:
        return None
    group = _group_credit(parts[0])
    if group is not None:
        return group
    if not _is_name_list(parts[0]):
        return None
    if _is_outlet_name(parts[0]):
        return None, parts[0]
    outlet = None
    for part in parts[1:]:
        part = re.sub(r"^(?:for|of)\s+", "", part, flags=re.IGNORECASE)
        tokens = part.split()
        is_role = tokens[-1:] != [] and tokens[-1].lower() in _ROLE_WORDS
        if len(tokens) > 5 or not (is_role or _is_name_list(part)):
            return None  # "Political correspondent" is a role; other parts must be names
        if outlet is None and not _ROLE_WORDS.intersection(t.lower() for t in tokens):
            outlet = part
    return parts[0], outlet


def _group_credit(who: str) -> tuple[str | None, str | None] | None:
    """``(author, outlet)`` for a byline crediting a group; None for any other byline.

    >>> _group_credit("Northern Post live team"), _group_credit("our politics desk")
    ((None, 'Northern Post'), (None, None))
    >>> _group_credit("Jane Doe and the Bay Herald staff")
    ('Jane Doe', 'Bay Herald')
    """
    joins = list(_AND.finditer(who))
    person, group = (who[: joins[-1].start()], who[joins[-1].end():]) if joins else ("", who)
    tokens = group.split()
    if not tokens or len(tokens) > 8:
        return None
    folded = [token.casefold() for token in tokens]
    if folded[-1] not in _TEAM_WORDS and not all(token in _GROUP_WORDS for token in folded):
        return None
    if person and not _is_name_list(person):
        return None
    # Group and role words and lowercase descriptors ("live", "politics") go from the
    # end, a lowercase article ("our", "the") from the start; what is left names the outlet.
    while tokens and (tokens[-1].casefold() in _GROUP_WORDS or tokens[-1].islower()):
        tokens.pop()
    while tokens and tokens[0].islower():
        tokens.pop(0)
    name = " ".join(tokens)
    return person or None, name if name and _is_name_list(name) else None


def _is_outlet_name(name: str) -> bool:
    """A capitalised name that is an outlet's ("Coastline Radio News"), never a person's."""
    key = _key(name)
    if key in _NEWS_AGENCIES:
        return True
    tokens = key.split()
    # The outlet word ends the name ("Coastline Radio News", "Morava Herald English
    # Edition"): a deck or kicker that merely contains one ("Health Network Expands") is
    # not a name.
    return (
        1 <= len(tokens) <= 6
        and _is_name_list(name)
        and (tokens[-1] in _OUTLET_NOUNS or _is_masthead_name(tokens))
        and not all(token in _SECTION_WORDS for token in tokens)
    )


def _is_masthead_name(tokens: Sequence[str]) -> bool:
    """``tokens`` (casefolded) name a newspaper whose last word is also a surname.

    >>> _is_masthead_name(["hallowmere", "evening", "post"]), _is_masthead_name(["emily", "post"])
    (True, False)
    """
    return (
        len(tokens) >= 2
        and tokens[-1] in _MASTHEAD_NOUNS
        and (tokens[0] == "the" or tokens[-2] in _MASTHEAD_QUALIFIERS)
    )


def _outlet_line(words: str) -> str | None:
    """The outlet a header line names, with any note after it in brackets dropped."""
    match = _OUTLET_LINE.match(words)
    if match is None or _TERMINAL.search(words):
        return None
    name = match.group("name").strip()
    return name if _is_outlet_name(name) else None


def _is_name_list(text: str) -> bool:
    tokens = text.split()
    if not 1 <= len(tokens) <= 12 or any(ch.isdigit() for ch in text):
        return False
    return all(
        token.lower() in _NAME_PARTICLES or token[0].isupper() or token[0] in "'\u2019"
        for token in tokens
    ) and tokens[0][0].isupper()


def _parse_header_line(words: str) -> _HeaderLine | None:
    """What a short line made of a date and names, or of a masthead's parts, says.

    The line is cut at its separators (commas, bars, spaced dashes, a colon before a
    space) once every date in it is masked, so the commas inside "June 3, 2021" cut
    nothing. Each part must be dates and times ("Thursday 3 May 2025, 9:15am"), a
    press-release label, an issue number, "by" and a byline, or a capitalised name:
    "The Delta Courier, Thursday 18 September 2025", "Sarnapol, 17 September 2025",
    "Posted 18 September 2025 by Marta Kessel", "The Relief Ledger - Issue 112". A part
    mixing a date with other words ("Floods Hit Delta On 17 May 2025") is a headline or
    a sentence, so the line is none of these.

    A name is the outlet only when it is an outlet's name (it ends in an outlet word,
    "The Delta Courier"); otherwise it is a place, a court or a section and says nothing
    more. Beside an issue number or a press-release label, the name is the publication's
    or the issuer's, whatever its words.
    """
    if _word_count(words) > 16:
        return None
    first = find_date(words)
    text = words
    while (found := find_date(text)) is not None:
        text = text[: found[1].start()] + f" {_DATE_MARK} " + text[found[1].end():]
    text = _HEADER_BY.sub(lambda by: f" | {by.group(0)}", text)
    names: list[str] = []
    byline: tuple[str | None, str | None] | None = None
    labels = issues = 0
    for part in _HEADER_SEPARATORS.split(text):
        part = part.strip()
        residue = _header_residue(part)
        if not residue:
            continue  # dates, times, "Updated", a weekday, a reading time
        if _RELEASE_LABEL.match(residue):
            labels += 1
        elif _ISSUE.match(residue):
            issues += 1
        elif byline is None and _HEADER_BY.match(part) and (parsed := _parse_byline(part)):
            byline = parsed
        elif _DATE_MARK not in part and _is_header_name(part) and len(names) < _MAX_HEADER_NAMES:
            names.append(part)
        else:
            return None
    author, byline_outlet = byline or (None, None)
    published = first[0] if first else None
    if labels or issues:
        outlet = byline_outlet or (_header_name(names[0]) if names else None)
        return _HeaderLine("masthead", published, outlet, author, plain=False)
    if published is None and not (not names and _is_time_stamp(words)):
        return None
    outlet = byline_outlet or next(
        (name for name in map(_outlet_line, names) if name is not None), None
    )
    plain = not names and byline is None
    return _HeaderLine("dateline", published, outlet, author, plain=plain)


def _is_time_stamp(words: str) -> bool:
    """An update stamp giving a time but no date: "Updated 8:43 AM", "Posted at 9pm"."""
    return bool(_STAMP_WORD.match(words) and _CLOCK_TIME.search(words))


def _header_residue(part: str) -> str:
    """The words of a header part that are not dates, times or dateline filler."""
    part = part.replace(_DATE_MARK, " ")
    part = _READING_TIME.sub(" ", part)
    part = _CLOCK_TIME.sub(" ", part)
    part = _DATELINE_FILLER.sub(" ", part)
    # Once dates and times are gone, nothing alphanumeric is left of a date part: a
    # stray number ("21") is a count or a table cell, not part of a date.
    if not re.search(r"[^\W_]", part):
        return ""
    return " ".join(part.strip(" .,:;#()").split())


def _is_header_name(part: str) -> bool:
    name = _header_name(part)
    return _is_name_list(name) and len(name.split()) <= _MAX_HEADER_NAME_WORDS


def _header_name(part: str) -> str:
    """A header part's name without a note in brackets: "Daily (English edition)"."""
    match = _OUTLET_LINE.match(part)
    return match.group("name").strip() if match else part


def _cut_wire_dateline(words: str) -> tuple[str, str, str | None] | None:
    """``(dateline, rest, agency)`` when ``words`` opens with a wire dateline.

    >>> _cut_wire_dateline("WREN, May 3 (Bay Wire) - The pier reopened on Monday.")
    ('WREN, May 3 (Bay Wire) -', 'The pier reopened on Monday.', 'Bay Wire')
    """
    match = _WIRE_DATELINE.match(words) or _CAPS_DATELINE.match(words)
    if match is None:
        return None
    place = match.group("place")
    agency = match.groupdict().get("agency")
    if agency is None and not (place and place.isupper()):
        return None
    rest = words[match.end():]
    if _word_count(rest) < _MIN_WIRE_BODY_WORDS:
        return None
    return match.group(0).rstrip(), rest, agency


def _cut_leading_buttons(words: str) -> tuple[str, str] | None:
    """``(buttons, rest)`` when a sentence runs on from a row of player buttons.

    >>> _cut_leading_buttons("Close Skip Share The pier reopened on Monday after repairs.")
    ('Close Skip Share', 'The pier reopened on Monday after repairs.')
    """
    tokens = words.split(" ")
    for end in range(min(len(tokens) - 1, _MAX_LABEL_SEQUENCE), _MIN_LEADING_LABELS - 1, -1):
        head, rest = " ".join(tokens[:end]), " ".join(tokens[end:])
        if rest[:1].isupper() and _is_sentence(rest) and _is_label_sequence(head):
            return head, rest
    return None


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
    return paragraphs[0] if _is_title_like(paragraphs[0]) else None


def _is_title_like(words: str) -> bool:
    count = _word_count(words)
    return 2 <= count <= _MAX_TITLE_WORDS and not words.rstrip("\"'\u201d\u2019").endswith(".")


# ---------------------------------------------------------------------------
# Paragraphs

_SOFT_WRAP_MIN_CHARS = 60
"""A line at least this long that stops mid-sentence was wrapped, not ended."""


def _paragraphs(kept: Sequence[_Line | None]) -> list[str]:
    """Kept lines as paragraphs: a blank line or a finished line ends one.

    Within a block of consecutive lines, a line that stops mid-sentence joins the next
    (hard-wrapped text); otherwise every line is its own paragraph, since pasted web
    text puts one paragraph per line. A list item never joins the item before it, even
    when that one ends in a comma or semicolon ("- shelter for 500 families;"): each is
    a statement of its own, not one run-on sentence.
    """
    paragraphs: list[str] = []
    current: str | None = None
    current_is_item = False
    for line in kept:
        if line is None:
            if current:
                paragraphs.append(current)
            current = None
            continue
        is_item = _is_list_line(line)
        if (
            current is not None
            and not (is_item and current_is_item)
            and _continues(current, line.words)
        ):
            current = f"{current} {line.words}"
            continue
        if current:
            paragraphs.append(current)
        current, current_is_item = line.words, is_item
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
