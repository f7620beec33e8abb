"""The exported document as data: headings, paragraphs, lists, tables and the blocks a
signed document carries, built once from the policy and rendered by each format.

`exports.document` (the policy) and `exports.sheet` (the moderator's sheet) build a
`Document`; `exports.markdown`, `exports.html`, `exports.pdf` and `exports.docx` render
it. Text in a `Span` is plain text, never markup: the author's text as the document
shows it (`exports.escape.clean_text`: control characters as visible escapes; a value's
lines joined by "\\n") or the document's own words. Each renderer makes it literal in
its format (Markdown escapes, HTML entities, Typst strings, Word runs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

SpanKind = Literal["text", "strong", "undefined", "link", "placeholder"]

Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = ("a4", "letter")


def default_paper(lang: str) -> Paper:
    """A4 for a Ukrainian document, US Letter for an English one."""
    return "a4" if lang == "uk" else "letter"


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text: plain, bold, "not defined yet", a link or a `{placeholder}`."""

    text: str
    kind: SpanKind = "text"
    href: str = ""
    """A link's target: an http(s) URL, `mailto:…` or `tel:…`."""


Inline = tuple[Span, ...]
"""A line of text made of spans (a span's text may hold line breaks)."""


def plain_text(spans: Inline) -> str:
    """The text of spans as a reader sees it."""
    return "".join(span.text for span in spans)


def text(value: str) -> Inline:
    """Plain text as one span (none when empty)."""
    return (Span(value),) if value else ()


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading: level 1 is the title, 2 the sections, 3 and 4 their parts."""

    level: int
    spans: Inline
    anchor: str = ""
    """The id a table of contents links to (level 2 and 3)."""
    new_page: bool = False
    """Printed at the top of a new page (the acknowledgement sheet)."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph; `role` names a styled one ("draft": the draft notice)."""

    spans: Inline
    role: str = ""


@dataclass(frozen=True, slots=True)
class Bullets:
    """A bullet list."""

    items: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Fields:
    """Labelled values: "Label: value", one an item; `role` "control" is the document
    control block of the first page."""

    items: tuple[tuple[str, Inline], ...]
    role: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    """A table with a header row; every row has a cell for each column.

    `blank_rows` empty rows follow, to be filled in by hand (the acknowledgement
    sheet); `numbered` puts a row number in front of each row.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]
    blank_rows: int = 0
    numbered: bool = False
    widths: tuple[int, ...] = ()
    """Relative column widths when the content does not say them (a sheet to fill in)."""


@dataclass(frozen=True, slots=True)
class Quote:
    """Text quoted as it is to be used (an answer template, a holding statement)."""

    spans: Inline


@dataclass(frozen=True, slots=True)
class Notice:
    """The draft notice at the top: a sentence and the list of the missing parts."""

    spans: Inline
    items: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Approval:
    """The approval requisite.

    Approved: `title` ("Approved by" / «ЗАТВЕРДЖУЮ»), the approver's `position`, a
    signature line, the `name`, the `date` (or a line to write it on). A draft: `title`
    is "To be approved by", with the position and name, and no signature or date.
    """

    title: str
    position: Inline
    name: Inline
    date: str
    """The date as written in the requisite; empty: a line to fill in by hand."""
    draft: bool
    signature_label: str
    date_label: str
    blank_date: str
    """What an empty date reads as on paper («"__" ________ 20__ р.»)."""
    dstu: bool = False
    """The requisite as Ukrainian office practice writes it (ДСТУ 4163:2020): in the
    top right corner of the first page, above the title, the signature line and the
    name on one line. Otherwise after the document control block, a line each."""


@dataclass(frozen=True, slots=True)
class Contents:
    """The table of contents: the level-2 and level-3 headings that follow."""

    title: str


Block = Heading | Paragraph | Bullets | Fields | Table | Quote | Notice | Approval | Contents


@dataclass(frozen=True, slots=True)
class Footer:
    """What each printed page's footer says: who and which version, "page n of m"."""

    left: str
    page: str
    """"Page {n} of {m}" in the document's language."""


@dataclass(slots=True)
class Document:
    """A document to render: its language, title, draft state and blocks."""

    lang: str
    title: str
    """The title as plain text (the HTML `<title>`, the PDF's and DOCX's metadata)."""
    company: str
    draft: bool
    draft_word: str
    """"DRAFT" / «ЧЕРНЕТКА»: the mark on every page of a draft."""
    footer: Footer
    blocks: list[Block] = field(default_factory=list)
    kind: Literal["policy", "sheet"] = "policy"


def headings(blocks: Sequence[Block], levels: tuple[int, ...] = (2, 3)) -> list[Heading]:
    """The headings of `levels`, in order (what a table of contents lists)."""
    return [b for b in blocks if isinstance(b, Heading) and b.level in levels]


CELL_PADDING = 3
"""Characters a cell's inset and rule take from its column (`column_weights`)."""

HEADER_WIDER = 1.1
"""How much wider a bold header word is than the same word in a cell."""


def column_weights(
    table: Table, *, floor: int = 4, ceiling: int = 40, across: float | None = None
) -> list[float]:
    """Relative widths of a table's columns: `table.widths` when given, else each
    column's longest line (its header's longest word at least), kept between `floor`
    and `ceiling` characters so that no column starves and one long value does not
    take the page.

    `across`: how many characters a line of the page holds (a printed page). When the
    longest lines do not fit, each column first gets its longest word (a word is not
    broken: it would run into the next column), and the room left goes to the columns
    by how much more their longest lines want.
    """
    if table.widths:
        return [float(width) for width in table.widths]
    columns = [
        [plain_text(row[index]) for row in table.rows if row[index]]
        for index in range(len(table.header))
    ]
    wants: list[float] = []
    for label, cells in zip(table.header, columns, strict=True):
        longest = max((len(line) for cell in cells for line in cell.split("\n")), default=0)
        label_word = max((len(word) for word in label.split()), default=0)
        wants.append(min(max(longest, label_word, floor), ceiling))
    if across is None:
        return wants
    needs = [
        min(max([_longest_word(label) * HEADER_WIDER, floor, *map(_longest_word, cells)]), ceiling)
        + CELL_PADDING
        for label, cells in zip(table.header, columns, strict=True)
    ]
    wants = [max(want + CELL_PADDING, need) for want, need in zip(wants, needs, strict=True)]
    spare = across - sum(needs)
    if sum(wants) <= across or spare <= 0:
        return wants if spare > 0 else needs
    more = [want - need for want, need in zip(wants, needs, strict=True)]
    return [need + spare * extra / sum(more) for need, extra in zip(needs, more, strict=True)]


def _longest_word(text: str) -> int:
    """The longest run of characters a line cannot break (an address breaks after `/`)."""
    return max((len(word) for word in text.replace("/", "/ ").split()), default=0)
