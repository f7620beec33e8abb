"""Equality of policy values as TOML sees them, and a hashable stand-in for a value.

`presence diff`, the splice editor (`exports.rewrite`) and the wizard's session all ask
whether two values are the same policy value: `1`, `1.0` and `true` differ, a date
differs from a date-time, key order does not count, NaN equals NaN. `fingerprint` gives
a value a hashable stand-in with exactly that equality, so that entries can be matched
through a dictionary instead of comparing each with each.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

__all__ = ["fingerprint", "same"]


def same(a: Any, b: Any) -> bool:
    """Equality that tells `true` from `1`, `1` from `1.0` and a date from a date-time."""
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if _kind(a) != _kind(b):
        return False
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return bool(a == b)


def _kind(value: Any) -> str:
    if isinstance(value, Mapping):
        return "table"
    if isinstance(value, list | tuple):
        return "array"
    for kind in (bool, int, float, str, dt.datetime, dt.date, dt.time):
        if isinstance(value, kind):
            return kind.__name__
    return type(value).__name__


class _Unhashable:
    """A value that cannot be hashed, compared with `same` (all of a kind hash alike)."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Unhashable) and same(self.value, other.value)

    def __hash__(self) -> int:
        return hash(_kind(self.value))


class _Marker:
    """NaN in a fingerprint: a value of its own kind, equal only to itself."""

    __slots__ = ()


_NAN = _Marker()


def fingerprint(value: Any) -> object:
    """A hashable stand-in for a value: two values are `same` exactly when their
    fingerprints are equal (kinds told apart, key order ignored, NaN equal to NaN)."""
    if isinstance(value, Mapping):
        return ("table", frozenset((key, fingerprint(item)) for key, item in value.items()))
    if isinstance(value, list | tuple):
        return ("array", tuple(fingerprint(item) for item in value))
    kind = _kind(value)
    if isinstance(value, float) and math.isnan(value):
        return (kind, _NAN)
    try:
        hash(value)
    except TypeError:
        return (kind, _Unhashable(value))
    return (kind, value)
