"""Rewriting an existing policy text so that only what changed changes.

The old and the new data are compared key by key; each difference becomes a text edit
at the place `exports.positions` found for it: a changed value is replaced where it
stands (the line's comment stays), a removed key loses its line, an added key gets a
line after the key that precedes it in the model's order, a new table is placed in the
format's table order. Arrays of tables that were reordered, shortened or extended are
first rebuilt from their entries' own text, each entry keeping the comment block above
its header. A layout this module does not edit in place raises `Unsupported`, and that
top-level section is written afresh (the caller then checks the whole result).
"""

from __future__ import annotations

import re
import tomllib
from collections import deque
from collections.abc import Mapping
from difflib import SequenceMatcher
from typing import Any

from exports.layout import Layout, about_entry
from exports.layout import identity as _identity
from exports.positions import Entry, Header, PositionMap, scan_positions
from exports.tomlrender import (
    ARRAY_INDENT,
    is_table_like,
    ordered_keys,
    render_blocks,
    render_key,
    render_key_value,
    render_table,
    render_value,
)
from exports.values import fingerprint, same
from schemas.keypath import KeyPath

_AFTER_ITEM = re.compile(r"[ \t]*(,)?[ \t]*(?:#[^\n]*)?\n")


class Unsupported(Exception):
    """A layout of the text that is not edited in place."""


def without_none(data: Mapping[str, Any]) -> dict[str, Any]:
    """The data with keys whose value is None left out (None means absent), at every depth."""
    return {key: _clean(value) for key, value in data.items() if value is not None}


def _clean(value: Any) -> Any:
    if isinstance(value, Mapping):
        return without_none(value)
    if isinstance(value, list | tuple):
        return [_clean(item) for item in value]
    return value


def update_text(
    text: str,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    newline: str,
    *,
    spelled: Mapping[KeyPath, str] | None = None,
    pieces: Mapping[KeyPath, str] | None = None,
) -> str:
    """The text with `old` data changed into `new` data, touching only what changed.

    `spelled` gives, for key paths of `new` written as `key = value` lines, the text to
    write as the value (another file's spelling of the same value, its comments inside
    a multi-line array included), written even where the data does not change; `pieces`
    gives, for entries of arrays of tables that are not in `old`, the text to write for
    the whole entry (its comments, header and keys). Both are written with `\n` and the
    caller checks the result (`exports.merge` does).
    """
    original = text
    editor = _Editor(text, newline, spelled, pieces)
    editor.rebuild_arrays((), old, new)
    if editor.edits:
        text = editor.apply()
        old = tomllib.loads(text)
        editor = _Editor(text, newline, spelled, pieces)
    editor.diff_root(old, new)
    return _tidy_end(original, editor.apply())


class _Editor:
    """Text edits computed against one scan of one text."""

    def __init__(
        self,
        text: str,
        newline: str,
        spelled: Mapping[KeyPath, str] | None = None,
        pieces: Mapping[KeyPath, str] | None = None,
    ) -> None:
        self.text = text
        self.nl = newline
        self.spelled: Mapping[KeyPath, str] = spelled or {}
        self.pieces: Mapping[KeyPath, str] = pieces or {}
        self.pm: PositionMap = scan_positions(text)
        self.layout = Layout(text, self.pm.comment_lines)
        self.edits: list[tuple[int, int, str, int]] = []
        self.header_index = {header.path: index for index, header in enumerate(self.pm.headers)}
        self._within: dict[KeyPath, list[int]] = {}
        """For each table path, the indexes of the headers that open it or a table in it."""
        for index, header in enumerate(self.pm.headers):
            for size in range(1, len(header.path) + 1):
                self._within.setdefault(header.path[:size], []).append(index)

    # -- edits --------------------------------------------------------------

    def add(
        self, start: int, end: int, text: str, *, raw: bool = False, block: bool = False
    ) -> None:
        """Replace text[start:end]; new text is written with `\\n` and converted unless raw.

        At one offset, insertions come in the order they were made, except that header
        blocks follow key lines (a key after a header would belong to that header).
        """
        if not raw and self.nl != "\n":
            text = text.replace("\n", self.nl)
        self.edits.append((start, end, text, int(block)))

    def apply(self) -> str:
        def place(n: int) -> tuple[int, int, int, int]:
            start, end, _, block = self.edits[n]
            return start, end != start, block, n

        out: list[str] = []
        position = 0
        for number in sorted(range(len(self.edits)), key=place):
            start, end, replacement, _ = self.edits[number]
            if start < position:
                if replacement:
                    raise Unsupported("overlapping edits")
                start = position  # two deletions that meet: remove what is left
                end = max(end, position)
            out.append(self.text[position:start])
            out.append(replacement)
            position = end
        out.append(self.text[position:])
        return "".join(out)

    # -- lines --------------------------------------------------------------

    def line_start(self, offset: int) -> int:
        return self.layout.line_start(offset)

    def line_end(self, offset: int) -> int:
        """The offset just after the newline of the line holding `offset`."""
        return self.layout.line_end(offset)

    def lead_start(self, header: Header) -> int:
        """Where the comment block directly above a header begins (the header line if none)."""
        return self.layout.lead_start(header.line_start)

    def within(self, prefix: KeyPath) -> list[int]:
        """Indexes of the headers that open `prefix` or a table inside it."""
        if not prefix:
            return list(range(len(self.pm.headers)))
        return list(self._within.get(prefix, ()))

    def boundary(self, last: int) -> int:
        """The start of the line of the header after header `last` (the end of the text)."""
        headers = self.pm.headers
        return headers[last + 1].line_start if last + 1 < len(headers) else len(self.text)

    def end_of(self, last: int) -> int:
        """Where the text of the tables up to header `last` ends: its last line and the
        comments directly below it (see `exports.layout.Layout.core_end`)."""
        return self.layout.core_end(self.boundary(last))

    def own_start(self, path: KeyPath, old: list[Any]) -> int:
        """Where the text of entry 0 of the array of tables `path` begins: its lead, unless
        that paragraph introduces the whole array (see `exports.layout`)."""
        header = self.pm.headers[self.header_index[(*path, 0)]]
        lead = self.lead_start(header)
        if lead < header.line_start and not about_entry(
            self.text[lead : header.line_start], old[0], old[1:]
        ):
            return header.line_start
        return lead

    def insert_block(self, position: int, block: str) -> None:
        """Insert header blocks at a line start, keeping one blank line around them."""
        before = self.text[:position].replace("\r\n", "\n")
        if position == 0 or before.endswith("\n\n"):
            prefix = ""
        else:
            prefix = "\n" if before.endswith("\n") else "\n\n"
        following = position < len(self.text) and not self.layout.is_blank(position)
        suffix = "\n" if following else ""
        self.add(position, position, prefix + block + suffix, block=True)

    def delete_line(self, entry: Entry) -> None:
        self.add(self.line_start(entry.key_expr_start), self.line_end(entry.value_end), "")

    # -- arrays of tables, reordered or resized (first pass) ------------------------

    def rebuild_arrays(self, path: KeyPath, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        for key, old_value in old.items():
            new_value = new.get(key)
            child = (*path, key)
            if isinstance(old_value, Mapping) and isinstance(new_value, Mapping):
                self.rebuild_arrays(child, old_value, new_value)
            elif (
                isinstance(old_value, list)
                and isinstance(new_value, list)
                and all(isinstance(item, Mapping) for item in new_value)
                and (*child, 0) in self.header_index
            ):
                self.rebuild_array(child, old_value, new_value)

    def rebuild_array(self, path: KeyPath, old: list[Any], new: list[Mapping[str, Any]]) -> None:
        """Entries moved, added and removed: each entry's own text (its lead comments, its
        header, its body and the comments directly below it) is moved as one piece; what
        lies between entries stays in place, and so does the comment that introduces
        the array (see `exports.layout`)."""
        assign = _match_entries(old, new)
        if len(old) == len(new) and assign == list(range(len(old))):
            return
        starts: list[int] = []
        ends: list[int] = []
        for index in range(len(old)):
            entry_path = (*path, index)
            if entry_path not in self.header_index:
                return
            number = self.header_index[entry_path]
            if index and number != max(self.within((*path, index - 1))) + 1:
                return  # entries are not one after another: leave them to the second pass
            last = max(self.within(entry_path))
            starts.append(self.lead_start(self.pm.headers[number]))
            ends.append(self.end_of(last))
        starts[0] = self.own_start(path, old)
        if any(ends[n] > starts[n + 1] for n in range(len(old) - 1)):
            return
        cores = [self.text[start:end] for start, end in zip(starts, ends, strict=True)]
        gaps = [self.text[ends[n] : starts[n + 1]] for n in range(len(old) - 1)]
        introduced = starts[0] > self.lead_start(self.pm.headers[self.header_index[(*path, 0)]])
        pieces: list[str] = []
        for slot, source in enumerate(assign):
            if source is None:
                piece = self.pieces.get((*path, slot)) or render_table(
                    (*path, slot), new[slot], array=True
                )
                piece = piece.replace("\n", self.nl)
            else:
                piece = cores[source]
            if not piece.endswith("\n"):
                piece += self.nl
            if slot == 0 and introduced and piece.lstrip(" \t").startswith("#"):
                piece = self.nl + piece  # the introduction stays a paragraph of its own
            pieces.append(piece)
            if slot < len(assign) - 1:
                pieces.append(gaps[slot] if slot < len(gaps) else self.nl)
        region = "".join(pieces)
        if ends[-1] == len(self.text) and not self.text.endswith("\n"):
            region = region.rstrip("\r\n")
        if not assign:
            self.add(starts[0], self.layout.after_blanks(ends[-1], len(self.text)), "")
            return
        self.add(starts[0], ends[-1], region, raw=True)

    # -- differences (second pass) ------------------------------------------------

    def diff_root(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        keys = list(old) + [key for key in ordered_keys((), new) if key not in old]
        for key in keys:
            mark = len(self.edits)
            try:
                self.diff_key((), "root", key, old, new)
            except Unsupported:
                del self.edits[mark:]
                self.replace_section(key, old.get(key), new.get(key))

    def diff_table(self, path: KeyPath, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        home = self.home(path)
        if home == "inline":
            entry = self.pm.entries[path]
            if old.keys() != new.keys():
                self.add(entry.value_start, entry.value_end, render_value(new))
                return
        keys = list(old) + [key for key in ordered_keys(path, new) if key not in old]
        for key in keys:
            self.diff_key(path, home, key, old, new)

    def diff_key(
        self, path: KeyPath, home: str, key: str, old: Mapping[str, Any], new: Mapping[str, Any]
    ) -> None:
        child = (*path, key)
        if key not in old:
            self.add_key(path, home, key, new)
            return
        old_value, new_value = old[key], new.get(key)
        if new_value is None:
            self.delete(child)
        elif (child in self.spelled and self.respell(child, new_value)) or same(
            old_value, new_value
        ):
            return
        elif isinstance(old_value, Mapping) and isinstance(new_value, Mapping):
            if not new_value and self.home(child) in ("dotted", "implicit"):
                # Emptied, it would leave no trace in the text: write it as `[table]`.
                self.delete(child)
                self.add_key(path, home, key, new)
            else:
                self.diff_table(child, old_value, new_value)
        elif (
            isinstance(old_value, list)
            and isinstance(new_value, list)
            and not self.reshaped_array(child, new_value)
        ):
            self.diff_list(child, old_value, new_value)
        elif self.is_value(child):
            self.replace(child, new_value)
        else:  # a table that becomes a value, or the other way round
            self.delete(child)
            self.add_key(path, home, key, new)

    def respell(self, path: KeyPath, value: Any) -> bool:
        """Write the value at `path` as `spelled` has it; False where it is not a line's value."""
        entry = self.pm.entries.get(path)
        if entry is None or entry.kind != "kv" or entry.inline or is_table_like(value):
            return False
        spelling = self.spelled[path]
        if self.text[entry.value_start : entry.value_end].replace("\r\n", "\n") != spelling:
            self.add(entry.value_start, entry.value_end, spelling)
        return True

    def is_value(self, path: KeyPath) -> bool:
        entry = self.pm.entries.get(path)
        return entry is not None and entry.kind in ("kv", "element")

    def reshaped_array(self, path: KeyPath, new: list[Any]) -> bool:
        """An array of tables whose new items are not all tables."""
        entry = self.pm.entries.get(path)
        headers = entry is not None and entry.kind == "header"
        return headers and not all(isinstance(item, Mapping) for item in new)

    def home(self, path: KeyPath) -> str:
        """How a table is written: root, header, inline, dotted (keys `a.b = 1`) or implicit."""
        if not path:
            return "root"
        entry = self.pm.entries.get(path)
        if entry is None:
            raise Unsupported(f"no place for {path}")
        if entry.kind == "header":
            return "header"
        if entry.kind in ("kv", "element"):
            if self.text.startswith("{", entry.value_start):
                return "inline"
            raise Unsupported(f"{path} is not a table")
        if self.dotted_entries(path):
            return "dotted"
        return "implicit"

    def dotted_entries(self, path: KeyPath) -> list[Entry]:
        size = len(path)
        return [
            entry
            for key, entry in self.pm.entries.items()
            if entry.kind == "kv"
            and not entry.inline
            and key[:size] == path
            and entry.owner[:size] != path
        ]

    def replace(self, path: KeyPath, value: Any) -> None:
        entry = self.pm.entries.get(path)
        if entry is None or entry.kind not in ("kv", "element"):
            raise Unsupported(f"{path} changes shape")
        self.add(entry.value_start, entry.value_end, render_value(value))

    def delete(self, path: KeyPath) -> None:
        entry = self.pm.entries.get(path)
        if entry is None or entry.inline:
            raise Unsupported(f"cannot delete {path}")
        if entry.kind == "kv":
            self.delete_line(entry)
            return
        indexes = self.within(path)
        for run in _runs(indexes):
            start = self.lead_start(self.pm.headers[run[0]])
            end = self.layout.after_blanks(self.end_of(run[-1]), self.boundary(run[-1]))
            self.add(start, end, "")
        for dotted in self.dotted_entries(path):
            self.delete_line(dotted)

    # -- arrays of values -----------------------------------------------------------

    def diff_list(self, path: KeyPath, old: list[Any], new: list[Any]) -> None:
        entry = self.pm.entries.get(path)
        if entry is None:
            raise Unsupported(f"no place for {path}")
        if entry.kind == "header":
            if len(old) != len(new):
                raise Unsupported(f"{path} changed length")
            for index, (old_item, new_item) in enumerate(zip(old, new, strict=True)):
                if same(old_item, new_item):
                    continue
                if not (isinstance(old_item, Mapping) and isinstance(new_item, Mapping)):
                    raise Unsupported(f"{path} changes shape")
                self.diff_table((*path, index), old_item, new_item)
            return
        if len(old) != len(new):
            self.resize_array(path, entry, old, new)
            return
        for index, (old_item, new_item) in enumerate(zip(old, new, strict=True)):
            item = (*path, index)
            if same(old_item, new_item):
                continue
            if isinstance(old_item, Mapping) and isinstance(new_item, Mapping):
                self.diff_table(item, old_item, new_item)
            elif isinstance(old_item, list) and isinstance(new_item, list):
                self.diff_list(item, old_item, new_item)
            else:
                self.replace(item, new_item)

    def resize_array(self, path: KeyPath, entry: Entry, old: list[Any], new: list[Any]) -> None:
        """Add and remove items of a value array, line by line when it has one item a line."""
        items = [self.pm.entries[(*path, index)] for index in range(len(old))]
        layout = self.one_per_line(entry, items)
        if layout is None:
            self.add(entry.value_start, entry.value_end, self.array_text(entry, new))
            return
        indent, ends, last_comma = layout
        matcher = SequenceMatcher(
            a=[fingerprint(item) for item in old],
            b=[fingerprint(item) for item in new],
            autojunk=False,
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            pairs = min(i2 - i1, j2 - j1)
            for k in range(pairs):
                item = items[i1 + k]
                self.add(item.value_start, item.value_end, render_value(new[j1 + k]))
            for index in range(i1 + pairs, i2):
                self.add(self.line_start(items[index].value_start), ends[index], "")
            added = new[j1 + pairs : j2]
            if not added:
                continue
            if i2 < len(old):
                position = self.line_start(items[i2].value_start)
                lines = [f"{indent}{render_value(value)},\n" for value in added]
            else:
                position = ends[-1]
                last_deleted = i1 + pairs <= i2 - 1
                if not last_comma and not last_deleted:
                    self.add(items[-1].value_end, items[-1].value_end, ",")
                lines = [f"{indent}{render_value(value)},\n" for value in added]
                if not last_comma:
                    lines[-1] = lines[-1][:-2] + "\n"
            self.add(position, position, "".join(lines))

    def one_per_line(self, entry: Entry, items: list[Entry]) -> tuple[str, list[int], bool] | None:
        """When each item has its own line: (indent, end of each item's line, last has a comma)."""
        if not items:
            return None
        previous = self.pm.line_of(entry.value_start)
        ends: list[int] = []
        last_comma = False
        for item in items:
            start = self.line_start(item.value_start)
            if self.pm.line_of(item.value_start) <= previous:
                return None
            if self.text[start : item.value_start].strip(" \t"):
                return None
            match = _AFTER_ITEM.match(self.text, item.value_end)
            if match is None:
                return None
            ends.append(match.end())
            last_comma = match.group(1) is not None
            previous = self.pm.line_of(item.value_end)
        if self.pm.line_of(entry.value_end - 1) <= previous:
            return None
        first = items[0].value_start
        return self.text[self.line_start(first) : first], ends, last_comma

    def array_text(self, entry: Entry, new: list[Any]) -> str:
        old_text = self.text[entry.value_start : entry.value_end]
        if "\n" not in old_text or not new:
            return render_value(new)
        return "[\n" + "".join(f"{ARRAY_INDENT}{render_value(item)},\n" for item in new) + "]"

    # -- additions ------------------------------------------------------------------

    def add_key(self, path: KeyPath, home: str, key: str, new: Mapping[str, Any]) -> None:
        value = new.get(key)
        if value is None:
            return
        if home == "inline":
            raise Unsupported("inline tables are rewritten whole")
        if is_table_like(value):
            if home == "dotted":
                raise Unsupported("a table inside a dotted-key table")
            self.add_table(path, key, new)
        elif home == "dotted":
            self.add_dotted(path, key, value)
        elif home == "implicit":
            self.add_header_for(path, key, value)
        else:
            self.add_line(path, key, new)

    def direct_keys(self, path: KeyPath) -> dict[str, Entry]:
        """The `key = value` lines written directly in a table's own body."""
        size = len(path)
        return {
            key[-1]: entry
            for key, entry in self.pm.entries.items()
            if len(key) == size + 1
            and key[:size] == path
            and isinstance(key[-1], str)
            and entry.kind == "kv"
            and entry.owner == path
            and not entry.inline
        }

    def add_line(self, path: KeyPath, key: str, new: Mapping[str, Any]) -> None:
        spelling = self.spelled.get((*path, key))
        if spelling is not None:
            line = f"{render_key(key)} = {spelling}\n"
        else:
            line = render_key_value(key, new[key])
        direct = self.direct_keys(path)
        order = ordered_keys(path, new)
        place = order.index(key)
        for previous in reversed(order[:place]):
            if previous in direct:
                self.insert_line_after(direct[previous].value_end, line)
                return
        for following in order[place + 1 :]:
            if following in direct:
                position = self.line_start(direct[following].key_expr_start)
                self.add(position, position, line)
                return
        if direct:
            self.insert_line_after(max(entry.value_end for entry in direct.values()), line)
        elif path:
            header = self.pm.headers[self.header_index[path]]
            self.insert_line_after(header.start, line)
        elif self.pm.headers:
            position = self.lead_start(self.pm.headers[0])
            self.add(position, position, line + "\n")
        else:
            self.insert_line_after(len(self.text), line)

    def insert_line_after(self, offset: int, line: str) -> None:
        position = self.line_end(offset)
        if position == len(self.text) and self.text and not self.text.endswith("\n"):
            line = "\n" + line
        self.add(position, position, line)

    def add_dotted(self, path: KeyPath, key: str, value: Any) -> None:
        entries = self.dotted_entries(path)
        last = max(entries, key=lambda entry: entry.value_end)
        start = self.line_start(last.key_expr_start)
        indent = self.text[start : last.key_expr_start]
        relative = (*path[len(last.owner) :], key)
        if any(isinstance(part, int) for part in relative):
            raise Unsupported("dotted key through an array")
        dotted = ".".join(render_key(str(part)) for part in relative)
        self.insert_line_after(last.value_end, f"{indent}{dotted} = {render_value(value)}\n")

    def add_header_for(self, path: KeyPath, key: str, value: Any) -> None:
        """A table known only from its sub-tables' headers gets its own header for a new key."""
        first = self.pm.headers[min(self.within(path))]
        block = render_table(path, {key: value}, array=False)
        self.insert_block(self.lead_start(first), block)

    def add_table(self, path: KeyPath, key: str, new: Mapping[str, Any]) -> None:
        """A new table or array of tables, placed in the model's order among its siblings."""
        block = render_blocks(path, key, new[key])
        order = ordered_keys(path, new)
        for following in order[order.index(key) + 1 :]:
            indexes = self.within((*path, following))
            if indexes:
                header = self.pm.headers[min(indexes)]
                self.insert_block(self.layout.section_start(header.line_start), block)
                return
        indexes = self.within(path)
        if not path or not indexes:
            if path:
                raise Unsupported(f"no header for {path}")
            self.insert_block(len(self.text), block)
            return
        last = max(indexes)
        self.insert_block(self.layout.after_blanks(self.end_of(last), self.boundary(last)), block)

    # -- a section written afresh ---------------------------------------------------------

    def replace_section(self, key: str, old_value: Any, new_value: Any) -> None:
        """Write a whole top-level section anew when its layout defeats the edits above."""
        path = (key,)
        indexes = self.within(path)
        if (
            old_value is None
            or new_value is None
            or not is_table_like(new_value)
            or not indexes
            or self.dotted_entries(path)
            or key in self.direct_keys(())
            or indexes != list(range(indexes[0], indexes[-1] + 1))
        ):
            raise Unsupported(f"section {key} cannot be rewritten in place")
        start = self.pm.headers[indexes[0]].line_start  # the comments above stay
        end = self.end_of(indexes[-1])
        block = render_blocks((), key, new_value).replace("\n", self.nl)
        if end == len(self.text) and not self.text.endswith("\n"):
            block = block.rstrip("\r\n")
        self.add(start, end, block, raw=True)


def _match_entries(old: list[Any], new: list[Mapping[str, Any]]) -> list[int | None]:
    """For each new entry, the old entry whose text it reuses (None: written afresh).

    Equal entries first (at the same place if possible), then entries with the same
    name (title, topic), then an entry left at its place that looks edited rather
    than replaced (see `_related`). Each new entry takes the first old entry left that
    qualifies; equal content and names are looked up by hash, not entry by entry.
    """
    assign: list[int | None] = [None] * len(new)
    used: set[int] = set()

    def take(slot: int, source: int) -> None:
        assign[slot] = source
        used.add(source)

    for slot, entry in enumerate(new):
        if slot < len(old) and same(old[slot], entry):
            take(slot, slot)
    by_content: dict[object, deque[int]] = {}
    for source, candidate in enumerate(old):
        if source not in used:
            by_content.setdefault(fingerprint(candidate), deque()).append(source)
    for slot, entry in enumerate(new):
        if assign[slot] is None:
            equal = by_content.get(fingerprint(entry))
            if equal:
                take(slot, equal.popleft())
    by_identity: dict[tuple[str, str], deque[int]] = {}
    for source, candidate in enumerate(old):
        identity = _identity(candidate)
        if source not in used and identity is not None:
            by_identity.setdefault(identity, deque()).append(source)
    for slot, entry in enumerate(new):
        identity = _identity(entry)
        if assign[slot] is None and identity is not None:
            named = by_identity.get(identity)
            if named:
                take(slot, named.popleft())
    for slot, entry in enumerate(new):
        if (
            assign[slot] is None
            and slot < len(old)
            and slot not in used
            and _related(old[slot], entry, same_length=len(old) == len(new))
        ):
            take(slot, slot)
    return assign


def _related(old: Any, new: Mapping[str, Any], *, same_length: bool) -> bool:
    """Whether an entry left at its place was edited rather than replaced by another."""
    if not isinstance(old, Mapping):
        return False
    if any(key in old and same(old[key], value) for key, value in new.items()):
        return True
    return same_length and old.keys() == new.keys()


def _split_trailing_blank(chunk: str) -> tuple[str, str]:
    """A chunk of lines split into its body and the blank lines that end it."""
    lines = chunk.splitlines(keepends=True)
    cut = len(lines)
    while cut > 0 and not lines[cut - 1].strip():
        cut -= 1
    return "".join(lines[:cut]), "".join(lines[cut:])


def _tidy_end(original: str, text: str) -> str:
    """Blank lines left at the end by a removed table go; the original ending stays."""
    core, gap = _split_trailing_blank(text)
    _, original_gap = _split_trailing_blank(original)
    return core + original_gap if len(gap) > len(original_gap) else text


def _runs(indexes: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for index in indexes:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


__all__ = ["Unsupported", "same", "update_text", "without_none"]
