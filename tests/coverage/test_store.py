"""The alignment file: round trip, atomic writes, strict reads with one-line errors."""

import json
import os
import stat
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

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
    Credit,
    CreditKind,
    Derivation,
    DiffChunk,
    DiffOp,
    Divergence,
    DivergenceType,
    DroppedLine,
    Evidence,
    Figure,
    FigureChange,
    FigureMention,
    Member,
    NumberKind,
    Order,
    OutletProfile,
    PublicationOrder,
    Relation,
    SameOutlet,
    Sentence,
    SentenceRef,
    SharedSentence,
)
from storydiff.coverage.store import (
    alignment_from_dict,
    alignment_to_dict,
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
    # A sentence's index is its position: the reader refuses any other numbering.
    sentences=st.lists(st.tuples(text, st.integers(0, 999), st.integers(0, 999)), max_size=3)
    .map(lambda drawn: tuple(Sentence(index=i, text=t, start=s, end=e)
                             for i, (t, s, e) in enumerate(drawn))),
    dropped=st.lists(st.builds(DroppedLine, text=text, reason=text), max_size=2).map(tuple),
    credit=maybe,
)
@st.composite
def alignments(draw: st.DrawFn) -> Alignment:
    """Any alignment with unique ids whose claims and figures name only articles and
    sentences it holds."""
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

    @st.composite
    def places(draw_place: st.DrawFn) -> tuple[str, int]:
        article = draw_place(known.filter(lambda a: sentence_of[a] > 0))
        return article, draw_place(st.integers(0, sentence_of[article] - 1))

    def some(strategy: st.SearchStrategy[Any], most: int) -> st.SearchStrategy[Any]:
        # Nothing can name a sentence when no article has one.
        if not any(sentence_of.values()):
            return st.just(())
        return st.lists(strategy, max_size=most).map(tuple)

    member_lists = some(members(), 3)
    claims = st.builds(
        Claim, id=ids, label=text,
        members=member_lists,
        reference=known,
        quotes=some(st.builds(lambda place, text, speaker: ClaimQuote(*place, text, speaker),
                              places(), text, maybe), 2),
        numbers=some(st.builds(
            lambda place, *rest: ClaimNumber(*place, *rest), places(), text, numbers, numbers,
            st.sampled_from(NumberKind), maybe, maybe), 2),
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
        mentions=some(st.builds(lambda place, *rest: FigureMention(*place, *rest), places(),
                                text, maybe, maybe, maybe), 2),
    )
    drawn_claims = tuple(draw(st.lists(claims, max_size=2, unique_by=lambda c: c.id)))
    # A placeholder id when there are no claims: the lists drawing from it are then empty.
    claim_ids = st.sampled_from([c.id for c in drawn_claims] or ["c"])
    with_sentences = [a.id for a in drawn if sentence_of[a.id]]

    @st.composite
    def refs(draw_ref: st.DrawFn) -> SentenceRef:
        article = draw_ref(st.sampled_from(with_sentences))
        return SentenceRef(article, draw_ref(st.integers(0, sentence_of[article] - 1)),
                           draw_ref(text))

    credit_list = st.lists(st.builds(
        Credit, article=known, name=text, kind=st.sampled_from(CreditKind), text=text,
        sentence=st.none(), names=st.lists(known, max_size=2).map(tuple)), max_size=2)
    link_evidence = (credit_list.map(tuple)
                | st.tuples(st.builds(PublicationOrder, source=text, derived=text))
                | st.tuples(st.builds(SameOutlet, outlet=text)))
    if with_sentences:
        link_evidence = link_evidence | st.lists(st.builds(
            SharedSentence, source=refs(), derived=refs(), coverage=st.floats(0, 1),
            closely=st.booleans(), runs=st.lists(text, max_size=2).map(tuple),
            claim=st.none() | claim_ids if drawn_claims else st.none()), max_size=2).map(tuple)
    derivations = st.builds(
        Derivation, source=known, derived=known, relation=st.sampled_from(Relation),
        order=st.sampled_from(Order), score=st.floats(0, 1), source_share=st.floats(0, 1),
        derived_share=st.floats(0, 1), summary=text, evidence=link_evidence,
        via=st.none() | known)
    claim_tuple = st.lists(claim_ids, max_size=2 if drawn_claims else 0).map(tuple)
    profiles = st.builds(
        OutletProfile, article=known, outlet=text, shared=claim_tuple, added=claim_tuple,
        omitted=claim_tuple, altered=claim_tuple,
        figures=st.lists(st.builds(FigureChange, claim=claim_ids,
                                   type=st.sampled_from(DivergenceType), detail=text),
                         max_size=2 if drawn_claims else 0).map(tuple),
        credits=credit_list.map(tuple))
    return Alignment(
        created=draw(text), settings=draw(st.dictionaries(st.text(max_size=5), st.integers())),
        articles=tuple(drawn),
        claims=drawn_claims,
        figures=tuple(draw(st.lists(figures, max_size=2))),
        provenance=tuple(draw(st.lists(derivations, max_size=2))),
        outlets=tuple(draw(st.lists(profiles, max_size=2))),
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


def test_text_with_a_lone_surrogate_is_refused_and_the_file_left_intact(tmp_path: Path) -> None:
    # What a file name that is not UTF-8 becomes in Python, should one reach an output
    # unmended: one error, never a traceback or half a file.
    path = tmp_path / "out.json"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(OutputError, match=r"out.json: cannot write .*'\\udcff'"):
        write_text_atomic('{"path": "story/\udcff.txt"}', path)
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


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


def provenance_alignment() -> Alignment:
    sentence = Sentence(index=0, text="Two tanks failed.", start=0, end=17)
    articles = tuple(
        Article(id=i, path=f"{i}.txt", outlet=i, title=None, url=None, published=None,
                author=None, text=sentence.text, sentences=(sentence,), dropped=())
        for i in ("a", "b")
    )
    ref_a, ref_b = SentenceRef("a", 0, sentence.text), SentenceRef("b", 0, sentence.text)
    credit = Credit(article="b", name="A", kind=CreditKind.DATELINE, text="(A) —",
                    sentence=None, names=("a",))
    derivation = Derivation(
        source="a", derived="b", relation=Relation.REWRITE, order=Order.CREDIT, score=0.75,
        source_share=0.5, derived_share=0.5, summary="b ran a's copy.",
        evidence=(credit, SharedSentence(ref_a, ref_b, 1.0, True, ("Two tanks failed",), None),
                  PublicationOrder("2026-01-01", "2026-01-02"), SameOutlet("a")))
    profile = OutletProfile(article="b", outlet="b", shared=(), added=(), omitted=(),
                            altered=(), figures=(), credits=(credit,))
    return Alignment("t", {}, articles, (), (), provenance=(derivation,), outlets=(profile,))


def test_provenance_round_trips_with_every_kind_of_evidence() -> None:
    alignment = provenance_alignment()
    data = json.loads(dumps_alignment(alignment))
    assert [e["kind"] for e in data["provenance"][0]["evidence"]] == [
        "credit", "sentence", "published", "outlet"]
    assert data["outlets"][0]["credits"][0]["form"] == "dateline"
    assert alignment_from_dict(data) == alignment


def test_a_file_written_before_provenance_still_loads() -> None:
    data = json.loads(dumps_alignment(provenance_alignment()))
    del data["provenance"], data["outlets"]
    loaded = alignment_from_dict(data)
    assert loaded.provenance == () and loaded.outlets == ()
    assert len(loaded.articles) == 2


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["provenance"][0].update(relation="borrowed"),
         "'borrowed' is not a valid Relation"),
        (lambda d: d["provenance"][0]["evidence"][0].update(kind="rumour"),
         "unknown evidence kind 'rumour'"),
        (lambda d: d["provenance"][0]["evidence"][1].update(closely="yes"),
         "expected true or false"),
        (lambda d: d["provenance"][0].update(derived="z"),
         "derivation a -> z names article 'z', which the file does not hold"),
        (lambda d: d["provenance"][0]["evidence"][1]["derived"].update(sentence=4),
         "article 'b' sentence 4, which it does not have"),
        (lambda d: d["outlets"][0].update(shared=["c9"]),
         "outlet profile of b names claim 'c9', which the file does not hold"),
        (lambda d: d["outlets"][0]["credits"][0].update(names=["q"]),
         "outlet profile of b names article 'q', which the file does not hold"),
        (lambda d: d["outlets"][0].pop("article"), "missing field 'article'"),
    ],
)
def test_hand_broken_provenance_is_refused(edit, message: str) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(dumps_alignment(provenance_alignment()))
    edit(data)
    with pytest.raises(AlignmentFormatError) as raised:
        alignment_from_dict(data, source="story.json")
    assert str(raised.value).startswith("story.json: ")
    assert message in str(raised.value)


def credited_alignment(credit: str | None) -> Alignment:
    article = Article(id="a", path="a.txt", outlet="Bay Herald", title=None, url=None,
                      published=None, author=None, text="The pier reopened.",
                      sentences=(Sentence(0, "The pier reopened.", 0, 18),), dropped=(),
                      credit=credit)
    return Alignment("t", {}, (article,), (), ())


def test_the_credit_is_written_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    write_alignment(credited_alignment("Bay Wire"), path)
    assert json.loads(path.read_text(encoding="utf-8"))["articles"][0]["credit"] == "Bay Wire"
    assert read_alignment(path).articles[0].credit == "Bay Wire"


def test_a_file_written_before_credits_still_loads() -> None:
    data = json.loads(dumps_alignment(credited_alignment("Bay Wire")))
    del data["articles"][0]["credit"]
    assert alignment_from_dict(data).articles[0].credit is None


def test_a_credit_that_is_not_text_is_refused(tmp_path: Path) -> None:
    data = json.loads(dumps_alignment(credited_alignment(None)))
    data["articles"][0]["credit"] = 7
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AlignmentFormatError, match="malformed field"):
        read_alignment(path)


def test_each_sentence_is_one_line_and_the_file_reads_as_the_indented_one() -> None:
    texts = ["Water rose \"fast\"\nat night.", "Roads closed at dawn\x9b."]
    sentences = tuple(Sentence(i, t, 0, len(t)) for i, t in enumerate(texts))
    article = Article("a", "a.txt", "Gazette", None, None, None, None, " ".join(texts),
                      sentences, ())
    alignment = replace(small_alignment(), articles=(article,))
    text = dumps_alignment(alignment)
    sentence_lines = [line.strip() for line in text.splitlines() if '"index": ' in line]
    assert [json.loads(line.rstrip(","))["text"] for line in sentence_lines] == texts
    assert json.loads(text) == json.loads(json.dumps(alignment_to_dict(alignment), indent=1))
    assert "\x9b" not in text and "\\u009b" in text
