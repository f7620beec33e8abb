"""exports.diff: differences between two policies by section and key."""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from exports.diff import Change, diff_policies, format_markdown, format_text, render_value

EXAMPLE = Path(__file__).resolve().parents[2] / "wizard" / "data" / "example-policy.toml"


@pytest.fixture
def policy() -> dict[str, Any]:
    with EXAMPLE.open("rb") as f:
        return tomllib.load(f)


def test_identical_policies_have_no_changes(policy: dict[str, Any]) -> None:
    assert diff_policies(policy, copy.deepcopy(policy)) == []
    assert format_text([]) == ""


def test_a_changed_value_is_one_line_under_its_section(policy: dict[str, Any]) -> None:
    new = copy.deepcopy(policy)
    new["communication"]["response_time"]["first_reply_max_minutes"] = 60
    changes = diff_policies(policy, new)
    assert changes == [
        Change(
            "communication",
            "communication.response_time.first_reply_max_minutes",
            "changed",
            30,
            60,
        )
    ]
    assert format_text(changes) == (
        "[communication]\ncommunication.response_time.first_reply_max_minutes: 30 → 60\n"
    )


def test_types_are_told_apart(policy: dict[str, Any]) -> None:
    new = copy.deepcopy(policy)
    new["communication"]["response_time"]["first_reply_max_minutes"] = 30.0
    new["document"]["effective_on"] = "2026-12-01"
    new["platforms"][0]["two_factor"] = 1
    text = format_text(diff_policies(policy, new))
    assert "communication.response_time.first_reply_max_minutes: 30 → 30.0" in text
    assert 'document.effective_on: 2026-12-01 → "2026-12-01"' in text
    assert "platforms[0].two_factor: true → 1" in text


def test_a_reordered_list_shows_only_the_moved_entry(policy: dict[str, Any]) -> None:
    new = copy.deepcopy(policy)
    new["platforms"].reverse()
    changes = diff_policies(policy, new)
    assert len(changes) == 1
    (moved,) = changes
    assert moved.kind == "moved"
    assert moved.section == "platforms"
    assert {moved.old, moved.new} == {0, 1}
    assert "moved from platforms[" in format_text(changes)


def test_removing_the_first_entry_does_not_move_the_others(policy: dict[str, Any]) -> None:
    new = copy.deepcopy(policy)
    new["platforms"].insert(0, {"name": "TikTok", "status": "planned"})
    changes = diff_policies(policy, new)
    assert [(c.path, c.kind) for c in changes] == [
        ("platforms[0].name", "added"),
        ("platforms[0].status", "added"),
    ]
    assert all(c.label == "TikTok" for c in changes)
    assert diff_policies(new, policy) == [
        Change("platforms", "platforms[0].name", "removed", "TikTok", None, "TikTok"),
        Change("platforms", "platforms[0].status", "removed", "planned", None, "TikTok"),
    ]


def test_a_renamed_platform_is_a_changed_name(policy: dict[str, Any]) -> None:
    new = copy.deepcopy(policy)
    new["platforms"][1]["name"] = "Telegram channel"
    new["platforms"][1]["owner"] = "SMM manager"
    changes = diff_policies(policy, new)
    assert [(c.path, c.kind, c.old, c.new) for c in changes] == [
        ("platforms[1].name", "changed", "Telegram", "Telegram channel"),
        ("platforms[1].owner", "changed", "Shift lead", "SMM manager"),
    ]


def test_a_platform_replaced_by_another_is_removed_and_added(policy: dict[str, Any]) -> None:
    new = copy.deepcopy(policy)
    new["platforms"][1] = {
        "name": "Viber",
        "status": "active",
        "url": "https://invite.viber.com/northwind",
        "purpose": "A community of regulars.",
        "owner": "SMM manager",
    }
    changes = [c for c in diff_policies(policy, new) if c.section == "platforms"]
    assert {(c.kind, c.label) for c in changes} == {("removed", "Telegram"), ("added", "Viber")}
    assert '"Telegram" → "Viber"' not in format_text(changes)  # not a rename


def test_a_reordered_plain_value_shows_which_value_moved(policy: dict[str, Any]) -> None:
    new = copy.deepcopy(policy)
    new["content"]["hashtags"].reverse()
    changes = diff_policies(policy, new)
    (moved,) = changes
    assert (moved.kind, moved.item) == ("moved", "#BakedAtDawn")
    assert format_text(changes) == (
        '[content]\ncontent.hashtags[0]: moved "#BakedAtDawn" from content.hashtags[1]\n'
    )
    table = format_markdown(changes, "old.toml", "new.toml")
    assert '`"#BakedAtDawn"` at `content.hashtags[1]`' in table


def test_entries_match_by_name_ignoring_case(policy: dict[str, Any]) -> None:
    new = copy.deepcopy(policy)
    new["platforms"].reverse()
    new["platforms"][0]["name"] = "TELEGRAM"
    kinds = [(c.kind, c.path) for c in diff_policies(policy, new)]
    assert ("changed", "platforms[0].name") in kinds
    assert len(kinds) == 2  # moved + the name's case


def test_templates_and_escalations_match_by_title_and_topic(policy: dict[str, Any]) -> None:
    new = copy.deepcopy(policy)
    comm = new["communication"]
    comm["templates"].reverse()
    comm["templates"][0]["situation"] = "Any complaint"
    comm["negative"]["escalation"][1]["within_minutes"] = 120
    changes = diff_policies(policy, new)
    paths = {(c.path, c.kind) for c in changes}
    assert ("communication.templates[0].situation", "changed") in paths
    assert ("communication.negative.escalation[1].within_minutes", "added") in paths
    labels = {c.path: c.label for c in changes}
    assert labels["communication.templates[0].situation"] == "Order problem"


def test_plain_lists_are_compared_item_by_item(policy: dict[str, Any]) -> None:
    new = copy.deepcopy(policy)
    new["mission"]["objectives"][1] = "Open a second shop"
    new["content"]["hashtags"].append("#Rye")
    new["communication"]["goals"] = ["sales", "trust"]
    text = format_text(diff_policies(policy, new))
    assert 'mission.objectives[1]: "Fill the Saturday baking classes four weeks ahead" → ' in text
    assert 'content.hashtags[2]: added "#Rye"' in text
    assert "communication.goals[" in text and "moved" in text


def test_a_whole_table_added_or_removed_is_spelled_out(policy: dict[str, Any]) -> None:
    new = copy.deepcopy(policy)
    del new["tools"]
    new["mission"]["principles"] = None
    del new["mission"]["principles"]
    new["extra"] = {"x": 1}
    changes = diff_policies(policy, new)
    tool_paths = [c.path for c in changes if c.section == "tools"]
    assert "tools[0].name" in tool_paths and "tools[0].access" in tool_paths
    removed = next(c for c in changes if c.path == "mission.principles")
    assert removed.kind == "removed"
    assert removed.old == ["Local flour only", "Nothing we would not eat ourselves"]
    assert Change("extra", "extra.x", "added", None, 1) in changes


def test_sections_come_in_file_order_with_revisions_last(policy: dict[str, Any]) -> None:
    new = copy.deepcopy(policy)
    new["revisions"].append({"date": dt.date(2027, 1, 5), "sections": ["content"]})
    new["document"]["version"] = "1.2"
    new["content"]["hashtags"] = []
    new["zzz"] = 1
    new["schema_version"] = 2
    sections = list(dict.fromkeys(c.section for c in diff_policies(policy, new)))
    assert sections == ["schema_version", "document", "content", "zzz", "revisions"]
    text = format_text(diff_policies(policy, new))
    assert text.index("[content]") < text.index("[revisions]")
    assert "revisions[1].date: added 2027-01-05" in text


def test_revisions_inserted_at_the_front_are_matched_by_content(
    policy: dict[str, Any],
) -> None:
    new = copy.deepcopy(policy)
    new["revisions"].insert(0, {"date": dt.date(2027, 1, 5), "sections": ["content"]})
    paths = [c.path for c in diff_policies(policy, new)]
    assert paths == ["revisions[0].date", "revisions[0].sections"]


def test_render_value_writes_toml_literals() -> None:
    assert render_value('a\nb "q"') == '"a\\nb \\"q\\""'
    assert render_value(True) == "true"
    assert render_value(dt.date(2026, 1, 2)) == "2026-01-02"
    assert render_value(["a", 1]) == '["a", 1]'
    assert render_value({"a b": 1, "c": "d"}) == '{ "a b" = 1, c = "d" }'
    assert render_value(float("inf")) == "inf"
    assert render_value("Кав'ярня «Зерно»") == '"Кав\'ярня «Зерно»"'


@pytest.mark.parametrize(
    "value",
    ["line\nbreak\r\ttab", 'quote " and \\', "bell \x07 del \x7f", ["a\nb", {"k": "c\nd"}]],
)
def test_render_value_stays_on_one_line_and_reads_back_as_toml(value: object) -> None:
    text = render_value(value)
    assert "\n" not in text
    assert tomllib.loads(f"v = {text}")["v"] == value


def test_markdown_is_a_table_per_section_and_keeps_the_author_text_literal(
    policy: dict[str, Any],
) -> None:
    new = copy.deepcopy(policy)
    new["platforms"][0]["purpose"] = "a | b `c` <script>x</script>"
    new["platforms"][0]["name"] = "# Insta | gram"
    new["document"]["version"] = "2"
    md = format_markdown(diff_policies(policy, new), "old.toml", "new.toml")
    html = MarkdownIt("commonmark", {"html": False}).enable("table").render(md)
    assert html.count("<table>") == 2
    assert "<script>" not in html
    assert "a | b `c` &lt;script&gt;x&lt;/script&gt;" in html
    assert "# Insta | gram" in html
    # every row of the platforms table has five cells
    platforms = html.split("<h2>platforms</h2>")[1]
    for row in platforms.split("<tr>")[2:]:
        assert row.count("<td>") == 5, row


def test_markdown_of_no_changes_says_so() -> None:
    assert "No differences." in format_markdown([], "a.toml", "b.toml")


_values = st.recursive(
    st.one_of(st.sampled_from(["", "a", "b"]), st.integers(0, 2), st.booleans()),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["name", "a"]), inner, max_size=2)
    ),
    max_leaves=8,
)
_policies = st.dictionaries(st.sampled_from(["document", "platforms", "x"]), _values, max_size=3)


def _typed(value: object) -> object:
    """A form in which `1`, `1.0` and `True` differ and key order does not count."""
    if isinstance(value, dict):
        return ("table", sorted((k, _typed(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("array", [_typed(v) for v in value])
    return (type(value).__name__, value)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_policies, _policies)
def test_there_are_changes_exactly_when_the_data_differs(
    old: dict[str, Any], new: dict[str, Any]
) -> None:
    changes = diff_policies(old, new)
    assert (changes == []) == (_typed(old) == _typed(new))
    assert all(c.section in old or c.section in new for c in changes)
    assert diff_policies(new, new) == []
