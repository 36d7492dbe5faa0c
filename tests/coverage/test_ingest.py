"""Reading every supported source, and refusing every bad one with a one-line message."""

from __future__ import annotations

import codecs
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from storydiff.coverage.ingest import (
    NotAnArticleError,
    ReadLimits,
    decode_bytes,
    expand_sources,
    parse_date,
    read_article,
    read_articles,
)
from storydiff.coverage.model import Metadata
from storydiff.errors import ArticleError, NoArticlesError

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
TEXT = "The ferry to Skerry Island will run twice a day from May, the council said.\n"


def data(name: str) -> str:
    return str(DATA / name)


# ---------------------------------------------------------------------------
# Formats


def test_plain_text_is_read_as_is() -> None:
    raw = read_article(data("plain.txt"))
    assert raw.source_format == "txt"
    assert raw.path == data("plain.txt")
    assert raw.text.startswith("Harbour reopens after the spring storm\n")
    assert raw.metadata == Metadata()


def test_markdown_front_matter_becomes_metadata() -> None:
    raw = read_article(data("front_matter.md"))
    assert raw.source_format == "md"
    assert raw.metadata == Metadata(
        outlet="The Gull Gazette",
        title="Harbour reopens after the spring storm",
        url="https://gull-gazette.example/harbour",
        published="2023-04-05",
        author="Ada Quill",
    )
    assert raw.text.startswith("# Harbour reopens")
    assert "outlet:" not in raw.text


def test_malformed_front_matter_names_file_and_line() -> None:
    with pytest.raises(ArticleError) as caught:
        read_article(data("bad_front_matter.md"))
    message = str(caught.value)
    assert message.startswith(data("bad_front_matter.md") + ": malformed front matter (")
    assert "line" in message and "\n" not in message


def test_unclosed_front_matter_is_refused() -> None:
    with pytest.raises(ArticleError, match=r"no closing '---' line"):
        read_article(data("unclosed_front_matter.md"))


def test_front_matter_date_must_be_a_date(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\npublished: last Tuesday\n---\nThe pier reopened.\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"'published' is not a date: 'last Tuesday'"):
        read_article(str(path))


def test_html_main_text_and_metadata_are_extracted() -> None:
    raw = read_article(data("article.html"))
    assert raw.source_format == "html"
    assert "42 boats were damaged" in raw.text
    assert "Home" not in raw.text.split("\n")
    assert raw.metadata.outlet == "The Gull Gazette"
    assert raw.metadata.author == "Ada Quill"
    assert raw.metadata.published == "2023-04-05"
    assert raw.metadata.title == "Harbour reopens after the spring storm"


SUBHEAD_PAGE = """<!doctype html><html><head><title>Pier reopens</title></head><body>
<article><h1>Pier reopens after a year of repairs</h1>
<p>The pier at Port Wren reopened on Monday after a year of repairs, the harbour board
said.</p>
<h2>Who paid for the work?</h2>
<p>The council paid two thirds of the bill and the harbour board paid the rest.</p>
<h3>What comes next</h3>
<p>A cafe will open at the end of the pier in May, the board said.</p>
</article></body></html>"""


def test_html_headings_are_marked_as_markdown_headings(tmp_path: Path) -> None:
    # Cleaning needs to know which blocks were headings: a subhead states nothing.
    page = tmp_path / "pier.html"
    page.write_text(SUBHEAD_PAGE, encoding="utf-8")
    blocks = read_article(str(page)).text.split("\n\n")
    assert blocks[0] == "# Pier reopens after a year of repairs"
    assert "## Who paid for the work?" in blocks
    assert "### What comes next" in blocks
    assert sum(block.startswith("#") for block in blocks) == 3  # paragraphs stay plain


def test_html_without_an_article_is_refused() -> None:
    with pytest.raises(ArticleError, match=r"no_article\.html: no article text found"):
        read_article(data("no_article.html"))


def test_json_object_is_one_article() -> None:
    raw = read_article(data("single.json"))
    assert raw.source_format == "json"
    assert raw.metadata.outlet == "Island Post"
    assert raw.metadata.author == "Ben Moor"
    assert raw.metadata.published == "2023-04-03"
    assert raw.text.startswith("The ferry to Skerry Island")


def test_json_list_gives_one_article_per_record() -> None:
    first, second = read_articles(data("records.json"))
    assert (first.path, second.path) == (data("records.json") + "#1", data("records.json") + "#2")
    assert second.metadata.outlet == "Bay Herald"  # from the "source" alias
    assert second.metadata.published == "2023-04-04"  # "April 4, 2023"
    assert second.metadata.author == "Kim Lee and Raj Patel"


def test_read_article_refuses_a_file_of_many_records() -> None:
    with pytest.raises(ArticleError, match=r"holds 2 articles, expected one"):
        read_article(data("records.json"))


@pytest.mark.parametrize(
    ("content", "not_an_article"),
    [
        ('{"expected": [{"type": "number_changed"}]}', True),  # answer keys, not an article
        ('[{"schema": 1}, {"claims": []}]', True),
        ("[1, 2, 3]", True),
        ('{"text": "   "}', False),  # an article, broken
        ('[{"text": "The ferry runs twice a day."}, {"title": "no text"}]', False),
        ('{"text": "The ferry runs.", "published": "someday"}', False),
    ],
)
def test_json_that_holds_no_article_is_told_apart_from_a_broken_article(
    tmp_path: Path, content: str, not_an_article: bool
) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ArticleError) as raised:
        read_articles(str(path))
    assert isinstance(raised.value, NotAnArticleError) is not_an_article


def test_json_lines_skip_blank_lines() -> None:
    articles = read_articles(data("records.jsonl"))
    assert [a.metadata.outlet for a in articles] == ["Gull Gazette", "Bay Herald"]
    assert articles[1].metadata.url == "https://bay-herald.example/library"
    assert {a.source_format for a in articles} == {"jsonl"}


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("a.json", '{"text": "unfinished', r"a\.json: not valid JSON \(.* at line 1 column"),
        ("b.json", '{"body": "no text field"}', r"b\.json: no 'text' field"),
        ("c.json", '[{"text": "fine."}, 7]', r"c\.json: record 2: expected a JSON object"),
        ("d.jsonl", '{"text": "fine."}\n{oops}\n', r"d\.jsonl: line 2: not valid JSON"),
        ("e.json", '{"text": "   "}', r"e\.json: empty 'text' field"),
        ("f.json", "[]", r"f\.json: empty file"),
    ],
)
def test_bad_json_is_refused_with_where(
    tmp_path: Path, name: str, content: str, problem: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ArticleError, match=problem):
        read_articles(str(path))


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "saved_page"
    page.write_bytes((DATA / "article.html").read_bytes())
    assert read_article(str(page)).source_format == "html"
    note = tmp_path / "note"
    note.write_text(TEXT, encoding="utf-8")
    assert read_article(str(note)).source_format == "txt"


# ---------------------------------------------------------------------------
# Bad files and decoding


def test_missing_path() -> None:
    with pytest.raises(ArticleError, match=r"nowhere\.txt: no such file or folder"):
        read_article(data("nowhere.txt"))


def test_empty_file() -> None:
    with pytest.raises(ArticleError, match=r"empty\.txt: empty file$"):
        read_article(data("empty.txt"))


def test_whitespace_only_file() -> None:
    with pytest.raises(ArticleError, match=r"whitespace_only\.txt: empty file"):
        read_article(data("whitespace_only.txt"))


def test_folder_given_to_read_article() -> None:
    with pytest.raises(ArticleError, match=r"is a folder"):
        read_article(str(DATA))


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ArticleError, match=r"picture\.txt: binary file"):
        read_article(str(path))


def test_undecodable_bytes_name_byte_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "cnn.txt"
    # 0x81 and 0x8d are unassigned in Windows-1252 too: no fallback can read this.
    path.write_bytes(b"The pier reopened " + b"\x81\x8d" * 5)
    with pytest.raises(ArticleError) as caught:
        read_article(str(path))
    assert str(caught.value) == f"{path}: not UTF-8 text (byte 0x81 at offset 18)"


def test_mostly_non_ascii_bytes_are_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("港口周二重新开放".encode("gbk"))
    with pytest.raises(ArticleError, match=r"not UTF-8 text \(byte 0x"):
        read_article(str(path))


def test_latin1_and_windows_1252_fall_back(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("The caf\u00e9 said it\u2019s closed on Monday.".encode("cp1252"))
    assert read_article(str(path)).text == "The caf\u00e9 said it\u2019s closed on Monday."
    assert decode_bytes(path.read_bytes(), source="old.txt").encoding == "cp1252"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.txt"
    bom = {"utf-16": b"", "utf-16-be": codecs.BOM_UTF16_BE, "utf-32": b""}[encoding]
    path.write_bytes(bom + "Caf\u00e9 \u201cquoted\u201d text.".encode(encoding))
    assert read_article(str(path)).text == "Caf\u00e9 \u201cquoted\u201d text."


def test_utf16_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))
    assert read_article(str(path)).text == TEXT


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert read_article(str(path)).text == TEXT


def test_file_over_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # a sparse 50 MB file: cheap to make
    with pytest.raises(ArticleError) as caught:
        read_article(str(path))
    assert str(caught.value) == f"{path}: file too large (50.0 MB > 20 MB cap)"


def test_size_cap_is_a_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT * 10, encoding="utf-8")
    with pytest.raises(ArticleError, match=r"file too large"):
        read_article(str(path), limits=ReadLimits(max_bytes=100))


# ---------------------------------------------------------------------------
# Folders


def test_folder_expands_to_sorted_article_files() -> None:
    folder = data("mixed")
    assert expand_sources([folder, data("plain.txt")]) == (
        f"{folder}/01-gull-gazette.txt",
        f"{folder}/02-empty.txt",
        f"{folder}/03-note.md",
        data("plain.txt"),
    )


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(NoArticlesError) as caught:
        expand_sources([str(tmp_path)])
    assert str(caught.value).startswith(f"{tmp_path}: no articles found (looked for .txt")


def test_missing_paths_are_kept_for_the_reader_to_report() -> None:
    assert expand_sources(["gone.txt"]) == ("gone.txt",)


# ---------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016-06-24T10:00:00Z", "2016-06-24"),
        ("Updated 11:45 PM ET, Fri June 24, 2016", "2016-06-24"),
        ("24th Sept. 2019", "2019-09-24"),
        ("February 30, 2020", None),
        ("06/07/2016", None),
        # Dotted numeric dates are written day first.
        ("17.01.2025", "2025-01-17"),
        ("Stand: 3.4.2024, 14:05 Uhr", "2024-04-03"),
        ("31.02.2024", None),
        ("version 1.17.01.2025", None),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


# ---------------------------------------------------------------------------
# URLs, against a real server on 127.0.0.1

HTML_PAGE = (DATA / "article.html").read_bytes()


class _Handler(BaseHTTPRequestHandler):
    release: threading.Event  # set by the fixture: lets the slow endpoint finish

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass  # keep test output quiet

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        routes = {
            "/article.html": (200, "text/html; charset=utf-8", HTML_PAGE),
            "/plain": (200, "text/plain", TEXT.encode("utf-8")),
            "/latin": (200, "text/plain; charset=iso-8859-1", "Caf\u00e9 open.".encode("latin-1")),
            "/picture": (200, "image/png", b"\x89PNG\r\n"),
            "/empty": (200, "text/plain", b""),
        }
        if self.path in routes:
            code, content_type, body = routes[self.path]
            self._send(code, content_type, body)
        elif self.path == "/slow":
            self.release.wait(timeout=30)
            self._send(200, "text/plain", TEXT.encode("utf-8"))
        elif self.path == "/big":
            # No Content-Length: only the reader's own cap can stop it.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"x" * 1024)
        elif self.path in ("/trickle", "/trickle-head"):
            self._trickle(head_too=self.path == "/trickle-head")
        elif self.path == "/big-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(10 * 1024 * 1024))
            self.end_headers()
        elif self.path == "/loop":
            self._redirect("/loop")
        elif self.path == "/to-file":
            self._redirect("file:///etc/passwd")
        elif self.path == "/moved":
            self._redirect("/plain")
        else:
            self._send(404, "text/plain", b"not here")

    def _trickle(self, *, head_too: bool) -> None:
        # A byte every 50 ms: never a pause long enough for the per-read timeout. Bounded
        # by the client hanging up, or 40 s, or the end of the tests.
        head = b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n"
        if not head_too:
            self.wfile.write(head)
            head = b""
        for byte in (head + TEXT.encode("utf-8") * 20)[:800]:
            if self.release.wait(timeout=0.05):
                return
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:
                return

    def _send(self, code: int, content_type: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    release = threading.Event()
    handler = type("Handler", (_Handler,), {"release": release})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_url_html_page(server: str) -> None:
    raw = read_article(f"{server}/article.html")
    assert raw.source_format == "html"
    assert raw.path == f"{server}/article.html"
    assert "42 boats were damaged" in raw.text
    assert raw.metadata.outlet == "The Gull Gazette"
    assert raw.metadata.url == f"{server}/article.html"


def test_url_plain_text_follows_a_redirect(server: str) -> None:
    raw = read_article(f"{server}/moved")
    assert raw.source_format == "txt"
    assert raw.text == TEXT
    assert raw.metadata.url == f"{server}/plain"


def test_url_declared_charset_is_used(server: str) -> None:
    assert read_article(f"{server}/latin").text == "Caf\u00e9 open."


def test_url_timeout(server: str) -> None:
    with pytest.raises(ArticleError) as caught:
        read_article(f"{server}/slow", limits=ReadLimits(timeout=0.5))
    assert str(caught.value) == f"{server}/slow: timed out after 0.5 s"


def test_url_refused() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # The port was free a moment ago and nothing listens on it now.
    with pytest.raises(ArticleError) as caught:
        read_article(f"http://127.0.0.1:{port}/a", limits=ReadLimits(timeout=2))
    assert str(caught.value) == f"http://127.0.0.1:{port}/a: connection refused"


@pytest.mark.parametrize("path", ["/trickle", "/trickle-head"])
def test_url_total_deadline(server: str, path: str) -> None:
    # The body (or the status line and headers) comes a byte at a time, each well within
    # the per-read timeout: only the total deadline stops it, and what came is not kept.
    with pytest.raises(ArticleError) as caught:
        read_article(f"{server}{path}", limits=ReadLimits(timeout=5, deadline=0.5))
    assert str(caught.value) == f"{server}{path}: took longer than 0.5 s in all"


def test_url_deadline_is_thirty_seconds_by_default() -> None:
    assert ReadLimits().deadline == 30


def test_url_too_large(server: str) -> None:
    with pytest.raises(ArticleError, match=r"/big: file too large \(0\.\d MB > "):
        read_article(f"{server}/big", limits=ReadLimits(max_bytes=16 * 1024))
    with pytest.raises(ArticleError, match=r"/big-declared: file too large \(10\.0 MB > 1 MB"):
        read_article(f"{server}/big-declared", limits=ReadLimits(max_bytes=1024 * 1024))


def test_url_http_error(server: str) -> None:
    with pytest.raises(ArticleError, match=r"/gone: HTTP error 404 Not Found$"):
        read_article(f"{server}/gone")


def test_url_redirect_loop(server: str) -> None:
    with pytest.raises(ArticleError, match=r"/loop: too many redirects \(more than 3\)"):
        read_article(f"{server}/loop", limits=ReadLimits(max_redirects=3))


def test_url_redirect_to_file_scheme_is_refused(server: str) -> None:
    with pytest.raises(ArticleError, match=r"redirected to a file: URL"):
        read_article(f"{server}/to-file")


def test_url_binary_content_type(server: str) -> None:
    with pytest.raises(ArticleError, match=r"/picture: not an article page \(content type image"):
        read_article(f"{server}/picture")


def test_url_empty_body(server: str) -> None:
    with pytest.raises(ArticleError, match=r"/empty: empty file"):
        read_article(f"{server}/empty")


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/a.txt",
            "data:text/plain,hello"],
)
def test_non_http_schemes_are_refused(url: str) -> None:
    with pytest.raises(ArticleError) as caught:
        read_article(url)
    assert str(caught.value).startswith(f"{url}: unsupported URL scheme")
    assert "only http and https" in str(caught.value)
