"""The alignment file: round trip, atomic writes, strict reads with one-line errors."""

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storydiff.coverage.model import (
    SCHEMA,
    Alignment,
    Article,
    Claim,
    ClaimNumber,
    ClaimQuote,
    DiffChunk,
    DiffOp,
    Divergence,
    DivergenceType,
    DroppedLine,
    Evidence,
    Figure,
    FigureMention,
    Member,
    NumberKind,
    Sentence,
)
from storydiff.coverage.store import (
    alignment_from_dict,
    dumps_alignment,
    read_alignment,
    write_alignment,
    write_text_atomic,
)
from storydiff.errors import AlignmentFormatError, OutputError

text = st.text(max_size=30)
maybe = st.none() | text
ids = st.text(alphabet="abcdefgh-0123", min_size=1, max_size=8)
numbers = st.integers(-10**9, 10**9).map(float) | st.floats(allow_nan=False,
                                                                allow_infinity=False, width=32)

articles = st.builds(
    Article, id=ids, path=text, outlet=text, title=maybe, url=maybe, published=maybe,
    author=maybe, text=text,
    sentences=st.lists(st.builds(Sentence, index=st.integers(0, 99), text=text,
                                 start=st.integers(0, 999), end=st.integers(0, 999)),
                       max_size=3).map(tuple),
    dropped=st.lists(st.builds(DroppedLine, text=text, reason=text), max_size=2).map(tuple),
)
@st.composite
def alignments(draw: st.DrawFn) -> Alignment:
    """Any alignment whose claims and figures name only articles and sentences it holds."""
    drawn = draw(st.lists(articles, min_size=1, max_size=2, unique_by=lambda a: a.id))
    known = st.sampled_from([a.id for a in drawn])
    sentence_of = {a.id: len(a.sentences) for a in drawn}

    @st.composite
    def members(draw_member: st.DrawFn) -> Member:
        article = draw_member(known.filter(lambda a: sentence_of[a] > 0))
        return draw_member(st.builds(
            Member, article=st.just(article),
            sentence=st.integers(0, sentence_of[article] - 1), score=st.floats(0, 1),
            text=text,
            diff=st.lists(st.builds(DiffChunk, op=st.sampled_from(DiffOp), reference=text,
                                    text=text), max_size=3).map(tuple),
        ))

    @st.composite
    def evidence(draw_evidence: st.DrawFn) -> Evidence:
        if not any(sentence_of.values()):
            return draw_evidence(st.nothing())
        article = draw_evidence(known.filter(lambda a: sentence_of[a] > 0))
        return Evidence(article=article,
                        sentence=draw_evidence(st.integers(0, sentence_of[article] - 1)),
                        text=draw_evidence(text))

    member_lists = (st.lists(members(), max_size=3) if any(sentence_of.values())
                    else st.just([]))
    claims = st.builds(
        Claim, id=ids, label=text,
        members=member_lists.map(tuple),
        reference=known,
        quotes=st.lists(st.builds(ClaimQuote, article=known, sentence=st.integers(0, 9),
                                  text=text, speaker=maybe), max_size=2).map(tuple),
        numbers=st.lists(st.builds(ClaimNumber, article=known, sentence=st.integers(0, 9),
                                   surface=text, low=numbers, high=numbers,
                                   kind=st.sampled_from(NumberKind), qualifier=maybe,
                                   subject=maybe), max_size=2).map(tuple),
        divergences=st.lists(st.builds(Divergence, type=st.sampled_from(DivergenceType),
                                       articles=st.lists(known, max_size=2).map(tuple),
                                       reference=known, detail=text,
                                       evidence=st.lists(evidence(), max_size=2).map(tuple),
                                       confidence=st.floats(0, 1)),
                             max_size=2).map(tuple),
        missing_from=st.lists(known, max_size=2).map(tuple),
    )
    figures = st.builds(
        Figure, value=text, kind=st.sampled_from(NumberKind),
        mentions=st.lists(st.builds(FigureMention, article=known, sentence=st.integers(0, 9),
                                    surface=text, qualifier=maybe, subject=maybe,
                                    claim=maybe), max_size=2).map(tuple),
    )
    return Alignment(
        created=draw(text), settings=draw(st.dictionaries(st.text(max_size=5), st.integers())),
        articles=tuple(drawn),
        claims=tuple(draw(st.lists(claims, max_size=2))),
        figures=tuple(draw(st.lists(figures, max_size=2))),
    )


@settings(max_examples=60)
@given(alignments())
def test_round_trip(alignment: Alignment) -> None:
    assert alignment_from_dict(json.loads(dumps_alignment(alignment))) == alignment


def small_alignment() -> Alignment:
    return Alignment(created="2026-01-01T00:00:00Z", settings={"threshold": 0.5}, articles=(),
                     claims=(), figures=())


def test_write_then_read(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    write_alignment(small_alignment(), path)
    assert read_alignment(path) == small_alignment()
    assert [p.name for p in tmp_path.iterdir()] == ["story.json"]


def test_same_alignment_same_bytes() -> None:
    assert dumps_alignment(small_alignment()) == dumps_alignment(small_alignment())


def test_whole_numbers_are_written_as_integers() -> None:
    claim = Claim(id="c1", label="x", members=(), reference="a", quotes=(), divergences=(),
                  missing_from=(), numbers=(ClaimNumber("a", 0, "712", 712.0, 712.0,
                                                        NumberKind.COUNT, None, None),))
    data = json.loads(dumps_alignment(Alignment("t", {}, (), (claim,), ())))
    assert data["claims"][0]["numbers"][0]["low"] == 712
    assert isinstance(data["claims"][0]["numbers"][0]["low"], int)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"schema": "storydiff/alignment@1", "created": "x", "sett', "not valid JSON"),
        ('{"schema": "storydiff/alignment@2"}', "unsupported schema 'storydiff/alignment@2'"),
        ('{"schema": "something-else"}', "unsupported schema 'something-else'"),
        ("[1, 2]", "top level is not an object"),
        ('{"schema": "storydiff/alignment@1", "created": "x", "settings": {}, "articles": []}',
         "missing field 'claims'"),
        ('{"schema": "storydiff/alignment@1", "created": 5, "settings": {}, "articles": [],'
         ' "claims": []}', "malformed field"),
    ],
)
def test_bad_files_give_one_line_naming_the_file(tmp_path: Path, content: str,
                                                 message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AlignmentFormatError) as raised:
        read_alignment(path)
    assert str(raised.value).startswith(f"{path}: ")
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(AlignmentFormatError, match="no such file"):
        read_alignment(tmp_path / "absent.json")


def test_missing_directory_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_text_atomic("x", tmp_path / "nowhere" / "out.json")


def test_read_only_file_is_refused_and_left_intact(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o444)
    try:
        with pytest.raises(OutputError, match="read-only"):
            write_text_atomic("new", path)
        assert path.read_text(encoding="utf-8") == "old"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
    finally:
        path.chmod(0o644)


def test_schema_constant_is_the_spec() -> None:
    assert SCHEMA == "storydiff/alignment@1"


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.mark.usefixtures("umask_022")
def test_a_new_output_gets_the_mode_the_umask_gives(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    write_text_atomic("new", path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.usefixtures("umask_022")
def test_a_replaced_output_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o664)
    write_text_atomic("new", path)
    assert path.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o664


@pytest.mark.parametrize("confidence", ["NaN", "1.5", "-0.1", '"high"'])
def test_a_confidence_outside_0_to_1_is_refused(tmp_path: Path, confidence: str) -> None:
    demo = Path(__file__).parents[2] / "alignments" / "kessford-spill.json"
    data = json.loads(demo.read_text(encoding="utf-8"))
    path = tmp_path / "a.json"
    claim = next(c for c in data["claims"] if c["divergences"])
    claim["divergences"][0]["confidence"] = "__C__"
    text = json.dumps(data).replace('"__C__"', confidence)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AlignmentFormatError, match="a.json"):
        read_alignment(path)
