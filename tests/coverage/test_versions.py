"""One version per outlet: split claims joined, reference first, rewrites recognised."""

from storydiff.coverage.diff import word_diff
from storydiff.coverage.model import Claim, Member
from storydiff.coverage.versions import is_rewrite, versions


def claim_of(*members: Member, reference: str = "ref") -> Claim:
    return Claim(id="c1", label="x", members=members, reference=reference, quotes=(),
                 numbers=(), divergences=(), missing_from=())


REFERENCE = "The council closed 14 roads near the port on Monday."


def test_split_version_joins_its_sentences_and_keeps_the_joined_diff() -> None:
    joined = "The council closed 14 roads. They were near the port on Monday."
    claim = claim_of(
        Member("split", 4, 0.7, "They were near the port on Monday."),
        Member("ref", 0, 1.0, REFERENCE),
        Member("split", 3, 0.8, "The council closed 14 roads.", word_diff(REFERENCE, joined)),
    )
    ref, split = versions(claim)
    assert ref.article == "ref" and ref.diff == ()
    assert split.text == joined
    assert "".join(c.text for c in split.diff) == joined
    assert split.score == 0.8
    assert [m.sentence for m in split.members] == [3, 4]


def test_light_edit_is_no_rewrite_but_a_new_sentence_is() -> None:
    light = "The council closed 14 schools near the port on Monday."
    heavy = "Fourteen routes into the harbour were shut as the week began, officials said."
    claim = claim_of(
        Member("ref", 0, 1.0, REFERENCE),
        Member("light", 0, 0.9, light, word_diff(REFERENCE, light)),
        Member("heavy", 0, 0.4, heavy, word_diff(REFERENCE, heavy)),
    )
    by_article = {v.article: v for v in versions(claim)}
    assert not is_rewrite(by_article["ref"])
    assert not is_rewrite(by_article["light"])
    assert is_rewrite(by_article["heavy"])
