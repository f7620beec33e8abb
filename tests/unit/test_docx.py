"""`presence export --to docx`: a Word document read back with python-docx (headings in
Word's styles, tables, fields, page size, the draft's mark)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument

from exports.doc_parts import Words
from exports.docx import export_docx
from schemas import check_policy
from tests.unit.rendered import DRAFT_POLICY, UK_POLICY, example_path, lines_not_in, load
from tests.unit.test_markdown import _expected_h2

POLICIES = [pytest.param(example_path(), "en", id="en"), pytest.param(UK_POLICY, "uk", id="uk")]


def _read(content: bytes) -> WordDocument:
    return docx.Document(io.BytesIO(content))


def _styled(word: WordDocument, style: str) -> list[str]:
    return [p.text for p in word.paragraphs if p.style is not None and p.style.name == style]


def _all_text(word: WordDocument) -> str:
    parts = [p.text for p in word.paragraphs]
    for table in word.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@pytest.mark.parametrize(("path", "lang"), POLICIES)
def test_sections_are_words_own_headings(path: Path, lang: str) -> None:
    word = _read(export_docx(load(path)))
    assert _styled(word, "Heading 1") == _expected_h2(lang)
    assert len(_styled(word, "Title")) == 1
    parts = _styled(word, "Heading 2")
    assert Words(lang)["response_times"] in parts and Words(lang)["escalation"] in parts
    assert not [p for p in word.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]


@pytest.mark.parametrize(("path", "lang"), POLICIES)
def test_every_value_is_there_and_tables_use_words_table_style(path: Path, lang: str) -> None:
    data = load(path)
    word = _read(export_docx(data))
    assert lines_not_in(data, _all_text(word), include_access=False) == []
    styles = {table.style.name for table in word.tables if table.style is not None}
    assert styles == {"Table Grid"}
    headers = [[cell.text for cell in table.rows[0].cells] for table in word.tables]
    assert [Words(lang)["platform"], Words(lang)["status"]] == headers[2][:2]
    repeated = word.tables[2].rows[0]._tr.xml
    assert "w:tblHeader" in repeated


def test_the_contents_and_page_n_of_m_are_fields() -> None:
    word = _read(export_docx(load(UK_POLICY)))
    body = word.element.xml
    assert re.search(r'<w:instrText[^>]*>TOC \\o "1-2"', body)
    footer = word.sections[0].footer._element.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    assert "Сторінка " in footer and " з " in footer
    assert "Кав'ярня «Зерно» · Політика представленості бренду · версія 2.0" in footer
    assert "updateFields" in word.settings.element.xml


@pytest.mark.parametrize(
    ("path", "paper", "millimetres"),
    [
        (UK_POLICY, None, (210, 297)),
        (example_path(), None, (216, 279)),
        (UK_POLICY, "letter", (216, 279)),
    ],
)
def test_the_paper(path: Path, paper: str, millimetres: tuple[int, int]) -> None:
    section = _read(export_docx(load(path), paper=paper)).sections[0]  # type: ignore[arg-type]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == millimetres


def test_links_and_the_language() -> None:
    content = export_docx(load(UK_POLICY))
    word = _read(content)
    targets = [rel.target_ref for rel in word.part.rels.values() if rel.is_external]
    assert "mailto:olena@zerno.example" in targets
    assert "https://www.instagram.com/zerno.kava" in targets
    assert 'w:val="uk-UA"' in word.styles["Normal"].element.xml


def test_the_approval_requisite_and_the_acknowledgement_sheet() -> None:
    word = _read(export_docx(load(UK_POLICY)))
    texts = [p.text for p in word.paragraphs]
    assert texts[0] == "ЗАТВЕРДЖУЮ"  # first, top right
    assert word.paragraphs[0].paragraph_format.left_indent is not None
    assert any(t.startswith("_" * 18) and "Олена Коваль" in t for t in texts)
    sheet = word.tables[-1]
    assert [c.text for c in sheet.rows[0].cells] == [
        "#",
        "Ім’я та прізвище",
        "Організація",
        "Версія",
        "Дата",
        "Підпис",
    ]
    assert len(sheet.rows) == 1 + 8
    heading = next(p for p in word.paragraphs if p.text == "Аркуш ознайомлення")
    assert heading.paragraph_format.page_break_before


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_a_draft_carries_its_mark_on_every_page(lang: str) -> None:
    data = load(DRAFT_POLICY)
    data["document"]["language"] = lang
    word = _read(export_docx(data))
    mark = Words(lang)["draft_mark"]
    assert all(mark in s.header.paragraphs[0].text for s in word.sections)
    assert _styled(word, "Title")[0].startswith(f"{mark}: ")
    missing = [p for p in check_policy(data) if p.level == "missing"]
    assert _all_text(word).count(Words(lang)["undefined"]) >= len(missing)
    assert not [t for t in _all_text(word).split("\n") if t.startswith("_" * 18)]
