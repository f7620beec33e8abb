"""Differences between two versions of a policy, by section and key, from the data model.

Two policies are compared as data, not as text lines: comments, key order, quoting
and blank lines make no difference. Entries of arrays (platforms, rubrics, templates,
values, objectives, …) are matched by their `name`, `title` or `topic` where they have
one (a voice trait by `is`, a tone by `situation`, an acknowledgement by `name` and
`date` together: `IDENTITY_BY_LIST`), then by equal content, then by order of what is
left where the entries are alike (a named table must keep at least half of its other
values) — so a reordered list shows as "moved", a renamed platform as a changed `name`,
and a platform replaced by another as one removed and one added.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import heapq
import re
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeGuard

from exports import tomlrender
from exports.texts import FILES
from exports.values import fingerprint as fingerprint  # re-exported
from exports.values import same as same  # re-exported
from schemas.controls import escape, quoted
from schemas.sections import TOP_LEVEL_ORDER
from schemas.texts import text

ChangeKind = Literal["added", "removed", "changed", "moved"]

IDENTITY_KEYS: tuple[str, ...] = ("name", "title", "topic")
"""Keys that identify an entry of an array of tables, in order of preference."""


@dataclass(frozen=True)
class Identity:
    """How the entries of one array of tables are identified: by the first of `keys`
    an entry has, or, `together`, by all of them (the first one required)."""

    keys: tuple[str, ...] = IDENTITY_KEYS
    together: bool = False

    def label(self, entry: object) -> str:
        """The text an entry is named by in a change ("" for an unnamed entry)."""
        if not isinstance(entry, Mapping):
            return ""
        if self.together:
            first = entry.get(self.keys[0])
            if not (isinstance(first, str) and first.strip()):
                return ""
            rest = [_shown(entry.get(key)) for key in self.keys[1:]]
            return ", ".join([first, *(part for part in rest if part)])
        for key in self.keys:
            value = entry.get(key)
            if isinstance(value, str) and value.strip():
                return value
        return ""

    def of(self, entry: Mapping[object, object]) -> object:
        """What identifies a named entry (None for an unnamed one)."""
        if self.together:
            if not self.label(entry):
                return None
            first = str(entry[self.keys[0]]).strip().casefold()
            return (first, *(fingerprint(entry.get(key)) for key in self.keys[1:]))
        label = self.label(entry)
        return label.strip().casefold() if label else None


def _shown(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return ""


NAMES = Identity()
"""The identity of most lists: name, title or topic."""

IDENTITY_BY_LIST: dict[str, Identity] = {
    "communication.traits": Identity(("is",)),
    "communication.tones": Identity(("situation",)),
    "acknowledgements": Identity(("name", "date"), together=True),
}
"""Lists whose entries are identified otherwise than by name, title or topic, by their
key path (without indices)."""


def identity_of(path: str) -> Identity:
    """How the entries of the array of tables at `path` are identified."""
    return IDENTITY_BY_LIST.get(re.sub(r"\[\d+\]", "", path), NAMES)


_LAST_SECTIONS: tuple[str, ...] = ("revisions", "acknowledgements")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")

ACCESS_KEY = "access"
"""Where logins are kept: left out of a diff, as out of an export, unless asked for."""
_UNDER_ACCESS = re.compile(rf"(?:^|\.){ACCESS_KEY}(?:[.\[]|$)")


class _Hidden:
    """Stands for an `access` value left out of a diff."""

    def __repr__(self) -> str:
        return "(access value hidden)"


HIDDEN = _Hidden()


@dataclass(frozen=True)
class Change:
    """One difference between two policies."""

    section: str
    """The top-level key the change belongs to, e.g. "communication" or "schema_version"."""

    path: str
    """Key path with [i] for array items: the new index for added, changed and moved
    items, the old index for removed ones."""

    kind: ChangeKind
    old: object = None
    """The value before (None when added); for "moved", the old index."""

    new: object = None
    """The value after (None when removed); for "moved", the new index."""

    label: str = ""
    """The name, title or topic of the innermost array entry on the path, if any."""

    item: object = None
    """For "moved": the entry itself when it is a plain value (a hashtag, an objective),
    which has no name to show it by."""


def diff_policies(old: Mapping[str, object], new: Mapping[str, object]) -> list[Change]:
    """Every difference between two policies (plain data as read by tomllib).

    The list is ordered by section (the file's top-level order, unknown keys after
    the known ones, `revisions` and `acknowledgements` last), then by position in the
    new version.
    """
    changes = list(_diff_tables(old, new, "", ""))
    order = {name: i for i, name in enumerate(section_order(c.section for c in changes))}
    return sorted(changes, key=lambda change: order[change.section])


def section_order(sections: Iterable[str]) -> list[str]:
    """The given section names, unique, in the order changes are reported."""
    seen = dict.fromkeys(sections)
    known = [s for s in TOP_LEVEL_ORDER if s in seen and s not in _LAST_SECTIONS]
    unknown = [s for s in seen if s not in TOP_LEVEL_ORDER and s not in _LAST_SECTIONS]
    last = [s for s in _LAST_SECTIONS if s in seen]
    return known + unknown + last


def by_section(changes: Iterable[Change]) -> dict[str, list[Change]]:
    """Changes grouped by section, the sections in the order changes are reported
    (`section_order`), each section's changes in the order given."""
    grouped: dict[str, list[Change]] = {}
    for change in changes:
        grouped.setdefault(change.section, []).append(change)
    return {section: grouped[section] for section in section_order(grouped)}


# --- comparing ---------------------------------------------------------------------


def _join(base: str, key: str) -> str:
    return f"{base}.{key}" if base else key


def _section_of(path: str) -> str:
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def _diff_tables(
    old: Mapping[str, object], new: Mapping[str, object], base: str, label: str
) -> Iterator[Change]:
    for key in new:
        path = _join(base, key)
        if key in old:
            yield from _diff_values(old[key], new[key], path, label)
        else:
            yield from _whole(new[key], path, "added", label)
    for key in old:
        if key not in new:
            yield from _whole(old[key], _join(base, key), "removed", label)


def _diff_values(old: object, new: object, path: str, label: str) -> Iterator[Change]:
    if same(old, new):
        return
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        yield from _diff_tables(old, new, path, label)
    elif _is_uniform_list(old) and _is_uniform_list(new) and _kinds_agree(old, new):
        yield from _diff_lists(old, new, path, label)
    else:
        yield Change(_section_of(path), path, "changed", old, new, label)


def _whole(value: object, path: str, kind: ChangeKind, label: str) -> Iterator[Change]:
    """A key present on one side only: tables are spelled out key by key."""
    if isinstance(value, Mapping) and value:
        for key, item in value.items():
            yield from _whole(item, _join(path, key), kind, label)
    elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
        named = identity_of(path)
        for index, entry in enumerate(value):
            yield from _whole(entry, f"{path}[{index}]", kind, named.label(entry) or label)
    else:
        old, new = (None, value) if kind == "added" else (value, None)
        yield Change(_section_of(path), path, kind, old, new, label)


def _is_uniform_list(value: object) -> TypeGuard[list[object]]:
    """A list of tables only, or of plain values only."""
    if not isinstance(value, list):
        return False
    tables = [isinstance(v, Mapping) for v in value]
    return all(tables) or not any(tables)


def _kinds_agree(old: Sequence[object], new: Sequence[object]) -> bool:
    """Both lists hold tables, or both hold plain values (an empty list fits either)."""
    return not old or not new or isinstance(old[0], Mapping) == isinstance(new[0], Mapping)


def _identity(entry: object, named: Identity) -> object:
    """What identifies a list entry: its name/title/topic (as `named` says), or a plain
    value itself."""
    if isinstance(entry, Mapping):
        return named.of(entry)
    if isinstance(entry, str):
        return ("str", entry)
    if isinstance(entry, (int, float, bool, dt.date, dt.time)):
        return (type(entry).__name__, entry)
    return None


def match_entries(
    old: Sequence[object], new: Sequence[object], named: Identity = NAMES
) -> list[tuple[int, int]]:
    """Pairs (old index, new index) of entries taken to be the same entry.

    First by identity (name/title/topic or what `named` says, or the value of a plain
    item), then by
    equal content, then what is left on both sides by order where alike (`_alike`):
    each new entry, in order, takes the first old entry left that is alike to it.
    Every step looks entries up by hash, so the cost grows with the number of entries
    times log of it, never with their product (see `_AlikeFinder`).
    """
    matcher = _Matcher(old, new, named)
    matcher.by_identity()
    matcher.by_content()
    matcher.by_likeness()
    return [(i, j) for j, i in enumerate(matcher.old_of) if i >= 0]


class _Matcher:
    """The state of `match_entries`: which entries are paired so far."""

    def __init__(self, old: Sequence[object], new: Sequence[object], named: Identity) -> None:
        self.old = old
        self.new = new
        self.named = named
        self.taken = [False] * len(old)
        """Old entries paired so far."""
        self.old_of = [-1] * len(new)
        """The old index each new entry is paired with, -1 while it is free."""

    def pair(self, i: int, j: int) -> None:
        self.taken[i] = True
        self.old_of[j] = i

    def free_old(self) -> Iterator[int]:
        return (i for i, taken in enumerate(self.taken) if not taken)

    def free_new(self) -> Iterator[int]:
        return (j for j, i in enumerate(self.old_of) if i < 0)

    def by_identity(self) -> None:
        """Each new entry takes the first old entry of the same name (or plain value)."""
        by_identity: dict[object, deque[int]] = {}
        for i, entry in enumerate(self.old):
            ident = _identity(entry, self.named)
            if ident is not None:
                by_identity.setdefault(ident, deque()).append(i)
        for j, entry in enumerate(self.new):
            ident = _identity(entry, self.named)
            candidates = by_identity.get(ident) if ident is not None else None
            if candidates:
                self.pair(candidates.popleft(), j)

    def by_content(self) -> None:
        """Each new entry left takes the first old entry left with equal content."""
        by_content: dict[object, deque[int]] = {}
        for i in self.free_old():
            by_content.setdefault(fingerprint(self.old[i]), deque()).append(i)
        for j in list(self.free_new()):
            candidates = by_content.get(fingerprint(self.new[j]))
            if candidates:
                self.pair(candidates.popleft(), j)

    def by_likeness(self) -> None:
        """Each new entry left takes the first old entry left that is alike (`_alike`)."""
        finder = _AlikeFinder(self.old, self.free_old(), self.taken, self.named)
        for j in list(self.free_new()):
            i = finder.first_alike(self.new[j])
            if i is not None:
                self.pair(i, j)


class _FreeList:
    """Old indices in ascending order; the ones paired since are skipped, each in
    amortised constant time (a next-free pointer per position, path-compressed)."""

    def __init__(self, items: list[int], taken: list[bool]) -> None:
        self.items = items
        self._taken = taken
        self._jump = list(range(len(items)))

    def first(self, position: int = 0) -> int:
        """The first position at or after `position` whose index is still free
        (`len(items)` when none is)."""
        items, taken, jump = self.items, self._taken, self._jump
        seen: list[int] = []
        while position < len(items) and taken[items[position]]:
            seen.append(position)
            ahead = jump[position]
            position = ahead if ahead > position else position + 1
        for passed in seen:
            jump[passed] = position
        return position

    def first_index(self) -> int | None:
        """The first index still free, or None."""
        position = self.first()
        return self.items[position] if position < len(self.items) else None


LIKENESS_LOOKS = 64
"""How many old entries sharing a value with a new one (and not alike to it) are
looked at, in order, before the new entry gives up on them: likeness is a
similarity, and comparing every entry left with every other would cost their
product. Real policies never come near it; a file built to defeat the matching
gets some entries reported as removed and added rather than changed."""


class _AlikeFinder:
    """The first old entry left that is alike (`_alike`) to a given new entry.

    Old entries that are not named tables are alike to everything; a named table is
    found through its (key, value) pairs: two named tables are alike when at least
    half of the keys of either are equal in both, so an old entry alike to a new one
    with m other keys shares one of any m - ceil(m/2) + 1 of its pairs (the rarest
    are looked up). The candidates are merged in index order and checked one by one.
    """

    def __init__(
        self, old: Sequence[object], free: Iterable[int], taken: list[bool], named: Identity
    ) -> None:
        self.named = named
        everything: list[int] = []
        unnamed: list[int] = []
        bare: list[int] = []
        self.pairs: dict[int, dict[object, object]] = {}
        postings: dict[tuple[object, object], list[int]] = {}
        for i in free:
            everything.append(i)
            entry = old[i]
            if not (isinstance(entry, Mapping) and named.label(entry)):
                unnamed.append(i)
                continue
            pairs = _pairs(entry, named)
            self.pairs[i] = pairs
            if not pairs:
                bare.append(i)
            for pair in pairs.items():
                postings.setdefault(pair, []).append(i)
        self.taken = taken
        self.everything = _FreeList(everything, taken)
        self.unnamed = _FreeList(unnamed, taken)
        self.bare = _FreeList(bare, taken)
        self.postings = {pair: _FreeList(items, taken) for pair, items in postings.items()}

    def first_alike(self, entry: object) -> int | None:
        """The first free old index alike to `entry`, or None."""
        if not (isinstance(entry, Mapping) and self.named.label(entry)):
            return self.everything.first_index()
        unnamed = self.unnamed.first_index()
        pairs = _pairs(entry, self.named)
        found = self._first_sharing(pairs, unnamed) if pairs else self.bare.first_index()
        candidates = [i for i in (unnamed, found) if i is not None]
        return min(candidates) if candidates else None

    def _first_sharing(self, pairs: dict[object, object], before: int | None) -> int | None:
        """The first named old entry alike to a named entry with these other pairs,
        if it comes before `before`."""
        needed = len(pairs) - (len(pairs) + 1) // 2 + 1
        empty = _FreeList([], self.taken)
        lists = sorted(
            (self.postings.get(pair, empty) for pair in pairs.items()),
            key=lambda free: len(free.items),
        )[:needed]
        heap = [
            (free.items[at], n, at)
            for n, free in enumerate(lists)
            if (at := free.first()) < len(free.items)
        ]
        heapq.heapify(heap)
        looks = 0
        last = -1
        while heap and looks < LIKENESS_LOOKS:
            i, n, at = heap[0]
            if before is not None and i > before:
                return None
            if i != last:
                last = i
                if _alike_pairs(self.pairs[i], pairs):
                    return i
                looks += 1
            free = lists[n]
            at = free.first(at + 1)
            if at < len(free.items):
                heapq.heapreplace(heap, (free.items[at], n, at))
            else:
                heapq.heappop(heap)
        return None


def _pairs(entry: Mapping[object, object], named: Identity = NAMES) -> dict[object, object]:
    """A table's keys other than those that identify it (name, title and topic), each
    with its value's fingerprint."""
    return {key: fingerprint(value) for key, value in entry.items() if key not in named.keys}


_ABSENT = object()
"""An absent key, unequal to every fingerprint."""


def _alike_pairs(old: Mapping[object, object], new: Mapping[object, object]) -> bool:
    """`_alike` of two named tables, from their `_pairs`."""
    _absent = _ABSENT
    equal = sum(1 for key, value in new.items() if old.get(key, _absent) == value)
    shared = sum(1 for key in new if key in old)
    return 2 * equal >= len(old) + len(new) - shared


def _alike(old: object, new: object, named: Identity = NAMES) -> bool:
    """Whether two entries left unmatched may be one entry changed (by order).

    Two named tables must agree on at least half of their other keys: a platform
    renamed keeps its status, link and owner, while one replaced by another (TikTok
    gone, Viber new) is reported as removed and added, not as a rename. Plain values
    and unnamed tables pair by order (an objective reworded is a change).
    """
    if not (isinstance(old, Mapping) and isinstance(new, Mapping)):
        return True
    if not (named.label(old) and named.label(new)):
        return True
    return _alike_pairs(_pairs(old, named), _pairs(new, named))


def _moved(pairs: Sequence[tuple[int, int]]) -> set[int]:
    """New indices of entries whose order relative to the others changed.

    The entries kept in place are a longest run in which both old and new indices
    rise (the first such run found: at each step the earliest entry that extends a
    longest run); every other matched entry counts as moved. Patience sorting finds
    it in n log n: the entries whose longest run ending with them has length L form
    level L, in which new indices fall.
    """
    news = [j for _, j in sorted(pairs)]
    levels: list[list[int]] = []
    tails: list[int] = []
    """The new index of the last entry of each level (the smallest of the level)."""
    prev = [-1] * len(news)
    for b, value in enumerate(news):
        length = bisect.bisect_left(tails, value)
        if length:
            level = levels[length - 1]
            # The earliest entry one level down that comes before in the new order too.
            prev[b] = level[bisect.bisect_right(level, -value, key=lambda a: -news[a])]
        if length == len(levels):
            levels.append([b])
            tails.append(value)
        else:
            levels[length].append(b)
            tails[length] = value
    kept: set[int] = set()
    if levels:
        k = levels[-1][0]
        while k != -1:
            kept.add(news[k])
            k = prev[k]
    return {j for j in news if j not in kept}


def _diff_lists(
    old: Sequence[object], new: Sequence[object], path: str, label: str
) -> Iterator[Change]:
    named = identity_of(path)
    pairs = match_entries(old, new, named)
    matched_old = {i for i, _ in pairs}
    matched_new = {j: i for i, j in pairs}
    moved = _moved(pairs)
    section = _section_of(path)
    for i, entry in enumerate(old):
        if i not in matched_old:
            yield from _whole(entry, f"{path}[{i}]", "removed", named.label(entry) or label)
    for j, entry in enumerate(new):
        item_path = f"{path}[{j}]"
        item_label = named.label(entry) or label
        if j not in matched_new:
            yield from _whole(entry, item_path, "added", item_label)
            continue
        i = matched_new[j]
        if j in moved:
            plain = None if isinstance(entry, (Mapping, list)) else entry
            yield Change(section, item_path, "moved", i, j, item_label, plain)
        yield from _diff_values(old[i], entry, item_path, item_label)


def _holds_access(value: object) -> bool:
    if isinstance(value, Mapping):
        return any(key == ACCESS_KEY or _holds_access(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_holds_access(item) for item in value)
    return False


def hide_access(changes: Sequence[Change]) -> tuple[list[Change], int]:
    """The changes with every `access` value (and any value holding one) replaced by
    `HIDDEN`, and how many changes had one."""
    shown: list[Change] = []
    hidden = 0
    for change in changes:
        under = bool(_UNDER_ACCESS.search(change.path))
        old, new, item = change.old, change.new, change.item
        if change.kind != "moved":
            old = HIDDEN if old is not None and (under or _holds_access(old)) else old
            new = HIDDEN if new is not None and (under or _holds_access(new)) else new
        if item is not None and (under or _holds_access(item)):
            item = HIDDEN
        if old is not change.old or new is not change.new or item is not change.item:
            hidden += 1
            change = dataclasses.replace(change, old=old, new=new, item=item)
        shown.append(change)
    return shown, hidden


# --- showing -------------------------------------------------------------------------


def render_value(value: object, lang: str = "en") -> str:
    """A value on one line, written as TOML writes it (strings quoted), every control
    character as its escape (`schemas.controls.quoted`: `\\n`, `\\u001b`, `\\u202e`);
    a hidden `access` value as `(access value hidden)` in `lang`."""
    if value is HIDDEN:
        return _word("diff.hidden", lang)
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, list):
        return "[" + ", ".join(render_value(item, lang) for item in value) + "]"
    if isinstance(value, Mapping):
        items = [
            f"{k if _BARE_KEY.fullmatch(k) else quoted(k)} = {render_value(v, lang)}"
            for k, v in ((str(k), v) for k, v in value.items())
            if v is not None
        ]
        return "{ " + ", ".join(items) + " }" if items else "{}"
    return tomlrender.render_value(value, one_line=True)


def _old_path(change: Change) -> str:
    """For a moved entry: its path in the old version."""
    return re.sub(r"\[\d+\]$", f"[{change.old}]", change.path)


def _word(key: str, lang: str, /, **params: object) -> str:
    return text(FILES, key, lang, **params)


def describe(change: Change, lang: str = "en") -> str:
    """What happened at the change's path, e.g. `60 → 30` or `added "TikTok"` (the
    words in `lang`, the values as the files hold them)."""
    if change.kind == "changed":
        if change.old is HIDDEN and change.new is HIDDEN:
            return _word("diff.changed_hidden", lang)
        return f"{render_value(change.old, lang)} → {render_value(change.new, lang)}"
    if change.kind == "added":
        return _word("diff.added", lang, value=render_value(change.new, lang))
    if change.kind == "removed":
        return _word("diff.removed", lang, value=render_value(change.old, lang))
    if change.item is not None:
        value = render_value(change.item, lang)
        return _word("diff.moved_item", lang, value=value, path=_old_path(change))
    return _word("diff.moved", lang, path=_old_path(change))


def format_text(changes: Sequence[Change], lang: str = "en") -> str:
    """One line per change, `path: old → new`, grouped under a `[section]` line."""
    lines: list[str] = []
    for section, items in by_section(changes).items():
        lines.append(escape(f"[{section}]"))
        for change in items:
            line = f"{change.path}: {describe(change, lang)}"
            line = f"{line}  ({change.label})" if change.label else line
            lines.append(escape(line))
    return "".join(f"{line}\n" for line in lines)


def _code(text: str) -> str:
    """A Markdown code span that holds any text, safe inside a table cell; control
    characters show as their escapes (a code span keeps everything else as it is)."""
    text = escape(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}".replace("|", "\\|")


def _cell(value: object, lang: str = "en") -> str:
    """A value in a table cell: as a code span, or a hidden `access` value in italics."""
    return f"*{_word('diff.hidden', lang)}*" if value is HIDDEN else _code(render_value(value))


def _plain(text: str) -> str:
    """The author's text as literal Markdown: control characters as their escapes,
    then every ASCII punctuation escaped."""
    escaped = re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", escape(text))
    return " ".join(escaped.split())


_COLUMNS = ("key", "entry", "change", "before", "after")


def format_markdown(
    changes: Sequence[Change], old_name: str, new_name: str, lang: str = "en"
) -> str:
    """A Markdown review document: one table per section with the values before and
    after; its words in `lang`."""
    title = _word("diff.title", lang, old=_plain(old_name), new=_plain(new_name))
    out = [f"# {title}", ""]
    if not changes:
        out += [_word("diff.none", lang), ""]
    columns = " | ".join(_word(f"diff.column.{c}", lang) for c in _COLUMNS)
    for section, items in by_section(changes).items():
        out += [f"## {_plain(section)}", "", f"| {columns} |"]
        out.append("|---|---|---|---|---|")
        for change in items:
            if change.kind == "moved":
                before, after = _code(_old_path(change)), _code(change.path)
                if change.item is not None:
                    moved = _code(render_value(change.item))
                    before = _word("diff.at", lang, value=moved, path=before)
                    after = _word("diff.at", lang, value=moved, path=after)
            else:
                before = "" if change.kind == "added" else _cell(change.old, lang)
                after = "" if change.kind == "removed" else _cell(change.new, lang)
            label = _plain(change.label)
            kind = _word(f"diff.kind.{change.kind}", lang)
            out.append(f"| {_code(change.path)} | {label} | {kind} | {before} | {after} |")
        out.append("")
    return "\n".join(out)
