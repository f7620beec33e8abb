"""Warnings: advice that blocks nothing (the policy is handed to contractors).

- `secret_value` — a string anywhere that looks like a password, token or key
  (`schemas.secrets`: token formats, credentials in a URL, secret words in English
  and Ukrainian with a value that looks like a credential, a login / password pair,
  a long random word). A mention of where a secret is kept ("password manager",
  «менеджер паролів», "Password: in the vault") is fine.
- `no_owner` — an active platform (status absent counts as active) without owner.
- `two_factor_off` — an active platform with `two_factor = false`.
- `too_many_hashtags` — a rubric with more hashtags than a platform it runs on shows.
- `unmatched_brace` — a template text with an unmatched `{` or `}`.
- `review_overdue` — `review_by` before today.
- `control_characters` — a string holding characters a terminal or a reader acts on
  without showing them (`schemas.controls`: escape sequences, C1 controls, bidi
  overrides); tab and line feed are text. The program never shows them raw, but
  other tools that print the file may.

Only values of the right type are looked at, and no warning is given at a key path
that already has an error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from schemas.collect import Problems, entries, name_key, strings, subtable, text
from schemas.controls import controls_in, described
from schemas.fields import FieldSpec, TableSpec, root
from schemas.keypath import PathPart, format_path
from schemas.problems import ParamValue
from schemas.secrets import looks_like_secret as looks_like_secret  # re-exported

Table = Mapping[Any, Any]

HASHTAG_LIMITS: dict[str, int] = {"instagram": 5, "threads": 1, "youtube": 15}
"""How many hashtags a platform shows at most (Instagram 5 since December 2025)."""


def unmatched_brace(value: str) -> str | None:
    """The first `{` or `}` without its pair, else None."""
    depth = 0
    for ch in value:
        if ch == "{":
            depth += 1
        elif ch == "}":
            if depth == 0:
                return "}"
            depth -= 1
    return "{" if depth else None


def _warn(out: Problems, parts: tuple[PathPart, ...], code: str, **params: ParamValue) -> None:
    if not out.has_error(format_path(parts)):
        out.add(parts, "warning", code, **params)


def _strings(
    value: Any, spec: TableSpec | FieldSpec, parts: tuple[PathPart, ...]
) -> Iterator[tuple[tuple[PathPart, ...], str, str]]:
    """Every string held by a known key: (key path, the string, the key's kind)."""
    if isinstance(spec, FieldSpec):
        if isinstance(value, str):
            yield parts, value, spec.kind
            return
        if spec.kind == "array" and isinstance(value, list) and spec.item is not None:
            for i, item in enumerate(value):
                yield from _strings(item, spec.item, (*parts, i))
            return
        if spec.table is None:
            return
        spec = spec.table
    if isinstance(value, Mapping):
        for key, field in spec.fields.items():
            if key in value:
                yield from _strings(value[key], field, (*parts, key))


def _scan_secrets(data: Any, out: Problems) -> None:
    """A `secret_value` warning for each string of a known key that looks like a secret."""
    for parts, string, kind in _strings(data, root(), ()):
        if kind == "string" and looks_like_secret(string):
            _warn(out, parts, "secret_value")


def check_lint(data: Table, out: Problems, today: dt.date) -> None:
    """Add the warnings for `data`."""
    _scan_secrets(data, out)
    _scan_controls(data, out)
    for i, platform in entries(data, "platforms"):
        status = platform.get("status", "active")
        if status != "active":
            continue
        if "owner" not in platform:
            _warn(out, ("platforms", i, "owner"), "no_owner")
        if platform.get("two_factor") is False:
            _warn(out, ("platforms", i, "two_factor"), "two_factor_off")
    _, communication = subtable(data, "communication")
    for i, template in entries(communication, "templates"):
        body = text(template, "text")
        brace = unmatched_brace(body) if body is not None else None
        if brace is not None:
            _warn(out, ("communication", "templates", i, "text"), "unmatched_brace", brace=brace)
    _, content = subtable(data, "content")
    for i, rubric in entries(content, "rubrics"):
        _check_hashtag_count(out, rubric, ("content", "rubrics", i))
    _, document = subtable(data, "document")
    review = document.get("review_by") if document is not None else None
    if isinstance(review, dt.date) and not isinstance(review, dt.datetime) and review < today:
        _warn(out, ("document", "review_by"), "review_overdue", review_by=review.isoformat())


def _check_hashtag_count(out: Problems, rubric: Table, parts: tuple[PathPart, ...]) -> None:
    tags = rubric.get("hashtags")
    if not isinstance(tags, list):
        return
    count = len(tags)
    exceeded = [
        (HASHTAG_LIMITS[name_key(name)], name.strip())
        for _, name in strings(rubric, "platforms")
        if name_key(name) in HASHTAG_LIMITS and count > HASHTAG_LIMITS[name_key(name)]
    ]
    if exceeded:
        limit, platform = min(exceeded)
        _warn(
            out,
            (*parts, "hashtags"),
            "too_many_hashtags",
            count=count,
            platform=platform,
            limit=limit,
        )


def _scan_controls(data: Any, out: Problems) -> None:
    """A `control_characters` warning for each string of a known key holding controls."""
    for parts, string, _kind in _strings(data, root(), ()):
        found = controls_in(string, keep="\t\n")
        if found:
            _warn(out, parts, "control_characters", chars=described(found))
