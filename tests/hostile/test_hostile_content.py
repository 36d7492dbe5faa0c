"""Hostile article text, titles and file names reach the terminal as plain characters.

Markup (``[bold red]``, ``[link=...]``) must show literally; terminal escapes (colour,
OSC 8 hyperlinks, bells) must never be written at all. URL fetching is held to http(s),
a redirect cap and a size cap by a real server on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from storydiff.coverage.ingest import ReadLimits, read_article
from storydiff.errors import ArticleError
from tests.hostile.support import STORY, assert_one_error, invoke

ESCAPES = ("\x1b[31m", "\x1b]8;;http://evil.example\x1b\\", "\x07", "\x1b[2J")
MARKUP_TITLE = "[bold red]Quay[/] shut [link=http://evil.example]here[/link]"


def assert_no_control_characters(output: str) -> None:
    assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output
    assert all(ch >= " " or ch in "\n" for ch in output), repr(output)


@pytest.fixture
def hostile_story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "[bold]herald[-bold].md").write_text(
        "---\n"
        f'title: "{MARKUP_TITLE} \\e[31mred\\e]8;;http://evil.example\\e\\\\link"\n'
        'outlet: "[link=http://evil.example]Quay Herald[/link]"\n'
        'author: "Ann \\aBell\\e[2J"\n'
        "---\n"
        "The [bold red]harbour board[/] shut the \x1b[31meast quay\x1b[0m on Friday.\n"
        "A \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ and a bell\x07 were hidden "
        "in this [link=http://evil.example]line[/link].\n",
        encoding="utf-8",
    )
    (folder / "dock-post.txt").write_text(STORY, encoding="utf-8")
    return folder


def test_inspect_table_shows_markup_literally_and_no_escapes(hostile_story: Path) -> None:
    result = invoke("inspect", str(hostile_story))
    assert result.exit_code == 0, result.output
    assert_no_control_characters(result.output)
    assert "[bold red]Quay[/] shut" in result.stdout
    assert "[link=http://evil.example]Quay Herald[/link]" in result.stdout
    assert "[bold]herald[-bold].md" in result.stdout
    assert "Ann Bell" in result.stdout


def test_inspect_json_keeps_markup_as_text_and_drops_escapes(hostile_story: Path) -> None:
    result = invoke("inspect", "--json", str(hostile_story))
    assert result.exit_code == 0
    assert "\\u001b" not in result.stdout and "\\u0007" not in result.stdout
    (herald,) = [a for a in json.loads(result.stdout)["articles"] if "herald" in a["path"]]
    assert herald["title"].startswith(MARKUP_TITLE + " red")
    assert herald["outlet"] == "[link=http://evil.example]Quay Herald[/link]"
    assert herald["author"] == "Ann Bell"


def test_compare_keeps_markup_in_article_text_and_drops_escapes(
    hostile_story: Path, tmp_path: Path,
) -> None:
    out = tmp_path / "out.json"
    result = invoke("compare", str(hostile_story), "--out", str(out))
    assert result.exit_code == 0
    assert_no_control_characters(result.stderr)
    (herald,) = [a for a in json.loads(out.read_text())["articles"] if "herald" in a["path"]]
    assert herald["text"].startswith(
        "The [bold red]harbour board[/] shut the east quay on Friday.\n\nA link and a bell "
    )
    assert not any(ch in herald["text"] for ch in "\x1b\x07")


@pytest.mark.parametrize("escape", ESCAPES, ids=["colour", "hyperlink", "bell", "clear"])
def test_a_file_named_with_an_escape_sequence_is_reported_harmlessly(
    tmp_path: Path, escape: str,
) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    name = f"bad{escape.replace('/', ':')}[bold]name.txt"
    (folder / name).write_bytes(b"")
    (folder / "dock-post.txt").write_text(STORY, encoding="utf-8")
    result = invoke("compare", str(folder), "--out", str(tmp_path / "out.json"))
    assert result.exit_code == 0
    assert_no_control_characters(result.stderr)
    warnings = [line for line in result.stderr.splitlines() if "empty file" in line]
    assert len(warnings) == 1 and "[bold]name.txt: empty file (skipped)" in warnings[0]

    inspected = invoke("inspect", str(folder))
    assert inspected.exit_code == 0  # skipped with a warning, as compare does
    assert_no_control_characters(inspected.output)
    assert inspected.stderr.strip().endswith("[bold]name.txt: empty file (skipped)")


C1_CONTROLS = "\x9b31m\x85\x7f\u202e"
"""CSI (an 8-bit terminal escape), NEL, DEL and a bidi override: json.dumps keeps them raw."""


def test_json_outputs_escape_c1_controls_and_keep_the_value(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    name = f"quay{C1_CONTROLS}herald.txt"
    (folder / name).write_text(STORY, encoding="utf-8")
    (folder / "dock-post.txt").write_text(STORY.replace("Friday", "Thursday"), encoding="utf-8")
    out = tmp_path / "alignment.json"
    compared = invoke("compare", str(folder), "--quiet")
    assert invoke("compare", str(folder), "--quiet", "--out", str(out)).exit_code == 0
    reported = invoke("report", str(out), "--format", "json")
    inspected = invoke("inspect", "--json", str(folder))
    for result in (compared, reported, inspected):
        assert result.exit_code == 0, result.output
        assert not any("\x7f" <= ch <= "\x9f" or ch == "\u202e" for ch in result.stdout)
        assert "\\u009b31m\\u0085\\u007f\\u202e" in result.stdout
        paths = [a["path"] for a in json.loads(result.stdout)["articles"]]
        assert str(folder / name) in paths
    assert not any("\x7f" <= ch <= "\x9f" for ch in out.read_text(encoding="utf-8"))


def test_a_missing_path_with_escapes_and_newlines_is_one_harmless_line(tmp_path: Path) -> None:
    name = str(tmp_path / "gone\x1b[31m\nred[/].txt")
    result = invoke("compare", name)
    assert result.exit_code == 2
    assert_no_control_characters(result.stderr)
    assert result.stderr.count("\n") == 1
    assert "red[/].txt: no such file or folder" in result.stderr


HOSTILE_STORY_NAMES = (
    "~..evil", "\x1b[31mred\x1b[0m", "[link=http:evil]x[-link]", "con", "index.html",
    "a..b...", "\u202eright-to-left", " spaced out ", "CASE", "case",
)


def _story(folder: Path, *, broken: bool = False) -> None:
    folder.mkdir()
    if broken:
        (folder / "empty.txt").write_bytes(b"")
        return
    (folder / "quay-herald.txt").write_text(STORY, encoding="utf-8")
    (folder / "dock-post.txt").write_text(STORY.replace("Friday", "Thursday"), encoding="utf-8")


def test_batch_output_names_cannot_escape_the_output_folder(tmp_path: Path) -> None:
    stories = tmp_path / "stories"
    stories.mkdir()
    for name in HOSTILE_STORY_NAMES:
        _story(stories / name)
    _story(stories / "zz-broken", broken=True)
    out = tmp_path / "reports"
    result = invoke("batch", str(stories), "--out", str(out), "--jobs", "1", "--format", "md")

    # One story failed; the others were all reported, and it says so in one error line.
    assert result.exit_code == 2, result.output
    assert_no_control_characters(result.stderr)
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors == [f"error: 1 of {len(HOSTILE_STORY_NAMES) + 1} stories failed; see the index"]
    assert any(line.startswith("warning: zz-broken: ") for line in result.stderr.splitlines())
    # Nothing was written outside the output folder, and every output is inside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports", "stories"]
    resolved_out = out.resolve()
    written = [p for p in out.rglob("*")]
    assert all(resolved_out in p.resolve().parents for p in written)
    story_dirs = [p for p in out.iterdir() if p.is_dir()]
    assert all(not p.name.startswith(".") for p in story_dirs)
    assert all(ch.isprintable() for p in written for ch in p.name)
    reports = sorted(p.parent.name for p in out.glob("*/report.md"))
    assert len(reports) == len(HOSTILE_STORY_NAMES)
    assert len({name.lower() for name in reports}) == len(reports)
    assert (out / "index.md").is_file() and (out / "index.html").is_file()
    assert "zz-broken" in (out / "index.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# URL fetching


class _Traps(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path.startswith("/hop/"):
            hop = int(self.path.rsplit("/", 1)[1])
            self._redirect(f"/hop/{hop + 1}" if hop < 10 else "/article")
        elif self.path.startswith("/to/"):
            self._redirect(self.path.removeprefix("/to/").replace("|", "/"))
        elif self.path == "/article":
            body = STORY.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/endless":
            # No Content-Length and no end: only the reader's cap stops it.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                for _ in range(4096):
                    self.wfile.write(b"The quay stays shut. " * 100)
        elif self.path == "/cut-short":
            # Announces more than it sends, then hangs up: a connection cut mid-page.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "5000")
            self.end_headers()
            self.wfile.write(STORY.encode("utf-8"))
            self.close_connection = True
        elif self.path == "/lying-length":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "10")
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(b"The quay stays shut. " * 5000)
        else:
            self.send_error(404)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Traps)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_a_redirect_chain_longer_than_the_cap_is_refused(server: str) -> None:
    with pytest.raises(ArticleError) as caught:
        read_article(f"{server}/hop/0", limits=ReadLimits(max_redirects=5))
    assert str(caught.value) == f"{server}/hop/0: too many redirects (more than 5)"


def test_a_redirect_chain_within_the_cap_is_followed(server: str) -> None:
    raw = read_article(f"{server}/hop/0", limits=ReadLimits(max_redirects=11))
    assert raw.text == STORY
    assert raw.metadata.url == f"{server}/article"


@pytest.mark.parametrize(
    ("target", "scheme"),
    [("ftp:||example.org|a.txt", "ftp"), ("file:|||etc|passwd", "file"),
     ("javascript:alert(1)", "javascript"), ("data:text|plain,hello", "data"),
     ("gopher:||127.0.0.1:70|", "gopher")],
)
def test_a_redirect_to_a_non_http_scheme_is_refused(
    server: str, target: str, scheme: str,
) -> None:
    with pytest.raises(ArticleError) as caught:
        read_article(f"{server}/to/{target}")
    assert str(caught.value) == (
        f"{server}/to/{target}: redirected to a {scheme}: URL; only http and https are followed"
    )


def test_a_body_without_length_larger_than_the_cap_is_cut_off(server: str) -> None:
    with pytest.raises(ArticleError) as caught:
        read_article(f"{server}/endless", limits=ReadLimits(max_bytes=256 * 1024))
    assert str(caught.value).startswith(f"{server}/endless: file too large (0.3 MB > 0.25 MB")


def test_a_body_longer_than_its_declared_length_is_read_only_as_declared(server: str) -> None:
    raw = read_article(f"{server}/lying-length")
    assert raw.text == "The quay s"


def test_a_body_shorter_than_its_declared_length_is_refused(server: str) -> None:
    with pytest.raises(ArticleError) as caught:
        read_article(f"{server}/cut-short")
    assert str(caught.value) == (
        f"{server}/cut-short: the connection was cut ({len(STORY.encode()):,} of the 5,000 "
        "bytes the server announced)")


@pytest.mark.parametrize("userinfo", ["alice:s3cret@", "s3cret@", "alice:s3cret:x@"])
def test_a_url_with_a_password_is_refused_without_showing_it(
    server: str, userinfo: str, tmp_path: Path,
) -> None:
    url = server.replace("//", f"//{userinfo}") + "/article"
    shown = server.replace("//", "//***@") + "/article"
    says = "URL holds a user name or password, which storydiff does not send"
    result = invoke("compare", url)
    assert_one_error(result, names=shown, says=says)
    story = tmp_path / "quay.txt"
    story.write_text(STORY, encoding="utf-8")
    # compare goes on without it; inspect lists it and says a named source failed.
    for among_others, status in ((invoke("compare", url, str(story), "--quiet"), 0),
                                 (invoke("inspect", "--json", url, str(story)), 2)):
        assert among_others.exit_code == status, among_others.output
        assert "s3cret" not in among_others.output
        assert f"{shown}: {says}" in among_others.stderr


def test_compare_reports_a_bad_url_in_one_line(server: str) -> None:
    result = invoke("compare", f"{server}/to/file:|||etc|passwd")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {server}/to/file:|||etc|passwd: redirected to a file: URL; "
        "only http and https are followed\n"
    )
