"""The optional sections of format version 2 in the document: account security, roles
and approvals, crisis handling, legal rules, accessibility, measuring results.

Each is written when its table is present, even empty (its required parts then read
"not defined yet"), numbered on from 6 in the format's order, with exactly the
format's heading (the `sections` catalogue, `schemas.sections.section_name`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from exports.blocks import Bullets, Inline, Span
from exports.doc_parts import Doc, Field, entries, table_of, write_entries
from exports.wording import OPTIONAL_SECTIONS
from schemas.sections import section_name


def write_optional_sections(doc: Doc, data: Mapping[str, Any], *, first_number: int) -> None:
    """Every optional section the policy includes, numbered from `first_number`."""
    writers: dict[str, Callable[[Doc, Mapping[str, Any]], None]] = {
        "security": _security,
        "roles": _roles,
        "crisis": _crisis,
        "legal": _legal,
        "accessibility": _accessibility,
        "results": _results,
    }
    number = first_number
    for name in OPTIONAL_SECTIONS:
        if name not in data:
            continue
        doc.heading(2, f"{number}. {section_name(name, doc.lang)}", name)
        writers[name](doc, table_of(data.get(name)))
        number += 1


def _list_under(doc: Doc, heading: str, value: object, path: str, *, required: bool) -> None:
    if doc.texts(value) or doc.needed(path, required):
        doc.heading(3, heading)
        doc.items(value, path, required=required)


def _security(doc: Doc, security: Mapping[str, Any]) -> None:
    words = doc.words
    path = "security"
    items = doc.field_items(
        security, path, [Field("password_manager", "password_manager", required=True)]
    )
    required = security.get("two_factor_required")
    if isinstance(required, bool):
        items.append(
            (
                words["two_factor_required"],
                (Span(words["two_factor_on" if required else "two_factor_off"]),),
            )
        )
    else:
        items += doc.field_items(
            security, path, [Field("two_factor_required", "two_factor_required", required=True)]
        )
    items += doc.field_items(security, path, [Field("min_admins", "min_admins")])
    every = security.get("access_review_every_months")
    if isinstance(every, int) and not isinstance(every, bool):
        text = (
            words["access_review_every_one"]
            if every == 1
            else doc.word("access_review_every", n=every)
        )
        items.append((words["access_review"], (Span(text),)))
    else:
        items += doc.field_items(
            security, path, [Field("access_review_every_months", "access_review", required=True)]
        )
    items += doc.field_items(
        security,
        path,
        [
            Field("last_access_review", "last_access_review"),
            Field("recovery_contact", "recovery_contact", kind="contact"),
        ],
    )
    doc.add_fields(items)
    _list_under(
        doc, words["offboarding"], security.get("offboarding"), f"{path}.offboarding", required=True
    )
    _list_under(
        doc,
        words["hacked_account"],
        security.get("hacked_account"),
        f"{path}.hacked_account",
        required=False,
    )


def _roles(doc: Doc, roles: Mapping[str, Any]) -> None:
    words = doc.words
    doc.heading(3, words["people"])
    people = entries(roles.get("people"))
    if people:
        write_entries(
            doc,
            people,
            "roles.people",
            name_key="name",
            name_label="person",
            columns=[
                Field("role", "role", required=True),
                Field("responsibilities", "responsibilities"),
                Field("contact", "person_contact", kind="contact"),
                Field("backup", "backup"),
            ],
            details=[],
            level=4,
        )
    else:
        doc.undefined_block()
    approvals = entries(roles.get("approvals"))
    if approvals:
        doc.heading(3, words["approvals"])
        write_entries(
            doc,
            approvals,
            "roles.approvals",
            name_key="content",
            name_label="approval_content",
            columns=[
                Field("approver", "approver", required=True),
                Field("within_hours", "within_hours", kind="hours"),
                Field("note", "note"),
            ],
            details=[],
            level=4,
        )
    _list_under(
        doc,
        words["without_approval"],
        roles.get("without_approval"),
        "roles.without_approval",
        required=False,
    )


def _crisis(doc: Doc, crisis: Mapping[str, Any]) -> None:
    words = doc.words
    doc.heading(3, words["crisis_levels"])
    levels = entries(crisis.get("levels"))
    if levels:
        write_entries(
            doc,
            levels,
            "crisis.levels",
            name_key="name",
            name_label="crisis_level",
            columns=[
                Field("examples", "examples"),
                Field("decides", "decides", required=True),
                Field("respond_within_minutes", "respond_within", kind="within_minutes"),
            ],
            details=[],
            level=4,
        )
        for index, level in levels:
            actions = doc.texts(level.get("actions"))
            if actions:
                doc.heading(
                    4,
                    (
                        *doc.entry_name(level, index, "name", "level"),
                        Span(f" — {words['actions']}"),
                    ),
                )
                doc.items(level.get("actions"), f"crisis.levels[{index}].actions")
    else:
        doc.undefined_block()
    _list_under(
        doc, words["first_steps"], crisis.get("first_steps"), "crisis.first_steps", required=False
    )
    statements = entries(crisis.get("statements"))
    if statements:
        doc.heading(3, words["statements"])
        for index, statement in statements:
            doc.heading(4, doc.entry_name(statement, index, "title", "statement"))
            text = doc.plain(statement.get("text"))
            if text:
                doc.quote(text)
            else:
                doc.undefined_block()
    contacts = entries(crisis.get("contacts"))
    if contacts:
        doc.heading(3, words["crisis_contacts"])
        write_entries(
            doc,
            contacts,
            "crisis.contacts",
            name_key="name",
            name_label="contact_name",
            columns=[
                Field("contact", "person_contact", kind="contact", required=True),
                Field("backup", "backup"),
                Field("hours", "reachable"),
            ],
            details=[],
            level=4,
        )


LEGAL_KEYS: tuple[str, ...] = (
    "ad_label",
    "user_content",
    "copyright",
    "personal_data",
    "ai_content",
    "employee_accounts",
    "consequences",
)


def _legal(doc: Doc, legal: Mapping[str, Any]) -> None:
    written = False
    for key in LEGAL_KEYS:
        if doc.plain(legal.get(key)) is not None:
            doc.heading(3, doc.words[key])
            doc.block(legal.get(key), f"legal.{key}")
            written = True
    if not written:
        doc.undefined_block()


def _accessibility(doc: Doc, rules: Mapping[str, Any]) -> None:
    words = doc.words
    items: list[Inline] = []
    for key, word in (
        ("alt_text", "alt_text"),
        ("captions", "captions"),
        ("camel_case_hashtags", "camel_case"),
    ):
        value = rules.get(key)
        if isinstance(value, bool):
            items.append((Span(words[f"{word}_{'on' if value else 'off'}"]),))
    emoji = rules.get("max_emoji")
    if isinstance(emoji, int) and not isinstance(emoji, bool):
        items.append((Span(doc.word("max_emoji", n=emoji) if emoji else words["max_emoji_none"]),))
    if items:
        doc.add(Bullets(tuple(items)))
    notes = doc.plain(rules.get("notes"))
    if notes is not None:
        doc.heading(3, words["accessibility_notes"])
        doc.block(rules.get("notes"), "accessibility.notes")
    if not items and notes is None:
        doc.undefined_block()


def _results(doc: Doc, results: Mapping[str, Any]) -> None:
    words = doc.words
    doc.heading(3, words["metrics"])
    metrics = entries(results.get("metrics"))
    if metrics:
        write_entries(
            doc,
            metrics,
            "results.metrics",
            name_key="name",
            name_label="metric",
            columns=[
                Field("goal", "goal", kind="goal"),
                Field("target", "target"),
                Field("source", "source"),
                Field("every", "every"),
            ],
            details=[],
            level=4,
        )
    else:
        doc.undefined_block()
    doc.fields(
        results,
        "results",
        [Field("report_to", "report_to", kind="contact"), Field("report_every", "report_every")],
    )
