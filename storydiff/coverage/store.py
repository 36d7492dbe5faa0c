"""The alignment file: ``Alignment`` to JSON and back, the only place that knows its fields.

Writes are atomic (a temporary file beside the target, then ``os.replace``), so an
interrupted run leaves the previous file intact. Reads are strict: a wrong schema, a
truncated file or a hand-broken field is one ``AlignmentFormatError`` naming the file.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storydiff.coverage.jsontext import JSONRefused, dump_json, json_problem, load_json
from storydiff.coverage.leftovers import is_leftover, owner_tag, owner_tag_pattern
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
    LinkEvidence,
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
from storydiff.errors import AlignmentFormatError, OutputError


def _number(value: float) -> float | int:
    """Whole numbers as JSON integers: ``712``, not ``712.0``."""
    return int(value) if float(value).is_integer() else value


def alignment_to_dict(alignment: Alignment) -> dict[str, Any]:
    """The JSON-ready form of an alignment, in the field order of the spec."""
    return {
        "schema": alignment.schema,
        "created": alignment.created,
        "settings": alignment.settings,
        "articles": [_article_to_dict(a) for a in alignment.articles],
        "claims": [_claim_to_dict(c) for c in alignment.claims],
        "figures": [_figure_to_dict(f) for f in alignment.figures],
        "provenance": [_derivation_to_dict(d) for d in alignment.provenance],
        "outlets": [_profile_to_dict(p) for p in alignment.outlets],
    }


def article_metadata(article: Article) -> dict[str, Any]:
    """The article's identity and metadata fields, as the alignment file names them."""
    return {
        "id": article.id,
        "path": article.path,
        "outlet": article.outlet,
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "author": article.author,
        "credit": article.credit,
    }


def _article_to_dict(article: Article) -> dict[str, Any]:
    return {
        **article_metadata(article),
        "sentences": [
            {"index": s.index, "text": s.text, "start": s.start, "end": s.end}
            for s in article.sentences
        ],
        "dropped": [{"text": d.text, "reason": d.reason} for d in article.dropped],
        "text": article.text,
    }


def _claim_to_dict(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "label": claim.label,
        "members": [
            {
                "article": m.article,
                "sentence": m.sentence,
                "score": m.score,
                "text": m.text,
                "diff": [[c.op.value, c.reference, c.text] for c in m.diff],
            }
            for m in claim.members
        ],
        "reference": claim.reference,
        "quotes": [
            {"article": q.article, "sentence": q.sentence, "text": q.text, "speaker": q.speaker}
            for q in claim.quotes
        ],
        "numbers": [
            {
                "article": n.article,
                "sentence": n.sentence,
                "surface": n.surface,
                "low": _number(n.low),
                "high": _number(n.high),
                "kind": n.kind.value,
                "qualifier": n.qualifier,
                "subject": n.subject,
            }
            for n in claim.numbers
        ],
        "divergences": [
            {
                "type": d.type.value,
                "articles": list(d.articles),
                "reference": d.reference,
                "detail": d.detail,
                "confidence": d.confidence,
                "evidence": [
                    {"article": e.article, "sentence": e.sentence, "text": e.text}
                    for e in d.evidence
                ],
            }
            for d in claim.divergences
        ],
        "missing_from": list(claim.missing_from),
    }


def _figure_to_dict(figure: Figure) -> dict[str, Any]:
    return {
        "value": figure.value,
        "kind": figure.kind.value,
        "mentions": [
            {
                "article": m.article,
                "sentence": m.sentence,
                "surface": m.surface,
                "qualifier": m.qualifier,
                "subject": m.subject,
                "claim": m.claim,
            }
            for m in figure.mentions
        ],
    }


def _ref_to_dict(ref: SentenceRef) -> dict[str, Any]:
    return {"article": ref.article, "sentence": ref.sentence, "text": ref.text}


def _credit_to_dict(credit: Credit) -> dict[str, Any]:
    return {
        "article": credit.article,
        "name": credit.name,
        "form": credit.kind.value,
        "text": credit.text,
        "sentence": credit.sentence,
        "names": list(credit.names),
    }


def _link_evidence_to_dict(evidence: LinkEvidence) -> dict[str, Any]:
    if isinstance(evidence, SharedSentence):
        return {
            "kind": "sentence",
            "source": _ref_to_dict(evidence.source),
            "derived": _ref_to_dict(evidence.derived),
            "coverage": evidence.coverage,
            "closely": evidence.closely,
            "runs": list(evidence.runs),
            "claim": evidence.claim,
        }
    if isinstance(evidence, Credit):
        return {"kind": "credit", **_credit_to_dict(evidence)}
    if isinstance(evidence, PublicationOrder):
        return {"kind": "published", "source": evidence.source, "derived": evidence.derived}
    return {"kind": "outlet", "outlet": evidence.outlet}


def _derivation_to_dict(derivation: Derivation) -> dict[str, Any]:
    return {
        "source": derivation.source,
        "derived": derivation.derived,
        "relation": derivation.relation.value,
        "order": derivation.order.value,
        "score": derivation.score,
        "source_share": derivation.source_share,
        "derived_share": derivation.derived_share,
        "summary": derivation.summary,
        "via": derivation.via,
        "evidence": [_link_evidence_to_dict(e) for e in derivation.evidence],
    }


def _profile_to_dict(profile: OutletProfile) -> dict[str, Any]:
    return {
        "article": profile.article,
        "outlet": profile.outlet,
        "shared": list(profile.shared),
        "added": list(profile.added),
        "omitted": list(profile.omitted),
        "altered": list(profile.altered),
        "figures": [
            {"claim": f.claim, "type": f.type.value, "detail": f.detail} for f in profile.figures
        ],
        "credits": [_credit_to_dict(c) for c in profile.credits],
    }


def dumps_alignment(alignment: Alignment) -> str:
    """Deterministic JSON text: same alignment, same bytes. Each sentence, member,
    divergence and figure mention is one line."""
    return dump_json(alignment_to_dict(alignment), indent=1, levels=4) + "\n"


def check_output_path(path: Path, *, inputs: Sequence[str | Path] = ()) -> None:
    """Refuse an output path that cannot be written, before any long work is done.

    A symbolic link is followed: the checks are of the file it names.

    Args:
        inputs: the files and folders the output is made from. The output may be none of
            them nor lie inside one: it would replace an article, or be read as one by
            the next run.

    Raises:
        OutputError: the directory is missing, the path is a directory, a socket or a
            block device, a symbolic link loop, a read-only file, or an input.
    """
    path = Path(path)
    target = _destination(path)
    directory = target.parent
    if not directory.is_dir():
        raise OutputError(f"{path}: directory {str(directory)!r} does not exist")
    if target.is_dir():
        raise OutputError(f"{path}: is a directory")
    for source in inputs:
        if is_within(target, Path(source)):
            where = "is an input" if Path(source).is_file() else (
                f"inside the input folder {str(source)!r}")
            raise OutputError(f"{path}: {where}; write the output elsewhere")
    if not target.exists():
        return
    if not (target.is_file() or _is_stream(target)):
        raise OutputError(f"{path}: not a regular file, character device or FIFO")
    if not _is_writable(target):
        raise OutputError(f"{path}: file is read-only")


def is_within(path: Path, other: Path) -> bool:
    """Whether ``path`` is ``other`` or lies inside it, links and ``..`` resolved."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(other))


def _destination(path: Path) -> Path:
    """Where writing ``path`` lands: a symbolic link is followed to the file it names, as
    a shell's ``>`` does, so the link stays a link."""
    if not path.is_symlink():
        return path
    target = Path(os.path.realpath(path))
    if target.is_symlink():  # realpath gives up on a loop and leaves a link
        raise OutputError(f"{path}: symbolic link loop")
    return target


def _is_stream(path: Path) -> bool:
    """A character device (/dev/null, a terminal) or a FIFO: written through, since a
    rename would put a regular file in its place."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _is_writable(path: Path) -> bool:
    # Checked by mode bits, not os.access alone: a file marked read-only is not to be
    # replaced, even by root, who may write anything.
    return bool(path.stat().st_mode & 0o222) and os.access(path, os.W_OK)


def write_text_atomic(text: str, path: Path, *, inputs: Sequence[str | Path] = ()) -> None:
    """Write ``text`` to ``path`` so that ``path`` is either the old file or the new one.

    A new file gets the mode the umask gives and a replaced one keeps its mode. A
    character device or FIFO is written through; a symbolic link is followed.

    Raises:
        OutputError: the directory is missing, the file cannot be written, or it is one
            of ``inputs`` or inside one (see ``check_output_path``).
    """
    path = Path(path)
    check_output_path(path, inputs=inputs)
    target = _destination(path)
    tmp: Path | None = None
    try:
        if _is_stream(target):
            _write_through(text.encode("utf-8"), target)
            return
        remove_leftover_temporaries(target)
        fd, tmp = _temporary_beside(target)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        # Checked again: the file may have been made read-only while we wrote.
        if target.exists() and not _is_writable(target):
            raise OutputError(f"{path}: file is read-only")
        place_file(tmp, target)
        tmp = None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    except UnicodeEncodeError as exc:
        # Text that came from a file name that is not UTF-8 and was not made safe (see
        # ``load.path_text``): refused whole rather than written garbled or cut short.
        raise OutputError(f"{path}: cannot write (the text holds {exc.object[exc.start]!a}, "
                          "which is not a character; a file name that is not UTF-8?)") from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def place_file(finished: Path, path: Path) -> None:
    """Put the finished file ``finished`` at ``path`` in one rename, as ``write_text_atomic``
    does: a replaced file's mode is kept, a character device or FIFO is written through
    (``finished`` is then removed) and a symbolic link is followed.

    Raises:
        OutputError: ``path`` is a socket, a block device or a symbolic link loop.
        OSError: the rename or the write failed.
    """
    target = _destination(Path(path))
    if _is_stream(target):
        _write_through(Path(finished).read_bytes(), target)
        os.unlink(finished)
        return
    if target.exists() and not target.is_dir():
        if not target.is_file():
            raise OutputError(f"{path}: not a regular file, character device or FIFO")
        os.chmod(finished, stat.S_IMODE(target.stat().st_mode))
    os.replace(finished, target)


def _write_through(data: bytes, target: Path) -> None:
    # No O_CREAT: the device or FIFO is there; if it went, writing must not make a file.
    fd = os.open(target, os.O_WRONLY | os.O_CLOEXEC)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _temporary_beside(target: Path) -> tuple[int, Path]:
    """A new, empty file beside ``target``, opened for writing.

    Created with mode 0o666 and left to the umask (and a default ACL), as any file a
    program writes; ``tempfile.mkstemp`` would make it 0o600 and the output with it.
    Its name carries this run's ``owner_tag``, so that if the run is killed a later one
    can tell the file is a leftover (``remove_leftover_temporaries``).
    """
    tag = owner_tag()
    for _ in range(100):
        candidate = target.with_name(f".{target.name}.{tag}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC,
                           0o666), candidate
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def remove_leftover_temporaries(path: Path) -> None:
    """Remove the temporary files beside ``path`` that a killed run wrote for it.

    Only files named as ``_temporary_beside`` names them for ``path``, whose run is over
    (see ``storydiff.coverage.leftovers``); errors are ignored, as the files are only
    clutter.
    """
    target = _destination(Path(path))
    pattern = re.compile(
        rf"\.{re.escape(target.name)}\.{owner_tag_pattern()}\.[0-9a-f]{{8}}\.tmp")
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            match = pattern.fullmatch(entry.name)
            if match and entry.is_file(follow_symlinks=False) and is_leftover(
                    int(match[1]), match[2]):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def write_alignment(alignment: Alignment, path: Path) -> None:
    """Write the alignment file atomically."""
    write_text_atomic(dumps_alignment(alignment), Path(path))


def read_alignment(path: Path) -> Alignment:
    """Read and validate an alignment file.

    Raises:
        AlignmentFormatError: not JSON, an unsupported schema, or a missing/mistyped field.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise AlignmentFormatError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise AlignmentFormatError(f"{path}: is a directory, not an alignment file") from None
    except OSError as exc:
        raise AlignmentFormatError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        data = load_json(raw.decode("utf-8"), finite=True)
    except UnicodeDecodeError:
        raise AlignmentFormatError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise AlignmentFormatError(
            f"{path}: not valid JSON ({json_problem(exc)} at line {exc.lineno},"
            f" column {exc.colno}); truncated or hand-edited?"
        ) from None
    except JSONRefused as exc:
        raise AlignmentFormatError(
            f"{path}: not an alignment file storydiff wrote ({exc}); hand-edited?"
        ) from None
    return alignment_from_dict(data, source=str(path))


def alignment_from_dict(data: Any, *, source: str = "<alignment>") -> Alignment:
    """Build an ``Alignment`` from parsed JSON, checking every field it uses."""
    if not isinstance(data, dict):
        raise AlignmentFormatError(f"{source}: not an alignment file (top level is not an object)")
    found = data.get("schema")
    if found != SCHEMA:
        if isinstance(found, str) and found.startswith("storydiff/alignment@"):
            raise AlignmentFormatError(
                f"{source}: unsupported schema {found!r} (this storydiff reads {SCHEMA!r});"
                " upgrade storydiff or re-run compare"
            )
        raise AlignmentFormatError(f"{source}: unsupported schema {found!r}")
    try:
        alignment = Alignment(
            schema=SCHEMA,
            created=_str(data["created"]),
            settings=dict(_dict(data["settings"])),
            articles=tuple(_article_from_dict(a) for a in _list(data["articles"])),
            claims=tuple(_claim_from_dict(c) for c in _list(data["claims"])),
            figures=tuple(_figure_from_dict(f) for f in _list(data.get("figures", []))),
            # Files written before provenance was traced have neither field.
            provenance=tuple(_derivation_from_dict(d) for d in _list(data.get("provenance", []))),
            outlets=tuple(_profile_from_dict(p) for p in _list(data.get("outlets", []))),
        )
    except KeyError as exc:
        raise AlignmentFormatError(f"{source}: missing field {exc.args[0]!r}") from None
    except (TypeError, ValueError) as exc:
        raise AlignmentFormatError(f"{source}: malformed field ({exc})") from None
    problem = _duplicate_or_misnumbered(alignment) or _dangling_reference(alignment)
    if problem:
        raise AlignmentFormatError(f"{source}: {problem}")
    return alignment


def _duplicate_or_misnumbered(alignment: Alignment) -> str | None:
    """The first article or claim id used twice, or sentence numbered out of its place.

    Ids key the TUI's tables and lists (a second row with one key crashes it) and every
    reference in the file; a sentence's index is its position, which members name.
    """
    for kind, ids in (("article", [a.id for a in alignment.articles]),
                      ("claim", [c.id for c in alignment.claims])):
        seen: set[str] = set()
        for item in ids:
            if item in seen:
                return f"{kind} id {item!r} appears twice"
            seen.add(item)
    for article in alignment.articles:
        for position, sentence in enumerate(article.sentences):
            if sentence.index != position:
                return (
                    f"article {article.id!r}: sentence {position} has index {sentence.index}"
                    f" (sentences are numbered 0, 1, 2, … in order)"
                )
    return None


def _dangling_reference(alignment: Alignment) -> str | None:
    """The first place that names an article or sentence the file does not hold.

    A hand-edited file can break these links; every output would otherwise show a
    member with no outlet, or fail halfway through a report.
    """
    sentences = {a.id: len(a.sentences) for a in alignment.articles}

    def bad_sentence(article: str, sentence: int) -> bool:
        return article in sentences and not 0 <= sentence < sentences[article]

    for claim in alignment.claims:
        named = [
            *(m.article for m in claim.members),
            *(q.article for q in claim.quotes),
            *(n.article for n in claim.numbers),
            *(a for d in claim.divergences for a in (*d.articles, d.reference)),
            *(e.article for d in claim.divergences for e in d.evidence),
            *claim.missing_from,
            claim.reference,
        ]
        unknown = next((a for a in named if a and a not in sentences), None)
        if unknown is not None:
            return f"claim {claim.id} names article {unknown!r}, which the file does not hold"
        cited = [
            *((m.article, m.sentence) for m in claim.members),
            *((q.article, q.sentence) for q in claim.quotes),
            *((n.article, n.sentence) for n in claim.numbers),
        ]
        for article, sentence in cited:
            if bad_sentence(article, sentence):
                return f"claim {claim.id}: article {article!r} has no sentence {sentence}"
        for e in (e for d in claim.divergences for e in d.evidence):
            if bad_sentence(e.article, e.sentence):
                return f"claim {claim.id}: evidence names sentence {e.sentence} of {e.article!r}"
    for figure in alignment.figures:
        for mention in figure.mentions:
            if mention.article not in sentences:
                return (
                    f"figure {figure.value} names article {mention.article!r},"
                    " which the file does not hold"
                )
            if bad_sentence(mention.article, mention.sentence):
                return (
                    f"figure {figure.value}: article {mention.article!r} has no sentence"
                    f" {mention.sentence}"
                )
    return _dangling_provenance(alignment, sentences)


def _dangling_provenance(alignment: Alignment, sentences: dict[str, int]) -> str | None:
    """The same check for the derivations and outlet profiles."""
    claims = {c.id for c in alignment.claims}

    def bad_ref(ref: SentenceRef) -> str | None:
        if ref.article not in sentences:
            return f"article {ref.article!r}, which the file does not hold"
        if not 0 <= ref.sentence < sentences[ref.article]:
            return f"article {ref.article!r} sentence {ref.sentence}, which it does not have"
        return None

    def bad_credit(credit: Credit) -> str | None:
        unknown = [a for a in (credit.article, *credit.names) if a not in sentences]
        if unknown:
            return f"article {unknown[0]!r}, which the file does not hold"
        if credit.sentence is not None:
            return bad_ref(SentenceRef(credit.article, credit.sentence, credit.text))
        return None

    for d in alignment.provenance:
        where = f"derivation {d.source} -> {d.derived}"
        for article in (d.source, d.derived, d.via):
            if article is not None and article not in sentences:
                return f"{where} names article {article!r}, which the file does not hold"
        for e in d.evidence:
            problem = None
            if isinstance(e, SharedSentence):
                problem = bad_ref(e.source) or bad_ref(e.derived)
                if problem is None and e.claim is not None and e.claim not in claims:
                    problem = f"claim {e.claim!r}, which the file does not hold"
            elif isinstance(e, Credit):
                problem = bad_credit(e)
            if problem:
                return f"{where} names {problem}"
    for p in alignment.outlets:
        if p.article not in sentences:
            return f"outlet profile names article {p.article!r}, which the file does not hold"
        named = [*p.shared, *p.added, *p.omitted, *p.altered, *(f.claim for f in p.figures)]
        unknown_claim = next((c for c in named if c not in claims), None)
        if unknown_claim is not None:
            return (
                f"outlet profile of {p.article} names claim {unknown_claim!r},"
                " which the file does not hold"
            )
        problem = next(filter(None, (bad_credit(c) for c in p.credits)), None)
        if problem:
            return f"outlet profile of {p.article} names {problem}"
    return None


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    return value


def _float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    return float(value)


def _confidence(value: Any) -> float:
    number = _float(value)
    if not 0.0 <= number <= 1.0:  # NaN fails both comparisons too
        raise ValueError(f"confidence must be between 0 and 1, got {value!r}")
    return number


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return value


def _dict(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object, got {type(value).__name__}")
    return value


def _article_from_dict(data: Any) -> Article:
    data = _dict(data)
    text = _str(data.get("text", ""))
    sentences = []
    for s in _list(data["sentences"]):
        s = _dict(s)
        sentences.append(
            Sentence(
                index=_int(s["index"]),
                text=_str(s["text"]),
                start=_int(s["start"]),
                end=_int(s["end"]),
            )
        )
    return Article(
        id=_str(data["id"]),
        path=_str(data["path"]),
        outlet=_str(data["outlet"]),
        title=_opt_str(data.get("title")),
        url=_opt_str(data.get("url")),
        published=_opt_str(data.get("published")),
        author=_opt_str(data.get("author")),
        text=text,
        sentences=tuple(sentences),
        dropped=tuple(
            DroppedLine(text=_str(_dict(d)["text"]), reason=_str(_dict(d)["reason"]))
            for d in _list(data.get("dropped", []))
        ),
        # Files written before the field existed have no credit: unknown, not an error.
        credit=_opt_str(data.get("credit")),
    )


def _member_from_dict(data: Any) -> Member:
    data = _dict(data)
    diff = []
    for chunk in _list(data.get("diff", [])):
        op, reference, text = _list(chunk)
        diff.append(DiffChunk(op=DiffOp(op), reference=_str(reference), text=_str(text)))
    return Member(
        article=_str(data["article"]),
        sentence=_int(data["sentence"]),
        score=_float(data["score"]),
        text=_str(data["text"]),
        diff=tuple(diff),
    )


def _claim_from_dict(data: Any) -> Claim:
    data = _dict(data)
    return Claim(
        id=_str(data["id"]),
        label=_str(data["label"]),
        members=tuple(_member_from_dict(m) for m in _list(data["members"])),
        reference=_str(data["reference"]),
        quotes=tuple(
            ClaimQuote(
                article=_str(q["article"]),
                sentence=_int(q["sentence"]),
                text=_str(q["text"]),
                speaker=_opt_str(q.get("speaker")),
            )
            for q in map(_dict, _list(data.get("quotes", [])))
        ),
        numbers=tuple(
            ClaimNumber(
                article=_str(n["article"]),
                sentence=_int(n["sentence"]),
                surface=_str(n["surface"]),
                low=_float(n["low"]),
                high=_float(n["high"]),
                kind=NumberKind(n["kind"]),
                qualifier=_opt_str(n.get("qualifier")),
                subject=_opt_str(n.get("subject")),
            )
            for n in map(_dict, _list(data.get("numbers", [])))
        ),
        divergences=tuple(
            Divergence(
                type=DivergenceType(d["type"]),
                articles=tuple(_str(a) for a in _list(d["articles"])),
                reference=_str(d["reference"]),
                detail=_str(d["detail"]),
                evidence=tuple(
                    Evidence(
                        article=_str(e["article"]),
                        sentence=_int(e["sentence"]),
                        text=_str(e["text"]),
                    )
                    for e in map(_dict, _list(d.get("evidence", [])))
                ),
                confidence=_confidence(d.get("confidence", 1.0)),
            )
            for d in map(_dict, _list(data.get("divergences", [])))
        ),
        missing_from=tuple(_str(a) for a in _list(data.get("missing_from", []))),
    )


def _figure_from_dict(data: Any) -> Figure:
    data = _dict(data)
    return Figure(
        value=_str(data["value"]),
        kind=NumberKind(data["kind"]),
        mentions=tuple(
            FigureMention(
                article=_str(m["article"]),
                sentence=_int(m["sentence"]),
                surface=_str(m["surface"]),
                qualifier=_opt_str(m.get("qualifier")),
                subject=_opt_str(m.get("subject")),
                claim=_opt_str(m.get("claim")),
            )
            for m in map(_dict, _list(data["mentions"]))
        ),
    )


def _opt_int(value: Any) -> int | None:
    return None if value is None else _int(value)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {type(value).__name__}")
    return value


def _ref_from_dict(data: Any) -> SentenceRef:
    data = _dict(data)
    return SentenceRef(
        article=_str(data["article"]), sentence=_int(data["sentence"]), text=_str(data["text"])
    )


def _credit_from_dict(data: Any) -> Credit:
    data = _dict(data)
    return Credit(
        article=_str(data["article"]),
        name=_str(data["name"]),
        kind=CreditKind(data["form"]),
        text=_str(data["text"]),
        sentence=_opt_int(data.get("sentence")),
        names=tuple(_str(a) for a in _list(data.get("names", []))),
    )


def _link_evidence_from_dict(data: Any) -> LinkEvidence:
    data = _dict(data)
    kind = data["kind"]
    if kind == "sentence":
        return SharedSentence(
            source=_ref_from_dict(data["source"]),
            derived=_ref_from_dict(data["derived"]),
            coverage=_float(data["coverage"]),
            closely=_bool(data["closely"]),
            runs=tuple(_str(r) for r in _list(data.get("runs", []))),
            claim=_opt_str(data.get("claim")),
        )
    if kind == "credit":
        return _credit_from_dict(data)
    if kind == "published":
        return PublicationOrder(source=_str(data["source"]), derived=_str(data["derived"]))
    if kind == "outlet":
        return SameOutlet(outlet=_str(data["outlet"]))
    raise ValueError(f"unknown evidence kind {kind!r}")


def _derivation_from_dict(data: Any) -> Derivation:
    data = _dict(data)
    return Derivation(
        source=_str(data["source"]),
        derived=_str(data["derived"]),
        relation=Relation(data["relation"]),
        order=Order(data["order"]),
        score=_float(data["score"]),
        source_share=_float(data["source_share"]),
        derived_share=_float(data["derived_share"]),
        summary=_str(data["summary"]),
        evidence=tuple(_link_evidence_from_dict(e) for e in _list(data["evidence"])),
        via=_opt_str(data.get("via")),
    )


def _profile_from_dict(data: Any) -> OutletProfile:
    data = _dict(data)

    def ids(field: str) -> tuple[str, ...]:
        return tuple(_str(c) for c in _list(data.get(field, [])))

    return OutletProfile(
        article=_str(data["article"]),
        outlet=_str(data["outlet"]),
        shared=ids("shared"),
        added=ids("added"),
        omitted=ids("omitted"),
        altered=ids("altered"),
        figures=tuple(
            FigureChange(
                claim=_str(f["claim"]), type=DivergenceType(f["type"]), detail=_str(f["detail"])
            )
            for f in map(_dict, _list(data.get("figures", [])))
        ),
        credits=tuple(_credit_from_dict(c) for c in _list(data.get("credits", []))),
    )


def unchanged_but_for_created(path: Path, text: str) -> bool:
    """``path`` already holds this alignment, written at another time: only ``created``
    differs. Re-running ``compare`` on the same articles then leaves the file alone."""
    try:
        info = path.stat()
        # Only a regular file of about the right size is read back: /dev/full reads
        # zeros forever, and opening a FIFO to read blocks until a writer comes.
        if not stat.S_ISREG(info.st_mode) or info.st_size > 2 * len(text.encode()) + 4096:
            return False
        old = json.loads(path.read_text(encoding="utf-8"))
        new = json.loads(text)
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return False
    old.pop("created", None)
    new.pop("created", None)
    return bool(old == new)
