"""Word-level diffs: chunks join back to both texts, typography is not a change."""

from hypothesis import given
from hypothesis import strategies as st

from storydiff.coverage.diff import changed_share, tokenize, word_diff
from storydiff.coverage.model import DiffOp


def ops(reference: str, text: str) -> list[tuple[str, str, str]]:
    return [(c.op.value, c.reference, c.text) for c in word_diff(reference, text)]


def test_changed_number_is_one_replace_chunk() -> None:
    assert ops("The council closed 712 schools.", "The council closed 700 schools.") == [
        ("equal", "The council closed ", "The council closed "),
        ("replace", "712 ", "700 "),
        ("equal", "schools.", "schools."),
    ]


def test_inserted_and_deleted_words() -> None:
    chunks = word_diff("more than 40 people left", "40 people quietly left")
    assert [c.op for c in chunks] == [DiffOp.DELETE, DiffOp.EQUAL, DiffOp.INSERT, DiffOp.EQUAL]
    assert chunks[0].reference == "more than "
    assert chunks[2].text == "quietly "


def test_curly_quotes_and_case_are_not_changes() -> None:
    chunks = word_diff("She said “we will rebuild”.", 'she said "We will rebuild".')
    assert [c.op for c in chunks] == [DiffOp.EQUAL]


def test_identical_texts_have_nothing_changed() -> None:
    assert changed_share(word_diff("a b c", "a b c")) == 0.0
    assert changed_share(word_diff("a b c", "x y z")) == 1.0


@given(st.text(), st.text())
def test_chunks_join_back_to_both_texts(reference: str, text: str) -> None:
    chunks = word_diff(reference, text)
    assert "".join(c.reference for c in chunks) == reference
    assert "".join(c.text for c in chunks) == text


@given(st.text())
def test_tokens_join_back(text: str) -> None:
    assert "".join(tokenize(text)) == text
