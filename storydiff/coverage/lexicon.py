"""Word families the fact layer reads figures with: small, general and in one place.

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

_FAMILY_OF = {word: family for family, words in _FAMILIES.items() for word in words}

_EXACT_ONLY = frozenset({"fired", "firing", "opened", "broke", "began", "started", "made"})
"""Family words whose stem is a word of its own with another sense ("a house fire", "the
club opened in 2010", "a made-up name"): they join their family only as written."""

_FAMILY_OF_STEM = {
    _SNOWBALL.stemWord(word): family
    for family, words in _FAMILIES.items()
    for word in words
    if word not in _EXACT_ONLY
}
"""The same families by stem, so every inflection of a listed word joins ("injures")."""


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball's English stem of ``word`` (lower case): "transplanted" → "transplant"."""
    return str(_SNOWBALL.stemWord(word))


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
    stemmed = _SNOWBALL.stemWord(folded)
    return _FAMILY_OF_STEM.get(stemmed) or stemmed
