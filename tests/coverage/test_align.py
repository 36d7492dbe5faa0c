"""Alignment: paraphrases meet, common words do not, every sentence lands once."""

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from storydiff.coverage.align import (
    align_sentences,
    content_terms,
    distinctive_values,
    normalize,
    phrase_bigrams,
)
from storydiff.coverage.model import Article, Sentence
from storydiff.coverage.settings import Settings


def make_article(article_id: str, sentences: Sequence[str]) -> Article:
    text = " ".join(sentences)
    spans, start = [], 0
    for index, sentence in enumerate(sentences):
        spans.append(Sentence(index=index, text=sentence, start=start, end=start + len(sentence)))
        start += len(sentence) + 1
    return Article(id=article_id, path=f"{article_id}.txt", outlet=article_id, title=None,
                   url=None, published=None, author=None, text=text, sentences=tuple(spans),
                   dropped=())


WIRE = make_article("wire", [
    "Fire crews pulled 38 people from the flooded Corran tunnel late on Tuesday.",
    "The port authority said 4,812 tonnes of grain were lost when the silo collapsed.",
    "Harbour master Ilse Brandt called the collapse a failure of maintenance.",
    "Schools in the district will stay closed until Friday.",
])
TABLOID = make_article("tabloid", [
    "A staggering 4,812 tonnes of grain vanished as the silo came down, port bosses admitted.",
    "Heroic firefighters rescued 38 trapped people from the Corran tunnel.",
    "Local football fans will stay at home on Friday.",
])
BLOG = make_article("blog", [
    "Harbour master Ilse Brandt blamed poor maintenance for the collapse.",
    "I visited the port last summer and the silo already looked rusty.",
])


def claims_as_texts(articles: Sequence[Article], **overrides: object) -> list[set[str]]:
    claims = align_sentences(articles, settings=Settings(**overrides))  # type: ignore[arg-type]
    return [{articles[a].sentences[i].text for a, i in c.members} for c in claims]


def claim_with(claims: list[set[str]], fragment: str) -> set[str]:
    (claim,) = [c for c in claims if any(fragment in text for text in c)]
    return claim


def test_paraphrase_with_shared_numbers_aligns() -> None:
    claims = claims_as_texts([WIRE, TABLOID, BLOG])
    grain = claim_with(claims, "4,812 tonnes of grain were lost")
    assert any("grain vanished" in t for t in grain)
    rescue = claim_with(claims, "pulled 38 people")
    assert any("rescued 38 trapped" in t for t in rescue)


def test_same_quote_frame_changed_aligns() -> None:
    claims = claims_as_texts([WIRE, TABLOID, BLOG])
    brandt = claim_with(claims, "called the collapse")
    assert any("blamed poor maintenance" in t for t in brandt)


def test_a_shared_common_word_is_not_a_claim() -> None:
    claims = claims_as_texts([WIRE, TABLOID, BLOG])
    schools = claim_with(claims, "Schools in the district")
    assert schools == {"Schools in the district will stay closed until Friday."}


def test_every_sentence_is_in_exactly_one_claim() -> None:
    articles = [WIRE, TABLOID, BLOG]
    claims = align_sentences(articles, settings=Settings())
    keys = [key for claim in claims for key in claim.members]
    expected = [(a, s.index) for a, art in enumerate(articles) for s in art.sentences]
    assert sorted(keys) == sorted(expected)


def test_no_claim_holds_two_sentences_of_one_article_without_a_split() -> None:
    claims = align_sentences([WIRE, TABLOID, BLOG], settings=Settings(allow_split=False))
    for claim in claims:
        positions = [a for a, _ in claim.members]
        assert len(positions) == len(set(positions))


def test_claim_split_over_two_sentences_is_joined() -> None:
    whole = make_article("whole", [
        "The inspectors found cracks in 14 pillars and ordered the bridge closed for a month.",
        "Ferries will run every hour instead.",
    ])
    split = make_article("split", [
        "Ferries will run every hour instead.",
        "The inspectors found cracks in 14 pillars.",
        "They ordered the bridge closed for a month.",
    ])
    claims = claims_as_texts([whole, split])
    cracks = claim_with(claims, "cracks in 14 pillars and ordered")
    assert "They ordered the bridge closed for a month." in cracks
    assert len(cracks) == 3


def test_scores_are_between_zero_and_one() -> None:
    for claim in align_sentences([WIRE, TABLOID, BLOG], settings=Settings()):
        assert all(0.0 <= s <= 1.0 for s in claim.scores.values())
        assert set(claim.scores) == set(claim.members)


def test_normalize_is_idempotent_on_examples() -> None:
    for text in ["“7,785 Organs”", "  A — B  ", "Don’t"]:
        assert normalize(normalize(text)) == normalize(text)


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


def test_distinctive_values_skip_years_and_small_counts() -> None:
    assert distinctive_values("In 2015, 7,785 organs and 3 hearts; 2.5 percent") == {
        "count::7785", "percent::2.5"
    }


def test_distinctive_values_keep_kinds_and_units_apart() -> None:
    assert distinctive_values("for eleven years") != distinctive_values("11 vessels")


def test_content_terms_meet_across_inflections() -> None:
    assert set(content_terms("organs transplanted")) == set(content_terms("organ transplants"))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.text(min_size=1, max_size=60), min_size=1, max_size=4),
                min_size=1, max_size=3))
def test_alignment_never_raises_and_covers_everything(texts: list[list[str]]) -> None:
    articles = [make_article(f"a{n}", sentences) for n, sentences in enumerate(texts)]
    claims = align_sentences(articles, settings=Settings())
    assert sum(len(c.members) for c in claims) == sum(len(t) for t in texts)


def test_sentence_that_folds_two_claims_joins_both() -> None:
    first = make_article("first", [
        "The storm destroyed 312 homes along the northern coast.",
        "Repairs to the sea wall will cost 4.5 million euros, the council said.",
    ])
    second = make_article("second", [
        "Along the northern coast, 312 homes were destroyed by the storm.",
        "The council said repairing the sea wall will cost 4.5 million euros.",
    ])
    folded = make_article("folded", [
        "The storm destroyed 312 homes on the northern coast, and repairing the sea wall"
        " will cost 4.5 million euros.",
    ])
    claims = claims_as_texts([first, second, folded])
    homes = claim_with(claims, "destroyed 312 homes along")
    wall = claim_with(claims, "Repairs to the sea wall")
    assert folded.sentences[0].text in homes
    assert folded.sentences[0].text in wall


def test_phrases_leave_out_titles_that_lead_into_names() -> None:
    phrases = phrase_bigrams("Forensic accountant Lyle Brenner found storm drains blocked.")
    assert ("forensic", "accountant") not in phrases
    assert ("storm", "drain") in phrases


def test_phrases_keep_words_before_a_preposition_and_a_name() -> None:
    phrases = phrase_bigrams("Crews cleared blocked storm drains across Eastbury overnight.")
    assert ("storm", "drain") in phrases


def test_earlier_event_naming_the_same_people_stays_apart() -> None:
    # The third outlet names the audit's authors by the same titles, but its sentence is
    # about an interview years before; titles alone must not carry it into the claim.
    first = make_article("first", [
        "A new audit by retired judge Marta Okafor and forensic accountant Lyle Brenner "
        "says the port overbilled the city for a decade.",
        "The council meets on Thursday to discuss the findings.",
    ])
    second = make_article("second", [
        "The audit was written by retired judge Marta Okafor and forensic accountant "
        "Lyle Brenner to expose billing at the port.",
        "Councillors will debate the findings on Thursday.",
    ])
    third = make_article("third", [
        "Three years ago, this paper interviewed forensic accountant Lyle Brenner about "
        "his first inquiry with retired judge Marta Okafor into the harbour trust.",
        "Dock workers say little has changed since then.",
    ])
    claims = claims_as_texts([first, second, third])
    authors = claim_with(claims, "A new audit by")
    assert any(text.startswith("The audit was written") for text in authors)
    assert not any(text.startswith("Three years ago") for text in authors)


def test_highlight_bullets_do_not_join_as_a_split() -> None:
    # Bullet highlights have no closing punctuation: each is its own point, so the bullet
    # before the one a sentence matched is not the first half of that claim, even when
    # the sentence touches on both.
    wire = make_article("wire", [
        "The water board says the reservoir holds 40 billion litres of water each summer, "
        "but campaigners believe the real figure is far lower.",
        "Hosepipes are banned from Monday.",
    ])
    highlights = make_article("highlights", [
        "Campaigners say the reservoir holds far less water each summer",
        "That contrasts with the water board figure of 40 billion litres",
        "Farmers warn of failed harvests",
    ])
    claims = claims_as_texts([wire, highlights])
    board = claim_with(claims, "The water board says")
    assert "That contrasts with the water board figure of 40 billion litres" in board
    assert "Campaigners say the reservoir holds far less water each summer" not in board


def test_a_misquoted_figure_still_aligns_with_the_figure_it_misquotes() -> None:
    # The changed value no longer anchors the sentence; a figure of the same kind and
    # about the same size, where the others give theirs, still does.
    gazette = make_article("gazette", [
        "Turnout was 44.6 percent, down from 47.3 percent at the last election.",
        "The mayor thanked the count staff for working through the night.",
    ])
    radio = make_article("radio", [
        "Turnout was 41.6%, the lowest in two decades and down from 47.3%.",
        "Count staff worked through the night, the mayor said.",
    ])
    wire = make_article("wire", [
        "Turnout was 41.6 percent.",
        "A recount has been ordered for Thursday.",
    ])
    claims = claims_as_texts([gazette, radio, wire])
    turnout = claim_with(claims, "Turnout was 41.6 percent.")
    assert "Turnout was 44.6 percent, down from 47.3 percent at the last election." in turnout
    assert len(turnout) == 3


def test_a_quotation_split_over_two_sentences_joins_whole() -> None:
    # One outlet breaks the prosecutor's two-sentence quotation around "she said"; the
    # others quote it in one sentence. Both halves belong to that claim, and the first
    # half joins even with a word changed.
    court = make_article("court", [
        "The trial opened on Monday at the district court.",
        '"This was no lapse of judgement," Ms Marsh said.',
        '"For two years the accused sold the honesty of the port, one crate at a time."',
        "The defence will open its case next week.",
    ])
    local = make_article("local", [
        'Prosecutor Ada Marsh told the court: "This was not a lapse of judgement. For two '
        'years the accused sold the honesty of the port, one crate at a time."',
        "The trial is expected to last three weeks.",
    ])
    national = make_article("national", [
        'Prosecutor Ada Marsh said: "This was not a lapse of judgement. For two years the '
        'accused sold the honesty of the port, one crate at a time."',
    ])
    claims = claims_as_texts([court, local, national])
    quotation = claim_with(claims, "Prosecutor Ada Marsh told the court")
    assert '"This was no lapse of judgement," Ms Marsh said.' in quotation
    assert len(quotation) == 4
