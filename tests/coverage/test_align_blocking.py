"""Candidate pairs: a big story scores only the sentence pairs that share a rare word,
a name, a figure or a quotation's word, and gets the claims scoring every pair gives."""

from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from storydiff.coverage.align import _build_corpus, align_sentences, candidate_pairs, score_pairs
from storydiff.coverage.pipeline import compare_articles
from storydiff.coverage.settings import Settings
from tests.coverage.test_align import make_article

FERRY = [
    make_article("harbour-post", [
        "The Orla Bay ferry ran aground on a sandbank off Crail Point early on Sunday.",
        "All 214 passengers and 9 crew were taken off by lifeboats within three hours.",
        "\"The sea was calm and the captain kept everyone in their seats,\" said passenger "
        "Ines Varga.",
        "The operator, Westmark Lines, said the ship had been inspected in March.",
        "Divers will check the hull for damage on Monday.",
    ]),
    make_article("coast-radio", [
        "A ferry carrying 214 passengers grounded on a sandbank near Crail Point on Sunday "
        "morning.",
        "Lifeboat crews brought everyone ashore in under three hours.",
        "\"The sea was calm and the captain kept everyone in their seats,\" passenger Ines "
        "Varga told reporters.",
        "Westmark Lines said the vessel passed an inspection in March.",
        "The harbour master closed the channel to other shipping.",
    ]),
    make_article("daily-tide", [
        "More than 240 passengers were rescued after the Orla Bay ferry hit a sandbank.",
        "\"The sea was rough and the captain kept everyone in their seats,\" said Ines Varga.",
        "Westmark Lines, which runs the route, said the ship was inspected in May.",
        "Divers are due to examine the hull on Monday.",
        "It is the second grounding at Crail Point in four years.",
    ]),
    make_article("valley-news", [
        "Lifeboats took 214 passengers and nine crew off a stranded ferry at Crail Point.",
        "Westmark Lines said the Orla Bay had been inspected in March.",
        "The harbour master shut the channel while the tide turned.",
        "Local schools opened their halls to passengers waiting for buses.",
    ]),
]


def test_candidates_give_the_claims_every_pair_gives() -> None:
    every = align_sentences(FERRY, settings=Settings(pair_scoring="all"))
    blocked = align_sentences(FERRY, settings=Settings(pair_scoring="blocked"))
    assert [c.members for c in blocked] == [c.members for c in every]
    assert [dict(c.scores) for c in blocked] == [dict(c.scores) for c in every]


def test_candidates_give_the_divergences_every_pair_gives() -> None:
    every = compare_articles(FERRY, settings=Settings(pair_scoring="all"), created="t")
    blocked = compare_articles(FERRY, settings=Settings(pair_scoring="blocked"), created="t")
    assert blocked.claims == every.claims
    changed = {d.type.value for c in blocked.claims for d in c.divergences}
    assert {"number_changed", "quote_altered"} <= changed


def test_candidates_leave_out_pairs_that_share_nothing_telling() -> None:
    corpus = _build_corpus(FERRY)
    p, q = candidate_pairs(corpus)
    pairs = set(zip(p.tolist(), q.tolist(), strict=True))
    texts = [corpus.texts[r] for r in corpus.representatives]

    def ids(fragment: str) -> int:
        (found,) = [n for n, t in enumerate(texts) if fragment in t]
        return found

    grounded, schools = ids("ran aground"), ids("Local schools")
    ran_aground, hit_sandbank = ids("ran aground"), ids("hit a sandbank")
    assert (min(grounded, schools), max(grounded, schools)) not in pairs
    assert (min(ran_aground, hit_sandbank), max(ran_aground, hit_sandbank)) in pairs
    all_pairs = len(texts) * (len(texts) + 1) // 2
    assert len(pairs) < all_pairs / 2


def test_a_sentence_two_outlets_share_word_for_word_is_scored_once() -> None:
    twin = make_article("twin", [s.text for s in FERRY[0].sentences])
    corpus = _build_corpus([FERRY[0], twin])
    assert len(corpus.representatives) == len(FERRY[0].sentences)
    scores = score_pairs(corpus, Settings(pair_scoring="blocked"))
    claims = align_sentences([FERRY[0], twin], settings=Settings(pair_scoring="blocked"))
    assert scores.scored <= len(corpus.representatives) ** 2
    assert all(len(c.members) == 2 for c in claims)


@hypothesis_settings(max_examples=15, deadline=None)
@given(st.permutations(range(len(FERRY))))
def test_candidates_do_not_depend_on_article_order(order: list[int]) -> None:
    articles = [FERRY[n] for n in order]
    every = align_sentences(articles, settings=Settings(pair_scoring="all"))
    blocked = align_sentences(articles, settings=Settings(pair_scoring="blocked"))
    assert [c.members for c in blocked] == [c.members for c in every]
