"""Loading: files, folders and JSON records to Articles, with names, ids and failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from storydiff.coverage.load import (
    LoadFailure,
    article_id,
    load_articles,
    outlet_from_name,
    slugify,
)
from storydiff.errors import ArticleError, NoArticlesError

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
ARTICLE = "The pier at Port Wren reopened on Monday after a year of repairs.\n"


def test_a_bad_file_among_good_ones_is_a_failure_and_the_rest_load() -> None:
    folder = str(DATA / "mixed")
    result = load_articles([folder])
    assert [a.path for a in result.articles] == [
        f"{folder}/01-gull-gazette.txt", f"{folder}/03-note.md",
    ]
    assert result.failures == (LoadFailure(path=f"{folder}/02-empty.txt", message="empty file"),)


def test_metadata_precedence_source_then_text_then_file_name() -> None:
    folder = str(DATA / "mixed")
    from_name, from_front_matter = load_articles([folder]).articles
    # Nothing in the text names the outlet: the file name does.
    assert from_name.outlet == "Gull Gazette"
    assert from_name.title == "Harbour reopens after the spring storm"  # the headline line
    assert from_name.id == "01-gull-gazette"  # no date known: the stem
    # Front matter wins over the file name ("03-note").
    assert from_front_matter.outlet == "The Gull Gazette"
    assert from_front_matter.published == "2023-04-05"
    assert from_front_matter.id == "the-gull-gazette-2023-04-05"


def test_text_metadata_beats_file_name(tmp_path: Path) -> None:
    path = tmp_path / "007-bay-herald.txt"
    path.write_text(
        f"Pier reopens\n\nBy Jane Doe, Coastal Times\n\nUpdated June 3, 2024\n\n{ARTICLE}",
        encoding="utf-8",
    )
    (article,) = load_articles([str(path)]).articles
    assert (article.outlet, article.author, article.published) == (
        "Coastal Times", "Jane Doe", "2024-06-03",
    )
    assert article.id == "coastal-times-2024-06-03"
    assert [line.reason for line in article.dropped] == ["byline", "dateline"]


def test_hash_like_file_name_falls_back_to_the_stem(tmp_path: Path) -> None:
    path = tmp_path / "003_02b14bdf3e49e420.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (article,) = load_articles([str(path)]).articles
    assert article.outlet == "003_02b14bdf3e49e420"
    assert article.id == "003-02b14bdf3e49e420"


def test_ids_are_made_unique_in_input_order(tmp_path: Path) -> None:
    paths = []
    for name in ("a", "b", "c"):
        path = tmp_path / f"{name}.md"
        path.write_text(f"---\noutlet: Bay Herald\npublished: 2024-06-03\n---\n{ARTICLE}",
                        encoding="utf-8")
        paths.append(str(path))
    result = load_articles(paths)
    assert [a.id for a in result.articles] == [
        "bay-herald-2024-06-03", "bay-herald-2024-06-03-2", "bay-herald-2024-06-03-3",
    ]
    assert [a.id for a in load_articles(paths).articles] == [a.id for a in result.articles]


def test_json_records_become_separate_articles() -> None:
    result = load_articles([str(DATA / "records.json")])
    assert [a.id for a in result.articles] == [
        "island-post-2023-04-03", "bay-herald-2023-04-04",
    ]
    assert [a.path for a in result.articles] == [
        f"{DATA}/records.json#1", f"{DATA}/records.json#2",
    ]
    assert result.articles[1].author == "Kim Lee and Raj Patel"


def test_sentences_point_into_the_cleaned_text() -> None:
    (article,) = load_articles([str(DATA / "web_paste.txt")]).articles
    assert article.sentences
    for sentence in article.sentences:
        assert article.text[sentence.start:sentence.end] == sentence.text
    assert "Leave a comment" not in article.text


def test_nothing_loads_raises_the_first_problem() -> None:
    with pytest.raises(ArticleError, match=r"empty\.txt: empty file"):
        load_articles([str(DATA / "empty.txt"), str(DATA / "no_article.html")])


def test_empty_folder_raises_no_articles(tmp_path: Path) -> None:
    with pytest.raises(NoArticlesError, match=r"no articles found"):
        load_articles([str(tmp_path)])


def test_no_paths_at_all() -> None:
    with pytest.raises(NoArticlesError, match=r"no article paths given"):
        load_articles([])


def test_all_failures_can_be_returned_instead_of_raised(tmp_path: Path) -> None:
    missing = str(tmp_path / "gone.txt")
    result = load_articles([missing, str(tmp_path)], raise_when_empty=False)
    assert result.articles == ()
    assert [f.path for f in result.failures] == [missing, str(tmp_path)]
    assert result.failures[0].message == "no such file or folder"


def test_an_article_that_is_all_debris_is_a_failure(tmp_path: Path) -> None:
    debris = tmp_path / "menu.txt"
    debris.write_text("Home\nWorld\nSport\nLIVE TV\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = load_articles([str(debris), str(good)])
    assert [a.path for a in result.articles] == [str(good)]
    assert result.failures == (
        LoadFailure(path=str(debris), message="no article text left after cleaning"),
    )


@pytest.mark.parametrize(
    ("path", "outlet"),
    [
        ("articles/002-cnn.txt", "CNN"),
        ("the-guardian.md", "The Guardian"),
        ("01_bay_herald.txt", "Bay Herald"),
        ("NYTimes.html", "NYTimes"),
        ("003_02b14bdf3e49e420.txt", None),
        ("2024.txt", None),
        ("https://www.bay-herald.example/news/pier", "bay-herald.example"),
    ],
)
def test_outlet_from_name(path: str, outlet: str | None) -> None:
    assert outlet_from_name(path) == outlet


def test_article_id_and_slugify() -> None:
    assert article_id(outlet="CNN", published="2016-06-24", stem="x") == "cnn-2016-06-24"
    assert article_id(outlet="CNN", published=None, stem="002-cnn") == "002-cnn"
    assert slugify("Le Monde — Édition") == "le-monde-edition"
    assert slugify("\u65b0\u95fb") == "article"
    assert len(slugify("x" * 500)) == 60
