"""The moderator's one-page sheet in every format: what it holds, that it fits one A4
page for the example policies, and that a sheet too long for one says so."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from bench.scale import scaled_policy
from exports.doc_parts import Words
from exports.docx import render_docx
from exports.html import render_html
from exports.markdown import render_markdown
from exports.pdf import SHEET_LAYOUT, page_count, render_pdf
from exports.sheet import build_sheet, placeholders
from tests.unit.documents import POINTS, page_size, page_texts
from tests.unit.rendered import DRAFT_POLICY, UK_POLICY, example_path, load, tokens, visible_text

POLICIES = [pytest.param(example_path(), "en", id="en"), pytest.param(UK_POLICY, "uk", id="uk")]


@pytest.mark.parametrize(("path", "lang"), POLICIES)
def test_the_sheet_fits_one_a4_page(path: Path, lang: str) -> None:
    sheet = build_sheet(load(path))
    content = render_pdf(sheet, paper="a4", layout=SHEET_LAYOUT)
    texts = page_texts(content)
    assert len(texts) == 1
    assert page_size(content) == POINTS["a4"]
    assert page_count(sheet, paper="a4", layout=SHEET_LAYOUT) == 1
    assert Words(lang)["sheet_title"] in texts[0]


def test_a_sheet_too_long_for_one_page_counts_its_pages() -> None:
    sheet = build_sheet(scaled_policy(10))
    assert page_count(sheet, paper="a4", layout=SHEET_LAYOUT) > 1


@pytest.mark.parametrize(("path", "lang"), POLICIES)
def test_the_sheet_holds_what_a_moderator_needs(path: Path, lang: str) -> None:
    data = load(path)
    text = visible_text(render_markdown(build_sheet(data)))
    words = Words(lang)
    comm = data["communication"]
    for contact in comm["negative"]["escalation"]:
        assert contact["topic"] in text and contact["contact"] in text
    for never in comm["negative"]["never"]:
        assert never in text
    for template in comm["templates"]:
        assert template["title"] in text
    assert " ".join(data["content"]["hashtags"]) in text  # ready to paste
    for word in comm["preferred_words"] + comm["avoided_words"]:
        assert word in text
    assert words["autonomy"] in text
    assert comm["response_time"]["after_hours"] in text
    assert ("Kyiv time" if lang == "en" else "за київським часом") in text


def test_placeholders_are_highlighted_in_every_format() -> None:
    data = load(example_path())
    sheet = build_sheet(data)
    assert [s.text for s in placeholders("Hi {name}, {x}!") if s.kind == "placeholder"] == [
        "{name}",
        "{x}",
    ]
    markdown = render_markdown(sheet)
    codes = [t.content for t in tokens(markdown) if t.type == "code_inline"]
    assert codes == ["{name}", "{baker}", "{name}"]
    page = render_html(sheet)
    assert '<mark class="placeholder">{name}</mark>' in page
    word = docx.Document(io.BytesIO(render_docx(sheet)))
    highlighted = [
        run.text for p in word.paragraphs for run in p.runs if run.font.highlight_color is not None
    ]
    assert highlighted == ["{name}", "{baker}", "{name}"]


def test_a_draft_policys_sheet_is_marked() -> None:
    sheet = build_sheet(load(DRAFT_POLICY))
    assert sheet.draft and sheet.title.startswith("DRAFT: ")
    assert all("DRAFT" in text for text in page_texts(render_pdf(sheet, paper="a4")))
