"""Property tests of saving: round trips, stable saves, edits that touch only their key."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import os
import tomllib
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports.rewrite import same, update_text, without_none
from exports.store import PolicySource, parse_policy, render_policy

ROOT = Path(__file__).parents[2]
PRESERVE = ROOT / "tests" / "fixtures" / "preserve"
EXAMPLE = parse_policy(PRESERVE / "01-example.toml", (PRESERVE / "01-example.toml").read_bytes())
COMMENTED = parse_policy(
    PRESERVE / "02-comments-everywhere.toml",
    (PRESERVE / "02-comments-everywhere.toml").read_bytes(),
)

SETTINGS = settings(
    max_examples=int(os.environ.get("PRESENCE_STORE_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
"""60 examples each by default; set PRESENCE_STORE_EXAMPLES for a longer run."""

TRICKY = ['"', '""', '"""', "'''", "\\", "\\n", "\n", "\r\n", "\r", "\t", "#", "=", "[[x]]", "{a}"]
PIECES = st.one_of(
    st.sampled_from(TRICKY),
    st.sampled_from(list("абвгґєіїйя«»—’ЇЄ")),
    st.sampled_from(["🇺🇦", "😀", "👩‍👩‍👧", "\u200d", "\x7f", "\x00", "\x1b"]),
    st.text(max_size=5),
)
TEXT = st.lists(PIECES, max_size=6).map("".join)
SHORT = st.lists(TEXT, max_size=3)
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))
MINUTES = st.integers(min_value=-5, max_value=20000)


def table(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=fields)


def tables(strategy: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[list[Any]]:
    return st.lists(strategy, max_size=3)


POLICIES = st.fixed_dictionaries(
    {"schema_version": st.integers(min_value=0, max_value=1)},
    optional={
        "document": table(
            company=TEXT,
            title=TEXT,
            language=st.sampled_from(["en", "uk", "de"]),
            approved_by=TEXT,
            effective_on=DATES,
            review_by=DATES,
        ),
        "mission": table(
            statement=TEXT,
            objectives=SHORT,
            values=tables(table(name=TEXT, meaning=TEXT)),
            principles=SHORT,
        ),
        "platforms": tables(
            table(name=TEXT, status=TEXT, url=TEXT, two_factor=st.booleans(), owner=TEXT)
        ),
        "communication": table(
            goals=SHORT,
            style=TEXT,
            voice=TEXT,
            response_time=table(first_reply_max_minutes=MINUTES, timezone=TEXT),
            templates=tables(table(title=TEXT, text=TEXT)),
            negative=table(
                approach=TEXT, escalation=tables(table(topic=TEXT, within_minutes=MINUTES))
            ),
        ),
        "content": table(
            hashtags=SHORT, rubrics=tables(table(name=TEXT, platforms=SHORT, hashtags=SHORT))
        ),
        "revisions": tables(table(date=DATES, sections=SHORT, note=TEXT)),
        "zz_unknown": st.one_of(TEXT, MINUTES, table(x=TEXT)),
    },
)


@SETTINGS
@given(POLICIES)
def test_new_file_reads_back_as_the_same_data(policy: dict[str, Any]) -> None:
    text = render_policy(policy)
    assert same(tomllib.loads(text), policy)


@SETTINGS
@given(POLICIES)
def test_save_load_save_is_byte_identical(policy: dict[str, Any]) -> None:
    text = render_policy(policy)
    source = parse_policy(Path("p.toml"), text.encode())
    assert render_policy(copy.deepcopy(source.data), source) == text
    assert update_text(source.text, source.data, copy.deepcopy(source.data), "\n") == text


@SETTINGS
@given(POLICIES, POLICIES, st.booleans())
def test_any_policy_can_become_any_other(
    before: dict[str, Any], after: dict[str, Any], crlf: bool
) -> None:
    text = render_policy(before)
    if crlf:
        text = text.replace("\n", "\r\n")
    source = parse_policy(Path("p.toml"), text.encode())
    result = update_text(source.text, source.data, after, source.newline)
    assert same(tomllib.loads(result), after)
    if crlf:
        assert result.replace("\r\n", "").count("\n") == 0
    again = parse_policy(Path("p.toml"), result.encode())
    assert update_text(again.text, again.data, before, again.newline).replace("\r\n", "\n") == (
        text.replace("\r\n", "\n")
    ) or same(tomllib.loads(update_text(again.text, again.data, before, again.newline)), before)


def _leaves(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, (*path, key))]
    if isinstance(value, list):
        return [leaf for index, item in enumerate(value) for leaf in _leaves(item, (*path, index))]
    return [path]


EXAMPLE_LEAVES = _leaves(EXAMPLE.data)


def _get(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


@SETTINGS
@given(st.sampled_from(EXAMPLE_LEAVES), st.data())
def test_editing_one_key_of_the_example_touches_only_its_lines(
    leaf: tuple[str | int, ...], draw: st.DataObject
) -> None:
    old_value = _get(EXAMPLE.data, leaf)
    strategy: st.SearchStrategy[Any]
    if isinstance(old_value, bool):
        strategy = st.booleans()
    elif isinstance(old_value, int):
        strategy = st.integers(min_value=1, max_value=10080)
    elif isinstance(old_value, dt.date):
        strategy = DATES
    else:
        strategy = TEXT
    new_value = draw.draw(strategy)
    data = copy.deepcopy(EXAMPLE.data)
    _get(data, leaf[:-1])[leaf[-1]] = new_value
    text = update_text(EXAMPLE.text, EXAMPLE.data, data, "\n")
    assert same(tomllib.loads(text), data)

    entry = EXAMPLE.positions.get(leaf)
    assert entry is not None
    first = EXAMPLE.positions.line_of(entry.key_expr_start) - 1
    last = EXAMPLE.positions.line_of(entry.value_end)
    old_lines, new_lines = EXAMPLE.text.splitlines(True), text.splitlines(True)
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag != "equal":
            assert first <= i1 and i2 <= last, (leaf, new_value)
    assert old_lines[:first] == new_lines[:first]
    assert old_lines[last:] == new_lines[len(new_lines) - (len(old_lines) - last) :]


COMMENTS = {
    "Instagram": "# Owned by the SMM manager since 2025.",
    "Telegram": "# Telegram: planned for spring.",
    "Facebook": "# Facebook: paused, kept for the reviews.",
}


@SETTINGS
@given(
    st.permutations(range(3)),
    st.integers(min_value=0, max_value=3),
    st.lists(st.sampled_from(["TikTok", "X", "Threads"]), max_size=2),
    st.booleans(),
)
def test_platform_comments_follow_their_entries(
    order: list[int], keep: int, added: list[str], edit: bool
) -> None:
    platforms = [COMMENTED.data["platforms"][index] for index in order][:keep]
    platforms = copy.deepcopy(platforms) + [{"name": name} for name in added]
    if edit and platforms:
        platforms[0]["owner"] = "Somebody else"
    data = copy.deepcopy(COMMENTED.data)
    data["platforms"] = platforms
    text = update_text(COMMENTED.text, COMMENTED.data, without_none(data), "\n")
    assert same(tomllib.loads(text), data)
    lines = text.splitlines()
    for name, comment in COMMENTS.items():
        present = any(p.get("name") == name for p in platforms)
        assert (comment in lines) == present
        if present:
            at = lines.index(f'name = "{name}"')
            assert lines[at - 2 : at] == [comment, "[[platforms]]"]
    assert "# === 3. Tools ===" in lines


@SETTINGS
@given(
    st.permutations(range(2)),
    st.integers(min_value=1, max_value=2),
    st.lists(st.sampled_from(["Courage", "Care"]), max_size=2, unique=True),
)
def test_the_comment_introducing_a_list_stays_above_its_first_entry(
    order: list[int], keep: int, added: list[str]
) -> None:
    values = [COMMENTED.data["mission"]["values"][index] for index in order][:keep]
    data = copy.deepcopy(COMMENTED.data)
    data["mission"]["values"] = copy.deepcopy(values) + [{"name": name} for name in added]
    text = update_text(COMMENTED.text, COMMENTED.data, data, "\n")
    assert same(tomllib.loads(text), data)
    lines = text.splitlines()
    first = lines.index("[[mission.values]]")
    intro = lines.index("# Values: keep them short.")
    assert intro < first and all(not line.startswith("[") for line in lines[intro:first])
    has_warmth = any(value.get("name") == "Warmth" for value in data["mission"]["values"])
    assert ("# Warmth came from the staff survey." in lines) == has_warmth


CORPUS = [parse_policy(path, path.read_bytes()) for path in sorted(PRESERVE.glob("*.toml"))]


@SETTINGS
@given(st.sampled_from(CORPUS), POLICIES, st.booleans())
def test_hand_edited_files_can_become_any_policy(
    source: PolicySource, after: dict[str, Any], keep_some: bool
) -> None:
    if keep_some:  # most saves change a little: keep most of the file's own data
        after = {**copy.deepcopy(source.data), **{k: v for k, v in after.items() if k < "m"}}
    result = update_text(source.text, source.data, after, source.newline)
    assert same(tomllib.loads(result), after)
    if source.newline == "\r\n":
        assert result.replace("\r\n", "").count("\n") == 0
