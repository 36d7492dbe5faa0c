"""Longer stories, written by teammates who had not read the engine, with planted changes.

Ten stories of 250 to 800 words an outlet, in two rounds. Each writer planted changes of
every kind, one outlet at a time, before the engine ever ran on them.

- Round one (a rail bridge collapse, a quarry trial with a saved web page full of
  debris, a listeria outbreak with an HTML page and a translated edition, a disputed
  election count, factory closures, a cold snap told by a live blog): the engine found
  32 of 47 on its first run and raised 12 false alarms.
- Round two, written after the engine was improved on round one (a football transfer, a
  sleep study, floods told by five outlets including an aid agency's release and a
  newsletter, a port official's bribery trial): 25 of 31 found on the first run, 10 false
  alarms.

- Round three, written after round two's fixes (a budget, a wildfire with a TV station's
  web page, a fitness app's data breach with a Markdown consumer guide, exam results):
  22 of 32 found on the first run, 11 false alarms.
- Round four, written after round three's fixes (a ferry strike, a museum theft, a drug
  trial with a medical site's web page, a council vote on a stadium with a blog's reader
  comments): 25 of 32 found on the first run, one more found but blamed on the wrong
  outlet, 3 false alarms.
- Round five, written after round four's fixes (bird flu on poultry farms, a heatwave's
  death toll, a ship hitting a bridge, a rail fare rise with a Markdown consumer guide):
  27 of 32 found on the first run, 9 false alarms (2 of them arguable).

The engine was then improved on all three, so they are regression tests now, not a
blind check.

Every planted change is listed: the ones the engine finds must stay found and blamed on
the right outlet; the ones it still misses are strict expected failures, so fixing one
fails the suite until it moves to the found list. The divergences reported beyond the
planted ones are listed too, each with why, so a new false alarm fails the suite.
"""

from functools import cache
from pathlib import Path

import pytest

from storydiff.coverage.model import Alignment, DivergenceType
from storydiff.coverage.pipeline import compare_paths
from tests.test_unseen_story import (
    ALTERED,
    CREDIT,
    HEDGE,
    NUMBER,
    STORIES,
    SUBJECT,
    TRIMMED,
)

Planted = tuple[DivergenceType, str, tuple[str, ...]]
"""(type, file of the outlet that made the change, words its divergence or claim holds)"""

FOUND: dict[str, list[Planted]] = {
    "ferrow-bridge": [
        (NUMBER, "4-radio.txt", ("214", "241")),  # digits swapped
        (NUMBER, "3-tabloid.md", ("30,000", "3,000")),  # a zero slipped
        (SUBJECT, "3-tabloid.md", ("38", "passengers", "firefighters")),
        (ALTERED, "3-tabloid.md", ("black",)),
        (TRIMMED, "4-radio.txt", ("devastated",)),
        (CREDIT, "3-tabloid.md", ("Tomasz Wren", "Aisha Rahman")),  # "sobbed nurse ..."
    ],
    "quarry-court": [
        (NUMBER, "2-valley-herald.txt", ("18,000", "15,000")),
        (SUBJECT, "1-courier.txt", ("46", "discharges", "visits")),
        (HEDGE, "1-courier.txt", ("312", "more than 300")),
        (ALTERED, "2-valley-herald.txt", ("sewer", "nuisance")),
        (TRIMMED, "3-statewire.txt", ("Today a court has",)),
        # No quotation marks: "according to X" against "..., Y said."
        (CREDIT, "3-statewire.txt", ("Westmarch Regional Water Authority", "Lindenholt")),
    ],
    "glenmoor-outbreak": [
        (NUMBER, "3-tabloid.txt", ("214", "241")),  # folded into a sentence on the recall
        (NUMBER, "5-foreign.txt", ("62%", "68%")),
        (ALTERED, "2-national.txt", ("confident", "certain")),
        (TRIMMED, "3-tabloid.txt", ("same pack",)),
        # The reference credits nobody; the others credit the agency.
        (CREDIT, "4-healthsite.html", ("health agency", "Food Workers' Union")),
        (HEDGE, "4-healthsite.html", ("57", "at least")),
        (HEDGE, "5-foreign.txt", ("about 400", "400 workers")),  # hedge dropped
    ],
    "harbour-election": [
        (NUMBER, "2-broadcaster.txt", ("1,203", "1,530")),
        (NUMBER, "1-gazette.txt", ("41.6", "44.6")),
        (HEDGE, "3-wire.txt", ("420", "up to 450")),  # a range told as its top
        (CREDIT, "2-broadcaster.txt", ("Pask", "Lorna Quist")),  # his campaign manager
        (ALTERED, "1-gazette.txt", ("looked", "checked")),
        (SUBJECT, "3-wire.txt", ("2,400", "votes", "voters")),
        (TRIMMED, "2-broadcaster.txt", ("recount will only confirm",)),
    ],
    "tidewater-layoffs": [
        (NUMBER, "1-wire.txt", ("$214 million", "$241 million")),
        (NUMBER, "3-blog.txt", ("12%", "15%")),
        (NUMBER, "4-gazette.txt", ("$310m", "$350 million")),  # its own sentence
        (SUBJECT, "3-blog.txt", ("$1.2", "restructuring charge", "savings")),
        (HEDGE, "4-gazette.txt", ("at least $450 million", "up to $450 million")),
        (ALTERED, "2-ledger.txt", ("these closures",)),
        (TRIMMED, "3-blog.txt", ("These are",)),
        (CREDIT, "4-gazette.txt", ("Tomas Whitfield", "Robert Achterberg")),
        (CREDIT, "2-ledger.txt", ("quarterly filing", "Corbel Securities")),
    ],
    "cold-snap": [
        (NUMBER, "2-tribune.txt", ("-31", "-29")),  # "minus 31C" against "-29C"
        (NUMBER, "1-liveblog.txt", ("340", "430")),
        (NUMBER, "3-npa.txt", ("4.2 million", "4.8 million")),
        (SUBJECT, "3-npa.txt", ("62", "shelters", "towns")),
        (HEDGE, "2-tribune.txt", ("60–80", "up to 80")),
        (CREDIT, "3-npa.txt", ("Henrik Aas", "Sofie Brandt")),
        (CREDIT, "2-tribune.txt", ("Veltra Energi", "Energy Ministry")),
        (TRIMMED, "1-liveblog.txt", ("elderly neighbours",)),
        # The first half of a quotation the live blog splits around "she said".
        (ALTERED, "1-liveblog.txt", ("enormous",)),
    ],
    "kestler-transfer": [
        (NUMBER, "fansite.txt", ("£210,000", "£250,000")),
        (NUMBER, "foreign.txt", ("5 year", "6 year")),  # "five-year" against "six-year"
        (NUMBER, "wire.txt", ("48.5", "45.8")),
        (HEDGE, "national.txt", ("up to £8m", "£8m")),
        (ALTERED, "foreign.txt", ("kind", "type")),
        (TRIMMED, "fansite.txt", ("since I was a boy",)),
        (CREDIT, "national.txt", ("Brandt", "Piet Aalders")),
        (SUBJECT, "foreign.txt", ("19", "goals", "assists")),
    ],
    "sleep-study": [
        (NUMBER, "health.txt", ("12 minutes", "21 minutes")),  # "7 hours 21 minutes"
        (NUMBER, "tabloid.txt", ("38%", "48%")),
        (HEDGE, "tabloid.txt", ("39–55", "up to 55")),
        (ALTERED, "tabloid.txt", ("association", "link")),
        (TRIMMED, "health.txt", ("observational",)),
        (CREDIT, "science.txt", ("Marcus Delaney", "Varga")),
        # "over one school year" beside the 42 no longer reads as "schools".
        (SUBJECT, "health.txt", ("42", "schools", "local authorities")),
    ],
    "delta-floods": [
        (NUMBER, "relief-ledger.txt", ("46 villages", "64 villages")),
        (NUMBER, "delta-courier.txt", ("$12 million", "15 million dollars")),
        (NUMBER, "redcross-release.txt", ("9.4 metres", "9.7 metres")),
        # The same figure measured in one outlet and counted in another.
        (SUBJECT, "northline-news.html", ("60,000", "hectares", "homes")),
        (HEDGE, "delta-courier.txt", ("412", "more than 400")),
        (ALTERED, "northline-news.html", ("asking", "ordering")),
        (TRIMMED, "relief-ledger.txt", ("each day",)),
        (CREDIT, "meridian-wire.txt", ("health ministry", "UN humanitarian office")),
    ],
    "dockside-fraud": [
        (NUMBER, "evening-post.txt", ("$50,000", "$5,000")),
        (HEDGE, "national-ledger.txt", ("up to 10 years", "10 year")),
        # The court reporter splits the prosecutor's quotation around "Ms Marsh said".
        (ALTERED, "evening-post.txt", ("integrity",)),
        (TRIMMED, "national-ledger.txt", ("will fight them",)),
        (CREDIT, "evening-post.txt", ("Judge Castell", "Mr Okafor")),
        (SUBJECT, "court-reporter.txt", ("73", "shipping containers", "refrigerated trucks")),
    ],
    "app-breach": [
        (HEDGE, "byteledger.txt", ("between £6m and £9m", "up to £9m")),
        (HEDGE, "meridian-wire.txt", ("about 22 million", "22 million")),
        (TRIMMED, "meridian-wire.txt", ("no password at all",)),
        (NUMBER, "smartspend.md", ("March 3", "13 March")),  # day first, no year
        (ALTERED, "smartspend.md", ("users", "customers")),
        (NUMBER, "arlenport-courier.txt", ("212", "221")),
        (CREDIT, "arlenport-courier.txt", ("Ines Carrow", "Oskar Lindqvist")),
    ],
    "budget-night": [
        (NUMBER, "wenland-ledger.txt", ("£48.6bn", "£46.8bn")),
        (NUMBER, "wbc-news.txt", ("6 April", "1 April")),
        (HEDGE, "northmoor-gazette.txt", ("about 4,000", "4,000 teachers")),
        (ALTERED, "daily-clarion.txt", ("broadest", "richest")),
        (TRIMMED, "northmoor-gazette.txt", ("see through it",)),
        (CREDIT, "wenland-ledger.txt", ("Institute for Public Revenue", "Fiscal Oversight")),
        (SUBJECT, "northmoor-gazette.txt", ("2,500", "nurses")),  # "2,500 more nurses"
    ],
    "exam-results": [
        (NUMBER, "maradia-herald.txt", ("69.5%", "66.5%")),
        (CREDIT, "maradia-herald.txt", ("the union", "Education Ministry")),
        (NUMBER, "maradia-herald.txt", ("5,820", "4,950")),
        (ALTERED, "classroom-weekly.txt", ("result", "consequence")),
        (HEDGE, "classroom-weekly.txt", ("1,360,000", "about 1,360,000")),
        (HEDGE, "tollbridge-gazette.txt", ("412,300", "more than 400,000")),
        (NUMBER, "tollbridge-gazette.txt", ("percentage points", "2.1%")),
    ],
    "wildfire-evacuation": [
        (ALTERED, "meridian-wire.txt", ("mother's", "wife's")),
        (HEDGE, "meridian-wire.txt", ("420", "more than 420")),
        (HEDGE, "channel8-tallowvalley.html", ("70–90", "up to 90")),
        (SUBJECT, "channel8-tallowvalley.html", ("27", "aircraft", "fire trucks")),
        (HEDGE, "national-courier.txt", ("18,400", "more than 18,000")),
        (NUMBER, "channel8-tallowvalley.html", ("62", "68")),  # across claims
        # The others call her "the fire chief" and "Bradbury"; one outlet names the
        # minister instead.
        (CREDIT, "national-courier.txt", ("the fire chief", "Ms Vale")),
    ],
    "council-vote": [
        (HEDGE, "north-valley-broadcasting.txt", ("$290 million", "up to $340 million")),
        (HEDGE, "eastside-notes.txt", ("about 1,200", "at least 1,200")),
        (SUBJECT, "eastside-notes.txt", ("650", "homes", "parking spaces")),
        (ALTERED, "kelbridge-courier.txt", ("proud", "back on the map")),
        (TRIMMED, "north-valley-broadcasting.txt", ("independent estimate",)),
        (CREDIT, "north-valley-broadcasting.txt", ("Priya Vandermeer", "Councillor Ostler")),
        (CREDIT, "kelbridge-courier.txt", ("The council", "Tarrow Developments")),
    ],
    "drug-trial": [
        # The reference phrasing names no hospitals; two outlets agree on 212.
        (NUMBER, "meridian-wire.txt", ("212 hospitals", "221 hospitals")),
        (NUMBER, "daily-flare.txt", ("$4,200", "$4,800")),
        (HEDGE, "brenmouth-herald.txt", ("4,812", "more than 4,800")),
        (ALTERED, "daily-flare.txt", ("time", "years")),
        (TRIMMED, "meridian-wire.txt", ("This is",)),
        (CREDIT, "brenmouth-herald.txt", ("Gail Pardoe", "Dr Brec")),
    ],
    "ferry-strike": [
        (NUMBER, "soundfm.txt", ("4,800", "4,300")),
        (NUMBER, "tidewater-wire.txt", ("£1,350", "£1,530")),
        (HEDGE, "national-ledger.txt", ("45–50", "up to 50")),
        (HEDGE, "tidewater-wire.txt", ("about 420", "420")),
        (ALTERED, "inchvaig-gazette.txt", ("fair", "generous")),
        (TRIMMED, "tidewater-wire.txt", ("heat their homes",)),
        (CREDIT, "soundfm.txt", ("port authority", "Calder Isles Ferries")),
    ],
    "museum-theft": [
        (NUMBER, "northgate-press.txt", ("7 minutes", "9 minutes")),  # "seven", "nine"
        (HEDGE, "vitrine-magazine.txt", ("£6.5 million", "at least £6.5 million")),
        (CREDIT, "daily-blaze.txt", ("police", "the museum")),
        (ALTERED, "daily-blaze.txt", ("irreplaceable", "priceless")),
        (TRIMMED, "northgate-press.txt", ("how long they had",)),
        (CREDIT, "vitrine-magazine.txt", ("Dr Ingrid Varga", "Brennagh")),
        # The others say "14 pieces from two display cases".
        (SUBJECT, "daily-blaze.txt", ("14", "pieces", "display cases")),
    ],
    "bird-flu-farms": [
        (NUMBER, "national-chronicle.txt", ("3.50", "£3.20")),
        (SUBJECT, "poultry-gazette.txt", ("1.2 million", "birds", "eggs")),
        (HEDGE, "fen-radio.txt", ("212", "more than 200")),
        (HEDGE, "national-chronicle.txt", ("about 160", "160 vets")),
        (ALTERED, "cpa-wire.txt", ("years", "decades")),
        (NUMBER, "cpa-wire.txt", ("14 farms", "16")),  # across claims
        (CREDIT, "fen-radio.txt", ("Strabe", "Dr Ines Vollrath")),
        (CREDIT, "poultry-gazette.txt", ("Kinsale Data", "Farmers' Union")),
    ],
    "heatwave-deaths": [
        (NUMBER, "estrovian-chronicle.txt", ("41.3", "41.8")),
        (ALTERED, "estrovian-chronicle.txt", ("hospital", "doctor")),
        (SUBJECT, "ebs-science.txt", ("4,612", "admitted", "ambulance call-outs")),
        (CREDIT, "ebs-science.txt", ("Tobias Wrenfield", "Barrowdale")),
        (HEDGE, "varsk-courier.txt", ("1,850–2,300", "up to 2,300")),
        (HEDGE, "varsk-courier.txt", ("more than 12,000", "nearly 12,000")),
        (TRIMMED, "varsk-courier.txt", ("family in mourning",)),
    ],
    "port-collision": [
        # found by comparing figures across claims
        (HEDGE, "daily-klaxon.txt", ("3,120", "more than 3,000")),
        (CREDIT, "hullmark-maritime.txt", ("coastguard", "harbour authority")),
        (TRIMMED, "hullmark-maritime.txt", ("will not speculate",)),
        (ALTERED, "conpress-wire.txt", ("something far", "catastrophe")),
        (HEDGE, "conpress-wire.txt", ("at least 6 weeks", "6 weeks")),
        (SUBJECT, "carrowhaven-ledger.txt", ("41,500", "vehicles", "commuters")),
        (NUMBER, "carrowhaven-ledger.txt", ("38,000", "83,000")),
        # "FIVE crew members were injured" against "three crew members were hurt"
        (NUMBER, "daily-klaxon.txt", ("3 crew members", "5 crew members")),
    ],
    "rail-fares": [
        (HEDGE, "daily-clarion.txt", ("3.9–5.2%", "up to 5.2%")),
        (NUMBER, "kingsport-business-times.txt", ("68.4%", "64.8%")),
        (NUMBER, "farewise.md", ("£3,363", "£3,436")),
        (TRIMMED, "kingsport-business-times.txt", ("Passengers are being asked",)),
        (CREDIT, "farewise.md", ("Ms Groves", "Marcus Oyelaran")),
        (CREDIT, "kingsport-business-times.txt", ("Department for Transport", "Passenger Voice")),
        (HEDGE, "farewise.md", ("more than 1.6 billion", "nearly 1.6 billion")),
    ],
}

STILL_MISSED: dict[str, list[tuple[Planted, str]]] = {
    "ferrow-bridge": [
        ((HEDGE, "2-broadsheet.txt", ("12", "up to 18 months")),
         "the broadsheet gives the closure in a sentence of its own, and the others fold it "
         "into their sentence on the 30,000 commuters, which the broadsheet's commuters "
         "sentence takes"),
    ],
    "quarry-court": [
        ((NUMBER, "3-statewire.txt", ("14 times", "16 times")),
         "folded into a sentence on the 2020 warning; neither figure says what it counts"),
    ],
    "glenmoor-outbreak": [
        ((SUBJECT, "3-tabloid.txt", ("1.5 million", "shoppers")),
         "the tabloid's sentence shares only the figure with the packs recalled"),
    ],
    "sleep-study": [
        ((HEDGE, "health.txt", ("11,284", "more than 11,000")),
         "the three outlets' sentences on the sample size land in three different claims"),
    ],
    "dockside-fraud": [
        ((NUMBER, "national-ledger.txt", ("August 2023", "August 2022")),
         "the brief folds the dates into its sentence on the 73 containers, which aligns "
         "with the containers claim, where no other outlet gives a date"),
    ],
    "app-breach": [
        ((SUBJECT, "byteledger.txt", ("1.9 million", "Premium subscribers")),
         "the counted noun before the verb is the same ('accounts'); the change is in "
         "what follows it"),
    ],
    "budget-night": [
        ((NUMBER, "daily-clarion.txt", ("2.7", "3.7")),
         "the others give two inflation figures and a 2 per cent target beside them; the "
         "tabloid's one figure is not paired with either"),
    ],
    "exam-results": [
        ((SUBJECT, "classroom-weekly.txt", ("21.7", "students")),
         "the others say what the 21.7% counts before the figure ('the proportion of "
         "entries'), where no subject is read"),
    ],
    "wildfire-evacuation": [
        ((NUMBER, "national-courier.txt", ("4:15", "5:15")),
         "the paper's sentence on the first evacuation order aligns with nothing"),
    ],
    "council-vote": [
        ((NUMBER, "eastside-notes.txt", ("8-5", "8-4")),
         "the blog's vote sentence stays apart: the others give the vote and the 18,500 "
         "seats in one sentence, which the blog's seats sentence takes"),
    ],
    "drug-trial": [
        ((SUBJECT, "meridian-wire.txt", ("8.4%", "stop treatment")),
         "every outlet counts 'patients'; what changed is what the patients did"),
        ((CREDIT, "meridian-wire.txt", ("Halvorsen", "Brackwater Securities")),
         "the two agreeing outlets name the source differently ('Halvorsen', 'the "
         "company'), so no credit has a majority to compare with"),
    ],
    "ferry-strike": [
        ((SUBJECT, "inchvaig-gazette.txt", ("310", "cars")),
         "the others mention the cars near their lorries figure, which reads as the same "
         "thing named differently"),
    ],
    "museum-theft": [
        ((NUMBER, "vitrine-magazine.txt", ("34", "43")),
         "the tabloid's agreeing sentence is not aligned; with two outlets left the "
         "magazine's figure is taken as the reference and the wire is blamed instead"),
    ],
    "heatwave-deaths": [
        ((CREDIT, "estrovian-chronicle.txt", ("bureau", "Silver Thread")),
         "the credits are read, but the one the others share is not picked as a majority"),
    ],
    "rail-fares": [
        ((SUBJECT, "daily-clarion.txt", ("£11.2 billion", "taxpayer subsidies")),
         "the others' '£11.2bn from ticket sales' and 'Ticket sales brought in £11.2bn' "
         "give the sum no subject to compare"),
    ],
}

KNOWN_EXTRA: dict[str, list[tuple[DivergenceType, str, str]]] = {
    "cold-snap": [
        (SUBJECT, "3-npa.txt",
         "'60–80 services' told as '60–80 connections' by a translation: synonyms that "
         "no word list here knows"),
    ],
    "sleep-study": [
        (HEDGE, "health.txt",
         "'Some 38 per cent' in one outlet and '38%' in another, with a third saying 48%: "
         "'some' is a hedge, and one of the two that agree on 38 has to be blamed for it"),
    ],
    "delta-floods": [
        (CREDIT, "delta-courier.txt",
         "'The government says' against the disaster minister by name: a minister "
         "speaking for the government, told as the government"),
    ],
    "app-breach": [
        (NUMBER, "byteledger.txt",
         "'locked down the server ... on 5 March' aligned with 'waited until March 28 to "
         "tell its customers': one date each, of two different events"),
    ],
    "budget-night": [
        (SUBJECT, "wenland-ledger.txt",
         "'£12.15bn of new spending' against '£12.15 billion of additional departmental "
         "spending': synonyms"),
        (SUBJECT, "wenland-ledger.txt", "'2.4% of national income' against '2.4% of GDP'"),
        (HEDGE, "wbc-news.txt",
         "'an estimated 1.2 million' against '1.2 million': a real hedge, not planted"),
    ],
    "wildfire-evacuation": [
        (CREDIT, "meridian-wire.txt",
         "'...,\" Chief Officer Ines Bradbury of the fire service told reporters': the "
         "speech verb is too far from the quotation, which inherits a place name"),
        (HEDGE, "national-courier.txt",
         "'topped 41C' is 'more than 41C': a real hedge, not planted"),
    ],
    "ferry-strike": [
        (SUBJECT, "inchvaig-gazette.txt", "'146 sailings' against '146 crossings': synonyms"),
    ],
    "museum-theft": [
        (NUMBER, "northgate-press.txt",
         "the blame for the magazine's changed age falls on the wire (see the misses)"),
        (SUBJECT, "northgate-press.txt",
         "'two figures' on the camera against 'two people': synonyms"),
    ],
    "bird-flu-farms": [
        (CREDIT, "fen-radio.txt",
         "the planted change again, on the second half of the split quotation"),
    ],
    "port-collision": [
        (SUBJECT, "daily-klaxon.txt", "'14 steel boxes' for '14 containers': synonyms"),
        (TRIMMED, "daily-klaxon.txt",
         "quotes one whole sentence of a two-sentence quotation: a trim, arguably"),
        (TRIMMED, "carrowhaven-ledger.txt", "the other sentence of the same quotation"),
    ],
    "harbour-election": [
        (CREDIT, "1-gazette.txt",
         "'Council officials said' against 'the returning officer said': the texts do "
         "differ, though the officer is a council official"),
    ],
}


@cache
def alignment_of(story: str) -> Alignment:
    return compare_paths([str(STORIES / story)], created="t").alignment


@cache
def file_of(story: str) -> dict[str, str]:
    return {a.id: Path(a.path).name for a in alignment_of(story).articles}


def blamed_files(story: str, kind: DivergenceType, words: tuple[str, ...]) -> list[str]:
    """The outlets blamed by each divergence of ``kind`` whose detail, or whose claim's
    text, holds all of ``words``."""
    names = file_of(story)
    return [
        ",".join(names[a] for a in d.articles)
        for c in alignment_of(story).claims
        for d in c.divergences
        if d.type is kind
        and all(w in f"{d.detail} {' '.join(m.text for m in c.members)}" for w in words)
    ]


def _cases(table: dict[str, list[Planted]]) -> list[tuple[str, DivergenceType, str,
                                                          tuple[str, ...]]]:
    return [(story, *change) for story, changes in table.items() for change in changes]


@pytest.mark.parametrize(("story", "kind", "outlet", "words"), _cases(FOUND))
def test_planted_change_is_found_and_blamed_on_its_outlet(
    story: str, kind: DivergenceType, outlet: str, words: tuple[str, ...]
) -> None:
    assert outlet in blamed_files(story, kind, words), [
        (d.type.value, d.articles, d.detail)
        for c in alignment_of(story).claims
        for d in c.divergences
    ]


@pytest.mark.parametrize(
    ("story", "kind", "outlet", "words"),
    [
        pytest.param(story, *change, marks=pytest.mark.xfail(reason=why, strict=True))
        for story, misses in STILL_MISSED.items()
        for change, why in misses
    ],
)
def test_change_the_engine_still_misses(
    story: str, kind: DivergenceType, outlet: str, words: tuple[str, ...]
) -> None:
    assert outlet in blamed_files(story, kind, words)

FACT_LAYER_EXTRA: dict[str, list[tuple[DivergenceType, str, str]]] = {
    # Reported since figures are compared across claims (storydiff/coverage/facts.py),
    # read one by one. "true" ones are differences the writer did not plant but the
    # texts do show; "false alarm" ones are figures of different facts whose clauses
    # share words, left here so a change in them shows.
    "budget-night": [
        (HEDGE, "wbc-news.txt", "true: 'more than £12bn' against '£12 billion'"),
    ],
    "council-vote": [
        (HEDGE, "north-valley-broadcasting.txt", "true: 'about 1,200 jobs' against '1,200'"),
        (HEDGE, "kelbridge-courier.txt", "true: 'about 1,200 construction jobs'"),
    ],
    "dockside-fraud": [
        (HEDGE, "evening-post.txt", "true: 'over $184,500' against '$184,500'"),
    ],
    "exam-results": [
        (NUMBER, "tollbridge-gazette.txt",
         "false alarm: one school's pass rate (74%) set against the national 71.2%"),
        (NUMBER, "tollbridge-gazette.txt",
         "false alarm: the school's previous rate against the national one"),
    ],
    "ferrow-bridge": [
        (HEDGE, "1-wire.txt", "true: 'about 6:42 a.m.' against '6.42am'"),
    ],
    "kestler-transfer": [
        (NUMBER, "foreign.txt", "false alarm: the club's 51 league goals against the "
         "player's 52 goals"),
        (NUMBER, "fansite.txt", "false alarm: 'five most expensive signings' against "
         "'four signings in'"),
    ],
    "port-collision": [
        (NUMBER, "conpress-wire.txt", "true: 'several vessels' against 'at least five "
         "vessels'; the outlet without a number departs from the one with it"),
    ],
    "quarry-court": [
        (NUMBER, "3-statewire.txt", "arguable: arsenic at 14 times the limit in one test, "
         "16 times in another year"),
    ],
    "sleep-study": [
        (HEDGE, "tabloid.txt", "false alarm: '7 hours 21 minutes' read as 7 hours, against "
         "'fewer than seven hours'"),
    ],
    "tidewater-layoffs": [
        (HEDGE, "4-gazette.txt", "false alarm: today's 2,500 staff against 'more than "
         "2,000' at the 1990s peak"),
    ],
}


@pytest.mark.parametrize("story", sorted(FOUND))
def test_nothing_is_reported_beyond_the_planted_and_the_known(story: str) -> None:
    names = file_of(story)
    reported = sorted(
        (d.type.value, ",".join(names[a] for a in d.articles))
        for c in alignment_of(story).claims
        for d in c.divergences
    )
    expected = sorted(
        [(kind.value, outlet) for kind, outlet, _ in FOUND[story]]
        + [(kind.value, outlet) for kind, outlet, _ in KNOWN_EXTRA.get(story, [])]
        + [(kind.value, outlet) for kind, outlet, _ in FACT_LAYER_EXTRA.get(story, [])]
    )
    assert reported == expected
