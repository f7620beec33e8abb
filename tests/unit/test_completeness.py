"""When a section is done (`wizard.core.completeness`): what a reader needs, beyond what
the format requires; the format's problem levels stay as they are."""

from __future__ import annotations

import copy
import tomllib
from typing import Any

from schemas import check_policy
from wizard.core.completeness import gaps
from wizard.core.service import EXAMPLE_PATH
from wizard.core.state import PolicyState

EXAMPLE: dict[str, Any] = tomllib.loads(EXAMPLE_PATH.read_text(encoding="utf-8"))


def _codes(data: dict[str, Any], section: str = "review") -> list[str]:
    return [gap.code for gap in PolicyState(data).gaps(section)]


def test_the_example_is_done_everywhere() -> None:
    state = PolicyState(EXAMPLE)
    assert gaps(EXAMPLE) == []
    for section in ("document", "mission", "platforms", "tools", "communication", "content"):
        assert state.section_status(section).state == "done", section


def test_tools_need_a_tool_yet_the_file_stays_valid() -> None:
    data = copy.deepcopy(EXAMPLE)
    del data["tools"]
    state = PolicyState(data)
    assert _codes(data, "tools") == ["no_tool"]
    assert state.section_status("tools").state == "thin"
    assert [p for p in check_policy(data) if p.level != "warning"] == []  # valid, no draft


def test_a_rubric_with_a_name_only_is_not_done() -> None:
    data = copy.deepcopy(EXAMPLE)
    data["content"]["rubrics"] = [{"name": "News"}]
    assert [(g.path, g.code) for g in PolicyState(data).gaps("content")] == [
        ("content.rubrics[0].goal", "rubric_goal"),
        ("content.rubrics[0].description", "rubric_description"),
        ("content.rubrics[0].frequency", "rubric_frequency"),
        ("content.rubrics[0].platforms", "rubric_platforms"),
    ]
    assert PolicyState(data).section_status("content").state == "thin"


def test_what_each_section_asks_for() -> None:
    assert _codes({"schema_version": 1}) == [
        "version",
        "effective_on",
        "review_by",
        "contact",
        "positioning",
        "audience",
        "no_tool",
        "working_hours",
        "no_template",
        "removal",
    ]
    data = copy.deepcopy(EXAMPLE)
    data["mission"]["values"][1].pop("meaning")
    data["platforms"][0].pop("owner")
    data["platforms"][0].pop("url")
    data["platforms"][1].pop("purpose")  # planned: its link and frequency can wait
    data["tools"][0].pop("purpose")
    assert [(g.path, g.code) for g in gaps(data)] == [
        ("mission.values[1].meaning", "value_meaning"),
        ("platforms[0].owner", "platform_owner"),
        ("platforms[0].url", "platform_url"),
        ("platforms[1].purpose", "platform_purpose"),
        ("tools[0].purpose", "tool_purpose"),
    ]


def test_missing_and_errors_come_before_gaps() -> None:
    data = copy.deepcopy(EXAMPLE)
    del data["tools"]
    data["content"]["rubrics"] = [{"goal": "trust"}]  # no name: missing
    assert PolicyState(data).section_status("content").state == "incomplete"
    data["content"]["rubrics"] = [{"name": "News", "goal": "gossip"}]
    assert PolicyState(data).section_status("content").state == "errors"
