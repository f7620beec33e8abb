"""The policy being edited: plain data, its saved snapshot, and its problems.

`PolicyState` holds the policy exactly as `tomllib` would give it (nested dicts
and lists, `datetime.date` for dates). Screens read and write it through key
paths (`communication.response_time.first_reply_max_minutes`,
`mission.values[0].name`, read and written by `schemas.keypath`). Setting None, a
blank string, an empty list or an empty table (`schemas.text.is_empty`) removes the
key, and tables left empty are removed too, so typing and deleting a value
leaves the policy as it was. The optional sections of format version 2 are the
exception: an empty `[legal]` is a section included with nothing filled in yet, so it
is never removed for being empty (`include` adds one, `leave_out` removes it).

The format version follows the data (`schemas.versions.version_to_write`): a policy of
version 1 becomes version 2 when a key of version 2 is added, and 1 again when the
last one goes before the file was saved as 2. Listeners hear about every change (the
app uses them for the title, the sidebar and autosave). No Textual here.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from schemas.keypath import PathPart, format_path, is_under, parse_path
from schemas.problems import Problem
from schemas.sections import OPTIONAL_SECTIONS, SECTIONS
from schemas.text import is_empty
from schemas.versions import version_to_write

if TYPE_CHECKING:
    from schemas.rules import Rechecker
    from wizard.core.completeness import Gap

Listener = Callable[[str], None]
"""Called with the key path that changed ("" when the whole policy was replaced)."""

StatusName = Literal["done", "thin", "incomplete", "errors", "left_out"]


def problems_under(problems: Iterable[Problem], path: str) -> list[Problem]:
    """The problems of `problems` at `path` or inside it."""
    return [problem for problem in problems if is_under(problem.path, path)]


def count_values(data: Any) -> int:
    """How many values `data` holds: each table, list and scalar, nested ones too."""
    if isinstance(data, dict):
        return 1 + sum(count_values(value) for value in data.values())
    if isinstance(data, list):
        return 1 + sum(count_values(item) for item in data)
    return 1


def _includes_empty_section(parts: Sequence[PathPart], value: Any) -> bool:
    """Whether setting `value` at `parts` includes an optional section with nothing in it
    (an empty table there is not blank)."""
    return len(parts) == 1 and parts[0] in OPTIONAL_SECTIONS and isinstance(value, dict)


def _lookup(data: Any, parts: Sequence[PathPart]) -> Any:
    node = data
    for part in parts:
        if isinstance(part, int):
            if not isinstance(node, list) or not 0 <= part < len(node):
                return None
        elif not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


class ReadOnlyPolicy(Exception):
    """An entry added to or removed from a policy opened read-only (a programming
    error: the wizard offers no way to)."""


@dataclass(frozen=True)
class SectionStatus:
    """Where a section stands: done, thin (`count` gaps a reader would find, see
    `wizard.core.completeness`), incomplete (`count` missing), errors (`count`), or
    left out (an optional section the policy does not include)."""

    state: StatusName
    count: int = 0


class PolicyState:
    """The policy being edited, its saved snapshot, its file and its problems."""

    def __init__(
        self,
        data: dict[str, Any] | None = None,
        *,
        path: Path | None = None,
        source: Any = None,
        saved: dict[str, Any] | None = None,
        template: str | None = None,
    ) -> None:
        """Start from `data` (copied); `saved` defaults to `data` for a loaded file.

        `source` is the `exports.store.PolicySource` the data was read from, or
        None for a policy that has never been saved (then nothing counts as saved).
        `template`: for a policy not saved yet and made from another, the text its
        first save writes the data into (the other policy's, its comments kept).
        """
        self.data: dict[str, Any] = copy.deepcopy(data) if data else {"schema_version": 1}
        self.path = path
        self.source = source
        self.template = template
        self.read_only = False
        """Opened read-only (another wizard holds the file): no change is taken."""
        if saved is not None:
            self.saved: dict[str, Any] = copy.deepcopy(saved)
        elif source is not None:
            self.saved = copy.deepcopy(self.data)
        else:
            self.saved = {"schema_version": 1}
        self.revision = 0
        """Increases with every change; caches key on it."""
        self._listeners: list[Listener] = []
        self._muted = False
        """Changes are being made as one (`set_keys`): tell nobody yet."""
        self._problems: list[Problem] | None = None
        self._problems_revision = -1
        self._rechecker: Rechecker | None = None
        """A `schemas.Rechecker`: a change checks again the sections it can alter."""
        self._unchecked: set[str] | None = None
        """The top-level keys changed since the last check (None: all of them)."""
        self._counts: dict[str, int] = {}
        """How many values each top-level key held at the last check."""
        self._gaps: tuple[int, list[Gap]] | None = None
        self.checked_values = 0
        """How many values (tables, lists and scalars) the policy held at its last check
        (how long a check takes grows with it)."""

    @classmethod
    def new(
        cls,
        data: dict[str, Any] | None,
        *,
        path: Path | None,
        language: str,
        template: str | None = None,
    ) -> PolicyState:
        """A policy not saved yet: from `data` (another policy's copy, whose file text
        is `template`), or blank. A blank one is written in the interface's `language`
        unless the author chooses another: its `document.language` starts so, and
        counts as where it started (no change to save, nothing to ask on quitting)."""
        if data is not None:
            return cls(data, path=path, template=template)
        start: dict[str, Any] = {"schema_version": 1, "document": {"language": language}}
        return cls(start, path=path, saved=start)

    # -- reading -----------------------------------------------------------------
    def get(self, path: str) -> Any:
        """The value at `path`, or None when absent."""
        return _lookup(self.data, parse_path(path))

    def saved_value(self, path: str) -> Any:
        """The value at `path` in the saved file, or None."""
        return _lookup(self.saved, parse_path(path))

    def items(self, path: str) -> list[Any]:
        """The list at `path` (a copy of the references), empty when absent."""
        value = self.get(path)
        return list(value) if isinstance(value, list) else []

    @property
    def is_new(self) -> bool:
        """True until the policy has been saved once."""
        return self.source is None

    @property
    def is_dirty(self) -> bool:
        """Whether the policy differs from the saved file (or, when new, from an empty one)."""
        return self.data != self.saved

    def is_included(self, section: str) -> bool:
        """Whether an optional section is part of the policy (its table present)."""
        return isinstance(self.data.get(section), dict)

    def changed_sections(self) -> list[str]:
        """Sections whose data differs from the saved file, in the spec's order."""
        return [s for s in SECTIONS if self.data.get(s) != self.saved.get(s)]

    # -- listeners ---------------------------------------------------------------
    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(path)` after each change; returns a function that removes it."""
        self._listeners.append(listener)

        def remove() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return remove

    def _changed(self, path: str, *, data: bool = True) -> None:
        """Tell the listeners of a change at `path` ("" for the whole policy); `data`:
        whether the data changed (a save changes only what counts as saved)."""
        if data:
            self._mark_unchecked(path)
        if self._muted:
            return
        version = version_to_write(self.data, self.saved)
        if version != self.data.get("schema_version"):
            self.data["schema_version"] = version
            self._mark_unchecked("schema_version")
        self.revision += 1
        for listener in list(self._listeners):
            listener(path)

    # -- writing -----------------------------------------------------------------
    def set(self, path: str, value: Any) -> bool:
        """Set `path` to `value`, creating tables on the way; blank removes the key.

        Returns whether anything changed (nothing does in a policy opened read-only).
        """
        parts = parse_path(path)
        if not parts:
            raise ValueError("the whole policy is not a key: use replace()")
        if self.read_only:
            return False
        if is_empty(value) and not _includes_empty_section(parts, value):
            return self._remove_key(parts, path)
        current = _lookup(self.data, parts)
        if current == value and type(current) is type(value):
            return False
        node: Any = self.data
        for part, following in itertools.pairwise(parts):
            if isinstance(part, int):
                if not isinstance(node, list) or not 0 <= part < len(node):
                    raise IndexError(f"{format_path(parts)}: no item {part}")
                node = node[part]
                continue
            child = node.get(part)
            if not isinstance(child, (dict, list)):
                child = [] if isinstance(following, int) else {}
                node[part] = child
            node = child
        node[parts[-1]] = value
        self._changed(path)
        return True

    def set_keys(self, values: Mapping[str, Any]) -> bool:
        """Set several key paths (`path: value`, None or blank removes) as one change:
        the revision goes up once and listeners hear the first path once (a field that
        edits several keys, such as a rubric's cadence). Returns whether anything
        changed."""
        changed = False
        self._muted = True
        try:
            for path, value in values.items():
                changed = self.set(path, value) or changed
        finally:
            self._muted = False
        if changed:
            self._changed(next(iter(values)))
        return changed

    def _remove_key(self, parts: Sequence[PathPart], path: str) -> bool:
        parent = _lookup(self.data, parts[:-1]) if len(parts) > 1 else self.data
        last = parts[-1]
        if isinstance(last, int) or not isinstance(parent, dict) or last not in parent:
            return False
        del parent[last]
        self._prune(parts[:-1])
        self._changed(path)
        return True

    def include(self, section: str) -> bool:
        """Make an optional section part of the policy (an empty table when it has none);
        returns whether anything changed."""
        if section not in OPTIONAL_SECTIONS:
            raise ValueError(f"{section} is not an optional section")
        if self.is_included(section):
            return False
        return self.set(section, {})

    def leave_out(self, section: str) -> bool:
        """Take an optional section out of the policy, with what it holds; returns whether
        anything changed."""
        if section not in OPTIONAL_SECTIONS:
            raise ValueError(f"{section} is not an optional section")
        return self.set(section, None)

    def _prune(self, parts: Sequence[PathPart]) -> None:
        """Remove tables left empty along `parts` (never list items: their place counts;
        never an optional section: it stays included)."""
        while parts and not isinstance(parts[-1], int):
            if len(parts) == 1 and parts[0] in OPTIONAL_SECTIONS:
                return
            node = _lookup(self.data, parts)
            if node not in ({}, []):
                return
            parent = _lookup(self.data, parts[:-1]) if len(parts) > 1 else self.data
            if not isinstance(parent, dict):
                return
            del parent[parts[-1]]
            parts = parts[:-1]

    def append(self, path: str, value: Any) -> int:
        """Append `value` to the list at `path` (created when absent); returns its index."""
        if self.read_only:
            raise ReadOnlyPolicy(path)
        current = self.get(path)
        if isinstance(current, list):
            current.append(value)
            self._changed(path)
            return len(current) - 1
        self.set(path, [value])
        return 0

    def remove(self, path: str, index: int) -> Any:
        """Remove and return item `index` of the list at `path`; an emptied list is removed."""
        if self.read_only:
            raise ReadOnlyPolicy(path)
        items = self.get(path)
        if not isinstance(items, list) or not 0 <= index < len(items):
            raise IndexError(f"{path}: no item {index}")
        item = items.pop(index)
        if not items:
            self._prune(parse_path(path))
        self._changed(path)
        return item

    def move(self, path: str, index: int, new_index: int) -> bool:
        """Move item `index` of the list at `path` to `new_index`; False when out of range."""
        items = self.get(path)
        if self.read_only or not isinstance(items, list) or not 0 <= index < len(items):
            return False
        if not 0 <= new_index < len(items) or new_index == index:
            return False
        items.insert(new_index, items.pop(index))
        self._changed(path)
        return True

    def revert(self, path: str) -> bool:
        """Put back the saved value of `path` (or remove it when the file had none)."""
        return self.set(path, copy.deepcopy(self.saved_value(path)))

    def replace(self, data: dict[str, Any]) -> None:
        """Replace the whole policy (the saved snapshot stays)."""
        self.data = copy.deepcopy(data)
        self._changed("")

    def mark_saved(self, source: Any, path: Path | None = None) -> None:
        """Record a successful save: the current data is now the saved snapshot."""
        self.source = source
        if path is not None:
            self.path = path
        self.saved = copy.deepcopy(self.data)
        self._changed("", data=False)

    # -- problems ----------------------------------------------------------------
    def _mark_unchecked(self, path: str) -> None:
        parts = parse_path(path) if path else ()
        if self._unchecked is not None:
            if parts and isinstance(parts[0], str):
                self._unchecked.add(parts[0])
            else:
                self._unchecked = None

    def _checker(self) -> Rechecker:
        if self._rechecker is None:
            from schemas import Rechecker

            self._rechecker = Rechecker()
        return self._rechecker

    @property
    def check_cost(self) -> int:
        """How many values the next `problems()` looks at (how long it takes grows with
        it): 0 when the problems are known, the policy's values before the first check,
        the values of the sections a change can alter after one."""
        if self.problems_known:
            return 0
        rechecked = self._checker().rechecked(self._unchecked)
        if rechecked is None:
            return count_values(self.data) if not self._counts else self.checked_values
        counts, data = self._counts, self.data
        looked_at = self._checker().looked_at(rechecked) & data.keys()
        return sum(counts.get(key) or count_values(data[key]) for key in looked_at)

    def problems(self) -> list[Problem]:
        """Every problem of the policy, recomputed only after a change: the sections the
        change can alter are checked again (`schemas.Rechecker`)."""
        if self._problems is None or self._problems_revision != self.revision:
            changed, self._unchecked = self._unchecked, set()
            self._problems = self._checker().check(self.data, changed)
            self._problems_revision = self.revision
            counts = self._counts
            for key in set(counts) - set(self.data):
                del counts[key]
            for key, value in self.data.items():
                if changed is None or key in changed or key not in counts:
                    counts[key] = count_values(value)
            self.checked_values = 1 + sum(counts.values())
        return self._problems

    @property
    def problems_known(self) -> bool:
        """Whether `problems()` answers without checking the policy again."""
        return self._problems is not None and self._problems_revision == self.revision

    def problems_for(self, section: str) -> list[Problem]:
        """The problems whose path lies in `section` (a top-level key)."""
        return [p for p in self.problems() if p.section == section]

    def problems_under(self, path: str) -> Iterator[Problem]:
        """The problems at `path` or inside it (`path.x`, `path[0]`)."""
        for problem in self.problems():
            if is_under(problem.path, path):
                yield problem

    def entry_problems(self, path: str, index: int) -> list[Problem]:
        """The problems of entry `index` of the list at `path` (a list of tables under
        tables: `platforms`, `content.templates`), the entry checked on its own.

        A list's form shows these at once (about a millisecond) when an entry is added
        or chosen before the whole policy is checked again (tens of milliseconds for a
        large policy, right after the change is drawn); the rules that compare the
        entry with the rest of the policy wait for that check.
        """
        parts = parse_path(path)
        entries = _lookup(self.data, parts)
        if not isinstance(entries, list) or not 0 <= index < len(entries):
            return []
        keys = [part for part in parts if isinstance(part, str)]
        if len(keys) != len(parts):  # a list inside a list entry: the whole check
            return list(self.problems_under(f"{path}[{index}]"))
        from schemas import check_policy

        alone: dict[str, Any] = {"schema_version": self.data.get("schema_version", 1)}
        node = alone
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        node[keys[-1]] = [entries[index]]
        first, entry = f"{path}[0]", f"{path}[{index}]"
        return [
            dataclasses.replace(problem, path=entry + problem.path[len(first) :])
            for problem in check_policy(alone)
            if is_under(problem.path, first)
        ]

    def gaps(self, section: str = "review") -> list[Gap]:
        """What a reader would miss in `section` ("review": the whole policy), though
        the format does not require it (`wizard.core.completeness`)."""
        if self._gaps is None or self._gaps[0] != self.revision:
            from wizard.core.completeness import gaps

            self._gaps = (self.revision, gaps(self.data))
        found = self._gaps[1]
        return found if section == "review" else [g for g in found if g.section == section]

    def section_status(self, section: str) -> SectionStatus:
        """Errors (n), incomplete (n missing), thin (n gaps) or done for one section.

        "review" stands for the whole policy (top-level keys included). An optional
        section the policy does not include is left out (it lacks nothing).
        """
        if section in OPTIONAL_SECTIONS and not self.is_included(section):
            return SectionStatus("left_out")
        problems = self.problems() if section == "review" else self.problems_for(section)
        errors = sum(1 for p in problems if p.level == "error")
        if errors:
            return SectionStatus("errors", errors)
        missing = sum(1 for p in problems if p.level == "missing")
        if missing:
            return SectionStatus("incomplete", missing)
        thin = len(self.gaps(section))
        if thin:
            return SectionStatus("thin", thin)
        return SectionStatus("done")
