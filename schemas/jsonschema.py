"""A JSON Schema (draft 2020-12) of the policy file, for editors such as Taplo / Even Better TOML.

Built from the models' shape (`schemas.fields`): descriptions are the field
docstrings (`schemas.docstrings`). TOML local dates are `"type": "string",
"format": "date"`, local times `"format": "partial-time"`, as Taplo expects. One schema
covers both format versions (`schema_version` 1 or 2). Keys a *finished* policy needs are not
`required` here (a draft is a valid file); their descriptions say so. Only
`schema_version` is required.

A file this schema accepts can still be refused by `presence validate`: what only
`validate` checks is listed in `validate_only()`, and the description of each key it
concerns says so (`tests/unit/test_jsonschema.py` checks the list against every
fixture that `validate` refuses).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from schemas.docstrings import field_description
from schemas.fields import FieldSpec, TableSpec, root
from schemas.formats import HASHTAG_MAX_CHARS
from schemas.model import SCHEMA_VERSION, SCHEMA_VERSIONS
from schemas.problems import Level, Problem
from schemas.sections import SECTIONS

SCHEMA_ID = f"urn:presence:policy:{SCHEMA_VERSION}"
"""The schema's `$id`."""

_NEEDED: tuple[str, ...] = (
    "document.company",
    "document.approved_by",
    "mission.statement",
    "mission.objectives",
    "mission.values",
    "mission.values[].name",
    "platforms",
    "platforms[].name",
    "tools[].name",
    "communication.goals",
    "communication.style",
    "communication.response_time.first_reply_max_minutes",
    "communication.templates[].title",
    "communication.templates[].text",
    "communication.negative.approach",
    "communication.negative.moderator_autonomy",
    "communication.negative.escalation",
    "communication.negative.escalation[].topic",
    "communication.negative.escalation[].contact",
    "communication.traits[].is",
    "communication.traits[].is_not",
    "communication.tones[].situation",
    "communication.tones[].tone",
    "content.rubrics",
    "content.rubrics[].name",
    "revisions[].date",
    "revisions[].sections",
    "acknowledgements[].name",
    "acknowledgements[].date",
)
"""Key paths (`[]` for any item) that a finished policy needs."""

_NEEDED_WHEN_INCLUDED: tuple[str, ...] = (
    "security.password_manager",
    "security.two_factor_required",
    "security.access_review_every_months",
    "security.offboarding",
    "roles.people",
    "roles.people[].name",
    "roles.people[].role",
    "roles.approvals[].content",
    "roles.approvals[].approver",
    "crisis.levels",
    "crisis.levels[].name",
    "crisis.levels[].decides",
    "crisis.statements[].title",
    "crisis.statements[].text",
    "crisis.contacts[].name",
    "crisis.contacts[].contact",
    "results.metrics",
    "results.metrics[].name",
)
"""Key paths that a finished policy needs when their optional section is included."""

_TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$"
"""A TOML local time as an editor hands it to the schema: `10:00:00`."""

HASHTAG_NOT_WORD = (
    r"\x00-\x2F\x3A-\x40\x5B-\x5E\x60\x7B-\xA0\u1680\u2000-\u200B\u200E\u200F"
    r"\u2028-\u202F\u205F\u2060\u3000\uFEFF"
)
"""A regex class body of characters that are never in a hashtag: ASCII punctuation
but `_`, white space and invisible format characters (the joiners U+200C and U+200D
stay allowed)."""

_HASHTAG_PATTERN = f"^#[^{HASHTAG_NOT_WORD}]+$"
"""The hashtag rule as far as a portable pattern can say it: `\\p{L}` (letters of any
script) is not understood by every validator (Python's `re`, ECMA-262 without the `u`
flag), so the pattern lets through every letter, digit, mark and `_` of any script and
rejects what can never be in a hashtag; the program's own check is exact
(`schemas.formats.is_hashtag`)."""
_URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+"
_CHECKED_ITEMS = ("hashtags", "sections", "days")
"""Arrays of texts whose items this schema checks (a pattern, an enumeration): a blank
item fails here as it does in `presence validate`."""


@dataclass(frozen=True)
class Difference:
    """Something `presence validate` refuses (or warns about) that this schema lets pass:
    a JSON Schema cannot say it, or an editor cannot see it."""

    summary: str
    """What passes the schema, in a line (Markdown; the README lists every summary)."""
    note: str = ""
    """The sentence added to the description of each key in `keys`."""
    keys: tuple[str, ...] = ()
    """The key paths concerned (`[]` for any item; an array's items belong to it);
    none: any key."""
    codes: tuple[str, ...] = ()
    """`validate`'s problem codes; none: every problem of `level`."""
    level: Level = "error"
    types: tuple[str, str] | None = None
    """For `wrong_type`: the TOML types expected and found."""

    def covers(self, problem: Problem) -> bool:
        """Whether `problem` is one of this difference's."""
        if problem.level != self.level or (self.codes and problem.code not in self.codes):
            return False
        if self.types is not None:
            found = (problem.params.get("expected_type"), problem.params.get("found_type"))
            if found != self.types:
                return False
        generic = re.sub(r"\[\d+\]", "[]", problem.path)
        return not self.keys or any(
            generic == key or generic.startswith(f"{key}[") for key in self.keys
        )


def _fields(table: TableSpec, path: str = "") -> Iterator[tuple[str, FieldSpec]]:
    """Every key of a table and the tables in it (`[]` for the items of an array of
    tables), with its spec."""
    for name, field in table.fields.items():
        key = f"{path}.{name}" if path else name
        yield key, field
        inner = field.item.table if field.item is not None else field.table
        if inner is not None:
            yield from _fields(inner, f"{key}[]" if field.kind == "array" else key)


def _keys(test: Callable[[str, FieldSpec], bool]) -> tuple[str, ...]:
    return tuple(key for key, field in _fields(root()) if test(key, field))


def _is_hashtags(key: str, field: FieldSpec) -> bool:
    return key.rsplit(".", 1)[-1] == "hashtags"


def _items_unchecked(key: str, field: FieldSpec) -> bool:
    """An array of texts whose items this schema takes as any string (a blank one too)."""
    return (
        field.kind == "array"
        and field.item is not None
        and field.item.kind == "string"
        and key.rsplit(".", 1)[-1] not in _CHECKED_ITEMS
    )


@cache
def validate_only() -> tuple[Difference, ...]:
    """Every kind of file this schema accepts and `presence validate` does not (the
    *missing* level and warnings included)."""
    only = "Only `presence validate` checks"
    return (
        Difference(
            summary='a date written as a string (`effective_on = "2026-12-01"`): editors hand '
            "TOML dates to the schema as strings, so it cannot tell the two apart",
            note='Must be a TOML date (2026-12-01), not a string ("2026-12-01"): editors hand '
            "dates to this schema as strings, so only `presence validate` tells them apart.",
            keys=_keys(lambda _, field: field.kind == "date"),
            codes=("wrong_type",),
            types=("date", "string"),
        ),
        Difference(
            summary='a time written as a string (`time = "10:00:00"`), for the same reason',
            note='Must be a TOML local time (10:00:00), not a string ("10:00:00"): editors hand '
            "times to this schema as strings, so only `presence validate` tells them apart.",
            keys=_keys(lambda _, field: field.kind == "time"),
            codes=("wrong_type",),
            types=("time", "string"),
        ),
        Difference(
            summary="a whole number written as a float (`first_reply_max_minutes = 30.0`, "
            "`schema_version = 1.0`): JSON Schema counts it as an integer",
            note="Must be a TOML integer (30), not a float (30.0), which JSON Schema counts as "
            "an integer: only `presence validate` tells them apart.",
            keys=_keys(lambda _, field: field.kind == "integer"),
            codes=("wrong_type",),
            types=("integer", "float"),
        ),
        Difference(
            summary="`review_by` not later than `effective_on`",
            note=f"{only} that it is later than effective_on.",
            keys=("document.review_by",),
            codes=("review_not_later",),
        ),
        Difference(
            summary="`first_reply_avg_minutes` more than `first_reply_max_minutes`",
            note=f"{only} that it is not more than first_reply_max_minutes.",
            keys=("communication.response_time.first_reply_avg_minutes",),
            codes=("avg_over_max",),
        ),
        Difference(
            summary="two platforms, tools, values, answer templates, rubrics, tones, people, "
            "crisis levels, holding statements or metrics of the same name (title, "
            "situation), ignoring case",
            note=f"{only} that it is unique, ignoring case.",
            keys=(
                "mission.values[].name",
                "platforms[].name",
                "tools[].name",
                "communication.templates[].title",
                "communication.tones[].situation",
                "content.rubrics[].name",
                "roles.people[].name",
                "crisis.levels[].name",
                "crisis.statements[].title",
                "results.metrics[].name",
            ),
            codes=("duplicate_name",),
        ),
        Difference(
            summary="a key of format version 2 in a file of `schema_version = 1`",
            codes=("needs_version_2",),
        ),
        Difference(
            summary="a rubric's cadence that does not hold together: `times` without `per` "
            "(or the other way round), `days` or `time` without both, `days` with a `per` "
            'other than `"week"` or not one day for each of `times`',
            note=f"{only} that the cadence holds together (times and per together; days and "
            'time only with both; days only with per = "week", one for each of times).',
            keys=(
                "content.rubrics[].times",
                "content.rubrics[].per",
                "content.rubrics[].days",
                "content.rubrics[].time",
            ),
            codes=(
                "cadence_without_per",
                "cadence_without_times",
                "cadence_incomplete",
                "days_without_week",
                "days_count",
            ),
        ),
        Difference(
            summary="a backup or an approver that names no `[[roles.people]]` entry, or a "
            "person who is their own backup",
            note=f"{only} that it is the name of a [[roles.people]] entry (another one, for "
            "a backup).",
            keys=("roles.people[].backup", "roles.approvals[].approver"),
            codes=("unknown_person", "unknown_person_hint", "backup_is_self"),
        ),
        Difference(
            summary="a hashtag listed twice in one list, ignoring case (`#Bread`, `#bread`)",
            note=f"{only} that no hashtag is listed twice, ignoring case.",
            keys=_keys(_is_hashtags),
            codes=("repeated_item",),
        ),
        Difference(
            summary="a rubric that names a platform no `[[platforms]]` entry has",
            note=f"{only} that each is the name of a [[platforms]] entry.",
            keys=("content.rubrics[].platforms",),
            codes=("unknown_platform", "unknown_platform_hint"),
        ),
        Difference(
            summary="a word both preferred and avoided",
            note=f"{only} that no word is both preferred and avoided.",
            keys=("communication.preferred_words", "communication.avoided_words"),
            codes=("word_in_both",),
        ),
        Difference(
            summary='a time zone that is not an IANA name (`timezone = "Mars/Olympus_Mons"`)',
            note=f"{only} that it is an IANA time zone name.",
            keys=("communication.response_time.timezone",),
            codes=("bad_timezone",),
        ),
        Difference(
            summary='a blank item in a list of texts (`objectives = [""]`)',
            note=f"{only} that no item is blank.",
            keys=_keys(_items_unchecked),
            codes=("empty_item",),
        ),
        Difference(
            summary="a hashtag holding something other than letters, digits, `_` and "
            "combining marks, such as an emoji: a portable pattern cannot name the letters "
            "of every script (`\\p{L}`), so the schema refuses only punctuation and white "
            "space",
            note="This schema refuses only punctuation and white space after the #; "
            "`presence validate` also refuses anything but letters, digits, _ and combining "
            "marks (such as an emoji).",
            keys=_keys(_is_hashtags),
            codes=("bad_hashtag",),
        ),
        Difference(
            summary="a URL with white space, a quote, `<>{}|\\^`, a backquote or a port that "
            "is not a number: the schema's pattern checks the scheme and the start of the host",
            note="This schema checks the scheme and the start of the host; `presence validate` "
            "also refuses white space, quotes, <>{}|\\^ and backquotes, and a port that is "
            "not a number.",
            keys=_keys(lambda key, _: key.rsplit(".", 1)[-1] == "url"),
            codes=("bad_url",),
        ),
        Difference(
            summary="the *missing* level: the keys a finished policy needs are not `required` "
            "in the schema, since a draft is a valid file; their descriptions say "
            '"Required for a finished policy."',
            note="Required for a finished policy.",
            keys=_NEEDED,
            level="missing",
        ),
        Difference(
            summary="the *missing* level of an optional section: its required keys are "
            "missing only when it is included (its table present, even empty), which a "
            'schema does not say; their descriptions say "Required for a finished policy '
            'when the section is included."',
            note="Required for a finished policy when the section is included.",
            keys=_NEEDED_WHEN_INCLUDED,
            level="missing",
            codes=("required",),
        ),
        Difference(
            summary="an included `[legal]` or `[accessibility]` section with none of its "
            "keys (it needs at least one)",
            note="Required for a finished policy when included: at least one of its keys.",
            keys=("legal", "accessibility"),
            level="missing",
            codes=("required_any",),
        ),
        Difference(
            summary="warnings (a value that looks like a password, an active platform without "
            "an owner, …): the schema has none",
            level="warning",
        ),
    )


def policy_json_schema() -> dict[str, Any]:
    """The JSON Schema of the policy file, format version `SCHEMA_VERSION`."""
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Brand presence policy",
    }
    schema.update(_table(root(), ""))
    schema["properties"]["schema_version"] = {
        "type": "integer",
        "enum": list(SCHEMA_VERSIONS),
        "description": _noted("schema_version", _description(root(), "schema_version")),
    }
    schema["required"] = ["schema_version"]
    return schema


def _description(table: TableSpec, key: str) -> str:
    return field_description(table.model, key) if table.model is not None else ""


def _table(table: TableSpec, path: str) -> dict[str, Any]:
    properties = {
        name: _field(field, f"{path}.{name}" if path else name, _description(table, name))
        for name, field in table.fields.items()
    }
    return {
        "type": "object",
        "description": table.description,
        "properties": properties,
        "additionalProperties": False,
    }


def _field(field: FieldSpec, path: str, description: str) -> dict[str, Any]:
    schema: dict[str, Any] = _shape(field, path)
    schema["description"] = _noted(path, description)
    return schema


def _noted(path: str, description: str) -> str:
    """A key's description followed by what only `presence validate` checks of it."""
    notes = [d.note for d in validate_only() if d.note and path in d.keys]
    return " ".join(part for part in (description, *notes) if part)


def _shape(field: FieldSpec, path: str) -> dict[str, Any]:
    """The schema of a key's value, without its description."""
    name = path.rsplit(".", 1)[-1]
    if field.kind == "string":
        schema: dict[str, Any] = {"type": "string"}
        if field.max_length is not None:
            schema["maxLength"] = field.max_length
        if name == "url":
            schema.update(format="uri", pattern=_URL_PATTERN)
        return schema
    if field.kind == "integer":
        schema = {"type": "integer"}
        if field.minimum is not None:
            schema["minimum"] = field.minimum
        if field.maximum is not None:
            schema["maximum"] = field.maximum
        return schema
    if field.kind == "boolean":
        return {"type": "boolean"}
    if field.kind == "date":
        return {"type": "string", "format": "date"}
    if field.kind == "time":
        return {"type": "string", "format": "partial-time", "pattern": _TIME_PATTERN}
    if field.kind == "enum":
        return {"type": "string", "enum": list(field.choices)}
    if field.kind == "table" and field.table is not None:
        return _table(field.table, path)
    if field.kind == "array" and field.item is not None:
        return _array(field.item, path, name)
    raise ValueError(f"no schema for {path}")  # pragma: no cover - every kind is handled


def _array(item: FieldSpec, path: str, name: str) -> dict[str, Any]:
    items = _shape(item, f"{path}[]")
    if item.table is not None:
        items["description"] = item.table.description
    if name == "hashtags":
        items.update(pattern=_HASHTAG_PATTERN, maxLength=HASHTAG_MAX_CHARS)
    elif name == "sections":
        items.update(enum=list(SECTIONS))
    schema: dict[str, Any] = {"type": "array", "items": items}
    if name in ("goals", "hashtags", "days"):
        schema["uniqueItems"] = True
    return schema
