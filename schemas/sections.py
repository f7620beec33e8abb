"""Section names and the exported document's fixed headings, in both document languages."""

from __future__ import annotations

from typing import Literal

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

SECTION_HEADINGS: dict[str, dict[str, str]] = {
    "en": {
        "mission": "1. Mission, objectives and values",
        "platforms": "2. Social media platforms",
        "tools": "3. Tools",
        "communication": "4. Communication principles",
        "content": "5. Content types",
    },
    "uk": {
        "mission": "1. Місія, завдання і цінності компанії",
        "platforms": "2. Майданчики в соцмережах",
        "tools": "3. Використовувані інструменти",
        "communication": "4. Принципи спілкування",
        "content": "5. Типи контенту",
    },
}
"""The five level-2 headings of the exported document, exactly as the format fixes them."""

DEFAULT_TITLES: dict[str, str] = {
    "en": "Brand presence policy",
    "uk": "Політика представленості бренду",
}
"""The document title when [document].title is absent."""
