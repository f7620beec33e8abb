"""The exported HTML page: standalone, in the document's language, no script and no raw HTML."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

from exports.html import export_html, markdown_to_html
from exports.markdown import export_markdown
from tests.unit.rendered import UK_POLICY, example_path, load, one_line, strip_tags


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
