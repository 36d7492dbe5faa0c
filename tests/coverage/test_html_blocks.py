"""An HTML page's headline and paragraphs stay separate sentences (regression)."""

from pathlib import Path

from storydiff.coverage.load import load_articles

PAGE = """<!doctype html><html><head><title>Ferry strike ends</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry strike ends after nine days</h1>
<p>Crews on the island ferries returned to work on Friday after a nine-day strike over
rosters, the union said.</p>
<p>The operator agreed to hire 24 more deckhands before the summer timetable starts.</p>
</article><footer>All rights reserved</footer></body></html>"""


def test_headline_does_not_run_into_the_first_paragraph(tmp_path: Path) -> None:
    page = tmp_path / "ferry.html"
    page.write_text(PAGE, encoding="utf-8")
    (article,) = load_articles([str(page)]).articles
    texts = [s.text for s in article.sentences]
    assert texts[0] == "Ferry strike ends after nine days"
    assert texts[1].startswith("Crews on the island ferries")
