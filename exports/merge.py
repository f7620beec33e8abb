"""Three-way merge of policies: two versions changed from a common one, key by key.

`merge_data(base, ours, theirs)` compares each side with the base, key by key:
- a key changed on one side only takes that side's value;
- a key changed the same way on both sides is no conflict;
- a key changed differently on both sides is a **conflict**, and so is an entry removed
  on one side and changed on the other;
- entries of lists of tables (platforms, tools, values, templates, rubrics, …) are
  matched by their `name`, `title` or `topic` as `presence diff` matches them
  (`exports.diff.match_entries`), never by their place: an entry added on each side is
  kept (theirs first), one removed on a side that the other left alone goes, and one
  side's new order is taken when the other kept the old one (both reordering
  differently is a conflict of order);
- lists of plain values (hashtags, objectives) take both sides' insertions and
  removals where they touch different items (both inserting at the same place keep
  theirs, then ours); changes to the same items are a conflict of the whole list;
- without a base (`base=None`: no common ancestor) every difference is a conflict
  unless both sides agree.
Values are compared as `exports.values.same` compares them (`1` is not `1.0`).

`merge(base, ours, theirs)` makes the merged file: **their text with our changes applied
as edits** by the splice editor (`exports.rewrite`), so their comments, formatting and
order stay. Where ours is a file too (the git merge driver), what we wrote comes from
our text: a value we changed is written as we spelled it (a multi-line array with its
comments), an entry we added with its comments, and every comment we added, changed or
removed is carried over by the rules of `exports.layout` (when both sides changed the
same comment, both are kept). A merge with conflicts gives the text with git-style
conflict markers around the lines where the two sides differ.

No Textual here: the command line (`presence merge`) and the wizard both use it.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from exports.diff import match_entries
from exports.layout import Layout, about_entry, identity
from exports.positions import PositionMap, scan_positions
from exports.values import fingerprint, same
from schemas.keypath import KeyPath

Side = Literal["ours", "theirs"]
ConflictKind = Literal["changed", "removed", "added", "order"]

OURS_MARKER = "<<<<<<< ours"
SEPARATOR = "======="
THEIRS_MARKER = ">>>>>>> theirs"


class _Absent:
    """A key or entry that a version does not have."""

    def __repr__(self) -> str:
        return "(absent)"


ABSENT: Any = _Absent()
"""Stands for a value a version does not have (in `Conflict.ours`, `.theirs`, `.base`)."""


class _NoBase:
    """The versions have no common ancestor."""

    def __repr__(self) -> str:
        return "(no base)"


NO_BASE: Any = _NoBase()
"""`Conflict.base` when the merge had no base."""


@dataclass(frozen=True)
class Conflict:
    """A place where the two versions changed the same thing differently."""

    key: tuple[object, ...]
    """Names the conflict whatever the other choices made (`merge_data`'s `choices`)."""

    path: KeyPath
    """Where the value is in the merged data (with this conflict taken from theirs, or
    from ours when theirs has nothing there)."""

    kind: ConflictKind
    """changed: both changed it differently; removed: one side removed what the other
    changed; added: without a base, one side has what the other has not; order: both
    reordered a list differently."""

    base: Any
    ours: Any
    """Our value (`ABSENT` when we removed it); for `order`, the entries' names in our order."""
    theirs: Any
    label: str = ""
    """The name, title or topic of the list entry the value belongs to, if any."""


@dataclass
class MergedData:
    """The merged data, its conflicts, and where each version's entries went."""

    data: dict[str, Any]
    """The merge, every conflict taken as `choices` say (by default from theirs)."""
    conflicts: list[Conflict]
    trace: dict[tuple[str, KeyPath], dict[int, int]] = field(default_factory=dict)
    """For each version ("base", "ours", "theirs") and list of tables in it (its key
    path in that version): the index each entry has in the merged list."""
    theirs_taken: list[KeyPath] = field(default_factory=list)
    """Key paths of the merge whose conflict was taken from theirs: their comments
    there stay theirs."""
    _memo: dict[str, dict[KeyPath, KeyPath | None]] = field(default_factory=dict, repr=False)

    def merged_path(self, version: str, path: KeyPath) -> KeyPath | None:
        """A key path of `version` as a key path of the merge (None: it is not there)."""
        cut = max((n for n, part in enumerate(path) if type(part) is int), default=-1) + 1
        if cut == 0:
            return path
        head = self._entry_path(version, path[:cut])
        return None if head is None else head + path[cut:]

    def _entry_path(self, version: str, path: KeyPath) -> KeyPath | None:
        """`merged_path` of a path that ends with a list index (remembered)."""
        memo = self._memo.setdefault(version, {})
        if path in memo:
            return memo[path]
        inner = path[:-1]
        cut = max((n for n, part in enumerate(inner) if type(part) is int), default=-1) + 1
        head = inner if cut == 0 else self._entry_path(version, inner[:cut])
        found: KeyPath | None = None
        if head is not None:
            head = head + inner[cut:] if cut else head
            places = self.trace.get((version, inner))
            index = path[-1]
            assert isinstance(index, int)
            if places is None:
                found = (*head, index)
            elif index in places:
                found = (*head, places[index])
        memo[path] = found
        return found


def merge_data(
    base: Mapping[str, Any] | None,
    ours: Mapping[str, Any],
    theirs: Mapping[str, Any],
    choices: Mapping[tuple[object, ...], Side] | None = None,
    *,
    default: Side = "theirs",
) -> MergedData:
    """The three-way merge of three versions' data (`base` None: no common ancestor).

    Each conflict is taken from the side `choices` names for its key, else from
    `default`; all of them are reported, chosen or not.
    """
    merger = _Merger(choices or {}, default)
    where = _Where((), (), () if base is not None else None, (), ())
    merged = merger.table(NO_BASE if base is None else base, ours, theirs, where)
    taken = [
        c.path for c in merger.conflicts if c.kind != "order" and merger.choose(c.key) == "theirs"
    ]
    return MergedData(merged, merger.conflicts, merger.trace, taken)


# -- the data --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Where:
    """A place in the merge: its key path in the merge, its conflict key, and its key path
    in each version (None where that version has nothing there)."""

    path: KeyPath
    key: tuple[object, ...]
    base: KeyPath | None
    ours: KeyPath | None
    theirs: KeyPath | None
    label: str = ""

    def child(
        self, part: str | int, token: object, sides: tuple[object, object, object], label: str = ""
    ) -> _Where:
        """The place one key or entry down; `sides` gives the part in each version (None:
        absent there)."""

        def down(path: KeyPath | None, side_part: object) -> KeyPath | None:
            if path is None or side_part is None:
                return None
            assert isinstance(side_part, str | int)
            return (*path, side_part)

        return _Where(
            (*self.path, part),
            (*self.key, token),
            down(self.base, sides[0]),
            down(self.ours, sides[1]),
            down(self.theirs, sides[2]),
            label or self.label,
        )


def _is_table(value: Any) -> bool:
    return isinstance(value, Mapping)


def _is_entries(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, Mapping) for item in value)


def _is_plain(value: Any) -> bool:
    return isinstance(value, list) and not any(isinstance(item, Mapping) for item in value)


def _label(entry: Any) -> str:
    if isinstance(entry, Mapping):
        for key in ("name", "title", "topic"):
            value = entry.get(key)
            if isinstance(value, str) and value.strip():
                return value
    return ""


@dataclass(eq=False)
class _Candidate:
    """An entry of a merged list of tables: its index in each version that has it."""

    token: object
    base: int | None
    ours: int | None
    theirs: int | None
    present: bool = True
    value: Any = None


class _Merger:
    def __init__(self, choices: Mapping[tuple[object, ...], Side], default: Side) -> None:
        self.choices = choices
        self.default = default
        self.conflicts: list[Conflict] = []
        self.trace: dict[tuple[str, KeyPath], dict[int, int]] = {}

    def choose(self, key: tuple[object, ...]) -> Side:
        return self.choices.get(key, self.default)

    def conflict(self, where: _Where, kind: ConflictKind, base: Any, ours: Any, theirs: Any) -> Any:
        """Record a conflict; the chosen side's value."""
        self.conflicts.append(
            Conflict(where.key, where.path, kind, base, ours, theirs, where.label)
        )
        return ours if self.choose(where.key) == "ours" else theirs

    def value(self, base: Any, ours: Any, theirs: Any, where: _Where) -> Any:
        """The merged value at `where` (ABSENT: none)."""
        known = base is not NO_BASE
        if _is_table(ours) and _is_table(theirs):
            inner = base if _is_table(base) or not known else {}
            return self.table(inner, ours, theirs, where)
        if _is_entries(ours) and _is_entries(theirs) and (ours or theirs):
            inner = base if _is_entries(base) or not known else []
            return self.entries(inner, ours, theirs, where)
        if same(ours, theirs):
            return theirs
        if known and same(base, ours):
            return theirs
        if known and same(base, theirs):
            return ours
        if known and _is_plain(base) and _is_plain(ours) and _is_plain(theirs):
            merged = merge_sequence(base, ours, theirs)
            if merged is not None:
                return merged
        kind: ConflictKind = "changed"
        if ours is ABSENT or theirs is ABSENT:
            kind = "added" if not known or base is ABSENT else "removed"
        return self.conflict(where, kind, base, ours, theirs)

    def table(
        self, base: Any, ours: Mapping[str, Any], theirs: Mapping[str, Any], where: _Where
    ) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        keys = list(theirs) + [key for key in ours if key not in theirs]
        for key in keys:
            base_value = NO_BASE if base is NO_BASE else base.get(key, ABSENT)
            ours_value, theirs_value = ours.get(key, ABSENT), theirs.get(key, ABSENT)
            sides = (
                None if base_value is ABSENT or base_value is NO_BASE else key,
                None if ours_value is ABSENT else key,
                None if theirs_value is ABSENT else key,
            )
            value = self.value(base_value, ours_value, theirs_value, where.child(key, key, sides))
            if value is not ABSENT:
                merged[key] = value
        return merged

    # -- lists of tables ------------------------------------------------------------

    def entries(self, base: Any, ours: list[Any], theirs: list[Any], where: _Where) -> list[Any]:
        known = base is not NO_BASE
        candidates = self._candidates(base, ours, theirs) if known else _paired(ours, theirs)
        pending: list[tuple[_Candidate, ConflictKind, Any, Any, Any]] = []
        for candidate in candidates:
            b = base[candidate.base] if known and candidate.base is not None else ABSENT
            o = ours[candidate.ours] if candidate.ours is not None else ABSENT
            t = theirs[candidate.theirs] if candidate.theirs is not None else ABSENT
            if o is not ABSENT and t is not ABSENT:
                continue
            one = o if o is not ABSENT else t
            if known and b is ABSENT:
                candidate.value = one  # added on one side
            elif known and same(b, one):
                candidate.present = False  # removed on the other side, unchanged here
            else:
                kind: ConflictKind = "removed" if known else "added"
                pending.append((candidate, kind, NO_BASE if not known else b, o, t))
                side: Side = "ours" if o is not ABSENT else "theirs"
                key = (*where.key, candidate.token)
                candidate.present = self.choose(key) == side
                candidate.value = one
        order = self._order(candidates, ours, theirs, base, where)
        sides = (where.base, where.ours, where.theirs)
        for version, path in zip(("base", "ours", "theirs"), sides, strict=True):
            if path is not None:
                places = self.trace.setdefault((version, path), {})
                for place, candidate in enumerate(order):
                    index = getattr(candidate, version)
                    if index is not None:
                        places[index] = place
        at = {id(candidate): place for place, candidate in enumerate(order)}
        for candidate, kind, b, o, t in pending:
            found = at.get(id(candidate))
            entry = o if o is not ABSENT else t
            child = _Where(
                (*where.path, found if found is not None else len(order)),
                (*where.key, candidate.token),
                None,
                None,
                None,
                _label(entry) or where.label,
            )
            self.conflicts.append(Conflict(child.key, child.path, kind, b, o, t, child.label))
        merged: list[Any] = []
        for place, candidate in enumerate(order):
            if candidate.ours is not None and candidate.theirs is not None:
                b = (
                    base[candidate.base]
                    if known and candidate.base is not None
                    else ({} if known else NO_BASE)
                )
                o, t = ours[candidate.ours], theirs[candidate.theirs]
                label = _label(t) or _label(o) or where.label
                child = where.child(
                    place,
                    candidate.token,
                    (candidate.base, candidate.ours, candidate.theirs),
                    label,
                )
                merged.append(self.value(b, o, t, child))
            else:
                merged.append(candidate.value)
        return merged

    def _candidates(self, base: list[Any], ours: list[Any], theirs: list[Any]) -> list[_Candidate]:
        """Every entry of the three versions once: base entries with their match in each
        side, then the entries added on both sides (matched by name or content), then
        those added on one side."""
        in_ours = dict(match_entries(base, ours))
        in_theirs = dict(match_entries(base, theirs))
        candidates = [
            _Candidate(("base", index), index, in_ours.get(index), in_theirs.get(index))
            for index in range(len(base))
            if in_ours.get(index) is not None or in_theirs.get(index) is not None
        ]
        kept_ours, kept_theirs = set(in_ours.values()), set(in_theirs.values())
        ours_new = [j for j in range(len(ours)) if j not in kept_ours]
        theirs_new = [j for j in range(len(theirs)) if j not in kept_theirs]
        for candidate in _paired([ours[j] for j in ours_new], [theirs[j] for j in theirs_new]):
            o = ours_new[candidate.ours] if candidate.ours is not None else None
            t = theirs_new[candidate.theirs] if candidate.theirs is not None else None
            token = ("added", o, t)
            candidates.append(_Candidate(token, None, o, t))
        return candidates

    def _order(
        self,
        candidates: list[_Candidate],
        ours: list[Any],
        theirs: list[Any],
        base: Any,
        where: _Where,
    ) -> list[_Candidate]:
        """The present entries in the merged order: the common ones in the order of the
        side that changed it, then each side's own entries after the entry they follow
        there (theirs before ours)."""
        present = [candidate for candidate in candidates if candidate.present]
        by_ours = sorted((c for c in present if c.ours is not None), key=lambda c: c.ours or 0)
        by_theirs = sorted(
            (c for c in present if c.theirs is not None), key=lambda c: c.theirs or 0
        )
        common_ours = [c for c in by_ours if c.theirs is not None]
        common_theirs = [c for c in by_theirs if c.ours is not None]
        backbone = common_theirs
        if [id(c) for c in common_ours] != [id(c) for c in common_theirs]:
            known = base is not NO_BASE

            def based(run: list[_Candidate]) -> list[int]:
                return [c.base for c in run if c.base is not None]

            in_base = sorted(based(common_theirs))
            if known and based(common_theirs) == in_base:
                backbone = common_ours  # only ours reordered
            elif known and based(common_ours) == in_base:
                backbone = common_theirs  # only theirs reordered
            else:
                key = (*where.key, "order")
                names_ours = [_label(ours[c.ours or 0]) or str(c.ours) for c in common_ours]
                names_theirs = [
                    _label(theirs[c.theirs or 0]) or str(c.theirs) for c in common_theirs
                ]
                names_base: Any = NO_BASE
                if known:
                    names_base = [_label(entry) or str(n) for n, entry in enumerate(base)]
                self.conflicts.append(
                    Conflict(key, where.path, "order", names_base, names_ours, names_theirs)
                )
                if self.choose(key) == "ours":
                    backbone = common_ours
        after: dict[int | None, list[_Candidate]] = {}
        _attach(after, by_theirs, lambda c: c.ours is None)
        _attach(after, by_ours, lambda c: c.theirs is None)
        order: list[_Candidate] = []
        stack = [iter([*after.get(None, []), *backbone])]
        while stack:
            candidate = next(stack[-1], None)
            if candidate is None:
                stack.pop()
                continue
            order.append(candidate)
            followers = after.get(id(candidate))
            if followers:
                stack.append(iter(followers))
        return order


def _attach(
    after: dict[int | None, list[_Candidate]],
    run: list[_Candidate],
    own: Callable[[_Candidate], bool],
) -> None:
    """Each of `run`'s own entries goes after the entry that comes before it in `run`
    (first when none does), after what was put there before (theirs, then ours)."""
    last: _Candidate | None = None
    for candidate in run:
        if own(candidate):
            after.setdefault(None if last is None else id(last), []).append(candidate)
        last = candidate


def _paired(ours: Sequence[Any], theirs: Sequence[Any]) -> list[_Candidate]:
    """Entries of two lists with no common base: pairs of the same name (or, unnamed, of
    equal content), then the rest of each side; indices into the two lists."""
    free: dict[object, list[int]] = {}
    for index, entry in enumerate(theirs):
        free.setdefault(_match_key(entry), []).append(index)
    candidates: list[_Candidate] = []
    matched: set[int] = set()
    for index, entry in enumerate(ours):
        waiting = free.get(_match_key(entry))
        if waiting:
            other = waiting.pop(0)
            matched.add(other)
            candidates.append(_Candidate(("both", index, other), None, index, other))
        else:
            candidates.append(_Candidate(("ours", index), None, index, None))
    candidates += [
        _Candidate(("theirs", index), None, None, index)
        for index in range(len(theirs))
        if index not in matched
    ]
    return candidates


def _match_key(entry: Any) -> object:
    name = identity(entry)
    return ("name", name[1]) if name is not None else ("content", fingerprint(entry))


# -- lists of plain values ------------------------------------------------------------

_Change = tuple[int, int, list[Any]]
"""A change to a list: base items [i1, i2) become the items given (i1 == i2: inserted)."""


def _changes(base: list[object], side: list[object], items: list[Any]) -> list[_Change]:
    matcher = difflib.SequenceMatcher(a=base, b=side, autojunk=False)
    return [
        (i1, i2, items[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def _overlap(a: _Change, b: _Change) -> bool:
    a1, a2, _ = a
    b1, b2, _ = b
    if a1 == a2 and b1 == b2:
        return False  # two insertions: both are kept
    if a1 == a2:
        return b1 < a1 < b2
    if b1 == b2:
        return a1 < b1 < a2
    return a1 < b2 and b1 < a2


def merge_sequence(base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any] | None:
    """Both sides' changes to a list of plain values, or None when they touch the same
    items differently. Insertions at the same place keep theirs, then ours (an item
    both inserted is kept once)."""
    keys_base = [fingerprint(item) for item in base]
    keys_ours = [fingerprint(item) for item in ours]
    keys_theirs = [fingerprint(item) for item in theirs]
    mine = _changes(keys_base, keys_ours, ours)
    other = _changes(keys_base, keys_theirs, theirs)
    i = j = 0
    while i < len(mine) and j < len(other):
        a, b = mine[i], other[j]
        if _overlap(a, b) and not (a[:2] == b[:2] and same(a[2], b[2])):
            return None
        if a[1] <= b[1]:
            i += 1
        else:
            j += 1
    inserted: dict[int, list[Any]] = {}
    replaced: dict[int, _Change] = {}
    for changes, first in ((other, True), (mine, False)):
        for start, end, items in changes:
            if start == end:
                already = inserted.setdefault(start, [])
                added = (
                    [x for x in items if not any(same(x, y) for y in already)]
                    if not first
                    else items
                )
                already.extend(added)
            elif start not in replaced:
                replaced[start] = (start, end, items)
    merged: list[Any] = []
    position = 0
    while position <= len(base):
        merged.extend(inserted.get(position, []))
        if position == len(base):
            break
        if position in replaced:
            _, end, items = replaced[position]
            merged.extend(items)
            position = end
        else:
            merged.append(base[position])
            position += 1
    return merged


# -- the text --------------------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    """One version in a merge: its data and, for a file, its text."""

    data: Mapping[str, Any]
    text: str | None = None
    """The file's text without a byte-order mark (None: data only, such as the wizard's)."""
    newline: str = "\n"

    @cached_property
    def positions(self) -> PositionMap | None:
        """Where each key path stands in the text (scanned once, on first use)."""
        return scan_positions(self.text) if self.text is not None else None

    @cached_property
    def comments(self) -> dict[SlotKey, _Slot]:
        """The text's comments by what they belong to (`comment_slots`)."""
        assert self.text is not None and self.positions is not None
        return comment_slots(self.text, self.data, self.positions)


@dataclass(frozen=True)
class Located:
    """A conflict and where it is in the merged text (1-based line and column)."""

    conflict: Conflict
    line: int
    column: int


@dataclass
class MergeResult:
    """The merged data and text; with conflicts, the text carries conflict markers."""

    data: dict[str, Any]
    """The merge, conflicts taken as chosen (by default from theirs)."""
    conflicts: list[Conflict]
    text: str
    """The merged file's text (clean), or the text with conflict markers."""
    located: list[Located] = field(default_factory=list)
    """Each conflict with the line of the text where it is (in the marked text)."""

    @property
    def clean(self) -> bool:
        return not self.conflicts


def merge(
    base: Version | None,
    ours: Version,
    theirs: Version,
    choices: Mapping[tuple[object, ...], Side] | None = None,
) -> MergeResult:
    """Merge three versions into a text: theirs, with our changes applied.

    Conflicts without a choice leave conflict markers in the text (`MergeResult.text`)
    around the lines where ours and theirs differ; with a choice for each, the text is
    clean. `theirs.text` must be given.
    """
    base_data = base.data if base is not None else None
    first = merge_data(base_data, ours.data, theirs.data, choices)
    open_keys = {c.key for c in first.conflicts if choices is None or c.key not in choices}
    if not open_keys:
        return MergeResult(first.data, first.conflicts, merged_text(base, ours, theirs, first))
    as_ours = merge_data(base_data, ours.data, theirs.data, choices, default="ours")
    text_theirs = merged_text(base, ours, theirs, first)
    text_ours = merged_text(base, ours, theirs, as_ours)
    marked, located = _with_markers(
        text_ours, text_theirs, [c for c in first.conflicts if c.key in open_keys], as_ours
    )
    return MergeResult(first.data, first.conflicts, marked, located)


def merged_text(base: Version | None, ours: Version, theirs: Version, merged: MergedData) -> str:
    """Their text changed into the merged data, with what we wrote carried from our text
    (when there is one): values as we spelled them, our new entries, our comments."""
    if theirs.text is None:
        raise ValueError("their version needs its text")
    data = merged.data
    base_text = base.text if base is not None else None
    theirs_is_base = base_text is not None and base_text == theirs.text
    if ours.text is not None and theirs_is_base and same(data, ours.data):
        return ours.text  # theirs is the base: the merge is ours, byte for byte
    if same(data, theirs.data) and ours.text in (None, base_text, theirs.text):
        return theirs.text
    spelled: dict[KeyPath, str] = {}
    pieces: dict[KeyPath, str] = {}
    if ours.text is not None:
        spelled, pieces = _our_spelling(base, ours, theirs, merged)
    text = _spliced(theirs, data, spelled, pieces)
    if ours.text is not None:
        with_comments = _carry_comments(base, ours, theirs, merged, text)
        if with_comments is not None:
            text = with_comments
    return text


def _spliced(
    theirs: Version,
    data: Mapping[str, Any],
    spelled: Mapping[KeyPath, str],
    pieces: Mapping[KeyPath, str],
) -> str:
    """Their text changed into `data` by the splice editor; our spellings where they
    hold, else without them; a fresh file as the last resort (the data is what counts)."""
    from exports import rewrite, tomlrender

    assert theirs.text is not None
    attempts = [(spelled, pieces), ({}, {})] if spelled or pieces else [({}, {})]
    for words, blocks in attempts:
        try:
            text = rewrite.update_text(
                theirs.text, theirs.data, data, theirs.newline, spelled=words, pieces=blocks
            )
            if same(tomllib.loads(text), data):
                return text
        except (rewrite.Unsupported, tomllib.TOMLDecodeError):
            continue
    fresh = tomlrender.render_new_policy(rewrite.without_none(data))
    return fresh.replace("\n", theirs.newline) if theirs.newline != "\n" else fresh


def _value_at(data: Any, path: KeyPath) -> Any:
    for part in path:
        if isinstance(data, Mapping) and isinstance(part, str):
            if part not in data:
                return ABSENT
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return ABSENT
    return data


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n")


def _value_texts(
    version: Version, merged: MergedData, name: str
) -> dict[KeyPath, tuple[str, KeyPath]]:
    """The text of each `key = value` line's value in a version, by merged key path
    (with its key path in the version)."""
    positions = version.positions
    assert positions is not None and version.text is not None
    texts: dict[KeyPath, tuple[str, KeyPath]] = {}
    for path, entry in positions.entries.items():
        if entry.kind != "kv" or entry.inline:
            continue
        target = merged.merged_path(name, path)
        if target is not None:
            texts[target] = (_lines(version.text[entry.value_start : entry.value_end]), path)
    return texts


def _our_spelling(
    base: Version | None, ours: Version, theirs: Version, merged: MergedData
) -> tuple[dict[KeyPath, str], dict[KeyPath, str]]:
    """What of our text the merge takes: the values we wrote differently from the base
    (where the merge has our value), and our entries, whole (the splice editor uses
    them for the entries their text has not)."""
    base_texts = None
    if base is not None and base.text is not None:
        base_texts = {
            target: text for target, (text, _) in _value_texts(base, merged, "base").items()
        }
    spelled: dict[KeyPath, str] = {}
    for target, (text, path) in _value_texts(ours, merged, "ours").items():
        value = _value_at(merged.data, target)
        if value is ABSENT or isinstance(value, Mapping):
            continue
        if not same(_value_at(ours.data, path), value):
            continue
        if base_texts is not None:
            if base_texts.get(target) == text:
                continue
        elif same(_value_at(theirs.data, target), value):
            continue
        spelled[target] = text
    return spelled, _our_entries(ours, merged)


def _our_entries(ours: Version, merged: MergedData) -> dict[KeyPath, str]:
    """Our entries of lists of tables that the merge has as we have them, as we wrote
    them (by merged key path): their comments, header, keys and sub-tables."""
    positions = ours.positions
    assert positions is not None and ours.text is not None
    layout = Layout(ours.text, positions.comment_lines)
    headers = positions.headers
    pieces: dict[KeyPath, str] = {}
    for number, header in enumerate(headers):
        path = header.path
        if not header.array or not path or not isinstance(path[-1], int):
            continue
        target = merged.merged_path("ours", path)
        if target is None:
            continue
        entry = _value_at(ours.data, path)
        if not same(entry, _value_at(merged.data, target)):
            continue
        last = number
        while last + 1 < len(headers) and headers[last + 1].path[: len(path)] == path:
            last += 1
        boundary = headers[last + 1].line_start if last + 1 < len(headers) else len(ours.text)
        start = layout.lead_start(header.line_start)
        if path[-1] == 0:
            siblings = _value_at(ours.data, path[:-1])
            others = siblings[1:] if isinstance(siblings, list) else []
            if not about_entry(ours.text[start : header.line_start], entry, others):
                start = header.line_start
        pieces[target] = _lines(ours.text[start : layout.core_end(boundary)])
    return pieces


# -- comments ---------------------------------------------------------------------------

SlotKey = tuple[KeyPath, str]


@dataclass(frozen=True)
class _Slot:
    start: int
    end: int
    text: str


def comment_slots(
    text: str, data: Mapping[str, Any], positions: PositionMap | None = None
) -> dict[SlotKey, _Slot]:
    """The comments of a text by what they belong to (`exports.layout`), each with its
    span: `lead` (directly above a key or header), `trail` (after a value on its line),
    `before` (paragraphs between), `end` (directly below a table's last line), `intro`
    (above a list's first entry), and the file's `eof`. Key paths are the text's."""
    positions = positions or scan_positions(text)
    layout = Layout(text, positions.comment_lines)
    anchors: list[tuple[int, KeyPath, str, int]] = []
    for path, entry in positions.entries.items():
        if entry.kind == "kv" and not entry.inline:
            anchors.append((layout.line_start(entry.key_expr_start), path, "kv", entry.value_end))
    for header in positions.headers:
        end = positions.entries[header.path].value_end
        anchors.append((header.line_start, header.path, "header", end))
    anchors.sort(key=lambda anchor: anchor[0])
    slots: dict[SlotKey, _Slot] = {}

    def put(key: SlotKey, start: int, end: int) -> None:
        if key not in slots:
            slots[key] = _Slot(start, end, _lines(text[start:end]))

    table: KeyPath = ()
    for line, path, kind, value_end in anchors:
        lead = layout.lead_start(line)
        if kind == "kv":
            put((path, "before"), layout.above_start(line), lead)
            put((path, "lead"), lead, line)
        else:
            end = layout.core_end(line)
            put((table, "end"), layout.above_start(line), end)
            first = bool(path) and path[-1] == 0 and isinstance(path[-1], int)
            if first and _is_array_entry(positions, path):
                siblings = _value_at(data, path[:-1])
                first_entry = siblings[0] if isinstance(siblings, list) and siblings else None
                others = siblings[1:] if isinstance(siblings, list) else []
                own = lead < line and about_entry(text[lead:line], first_entry, others)
                put((path[:-1], "intro"), end, lead if own else line)
                put((path, "lead"), lead if own else line, line)
            else:
                put((path, "before"), end, lead)
                put((path, "lead"), lead, line)
            table = path
        if kind == "kv":
            entry_owner = positions.entries[path].owner
            table = entry_owner
        line_end = text.find("\n", value_end)
        line_end = len(text) if line_end == -1 else line_end
        if line_end > value_end and text[line_end - 1] == "\r":
            line_end -= 1
        put((path, "trail"), value_end, line_end)
    end = layout.core_end(len(text))
    put((table, "end"), layout.tail_start() if anchors else 0, end)
    put(((), "eof"), end, len(text))
    return slots


def _is_array_entry(positions: PositionMap, path: KeyPath) -> bool:
    return any(header.path == path and header.array for header in positions.headers)


def _normal(slot: _Slot | None, kind: str) -> str:
    if slot is None:
        return ""
    return slot.text.strip() if kind == "trail" else slot.text


def _union(kind: str, theirs: str, ours: str) -> str:
    """Both sides' versions of a comment, nothing lost: theirs, then ours' other lines."""
    if kind == "trail":
        return f"{theirs}  {ours}" if theirs and ours else theirs or ours
    have = {line.strip() for line in theirs.splitlines() if line.strip()}
    extra = [line for line in ours.splitlines(keepends=True) if line.strip() not in have]
    if not any(line.strip() for line in extra):
        return theirs
    joined = "".join(extra)
    if not joined.endswith("\n"):
        joined += "\n"
    return theirs + joined


def _carry_comments(
    base: Version | None, ours: Version, theirs: Version, merged: MergedData, text: str
) -> str | None:
    """`text` (the merge, written over their text) with the comments we changed carried
    over; None when that would change the data (it never should)."""
    assert ours.text is not None and theirs.text is not None

    def by_merged(version: Version, name: str) -> dict[SlotKey, _Slot]:
        assert version.text is not None
        found: dict[SlotKey, _Slot] = {}
        for (path, kind), slot in version.comments.items():
            target = merged.merged_path(name, path)
            if target is not None and (target, kind) not in found:
                found[(target, kind)] = slot
        return found

    ours_slots = by_merged(ours, "ours")
    theirs_slots = by_merged(theirs, "theirs")
    base_slots = by_merged(base, "base") if base is not None and base.text is not None else None
    result = comment_slots(text, merged.data)
    newline = "\r\n" if "\r\n" in text[: text.find("\n") + 1] else "\n"
    edits: list[tuple[int, int, str]] = []
    theirs_taken = merged.theirs_taken
    for key, slot in result.items():
        kind = key[1]
        if any(key[0][: len(path)] == path for path in theirs_taken):
            continue
        mine = _normal(ours_slots.get(key), kind)
        other = _normal(theirs_slots.get(key), kind)
        if base_slots is not None:
            was = _normal(base_slots.get(key), kind)
            if mine == was:
                continue
            wanted = mine if other in (was, mine) else _union(kind, other, mine)
        else:
            if mine == other:
                continue
            wanted = _union(kind, other, mine)
        if wanted == _normal(slot, kind):
            continue
        ours_slot = ours_slots.get(key)
        if kind == "trail" and ours_slot is not None and wanted == mine:
            replacement = ours_slot.text  # as we wrote it, with its spaces
        elif kind == "trail":
            replacement = f"  {wanted}" if wanted else ""
        else:
            replacement = wanted.replace("\n", newline)
        edits.append((slot.start, slot.end, replacement))
    if not edits:
        return text
    out: list[str] = []
    position = 0
    for start, end, replacement in sorted(edits):
        if start < position:
            return None
        out += [text[position:start], replacement]
        position = end
    out.append(text[position:])
    carried = "".join(out)
    try:
        if same(tomllib.loads(carried), merged.data):
            return carried
    except tomllib.TOMLDecodeError:
        pass
    return None


# -- conflict markers -------------------------------------------------------------------


def _with_markers(
    ours: str, theirs: str, conflicts: list[Conflict], as_ours: MergedData
) -> tuple[str, list[Located]]:
    """The merged text with each run of lines where ours and theirs differ between
    conflict markers (ours first), and each conflict's line in it."""
    newline = "\r\n" if "\r\n" in theirs[: theirs.find("\n") + 1] else "\n"
    ours_lines = ours.splitlines(keepends=True)
    theirs_lines = theirs.splitlines(keepends=True)
    for lines in (ours_lines, theirs_lines):
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += newline
    matcher = difflib.SequenceMatcher(a=ours_lines, b=theirs_lines, autojunk=False)
    out: list[str] = []
    ours_at: dict[int, int] = {}
    theirs_at: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in _slid(matcher.get_opcodes(), ours_lines, theirs_lines):
        if tag == "equal":
            for k in range(i2 - i1):
                ours_at[i1 + k] = len(out) + k
                theirs_at[j1 + k] = len(out) + k
            out += ours_lines[i1:i2]
            continue
        out.append(OURS_MARKER + newline)
        for k in range(i2 - i1):
            ours_at[i1 + k] = len(out) + k
        out += ours_lines[i1:i2]
        out.append(SEPARATOR + newline)
        for k in range(j2 - j1):
            theirs_at[j1 + k] = len(out) + k
        out += theirs_lines[j1:j2]
        out.append(THEIRS_MARKER + newline)
    ours_positions = scan_positions(ours)
    theirs_positions = scan_positions(theirs)
    ours_paths = {c.key: c.path for c in as_ours.conflicts}
    located: list[Located] = []
    for conflict in conflicts:
        where = None
        if conflict.ours is not ABSENT:
            where = _locate(ours_positions, ours_paths.get(conflict.key, conflict.path), ours_at)
        if where is None:
            where = _locate(theirs_positions, conflict.path, theirs_at)
        line, column = where if where is not None else (1, 1)
        located.append(Located(conflict, line, column))
    return "".join(out), located


def _slid(
    opcodes: Sequence[tuple[str, int, int, int, int]], ours: list[str], theirs: list[str]
) -> list[tuple[str, int, int, int, int]]:
    """The differences, each run of lines that only one side has moved down past the
    blank lines it starts with when the same lines follow it: the run then ends with the
    blank line instead, as git shows it."""
    tags = [op[0] for op in opcodes]
    spans = [list(op[1:]) for op in opcodes]
    for number in range(1, len(spans) - 1):
        neighbours = (tags[number - 1], tags[number + 1])
        if tags[number] not in ("insert", "delete") or neighbours != ("equal", "equal"):
            continue
        side = 0 if tags[number] == "delete" else 2
        lines = ours if side == 0 else theirs
        here, before, after = spans[number], spans[number - 1], spans[number + 1]
        while (
            after[1] > after[0]
            and not lines[here[side]].strip()
            and lines[here[side]] == lines[here[side + 1]]
        ):
            for span in (here, before, after):
                if span is not before:
                    span[0] += 1
                    span[2] += 1
                if span is not after:
                    span[1] += 1
                    span[3] += 1
    return [(tag, *span) for tag, span in zip(tags, spans, strict=True)]  # type: ignore[misc]


def _locate(
    positions: PositionMap, path: KeyPath, lines: Mapping[int, int]
) -> tuple[int, int] | None:
    found = positions.value_position(path)
    if found is None:
        return None
    line, column = found
    if line - 1 not in lines:
        return None
    return lines[line - 1] + 1, column


def conflict_lines(text: str) -> Iterator[int]:
    """The 1-based lines of a text that open a conflict (`<<<<<<< `)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(OURS_MARKER):
            yield number


__all__ = [
    "ABSENT",
    "NO_BASE",
    "Conflict",
    "Located",
    "MergeResult",
    "MergedData",
    "Version",
    "comment_slots",
    "conflict_lines",
    "merge",
    "merge_data",
    "merge_sequence",
    "merged_text",
]
