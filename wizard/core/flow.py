"""The order of the wizard's screens and how to move between them.

A *step* is one screen. Sections are the policy's top-level tables plus
"review"; section 4 (communication) is large and has four steps of its own:

    document -> mission -> platforms -> tools
      -> communication-style -> communication-response
      -> communication-templates -> communication-negative
      -> content
      -> security -> roles -> crisis -> legal -> accessibility -> results
      -> review

The steps after content are the optional sections of format version 2: each screen
offers to include its section or leave it out.

Each step names the screen class that edits it as "module:Class"; the app
imports it when the step is first shown. Screen titles come from the catalogue:
`section.<section>.title` for every section, plus `step.<step>.title` for the
communication steps.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas.sections import OPTIONAL_SECTIONS, SECTIONS


@dataclass(frozen=True)
class Step:
    """One screen of the wizard."""

    name: str
    """Screen name, used for navigation and `--section`."""

    section: str
    """The section it belongs to: a name of `schemas.SECTIONS` or "review"."""

    screen: str
    """The screen class as "module:Class"."""


STEPS: tuple[Step, ...] = (
    Step("document", "document", "screens.document:DocumentScreen"),
    Step("mission", "mission", "screens.mission:MissionScreen"),
    Step("platforms", "platforms", "screens.platforms:PlatformsScreen"),
    Step("tools", "tools", "screens.tools:ToolsScreen"),
    Step(
        "communication-style",
        "communication",
        "screens.communication_style:CommunicationStyleScreen",
    ),
    Step(
        "communication-response",
        "communication",
        "screens.communication_response:CommunicationResponseScreen",
    ),
    Step(
        "communication-templates",
        "communication",
        "screens.communication_templates:CommunicationTemplatesScreen",
    ),
    Step(
        "communication-negative",
        "communication",
        "screens.communication_negative:CommunicationNegativeScreen",
    ),
    Step("content", "content", "screens.content:ContentScreen"),
    Step("security", "security", "screens.security:SecurityScreen"),
    Step("roles", "roles", "screens.roles:RolesScreen"),
    Step("crisis", "crisis", "screens.crisis:CrisisScreen"),
    Step("legal", "legal", "screens.legal:LegalScreen"),
    Step("accessibility", "accessibility", "screens.accessibility:AccessibilityScreen"),
    Step("results", "results", "screens.results:ResultsScreen"),
    Step("review", "review", "screens.review:ReviewScreen"),
)

SIDEBAR_SECTIONS: tuple[str, ...] = (*SECTIONS, "review")
"""The entries of the sidebar, in order."""


def numbered_section(number: int) -> str | None:
    """The section whose title bears `number` ("2. Social media platforms": 2), or None.

    The document details come first and bear no number: they are 0. The sections are
    numbered in their order (1–5, then the optional sections 6–11), so the numbers
    follow when sections are added (the keys alt+0 … alt+9 use this; sections 10 and 11
    are reached from the sidebar, the palette and `--section`).
    """
    return SECTIONS[number] if 0 <= number < len(SECTIONS) else None


OPTIONAL_STEPS: frozenset[str] = frozenset(OPTIONAL_SECTIONS)
"""The steps of the optional sections (a step each, named as its section)."""

_BY_NAME = {step.name: step for step in STEPS}


def get_step(name: str) -> Step:
    """The step called `name`, or the first step of the section called `name`."""
    if name in _BY_NAME:
        return _BY_NAME[name]
    for step in STEPS:
        if step.section == name:
            return step
    raise KeyError(name)


def is_known(name: str) -> bool:
    """Whether `name` is a step or a section."""
    return name in _BY_NAME or name in SIDEBAR_SECTIONS


def steps_of(section: str) -> tuple[Step, ...]:
    """The steps of one section, in order."""
    return tuple(step for step in STEPS if step.section == section)


def next_step(name: str) -> Step | None:
    """The step after `name`, or None after the last."""
    index = STEPS.index(get_step(name))
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def previous_step(name: str) -> Step | None:
    """The step before `name`, or None before the first."""
    index = STEPS.index(get_step(name))
    return STEPS[index - 1] if index > 0 else None


def step_for_path(path: str) -> Step:
    """The step whose screen edits the key path `path` (for jump-to-field links)."""
    head = path.split(".", 1)[0].split("[", 1)[0]
    if head == "acknowledgements":
        return get_step("review")
    if head != "communication":
        return get_step(head) if head in SIDEBAR_SECTIONS else get_step("document")
    rest = path.split(".", 2)[1] if "." in path else ""
    key = rest.split("[", 1)[0]
    if key == "response_time":
        return get_step("communication-response")
    if key == "templates":
        return get_step("communication-templates")
    if key == "negative":
        return get_step("communication-negative")
    return get_step("communication-style")
