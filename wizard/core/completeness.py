"""When a section is done: what a reader of the policy (a contractor, a new employee)
needs to find in it, beyond what the format requires. No Textual here.

The format's levels (error, missing, warning) say whether a file is valid and a
finished draft; `presence validate` reports them and nothing here changes them. The
wizard's sidebar says more: a section is *done* when it has no error, nothing missing
and no gap, a gap being something a reader would look for and not find:

- Document details: the version, the dates it takes effect and is reviewed by, and
  whom to ask.
- 1. Mission: the positioning and the audience; what each value means in practice.
- 2. Platforms: for each platform what the brand does there and who runs it; for an
  active one also its link and how often it posts.
- 3. Tools: at least one tool, each with what the team uses it for.
- 4. Communication: the working hours; at least one answer template; what may be
  hidden or deleted.
- 5. Content: each rubric's goal, description, frequency and platforms.

`gaps(data)` lists them in the wizard's order, each at the key path to fill in.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from schemas.text import is_blank


@dataclass(frozen=True)
class Gap:
    """Something a reader would look for at `path` and not find; `code` names it in the
    catalogue (`thin.<code>`, and `thin.<code>.short` for the sidebar)."""

    path: str
    code: str

    level: Literal["thin"] = "thin"

    @property
    def section(self) -> str:
        """The top-level section of `path`."""
        return self.path.split(".", 1)[0].split("[", 1)[0]


def _absent(value: Any) -> bool:
    if isinstance(value, list):
        return all(is_blank(item) for item in value)
    return is_blank(value)


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    return value if isinstance(value, Mapping) else {}


def _entries(table: Mapping[str, Any], key: str) -> list[tuple[int, Mapping[str, Any]]]:
    value = table.get(key)
    if not isinstance(value, list):
        return []
    return [(index, entry) for index, entry in enumerate(value) if isinstance(entry, Mapping)]


def _keys(
    table: Mapping[str, Any], where: str, wanted: tuple[tuple[str, str], ...]
) -> Iterator[Gap]:
    for key, code in wanted:
        if _absent(table.get(key)):
            yield Gap(f"{where}.{key}", code)


DOCUMENT = (
    ("version", "version"),
    ("effective_on", "effective_on"),
    ("review_by", "review_by"),
    ("contact", "contact"),
)
MISSION = (("positioning", "positioning"), ("audience", "audience"))
PLATFORM = (("purpose", "platform_purpose"), ("owner", "platform_owner"))
ACTIVE_PLATFORM = (("url", "platform_url"), ("frequency", "platform_frequency"))
RUBRIC = (
    ("goal", "rubric_goal"),
    ("description", "rubric_description"),
    ("frequency", "rubric_frequency"),
    ("platforms", "rubric_platforms"),
)


def gaps(data: Mapping[str, Any]) -> list[Gap]:
    """What a reader would miss in `data`, section by section (see the module)."""
    found: list[Gap] = []
    found += _keys(_table(data, "document"), "document", DOCUMENT)
    mission = _table(data, "mission")
    found += _keys(mission, "mission", MISSION)
    for index, value in _entries(mission, "values"):
        if _absent(value.get("meaning")):
            found.append(Gap(f"mission.values[{index}].meaning", "value_meaning"))
    for index, platform in _entries(data, "platforms"):
        found += _keys(platform, f"platforms[{index}]", PLATFORM)
        if platform.get("status", "active") == "active":
            found += _keys(platform, f"platforms[{index}]", ACTIVE_PLATFORM)
    tools = _entries(data, "tools")
    if not tools:
        found.append(Gap("tools", "no_tool"))
    for index, tool in tools:
        if _absent(tool.get("purpose")):
            found.append(Gap(f"tools[{index}].purpose", "tool_purpose"))
    communication = _table(data, "communication")
    response = _table(communication, "response_time")
    if _absent(response.get("working_hours")):
        found.append(Gap("communication.response_time.working_hours", "working_hours"))
    if not _entries(communication, "templates"):
        found.append(Gap("communication.templates", "no_template"))
    if _absent(_table(communication, "negative").get("removal")):
        found.append(Gap("communication.negative.removal", "removal"))
    for index, rubric in _entries(_table(data, "content"), "rubrics"):
        found += _keys(rubric, f"content.rubrics[{index}]", RUBRIC)
    return found


def gaps_in(found: list[Gap], section: str) -> list[Gap]:
    """The gaps of one section ("review": all of them)."""
    return found if section == "review" else [gap for gap in found if gap.section == section]
