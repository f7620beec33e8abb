"""The exported document as a Word document (DOCX), for agencies who comment and track
changes in Word, LibreOffice or Google Docs.

Written with python-docx (imported only here, when a DOCX is asked for) in Word's own
styles: "Title", "Heading 1"-"Heading 3" for the sections and their parts (so Word's
navigation pane and table of contents work; the section numbers are part of the
heading text, "1. …", never list numbering), "List Bullet", "Quote" and "Table Grid".
The table of contents and each page's "page n of m" are Word fields (`TOC`, `PAGE`,
`NUMPAGES`), filled in by Word when the document opens; the table of contents comes
already filled with the headings, for readers that do not update fields. A draft
carries its mark in the header of every page.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from exports.blocks import (
    Approval,
    Block,
    Bullets,
    Contents,
    Document,
    Fields,
    Heading,
    Inline,
    Notice,
    Paper,
    Paragraph,
    Quote,
    Span,
    Table,
    column_weights,
    default_paper,
    headings,
)
from exports.document import build_document
from schemas.problems import Problem

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.text.paragraph import Paragraph as WordParagraph

HEADING_STYLES = {2: "Heading 1", 3: "Heading 2", 4: "Heading 3"}
"""Word's style for each level of the document's headings (level 1 is the "Title")."""

LANGUAGES = {"en": "en-GB", "uk": "uk-UA"}
RED = (0xA4, 0x00, 0x00)
GREY = (0x55, 0x55, 0x5F)


def _field(paragraph: WordParagraph, instruction: str, shown: str) -> None:
    """A simple field (`PAGE`, `NUMPAGES`) showing `shown` until Word updates it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _complex_field(paragraph: WordParagraph, instruction: str, shown: Sequence[str]) -> None:
    """A field whose result spans lines (the table of contents): begin, instruction,
    separate, the result's lines, end."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> None:
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            element.set(qn("w:dirty"), "true")
        run._r.append(element)

    char("begin")
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    run._r.append(text)
    char("separate")
    for index, line in enumerate(shown):
        run = paragraph.add_run(line)
        if index < len(shown) - 1:
            run.add_break()
    char("end")


def _hyperlink(paragraph: WordParagraph, url: str, text: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = paragraph.add_run(text)
    run.font.underline = True
    run.font.color.rgb = RGBColor(0x0B, 0x4F, 0x9C)
    link.append(run._r)
    paragraph._p.append(link)


def _runs(paragraph: WordParagraph, spans: Inline, *, bold: bool = False) -> None:
    """Spans as runs: line breaks as Word's line breaks, links as hyperlinks."""
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import RGBColor

    for span in spans:
        lines = span.text.split("\n")
        if span.kind == "link":
            _hyperlink(paragraph, span.href, span.text)
            continue
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            run.bold = bold or span.kind == "strong" or None
            if span.kind == "undefined":
                run.italic = True
                run.font.color.rgb = RGBColor(*RED)
            elif span.kind == "placeholder":
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            if index < len(lines) - 1:
                run.add_break()


class DocxRenderer:
    """Writes a document's blocks into a python-docx document."""

    def __init__(self, document: Document, paper: Paper, compact: bool) -> None:
        import docx

        self.document = document
        self.word: WordDocument = docx.Document()
        self.compact = compact
        self._style_ids: dict[str, str] = {}
        self._set_up(paper)

    def paragraph(self, style: str = "") -> WordParagraph:
        """A new paragraph in a style of the template, named as Word names it. The
        style's id is looked up once: python-docx searches the styles on every call."""
        paragraph = self.word.add_paragraph()
        if style:
            if style not in self._style_ids:
                self._style_ids[style] = self.word.styles[style].style_id
            paragraph._p.style = self._style_ids[style]
        return paragraph

    def _set_up(self, paper: Paper) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt, RGBColor

        word = self.word
        section = word.sections[0]
        width, height = (Mm(210), Mm(297)) if paper == "a4" else (Mm(215.9), Mm(279.4))
        section.page_width, section.page_height = width, height
        margin = Mm(12 if self.compact else 20)
        self.text_width = width - 2 * margin
        section.left_margin = section.right_margin = margin
        section.top_margin = margin
        section.bottom_margin = margin
        normal = word.styles["Normal"]
        normal.font.size = Pt(9 if self.compact else 10.5)
        language = OxmlElement("w:lang")
        language.set(qn("w:val"), LANGUAGES.get(self.document.lang, "en-GB"))
        normal.element.get_or_add_rPr().append(language)
        properties = word.core_properties
        properties.title = self.document.title
        properties.author = self.document.company
        properties.language = LANGUAGES.get(self.document.lang, "en-GB")

        footer = section.footer.paragraphs[0]
        footer.paragraph_format.tab_stops.add_tab_stop(self.text_width, WD_TAB_ALIGNMENT.RIGHT)
        footer.add_run(self.document.footer.left + "\t")
        before, _, rest = self.document.footer.page.partition("{n}")
        middle, _, after = rest.partition("{m}")
        footer.add_run(before)
        _field(footer, "PAGE", "1")
        footer.add_run(middle)
        _field(footer, "NUMPAGES", "1")
        footer.add_run(after)
        for run in footer.runs:
            run.font.size = Pt(7.5)
            run.font.color.rgb = RGBColor(*GREY)
        if self.document.draft:
            header = section.header.paragraphs[0]
            header.alignment = WD_ALIGN_PARAGRAPH.CENTER
            mark = header.add_run(self.document.draft_word)
            mark.bold = True
            mark.font.size = Pt(14)
            mark.font.color.rgb = RGBColor(*RED)
        settings = word.settings.element
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)

    def render(self) -> bytes:
        """The DOCX file's bytes."""
        blocks = list(self.document.blocks)
        first = [b for b in blocks if isinstance(b, Approval) and b.dstu]
        for block in first + [b for b in blocks if b not in first]:
            self.block(block)
        buffer = io.BytesIO()
        self.word.save(buffer)
        return buffer.getvalue()

    def block(self, block: Block) -> None:
        """Add one block."""
        from docx.enum.text import WD_BREAK

        word = self.word
        if isinstance(block, Heading):
            if block.level == 1:
                _runs(self.paragraph("Title"), block.spans)
                return
            paragraph = self.paragraph(HEADING_STYLES[min(block.level, 4)])
            if block.new_page:
                paragraph.paragraph_format.page_break_before = True
            _runs(paragraph, block.spans)
        elif isinstance(block, Paragraph):
            _runs(self.paragraph(), block.spans)
        elif isinstance(block, Bullets):
            for item in block.items:
                _runs(self.paragraph("List Bullet"), item)
        elif isinstance(block, Fields):
            if block.role == "control":
                self._control(block)
                return
            for label, value in block.items:
                paragraph = self.paragraph("List Bullet")
                paragraph.add_run(f"{label}: ").bold = True
                _runs(paragraph, value)
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, Quote):
            _runs(self.paragraph("Quote"), block.spans)
        elif isinstance(block, Notice):
            self._notice(block)
        elif isinstance(block, Approval):
            self._approval(block)
        elif isinstance(block, Contents):
            entries = [
                ("    " if h.level == 3 else "") + "".join(s.text for s in h.spans)
                for h in headings(self.document.blocks, (2, 3))
            ]
            word.add_paragraph(
                block.title, style="TOC Heading" if _has_style(word, "TOC Heading") else "Normal"
            )
            _complex_field(word.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u', entries)
            word.add_paragraph().add_run().add_break(WD_BREAK.LINE)
        else:  # pragma: no cover
            raise TypeError(f"not a block: {block!r}")

    def _grid(self, table: Any) -> None:
        """Word's "Table Grid" style (its id looked up once)."""
        if "Table Grid" not in self._style_ids:
            self._style_ids["Table Grid"] = self.word.styles["Table Grid"].style_id
        table._tbl.tblPr.style = self._style_ids["Table Grid"]

    def _control(self, block: Fields) -> None:
        from docx.shared import RGBColor

        table = self.word.add_table(rows=0, cols=2)
        self._grid(table)
        for label, value in block.items:
            cells = table.add_row().cells
            run = cells[0].paragraphs[0].add_run(label)
            run.font.color.rgb = RGBColor(*GREY)
            _runs(cells[1].paragraphs[0], value)
        self.word.add_paragraph()

    def _table(self, block: Table) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm

        header = list(block.header)
        weights = column_weights(block)
        if block.numbered:
            header, weights = ["#", *header], [2, *weights]
        table = self.word.add_table(rows=1, cols=len(header))
        self._grid(table)
        head = table.rows[0]
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        head._tr.get_or_add_trPr().append(repeat)
        for cell, label in zip(head.cells, header, strict=True):
            cell.paragraphs[0].add_run(label).bold = True
        number = 0
        for row in block.rows:
            number += 1
            cells = table.add_row().cells
            values = [(Span(str(number)),), *row] if block.numbered else list(row)
            for cell, value in zip(cells, values, strict=True):
                _runs(cell.paragraphs[0], value)
        for _ in range(block.blank_rows):
            number += 1
            added = table.add_row()
            added.height = Mm(9)
            if block.numbered:
                added.cells[0].paragraphs[0].add_run(str(number))
        total = sum(weights) or 1
        widths = [int(self.text_width * weight / total) for weight in weights]
        for row in table.rows:
            for cell, cell_width in zip(row.cells, widths, strict=True):
                cell.width = cell_width
        self.word.add_paragraph()

    def _notice(self, block: Notice) -> None:
        from docx.shared import RGBColor

        paragraph = self.word.add_paragraph()
        run = paragraph.add_run(f"{self.document.draft_word}. ")
        run.bold = True
        run.font.color.rgb = RGBColor(*RED)
        _runs(paragraph, block.spans)
        for item in block.items:
            _runs(self.paragraph("List Bullet"), item)

    def _approval(self, block: Approval) -> None:
        from docx.shared import Mm

        word = self.word
        if block.draft:
            paragraph = word.add_paragraph()
            paragraph.add_run(f"{block.title}: ").bold = True
            if block.position:
                _runs(paragraph, block.position)
                paragraph.add_run(" ")
            _runs(paragraph, block.name)
            return
        indent = Mm(100) if block.dstu else Mm(0)

        def line() -> WordParagraph:
            paragraph = word.add_paragraph()
            paragraph.paragraph_format.left_indent = indent
            paragraph.paragraph_format.space_after = Mm(1)
            return paragraph

        title = line().add_run(block.title)
        title.bold = True
        if block.position:
            _runs(line(), block.position)
        signature = "_" * 18
        if block.dstu:
            paragraph = line()
            paragraph.add_run(signature + " ")
            _runs(paragraph, block.name)
            line().add_run(block.date or block.blank_date)
        else:
            _runs(line(), block.name)
            line().add_run(f"{block.signature_label}: {signature * 2}")
            line().add_run(f"{block.date_label}: {block.date or block.blank_date}")
        word.add_paragraph()


def _has_style(word: WordDocument, name: str) -> bool:
    return any(style.name == name for style in word.styles)


def render_docx(document: Document, *, paper: Paper | None = None) -> bytes:
    """The document as DOCX bytes."""
    compact = document.kind == "sheet"
    return DocxRenderer(document, paper or default_paper(document.lang), compact).render()


def export_docx(
    data: Mapping[str, Any],
    *,
    include_access: bool = False,
    problems: Sequence[Problem] | None = None,
    paper: Paper | None = None,
) -> bytes:
    """The policy as a DOCX document in the document's language."""
    return render_docx(
        build_document(data, include_access=include_access, problems=problems), paper=paper
    )
