"""The exported HTML page: standalone, in the document's language, no script and no raw HTML."""

from __future__ import annotations

import copy
import html
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from bench.scale import scaled_policy
from exports import html as html_module
from exports.html import export_html, markdown_to_html, render_blocks
from exports.markdown import export_markdown, markdown_blocks
from schemas import check_policy
from tests.unit.rendered import UK_POLICY, example_path, load, one_line, strip_tags
from tests.unit.test_markdown import _VALUE, _put, _text_paths


@pytest.mark.parametrize(("path", "lang"), [(example_path(), "en"), (UK_POLICY, "uk")])
def test_a_standalone_page_in_the_documents_language(path: Path, lang: str) -> None:
    data = load(path)
    page = export_html(data)
    assert page.startswith("<!DOCTYPE html>\n")
    assert f'<html lang="{lang}">' in page
    assert '<meta charset="utf-8">' in page
    assert '<meta name="viewport"' in page
    title = f"{data['document']['title']} — {data['document']['company']}"
    assert f"<title>{html.escape(title, quote=False)}</title>" in page
    assert "@media print" in page
    assert "<script" not in page.lower()
    assert not re.search(r"<(link|img|iframe|object|embed)\b", page)
    assert not re.search(r"""(src|@import|url\()\s*=?\s*["']?https?:""", page)
    page.encode("utf-8")
    assert page.endswith("</html>\n")


def test_the_body_is_the_markdown_document_rendered() -> None:
    data = load(example_path())
    page = export_html(data)
    assert "<h2>1. Mission, objectives and values</h2>" in page
    assert "<table>" in page
    assert '<a href="https://buffer.com">' in page
    assert "Warm, plain and a little playful.<br />" in page
    # The author's apostrophes and braces are text.
    assert "{name}" in page


def test_the_authors_html_is_text() -> None:
    data = load(example_path())
    data["mission"]["statement"] = "<b>x</b> <script>alert(1)</script>"
    data["communication"]["templates"][0]["text"] = '<img src="http://evil.example/x.png">'
    page = export_html(data)
    assert "&lt;b&gt;x&lt;/b&gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page
    assert "<b>" not in page
    assert "<img" not in page


def test_markdown_to_html_turns_raw_html_off() -> None:
    page = markdown_to_html("<script>alert(1)</script>\n\n<div>x</div>", lang="en", title="T")
    assert "<script" not in page
    assert "<div>" not in page
    assert "&lt;div&gt;" in page


def test_the_title_is_escaped() -> None:
    page = markdown_to_html("# x", lang="uk", title="A <b> & «Зерно»")
    assert "<title>A &lt;b&gt; &amp; «Зерно»</title>" in page


def test_the_page_shows_every_line_the_markdown_shows() -> None:
    data = load(UK_POLICY)
    text = strip_tags(export_html(data, include_access=True))
    assert "Менеджер паролів, сейф «Соцмережі», запис «Instagram»" in text
    assert one_line(data["mission"]["statement"]) in text
    assert "Дані для входу" not in strip_tags(export_html(data))


def test_a_draft_page_says_so() -> None:
    data = load(example_path())
    del data["document"]["approved_by"]
    page = export_html(data)
    assert "<strong>Draft</strong>" in page
    assert "<em>not defined yet</em>" in page


def test_markdown_export_does_not_load_markdown_it() -> None:
    code = (
        "import sys, tomllib\n"
        "from exports.markdown import export_markdown\n"
        f"data = tomllib.load(open({str(example_path())!r}, 'rb'))\n"
        "export_markdown(data)\n"
        "assert 'markdown_it' not in sys.modules, 'markdown_it loaded'\n"
        "assert 'textual' not in sys.modules, 'textual loaded'\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_export_markdown_and_html_agree() -> None:
    data = load(example_path())
    markdown = export_markdown(data)
    page = export_html(data)
    assert (
        markdown_to_html(markdown, lang="en", title="x").split("<main>")[1]
        == page.split("<main>")[1]
    )


# --- a large document: rendered a group at a time, the same page ---------------------


def _body(page: str) -> str:
    return page.split("<main>")[1]


def test_a_large_policy_renders_in_groups_as_it_does_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """x40 (120 platforms, 80 templates …) in groups of 4,096 characters: many groups,
    and tables longer than a group."""
    monkeypatch.setattr(html_module, "CHUNK_CHARACTERS", 4096)
    data = scaled_policy(40)
    blocks = markdown_blocks(data)
    assert sum(len(block) for block in blocks) > 20 * 4096
    assert sum(len(block) > 4096 and block.startswith("| ") for block in blocks) >= 3
    whole = markdown_to_html(export_markdown(data), lang="en", title="x")
    assert _body(export_html(data)) == _body(whole)


@pytest.mark.parametrize("path", [example_path(), UK_POLICY])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.lists(_VALUE, min_size=7, max_size=7))
def test_each_block_and_each_table_row_renders_as_in_the_whole_page(
    path: Path, values: list[str]
) -> None:
    """With groups of one block and tables of one row a group, the author's trickiest
    text still gives the page of the whole document."""
    data = copy.deepcopy(load(path))
    for index, text_path in enumerate(_text_paths(data)):
        _put(data, text_path, values[index % len(values)])
    data["platforms"] = data["platforms"] * 3  # a table of several rows
    whole = markdown_to_html(export_markdown(data, include_access=True), lang="en", title="x")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(html_module, "CHUNK_CHARACTERS", 1)
        page = export_html(data, include_access=True)
    assert _body(page) == _body(whole)


def test_a_table_not_of_the_expected_shape_renders_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module, "CHUNK_CHARACTERS", 1)
    block = "| a | b |\n|---|---|\n| 1 | 2 |\n\n| 3 | 4 |\nafter"
    expected = MarkdownIt("commonmark", {"html": False}).enable("table").render(block + "\n")
    assert render_blocks([block]) == expected


def test_the_memory_of_a_large_export_is_a_few_times_the_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """markdown-it keeps about 60 bytes of tokens per byte of page it parses at once;
    a group at a time, the peak is the page itself and one group's tokens."""
    monkeypatch.setattr(html_module, "CHUNK_CHARACTERS", 8192)
    export_html(load(example_path()))  # the parser's own tables, built once
    data = scaled_policy(100)
    problems = check_policy(data)
    tracemalloc.start()
    try:
        page = export_html(data, problems=problems)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 25 * len(page)
