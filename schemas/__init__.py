"""The policy file's models and the one source of truth for its validity (no Textual here)."""

from __future__ import annotations

from schemas.jsonschema import policy_json_schema
from schemas.messages import MESSAGES
from schemas.model import (
    MAX_MINUTES,
    SCHEMA_VERSION,
    Communication,
    Content,
    Document,
    EscalationContact,
    Mission,
    Negative,
    Platform,
    Policy,
    ResponseTime,
    Revision,
    Rubric,
    Template,
    Tool,
    Value,
)
from schemas.problems import LEVELS, Level, Problem
from schemas.rules import check_policy, check_section
from schemas.sections import DEFAULT_TITLES, SECTION_HEADINGS, SECTIONS, TOP_LEVEL_ORDER
from schemas.text import is_blank

__all__ = [
    "DEFAULT_TITLES",
    "LEVELS",
    "MAX_MINUTES",
    "MESSAGES",
    "SCHEMA_VERSION",
    "SECTIONS",
    "SECTION_HEADINGS",
    "TOP_LEVEL_ORDER",
    "Communication",
    "Content",
    "Document",
    "EscalationContact",
    "Level",
    "Mission",
    "Negative",
    "Platform",
    "Policy",
    "Problem",
    "ResponseTime",
    "Revision",
    "Rubric",
    "Template",
    "Tool",
    "Value",
    "check_policy",
    "check_section",
    "is_blank",
    "policy_json_schema",
]
