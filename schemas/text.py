"""Small text helpers of the rules: blank values, key paths and values as a message shows them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from schemas.controls import quoted

PathPart = str | int
"""A key (str) or a 0-based array index (int) of a key path."""

_SHOWN_CHARS = 40
"""Longer string values are shortened in messages."""


def is_blank(value: Any) -> bool:
    """None, or a string that is empty or whitespace only: such a value counts as absent."""
    return value is None or (isinstance(value, str) and not value.strip())


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_KEY_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
_KEY_ESCAPES["\r"] = "\\r"
_UNSHOWN = re.compile(
    r'["\\\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]'
)
"""What a quoted key escapes: what TOML must escape (quote, backslash, C0 controls and
DEL), and what the terminal would act on or hide (C1 controls, bidirectional marks and
overrides, line and paragraph separators), as TOML's `\\uXXXX`."""


def quote_key(key: str) -> str:
    """A key as TOML writes it: bare when it can be, else a basic string with TOML's
    escapes (`\\b \\t \\n \\f \\r \\" \\\\`, `\\u001B` for other control characters)."""
    if _BARE_KEY.fullmatch(key):
        return key
    return '"' + _UNSHOWN.sub(_escape_key_char, key) + '"'


def _escape_key_char(match: re.Match[str]) -> str:
    char = match.group()
    return _KEY_ESCAPES.get(char) or f"\\u{ord(char):04X}"


def format_path(parts: Iterable[PathPart]) -> str:
    """`["a", "b", 0, "c"]` as the key path `a.b[0].c`; a key that TOML would quote is
    quoted the same way (`document."a.b"`, `document."a\\u001Bb"`), so that the path
    names one key and shows every character of it."""
    text = ""
    for part in parts:
        if isinstance(part, int) and not isinstance(part, bool):
            text += f"[{part}]"
        else:
            key = quote_key(str(part))
            text += f".{key}" if text else key
    return text


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
