"""Where each key path of a TOML text stands: key and value positions for messages and edits.

This is a scanner, not a parser: the text is known to be valid TOML (tomllib has read
it), so it only follows the structure far enough to record, for every key path, where
its key and its value are written. Offsets index the text as given (a `str`, so
columns count code points); lines and columns are 1-based.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from array import array
from dataclasses import dataclass, field
from typing import Literal

from schemas.keypath import KeyPath, parse_path
from schemas.keypath import unescape as _unescape

EntryKind = Literal["kv", "element", "header", "implicit"]

_BLANK = re.compile(r"[ \t]*")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]*")
_SCALAR = re.compile(r"[^,\]}#\r\n]*")
# Every repetition below is possessive (`*+`, `++`): a match never backtracks, so it
# takes time and memory linear in its length however long a string or comment is (a
# backtracking `(?:[^"\\]|\\.)*` keeps a frame per character: a gigabyte for 10 MB).
_BASIC_STRING = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"', re.DOTALL)
_MULTILINE_BASIC = re.compile(r'"""(?:[^"\\]++|\\.|"(?!""))*+"""(?:"{0,2}+)', re.DOTALL)
_SPACE_AND_COMMENTS = re.compile(r"(?:[ \t\r\n]++|#[^\n]*+)*+")


@dataclass(frozen=True, slots=True)
class Entry:
    """How one key path is written in the text."""

    kind: EntryKind
    """kv: `key = value`; element: an array item; header: `[t]`/`[[t]]`; implicit: a table
    only named as a prefix of a dotted key or header."""
    key_start: int
    """Offset of the key's last segment (of a table header, its last name: `extra` in
    `[document.extra]`; of an array-of-tables entry, its `[[`)."""
    value_start: int
    """Offset of the value's first character (the header's bracket for a header)."""
    value_end: int
    """Offset just after the value (just after the closing bracket for a header)."""
    owner: KeyPath = ()
    """The table whose body the key is written in (the array, for an element)."""
    inline: bool = False
    """True when the key sits inside an inline table or array."""
    key_expr_start: int = -1
    """Offset of the first segment of a dotted key."""


@dataclass(frozen=True, slots=True)
class Header:
    """A `[table]` or `[[array.of.tables]]` header line."""

    path: KeyPath
    """The table it opens, with indexes resolved (`("platforms", 1)`)."""
    array: bool
    start: int
    """Offset of the opening bracket."""
    line_start: int
    """Offset of the start of the header's line."""


@dataclass
class PositionMap:
    """Positions of every key path in a TOML text."""

    text: str
    entries: dict[KeyPath, Entry] = field(default_factory=dict)
    headers: list[Header] = field(default_factory=list)
    comment_lines: set[int] = field(default_factory=set)
    """Offsets of the starts of lines that hold only a comment (outside any value)."""
    _line_starts: array[int] = field(default_factory=lambda: array("q"), repr=False)
    """Offsets of the starts of lines, 8 bytes each (a list would hold an int object
    of 28 bytes besides its pointer for every line)."""

    def __post_init__(self) -> None:
        starts = array("q", [0])
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._line_starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column (in code points) of an offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def line_of(self, offset: int) -> int:
        """The 1-based line of an offset."""
        return bisect.bisect_right(self._line_starts, offset)

    def get(self, path: str | KeyPath) -> Entry | None:
        """The entry of a key path (a tuple or a string such as `platforms[0].url`)."""
        key = parse_path(path) if isinstance(path, str) else path
        return self.entries.get(key)

    def key_position(self, path: str | KeyPath) -> tuple[int, int] | None:
        """Where the key of a path is written; None when the key is not in the text."""
        entry = self._find(path)
        return None if entry is None else self.line_col(entry.key_start)

    def value_position(self, path: str | KeyPath) -> tuple[int, int] | None:
        """Where the value of a path starts; None when the key is not in the text."""
        entry = self._find(path)
        return None if entry is None else self.line_col(entry.value_start)

    def _find(self, path: str | KeyPath) -> Entry | None:
        try:
            key = parse_path(path) if isinstance(path, str) else path
        except ValueError:  # not a key path: nowhere in the file
            return None
        entry = self.entries.get(key)
        if entry is None and key and isinstance(key[-1], int):
            # An item the scanner did not see: point at the array that holds it.
            entry = self.entries.get(key[:-1])
        return entry


def scan_positions(text: str) -> PositionMap:
    """Record where every key path of a valid TOML text is written."""
    positions = PositionMap(text)
    _Scanner(text, positions).run()
    return positions


def _match_end(pattern: re.Pattern[str], text: str, start: int) -> int:
    match = pattern.match(text, start)
    if match is None:
        raise ValueError(f"not valid TOML at offset {start}")
    return match.end()


class _Scanner:
    """A single pass over the text, following tables, keys and values."""

    def __init__(self, text: str, positions: PositionMap) -> None:
        self.text = text
        self.n = len(text)
        self.i = 0
        self.map = positions
        self.table: KeyPath = ()
        self.array_counts: dict[KeyPath, int] = {}

    def run(self) -> None:
        text = self.text
        while self.i < self.n:
            line_start = self.i
            self._skip_blank()
            if self.i >= self.n:
                break
            char = text[self.i]
            if char in "\r\n":
                self._skip_newline()
            elif char == "#":
                self.map.comment_lines.add(line_start)
                self._skip_comment()
            elif char == "[":
                self._header(line_start)
                self._rest_of_line()
            else:
                self._key_value(self.table, inline=False)
                self._rest_of_line()

    # -- tables ---------------------------------------------------------------

    def _header(self, line_start: int) -> None:
        start = self.i
        array = self.text.startswith("[[", start)
        self.i += 2 if array else 1
        self._skip_blank()
        segments = self._key()
        self._skip_blank()
        self.i += 2 if array else 1
        end = self.i
        path: KeyPath = ()
        for number, (name, offset) in enumerate(segments):
            path = (*path, name)
            last = number == len(segments) - 1
            if not last and path in self.array_counts:
                path = (*path, self.array_counts[path] - 1)
            if not last:
                self._implicit(path, offset)
        name_start = segments[-1][1]  # an unknown table is pointed at by its name
        if array:
            count = self.array_counts.get(path, 0)
            self.array_counts[path] = count + 1
            self.map.entries.setdefault(path, Entry("header", name_start, start, end))
            path = (*path, count)
            self.map.entries[path] = Entry("header", start, start, end)  # the entry: `[[`
        else:
            self.map.entries[path] = Entry("header", name_start, start, end)
        self.map.headers.append(Header(path, array, start, line_start))
        self.table = path

    def _implicit(self, path: KeyPath, offset: int) -> None:
        self.map.entries.setdefault(path, Entry("implicit", offset, offset, offset))

    # -- keys and values -----------------------------------------------------------

    def _key_value(self, base: KeyPath, *, inline: bool) -> None:
        expr_start = self.i
        segments = self._key()
        path = base
        for name, offset in segments[:-1]:
            path = (*path, name)
            self._implicit(path, offset)
        name, key_start = segments[-1]
        path = (*path, name)
        self._skip_blank()
        self.i += 1  # "="
        self._skip_blank()
        value_start = self.i
        self._value(path)
        self.map.entries[path] = Entry(
            "kv", key_start, value_start, self.i, base, inline, expr_start
        )

    def _key(self) -> list[tuple[str, int]]:
        text = self.text
        segments: list[tuple[str, int]] = []
        while True:
            self._skip_blank()
            start = self.i
            char = text[start]
            if char == '"':
                end = self._basic_string_end(start)
                segments.append((_unescape(text[start + 1 : end - 1]), start))
                self.i = end
            elif char == "'":
                end = text.index("'", start + 1) + 1
                segments.append((text[start + 1 : end - 1], start))
                self.i = end
            else:
                self.i = _match_end(_BARE_KEY, text, start)
                segments.append((text[start : self.i], start))
            self._skip_blank()
            if self.i < self.n and text[self.i] == ".":
                self.i += 1
                continue
            return segments

    def _value(self, path: KeyPath) -> None:
        text = self.text
        start = self.i
        if text.startswith('"""', start):
            self.i = self._multiline_end(start, '"""', escapes=True)
        elif text.startswith("'''", start):
            self.i = self._multiline_end(start, "'''", escapes=False)
        elif text[start] == '"':
            self.i = self._basic_string_end(start)
        elif text[start] == "'":
            self.i = text.index("'", start + 1) + 1
        elif text[start] == "[":
            self._array(path)
        elif text[start] == "{":
            self._inline_table(path)
        else:
            end = _match_end(_SCALAR, text, start)
            self.i = start + len(text[start:end].rstrip(" \t"))

    def _array(self, path: KeyPath) -> None:
        self.i += 1
        index = 0
        while True:
            self._skip_space_and_comments()
            if self.text[self.i] == "]":
                self.i += 1
                return
            start = self.i
            item = (*path, index)
            self._value(item)
            self.map.entries[item] = Entry("element", start, start, self.i, path, True, start)
            index += 1
            self._skip_space_and_comments()
            if self.text[self.i] == ",":
                self.i += 1

    def _inline_table(self, path: KeyPath) -> None:
        self.i += 1
        while True:
            self._skip_space_and_comments()
            char = self.text[self.i]
            if char == "}":
                self.i += 1
                return
            if char == ",":
                self.i += 1
                continue
            self._key_value(path, inline=True)

    # -- strings ----------------------------------------------------------------

    def _basic_string_end(self, start: int) -> int:
        return _match_end(_BASIC_STRING, self.text, start)

    def _multiline_end(self, start: int, quotes: str, *, escapes: bool) -> int:
        """The end of a `\"\"\"` or `\'\'\'` string: its closing quotes and up to two more
        quotes, which belong to the text."""
        text = self.text
        if escapes:
            return _match_end(_MULTILINE_BASIC, text, start)
        close = text.find(quotes, start + 3)
        if close == -1:
            raise ValueError(f"not valid TOML at offset {start}")
        run = 3
        while run < 5 and close + run < self.n and text[close + run] == quotes[0]:
            run += 1
        return close + run

    # -- blanks -----------------------------------------------------------------------

    def _skip_blank(self) -> None:
        self.i = _match_end(_BLANK, self.text, self.i)

    def _skip_newline(self) -> None:
        if self.text.startswith("\r\n", self.i):
            self.i += 2
        else:
            self.i += 1

    def _skip_comment(self) -> None:
        end = self.text.find("\n", self.i)
        self.i = self.n if end == -1 else end

    def _rest_of_line(self) -> None:
        self._skip_blank()
        if self.i < self.n and self.text[self.i] == "#":
            self._skip_comment()

    def _skip_space_and_comments(self) -> None:
        self.i = _match_end(_SPACE_AND_COMMENTS, self.text, self.i)


# -- a key or table defined twice ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Redefinition:
    """A statement that defines again what the text defined before."""

    path: KeyPath
    """The key path the statement defines (`("a",)` for `[[a]]`)."""
    kind: Literal["key", "table", "array"]
    """`key = value`, `[table]` or `[[array of tables]]`."""
    start: int
    """Offset of the statement's key (of a header, its opening bracket)."""
    earlier: KeyPath | None
    """What was defined before: `path` itself or a table above it; None when unknown."""
    earlier_start: int | None
    """Offset where `earlier` was first written."""


class _Recording(dict[KeyPath, Entry]):
    """Entries that remember every key path written over, and the last one written."""

    def __init__(self) -> None:
        super().__init__()
        self.replaced: list[tuple[KeyPath, Entry, Entry]] = []
        """(path, the earlier entry, the new one), in the order of the text."""
        self.last: tuple[KeyPath, Entry] | None = None

    def __setitem__(self, path: KeyPath, entry: Entry) -> None:
        earlier = self.get(path)
        if earlier is not None:
            self.replaced.append((path, earlier, entry))
        self.last = (path, entry)
        super().__setitem__(path, entry)

    def setdefault(self, path: KeyPath, entry: Entry, /) -> Entry:
        earlier = self.get(path)
        if earlier is not None:
            self.replaced.append((path, earlier, entry))
            return earlier
        super().__setitem__(path, entry)
        return entry


def _statement_start(entry: Entry) -> int:
    return entry.value_start if entry.kind == "header" else entry.key_expr_start


def _first_written(entry: Entry) -> int:
    """Where an entry's key is first written: a dotted key's first segment, a header's bracket."""
    if entry.kind == "header":
        return entry.value_start
    if entry.kind == "kv":
        return entry.key_expr_start
    return entry.key_start


def find_redefinition(text: str, end: int) -> Redefinition | None:
    """The statement that ends at or runs through offset `end` and defines again a key
    or table the text defined before (tomllib refuses such a text and points at `end`:
    just after the value of `key = value`, or at the name inside a header).

    Everything before that statement is valid TOML, so the text up to `end` is
    scanned; the statement is the last key or header written, and what it collides
    with is the same key path, or a table above it, written earlier.
    """
    entries = _Recording()
    positions = PositionMap(text[:end], entries=entries)
    # Cut inside an inline table, the scan stops there: what it read is recorded.
    with contextlib.suppress(IndexError, ValueError, RecursionError):
        _Scanner(positions.text, positions).run()
    if entries.last is None:
        return None
    path, entry = entries.last
    kind: Literal["key", "table", "array"] = "key"
    if entry.kind == "header":
        array = isinstance(path[-1], int) and text.startswith("[[", entry.value_start)
        kind = "array" if array else "table"
        if array:
            path = path[:-1]
    start = _statement_start(entry)
    earlier: tuple[KeyPath, Entry] | None = None
    for replaced, old, new in entries.replaced:
        within = new.key_start >= start or new.value_start >= start
        if not within or replaced != path[: len(replaced)]:
            continue
        if earlier is None or len(replaced) >= len(earlier[0]):
            earlier = (replaced, old)
    if earlier is None:
        return Redefinition(path, kind, start, None, None)
    return Redefinition(path, kind, start, earlier[0], _first_written(earlier[1]))
