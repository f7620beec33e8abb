"""The sections of a policy, in English: the exported document's fixed headings (exactly
as the format gives them), its default title, and each section's name in the revision
history."""

from __future__ import annotations

from schemas.texts import Message

MESSAGES: dict[str, Message] = {
    "heading.mission": "1. Mission, objectives and values",
    "heading.platforms": "2. Social media platforms",
    "heading.tools": "3. Tools",
    "heading.communication": "4. Communication principles",
    "heading.content": "5. Content types",
    "title.default": "Brand presence policy",
    "name.document": "Document details",
    "name.mission": "Mission, objectives and values",
    "name.platforms": "Social media platforms",
    "name.tools": "Tools",
    "name.communication": "Communication principles",
    "name.content": "Content types",
    "name.security": "Account security and access",
    "name.roles": "Roles and approvals",
    "name.crisis": "Crisis and incidents",
    "name.legal": "Legal rules and disclosure",
    "name.accessibility": "Accessibility",
    "name.results": "Measuring results",
}
"""Headings, the default title and section names."""
