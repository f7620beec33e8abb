"""A draft's missing parts in the document's words: "4. Communication principles:
Negative feedback — Approach", for the list at the top of a draft."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from exports.blocks import Inline, Span
from exports.doc_parts import Doc, table_of
from exports.escape import inline_text
from exports.wording import OPTIONAL_SECTIONS
from schemas.sections import HEADED, heading, section_name

KEY_LABELS: dict[str, str] = {
    "company": "company",
    "approved_by": "approved_by",
    "statement": "statement",
    "objectives": "objectives",
    "values": "values",
    "meaning": "meaning",
    "name": "name",
    "title": "name",
    "topic": "topic",
    "goals": "goals",
    "style": "style",
    "response_time": "response_times",
    "first_reply_max_minutes": "first_reply_max",
    "templates": "templates",
    "text": "template_text",
    "negative": "negative",
    "approach": "approach",
    "moderator_autonomy": "autonomy",
    "escalation": "escalation",
    "contact": "escalation_contact",
    "rubrics": "rubrics",
    "date": "date",
    "sections": "sections",
    "traits": "traits",
    "is": "trait_is",
    "is_not": "trait_is_not",
    "tones": "tones",
    "situation": "situation",
    "tone": "tone",
    "password_manager": "password_manager",
    "two_factor_required": "two_factor_required",
    "access_review_every_months": "access_review",
    "offboarding": "offboarding",
    "people": "people",
    "role": "role",
    "approvals": "approvals",
    "content": "approval_content",
    "approver": "approver",
    "levels": "crisis_levels",
    "decides": "decides",
    "statements": "statements",
    "contacts": "crisis_contacts",
    "metrics": "metrics",
}
"""The `document` catalogue's label of each key a missing part may name."""

ENTRY_LABELS: dict[str, str] = {
    "platforms": "platform_n",
    "tools": "tool_n",
    "values": "value_n",
    "templates": "template_n",
    "escalation": "topic_n",
    "rubrics": "rubric_n",
    "traits": "trait_n",
    "tones": "tone_n",
    "people": "person_n",
    "approvals": "approval_n",
    "levels": "level_n",
    "statements": "statement_n",
    "contacts": "contact_n",
    "metrics": "metric_n",
    "acknowledgements": "ack_n",
}
"""The `document` catalogue's name ("Platform {n}") of an entry of each array of tables."""

NAME_KEYS = ("name", "title", "topic", "situation", "is", "content")
"""Keys whose value names an entry, tried in order."""

_SEGMENT = re.compile(r"([^.\[\]]+)((?:\[\d+\])*)")


def section_titles(doc: Doc, data: Mapping[str, Any]) -> dict[str, str]:
    """The heading of each section as the document numbers it (the optional sections
    numbered on from 6, those included only), and the document details' name."""
    titles = {"document": section_name("document", doc.lang)}
    titles |= {name: heading(name, doc.lang) for name in HEADED}
    number = len(HEADED) + 1
    for name in OPTIONAL_SECTIONS:
        if name in data:
            titles[name] = f"{number}. {section_name(name, doc.lang)}"
            number += 1
    titles["revisions"] = doc.words["revisions"]
    titles["acknowledgements"] = doc.words["acknowledgements"]
    return titles


def _entry_name(doc: Doc, entry: object) -> str:
    table = table_of(entry)
    for key in NAME_KEYS:
        name = doc.plain(table.get(key))
        if name is not None and isinstance(table.get(key), str):
            return inline_text(name)
    return ""


def describe(doc: Doc, data: Mapping[str, Any], path: str, titles: Mapping[str, str]) -> str:
    """One missing part in words: the section, then each key and entry on the way."""
    parts: list[str] = []
    value: object = data
    section = ""
    for key, indexes in _SEGMENT.findall(path):
        value = table_of(value).get(key)
        if not section:
            section = key
            if not indexes:
                continue
        elif not indexes:
            label = KEY_LABELS.get(key)
            parts.append(doc.words[label] if label else key)
            continue
        for index_text in re.findall(r"\d+", indexes):
            index = int(index_text)
            label = ENTRY_LABELS.get(key, "item_n")
            entry = doc.word(label, n=index + 1)
            value = value[index] if isinstance(value, list) and index < len(value) else None
            name = _entry_name(doc, value)
            parts.append(f"{entry} ({name})" if name else entry)
    head = titles.get(section, section)
    return f"{head}: {' — '.join(parts)}" if parts else head


def missing_parts(doc: Doc, data: Mapping[str, Any], paths: Sequence[str]) -> list[Inline]:
    """The missing parts of a draft, in the order given, each as one line of text."""
    titles = section_titles(doc, data)
    return [(Span(describe(doc, data, path, titles)),) for path in paths]
