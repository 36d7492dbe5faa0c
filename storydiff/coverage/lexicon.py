"""The English word lists the analysis shares, in one place: the stemmer (Snowball), month
names, the nouns outlets swap for one another, the words of organisations' names and of
people's titles, the nouns that count people, and the word families the fact layer reads
figures with.

A figure's surroundings say what it is about ("18 people were injured", "up to 16 were
hurt", "at least fifteen people were shot"). Outlets swap the words of an event for one
another, so each family below maps the words news writing uses for one event or one
kind of thing onto one key. Everything else is matched on its stem. The lists stay
short on purpose: a word missing here costs a little recall; a wrong word in a family
pairs figures that speak of different things.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

_SNOWBALL = snowballstemmer.stemmer("english")

_FAMILIES: dict[str, tuple[str, ...]] = {
    # Being shot and what a shooting is called.
    "shoot": (
        "shot", "shots", "shoot", "shooting", "shootings", "gunfire", "gunshot", "gunshots",
        "fired", "firing", "opened",
    ),
    "injure": (
        "injured", "injuring", "injuries", "injury", "injure", "wounded", "wounding",
        "wound", "wounds", "hurt", "hurting",
    ),
    "kill": (
        "killed", "killing", "killings", "kill", "dead", "died", "die", "death", "deaths",
        "fatal", "fatally", "fatalities", "fatality", "slain",
    ),
    "weapon": (
        "weapon", "weapons", "gun", "guns", "firearm", "firearms", "handgun", "handguns",
        "rifle", "rifles", "pistol", "pistols",
    ),
    "happen": ("happened", "occurred", "erupted", "began", "started", "broke"),
    "attend": ("attended", "attending", "attendance", "crowd", "partygoers", "guests"),
    "treat": ("treated", "transported", "taken", "hospitalized", "hospitalised"),
    "release": ("released", "discharged"),
    "arrest": ("arrested", "custody", "detained", "arrests", "arrest"),
    "spend": ("spent", "spending", "bought", "purchased", "purchase", "purchases", "paid"),
    "earn": ("earned", "income", "earnings", "made"),
    "tax": ("tax", "taxes"),
    "charity": ("charity", "charitable", "donated", "donations", "gave", "contributions"),
    "investigate": ("investigation", "investigating", "investigated", "probe", "inquiry"),
    "minute": ("minutes", "minute", "mins"),
    # People counted by what they are: "two men" and "a man" are the same kind.
    "man": ("man", "men"),
    "woman": ("woman", "women"),
    "child": ("child", "children"),
    "year": ("years", "year"),
}  # fmt: skip

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

MONTHS: dict[str, int] = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    **{name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    "sept": 9,
}
"""Month names and their short forms, lower case, with the month's number: the one list
the date readers of metadata, figures and quotations share."""

NEWS_SYNONYMS = {
    word: group[0]
    for group in (
        ("vessel", "ship", "boat"),
        ("home", "house", "household", "property", "dwelling", "flat", "apartment"),
        ("death", "fatality", "dead"),
        ("worker", "employee", "staff", "staffer", "job", "workforce", "position", "post", "role"),
        ("company", "firm", "business"),
        ("car", "vehicle"),
        ("hospital", "clinic", "centre", "center", "infirmary"),
        ("child", "kid", "minor"),
        ("person", "people", "individual", "resident", "inhabitant", "citizen", "local"),
        ("injured", "wounded", "hurt", "injury"),
        ("kilometre", "kilometer", "km"),
        ("tonne", "ton"),
        ("percent", "%"),
    )
    for word in group
}
"""Common news nouns that outlets swap for each other when they mean the same thing.
Only the first word of a subject (its head or unit) is looked up."""

def wordset(text: str) -> frozenset[str]:
    """The words of ``text``, split on whitespace: word lists written as prose."""
    return frozenset(text.split())


ORGANISATION_BODIES = wordset(
    "police government ministry department agency office council authority authorities army "
    "military navy coastguard commission committee court hospital university institute bank "
    "company firm union association foundation charity trust board service services brigade "
    "embassy administration regulator watchdog party cross crescent fund programme"
)
"""Last words of a body that issues figures or has officials: "the health ministry", "the
Varessan Red Cross". Not a lone name ("the Mueller report" is a person's)."""

ORGANISATION_WORDS = ORGANISATION_BODIES | wordset(
    "union college ministry council agency company ltd inc plc llc corp co university "
    "school hospital party board court department authority commission foods group bank "
    "alliance association institute institution federation corporation society league "
    "club church academy clinic centre center network international industries holdings "
    "partners capital securities motors airlines airways news radio television tv times "
    "press gazette herald post ledger courier tribune parliament assembly senate cabinet "
    "treasury"
)
"""Last words of an organisation's name ("National Union", "Tollbridge College", "the
Bank of Vessa" before "of"): never "he" or "she", and nobody's surname."""

TITLE_ABBREVIATIONS = wordset(
    "Prof Dr Mr Mrs Ms Mx Gen Sen Rep Gov Lt Col Capt Sgt Insp Det Supt St Cllr Rev Maj Cpl "
    "Adm Brig Cmdr Hon Fr Jr Sr"
)
"""Abbreviated titles: with their full stop ("Prof. Varga", "Lt. Col. Brekk") they end no
sentence and belong to the name that follows. ("Jr." and "Sr." follow it instead.)"""

TITLE_WORDS = wordset(
    "chief deputy senior acting former prime vice assistant executive managing general "
    "junior interim mr mrs ms miss dr prof professor judge justice sir dame lord lady rev "
    "reverend father president minister mayor governor senator officer captain inspector "
    "detective sergeant constable superintendent commissioner spokesman spokeswoman "
    "spokesperson director secretary"
) | frozenset(word.lower() for word in TITLE_ABBREVIATIONS - {"St"})
"""Words of a person's title, never their name or the organisation's; lowercase and
without a full stop ("Dr." as "dr"). Not "St", which names hospitals and churches."""

PEOPLE_NOUNS = frozenset(
    {
        "adult",
        "passenger",
        "commuter",
        "traveller",
        "traveler",
        "rider",
        "driver",
        "pedestrian",
        "cyclist",
        "worker",
        "employee",
        "staff",
        "staffer",
        "job",
        "resident",
        "inhabitant",
        "citizen",
        "local",
        "voter",
        "patient",
        "victim",
        "survivor",
        "prisoner",
        "inmate",
        "detainee",
        "child",
        "kid",
        "pupil",
        "student",
        "teacher",
        "nurse",
        "doctor",
        "firefighter",
        "soldier",
        "civilian",
        "tourist",
        "visitor",
        "fan",
        "spectator",
        "protester",
        "demonstrator",
        "migrant",
        "refugee",
        "customer",
        "shopper",
        "member",
        "officer",
        "volunteer",
        "pensioner",
        "woman",
        "man",
        "casualty",
        "taxpayer",
        "earner",
        "homeowner",
        "householder",
        "tenant",
        "user",
        "subscriber",
        "consumer",
        "client",
        "owner",
        "parent",
        "mother",
        "father",
        "graduate",
        "applicant",
        "candidate",
        "player",
        "athlete",
        "sailor",
        "crew",
        "motorist",
        "pilot",
        "farmer",
        "fisherman",
        "miner",
        "trader",
        "investor",
        "shareholder",
        "borrower",
        "renter",
        "guest",
        "attendee",
        "participant",
        "respondent",
        "teenager",
        "baby",
        "infant",
        "elderly",
        "evacuee",
        "goer",
        "partygoer",
        "clubgoer",
        "bystander",
        "witness",
        "suspect",
        "gunman",
        "shooter",
        "deputy",
        "bailiff",
        "trooper",
        "agent",
        "teen",
        "juvenile",
    }
)
"""Nouns that count people: a count of "people" may stand in for any of them."""

_FAMILY_OF = {word: family for family, words in _FAMILIES.items() for word in words}

_EXACT_ONLY = frozenset({"fired", "firing", "opened", "broke", "began", "started", "made"})
"""Family words whose stem is a word of its own with another sense ("a house fire", "the
club opened in 2010", "a made-up name"): they join their family only as written."""

@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball's English stem of ``word`` (lower case): "transplanted" → "transplant"."""
    return str(_SNOWBALL.stemWord(word))


_FAMILY_OF_STEM = {
    stem(word): family
    for family, words in _FAMILIES.items()
    for word in words
    if word not in _EXACT_ONLY
}
"""The same families by stem, so every inflection of a listed word joins ("injures")."""


@lru_cache(maxsize=65536)
def word_family(word: str) -> str:
    """The key a word is compared by: its family's name, else its stem.

    >>> word_family("wounded") == word_family("hurt") == word_family("injuries")
    True
    >>> word_family("transplants") == word_family("transplanted")
    True
    """
    folded = word.casefold()
    if folded in _FAMILY_OF:
        return _FAMILY_OF[folded]
    stemmed = stem(folded)
    return _FAMILY_OF_STEM.get(stemmed) or stemmed
