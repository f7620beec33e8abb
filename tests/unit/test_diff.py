"""exports.diff: differences between two policies by section and key."""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from exports import diff as diff_module
from exports.diff import Change, diff_policies, format_markdown, format_text, render_value

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "fixtures" / "rules" / "example-policy.toml"
"""The complete example of format version 1."""
EXAMPLE_V2 = ROOT / "wizard" / "data" / "example-policy.toml"
"""The built-in example, of format version 2."""


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


# --- at scale: the same answers, and no comparison of every entry with every other -------


def _distinct_platforms(count: int, suffix: str = "") -> list[dict[str, Any]]:
    """Platforms that share only their status and two-factor setting (so no two of them
    are alike), named "Platform i" + suffix."""
    return [
        {
            "name": f"Platform {i}{suffix}",
            "status": "active",
            "url": f"https://example.com/{i}",
            "purpose": f"Purpose {i}",
            "audience": f"Audience {i}",
            "frequency": f"{i} posts a week",
            "owner": f"Owner {i}",
            "two_factor": True,
        }
        for i in range(count)
    ]


def test_every_entry_renamed_at_scale_is_a_changed_name_at_its_place(
    policy: dict[str, Any],
) -> None:
    count = 3000
    old = copy.deepcopy(policy)
    old["platforms"] = _distinct_platforms(count)
    new = copy.deepcopy(policy)
    new["platforms"] = _distinct_platforms(count, " renamed")
    gone = new["platforms"].pop(100)  # one removed in the middle
    viber = {"name": "Viber", "status": "planned", "url": "https://viber.example"}
    new["platforms"].append(viber)  # one added at the end, like none of the others
    expected = [
        Change(
            "platforms",
            f"platforms[{j}].name",
            "changed",
            f"Platform {i}",
            f"Platform {i} renamed",
            f"Platform {i} renamed",
        )
        for j, i in enumerate(i for i in range(count) if i != 100)
    ]
    removed = [
        Change("platforms", f"platforms[100].{key}", "removed", value, None, "Platform 100")
        for key, value in old["platforms"][100].items()
    ]
    added = [
        Change("platforms", f"platforms[{count - 1}].{key}", "added", None, value, "Viber")
        for key, value in viber.items()
    ]
    assert gone["name"] == "Platform 100 renamed"
    assert diff_policies(old, new) == removed + expected + added


def test_an_entry_moved_in_a_long_list_is_the_only_change(policy: dict[str, Any]) -> None:
    old = copy.deepcopy(policy)
    old["platforms"] = _distinct_platforms(5000)
    new = copy.deepcopy(old)
    new["platforms"].append(new["platforms"].pop(0))
    assert diff_policies(old, new) == [
        Change("platforms", "platforms[4999]", "moved", 0, 4999, "Platform 0")
    ]


def test_matching_renamed_entries_compares_each_a_bounded_number_of_times(
    policy: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every `same` of every pair would be count² calls; the matching makes a few per entry."""
    calls = 0
    real_same = diff_module.same

    def counting(a: object, b: object) -> bool:
        nonlocal calls
        calls += 1
        return real_same(a, b)

    monkeypatch.setattr(diff_module, "same", counting)
    count = 2000
    old = copy.deepcopy(policy)
    old["platforms"] = _distinct_platforms(count)
    new = copy.deepcopy(policy)
    new["platforms"] = _distinct_platforms(count, " renamed")
    changes = diff_policies(old, new)
    assert len(changes) == count
    assert calls <= 20 * count


def test_entries_built_to_defeat_the_matching_are_looked_at_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Named tables that all share one value but are never alike: each new entry looks at
    no more than LIKENESS_LOOKS of them, and the answer is still every one removed and
    every one added."""
    looks = 0
    real_alike = diff_module._alike_pairs

    def counting(old: Mapping[object, object], new: Mapping[object, object]) -> bool:
        nonlocal looks
        looks += 1
        return real_alike(old, new)

    monkeypatch.setattr(diff_module, "_alike_pairs", counting)
    count = 1000
    old = [{"name": f"o{i}", "status": "active", "a": i, "b": i, "c": i} for i in range(count)]
    new = [{"name": f"n{i}", "status": "active", "d": i} for i in range(count)]
    changes = diff_policies({"platforms": old}, {"platforms": new})
    assert {c.kind for c in changes[: 5 * count]} == {"removed"}
    assert {c.kind for c in changes[5 * count :]} == {"added"}
    assert len(changes) == 8 * count
    assert looks <= (diff_module.LIKENESS_LOOKS + 1) * count


class _CountedList(list[Change]):
    """A list of changes that counts how many times it is read through."""

    reads = 0

    def __iter__(self) -> Iterator[Change]:
        self.reads += 1
        return super().__iter__()


def test_the_text_and_markdown_read_the_changes_once_however_many_sections() -> None:
    old = {f"key{i}": 1 for i in range(300)}
    new = {f"key{i}": 2 for i in range(300)}
    for format_changes in (format_text, lambda c: format_markdown(c, "a", "b")):
        changes = _CountedList(diff_policies(old, new))
        text = format_changes(changes)
        assert "key299" in text
        assert changes.reads <= 2


# --- the matching gives the answers of its plain definition ---------------------------


def _reference_match(old: list[object], new: list[object]) -> list[tuple[int, int]]:
    """`match_entries` as its docstring defines it, comparing every pair (count²)."""
    pairs: list[tuple[int, int]] = []
    free_old = list(range(len(old)))
    free_new = list(range(len(new)))

    def pair(i: int, j: int) -> None:
        pairs.append((i, j))
        free_old.remove(i)
        free_new.remove(j)

    for j in list(free_new):
        ident = diff_module._identity(new[j], diff_module.NAMES)
        if ident is None:
            continue
        found = next(
            (i for i in free_old if diff_module._identity(old[i], diff_module.NAMES) == ident), None
        )
        if found is not None:
            pair(found, j)
    for j in list(free_new):
        equal = next((i for i in free_old if diff_module.same(old[i], new[j])), None)
        if equal is not None:
            pair(equal, j)
    for j in list(free_new):
        alike = next((i for i in free_old if diff_module._alike(old[i], new[j])), None)
        if alike is not None:
            pair(alike, j)
    return sorted(pairs, key=lambda p: p[1])


def _reference_moved(pairs: list[tuple[int, int]]) -> set[int]:
    """`_moved` as its docstring defines it: a longest rising run, the first one found."""
    news = [j for _, j in sorted(pairs)]
    best = [1] * len(news)
    prev = [-1] * len(news)
    for b in range(len(news)):
        for a in range(b):
            if news[a] < news[b] and best[a] + 1 > best[b]:
                best[b], prev[b] = best[a] + 1, a
    kept: set[int] = set()
    if news:
        k = max(range(len(news)), key=best.__getitem__)
        while k != -1:
            kept.add(news[k])
            k = prev[k]
    return {j for j in news if j not in kept}


_small = st.one_of(
    st.sampled_from(["a", "b", "c"]),
    st.sampled_from([0, 1, 1.0, True, float("nan"), dt.date(2026, 1, 1)]),
)
_field = st.recursive(
    _small,
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.sampled_from("xy"), inner),
    max_leaves=4,
)
_entry = st.fixed_dictionaries(
    {},
    optional={
        "name": st.sampled_from(["A", "B", "C", "a", " "]),
        "title": _field,
        "k1": _field,
        "k2": _field,
        "k3": _field,
        "k4": _field,
    },
)
_entries = st.lists(_entry, max_size=12) | st.lists(_small, max_size=12)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_entries, _entries, st.randoms(use_true_random=False))
def test_matching_agrees_with_its_definition(
    old: list[object], new: list[object], random: Any
) -> None:
    # Half the time the new list is the old one shuffled with some entries replaced.
    if random.random() < 0.5:
        new = [e if random.random() < 0.6 else copy.deepcopy(e) for e in old]
        random.shuffle(new)
    pairs = diff_module.match_entries(old, new)
    assert pairs == _reference_match(old, new)
    assert diff_module._moved(pairs) == _reference_moved(pairs)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 40), max_size=30, unique=True), st.randoms(use_true_random=False))
def test_the_entries_kept_in_place_are_the_first_longest_rising_run(
    news: list[int], random: Any
) -> None:
    olds = random.sample(range(100), len(news))
    pairs = list(zip(olds, news, strict=True))
    assert diff_module._moved(pairs) == _reference_moved(pairs)


@settings(max_examples=150, deadline=None)
@given(_field, _field)
def test_fingerprints_are_equal_exactly_when_values_are_the_same(a: object, b: object) -> None:
    assert (diff_module.fingerprint(a) == diff_module.fingerprint(b)) == diff_module.same(a, b)
    assert diff_module.fingerprint(a) == diff_module.fingerprint(copy.deepcopy(a))
