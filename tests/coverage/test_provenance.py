"""Provenance: who rewrote whom, from shared runs of words, credits and dates.

The stories are ours: a ferry fire at an invented port, reported by a wire, a paper that
rewrote the wire, two local outlets that wrote their own reports, and an outlet that
published twice.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from storydiff.coverage.model import (
    Alignment,
    Article,
    Claim,
    Credit,
    CreditKind,
    Derivation,
    Divergence,
    DivergenceType,
    DroppedLine,
    FigureChange,
    Member,
    Order,
    PublicationOrder,
    Relation,
    SameOutlet,
    SharedSentence,
)
from storydiff.coverage.pipeline import compare_articles
from storydiff.coverage.provenance import find_derivations, profile_outlets, trace_provenance
from storydiff.coverage.store import read_alignment
from tests.coverage.test_align import make_article

REPO = Path(__file__).resolve().parents[2]
CREATED = "2026-01-01T00:00:00Z"


def outlet_article(
    article_id: str,
    outlet: str,
    sentences: list[str],
    *,
    published: str | None = None,
    dropped: tuple[DroppedLine, ...] = (),
) -> Article:
    return replace(
        make_article(article_id, sentences), outlet=outlet, published=published, dropped=dropped
    )


WIRE_SENTENCES = [
    "SELMOUTH (Harbour Wire) — A fire broke out in the engine room of the passenger ferry "
    "Aldis Star as it approached Selmouth harbour on Friday evening, forcing the crew to turn "
    "back with 214 passengers on board.",
    "Two crew members were treated for smoke inhalation at Selmouth General Hospital, the "
    "coastguard said.",
    "The ferry's operator, Westerly Lines, said the blaze was put out within 40 minutes by the "
    "ship's own sprinkler system.",
    "Passengers were kept on the upper deck under blankets while tugs towed the vessel the last "
    "two miles into port.",
    "“The crew did exactly what they trained for, and nobody panicked,” said harbour master "
    "Odell Pryce.",
    "Westerly Lines has cancelled all sailings on the Selmouth route until Monday while "
    "engineers inspect the damage.",
    "The Aldis Star, built in 1998, passed its last safety inspection in March.",
    "The Marine Accident Branch said it had sent two inspectors to the harbour to begin an "
    "investigation.",
    "Some passengers complained that they were given no information for almost an hour after "
    "the alarm sounded.",
]
WIRE = outlet_article("a-wire", "Harbour Wire", WIRE_SENTENCES)

REWRITE = outlet_article("b-coastline", "Coastline Daily", [
    "A fire broke out in the engine room of the passenger ferry Aldis Star as it neared "
    "Selmouth harbour on Friday evening, forcing the crew to turn back with 214 passengers on "
    "board, the Harbour Wire reported.",
    "Two crew members were treated for smoke inhalation at Selmouth General Hospital, the "
    "coastguard said.",
    "According to the operator, Westerly Lines, the blaze was put out within 40 minutes by the "
    "ship's own sprinkler system.",
    "Passengers waited on the upper deck under blankets while tugs towed the vessel the last two "
    "miles into port.",
    "Westerly Lines has cancelled all sailings on the Selmouth route until Monday while "
    "engineers inspect the damage.",
    "Relatives gathered at the ferry terminal on Friday night waiting for news.",
])

ECHO = outlet_article("c-echo", "Selmouth Echo", [
    "Smoke poured from the Aldis Star on Friday evening as the ferry limped back towards "
    "Selmouth with 214 passengers huddled on deck.",
    "The blaze started in the engine room and was out within 40 minutes, according to Westerly "
    "Lines.",
    "Two crew members were taken to Selmouth General Hospital after breathing in smoke.",
    "“The crew did exactly what they trained for, and nobody panicked,” said harbour master "
    "Odell Pryce.",
    "Tugs brought the ship into port shortly after nine o'clock.",
    "Passenger Mira Castell, 52, said the wait on deck had felt endless.",
    "All sailings on the route have been cancelled until Monday.",
    "The Marine Accident Branch is investigating.",
])

RADIO = outlet_article("d-radio", "Southcoast Radio", [
    "A ferry carrying 214 passengers caught fire off Selmouth on Friday evening.",
    "Westerly Lines said the fire, in the ship's engine room, was put out by its sprinkler "
    "system in 40 minutes.",
    "“The crew did exactly what they trained for, and nobody panicked,” said harbour master "
    "Odell Pryce.",
    "Two members of the crew were being treated in hospital for smoke inhalation, police said.",
    "The Aldis Star was towed into Selmouth harbour by two tugs.",
    "The operator has cancelled all sailings on the route until Monday.",
    "Investigators from the Marine Accident Branch arrived at the harbour on Saturday morning.",
    "The cause of the fire is not yet known.",
])


def compare(*articles: Article) -> Alignment:
    return compare_articles(articles, created=CREATED)


def shared_sentences(derivation: Derivation) -> list[SharedSentence]:
    return [e for e in derivation.evidence if isinstance(e, SharedSentence)]


def test_independent_reports_of_one_event_are_not_linked() -> None:
    alignment = compare(ECHO, RADIO)
    # They do tell the same story: the same figures, names and quotation, in claims.
    both = [c for c in alignment.claims if len({m.article for m in c.members}) == 2]
    assert len(both) >= 4
    assert alignment.provenance == ()


def test_independent_reports_stay_unlinked_beside_a_real_rewrite() -> None:
    alignment = compare(WIRE, REWRITE, ECHO, RADIO)
    assert [(d.source, d.derived) for d in alignment.provenance] == [("a-wire", "b-coastline")]


def test_a_rewrite_that_credits_its_source() -> None:
    (derivation,) = compare(WIRE, REWRITE).provenance
    assert (derivation.source, derivation.derived) == ("a-wire", "b-coastline")
    assert derivation.relation is Relation.REWRITE
    assert derivation.order is Order.CREDIT
    sentences = shared_sentences(derivation)
    assert len(sentences) >= 4
    assert sum(s.closely for s in sentences) >= 3
    # Evidence names the sentences of both texts as they are.
    for shared in sentences:
        assert shared.source.text == WIRE.sentences[shared.source.sentence].text
        assert shared.derived.text == REWRITE.sentences[shared.derived.sentence].text
        assert all(run in shared.derived.text for run in shared.runs)
    (credit,) = [e for e in derivation.evidence if isinstance(e, Credit)]
    assert (credit.name, credit.kind, credit.sentence) == ("Harbour Wire", CreditKind.REPORTED, 0)
    assert credit.names == ("a-wire",)
    assert 0.5 < derivation.score <= 1
    assert derivation.summary == (
        "Coastline Daily ran Harbour Wire's copy: 5 of its 6 sentences follow Harbour Wire"
        " closely; it credits Harbour Wire once."
    )


def test_the_quoted_words_alone_are_no_evidence() -> None:
    quoted = WIRE_SENTENCES[4]
    one = outlet_article("e-one", "Selmouth Echo", [quoted, "The port stayed open."])
    other = outlet_article("f-other", "Southcoast Radio", [quoted, "Ferries were delayed."])
    assert find_derivations([one, other], compare(one, other).claims) == ()


def test_publication_order_says_which_came_first_without_a_credit() -> None:
    # The rewrite without its opening sentence, which credits the wire.
    later = outlet_article(
        "b-coastline", "Coastline Daily", [s.text for s in REWRITE.sentences[1:]],
        published="2026-05-09",
    )
    earlier = replace(WIRE, published="2026-05-08")
    (derivation,) = compare(later, earlier).provenance
    assert (derivation.source, derivation.derived, derivation.order) == (
        "a-wire", "b-coastline", Order.PUBLISHED)
    assert PublicationOrder(source="2026-05-08", derived="2026-05-09") in derivation.evidence
    assert "Harbour Wire was published first (2026-05-08, Coastline Daily 2026-05-09)" in (
        derivation.summary)


def test_two_texts_of_one_outlet_are_versions_not_copies() -> None:
    first = replace(ECHO, published="2026-05-08")
    update = outlet_article("c-echo-update", "Selmouth Echo", [
        "The Aldis Star will stay in Selmouth harbour for at least a week, Westerly Lines said.",
        "Engineers found that a fuel line had split above the port engine.",
    ], published="2026-05-10")
    (derivation,) = compare(first, update, RADIO).provenance
    assert derivation.relation is Relation.VERSION
    assert (derivation.source, derivation.derived) == ("c-echo", "c-echo-update")
    assert SameOutlet(outlet="Selmouth Echo") in derivation.evidence
    assert shared_sentences(derivation) == []
    assert derivation.score == 0
    assert "texts of one outlet, Selmouth Echo" in derivation.summary


def test_two_outlets_running_one_wire_copy_share_it() -> None:
    bay = outlet_article("g-bay", "Bay Courier", WIRE_SENTENCES[:6])
    coast = outlet_article("h-coast", "Coastline Daily", WIRE_SENTENCES[:4] + WIRE_SENTENCES[6:])
    (derivation,) = compare(bay, coast).provenance
    assert derivation.relation is Relation.SHARED
    assert derivation.order is Order.UNKNOWN
    credits = [e for e in derivation.evidence if isinstance(e, Credit)]
    assert {(c.article, c.name, c.kind) for c in credits} == {
        ("g-bay", "Harbour Wire", CreditKind.DATELINE),
        ("h-coast", "Harbour Wire", CreditKind.DATELINE),
    }
    assert "both credit Harbour Wire" in derivation.summary
    assert "which came first is not known" in derivation.summary


def test_a_credit_in_a_dropped_line_ties_one_shared_sentence() -> None:
    # One sentence in common is no link by itself; with the rewrite's closing credit it is.
    copied = WIRE_SENTENCES[7]
    wire = outlet_article("a-wire", "Harbour Wire", WIRE_SENTENCES[5:])
    paper = outlet_article("b-paper", "Coastline Daily", [
        "Ferry services from Selmouth remain suspended.", copied,
    ], dropped=(DroppedLine("Harbour Wire contributed to this report.", "credit"),))
    (derivation,) = compare(wire, paper).provenance
    assert (derivation.source, derivation.derived, derivation.order) == (
        "a-wire", "b-paper", Order.CREDIT)
    (credit,) = [e for e in derivation.evidence if isinstance(e, Credit)]
    assert credit.kind is CreditKind.CONTRIBUTED and credit.sentence is None
    without = replace(paper, dropped=())
    assert compare(wire, without).provenance == ()


def test_the_result_does_not_depend_on_the_order_of_the_articles() -> None:
    alignment = compare(WIRE, REWRITE, ECHO, RADIO)
    forward = trace_provenance(alignment.articles, alignment.claims)
    backward = trace_provenance(alignment.articles[::-1], alignment.claims)
    assert forward[0] == backward[0]


# --- the demo story's planted chain --------------------------------------------------


@pytest.fixture(scope="module")
def demo() -> Alignment:
    """The saved demo alignment (tests/test_saved_alignments.py keeps it current)."""
    return read_alignment(REPO / "alignments" / "kessford-spill.json")


def test_demo_chain_wire_to_aggregator_to_blog_is_found_in_order(demo: Alignment) -> None:
    links = {(d.source, d.derived): d for d in demo.provenance}
    wire, aggregator, blog = "01-meridian-wire", "newspulse-2026-03-04", "marrow-angler-2026-03-05"
    first, second = links[(wire, aggregator)], links[(aggregator, blog)]
    assert first.relation is second.relation is Relation.REWRITE
    assert first.order is Order.CREDIT and second.order is Order.CREDIT
    assert PublicationOrder(source="2026-03-04", derived="2026-03-05") in second.evidence
    assert len(shared_sentences(first)) >= 8 and len(shared_sentences(second)) >= 5
    # The blog reaches the wire only through the aggregator.
    through = links[(wire, blog)]
    assert through.via == aggregator and through.order is Order.VIA
    assert through.score < min(first.score, second.score)
    assert [(d.source, d.derived) for d in demo.provenance[:2]] == [
        (wire, aggregator), (aggregator, blog)]


def test_demo_outlets_written_on_their_own_are_not_linked(demo: Alignment) -> None:
    chain = {"01-meridian-wire", "newspulse-2026-03-04", "marrow-angler-2026-03-05"}
    assert all({d.source, d.derived} <= chain for d in demo.provenance)


def test_demo_evidence_names_real_sentences(demo: Alignment) -> None:
    sentences = {(a.id, s.index): s.text for a in demo.articles for s in a.sentences}
    assert demo.provenance
    for derivation in demo.provenance:
        assert 0 <= derivation.score <= 1
        for shared in shared_sentences(derivation):
            assert sentences[(shared.source.article, shared.source.sentence)] == shared.source.text
            assert sentences[(shared.derived.article, shared.derived.sentence)] == (
                shared.derived.text)
            assert shared.derived.article == derivation.derived


# --- outlet profiles -------------------------------------------------------------------


def test_outlet_profiles_count_what_each_outlet_shares_adds_omits_and_alters() -> None:
    articles = [
        outlet_article(i, outlet, ["One.", "Two."]) for i, outlet in
        (("a", "Harbour Wire"), ("b", "Coastline Daily"), ("c", "Selmouth Echo"))
    ]

    def claim(claim_id: str, present: str, *divergences: Divergence) -> Claim:
        return Claim(
            id=claim_id, label=claim_id, reference=present[0], quotes=(), numbers=(),
            members=tuple(Member(article=a, sentence=0, score=1.0, text="One.") for a in present),
            divergences=divergences,
            missing_from=tuple(a for a in "abc" if a not in present),
        )

    changed = Divergence(DivergenceType.NUMBER_CHANGED, ("b",), "a", "214 → 241 passengers")
    misquoted = Divergence(DivergenceType.QUOTE_ALTERED, ("c",), "a", "trained → were trained")
    claims = [claim("c1", "abc", changed, misquoted), claim("c2", "a"), claim("c3", "bc")]
    wire, paper, echo = profile_outlets(articles, claims)
    assert (wire.shared, wire.added, wire.omitted, wire.altered) == (("c1",), ("c2",), ("c3",), ())
    assert (paper.shared, paper.added, paper.omitted, paper.altered) == (
        ("c1", "c3"), (), (), ("c1",))
    assert paper.figures == (
        FigureChange(claim="c1", type=DivergenceType.NUMBER_CHANGED, detail="214 → 241 passengers"),
    )
    assert echo.altered == ("c1",) and echo.figures == ()


def test_demo_profiles_show_whom_each_outlet_credits(demo: Alignment) -> None:
    profiles = {p.article: p for p in demo.outlets}
    assert [p.article for p in demo.outlets] == [a.id for a in demo.articles]
    clarion = profiles["03-daily-clarion"]
    assert ("Ledger", CreditKind.REPORTED, ("the-ledger-2026-03-05",)) in [
        (c.name, c.kind, c.names) for c in clarion.credits]
    assert clarion.figures, "the Clarion's changed figures"
    angler = profiles["marrow-angler-2026-03-05"]
    assert [(c.name, c.names) for c in angler.credits] == [
        ("NewsPulse", ("newspulse-2026-03-04",))]
