"""Every class of bad input gets one ``error:`` line naming the file, and nothing is written.

Each test builds its input in ``tmp_path`` at run time and drives the real CLI. Where an
input is odd but readable (UTF-16, Latin-1, mojibake, right-to-left text), the test
checks the words that came out, not merely that nothing crashed.
"""

from __future__ import annotations

import codecs
import json
import os
import socket
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import Result

from storydiff.coverage.load import load_articles
from storydiff.coverage.sentences import MAX_CHUNK_CHARS
from tests.hostile.support import (
    RETELLING,
    STORY,
    assert_one_error,
    invoke,
    is_root,
    write_story_pair,
)

MB = 1024 * 1024
TUI_ALIGNMENT = Path(__file__).resolve().parents[1] / "data" / "tui_alignment.json"


def compared(folder: Path, *extra: str) -> dict:
    """``compare`` on ``folder``: the alignment it printed on stdout."""
    result = invoke("compare", str(folder), "--quiet", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def texts_by_stem(alignment: dict) -> dict[str, str]:
    return {Path(a["path"]).stem: a["text"] for a in alignment["articles"]}


# ---------------------------------------------------------------------------
# Paths that are not there or cannot be read


@pytest.mark.parametrize("command", ["compare", "inspect"])
def test_missing_path(tmp_path: Path, command: str) -> None:
    out = tmp_path / "out.json"
    args = [command, str(tmp_path / "gone.txt")]
    result = invoke(*args, *(["--out", str(out)] if command == "compare" else []))
    assert_one_error(result, names="gone.txt", says="no such file or folder")
    assert not out.exists()


@pytest.mark.skipif(is_root(), reason="running as root: chmod 000 does not stop root reading")
def test_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(STORY, encoding="utf-8")
    locked.chmod(0)
    try:
        result = invoke("compare", str(locked))
    finally:
        locked.chmod(0o644)
    assert_one_error(result, names="locked.txt", says="cannot read (permission denied)")


@pytest.mark.skipif(is_root(), reason="running as root: a folder without read permission "
                    "can still be listed by root")
def test_unlistable_folder(tmp_path: Path) -> None:
    folder = write_story_pair(tmp_path / "story")
    folder.chmod(0)
    try:
        result = invoke("compare", str(folder))
    finally:
        folder.chmod(0o755)
    assert_one_error(result, names="story", says="cannot list folder (permission denied)")


def test_folder_with_no_articles(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / ".hidden.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "out.json"
    result = invoke("compare", str(folder), "--out", str(out))
    assert_one_error(result, names=str(folder), says="no articles found (looked for .txt")
    assert not out.exists()


@pytest.mark.parametrize(
    ("content", "says"),
    [(b"", "empty file"), (b" \n\t\r\n  \n", "empty file (only whitespace)"),
     ("\u200b\ufeff \n".encode(), "empty file (only whitespace)")],
    ids=["empty", "whitespace", "invisible"],
)
def test_empty_files(tmp_path: Path, content: bytes, says: str) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    out = tmp_path / "out.json"
    out.write_text("previous", encoding="utf-8")
    result = invoke("compare", str(path), "--out", str(out))
    line = assert_one_error(result, names="blank.txt", says=says)
    assert line.endswith(says)
    assert out.read_text(encoding="utf-8") == "previous"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    assert_one_error(invoke("compare", str(path)), names="photo.txt", says="binary file, not text")


def test_binary_file_among_good_ones_is_skipped_with_a_warning(tmp_path: Path) -> None:
    folder = write_story_pair(tmp_path / "story")
    (folder / "zz-photo.txt").write_bytes(bytes(range(256)) * 8)
    result = invoke("compare", str(folder), "--out", str(tmp_path / "out.json"))
    assert result.exit_code == 0
    assert "warning: " + str(folder / "zz-photo.txt") + ": binary file, not text (skipped)" \
        in result.stderr.splitlines()
    assert len(json.loads((tmp_path / "out.json").read_text())["articles"]) == 2


# ---------------------------------------------------------------------------
# Encodings


def test_utf16_with_bom_and_latin1_are_read_correctly(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "wide.txt").write_bytes(
        "Die Fähre über den Fluss fährt ab Montag wieder. Der Bürgermeister ist froh.\n"
        .encode("utf-16")  # Python's utf-16 writes a byte order mark
    )
    (folder / "old.txt").write_bytes(
        "Le café de la gare rouvre à Noël. Les élèves sont très contents.\n".encode("latin-1")
    )
    texts = texts_by_stem(compared(folder))
    assert texts["wide"] == (
        "Die Fähre über den Fluss fährt ab Montag wieder. Der Bürgermeister ist froh."
    )
    assert texts["old"] == "Le café de la gare rouvre à Noël. Les élèves sont très contents."


def test_short_dense_latin1_is_not_refused(tmp_path: Path) -> None:
    # More than 15% accented bytes, but one at a time: Western text, not GBK.
    path = tmp_path / "menu.txt"
    path.write_bytes("Crème brûlée à la française.".encode("latin-1"))
    (article,) = load_articles([str(path)]).articles
    assert article.text == "Crème brûlée à la française."


def test_cyrillic_in_a_single_byte_code_is_refused_not_garbled(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.txt"
    path.write_bytes("Паром снова ходит по реке с понедельника.".encode("cp1251"))
    assert_one_error(invoke("compare", str(path)), names="cp1251.txt",
                     says="not UTF-8 text (byte 0xcf at offset 0)")


def test_mixed_encodings_in_one_folder(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    sentence = "The ferry café near the bridge reopens on Monday."
    (folder / "a-utf8.txt").write_text(sentence, encoding="utf-8")
    (folder / "b-utf8-bom.txt").write_bytes(codecs.BOM_UTF8 + sentence.encode("utf-8"))
    (folder / "c-utf16le.txt").write_bytes(codecs.BOM_UTF16_LE + sentence.encode("utf-16-le"))
    (folder / "d-utf16be.txt").write_bytes(codecs.BOM_UTF16_BE + sentence.encode("utf-16-be"))
    (folder / "e-latin1.txt").write_bytes(sentence.encode("latin-1"))
    (folder / "f-cp1252.txt").write_bytes(
        "The ferry caf\u00e9 near the bridge reopens on Monday \u2014 \u201cfinally\u201d."
        .encode("cp1252")
    )
    texts = texts_by_stem(compared(folder))
    assert len(texts) == 6
    for stem in ("a-utf8", "b-utf8-bom", "c-utf16le", "d-utf16be", "e-latin1"):
        assert texts[stem] == sentence, stem
    assert texts["f-cp1252"].endswith("Monday \u2014 \u201cfinally\u201d.")


def test_mojibake_is_repaired(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    # UTF-8 read as Windows-1252 once, then saved again as UTF-8: a common accident.
    right = "The café owner didn’t expect the ferry to return so soon."
    garbled = right.encode().decode("cp1252")
    assert "Ã©" in garbled and "â€™" in garbled
    (folder / "garbled.txt").write_text(garbled, encoding="utf-8")
    (folder / "plain.txt").write_text(RETELLING, encoding="utf-8")
    texts = texts_by_stem(compared(folder))
    assert texts["garbled"] == "The café owner didn’t expect the ferry to return so soon."


# ---------------------------------------------------------------------------
# Sizes


def test_fifty_megabytes_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    block = STORY.encode("utf-8") * 4096
    with path.open("wb") as handle:
        while handle.tell() < 50 * MB:
            handle.write(block)
    size = path.stat().st_size
    out = tmp_path / "out.json"
    result = invoke("compare", str(path), "--out", str(out))
    assert_one_error(result, names="huge.txt",
                     says=f"file too large ({size / MB:.1f} MB > 20 MB cap)")
    assert not out.exists()


def test_one_megabyte_line_without_a_full_stop_is_cut_into_bounded_sentences(
    tmp_path: Path,
) -> None:
    path = tmp_path / "runon.txt"
    words = ("quay barge crane board " * 50_000).strip()
    assert len(words) > MB - 10_000
    path.write_text(words, encoding="utf-8")
    (article,) = load_articles([str(path)]).articles
    assert len(article.sentences) >= len(words) // MAX_CHUNK_CHARS
    assert all(len(s.text) <= MAX_CHUNK_CHARS for s in article.sentences)
    assert all(article.text[s.start:s.end] == s.text for s in article.sentences)
    assert " ".join(s.text for s in article.sentences) == words


def test_ten_thousand_tiny_files(tmp_path: Path) -> None:
    # Measured: writing 10,000 files takes about 1 s, `inspect --json` of them about 6 s;
    # `compare` of only 200 such articles takes about a minute (alignment is quadratic
    # in articles), so the whole folder is checked through `inspect`.
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(10_000):
        (folder / f"{number:05d}.txt").write_text(
            f"Report {number} says the quay shut on Friday.\n", encoding="utf-8")
    result = invoke("inspect", "--json", str(folder))
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["failures"] == []
    ids = [a["id"] for a in report["articles"]]
    assert len(ids) == len(set(ids)) == 10_000
    assert all(a["sentences"] == 1 for a in report["articles"])


# ---------------------------------------------------------------------------
# HTML and markdown


def test_html_without_an_article(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav>"
                    "</body></html>", encoding="utf-8")
    assert_one_error(invoke("compare", str(path)), names="menu.html",
                     says="no article text found in the HTML")


def test_five_megabyte_html_is_read(tmp_path: Path) -> None:
    path = tmp_path / "long.html"
    # Long paragraphs, as real pages have: 5 MB of one-line paragraphs costs about 20 s
    # (trafilatura and the line rules are linear, but not free).
    clause = "the harbour board kept the east quay shut while crews worked, "
    paragraphs = "".join(
        f"<p>Paragraph {n}: {clause * 15}and nobody complained.</p>" for n in range(5_500)
    )
    html = f"<html><head><title>Quay shut</title></head><body><article>{paragraphs}"
    html += "</article></body></html>"
    path.write_text(html, encoding="utf-8")
    assert path.stat().st_size > 5 * MB
    (article,) = load_articles([str(path)]).articles
    assert article.title == "Quay shut"
    assert "Paragraph 0: the harbour board kept the east quay shut" in article.text
    assert len(article.sentences) == 5_500


def test_deeply_nested_html_is_one_error_line(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    body = "<div>" * 5000 + "The quay shut on Friday after a crane toppled. " * 5 + "</div>" * 5000
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    # Past lxml's depth limit the text is out of reach: a clear refusal, not a crash.
    assert_one_error(invoke("compare", str(path)), names="nested.html",
                     says="no article text found in the HTML")


@pytest.mark.parametrize(
    ("front_matter", "says"),
    [("title: [never closed\n", "malformed front matter (expected ',' or ']'"),
     ("title: a\n  oops: : :\n", "malformed front matter (mapping values are not allowed"),
     ("- just\n- a list\n", "malformed front matter (expected 'key: value' lines, got a list)"),
     ("published: next week\n", "front matter 'published' is not a date: 'next week'")],
    ids=["unclosed-list", "bad-mapping", "list", "bad-date"],
)
def test_malformed_front_matter(tmp_path: Path, front_matter: str, says: str) -> None:
    path = tmp_path / "post.md"
    path.write_text(f"---\n{front_matter}---\n{STORY}", encoding="utf-8")
    assert_one_error(invoke("compare", str(path)), names="post.md", says=says)


@pytest.mark.parametrize(
    ("name", "says"),
    [("cut.json", "not valid JSON (Unterminated string starting at line 1 column 10)"),
     ("cut.jsonl", "line 1: not valid JSON (Unterminated string starting at column 10)")],
)
def test_truncated_json_article_says_where_once(tmp_path: Path, name: str, says: str) -> None:
    # The decoder's message ends "starting at"; it used to read "starting at at line 1".
    path = tmp_path / name
    path.write_text('{"text": "The quay shut', encoding="utf-8")
    line = assert_one_error(invoke("compare", str(path)), names=name, says=says)
    assert " at at " not in line


def test_front_matter_never_closed(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text(f"---\ntitle: Quay\n{STORY}", encoding="utf-8")
    assert_one_error(invoke("compare", str(path)), names="post.md",
                     says="malformed front matter (no closing '---' line)")


# ---------------------------------------------------------------------------
# Odd but valid stories


def test_duplicate_articles_pair_with_score_one(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "first.txt").write_text(STORY, encoding="utf-8")
    (folder / "copy.txt").write_text(STORY, encoding="utf-8")
    alignment = compared(folder)
    assert sorted(a["id"] for a in alignment["articles"]) == ["copy", "first"]
    assert len(alignment["claims"]) == 2
    for claim in alignment["claims"]:
        assert sorted(m["article"] for m in claim["members"]) == ["copy", "first"]
        assert [m["score"] for m in claim["members"]] == [1.0, 1.0]
        assert claim["divergences"] == [] and claim["missing_from"] == []


def test_one_article_alone_warns_and_succeeds(tmp_path: Path) -> None:
    path = tmp_path / "alone.txt"
    path.write_text(STORY, encoding="utf-8")
    out = tmp_path / "out.json"
    result = invoke("compare", str(path), "--out", str(out))
    assert result.exit_code == 0
    assert f"warning: {path}: only one article was read; nothing to compare it with" in (
        result.stderr.splitlines()
    )
    assert len(json.loads(out.read_text(encoding="utf-8"))["articles"]) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Die Fähre fährt wieder. Der Hafen war drei Wochen lang gesperrt, sagte die Behörde.",
        "渡轮周一恢复运行。港务局表示，码头关闭了三周。",
        "عادت العبارة إلى العمل يوم الاثنين. وقالت الهيئة إن الرصيف أغلق ثلاثة أسابيع.",
        "フェリーは月曜日に運航を再開した。「安全を確認した」と当局は述べた。",
    ],
    ids=["german", "chinese", "arabic", "japanese"],
)
def test_non_english_text_is_compared_without_crashing(tmp_path: Path, text: str) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "one.txt").write_text(text, encoding="utf-8")
    (folder / "two.txt").write_text(text + "\n\n" + STORY, encoding="utf-8")
    alignment = compared(folder)
    texts = texts_by_stem(alignment)
    # Full-width punctuation may be narrowed by the mojibake repair; the words stay.
    assert unicodedata.normalize("NFKC", texts["one"]) == unicodedata.normalize("NFKC", text)
    shared = [c for c in alignment["claims"] if len(c["members"]) == 2]
    assert shared, "the identical non-English text should align"


def test_right_to_left_and_zero_width_characters(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    hidden = ("The qu\u200bay shut on Fri\u200dday\u2060 after a crane toppled. "
              "\u202eThe board said repairs take six weeks.\u202c\n"
              "\u200fقال المجلس إن الإصلاحات ستستغرق ستة أسابيع.\u200e\n")
    (folder / "marks.txt").write_text(hidden, encoding="utf-8")
    (folder / "plain.txt").write_text(STORY, encoding="utf-8")
    texts = texts_by_stem(compared(folder))
    assert texts["marks"] == ("The quay shut on Friday after a crane toppled. "
                              "The board said repairs take six weeks.\n\n"
                              "قال المجلس إن الإصلاحات ستستغرق ستة أسابيع.")
    for mark in "\u200b\u200d\u2060\u202e\u202c\u200f\u200e":
        assert mark not in texts["marks"]


# ---------------------------------------------------------------------------
# Broken alignment files, given to the commands that read them


def _broken_alignments(folder: Path) -> dict[str, Path]:
    good = TUI_ALIGNMENT.read_text(encoding="utf-8")
    files = {"truncated": good[: len(good) // 2]}
    edited = json.loads(good)
    edited["claims"][0]["members"][0]["sentence"] = "three"
    files["wrong-type"] = json.dumps(edited)
    edited = json.loads(good)
    edited["claims"][0]["divergences"] = [
        {"type": "made_up", "articles": [], "reference": "x", "detail": "x"}]
    files["unknown-type"] = json.dumps(edited)
    edited = json.loads(good)
    edited["schema"] = "storydiff/alignment@2"
    files["newer-schema"] = json.dumps(edited)
    edited = json.loads(good)
    edited["claims"][0]["members"][0]["article"] = "renamed-outlet"
    files["unknown-article"] = json.dumps(edited)
    edited = json.loads(good)
    edited["claims"][0]["members"][0]["sentence"] = 9999
    files["no-such-sentence"] = json.dumps(edited)
    edited = json.loads(good)
    first = edited["articles"][0]["id"]
    edited["provenance"] = [{
        "source": first, "derived": "renamed-outlet", "relation": "rewrite", "order": "credit",
        "score": 0.5, "source_share": 0.1, "derived_share": 0.2, "summary": "x", "via": None,
        "evidence": [],
    }]
    files["link-to-unknown-article"] = json.dumps(edited)
    files.update(_inconsistent_alignments(good))
    paths = {}
    for name, text in files.items():
        paths[name] = folder / f"{name}.json"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def _inconsistent_alignments(good: str) -> dict[str, str]:
    """Well-typed files whose ids, sentence numbers or numbers no `compare` would write."""
    files = {}
    edits = {
        "duplicate-article": lambda a: a["articles"][1].update(id=a["articles"][0]["id"]),
        "duplicate-claim": lambda a: a["claims"][1].update(id=a["claims"][0]["id"]),
        "misnumbered-sentence": lambda a: a["articles"][0]["sentences"][1].update(index=0),
        "quote-out-of-range": lambda a: a["claims"][2]["quotes"][0].update(sentence=9999),
        "number-out-of-range": lambda a: a["claims"][0]["numbers"][0].update(sentence=-1),
        "figure-out-of-range":
            lambda a: a["figures"][0]["mentions"][0].update(sentence=9999),
        "nan-score": lambda a: a["claims"][0]["members"][0].update(score=float("nan")),
        "infinite-number":
            lambda a: a["claims"][0]["numbers"][0].update(high=float("inf")),
    }
    for name, edit in edits.items():
        edited = json.loads(good)
        edit(edited)
        files[name] = json.dumps(edited)
    files["overflowing-number"] = good.replace('"low": 712', '"low": 1e999', 1)
    assert files["overflowing-number"] != good
    return files


_BROKEN = {
    "truncated": "not valid JSON (Unterminated string starting at line",
    "wrong-type": "malformed field (expected an integer, got str)",
    "unknown-type": "malformed field ('made_up' is not a valid DivergenceType)",
    "newer-schema": "unsupported schema 'storydiff/alignment@2'",
    "unknown-article": "names article 'renamed-outlet', which the file does not hold",
    "no-such-sentence": "has no sentence 9999",
    "link-to-unknown-article": "names article 'renamed-outlet', which the file does not hold",
    "duplicate-article": "article id 'ledger' appears twice",
    "duplicate-claim": "claim id 'c1' appears twice",
    "misnumbered-sentence": "article 'ledger': sentence 1 has index 0",
    "quote-out-of-range": "claim c3: article 'ledger' has no sentence 9999",
    "number-out-of-range": "claim c1: article 'ledger' has no sentence -1",
    "figure-out-of-range": "figure 10000-99999: article 'wire' has no sentence 9999",
    "nan-score": "(NaN is not a number storydiff reads)",
    "infinite-number": "(Infinity is not a number storydiff reads)",
    "overflowing-number": "(the number 1e999 is too large)",
}


@pytest.mark.parametrize("case", sorted(_BROKEN))
@pytest.mark.parametrize("command", ["tui", "report"])
def test_broken_alignment_file(tmp_path: Path, command: str, case: str) -> None:
    path = _broken_alignments(tmp_path)[case]
    result = invoke(command, str(path))
    assert_one_error(result, names=path.name, says=_BROKEN[case])


# ---------------------------------------------------------------------------
# Outputs that cannot be written


def test_output_in_a_missing_directory(tmp_path: Path) -> None:
    folder = write_story_pair(tmp_path / "story")
    out = tmp_path / "nowhere" / "out.json"
    result = invoke("compare", str(folder), "--out", str(out))
    assert_one_error(result, names="out.json",
                     says=f"directory {str(out.parent)!r} does not exist")
    assert not out.parent.exists()


def test_output_that_is_a_read_only_file_is_left_intact(tmp_path: Path) -> None:
    folder = write_story_pair(tmp_path / "story")
    out = tmp_path / "kept.json"
    out.write_text("the previous alignment", encoding="utf-8")
    out.chmod(0o444)
    result = invoke("compare", str(folder), "--out", str(out))
    assert_one_error(result, names="kept.json", says="file is read-only")
    assert out.read_text(encoding="utf-8") == "the previous alignment"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.json", "story"]


def test_output_that_is_a_folder(tmp_path: Path) -> None:
    folder = write_story_pair(tmp_path / "story")
    result = invoke("compare", str(folder), "--out", str(folder))
    assert_one_error(result, names=str(folder), says="is a directory")
    assert sorted(p.name for p in folder.iterdir()) == ["dock-post.txt", "quay-herald.txt"]


@pytest.mark.skipif(is_root(), reason="running as root: a read-only folder is writable by root")
def test_output_in_a_read_only_folder(tmp_path: Path) -> None:
    folder = write_story_pair(tmp_path / "story")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = invoke("compare", str(folder), "--out", str(locked / "out.json"))
    finally:
        locked.chmod(0o755)
    assert_one_error(result, names="out.json", says="cannot write (Permission denied)")
    assert os.listdir(locked) == []


# ---------------------------------------------------------------------------
# Outputs that are not regular files: written through or followed, never renamed over


def _character_device(tmp_path: Path, name: str) -> Path:
    """A private copy of /dev/null or /dev/full, so that a writer that renames over its
    output cannot replace the machine's own device; the real one when not root (who cannot
    rename over it anyway)."""
    minor = {"null": 3, "full": 7}[name]
    node = tmp_path / name
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except PermissionError:
        if is_root():
            pytest.skip("cannot make a device node here, and /dev itself is not to be risked")
        return Path("/dev") / name
    return node


def _write_to(command: str, folder: Path, out: Path) -> Result:
    if command == "compare":
        return invoke("compare", str(folder), "--quiet", "--out", str(out))
    return invoke("report", str(TUI_ALIGNMENT), "--out", str(out))


@pytest.mark.parametrize("command", ["compare", "report"])
def test_output_to_a_character_device_is_written_through(tmp_path: Path, command: str) -> None:
    folder = write_story_pair(tmp_path / "story")
    null = _character_device(tmp_path, "null")
    result = _write_to(command, folder, null)
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(null.stat().st_mode)
    assert not [p for p in null.parent.iterdir() if p.name.endswith(".tmp")]


def test_output_to_a_full_device_is_one_error_and_the_device_stays(tmp_path: Path) -> None:
    folder = write_story_pair(tmp_path / "story")
    full = _character_device(tmp_path, "full")
    result = invoke("compare", str(folder), "--quiet", "--out", str(full))
    assert_one_error(result, names=str(full), says="cannot write (No space left on device)")
    assert stat.S_ISCHR(full.stat().st_mode)


@pytest.mark.parametrize("command", ["compare", "report"])
def test_output_to_a_fifo_is_written_through(tmp_path: Path, command: str) -> None:
    folder = write_story_pair(tmp_path / "story")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # The reading end is opened first, without blocking, so the writer never waits for a
    # reader; the output is far below the pipe's buffer.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        result = _write_to(command, folder, fifo)
        received = b""
        while chunk := os.read(reader, 1 << 16):
            received += chunk
    finally:
        os.close(reader)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    expected = "storydiff/alignment@1" if command == "compare" else "Riverton"
    assert expected in received.decode("utf-8")


def test_output_through_a_symbolic_link_writes_the_file_it_names(tmp_path: Path) -> None:
    folder = write_story_pair(tmp_path / "story")
    (tmp_path / "kept").mkdir()
    real = tmp_path / "kept" / "story.json"
    real.write_text("the previous alignment", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    dangling = tmp_path / "next.json"
    dangling.symlink_to(tmp_path / "kept" / "new.json")
    for out in (link, dangling):
        result = invoke("compare", str(folder), "--quiet", "--out", str(out))
        assert result.exit_code == 0, result.output
        assert out.is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["schema"] == "storydiff/alignment@1"
    assert json.loads((tmp_path / "kept" / "new.json").read_bytes())["articles"]


def test_output_through_a_symbolic_link_loop_is_one_error(tmp_path: Path) -> None:
    folder = write_story_pair(tmp_path / "story")
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    result = invoke("compare", str(folder), "--out", str(loop))
    assert_one_error(result, names="loop.json", says="symbolic link loop")
    assert loop.is_symlink()


def test_output_that_is_a_socket_is_refused(tmp_path: Path) -> None:
    folder = write_story_pair(tmp_path / "story")
    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        result = invoke("compare", str(folder), "--out", str(path))
    assert_one_error(result, names="sock", says="not a regular file, character device or FIFO")
    assert stat.S_ISSOCK(path.stat().st_mode)


@pytest.mark.parametrize("name", ["quay-herald.txt", "alignment.json"])
def test_compare_output_in_the_input_folder_is_refused(tmp_path: Path, name: str) -> None:
    # An existing article would be overwritten; a new file would be read as an article
    # by the next run.
    folder = write_story_pair(tmp_path / "story")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = invoke("compare", str(folder), "--out", str(folder / name))
    assert_one_error(result, names=name, says=f"inside the input folder {str(folder)!r}")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_report_output_on_its_input_is_refused(tmp_path: Path) -> None:
    alignment = tmp_path / "story.json"
    alignment.write_bytes(TUI_ALIGNMENT.read_bytes())
    result = invoke("report", str(alignment), "--out", str(alignment))
    assert_one_error(result, names="story.json", says="is an input")
    assert alignment.read_bytes() == TUI_ALIGNMENT.read_bytes()


# ---------------------------------------------------------------------------
# File names that are not UTF-8: Python keeps their bytes as lone surrogates, which no
# UTF-8 output can hold; they are written ``\xff`` wherever a name is shown or saved.

REPO = Path(__file__).resolve().parents[2]


def _storydiff(*args: str | bytes, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The real program, with arguments as bytes as a shell passes them."""
    return subprocess.run([sys.executable, "-m", "storydiff", *args], cwd=cwd,
                          capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


def test_article_and_output_named_with_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "story\udcfe"  # story<0xfe>
    write_story_pair(folder)
    (folder / "quay-herald.txt").rename(folder / "\udcff.txt")
    compared = _storydiff("compare", os.fsencode(folder), "--out", b"\xff.json", "-q",
                          cwd=tmp_path)
    assert compared.returncode == 0, compared.stderr
    saved = (tmp_path / "\udcff.json").read_bytes()
    paths = {a["path"] for a in json.loads(saved.decode("utf-8"))["articles"]}
    shown = str(folder).replace("\udcfe", "\\xfe")
    assert paths == {f"{shown}/dock-post.txt", f"{shown}/\\xff.txt"}
    for command in (["compare", os.fsencode(folder)], ["inspect", "--json", os.fsencode(folder)],
                    ["report", b"\xff.json", "--format", "json"]):
        printed = _storydiff(*command, cwd=tmp_path)
        assert printed.returncode == 0, printed.stderr
        assert "\\\\xff.txt" in printed.stdout.decode("utf-8")  # strict: no stray 0xff
    reported = _storydiff("report", b"\xff.json", "--out", b"\xfe.md", cwd=tmp_path)
    assert reported.returncode == 0, reported.stderr
    report = (tmp_path / "\udcfe.md").read_text(encoding="utf-8")
    assert report.startswith("# Coverage report: xfe") and "Dock Post" in report
