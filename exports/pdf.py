"""The exported document as PDF, typeset by Typst (the `typst` package: the typesetter
as a wheel, offline, with its own fonts, Cyrillic included).

The layout is a template shipped with the package (`exports/typst/document.typ`); the
document goes to it as data, JSON through `sys_inputs`, never pasted into Typst markup,
so the author's text is printed, never run. The compiler's root is the template's
folder: the template reads nothing outside it. `typst` is imported only here, when a
PDF is asked for.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    Table,
    column_weights,
    default_paper,
    headings,
)
from exports.document import build_document
from schemas.problems import Problem

TEMPLATES = Path(__file__).parent / "typst"
TEMPLATE = TEMPLATES / "document.typ"

PAPER_NAMES: dict[str, str] = {"a4": "a4", "letter": "us-letter"}
"""Typst's names of the paper sizes."""
PAPER_WIDTHS: dict[str, float] = {"a4": 595.28, "letter": 612.0}
"""Page widths in points."""
CHARACTER_WIDTH = 0.5
"""The width of an average character of the text, in ems (Libertinus Serif)."""
MM = 72 / 25.4
"""Points in a millimetre."""

_BREAK_AFTER = "/"
_ZERO_WIDTH_SPACE = "\u200b"


@dataclass(frozen=True)
class Layout:
    """Type size and page margin (points, millimetres): the policy reads at 10.5 pt,
    the moderator's sheet is set tighter to fit one page."""

    size: float = 10.5
    margin: float = 18


SHEET_LAYOUT = Layout(size=8.6, margin=11)


class PdfError(Exception):
    """Typst could not typeset the document (a defect of the template, not of the
    policy: the author's text cannot make it fail)."""


def _spans(spans: Inline) -> list[list[str]]:
    result = []
    for span in spans:
        text = span.text
        if span.kind == "link" and span.href.startswith("http"):
            # A long address may wrap after a slash, never inside a word.
            text = text.replace(_BREAK_AFTER, _BREAK_AFTER + _ZERO_WIDTH_SPACE)
        result.append([span.kind, text, span.href])
    return result


def _across(paper: Paper, layout: Layout) -> float:
    """How many average characters a line of the page's text holds."""
    return (PAPER_WIDTHS[paper] - 2 * layout.margin * MM) / (CHARACTER_WIDTH * layout.size)


def _block(block: Block, across: float) -> dict[str, Any]:
    if isinstance(block, Heading):
        if block.level == 1:
            return {"t": "title", "s": _spans(block.spans)}
        return {
            "t": "h",
            "level": block.level,
            "s": _spans(block.spans),
            "new_page": block.new_page,
        }
    if isinstance(block, Paragraph):
        return {"t": "p", "s": _spans(block.spans)}
    if isinstance(block, Bullets):
        return {"t": "ul", "items": [_spans(item) for item in block.items]}
    if isinstance(block, Fields):
        return {
            "t": "fields",
            "role": block.role,
            "items": [[label, _spans(value)] for label, value in block.items],
        }
    if isinstance(block, Table):
        return {
            "t": "table",
            "header": list(block.header),
            "rows": [[_spans(cell) for cell in row] for row in block.rows],
            "widths": column_weights(block, across=across - (2 if block.numbered else 0)),
            "blank": block.blank_rows,
            "numbered": block.numbered,
        }
    if isinstance(block, Quote):
        return {"t": "quote", "s": _spans(block.spans)}
    if isinstance(block, Notice):
        return {"t": "notice", "s": _spans(block.spans), "items": [_spans(i) for i in block.items]}
    if isinstance(block, Approval):
        return {
            "t": "approval",
            "title": block.title,
            "position": _spans(block.position),
            "name": _spans(block.name),
            "date": block.date,
            "blank_date": block.blank_date,
            "draft": block.draft,
            "dstu": block.dstu,
            "signature_label": block.signature_label,
            "date_label": block.date_label,
        }
    raise TypeError(f"not a block: {block!r}")  # pragma: no cover


def pdf_data(document: Document, paper: Paper, layout: Layout) -> dict[str, Any]:
    """What the template gets: the page's settings and the blocks as plain data. A
    Ukrainian approval requisite goes first, to the top right corner of page 1."""
    blocks = list(document.blocks)
    first = [b for b in blocks if isinstance(b, Approval) and b.dstu]
    ordered = first + [b for b in blocks if b not in first]
    across = _across(paper, layout)
    before, _, rest = document.footer.page.partition("{n}")
    middle, _, after = rest.partition("{m}")
    return {
        "meta": {
            "lang": document.lang,
            "paper": PAPER_NAMES[paper],
            "title": document.title,
            "company": document.company or document.title,
            "draft": document.draft,
            "draft_word": document.draft_word,
            "footer": document.footer.left,
            "page": [before, middle, after],
            "size": layout.size,
            "margin": layout.margin,
        },
        "blocks": [
            _contents(block, ordered[index + 1 :])
            if isinstance(block, Contents)
            else _block(block, across)
            for index, block in enumerate(ordered)
        ],
    }


def _contents(block: Contents, after: Sequence[Block]) -> dict[str, Any]:
    """The table of contents with its entries: the headings that follow it (`headings`,
    as the DOCX's lists them). Typst's own outline is empty until the headings are laid
    out: the pages after it moved by its length, and the document was laid out once
    more (0.8 s of the 180 pages of the x100 benchmark policy). Written out here, it
    takes its room at once and only its page numbers wait for the layout."""
    entries = [[heading.level, _spans(heading.spans)] for heading in headings(after)]
    return {"t": "toc", "title": block.title, "entries": entries}


def render_pdf(
    document: Document, *, paper: Paper | None = None, layout: Layout | None = None
) -> bytes:
    """The document as PDF bytes."""
    import typst

    payload = json.dumps(
        pdf_data(document, paper or default_paper(document.lang), layout or Layout()),
        ensure_ascii=False,
    )
    try:
        result = typst.compile(str(TEMPLATE), root=str(TEMPLATES), sys_inputs={"data": payload})
    except typst.TypstError as error:  # pragma: no cover - a defect of the template
        raise PdfError(str(error)) from error
    if not isinstance(result, bytes):  # pragma: no cover - one PDF, not pages
        raise PdfError("typst returned no PDF")
    return result


def page_count(document: Document, *, paper: Paper, layout: Layout) -> int:
    """How many pages the document takes as typeset (the template reports its final
    page number)."""
    import typst

    payload = json.dumps(pdf_data(document, paper, layout), ensure_ascii=False)
    found = typst.query(
        str(TEMPLATE),
        "<page-count>",
        field="value",
        one=True,
        root=str(TEMPLATES),
        sys_inputs={"data": payload},
    )
    return int(json.loads(found))


def export_pdf(
    data: Mapping[str, Any],
    *,
    include_access: bool = False,
    problems: Sequence[Problem] | None = None,
    paper: Paper | None = None,
) -> bytes:
    """The policy as a PDF in the document's language, on `paper` (by default A4 for
    Ukrainian, Letter for English)."""
    return render_pdf(
        build_document(data, include_access=include_access, problems=problems), paper=paper
    )
