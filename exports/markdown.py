"""The exported document as Markdown (CommonMark with tables), in the policy's language.

`export_markdown` renders the policy's `exports.blocks.Document` (see
`exports.document`): Markdown meant to be read as text too (an attachment, a git diff,
Notepad), so the author's text is escaped only where it would start markup
(`exports.escape`), links are `<https://…>` autolinks, every list of entries is a
table whatever the length of its values, and a table's separator row gives each
column dashes in proportion to its width (pandoc sizes Word's columns by them).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
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
    Paragraph,
    Quote,
    Span,
    Table,
    column_weights,
)
from exports.document import build_document, document_language, plain_title
from exports.escape import HARD_BREAK, escape_line, escape_text
from schemas.problems import Problem

__all__ = [
    "document_language",
    "document_title",
    "escape_text",
    "export_markdown",
    "markdown_blocks",
    "render_markdown",
]

SEPARATOR_WIDTH = 72
"""The dashes of a table's separator row, shared by its columns (pandoc's default
text width: a wider table gets its relative column widths from them)."""

_LINK = re.compile(r"https?://[^\s<>\\]+", re.IGNORECASE)
_AROUND_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def document_title(data: Mapping[str, Any]) -> str:
    """The plain-text title: the document's title with the company name (for HTML `<title>`)."""
    return plain_title(data)


def export_markdown(
    data: Mapping[str, Any],
    *,
    include_access: bool = False,
    problems: Sequence[Problem] | None = None,
) -> str:
    """The policy as a Markdown document.

    `problems` is `schemas.check_policy(data)` when the caller has it already; any
    `missing` problem makes the document a draft. Errors are not refused here.
    """
    return render_markdown(build_document(data, include_access=include_access, problems=problems))


def markdown_blocks(
    data: Mapping[str, Any],
    *,
    include_access: bool = False,
    problems: Sequence[Problem] | None = None,
) -> list[str]:
    """The Markdown document of `export_markdown` as its blocks, each of which renders
    the same on its own."""
    document = build_document(data, include_access=include_access, problems=problems)
    return MarkdownRenderer().blocks(document)


def render_markdown(document: Document) -> str:
    """A document as Markdown text: blocks separated by blank lines, ending with a newline."""
    return "\n\n".join(MarkdownRenderer().blocks(document)) + "\n"


def inline(
    spans: Inline,
    *,
    indent: str = "",
    at_start: bool = True,
    one_line: bool = False,
    heading: bool = False,
) -> str:
    """Spans as inline Markdown: text escaped where it would start markup, "not defined
    yet" in italics, links as autolinks, line breaks as hard breaks (or, `one_line`, as
    spaces: a table cell, a heading). `indent` goes before every line but the first."""
    groups: list[tuple[str, str, str]] = []
    for span in spans:
        if span.kind == "text" or (span.kind == "link" and not _LINK.fullmatch(span.href)):
            if groups and groups[-1][0] == "text":
                groups[-1] = ("text", groups[-1][1] + span.text, "")
            else:
                groups.append(("text", span.text, ""))
        else:
            groups.append((span.kind, span.text, span.href))
    out: list[str] = []
    line_start = at_start
    last = len(groups) - 1
    for position, (kind, value, href) in enumerate(groups):
        if one_line:
            value = _AROUND_BREAK.sub(" ", value)
        if kind == "text":
            out.append(
                _text(
                    value,
                    indent=indent,
                    at_start=line_start,
                    open_start=position > 0,
                    open_end=position < last,
                    heading=heading,
                )
            )
            line_start = value.endswith("\n")
            continue
        if kind == "link":
            out.append(link(value, href, in_table=one_line))
        elif kind == "placeholder":
            out.append(code(value))
        else:
            mark = "**" if kind == "strong" else "*"
            out.append(mark + _text(value, indent=indent, open_start=True, open_end=True) + mark)
        line_start = False
    return "".join(out)


def code(text: str) -> str:
    """A code span (a template's `{placeholder}` on the moderator's sheet): its text as
    it is, between backtick runs longer than any inside it."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def link(text: str, href: str, *, in_table: bool = False) -> str:
    """An http(s) link: an autolink `<https://…>` when it shows its own address (one
    with `%` escapes is shown as written, which an autolink would decode), else
    `[text](<address>)` with `&` and `|` escaped in the address so that it reads back
    as written. In a table cell a `|` ends the cell unless escaped, even in an autolink."""
    if text == href and "%" not in href:
        return "<" + (href.replace("|", "\\|") if in_table else href) + ">"
    shown = _text(text, open_start=True, open_end=True)
    if "[" in text or "]" in text:  # would end the link's text early: shown as text
        return shown
    target = href.replace("&", "\\&").replace("|", "\\|")
    return f"[{shown}](<{target}>)"


def _text(
    value: str,
    *,
    indent: str = "",
    at_start: bool = False,
    open_start: bool = False,
    open_end: bool = False,
    heading: bool = False,
) -> str:
    lines = value.split("\n")
    last = len(lines) - 1
    return (HARD_BREAK + indent).join(
        escape_line(
            line,
            at_start=at_start or index > 0,
            heading=heading and index == last,
            open_start=open_start and index == 0,
            open_end=open_end and index == last,
        )
        for index, line in enumerate(lines)
    )


class MarkdownRenderer:
    """Renders the blocks of a document, alternating bullet characters so two lists in
    a row never merge into one."""

    def __init__(self) -> None:
        self._last_marker = "*"
        self._last_was_list = False

    def blocks(self, document: Document) -> list[str]:
        """The Markdown of each block, in order (a table of contents is left to the
        reader's tool: Markdown has no page to number)."""
        result: list[str] = []
        for block in document.blocks:
            text = self.block(block)
            if text:
                result.append(text)
        return result

    def block(self, block: Block) -> str:
        """One block's Markdown."""
        is_list = isinstance(block, Bullets | Fields)
        text = self._render(block)
        self._last_was_list = is_list and bool(text)
        return text

    def _bullets(self, items: Sequence[str]) -> str:
        if not items:
            return ""
        marker = "*" if self._last_was_list and self._last_marker == "-" else "-"
        self._last_marker = marker
        return "\n".join(f"{marker} {item}" for item in items)

    def _render(self, block: Block) -> str:
        if isinstance(block, Heading):
            spans = inline(block.spans, one_line=True, heading=True, at_start=False)
            return "#" * block.level + " " + spans
        if isinstance(block, Paragraph):
            return inline(block.spans)
        if isinstance(block, Bullets):
            return self._bullets([inline(item, indent="  ") for item in block.items])
        if isinstance(block, Fields):
            return self._bullets(
                [
                    inline((Span(f"{label}:", "strong"), Span(" "), *value), indent="  ")
                    for label, value in block.items
                ]
            )
        if isinstance(block, Table):
            return table(block)
        if isinstance(block, Quote):
            return "> " + inline(block.spans, indent="> ")
        if isinstance(block, Notice):
            lines = ["> " + inline((Span(block.spans[0].text, "strong"), *block.spans[1:]))]
            if block.items:
                lines.append(">")
                lines += ["> - " + inline(item, indent=">   ") for item in block.items]
            return "\n".join(lines)
        if isinstance(block, Approval):
            return approval(block)
        if isinstance(block, Contents):
            return ""
        raise TypeError(f"not a block: {block!r}")  # pragma: no cover


def approval(block: Approval) -> str:
    """The approval requisite as lines of one paragraph; the lines to sign and date on
    are dots, which Markdown leaves alone."""
    lines: list[Inline] = [(Span(block.title + (":" if block.draft else ""), "strong"),)]
    if block.draft:
        who = (*block.position, Span(" "), *block.name) if block.position else block.name
        return inline((*lines[0], Span(" "), *who))
    if block.position:
        lines.append(block.position)
    signature = Span(f"{block.signature_label} ................................")
    if block.dstu:
        lines.append((signature, Span(" "), *block.name))
    else:
        lines += [block.name, (signature,)]
    lines.append((Span(f"{block.date_label} {block.date or block.blank_date.replace('_', '.')}"),))
    return (HARD_BREAK).join(inline(line) for line in lines)


def table(block: Table) -> str:
    """A table: a row a line, cells on one line, the separator row proportional to the
    columns' widths; a numbered table gets a "#" column, and blank rows follow."""
    header = list(block.header)
    weights = column_weights(block)
    rows = [[inline(cell, one_line=True, at_start=False) for cell in row] for row in block.rows]
    rows += [[""] * len(header) for _ in range(block.blank_rows)]
    if block.numbered:
        header = ["#", *header]
        weights = [2, *weights]
        rows = [[str(number), *row] for number, row in enumerate(rows, 1)]
    total = sum(weights) or 1
    dashes = [max(3, round(weight * SEPARATOR_WIDTH / total)) for weight in weights]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    head = [escape_line(label, at_start=False) for label in header]
    lines = [line(head), "|" + "|".join("-" * n for n in dashes) + "|"]
    lines += [line(row) for row in rows]
    return "\n".join(lines)
