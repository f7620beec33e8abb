"""A Markdown document built block by block: headings, paragraphs, lists, tables, quotes.

Every piece handed to the writer is already Markdown (the author's text escaped by
`exports.escape`); the writer owns the layout: blank lines between blocks, the
indentation of continuation lines in list items, the `>` of every quoted line, and
alternating bullet characters so two lists in a row never merge into one.
"""

from __future__ import annotations

from collections.abc import Sequence


class MarkdownWriter:
    """Collects blocks and joins them once at the end (no quadratic string building)."""

    def __init__(self) -> None:
        self._blocks: list[str] = []
        self._last_marker = "*"
        self._last_was_list = False

    def _add(self, block: str, *, is_list: bool = False) -> None:
        self._blocks.append(block)
        self._last_was_list = is_list

    def heading(self, level: int, text: str) -> None:
        """An ATX heading; `text` is one line of Markdown."""
        self._add("#" * level + " " + text.replace("\n", " "))

    def paragraph(self, text: str) -> None:
        """A paragraph; `text` may hold hard breaks (a backslash before each newline)."""
        self._add(text)

    def bullets(self, items: Sequence[str]) -> None:
        """A bullet list; an item may span lines (hard breaks), which stay inside it."""
        if not items:
            return
        # A list right after a list with the same bullet would merge into it.
        marker = "*" if self._last_was_list and self._last_marker == "-" else "-"
        self._last_marker = marker
        self._add(
            "\n".join(f"{marker} " + item.replace("\n", "\n  ") for item in items),
            is_list=True,
        )

    def quote(self, text: str) -> None:
        """A block quote of `text` (which may hold hard breaks)."""
        self._add("> " + text.replace("\n", "\n> "))

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """A table; cells are single-line Markdown (a newline in a cell becomes a space)."""

        def row(cells: Sequence[str]) -> str:
            return "| " + " | ".join(cell.replace("\n", " ") for cell in cells) + " |"

        lines = [row(header), "|" + "---|" * len(header)]
        lines.extend(row(cells) for cells in rows)
        self._add("\n".join(lines))

    def blocks(self) -> list[str]:
        """The blocks so far, in order; each stands on its own (nothing in one changes
        how the next one reads), so they may be rendered one group at a time."""
        return list(self._blocks)

    def text(self) -> str:
        """The document: blocks separated by blank lines, ending with a newline."""
        return join_blocks(self._blocks)


def join_blocks(blocks: Sequence[str]) -> str:
    """Blocks as one Markdown text: separated by blank lines, ending with a newline."""
    return "\n\n".join(blocks) + "\n"
