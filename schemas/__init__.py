"""The policy file's models and the one source of truth for its validity (no Textual here).

The names below load on first use (module `__getattr__`): `from schemas.sections
import SECTIONS` must not build the pydantic models, which cost a tenth of a second
at start-up. The problem type and its English messages load at once, so
`Problem.message` works whichever submodule was imported first.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from schemas.messages import MESSAGES
from schemas.problems import LEVELS, Level, Problem

if TYPE_CHECKING:
    from schemas.jsonschema import policy_json_schema
    from schemas.model import (
        MAX_MINUTES,
        SCHEMA_VERSION,
        SCHEMA_VERSIONS,
        Accessibility,
        Acknowledgement,
        Approval,
        Communication,
        Content,
        Crisis,
        CrisisContact,
        CrisisLevel,
        Document,
        EscalationContact,
        Legal,
        Metric,
        Mission,
        Negative,
        Person,
        Platform,
        Policy,
        ResponseTime,
        Results,
        Revision,
        Roles,
        Rubric,
        Security,
        Statement,
        Template,
        Tone,
        Tool,
        Trait,
        Value,
    )
    from schemas.rules import Rechecker, check_policy, check_section
    from schemas.sections import SECTIONS, TOP_LEVEL_ORDER, default_title, heading
    from schemas.text import is_blank

_LAZY: dict[str, str] = {
    "policy_json_schema": "schemas.jsonschema",
    **dict.fromkeys(
        (
            "MAX_MINUTES",
            "SCHEMA_VERSION",
            "SCHEMA_VERSIONS",
            "Accessibility",
            "Acknowledgement",
            "Approval",
            "Communication",
            "Content",
            "Crisis",
            "CrisisContact",
            "CrisisLevel",
            "Document",
            "EscalationContact",
            "Legal",
            "Metric",
            "Mission",
            "Negative",
            "Person",
            "Platform",
            "Policy",
            "ResponseTime",
            "Results",
            "Revision",
            "Roles",
            "Rubric",
            "Security",
            "Statement",
            "Template",
            "Tone",
            "Tool",
            "Trait",
            "Value",
        ),
        "schemas.model",
    ),
    "check_policy": "schemas.rules",
    "check_section": "schemas.rules",
    "Rechecker": "schemas.rules",
    "default_title": "schemas.sections",
    "heading": "schemas.sections",
    "SECTIONS": "schemas.sections",
    "TOP_LEVEL_ORDER": "schemas.sections",
    "is_blank": "schemas.text",
}
"""Each lazily loaded name and the submodule that defines it."""


def __getattr__(name: str) -> Any:
    """Load a public name from its submodule on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "LEVELS",
    "MAX_MINUTES",
    "MESSAGES",
    "SCHEMA_VERSION",
    "SCHEMA_VERSIONS",
    "SECTIONS",
    "TOP_LEVEL_ORDER",
    "Accessibility",
    "Acknowledgement",
    "Approval",
    "Communication",
    "Content",
    "Crisis",
    "CrisisContact",
    "CrisisLevel",
    "Document",
    "EscalationContact",
    "Legal",
    "Level",
    "Metric",
    "Mission",
    "Negative",
    "Person",
    "Platform",
    "Policy",
    "Problem",
    "Rechecker",
    "ResponseTime",
    "Results",
    "Revision",
    "Roles",
    "Rubric",
    "Security",
    "Statement",
    "Template",
    "Tone",
    "Tool",
    "Trait",
    "Value",
    "check_policy",
    "check_section",
    "default_title",
    "heading",
    "is_blank",
    "policy_json_schema",
]
