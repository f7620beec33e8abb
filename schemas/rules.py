"""Validity of a policy: every problem of plain data, the one source of truth.

`check_policy` runs four passes over the data as `tomllib` (or tomlkit's
`unwrap()`) gives it, and never raises whatever its shape:

1. types, enumerations, lengths, ranges and unknown keys, by the pydantic models
   in strict mode, each error mapped to the key path it belongs to;
2. `schema_version`, and every key of format version 2 in a file of version 1;
3. missing keys (`schemas.required`) and cross-field rules (`schemas.crossfield`);
4. warnings (`schemas.lint`).

An empty or whitespace-only string at a known key counts as absent everywhere:
it is dropped before the passes (an unknown key is reported all the same).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from schemas.collect import Found, Problems
from schemas.crossfield import check_crossfield
from schemas.fields import FieldSpec, TableSpec, root, spec_at, table_at
from schemas.keypath import PathPart
from schemas.lint import check_lint
from schemas.model import SCHEMA_VERSION, SCHEMA_VERSIONS, Policy
from schemas.problems import Problem
from schemas.required import check_required
from schemas.text import described, is_blank, toml_type, toml_value, with_article
from schemas.versions import needed_version, version_two_keys

_EXPECTED: dict[str, str] = {
    "int_type": "integer",
    "string_type": "string",
    "bool_type": "boolean",
    "date_type": "date",
    "time_type": "time",
    "list_type": "array",
    "model_type": "table",
    "model_attributes_type": "table",
    "dict_type": "table",
}
_EXPECTED_PHRASES: dict[str, str] = {
    "boolean": "a boolean (true or false)",
    "date": "a date such as 2026-12-01 (without quotes)",
    "time": "a time such as 10:00:00 (without quotes)",
}


def check_policy(data: Mapping[str, Any], *, today: dt.date | None = None) -> list[Problem]:
    """Every problem of a policy given as plain data, by section and key order.

    `today` (default: the local date) is the day `review_by` is compared with.
    """
    return [problem for *_, problem in _checked(data, today or dt.date.today())]


def _checked(data: Mapping[str, Any], today: dt.date, needed: int | None = None) -> list[Found]:
    """The problems of `check_policy` with their sort keys. `needed`: the format version
    the whole policy needs, when `data` is a part of it (else found from `data`)."""
    out = Problems()
    if not isinstance(data, Mapping):
        out.add((), "error", "wrong_type", **_type_params("table", data))
        return out.sorted_found()
    cleaned = _without_blanks(data, root())
    _check_types(cleaned, out)
    _check_schema_version(cleaned, out, needed)
    check_required(cleaned, out)
    check_crossfield(cleaned, out)
    check_lint(cleaned, out, today)
    return out.sorted_found()


READS: dict[str, frozenset[str]] = {
    "platforms": frozenset({"security"}),
    "content": frozenset({"platforms", "accessibility"}),
    "results": frozenset({"tools"}),
    "acknowledgements": frozenset({"document"}),
}
"""The other top-level keys whose values a section's problems depend on: a platform's
admins are counted against `[security]` (`too_few_admins`), a rubric names platforms
and its hashtags are held to `accessibility.camel_case_hashtags`, a metric's source
names a tool, an acknowledgement's version is compared with `document.version`. Every
section's problems depend on `schema_version` too (a key of version 2 under version
1), and the problems at `schema_version` on every section (the version the policy
needs). `tests/unit/test_recheck.py` changes every key of the examples and compares."""


class Rechecker:
    """`check_policy` again after a change, checking only the top-level keys the change
    can alter: a keystroke in a large policy checks one section, not the policy.

    `check(data, changed)` gives exactly what `check_policy(data)` gives, provided
    `changed` names every top-level key whose value changed since the last call (None:
    unknown, the whole policy is checked).
    """

    def __init__(self) -> None:
        self._by_key: dict[str, list[Found]] | None = None
        self._today: dt.date | None = None

    def rechecked(self, changed: Iterable[str] | None) -> set[str] | None:
        """The top-level keys whose problems a check after a change at the `changed`
        keys finds again (None: all of them, the whole policy is checked)."""
        if changed is None or self._by_key is None:
            return None
        keys = set(changed)
        if "schema_version" in keys:
            return None
        keys |= {key for key, reads in READS.items() if reads & keys}
        keys.add("schema_version")
        return keys

    @staticmethod
    def looked_at(rechecked: set[str]) -> set[str]:
        """The top-level keys a check of the `rechecked` keys' problems reads."""
        return rechecked.union(*(READS.get(key, ()) for key in rechecked))

    def check(
        self,
        data: Mapping[str, Any],
        changed: Iterable[str] | None = None,
        *,
        today: dt.date | None = None,
    ) -> list[Problem]:
        """Every problem of `data`, as `check_policy` orders them."""
        today = today or dt.date.today()
        whole = today != self._today or not isinstance(data, Mapping)
        recheck = None if whole else self.rechecked(changed)
        if recheck is None:
            found = _checked(data, today)
            self._by_key = None if any(not key for key, *_ in found) else {}
        else:
            wanted = self.looked_at(recheck)
            part = {key: value for key, value in data.items() if key in wanted}
            found = _checked(part, today, needed_version(data))
        self._today = today
        if self._by_key is None:
            return [problem for *_, problem in found]
        by_key = self._by_key
        if recheck is not None:
            for key in recheck:
                by_key.pop(key, None)
        for item in found:
            key = item[0][0][1]
            if recheck is None or key in recheck:
                by_key.setdefault(key, []).append(item)
        groups = sorted(by_key.values(), key=lambda group: group[0][0][0])
        return [problem for group in groups for *_, problem in group]


def check_section(
    data: Mapping[str, Any], section: str, *, today: dt.date | None = None
) -> list[Problem]:
    """The problems whose key path lies in one section (or top-level key)."""
    return [p for p in check_policy(data, today=today) if p.section == section]


def _without_blanks(value: Any, spec: TableSpec | FieldSpec | None) -> Any:
    """A copy of the data without blank values at known keys (tables become dicts)."""
    if isinstance(value, Mapping):
        table = spec if isinstance(spec, TableSpec) else spec.table if spec else None
        if table is None or (isinstance(spec, FieldSpec) and spec.kind != "table"):
            return value
        cleaned: dict[Any, Any] = {}
        for key, item in value.items():
            field = table.fields.get(key) if isinstance(key, str) else None
            if field is not None and is_blank(item):
                continue
            nested = isinstance(item, Mapping | list)
            cleaned[key] = _without_blanks(item, field) if nested else item
        return cleaned
    if isinstance(spec, FieldSpec) and spec.kind == "array" and isinstance(value, list):
        return [_without_blanks(item, spec.item) for item in value]
    return value


def _type_params(expected: str, value: Any) -> dict[str, str]:
    return {
        "expected": _EXPECTED_PHRASES.get(expected, with_article(expected)),
        "found": described(value),
        "expected_type": expected,
        "found_type": toml_type(value),
        "value": toml_value(value),
    }


def _check_types(data: Mapping[Any, Any], out: Problems) -> None:
    try:
        Policy.model_validate(data, strict=True)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            _add_type_error(error, out)


def _add_type_error(error: ErrorDetails, out: Problems) -> None:
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind == "invalid_key":
        parts: tuple[PathPart, ...] = (*error["loc"][:-1], str(error["loc"][-1]))
    else:
        parts = tuple(error["loc"])
    spec = spec_at(parts)
    if isinstance(spec, FieldSpec) and spec.kind in ("string", "enum") and is_blank(value):
        return  # a blank item of an array of strings: `empty_item`, from the rules pass
    if kind in _EXPECTED:
        out.add(parts, "error", "wrong_type", **_type_params(_EXPECTED[kind], value))
    elif kind == "literal_error":
        choices = spec.choices if isinstance(spec, FieldSpec) else ()
        shown = toml_value(value) or described(value)
        listed = ", ".join(choices) if choices else str(ctx.get("expected", ""))
        out.add(parts, "error", "not_one_of", choices=listed, value=shown)
    elif kind in ("extra_forbidden", "invalid_key"):
        _add_unknown_key(parts, out)
    elif kind == "string_too_long" and isinstance(value, str):
        out.add(parts, "error", "too_long", max=int(ctx["max_length"]), length=len(value))
    elif kind == "greater_than_equal":
        out.add(parts, "error", "too_small", min=int(ctx["ge"]), value=toml_value(value))
    elif kind == "less_than_equal":
        out.add(parts, "error", "too_large", max=int(ctx["le"]), value=toml_value(value))
    else:
        out.add(parts, "error", "invalid_value", detail=error["msg"])


def _add_unknown_key(parts: tuple[PathPart, ...], out: Problems) -> None:
    import difflib  # only for unknown keys

    key = str(parts[-1])
    table = table_at(parts)
    names = list(table.fields) if table is not None else []
    close = difflib.get_close_matches(key, names, n=1)
    if close:
        out.add(parts, "error", "unknown_key_hint", key=key, suggestion=close[0])
    else:
        out.add(parts, "error", "unknown_key", key=key)


def _check_schema_version(data: Mapping[Any, Any], out: Problems, needed: int | None) -> None:
    """The version's own errors (absent, 0, newer than known: the version the data needs
    is the one suggested); under version 1, an error at each key of version 2."""
    if needed is None:
        needed = needed_version(data)
    version = data.get("schema_version")
    parts = ("schema_version",)
    if version is None:
        out.add(parts, "error", "schema_version_absent", expected=needed)
    elif isinstance(version, int) and not isinstance(version, bool):
        if version < min(SCHEMA_VERSIONS):
            out.add(parts, "error", "schema_version_invalid", expected=needed, value=version)
        elif version > SCHEMA_VERSION:
            out.add(parts, "error", "newer_schema_version", found=version, known=SCHEMA_VERSION)
        elif version == 1:
            for key in version_two_keys(data):
                out.add(key, "error", "needs_version_2")
