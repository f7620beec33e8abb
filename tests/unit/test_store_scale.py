"""Saving a policy of thousands of entries: the right text, and work in proportion to it."""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Iterator
from typing import Any

import pytest

from bench.scale import policy_toml, renamed_policy, scaled_policy
from exports import rewrite
from exports.positions import Header, PositionMap, scan_positions
from exports.store import PolicySource, parse_policy, render_policy
from tests.unit.test_store_write import EXAMPLE

COUNT = 1500
"""Platforms in the policies below: count² steps would be millions."""


def _platforms(count: int) -> dict[str, Any]:
    """The example with `count` platforms of distinct names, each after a comment."""
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    base = data["platforms"][0]
    data["platforms"] = [{**base, "name": f"Platform {i}"} for i in range(count)]
    return data


def _text_with_comments(data: dict[str, Any]) -> str:
    """The data as TOML with a comment above each platform's header."""
    text = policy_toml(data)
    parts = text.split("[[platforms]]\n")
    return parts[0] + "".join(
        f"# platform {n}\n[[platforms]]\n{part}" for n, part in enumerate(parts[1:])
    )


class _Counted:
    """Counts calls of `rewrite.same`."""

    def __init__(self) -> None:
        self.calls = 0
        self.real = rewrite.same

    def __call__(self, a: Any, b: Any) -> bool:
        self.calls += 1
        return self.real(a, b)


@pytest.fixture
def counted_same(monkeypatch: pytest.MonkeyPatch) -> _Counted:
    counter = _Counted()
    monkeypatch.setattr(rewrite, "same", counter)
    return counter


def _source(text: str) -> PolicySource:
    return parse_policy(EXAMPLE, text.encode("utf-8"))


def test_every_platform_renamed_is_saved_in_place(counted_same: _Counted) -> None:
    old = _platforms(COUNT)
    text = _text_with_comments(old)
    new = copy.deepcopy(old)
    for platform in new["platforms"]:
        platform["name"] += " (renamed)"
    saved = render_policy(new, _source(text))
    assert tomllib.loads(saved) == new
    assert saved.count("# platform ") == COUNT
    assert saved.index("# platform 7\n") < saved.index('"Platform 7 (renamed)"')
    assert counted_same.calls <= 30 * COUNT


def test_platforms_reversed_keep_their_comments(counted_same: _Counted) -> None:
    old = _platforms(COUNT)
    text = _text_with_comments(old)
    new = copy.deepcopy(old)
    new["platforms"].reverse()
    saved = render_policy(new, _source(text))
    assert tomllib.loads(saved) == new
    first, second = saved.index("# platform 1499\n"), saved.index("# platform 1498\n")
    assert first < saved.index('"Platform 1499"') < second < saved.index('"Platform 1498"')
    assert counted_same.calls <= 30 * COUNT


class _CountedHeaders(list[Header]):
    """The headers of a scan, counting the ones read by iterating or slicing."""

    read = 0

    def __iter__(self) -> Iterator[Header]:
        _CountedHeaders.read += len(self)
        return super().__iter__()

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            _CountedHeaders.read += len(range(*index.indices(len(self))))
        return super().__getitem__(index)


def test_reordering_entries_reads_the_headers_a_few_times_not_once_per_entry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def scan(text: str) -> PositionMap:
        positions = scan_positions(text)
        positions.headers = _CountedHeaders(positions.headers)
        return positions

    monkeypatch.setattr(rewrite, "scan_positions", scan)
    old = _platforms(COUNT)
    text = _text_with_comments(old)
    new = copy.deepcopy(old)
    new["platforms"].reverse()
    _CountedHeaders.read = 0
    saved = rewrite.update_text(text, old, new, "\n")
    assert tomllib.loads(saved) == new
    headers = len(scan_positions(text).headers)
    assert _CountedHeaders.read <= 10 * headers


def test_the_renamed_bench_policy_saves_as_the_same_data() -> None:
    old = scaled_policy(20)
    source = _source(policy_toml(old))
    new = renamed_policy(old)
    assert tomllib.loads(render_policy(new, source)) == new


def test_entries_matched_by_content_or_name_take_the_first_one_left() -> None:
    """Duplicates: each new entry reuses the text of the first old entry left that is
    equal (or, failing that, of the same name)."""
    a = {"name": "A", "status": "active"}
    b = {"name": "B", "status": "planned"}
    assert rewrite._match_entries([a, b, a, b], [b, a, a, b, {"name": "a"}]) == [1, 0, 2, 3, None]
    assert rewrite._match_entries([a, {**a, "owner": "x"}], [{**a, "owner": "y"}, a]) == [1, 0]
    nan, other_nan = ({"name": "N", "score": float(text)} for text in ("nan", "-nan"))
    assert rewrite._match_entries([nan, a], [a, other_nan]) == [1, 0]
    assert rewrite._match_entries([{"x": [1, 2]}], [{"x": (1, 2)}]) == [0]
    assert rewrite._match_entries([{"x": 1}], [{"x": True}]) == [0]  # same place, related
