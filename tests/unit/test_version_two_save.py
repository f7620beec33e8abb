"""A policy of format version 1 edited and saved: byte for byte the same when unchanged,
`schema_version = 2` written in place only when a key of version 2 is added (and the
change summary says so); an optional section included with nothing in it stays, as a
bare `[legal]`; recording an acknowledgement amends nothing."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exports.store import parse_policy, render_policy, save_policy
from exports.tomlrender import render_new_policy
from schemas import check_policy
from schemas.sections import OPTIONAL_SECTIONS, TOP_LEVEL_ORDER
from schemas.versions import needed_version
from wizard.core import revisions, service
from wizard.core.revisions import SessionRevision
from wizard.core.state import PolicyState

ROOT = Path(__file__).resolve().parents[2]
PRESERVE = sorted((ROOT / "tests" / "fixtures" / "preserve").glob("*.toml"))
V1_EXAMPLE = ROOT / "tests" / "fixtures" / "rules" / "example-policy.toml"


def opened(path: Path) -> tuple[PolicyState, Any]:
    source = parse_policy(path, path.read_bytes())
    return PolicyState(source.data, path=path, source=source), source


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.mark.parametrize("path", PRESERVE, ids=lambda p: p.name)
def test_a_version_1_file_saved_unchanged_is_byte_identical(path: Path, tmp_path: Path) -> None:
    state, source = opened(path)
    state.set("document.company", "Another")
    state.revert("document.company")
    assert state.data["schema_version"] == 1
    target = tmp_path / path.name
    target.write_bytes(path.read_bytes())
    save_policy(target, state.data, source)
    assert target.read_bytes() == path.read_bytes()


@pytest.mark.parametrize("path", PRESERVE, ids=lambda p: p.name)
def test_a_version_1_key_changed_keeps_version_1(path: Path) -> None:
    state, source = opened(path)
    state.set("document.contact", "someone@northwind.example")
    assert state.data["schema_version"] == 1
    text = render_policy(state.data, source)
    assert tomllib.loads(text)["schema_version"] == 1
    assert not any("schema_version" in line for line in changed_lines(source.text, text))


@pytest.mark.parametrize("path", PRESERVE, ids=lambda p: p.name)
def test_a_version_2_key_added_writes_version_2_in_place(path: Path) -> None:
    state, source = opened(path)
    state.include("legal")
    assert state.data["schema_version"] == 2
    text = render_policy(state.data, source)
    lines = changed_lines(source.text, text)
    old_line = next(line for line in source.text.splitlines() if "schema_version" in line)
    assert f"-{old_line}" in lines
    assert f"+{old_line.replace('1', '2', 1)}" in lines  # the same line, its comment kept
    assert "+[legal]" in lines
    data = tomllib.loads(text)
    assert data["schema_version"] == 2 and data["legal"] == {}
    assert [p for p in check_policy(data) if p.code == "needs_version_2"] == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("document.scope", "Staff and agencies"),
        ("document.approved_on", dt.date(2026, 11, 28)),
        ("platforms[0].admins", ["SMM manager", "Jane Doe"]),
        ("platforms[0].account_email", "social@northwind.example"),
        ("communication.traits", [{"is": "Warm", "is_not": "Familiar"}]),
        ("content.rubrics[0].time", dt.time(10)),
        ("acknowledgements", [{"name": "Oksana", "date": dt.date(2026, 12, 1)}]),
        ("security.password_manager", "Bitwarden"),
    ],
)
def test_every_kind_of_version_2_key_raises_the_version(path: str, value: Any) -> None:
    state, source = opened(V1_EXAMPLE)
    state.set(path, value)
    assert state.data["schema_version"] == 2
    text = render_policy(state.data, source)
    assert "schema_version = 2\n" in text
    assert "schema_version = 1" not in text


def test_a_version_2_key_added_then_removed_leaves_the_file_as_it_was() -> None:
    state, source = opened(V1_EXAMPLE)
    state.set("document.scope", "Staff")
    state.include("crisis")
    state.set("crisis.first_steps", ["Pause posts"])
    assert state.data["schema_version"] == 2
    state.set("document.scope", "")
    state.leave_out("crisis")
    assert state.data["schema_version"] == 1
    assert not state.is_dirty
    assert render_policy(state.data, source) == source.text


def test_a_version_2_file_is_never_downgraded(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(V1_EXAMPLE.read_text().replace("schema_version = 1", "schema_version = 2"))
    state, source = opened(path)
    state.include("legal")
    state.leave_out("legal")
    state.set("document.contact", "x@northwind.example")
    assert state.data["schema_version"] == 2
    assert "schema_version = 2\n" in render_policy(state.data, source)


def test_the_change_summary_says_the_version_changes() -> None:
    state, _ = opened(V1_EXAMPLE)
    state.include("legal")
    summary = revisions.summary(state.saved, state.data)
    (change,) = summary["schema_version"]
    assert (change.path, change.kind, change.old, change.new) == ("schema_version", "changed", 1, 2)
    assert [c.path for c in summary["legal"]] == ["legal"]


# --- an included section with nothing in it ------------------------------------------


@pytest.mark.parametrize("section", OPTIONAL_SECTIONS)
def test_an_included_section_emptied_stays_as_its_bare_header(section: str) -> None:
    state, source = opened(V1_EXAMPLE)
    state.include(section)
    key = {
        "security": "recovery_contact",
        "roles": "without_approval",
        "crisis": "first_steps",
        "legal": "ad_label",
        "accessibility": "notes",
        "results": "report_to",
    }[section]
    value: Any = ["x"] if key in ("without_approval", "first_steps") else "x"
    state.set(f"{section}.{key}", value)
    state.set(f"{section}.{key}", None)
    assert state.data[section] == {}
    assert state.is_included(section)
    text = render_policy(state.data, source)
    assert f"\n[{section}]\n" in text
    assert tomllib.loads(text)[section] == {}
    assert [p.path for p in check_policy(tomllib.loads(text)) if p.level == "missing"]


def test_the_last_entry_of_a_list_removed_keeps_the_section() -> None:
    state, source = opened(V1_EXAMPLE)
    state.append("roles.people", {"name": "Oksana", "role": "SMM manager"})
    assert state.is_included("roles")
    state.remove("roles.people", 0)
    assert state.data["roles"] == {}
    assert "\n[roles]\n" in render_policy(state.data, source)


def test_setting_an_empty_table_includes_a_section_and_nothing_else() -> None:
    state, _ = opened(V1_EXAMPLE)
    assert state.set("legal", {}) is True
    assert state.set("legal", {}) is False
    assert state.include("legal") is False
    assert state.set("document", {}) is True  # a table of version 1: empty means absent
    assert "document" not in state.data
    assert state.leave_out("legal") is True
    assert "legal" not in state.data
    with pytest.raises(ValueError, match="not an optional section"):
        state.include("document")


def test_a_section_emptied_in_the_file_keeps_its_header_on_save(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        V1_EXAMPLE.read_text().replace("schema_version = 1", "schema_version = 2")
        + '\n[legal]\nad_label = "#ad"   # how ads are labelled\n'
    )
    state, source = opened(path)
    state.set("legal.ad_label", "")
    text = render_policy(state.data, source)
    assert text.endswith("\n[legal]\n")
    assert tomllib.loads(text)["legal"] == {}


def test_a_new_policy_is_written_in_the_order_of_the_format() -> None:
    data: dict[str, Any] = {key: {} for key in reversed(OPTIONAL_SECTIONS)}
    data["acknowledgements"] = [{"name": "Oksana", "date": dt.date(2026, 12, 1)}]
    data["revisions"] = [{"date": dt.date(2026, 12, 1), "sections": ["legal"]}]
    data["content"] = {"hashtags": ["#bread"]}
    data["document"] = {"company": "Northwind"}
    data["schema_version"] = 2
    text = render_new_policy(data)
    assert list(tomllib.loads(text)) == [key for key in TOP_LEVEL_ORDER if key in data]
    headers = [line for line in text.splitlines() if line.startswith("[")]
    assert headers == [
        "[document]",
        "[content]",
        "[security]",
        "[roles]",
        "[crisis]",
        "[legal]",
        "[accessibility]",
        "[results]",
        "[[revisions]]",
        "[[acknowledgements]]",
    ]


OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["include", "leave_out", "set", "clear"]),
        st.sampled_from(OPTIONAL_SECTIONS),
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(OPERATIONS)
def test_any_edit_of_the_sections_keeps_the_version_and_reads_back(
    operations: list[tuple[str, str]],
) -> None:
    """Whatever is included, filled in, emptied and left out: the version is 2 exactly
    while a key of version 2 is there (the file was 1), and the text written reads back
    as the data, every included section present."""
    state, source = opened(V1_EXAMPLE)
    for operation, section in operations:
        if operation == "include":
            state.include(section)
        elif operation == "leave_out":
            state.leave_out(section)
        elif operation == "set":
            state.set(f"{section}.notes_or_label", "x")
        else:
            state.set(f"{section}.notes_or_label", None)
        assert state.data["schema_version"] == needed_version(state.data)
    text = render_policy(state.data, source)
    assert tomllib.loads(text) == state.data
    if state.data == source.data:
        assert text == source.text


# --- acknowledgements are not amendments --------------------------------------------------


def test_recording_an_acknowledgement_adds_no_revision() -> None:
    saved = tomllib.loads((ROOT / "wizard" / "data" / "example-policy.toml").read_text())
    data = copy.deepcopy(saved)
    data["acknowledgements"].append({"name": "Ivan", "date": dt.date(2026, 12, 7)})
    session = SessionRevision()
    assert not revisions.amends(saved, data)
    written = session.apply(saved, data, by="Jane", note="Ivan signed")
    assert written == data
    session.commit()
    assert session.entry is None


def test_an_acknowledgement_after_an_amendment_leaves_the_entry_as_it_was() -> None:
    saved = tomllib.loads(V1_EXAMPLE.read_text())
    session = SessionRevision()
    first = copy.deepcopy(saved)
    first["document"]["contact"] = "team@northwind.example"
    today = dt.date(2026, 12, 1)
    written = session.apply(saved, first, by="Jane", note="New contact", today=today)
    session.commit()
    entry = written["revisions"][-1]
    assert entry == {
        "date": today,
        "by": "Jane",
        "sections": ["document"],
        "note": "New contact",
    }
    second = copy.deepcopy(written)
    second["acknowledgements"] = [{"name": "Ivan", "date": dt.date(2026, 12, 2)}]
    again = session.apply(written, second, by="Jane", note="Ivan signed", today=today)
    assert again == second
    assert again["revisions"][-1] == entry


def test_a_copy_leaves_out_revisions_and_acknowledgements() -> None:
    for name in (service.EXAMPLE, service.EXAMPLE_UK):
        data = service.template_data(name)
        assert isinstance(data, dict)
        assert "revisions" not in data and "acknowledgements" not in data
        assert data["schema_version"] == 2
        assert {"security", "roles", "crisis", "legal", "accessibility", "results"} <= set(data)
    uk = service.template_data(service.EXAMPLE_UK)
    assert isinstance(uk, dict) and uk["document"]["language"] == "uk"
    assert service.template_path("example-uk") == service.EXAMPLE_UK_PATH


def test_a_copy_of_another_file_leaves_out_its_acknowledgements(tmp_path: Path) -> None:
    other = tmp_path / "agency.toml"
    other.write_bytes((ROOT / "wizard" / "data" / "example-policy.toml").read_bytes())
    result = service.start_new(tmp_path / "new.toml", str(other))
    assert isinstance(result, service.Create) and result.data is not None
    assert "acknowledgements" not in result.data


@pytest.mark.parametrize(
    ("text", "section", "written"),
    [
        ('schema_version = 2\nlegal.ad_label = "x"\n', "legal", "schema_version = 2\n\n[legal]\n"),
        (
            'schema_version = 2\nlegal = { ad_label = "x" }\n',
            "legal",
            "schema_version = 2\nlegal = {}\n",
        ),
        (
            'schema_version = 2\n[legal]\nad_label = "x"\n[[acknowledgements]]\nname = "a"\n',
            "legal",
            'schema_version = 2\n[legal]\n[[acknowledgements]]\nname = "a"\n',
        ),
        (
            'schema_version = 2\n[roles]\n[[roles.people]]\nname = "a"\n',
            "roles",
            "schema_version = 2\n[roles]\n",
        ),
    ],
)
def test_a_section_emptied_in_any_layout_is_still_written(
    text: str, section: str, written: str
) -> None:
    source = parse_policy(Path("p.toml"), text.encode())
    data = tomllib.loads(text)
    data[section] = {}
    assert render_policy(data, source) == written
