"""Small text helpers of the rules: blank values, and values as a message shows them.

Key paths are `schemas.keypath`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from schemas.controls import quoted

_SHOWN_CHARS = 40
"""Longer string values are shortened in messages."""


def is_blank(value: Any) -> bool:
    """None, or a string that is empty or whitespace only: such a value counts as absent
    (the format's rule; an empty array or table is a value, of its type)."""
    return value is None or (isinstance(value, str) and not value.strip())


def is_empty(value: Any) -> bool:
    """Blank (`is_blank`), or an empty array or table: a value that holds nothing, so
    that the wizard removes its key rather than write it."""
    return is_blank(value) or (isinstance(value, list | dict) and not value)


def toml_type(value: Any) -> str:
    """The TOML type name of a plain value: string, integer, float, boolean, date, ..."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dt.datetime):
        return "date-time"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, dt.time):
        return "time"
    if isinstance(value, Mapping):
        return "table"
    if isinstance(value, list | tuple):
        return "array"
    return type(value).__name__


def toml_value(value: Any) -> str:
    """A scalar as TOML writes it (strings quoted, shortened, control characters as
    escapes: `schemas.controls.quoted`); "" for arrays and tables."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        if len(value) > _SHOWN_CHARS:
            value = value[: _SHOWN_CHARS - 1] + "…"
        return quoted(value)
    if isinstance(value, float):
        if value != value:
            return "nan"
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return ""


_ARTICLES = {"integer": "an", "array": "an"}


def described(value: Any) -> str:
    """A value as an English message names it: `a string "30"`, `an array`, `a float 30.0`."""
    kind = toml_type(value)
    shown = toml_value(value)
    article = _ARTICLES.get(kind, "a")
    return f"{article} {kind} {shown}" if shown else f"{article} {kind}"


def with_article(kind: str) -> str:
    """A TOML type name with its English article: "an integer", "a table"."""
    return f"{_ARTICLES.get(kind, 'a')} {kind}"
