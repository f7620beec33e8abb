"""Which comments of a policy text belong to what: a key, a table, a list entry, a list.

People comment a TOML file in paragraphs: lines of comments, separated by blank lines.
These rules say whose each paragraph is, for the splice editor (`exports.rewrite`: what
moves and goes with an entry) and for the merge (`exports.merge`: whose comments changed):

- the paragraph directly above a key or a header (no blank line between) is its **lead**:
  it moves and goes with it;
- the paragraph directly below the last line of a table (no blank line between, and not
  directly above the next header) is the table's own **end**: it goes with the table;
  at the end of the file it is the file's, and stays at the end;
- a paragraph with blank lines on both sides stays where it is (**before** what follows);
- above the first entry of a list of tables (`[[platforms]]`), the paragraph directly
  above introduces the whole list (it stays at the top of the list when entries move
  or go) unless it names that entry — its `name`, `title` or `topic` as a whole word,
  in any case — and no other entry of the list: then it is the entry's lead.

`Layout` answers these questions for one text, given the offsets of its comment lines
(`exports.positions.PositionMap.comment_lines`). Offsets are those of the text; a
"line start" is the offset of a line's first character. Walking up from a key or
header over comments and blank lines never enters a multi-line value: the line that
closes one is not blank.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

IDENTITY_KEYS = ("name", "title", "topic")
"""Keys that name an entry of a list of tables, in order of preference."""


def identity(entry: Any) -> tuple[str, str] | None:
    """The key and the value (stripped, case-folded) that name a list entry, if any."""
    if not isinstance(entry, Mapping):
        return None
    for key in IDENTITY_KEYS:
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return key, value.strip().casefold()
    return None


def _names(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def about_entry(paragraph: str, entry: Any, others: Sequence[Any]) -> bool:
    """Whether a comment paragraph directly above the first entry of a list is that
    entry's own: it names the entry and no other entry of the list."""
    own = identity(entry)
    if own is None:
        return False
    text = paragraph.casefold()
    if not _names(text, own[1]):
        return False
    for other in others:
        name = identity(other)
        if name is not None and name[1] != own[1] and _names(text, name[1]):
            return False
    return True


class Layout:
    """The lines of one text: blank, comment or content, and the paragraphs around them."""

    def __init__(self, text: str, comment_lines: set[int]) -> None:
        self.text = text
        self.comment_lines = comment_lines

    # -- lines ----------------------------------------------------------------------------

    def line_start(self, offset: int) -> int:
        """The start of the line holding `offset`."""
        return self.text.rfind("\n", 0, offset) + 1

    def line_end(self, offset: int) -> int:
        """The offset just after the newline of the line holding `offset`."""
        end = self.text.find("\n", offset)
        return len(self.text) if end == -1 else end + 1

    def previous(self, start: int) -> int | None:
        """The start of the line before the line starting at `start`; None for the first."""
        if start <= 0:
            return None
        return self.text.rfind("\n", 0, start - 1) + 1

    def is_blank(self, start: int) -> bool:
        """Whether the line starting at `start` holds only white space."""
        end = self.text.find("\n", start)
        return not self.text[start : len(self.text) if end == -1 else end].strip()

    def is_comment(self, start: int) -> bool:
        """Whether the line starting at `start` holds only a comment (outside any value)."""
        return start in self.comment_lines

    def _loose(self, start: int) -> bool:
        return start in self.comment_lines or self.is_blank(start)

    # -- paragraphs ---------------------------------------------------------------------

    def lead_start(self, start: int) -> int:
        """Where the comment lines directly above the line at `start` begin (`start` if none)."""
        while True:
            previous = self.previous(start)
            if previous is None or previous not in self.comment_lines:
                return start
            start = previous

    def above_start(self, start: int) -> int:
        """Where the comments and blank lines above the line at `start` begin: just after
        the content line above it (0 at the top of the file)."""
        while True:
            previous = self.previous(start)
            if previous is None or not self._loose(previous):
                return start
            start = previous

    def section_start(self, start: int) -> int:
        """Where what comes before the line at `start` begins: after the content above, the
        paragraph directly below that content (its end) and the blank lines after it.

        At the top of the file, the first paragraph is the file's own and stays first.
        A new table is inserted here, so that it goes before the comments that introduce
        the table at `start`.
        """
        lead = self.lead_start(start)
        position = self.above_start(start)
        if position == lead:
            return lead
        while position < lead and position in self.comment_lines:
            position = self.line_end(position)
        while position < lead and self.is_blank(position):
            position = self.line_end(position)
        return position

    def core_end(self, boundary: int) -> int:
        """Where the text of a table ends, the table running up to `boundary` (the start of
        the next header's line, or the end of the text): after its last content line and
        the comment lines directly below it, unless those run into the next header (then
        they are that header's lead) or to the end of the file (then they are the file's).
        """
        after = self.above_start(boundary) if boundary < len(self.text) else self.tail_start()
        end = after
        while end < boundary and end in self.comment_lines:
            end = self.line_end(end)
        if end >= boundary:
            return after
        return end

    def tail_start(self) -> int:
        """Where the comments and blank lines at the end of the text begin (its length
        when it ends with content)."""
        size = len(self.text)
        if size == 0:
            return 0
        last = self.line_start(size - 1 if self.text.endswith("\n") else size)
        return self.above_start(last) if self._loose(last) else size

    def after_blanks(self, position: int, limit: int) -> int:
        """`position` moved past the blank lines that start there (not beyond `limit`)."""
        while position < limit and self.is_blank(position):
            position = self.line_end(position)
        return min(position, limit)


__all__ = ["IDENTITY_KEYS", "Layout", "about_entry", "identity"]
