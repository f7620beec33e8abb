"""The *missing* level: every key a finished policy needs and the data does not have yet.

A key counts as absent when it is not there, or is an empty or whitespace-only
string; a required array is absent when it has no item (for arrays of strings:
no non-blank item). When a table is absent, each of its required keys is reported
by its full path; when a table is present but not a table (a type error of its
own), nothing below it is reported as missing.

The optional sections of version 2 (`[security]` … `[results]`) are part of the policy
only when their table is present, even empty: then their required keys are missing
when absent; an absent optional section lacks nothing. `[legal]` and
`[accessibility]` need at least one key of theirs (`required_any`, at the section).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from schemas.collect import Problems, entries, subtable
from schemas.keypath import PathPart
from schemas.text import is_blank

Table = Mapping[Any, Any]


def _lacks(value: Any) -> bool:
    if isinstance(value, list):
        return all(is_blank(item) for item in value)
    return is_blank(value)


def _require(out: Problems, table: Table | None, parts: Sequence[PathPart], *keys: str) -> None:
    for key in keys:
        if _lacks(table.get(key) if table is not None else None):
            out.add((*parts, key), "missing", "required")


def _require_in_entries(
    out: Problems, table: Table | None, parts: Sequence[PathPart], key: str, *needed: str
) -> None:
    for i, entry in entries(table, key):
        _require(out, entry, (*parts, key, i), *needed)


def check_required(data: Table, out: Problems) -> None:
    """Add a *missing* problem for every required key that `data` lacks."""
    present, document = subtable(data, "document")
    if document is not None or not present:
        _require(out, document, ("document",), "company", "approved_by")

    present, mission = subtable(data, "mission")
    if mission is not None or not present:
        _require(out, mission, ("mission",), "statement", "objectives", "values")
        _require_in_entries(out, mission, ("mission",), "values", "name")

    _require(out, data, (), "platforms")
    _require_in_entries(out, data, (), "platforms", "name")
    _require_in_entries(out, data, (), "tools", "name")

    _check_communication(data, out)

    present, content = subtable(data, "content")
    if content is not None or not present:
        _require(out, content, ("content",), "rubrics")
        _require_in_entries(out, content, ("content",), "rubrics", "name")

    _require_in_entries(out, data, (), "revisions", "date", "sections")
    _check_optional_sections(data, out)
    _require_in_entries(out, data, (), "acknowledgements", "name", "date")


def _check_communication(data: Table, out: Problems) -> None:
    present, communication = subtable(data, "communication")
    if communication is None and present:
        return
    where: tuple[PathPart, ...] = ("communication",)
    _require(out, communication, where, "goals", "style")
    present, response = subtable(communication, "response_time")
    if response is not None or not present:
        _require(out, response, (*where, "response_time"), "first_reply_max_minutes")
    _require_in_entries(out, communication, where, "templates", "title", "text")
    _require_in_entries(out, communication, where, "traits", "is", "is_not")
    _require_in_entries(out, communication, where, "tones", "situation", "tone")
    present, negative = subtable(communication, "negative")
    if negative is not None or not present:
        negative_path = (*where, "negative")
        _require(out, negative, negative_path, "approach", "moderator_autonomy", "escalation")
        _require_in_entries(out, negative, negative_path, "escalation", "topic", "contact")


ANY_OF: dict[str, tuple[str, ...]] = {
    "legal": (
        "ad_label",
        "user_content",
        "copyright",
        "personal_data",
        "ai_content",
        "employee_accounts",
        "consequences",
    ),
    "accessibility": ("alt_text", "captions", "camel_case_hashtags", "max_emoji", "notes"),
}
"""The optional sections that need at least one of their keys, and those keys."""


def _check_optional_sections(data: Table, out: Problems) -> None:
    """The required keys of each optional section that is included (its table present)."""
    _, security = subtable(data, "security")
    if security is not None:
        _require(
            out,
            security,
            ("security",),
            "password_manager",
            "two_factor_required",
            "access_review_every_months",
            "offboarding",
        )
    _, roles = subtable(data, "roles")
    if roles is not None:
        _require(out, roles, ("roles",), "people")
        _require_in_entries(out, roles, ("roles",), "people", "name", "role")
        _require_in_entries(out, roles, ("roles",), "approvals", "content", "approver")
    _, crisis = subtable(data, "crisis")
    if crisis is not None:
        _require(out, crisis, ("crisis",), "levels")
        _require_in_entries(out, crisis, ("crisis",), "levels", "name", "decides")
        _require_in_entries(out, crisis, ("crisis",), "statements", "title", "text")
        _require_in_entries(out, crisis, ("crisis",), "contacts", "name", "contact")
    for section, keys in ANY_OF.items():
        _, table = subtable(data, section)
        if table is not None and all(_lacks(table.get(key)) for key in keys):
            out.add((section,), "missing", "required_any", keys=", ".join(keys))
    _, results = subtable(data, "results")
    if results is not None:
        _require(out, results, ("results",), "metrics")
        _require_in_entries(out, results, ("results",), "metrics", "name")
