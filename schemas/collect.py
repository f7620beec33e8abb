"""Problems gathered by the passes of the rules, then put in the format's key order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from schemas.fields import sort_key
from schemas.keypath import PathPart, format_path
from schemas.problems import Level, ParamValue, Problem
from schemas.text import is_blank

SortKey = tuple[tuple[int, str], ...]
"""Where a key path comes in the format's key order (`schemas.fields.sort_key`)."""

Found = tuple[SortKey, int, Problem]
"""A problem with its key path's sort key and the order it was found in."""


class Problems:
    """A growing list of problems; `sorted()` gives them by section, then key order."""

    def __init__(self) -> None:
        self._found: list[Found] = []
        self._error_paths: set[str] = set()

    def add(self, parts: Sequence[PathPart], level: Level, code: str, **params: ParamValue) -> None:
        """Record one problem at the key path `parts`."""
        problem = Problem(format_path(parts), level, code, dict(params))
        if level == "error":
            self._error_paths.add(problem.path)
        self._found.append((sort_key(parts), len(self._found), problem))

    def has_error(self, path: str) -> bool:
        """Whether an error is recorded at exactly this key path."""
        return path in self._error_paths

    def sorted(self) -> list[Problem]:
        """Every problem, in the format's section and key order (stable)."""
        return [problem for *_, problem in self.sorted_found()]

    def sorted_found(self) -> list[Found]:
        """Every problem with its sort key, in the order of `sorted()`."""
        return sorted(self._found, key=lambda f: (f[0], f[1]))


def subtable(parent: Mapping[Any, Any] | None, key: str) -> tuple[bool, Mapping[Any, Any] | None]:
    """(present, table): present and a table, present but not a table, or absent."""
    if parent is None or key not in parent:
        return False, None
    value = parent[key]
    return True, value if isinstance(value, Mapping) else None


def entries(parent: Mapping[Any, Any] | None, key: str) -> list[tuple[int, Mapping[Any, Any]]]:
    """The items of an array of tables that are tables, with their indices."""
    value = parent.get(key) if parent is not None else None
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, Mapping)]


def strings(parent: Mapping[Any, Any] | None, key: str) -> list[tuple[int, str]]:
    """The non-blank string items of an array of strings, with their indices."""
    value = parent.get(key) if parent is not None else None
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, str) and item.strip()]


def text(parent: Mapping[Any, Any] | None, key: str) -> str | None:
    """A non-blank string value, else None (absent, blank or of another type)."""
    value = parent.get(key) if parent is not None else None
    return value if isinstance(value, str) and not is_blank(value) else None


def name_key(name: str) -> str:
    """How names compare: case-insensitively, ignoring surrounding spaces."""
    return name.strip().casefold()


def unique_names(
    out: Problems,
    items: Iterable[tuple[Sequence[PathPart], str]],
    code: str = "duplicate_name",
) -> None:
    """An error at each name (path, text) that repeats an earlier one, naming the first."""
    first: dict[str, str] = {}
    for parts, name in items:
        key = name_key(name)
        if key in first:
            param = "name" if code == "duplicate_name" else "value"
            out.add(parts, "error", code, **{param: name, "first": first[key]})
        else:
            first[key] = format_path(parts)
