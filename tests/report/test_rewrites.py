"""A rewrite is shown as the outlet's own words; a light edit keeps the struck-out words."""

from storydiff.coverage.diff import word_diff
from storydiff.coverage.model import Alignment, Article, Claim, Member, Sentence
from storydiff.report.html import render_html
from storydiff.report.markdown import render_markdown

REFERENCE = "The council closed 14 roads near the port on Monday."
LIGHT = "The council closed 14 schools near the port on Monday."
HEAVY = "Fourteen routes into the harbour were shut as the week began, officials said."


def article(article_id: str, text: str) -> Article:
    return Article(id=article_id, path=f"{article_id}.txt", outlet=article_id.title(),
                   title=None, url=None, published=None, author=None, text=text,
                   sentences=(Sentence(0, text, 0, len(text)),), dropped=())


def alignment() -> Alignment:
    claim = Claim(
        id="c1", label=REFERENCE, reference="ref", quotes=(), numbers=(), divergences=(),
        missing_from=(),
        members=(
            Member("ref", 0, 1.0, REFERENCE),
            Member("light", 0, 0.9, LIGHT, word_diff(REFERENCE, LIGHT)),
            Member("heavy", 0, 0.4, HEAVY, word_diff(REFERENCE, HEAVY)),
        ),
    )
    return Alignment(created="t", settings={}, claims=(claim,), figures=(),
                     articles=(article("ref", REFERENCE), article("light", LIGHT),
                               article("heavy", HEAVY)))


def line_of(markdown: str, outlet: str) -> str:
    (line,) = [x for x in markdown.splitlines() if x.startswith(f"- **{outlet}**")]
    return line


def test_markdown_strikes_out_words_of_a_light_edit_only() -> None:
    markdown = render_markdown(alignment())
    assert "~~roads~~" in line_of(markdown, "Light")
    heavy = line_of(markdown, "Heavy")
    assert "~~" not in heavy
    assert "harbour" in heavy


def test_html_leaves_out_dropped_words_of_a_rewrite() -> None:
    page = render_html(alignment())
    heavy = page[page.index("<span class=\"outlet\">Heavy</span>"):]
    heavy = heavy[: heavy.index("</p>")]
    assert "<del" not in heavy and "harbour" in heavy
    light = page[page.index("<span class=\"outlet\">Light</span>"):]
    assert "<del" in light[: light.index("</p>")]
