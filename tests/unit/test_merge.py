"""The three-way merge of policies: data key by key, their text with our changes, comments
of both sides, conflicts with markers."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from exports.merge import (
    ABSENT,
    NO_BASE,
    OURS_MARKER,
    SEPARATOR,
    THEIRS_MARKER,
    Version,
    conflict_lines,
    merge,
    merge_data,
    merge_sequence,
)
from exports.rewrite import update_text
from exports.values import same

ROOT = Path(__file__).parents[2]
COMMENTED = (ROOT / "tests" / "fixtures" / "preserve" / "02-comments-everywhere.toml").read_text(
    encoding="utf-8"
)


def version(text: str) -> Version:
    newline = "\r\n" if "\r\n" in text else "\n"
    return Version(tomllib.loads(text), text, newline)


def edit(text: str, *replacements: tuple[str, str]) -> str:
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


PLATFORMS = [
    {"name": "Instagram", "url": "https://instagram.com/a", "status": "active"},
    {"name": "Telegram", "url": "https://t.me/a", "status": "planned"},
    {"name": "Facebook", "url": "https://facebook.com/a", "status": "paused"},
]


def policy(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema_version": 1,
        "document": {"company": "Acme", "version": "1.0"},
        "platforms": [dict(p) for p in PLATFORMS],
        "content": {"hashtags": ["#a", "#b", "#c"]},
    }
    data.update(changes)
    return data


# -- data, key by key ----------------------------------------------------------------------


def test_a_change_on_one_side_is_taken() -> None:
    base = policy()
    ours = policy(document={"company": "Acme Ltd", "version": "1.0"})
    theirs = policy(document={"company": "Acme", "version": "1.1"})
    merged = merge_data(base, ours, theirs)
    assert merged.conflicts == []
    assert merged.data["document"] == {"company": "Acme Ltd", "version": "1.1"}


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    base = policy()
    both = policy(document={"company": "Acme Ltd", "version": "1.0"})
    merged = merge_data(base, both, policy(document={"company": "Acme Ltd", "version": "1.0"}))
    assert merged.conflicts == [] and same(merged.data, both)


def test_the_same_key_changed_differently_is_a_conflict() -> None:
    base = policy()
    ours = policy(document={"company": "Acme Ltd", "version": "1.0"})
    theirs = policy(document={"company": "Acme Inc", "version": "1.0"})
    merged = merge_data(base, ours, theirs)
    [conflict] = merged.conflicts
    assert conflict.path == ("document", "company") and conflict.kind == "changed"
    assert (conflict.base, conflict.ours, conflict.theirs) == ("Acme", "Acme Ltd", "Acme Inc")
    assert merged.data["document"]["company"] == "Acme Inc"  # theirs until chosen
    chosen = merge_data(base, ours, theirs, {conflict.key: "ours"})
    assert chosen.data["document"]["company"] == "Acme Ltd"


def test_one_is_not_one_point_oh() -> None:
    base = {"a": 1}
    merged = merge_data(base, {"a": 1.0}, {"a": True})
    assert [c.path for c in merged.conflicts] == [("a",)]


def test_a_key_removed_on_one_side_and_changed_on_the_other_is_a_conflict() -> None:
    base = policy()
    ours = policy(document={"company": "Acme"})
    theirs = policy(document={"company": "Acme", "version": "2.0"})
    [conflict] = merge_data(base, ours, theirs).conflicts
    assert conflict.kind == "removed" and conflict.ours is ABSENT and conflict.theirs == "2.0"
    ours_wins = merge_data(base, ours, theirs, {conflict.key: "ours"})
    assert "version" not in ours_wins.data["document"]


def test_an_entry_removed_on_one_side_and_changed_on_the_other_is_a_conflict() -> None:
    base = policy()
    ours = policy(platforms=[PLATFORMS[0], PLATFORMS[2]])
    changed = [dict(p) for p in PLATFORMS]
    changed[1]["status"] = "active"
    theirs = policy(platforms=changed)
    merged = merge_data(base, ours, theirs)
    [conflict] = merged.conflicts
    assert conflict.kind == "removed" and conflict.label == "Telegram"
    assert conflict.ours is ABSENT and conflict.theirs == changed[1]
    assert [p["name"] for p in merged.data["platforms"]] == ["Instagram", "Telegram", "Facebook"]
    removed = merge_data(base, ours, theirs, {conflict.key: "ours"})
    assert [p["name"] for p in removed.data["platforms"]] == ["Instagram", "Facebook"]


def test_an_entry_removed_on_one_side_and_left_alone_on_the_other_goes() -> None:
    merged = merge_data(policy(), policy(platforms=PLATFORMS[1:]), policy())
    assert merged.conflicts == []
    assert [p["name"] for p in merged.data["platforms"]] == ["Telegram", "Facebook"]


def test_entries_are_matched_by_name_not_by_place() -> None:
    ours = [dict(p) for p in PLATFORMS]
    ours[2]["status"] = "active"  # Facebook
    theirs = [dict(PLATFORMS[2]), dict(PLATFORMS[0]), dict(PLATFORMS[1])]  # reordered
    theirs[1]["url"] = "https://instagram.com/b"
    merged = merge_data(policy(), policy(platforms=ours), policy(platforms=theirs))
    assert merged.conflicts == []
    assert merged.data["platforms"] == [
        {**PLATFORMS[2], "status": "active"},
        {**PLATFORMS[0], "url": "https://instagram.com/b"},
        PLATFORMS[1],
    ]


def test_entries_added_on_both_sides_are_kept_theirs_first() -> None:
    ours = policy(platforms=[*PLATFORMS, {"name": "TikTok"}])
    theirs = policy(platforms=[*PLATFORMS, {"name": "Viber"}])
    merged = merge_data(policy(), ours, theirs)
    assert merged.conflicts == []
    names = [p["name"] for p in merged.data["platforms"]]
    assert names == ["Instagram", "Telegram", "Facebook", "Viber", "TikTok"]


def test_an_entry_added_after_another_goes_after_it() -> None:
    ours = policy(platforms=[PLATFORMS[0], {"name": "TikTok"}, *PLATFORMS[1:]])
    theirs = policy(platforms=[*PLATFORMS, {"name": "Viber"}])
    names = [p["name"] for p in merge_data(policy(), ours, theirs).data["platforms"]]
    assert names == ["Instagram", "TikTok", "Telegram", "Facebook", "Viber"]


def test_the_same_entry_added_on_both_sides_differently_conflicts_key_by_key() -> None:
    ours = policy(platforms=[*PLATFORMS, {"name": "TikTok", "status": "active"}])
    theirs = policy(platforms=[*PLATFORMS, {"name": "tiktok", "status": "planned", "owner": "Jo"}])
    merged = merge_data(policy(), ours, theirs)
    assert sorted(c.path[-1] for c in merged.conflicts) == ["name", "status"]
    assert merged.data["platforms"][3]["owner"] == "Jo"


def test_one_side_reordering_and_the_other_editing_keeps_both() -> None:
    ours = policy(platforms=list(reversed(PLATFORMS)))
    theirs = [dict(p) for p in PLATFORMS]
    theirs[0]["status"] = "paused"
    merged = merge_data(policy(), ours, policy(platforms=theirs))
    assert merged.conflicts == []
    names = [(p["name"], p["status"]) for p in merged.data["platforms"]]
    assert names == [("Facebook", "paused"), ("Telegram", "planned"), ("Instagram", "paused")]


def test_both_reordering_differently_is_a_conflict_of_order() -> None:
    ours = policy(platforms=[PLATFORMS[1], PLATFORMS[0], PLATFORMS[2]])
    theirs = policy(platforms=[PLATFORMS[2], PLATFORMS[1], PLATFORMS[0]])
    merged = merge_data(policy(), ours, theirs)
    [conflict] = merged.conflicts
    assert conflict.kind == "order" and conflict.path == ("platforms",)
    assert conflict.ours == ["Telegram", "Instagram", "Facebook"]
    assert conflict.theirs == ["Facebook", "Telegram", "Instagram"]
    chosen = merge_data(policy(), ours, theirs, {conflict.key: "ours"})
    assert chosen.data["platforms"] == ours["platforms"]


def test_lists_of_values_take_both_sides_changes_to_different_items() -> None:
    assert merge_sequence(["#a", "#b", "#c"], ["#a", "#c"], ["#a", "#b", "#c", "#d"]) == [
        "#a",
        "#c",
        "#d",
    ]
    assert merge_sequence(["#a"], ["#a", "#o"], ["#a", "#t"]) == ["#a", "#t", "#o"]
    assert merge_sequence(["#a"], ["#a", "#x"], ["#a", "#x"]) == ["#a", "#x"]
    assert merge_sequence(["#a", "#b"], ["#a", "#o"], ["#a", "#t"]) is None
    merged = merge_data(
        policy(),
        policy(content={"hashtags": ["#a", "#b", "#c", "#ours"]}),
        policy(content={"hashtags": ["#theirs", "#a", "#b", "#c"]}),
    )
    assert merged.data["content"]["hashtags"] == ["#theirs", "#a", "#b", "#c", "#ours"]
    clash = merge_data(
        policy(),
        policy(content={"hashtags": ["#a", "#x", "#c"]}),
        policy(content={"hashtags": ["#a", "#y", "#c"]}),
    )
    assert [c.path for c in clash.conflicts] == [("content", "hashtags")]


def test_without_a_base_every_difference_is_a_conflict_unless_both_agree() -> None:
    ours = policy(document={"company": "Acme", "version": "2.0"})
    theirs = policy(document={"company": "Acme", "title": "Policy"})
    theirs["platforms"] = [*PLATFORMS, {"name": "Viber"}]
    merged = merge_data(None, ours, theirs)
    found = {(c.path, c.kind) for c in merged.conflicts}
    assert found == {
        (("document", "version"), "added"),
        (("document", "title"), "added"),
        (("platforms", 3), "added"),
    }
    assert all(c.base is NO_BASE for c in merged.conflicts)
    assert merge_data(None, policy(), policy()).conflicts == []


# -- the text ---------------------------------------------------------------------------


def test_the_result_is_their_text_with_our_changes() -> None:
    ours = edit(COMMENTED, ('company = "Northwind Bakery"', 'company = "Northwind Ltd"'))
    theirs = edit(COMMENTED, ("first_reply_max_minutes = 30", "first_reply_max_minutes = 25"))
    result = merge(version(COMMENTED), version(ours), version(theirs))
    assert result.clean
    expected = edit(theirs, ('company = "Northwind Bakery"', 'company = "Northwind Ltd"'))
    assert result.text == expected


def test_comments_of_both_sides_survive() -> None:
    ours = edit(
        COMMENTED,
        ('company = "Northwind Bakery"', 'company = "Northwind Ltd"   # legal name'),
        ("# Telegram: planned for spring.\n", "# Telegram: planned for spring.\n# ask Olena\n"),
        ('language = "en"\n', 'language = "en"   # ours: English first\n'),
    )
    ours += '\n# Canva: for the posters.\n[[tools]]\nname = "Canva"   # design\n'
    theirs = edit(
        COMMENTED,
        ("first_reply_max_minutes = 30", "first_reply_max_minutes = 25  # hand"),
        ('[[tools]]\nname = "Buffer"\n', '[[tools]]\nname = "Buffer"\n# theirs: paid plan\n'),
        (
            '# Facebook: paused, kept for the reviews.\n[[platforms]]\nname = "Facebook"\n'
            'status = "paused"\n\n',
            "",
        ),
    )
    result = merge(version(COMMENTED), version(ours), version(theirs))
    assert result.clean
    text = result.text
    for line in [
        'company = "Northwind Ltd"   # legal name',
        "# ask Olena",
        'language = "en"   # ours: English first',
        "first_reply_max_minutes = 25  # hand",
        "# theirs: paid plan",
        "# === 2. Platforms ===",
        "# Values: keep them short.",
        "# end of file comment",
    ]:
        assert line + "\n" in text, line
    assert "Facebook" not in text
    assert '# Canva: for the posters.\n[[tools]]\nname = "Canva"   # design\n' in text
    assert text.index('name = "Canva"') < text.index("[communication]")
    assert same(tomllib.loads(text), result.data)


def test_a_comment_changed_on_both_sides_keeps_both() -> None:
    ours = edit(COMMENTED, ("# Answer fast.\n", "# Answer fast, ours.\n"))
    theirs = edit(COMMENTED, ("# Answer fast.\n", "# Answer fast, theirs.\n"))
    text = merge(version(COMMENTED), version(ours), version(theirs)).text
    assert "# Answer fast, theirs.\n# Answer fast, ours.\n[communication.response_time]" in text


def test_a_comment_we_removed_goes() -> None:
    ours = edit(COMMENTED, ("# Answer fast.\n", ""))
    theirs = edit(COMMENTED, ("first_reply_max_minutes = 30", "first_reply_max_minutes = 25"))
    text = merge(version(COMMENTED), version(ours), version(theirs)).text
    assert "Answer fast" not in text and "first_reply_max_minutes = 25" in text


def test_a_value_we_changed_keeps_our_spelling_and_inner_comments() -> None:
    ours = edit(
        COMMENTED,
        (
            '  "Fill the Saturday classes",\n',
            '  "Fill the Saturday classes",\n  # new:\n  "Bake",\n',
        ),
    )
    theirs = edit(COMMENTED, ('style = "conversational"', 'style = "friendly"'))
    text = merge(version(COMMENTED), version(ours), version(theirs)).text
    assert '  "Fill the Saturday classes",\n  # new:\n  "Bake",\n' in text
    assert 'style = "friendly"' in text


def test_the_comment_introducing_a_list_stays_when_a_side_removes_the_first_entry() -> None:
    base = edit(COMMENTED, ("# Instagram: the main channel.\n", "# Our channels.\n"))
    data = tomllib.loads(base)
    data["platforms"].pop(0)
    ours = update_text(base, tomllib.loads(base), data, "\n")  # as the wizard saves it
    assert "# Our channels.\n# Owned by the SMM manager since 2025.\n\n# Telegram" in ours
    theirs = edit(base, ('status = "paused"', 'status = "active"'))
    result = merge(version(base), version(ours), version(theirs))
    assert result.clean
    assert "# Our channels.\n# Owned by the SMM manager since 2025.\n\n# Telegram" in result.text
    assert "Instagram" not in result.text and 'status = "active"' in result.text


def test_one_side_unchanged_gives_the_other_byte_for_byte() -> None:
    ours = edit(COMMENTED, ('company = "Northwind Bakery"', "company = 'Northwind'  # mine"))
    assert merge(version(COMMENTED), version(ours), version(COMMENTED)).text == ours
    assert merge(version(COMMENTED), version(COMMENTED), version(ours)).text == ours


def test_crlf_stays_their_newline() -> None:
    theirs = edit(COMMENTED, ("style = ", 'voice = "warm"\nstyle = ')).replace("\n", "\r\n")
    ours = edit(COMMENTED, ("# Answer fast.\n", "# Answer fast!\n# really\n"))
    text = merge(version(COMMENTED), version(ours), version(theirs)).text
    assert "# Answer fast!\r\n# really\r\n" in text
    assert text.replace("\r\n", "").count("\n") == 0


def test_the_wizard_merges_data_into_their_text() -> None:
    """The wizard's side is data only: their text keeps its comments, our values go in."""
    data = tomllib.loads(COMMENTED)
    data["document"]["company"] = "Mine"
    theirs = edit(COMMENTED, ("effective_on = 2026-12-01", "effective_on = 2027-01-01  # moved"))
    result = merge(version(COMMENTED), Version(data), version(theirs))
    assert result.text == edit(theirs, ('company = "Northwind Bakery"', 'company = "Mine"'))


# -- conflicts in the text -------------------------------------------------------------------


def test_a_conflict_is_written_between_markers_around_the_lines_that_differ() -> None:
    ours = edit(COMMENTED, ("first_reply_max_minutes = 30", "first_reply_max_minutes = 25  # me"))
    theirs = edit(COMMENTED, ("first_reply_max_minutes = 30", "first_reply_max_minutes = 20"))
    result = merge(version(COMMENTED), version(ours), version(theirs))
    assert not result.clean
    block = (
        f"{OURS_MARKER}\nfirst_reply_max_minutes = 25  # me\n{SEPARATOR}\n"
        f"first_reply_max_minutes = 20\n{THEIRS_MARKER}\n"
    )
    assert block in result.text
    [located] = result.located
    assert located.conflict.path == ("communication", "response_time", "first_reply_max_minutes")
    lines = result.text.splitlines()
    assert lines[located.line - 1][located.column - 1 :].startswith("25")
    assert list(conflict_lines(result.text)) == [located.line - 1]
    outside = result.text.replace(block, "first_reply_max_minutes = 20\n")
    assert outside == theirs


def test_a_removed_entry_in_conflict_shows_the_whole_entry() -> None:
    ours = edit(
        COMMENTED, ('name = "Telegram"\nstatus = "planned"', 'name = "Telegram"\nstatus = "active"')
    )
    theirs = edit(
        COMMENTED,
        (
            '# Telegram: planned for spring.\n[[platforms]]\nname = "Telegram"\n'
            'status = "planned"\n\n',
            "",
        ),
    )
    result = merge(version(COMMENTED), version(ours), version(theirs))
    assert (
        f'{OURS_MARKER}\n# Telegram: planned for spring.\n[[platforms]]\nname = "Telegram"\n'
        f'status = "active"\n\n{SEPARATOR}\n{THEIRS_MARKER}\n# Facebook' in result.text
    )


def test_chosen_conflicts_give_a_clean_text() -> None:
    ours = edit(COMMENTED, ("first_reply_max_minutes = 30", "first_reply_max_minutes = 25"))
    theirs = edit(COMMENTED, ("first_reply_max_minutes = 30", "first_reply_max_minutes = 20"))
    first = merge(version(COMMENTED), version(ours), version(theirs))
    key = first.conflicts[0].key
    for side, value in (("ours", 25), ("theirs", 20)):
        result = merge(version(COMMENTED), version(ours), version(theirs), {key: side})  # type: ignore[dict-item]
        assert OURS_MARKER not in result.text
        assert (
            tomllib.loads(result.text)["communication"]["response_time"]["first_reply_max_minutes"]
            == value
        )


@pytest.mark.parametrize("text", [COMMENTED, COMMENTED.replace("\n", "\r\n")])
def test_merging_a_file_with_itself_changes_nothing(text: str) -> None:
    result = merge(version(text), version(text), version(text))
    assert result.clean and result.text == text
