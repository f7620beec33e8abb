"""Rules on values that types alone cannot express: formats, uniqueness, references, order.

Version 2 adds: unique names of people, crisis levels and metrics, titles of holding
statements and situations of tones; a person's `backup` names another person and an
approval's `approver` a person; a rubric's cadence (`times` and `per` together, `days`
and `time` only with them, `days` only weekly and one a post, no day twice).

Each rule looks only at values of the right type (a value of a wrong type has its
own type error already). A blank item in an array of strings is an error
("empty item"): it would print as an empty line or bullet in the document, so
the author is asked to write something or remove it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, TypeGuard

from schemas.collect import Problems, entries, name_key, strings, subtable, text, unique_names
from schemas.fields import FieldSpec, TableSpec, root
from schemas.formats import HASHTAG_MAX_CHARS, is_hashtag, is_time_zone, is_web_url
from schemas.keypath import PathPart
from schemas.model import PERIODS
from schemas.sections import SECTIONS
from schemas.text import is_blank

Table = Mapping[Any, Any]


def check_crossfield(data: Table, out: Problems) -> None:
    """Add an error for every broken format or cross-field rule in `data`."""
    _empty_items(data, root(), (), out)
    _check_document(data, out)
    _, mission = subtable(data, "mission")
    _unique(out, entries(mission, "values"), ("mission", "values"), "name")
    platforms = entries(data, "platforms")
    _unique(out, platforms, ("platforms",), "name")
    tools = entries(data, "tools")
    _unique(out, tools, ("tools",), "name")
    for key, items in (("platforms", platforms), ("tools", tools)):
        for i, entry in items:
            url = text(entry, "url")
            if url is not None and not is_web_url(url):
                out.add((key, i, "url"), "error", "bad_url", value=url)
    _check_communication(data, out)
    _check_content(data, out)
    _check_roles(data, out)
    _, crisis = subtable(data, "crisis")
    _unique(out, entries(crisis, "levels"), ("crisis", "levels"), "name")
    _unique(out, entries(crisis, "statements"), ("crisis", "statements"), "title")
    _, results = subtable(data, "results")
    _unique(out, entries(results, "metrics"), ("results", "metrics"), "name")
    for i, revision in entries(data, "revisions"):
        for j, section in strings(revision, "sections"):
            if section not in SECTIONS:
                parts = ("revisions", i, "sections", j)
                out.add(
                    parts, "error", "unknown_section", value=section, choices=", ".join(SECTIONS)
                )


def _empty_items(
    value: Any, spec: TableSpec | FieldSpec, parts: tuple[PathPart, ...], out: Problems
) -> None:
    """An `empty_item` error for each blank string item of every array of strings."""
    if isinstance(spec, FieldSpec) and spec.kind == "array" and isinstance(value, list):
        if spec.item is not None and spec.item.kind in ("string", "enum"):
            for i, item in enumerate(value):
                if isinstance(item, str) and is_blank(item):
                    out.add((*parts, i), "error", "empty_item")
        elif spec.item is not None and spec.item.table is not None:
            for i, item in enumerate(value):
                _empty_items(item, spec.item.table, (*parts, i), out)
        return
    table = spec if isinstance(spec, TableSpec) else spec.table
    if table is None or not isinstance(value, Mapping):
        return
    for key, field in table.fields.items():
        if key in value and field.kind in ("array", "table"):
            _empty_items(value[key], field, (*parts, key), out)


def _unique(
    out: Problems, items: list[tuple[int, Table]], parts: Sequence[PathPart], key: str
) -> None:
    named = (((*parts, i, key), name) for i, entry in items if (name := text(entry, key)))
    unique_names(out, named)


def _is_date(value: Any) -> TypeGuard[dt.date]:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _check_document(data: Table, out: Problems) -> None:
    _, document = subtable(data, "document")
    if document is None:
        return
    effective, review = document.get("effective_on"), document.get("review_by")
    if _is_date(effective) and _is_date(review) and review <= effective:
        out.add(
            ("document", "review_by"),
            "error",
            "review_not_later",
            review_by=review.isoformat(),
            effective_on=effective.isoformat(),
        )


def _minutes(value: Any) -> int | None:
    """A valid minutes value (integer 1-10080), else None."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 10080:
        return value
    return None


def _check_communication(data: Table, out: Problems) -> None:
    _, communication = subtable(data, "communication")
    if communication is None:
        return
    where = ("communication",)
    goals = (((*where, "goals", i), goal) for i, goal in strings(communication, "goals"))
    unique_names(out, goals, "repeated_item")
    preferred = {
        name_key(word): i for i, word in reversed(strings(communication, "preferred_words"))
    }
    for j, word in strings(communication, "avoided_words"):
        if name_key(word) in preferred:
            other = f"communication.preferred_words[{preferred[name_key(word)]}]"
            out.add((*where, "avoided_words", j), "error", "word_in_both", word=word, other=other)

    _, response = subtable(communication, "response_time")
    if response is not None:
        most = _minutes(response.get("first_reply_max_minutes"))
        avg = _minutes(response.get("first_reply_avg_minutes"))
        if most is not None and avg is not None and avg > most:
            parts = (*where, "response_time", "first_reply_avg_minutes")
            out.add(parts, "error", "avg_over_max", avg=avg, max=most)
        zone = text(response, "timezone")
        if zone is not None and not is_time_zone(zone):
            out.add((*where, "response_time", "timezone"), "error", "bad_timezone", value=zone)

    templates = entries(communication, "templates")
    _unique(out, templates, (*where, "templates"), "title")
    _unique(out, entries(communication, "tones"), (*where, "tones"), "situation")


def _check_hashtags(out: Problems, table: Table, parts: tuple[PathPart, ...]) -> None:
    good: list[tuple[tuple[PathPart, ...], str]] = []
    for i, tag in strings(table, "hashtags"):
        item = (*parts, "hashtags", i)
        if not is_hashtag(tag):
            out.add(item, "error", "bad_hashtag", value=tag)
        elif len(tag) > HASHTAG_MAX_CHARS:
            out.add(item, "error", "hashtag_too_long", length=len(tag), max=HASHTAG_MAX_CHARS)
        else:
            good.append((item, tag))
    unique_names(out, good, "repeated_item")


def _check_content(data: Table, out: Problems) -> None:
    _, content = subtable(data, "content")
    if content is None:
        return
    where = ("content",)
    _check_hashtags(out, content, where)
    rubrics = entries(content, "rubrics")
    _unique(out, rubrics, (*where, "rubrics"), "name")
    known = _platform_names(data)
    for i, rubric in rubrics:
        _check_hashtags(out, rubric, (*where, "rubrics", i))
        _check_cadence(out, rubric, (*where, "rubrics", i))
        if known is None:
            continue
        for j, name in strings(rubric, "platforms"):
            if name_key(name) in known:
                continue
            parts = (*where, "rubrics", i, "platforms", j)
            import difflib  # only for a platform name that is not in the policy

            close = difflib.get_close_matches(name_key(name), list(known), n=1)
            if close:
                out.add(
                    parts, "error", "unknown_platform_hint", name=name, suggestion=known[close[0]]
                )
            else:
                out.add(parts, "error", "unknown_platform", name=name)


def _check_cadence(out: Problems, rubric: Table, parts: tuple[PathPart, ...]) -> None:
    """A rubric's posting cadence: `times` and `per` together; `days` and `time` only
    with both; `days` only with `per = "week"`, one day for each of `times`, no repeats."""
    has = {key: not is_blank(rubric.get(key)) for key in ("times", "per", "days", "time")}
    if has["times"] and not has["per"]:
        out.add((*parts, "times"), "error", "cadence_without_per")
    if has["per"] and not has["times"]:
        out.add((*parts, "per"), "error", "cadence_without_times")
    for key in ("days", "time"):
        if has[key] and not (has["times"] and has["per"]):
            out.add((*parts, key), "error", "cadence_incomplete", key=key)
    days = rubric.get("days")
    if not isinstance(days, list):
        return
    named = (((*parts, "days", j), day) for j, day in strings(rubric, "days"))
    unique_names(out, named, "repeated_item")
    per, times = rubric.get("per"), _count(rubric.get("times"))
    if not (has["times"] and has["per"]) or per not in PERIODS:
        return
    if per != "week":
        out.add((*parts, "days"), "error", "days_without_week", per=per)
    elif times is not None and len(days) != times:
        out.add((*parts, "days"), "error", "days_count", count=len(days), times=times)


def _count(value: Any) -> int | None:
    """A valid `times` (integer 1-31), else None."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 31:
        return value
    return None


def _check_roles(data: Table, out: Problems) -> None:
    """Unique names of people; a backup names another person, an approver a person."""
    _, roles = subtable(data, "roles")
    if roles is None:
        return
    where = ("roles",)
    people = entries(roles, "people")
    _unique(out, people, (*where, "people"), "name")
    known = {name_key(name): name.strip() for _, entry in people if (name := text(entry, "name"))}
    for i, person in people:
        backup = text(person, "backup")
        if backup is None:
            continue
        parts = (*where, "people", i, "backup")
        own = text(person, "name")
        if own is not None and name_key(own) == name_key(backup):
            out.add(parts, "error", "backup_is_self", name=backup)
        else:
            _reference(out, parts, backup, known)
    for i, approval in entries(roles, "approvals"):
        approver = text(approval, "approver")
        if approver is not None:
            _reference(out, (*where, "approvals", i, "approver"), approver, known)


def _reference(
    out: Problems, parts: tuple[PathPart, ...], name: str, known: dict[str, str]
) -> None:
    """An error when `name` is not the name of a [[roles.people]] entry (with the closest
    name as a hint)."""
    if name_key(name) in known:
        return
    import difflib  # only for a name that is not in the policy

    close = difflib.get_close_matches(name_key(name), list(known), n=1)
    if close:
        out.add(parts, "error", "unknown_person_hint", name=name, suggestion=known[close[0]])
    else:
        out.add(parts, "error", "unknown_person", name=name)


def _platform_names(data: Table) -> dict[str, str] | None:
    """The platform names by their compared form; None when `platforms` is not an
    array (its entries are then unknown: every reference would be noise).

    An entry written as a bare string (`platforms = ["Instagram"]`) has its own error
    and still names that platform; any other entry that is not a table, or whose name
    is not a string, names nothing, as a blank name does: a type error in
    `[[platforms]]` does not hide a rubric's reference to a platform no entry names.
    """
    platforms = data.get("platforms", [])
    if not isinstance(platforms, list):
        return None
    names: dict[str, str] = {}
    for entry in platforms:
        name = entry.get("name") if isinstance(entry, Mapping) else entry
        if isinstance(name, str) and not is_blank(name):
            names.setdefault(name_key(name), name.strip())
    return names
