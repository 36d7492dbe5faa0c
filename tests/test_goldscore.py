"""The gold scorer on tiny hand-built alignments, and the gold files against their articles.

The scorer is what floors are pinned on, so it is tested like core code: a perfect
alignment scores 1.0, each kind of mistake costs exactly what it should. The gold
files are checked against the article texts so an edited article cannot leave a
substring that no longer matches (or now matches twice).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from storydiff.coverage.model import (
    Alignment,
    Article,
    Claim,
    Divergence,
    DivergenceType,
    Member,
    Sentence,
)
from tests.goldscore import (
    collapse,
    gold_problems,
    load_gold,
    locate_substring,
    score_alignment,
    strip_markdown,
)

REPO = Path(__file__).resolve().parents[1]
DEMO_GOLD = REPO / "tests" / "gold" / "demo.json"
FLOORS = REPO / "tests" / "gold" / "floors.json"
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"

WIRE_SENTENCES = (
    "Crews pumped 40 percent of the oil out.",
    "The mayor said the water was safe.",
    "The port has 12 cranes.",
)
PAPER_SENTENCES = (
    "About 40% of the oil has been pumped out, crews said.",
    "The water is safe, said the health board.",
    "Menu Sport Weather",
)

GOLD: dict = {
    "articles": ["01-wire.txt", "02-paper.txt"],
    "claims": [
        {
            "id": "pumped-40",
            "members": [
                {"file": "01-wire.txt", "substring": "pumped 40 percent of the oil"},
                {"file": "02-paper.txt", "substring": "40% of the oil has been pumped out"},
            ],
        },
        {
            "id": "water-safe",
            "members": [
                {"file": "01-wire.txt", "substring": "The mayor said the water was safe"},
                {"file": "02-paper.txt", "substring": "The water is safe, said the health board"},
            ],
        },
        {
            "id": "cranes",
            "members": [{"file": "01-wire.txt", "substring": "The port has 12 cranes"}],
        },
    ],
    "divergences": [
        {"type": "attribution_changed", "claim": "water-safe", "departing": ["02-paper.txt"]},
        {
            "type": "qualifier_changed",
            "claim": "pumped-40",
            "between": ["01-wire.txt", "02-paper.txt"],
            "tolerate": ["number_changed"],
        },
    ],
    "boilerplate": [{"file": "02-paper.txt", "substring": "Menu Sport Weather"}],
    "metadata": [
        {"file": "02-paper.txt", "field": "outlet", "value": "The Paper"},
        {"file": "02-paper.txt", "field": "author", "value": "Ada Byline"},
    ],
}


def make_article(article_id: str, path: str, texts: tuple[str, ...], **fields: str) -> Article:
    sentences, start = [], 0
    for index, text in enumerate(texts):
        sentences.append(Sentence(index=index, text=text, start=start, end=start + len(text)))
        start += len(text) + 1
    return Article(
        id=article_id,
        path=path,
        outlet=fields.get("outlet", article_id),
        title=None,
        url=None,
        published=fields.get("published"),
        author=fields.get("author"),
        text=" ".join(texts),
        sentences=tuple(sentences),
        dropped=(),
    )


def make_claim(claim_id: str, keys: list[tuple[str, int]], *divergences: Divergence) -> Claim:
    return Claim(
        id=claim_id,
        label=claim_id,
        members=tuple(Member(article=a, sentence=s, score=1.0, text="") for a, s in keys),
        reference=keys[0][0],
        quotes=(),
        numbers=(),
        divergences=divergences,
        missing_from=(),
    )


def attribution(*articles: str) -> Divergence:
    return Divergence(
        type=DivergenceType.ATTRIBUTION_CHANGED, articles=articles, reference="wire", detail=""
    )


def qualifier(*articles: str, reference: str = "wire") -> Divergence:
    return Divergence(
        type=DivergenceType.QUALIFIER_CHANGED, articles=articles, reference=reference, detail=""
    )


WIRE = make_article("wire", "articles/x/01-wire.txt", WIRE_SENTENCES)
PAPER = make_article(
    "paper", "/abs/articles/x/02-paper.txt", PAPER_SENTENCES[:2],
    outlet="The Paper", author="ada byline ",
)
PERFECT = Alignment(
    created="2026-01-01T00:00:00Z",
    settings={},
    articles=(WIRE, PAPER),
    claims=(
        make_claim("c1", [("wire", 0), ("paper", 0)], qualifier("paper")),
        make_claim("c2", [("wire", 1), ("paper", 1)], attribution("paper")),
        make_claim("c3", [("wire", 2)]),
    ),
    figures=(),
)


@pytest.fixture
def story_dir(tmp_path: Path) -> Path:
    (tmp_path / "01-wire.txt").write_text("\n".join(WIRE_SENTENCES), encoding="utf-8")
    (tmp_path / "02-paper.txt").write_text("\n".join(PAPER_SENTENCES), encoding="utf-8")
    return tmp_path


def with_claims(*claims: Claim) -> Alignment:
    return replace(PERFECT, claims=claims)


def test_a_perfect_alignment_scores_full_marks(story_dir: Path) -> None:
    score = score_alignment(PERFECT, GOLD, story_dir=story_dir)
    assert (score.pair_recall, score.pair_precision) == (1.0, 1.0)
    assert (score.gold_pairs, score.judged_pairs) == (2, 2)
    assert (score.divergences_found, score.divergences_total) == (2, 2)
    assert (score.boilerplate_leaks, score.metadata_hits) == (0, 2)
    assert score.unlocated_members == ()


def test_a_missing_pair_lowers_recall_and_is_listed(story_dir: Path) -> None:
    alignment = with_claims(
        PERFECT.claims[0], make_claim("w", [("wire", 1)]), make_claim("p", [("paper", 1)])
    )
    score = score_alignment(alignment, GOLD, story_dir=story_dir)
    assert score.pair_recall == 0.5
    assert score.pair_precision == 1.0
    assert len(score.missed_pairs) == 1 and score.missed_pairs[0].startswith("water-safe:")


def test_a_wrong_pair_lowers_precision(story_dir: Path) -> None:
    alignment = with_claims(
        PERFECT.claims[0], PERFECT.claims[1], make_claim("bad", [("wire", 2), ("paper", 1)])
    )
    score = score_alignment(alignment, GOLD, story_dir=story_dir)
    assert score.pair_recall == 1.0
    assert score.correct_pairs == 2 and score.judged_pairs == 3
    assert score.pair_precision == pytest.approx(2 / 3)
    assert "cranes" in score.wrong_pairs[0] and "water-safe" in score.wrong_pairs[0]


def test_pairs_the_gold_does_not_touch_are_not_judged(story_dir: Path) -> None:
    extra = make_article("blog", "03-blog.txt", ("Unrelated words here.",))
    alignment = replace(
        PERFECT,
        articles=(*PERFECT.articles, extra),
        claims=(*PERFECT.claims, make_claim("x", [("blog", 0), ("paper", 99)])),
    )
    score = score_alignment(alignment, GOLD, story_dir=story_dir)
    assert (score.judged_pairs, score.pair_precision) == (2, 1.0)


def test_a_divergence_of_the_wrong_type_is_not_a_hit(story_dir: Path) -> None:
    wrong_type = Divergence(
        type=DivergenceType.QUOTE_ALTERED, articles=("paper",), reference="wire", detail=""
    )
    alignment = with_claims(
        PERFECT.claims[0], make_claim("c2", [("wire", 1), ("paper", 1)], wrong_type)
    )
    score = score_alignment(alignment, GOLD, story_dir=story_dir)
    assert score.divergences_found == 1
    assert score.missed_divergences[0].startswith("attribution_changed on water-safe")


def test_a_tolerated_type_counts_and_blame_must_fall_on_the_departing_article(
    story_dir: Path,
) -> None:
    number = Divergence(
        type=DivergenceType.NUMBER_CHANGED, articles=("wire",), reference="paper", detail=""
    )
    alignment = with_claims(
        make_claim("c1", [("wire", 0), ("paper", 0)], number),
        make_claim("c2", [("wire", 1), ("paper", 1)], attribution("wire")),
    )
    score = score_alignment(alignment, GOLD, story_dir=story_dir)
    # number_changed is tolerated on the 'between' pair; blaming the wire for the
    # paper's attribution is not the planted change.
    assert score.divergences_found == 1
    assert "water-safe" in score.missed_divergences[0]


def test_a_between_divergence_needs_both_versions_in_the_claim(story_dir: Path) -> None:
    alignment = with_claims(
        make_claim("c1", [("paper", 0)], qualifier("paper")), PERFECT.claims[1]
    )
    score = score_alignment(alignment, GOLD, story_dir=story_dir)
    assert score.divergences_found == 1
    assert score.missed_divergences[0].startswith("qualifier_changed on pumped-40")


def test_boilerplate_in_a_sentence_is_a_leak(story_dir: Path) -> None:
    leaky = replace(PAPER, sentences=(*PAPER.sentences, Sentence(2, "Menu Sport Weather", 0, 18)))
    score = score_alignment(replace(PERFECT, articles=(WIRE, leaky)), GOLD, story_dir=story_dir)
    assert score.boilerplate_leaks == 1
    assert score.leaked_boilerplate == ("02-paper.txt: Menu Sport Weather",)


def test_boilerplate_leaks_even_when_its_markdown_was_stripped(story_dir: Path) -> None:
    assert strip_markdown("[Terms](#) by **Ann Lee, Post**") == "Terms by Ann Lee, Post"
    gold = {**GOLD, "boilerplate": [{"file": "02-paper.txt", "substring": "[Sport Weather](#)"}]}
    leaky = replace(PAPER, sentences=(*PAPER.sentences, Sentence(2, "Menu Sport Weather", 0, 18)))
    score = score_alignment(replace(PERFECT, articles=(WIRE, leaky)), gold, story_dir=story_dir)
    assert score.boilerplate_leaks == 1


def test_metadata_is_compared_without_case_or_surrounding_space(story_dir: Path) -> None:
    anonymous = replace(PAPER, author=None)
    score = score_alignment(replace(PERFECT, articles=(WIRE, anonymous)), GOLD, story_dir=story_dir)
    assert score.metadata_hits == 1
    assert score.missed_metadata == ("02-paper.txt: author: want 'Ada Byline', got None",)


def test_a_substring_across_two_sentences_maps_to_both() -> None:
    assert locate_substring(WIRE, "oil out. The mayor") == frozenset({("wire", 0), ("wire", 1)})
    assert locate_substring(WIRE, "not in the article") == frozenset()


def test_an_unlocated_member_is_reported_and_its_pairs_missed(story_dir: Path) -> None:
    reworded = replace(
        PAPER, sentences=(PAPER.sentences[0], Sentence(1, "Officials called it fine.", 0, 25))
    )
    score = score_alignment(replace(PERFECT, articles=(WIRE, reworded)), GOLD, story_dir=story_dir)
    assert score.unlocated_members == (
        "water-safe: 02-paper.txt: The water is safe, said the health board",
    )
    assert score.pair_recall == 0.5


def test_gold_naming_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="missing article"):
        score_alignment(PERFECT, GOLD, story_dir=tmp_path)


def test_the_report_shows_figures_and_misses(story_dir: Path) -> None:
    alignment = with_claims(PERFECT.claims[0])
    report = score_alignment(alignment, GOLD, story_dir=story_dir).format_report()
    assert "pair recall     0.500  (1/2)" in report
    assert "gold pairs not aligned (1):" in report
    assert "divergences not reported (1):" in report


def test_collapse_treats_any_whitespace_and_curly_quotes_alike() -> None:
    assert collapse(" a\u00a0\n\t\u201cb\u201d  c ") == 'a "b" c'


def test_load_gold_rejects_a_file_without_claims(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"articles": []}), encoding="utf-8")
    with pytest.raises(ValueError, match="claims"):
        load_gold(path)


def test_gold_problems_finds_a_duplicated_substring(story_dir: Path) -> None:
    gold = {**GOLD, "boilerplate": [{"file": "01-wire.txt", "substring": "the"}]}
    assert gold_problems(gold, story_dir=story_dir) == (
        "boilerplate: 01-wire.txt: found 2 times: the",
    )


# --- the gold files against their articles -------------------------------------------


def test_the_demo_gold_matches_the_demo_articles() -> None:
    gold = load_gold(DEMO_GOLD)
    story_dir = REPO / gold["story"]
    assert sorted(gold["articles"]) == sorted(p.name for p in story_dir.iterdir())
    assert gold_problems(gold, story_dir=story_dir) == ()


def test_the_demo_gold_plants_two_of_every_divergence_type() -> None:
    gold = load_gold(DEMO_GOLD)
    types = [d["type"] for d in gold["divergences"]]
    for kind in ("number_changed", "number_subject_changed", "qualifier_changed",
                 "quote_altered", "attribution_changed"):
        assert types.count(kind) >= 2, kind


def test_the_seeds_gold_matches_the_seeds() -> None:
    gold_path = SHARED / "gold" / "seeds.json"
    if not gold_path.is_file() or not (SHARED / "seeds").is_dir():
        pytest.skip(f"shared seeds or gold not found under {SHARED.resolve()}")
    gold = load_gold(gold_path)
    assert gold_problems(gold, story_dir=SHARED / "seeds") == ()


def test_the_floors_cover_both_gold_files() -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    for name in ("seeds", "demo"):
        assert set(floors[name]) == {
            "pair_recall", "pair_precision", "divergences_found", "boilerplate_leaks",
            "metadata_hits",
        }
