"""Autosaved drafts: one per policy path, atomic, dates kept, damaged drafts ignored."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from wizard.core import drafts
from wizard.core.drafts import draft_file, file_digest, read_draft, remove_draft, write_draft

DATA = {
    "schema_version": 1,
    "document": {
        "company": "Кав'ярня «Зерно»",
        "effective_on": dt.date(2026, 1, 1),
    },
    "communication": {"response_time": {"first_reply_max_minutes": 30}},
    "mission": {"objectives": ["a", "b"], "values": [{"name": "x", "meaning": "y"}]},
}


@pytest.fixture(autouse=True)
def _state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESENCE_STATE_DIR", str(tmp_path / "state"))


def test_write_then_read_gives_the_same_data(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    when = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.UTC)
    target = write_draft(policy, DATA, "abc", now=when)
    assert target == draft_file(policy)
    assert target.parent == tmp_path / "state" / "drafts"
    draft = read_draft(policy)
    assert draft is not None
    assert draft.data == DATA
    assert type(draft.data["document"]["effective_on"]) is dt.date
    assert draft.base_digest == "abc"
    assert draft.written_at == when
    assert draft.path == policy.resolve()
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary left


def test_datetimes_and_times_round_trip() -> None:
    value = {
        "a": dt.datetime(2026, 1, 2, 3, 4, 5),
        "b": dt.time(7, 30),
        "c": [dt.date(2020, 2, 29), {"$date": "not a tag: two keys", "x": 1}],
    }
    assert drafts.decode(json.loads(drafts.encode_json(value))) == value
    aware = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert drafts.decode(json.loads(drafts.encode_json([aware]))) == [aware]


def test_only_policy_data_is_encoded() -> None:
    with pytest.raises(TypeError, match="set is not policy data"):
        drafts.encode_json({"a": {1, 2}})


def test_one_draft_per_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = tmp_path / "one.toml", tmp_path / "two.toml"
    assert draft_file(one) != draft_file(two)
    monkeypatch.chdir(tmp_path)
    assert draft_file(Path("one.toml")) == draft_file(one)
    write_draft(one, {"schema_version": 1}, "")
    assert read_draft(two) is None


def test_remove(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    assert not remove_draft(policy)
    write_draft(policy, DATA, "")
    assert remove_draft(policy)
    assert read_draft(policy) is None


@pytest.mark.parametrize("body", ["", "{", "[]", '{"path": 1}', '{"format": 1}'])
def test_damaged_draft_reads_as_none(tmp_path: Path, body: str) -> None:
    policy = tmp_path / "p.toml"
    target = draft_file(policy)
    target.parent.mkdir(parents=True)
    target.write_text(body, encoding="utf-8")
    assert read_draft(policy) is None


def test_a_draft_of_another_path_is_not_taken(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    write_draft(tmp_path / "other.toml", DATA, "")
    draft_file(tmp_path / "other.toml").rename(draft_file(policy))
    assert read_draft(policy) is None


def test_stale_and_digest(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    assert file_digest(policy) == ""
    policy.write_bytes(b"schema_version = 1\n")
    digest = file_digest(policy)
    write_draft(policy, DATA, digest)
    draft = read_draft(policy)
    assert draft is not None and not draft.is_stale(file_digest(policy))
    policy.write_bytes(b"schema_version = 1\n# edited\n")
    assert draft.is_stale(file_digest(policy))


def test_failed_write_keeps_the_old_draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    policy = tmp_path / "p.toml"
    write_draft(policy, DATA, "old")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("wizard.core.drafts.os.replace", fail)
    with pytest.raises(OSError):
        write_draft(policy, {"schema_version": 1}, "new")
    draft = read_draft(policy)
    assert draft is not None and draft.base_digest == "old"
    assert [p.name for p in draft_file(policy).parent.iterdir()] == [draft_file(policy).name]


def test_the_base_the_edits_began_from_round_trips(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    base = {"schema_version": 1, "document": {"effective_on": dt.date(2025, 1, 1)}}
    write_draft(policy, DATA, "abc", base=base)
    draft = read_draft(policy)
    assert draft is not None and draft.base == base and draft.data == DATA
    write_draft(policy, DATA, "abc", base=drafts.encode_json(base))  # already encoded
    again = read_draft(policy)
    assert again is not None and again.base == base
    write_draft(policy, DATA, "abc")
    old = read_draft(policy)
    assert old is not None and old.base is None  # a draft without one is still read


def test_a_draft_too_large_with_its_base_is_written_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wizard.core import statefile

    policy = tmp_path / "p.toml"
    small = {"document": {"company": "a"}}
    monkeypatch.setattr(statefile, "DRAFT_LIMIT", 400)
    write_draft(policy, small, "", base={"document": {"company": "b" * 400}})
    draft = read_draft(policy)
    assert draft is not None and draft.data == small and draft.base is None


def test_a_base_that_is_not_a_table_makes_the_draft_damaged(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    write_draft(policy, DATA, "abc")
    body = json.loads(draft_file(policy).read_text(encoding="utf-8"))
    body["base"] = ["not", "a", "table"]
    draft_file(policy).write_text(json.dumps(body), encoding="utf-8")
    assert read_draft(policy) is None
    assert list(draft_file(policy).parent.glob("*.damaged"))
