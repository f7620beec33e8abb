"""Section names, and the exported document's fixed headings in each document language
(words from the `sections` catalogue of `schemas.texts`)."""

from __future__ import annotations

from typing import Literal

from schemas.texts import text

SectionName = Literal[
    "document",
    "mission",
    "platforms",
    "tools",
    "communication",
    "content",
    "security",
    "roles",
    "crisis",
    "legal",
    "accessibility",
    "results",
]
CORE_SECTIONS: tuple[SectionName, ...] = (
    "document",
    "mission",
    "platforms",
    "tools",
    "communication",
    "content",
)
"""The sections of format version 1: the document details and sections 1-5."""

OPTIONAL_SECTIONS: tuple[SectionName, ...] = (
    "security",
    "roles",
    "crisis",
    "legal",
    "accessibility",
    "results",
)
"""The optional sections of format version 2, in the file's order (after `[content]`).
Each is part of the policy when its table is present, even empty (`[legal]`)."""

SECTIONS: tuple[SectionName, ...] = (*CORE_SECTIONS, *OPTIONAL_SECTIONS)
"""Section names, used by `--section`, in messages and in [[revisions]].sections."""

TOP_LEVEL_ORDER: tuple[str, ...] = ("schema_version", *SECTIONS, "revisions", "acknowledgements")
"""Top-level keys in the order the wizard writes a new file."""

HEADED: tuple[SectionName, ...] = ("mission", "platforms", "tools", "communication", "content")
"""The sections the exported document gives a numbered level-2 heading."""


def heading(section: str, lang: str) -> str:
    """A level-2 heading of the exported document, exactly as the format fixes it
    ("1. Mission, objectives and values"; the `sections` catalogue, `heading.<name>`)."""
    return text("sections", f"heading.{section}", lang)


def default_title(lang: str) -> str:
    """The document title when [document].title is absent."""
    return text("sections", "title.default", lang)


def section_name(section: str, lang: str) -> str:
    """A section's name in words, as the revision history shows it."""
    return text("sections", f"name.{section}", lang)
