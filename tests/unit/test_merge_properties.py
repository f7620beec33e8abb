"""Property tests of the merge: one side unchanged gives the other, both sides alike
never conflict, and changes to different sections merge cleanly with every comment."""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports.merge import Version, merge
from exports.positions import scan_positions
from exports.rewrite import update_text
from exports.values import same
from schemas import check_policy

ROOT = Path(__file__).parents[2]
BASE_TEXT = (ROOT / "tests" / "fixtures" / "preserve" / "02-comments-everywhere.toml").read_text(
    encoding="utf-8"
)
BASE = tomllib.loads(BASE_TEXT)

SETTINGS = settings(
    max_examples=int(os.environ.get("PRESENCE_STORE_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

Path_ = tuple[str | int, ...]


def _leaves(value: Any, path: Path_ = ()) -> list[Path_]:
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, (*path, key))]
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        return [leaf for n, item in enumerate(value) for leaf in _leaves(item, (*path, n))]
    return [path]


LEAVES = _leaves(BASE)
LISTS: list[Path_] = [("mission", "values"), ("platforms",), ("tools",), ("revisions",)]
MINE = ("schema_version", "document", "mission", "platforms")
"""The sections one side edits in the test of changes to different sections; the
other side edits the rest."""


def _get(data: Any, path: Path_) -> Any:
    for part in path:
        found = (isinstance(data, dict) and isinstance(part, str) and part in data) or (
            isinstance(data, list) and isinstance(part, int) and part < len(data)
        )
        if not found:
            return None
        data = data[part]
    return data


def _changed(value: Any, n: int) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + n + 1
    if isinstance(value, str):
        return f"{value} ({n})"
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=n + 1)
    if isinstance(value, list):
        return [*value[1:], f"item {n}"]
    return value


Op = tuple[Any, ...]


def _ops(sections: tuple[str, ...] | None) -> st.SearchStrategy[list[Op]]:
    def ours(path: Path_) -> bool:
        return sections is None or path[0] in sections

    leaves = [leaf for leaf in LEAVES if ours(leaf)]
    lists = [path for path in LISTS if ours(path)]
    kinds: list[st.SearchStrategy[Op]] = [
        st.tuples(st.just("set"), st.sampled_from(leaves), st.integers(0, 3)),
        st.tuples(st.just("comment"), st.sampled_from(leaves)),
    ]
    if lists:
        kinds += [
            st.tuples(st.just("drop"), st.sampled_from(lists), st.integers(0, 3)),
            st.tuples(st.just("add"), st.sampled_from(lists), st.sampled_from(["Zed", "Yon"])),
            st.tuples(st.just("reverse"), st.sampled_from(lists)),
        ]
    return st.lists(st.one_of(kinds), max_size=5)


def _apply_data(data: dict[str, Any], ops: list[Op]) -> dict[str, Any]:
    data = copy.deepcopy(data)
    for op in ops:
        if op[0] == "set":
            parent, value = _get(data, op[1][:-1]), _get(data, op[1])
            if isinstance(parent, dict) and value is not None:
                parent[op[1][-1]] = _changed(value, op[2])
        elif op[0] == "drop":
            entries = _get(data, op[1])
            if isinstance(entries, list) and len(entries) > 1:
                entries.pop(op[2] % len(entries))
        elif op[0] == "add":
            entries = _get(data, op[1])
            names = [e.get("name") for e in entries] if isinstance(entries, list) else []
            if isinstance(entries, list) and op[2] not in names:
                entries.append({"name": op[2]})
        elif op[0] == "reverse":
            entries = _get(data, op[1])
            if isinstance(entries, list):
                entries.reverse()
    return data


def _side(ops: list[Op], tag: str) -> tuple[Version, list[str]]:
    """A version of the base: its data changed by `ops` as the wizard saves it, then a
    comment line written by hand above some of its keys; the comments added."""
    data = _apply_data(BASE, ops)
    text = update_text(BASE_TEXT, BASE, data, "\n")
    added: list[str] = []
    for number, op in enumerate(ops):
        if op[0] != "comment":
            continue
        entry = scan_positions(text).entries.get(op[1])
        if entry is None or entry.kind != "kv" or entry.inline:
            continue
        start = text.rfind("\n", 0, entry.key_expr_start) + 1
        comment = f"# {tag} note {number}"
        if comment in added:
            continue
        text = text[:start] + comment + "\n" + text[start:]
        added.append(comment)
    assert same(tomllib.loads(text), data)
    return Version(data, text), added


BASE_VERSION = Version(BASE, BASE_TEXT)


@SETTINGS
@given(_ops(None))
def test_a_side_left_as_the_base_gives_the_other_side(ops: list[Op]) -> None:
    side, _ = _side(ops, "x")
    ours_changed = merge(BASE_VERSION, side, BASE_VERSION)
    assert ours_changed.clean and same(ours_changed.data, side.data)
    assert ours_changed.text == side.text
    theirs_changed = merge(BASE_VERSION, BASE_VERSION, side)
    assert theirs_changed.clean and theirs_changed.text == side.text


@SETTINGS
@given(_ops(None))
def test_both_sides_alike_never_conflict(ops: list[Op]) -> None:
    side, _ = _side(ops, "x")
    result = merge(BASE_VERSION, side, side)
    assert result.clean and same(result.data, side.data) and result.text == side.text


def _error_keys(data: Mapping[str, Any]) -> set[tuple[str, str]]:
    return {
        (re.sub(r"\[\d+\]", "[]", p.path), p.code) for p in check_policy(data) if p.level == "error"
    }


@SETTINGS
@given(_ops(MINE), _ops(tuple(s for s in BASE if s not in MINE)))
def test_changes_to_different_sections_merge_cleanly_with_every_comment(
    mine: list[Op], theirs_ops: list[Op]
) -> None:
    ours, ours_comments = _side(mine, "ours")
    theirs, theirs_comments = _side(theirs_ops, "theirs")
    result = merge(BASE_VERSION, ours, theirs)
    assert result.clean
    expected = _apply_data(_apply_data(BASE, mine), theirs_ops)
    assert same(result.data, expected)
    assert same(tomllib.loads(result.text), expected)
    lines = result.text.splitlines()
    for comment in ours_comments + theirs_comments:
        assert comment in lines, comment
    assert ours.text is not None and theirs.text is not None
    for line in BASE_TEXT.splitlines():  # every comment of the base that no side removed
        if line.startswith("#") and line in ours.text and line in theirs.text:
            assert line in result.text, line
    assert _error_keys(result.data) <= _error_keys(ours.data) | _error_keys(theirs.data)
