"""The revision entry of an editing session, and the remembered author."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from wizard.core.revisions import (
    SessionRevision,
    changed_sections,
    join_notes,
    remember_author,
    remembered_author,
    summary,
)

DAY = dt.date(2026, 5, 1)
NEXT = dt.date(2026, 5, 2)


def _saved() -> dict[str, Any]:
    return {
        "schema_version": 1,
        "document": {"company": "Acme"},
        "communication": {"style": "direct", "response_time": {"first_reply_max_minutes": 60}},
        "content": {"hashtags": ["#a"]},
        "revisions": [{"date": dt.date(2025, 1, 1), "by": "Old", "sections": ["mission"]}],
    }


def _edit(data: dict[str, Any], section: str, key: str, value: Any) -> dict[str, Any]:
    data[section][key] = value
    return data


def test_changed_sections_in_spec_order_and_typed() -> None:
    old = _saved()
    new = _saved()
    new["content"]["hashtags"] = ["#b"]
    new["document"]["company"] = "Acme Ltd"
    assert changed_sections(old, new) == ["document", "content"]
    typed = _saved()
    typed["communication"]["response_time"]["first_reply_max_minutes"] = 60.0
    assert changed_sections(old, typed) == ["communication"]


def test_summary_groups_changed_keys_and_leaves_out_revisions() -> None:
    old = _saved()
    new = _saved()
    new["communication"]["response_time"]["first_reply_max_minutes"] = 30
    new["revisions"].append({"date": DAY, "sections": ["communication"]})
    grouped = summary(old, new)
    assert list(grouped) == ["communication"]
    (change,) = grouped["communication"]
    assert change.path == "communication.response_time.first_reply_max_minutes"
    assert (change.old, change.new) == (60, 30)


def test_first_save_appends_one_entry() -> None:
    session = SessionRevision()
    saved = _saved()
    data = _edit(_saved(), "document", "company", "Acme Ltd")
    result = session.apply(saved, data, by="Olena", note="new name", today=DAY)
    assert result["revisions"][0] == saved["revisions"][0]
    assert result["revisions"][1] == {
        "date": DAY,
        "by": "Olena",
        "sections": ["document"],
        "note": "new name",
    }
    assert data == _edit(_saved(), "document", "company", "Acme Ltd")  # input untouched


def test_later_save_updates_the_same_entry() -> None:
    session = SessionRevision()
    first = session.apply(
        _saved(), _edit(_saved(), "document", "company", "B"), by="Olena", note="one", today=DAY
    )
    session.commit()
    assert session.note == "one"
    second_data = _edit(copy.deepcopy(first), "content", "hashtags", ["#new"])
    assert session.updating
    second = session.apply(first, second_data, by="Olena", note="two", today=NEXT)
    assert len(second["revisions"]) == 2
    assert second["revisions"][1] == {
        "date": NEXT,
        "by": "Olena",
        "sections": ["document", "content"],
        "note": "one; two",  # the first save's note is kept
    }
    session.commit()
    assert session.note == "one; two"


def test_notes_of_a_session_are_joined_and_none_is_lost() -> None:
    assert join_notes("", "Renamed") == "Renamed"
    assert join_notes("Renamed", "") == "Renamed"
    assert join_notes("Renamed", "  hashtag ") == "Renamed; hashtag"
    assert join_notes("Renamed the company.", "Added a hashtag.") == (
        "Renamed the company. Added a hashtag."
    )
    assert join_notes("Renamed; hashtag", "hashtag") == "Renamed; hashtag"  # typed again


def test_failed_save_leaves_no_trace_in_the_session() -> None:
    session = SessionRevision()
    session.apply(_saved(), _edit(_saved(), "document", "company", "B"), by="", note="", today=DAY)
    assert session.entry is None  # no commit: the next save appends afresh
    result = session.apply(
        _saved(), _edit(_saved(), "content", "hashtags", ["#c"]), by="", note="", today=DAY
    )
    assert result["revisions"][1] == {"date": DAY, "sections": ["content"]}


def test_entry_gone_after_a_reload_appends_a_new_one() -> None:
    session = SessionRevision()
    first = session.apply(
        _saved(), _edit(_saved(), "document", "company", "B"), by="", note="n", today=DAY
    )
    session.commit()
    reloaded = _saved()  # someone else's version: our entry is not in it
    result = session.apply(
        reloaded, _edit(_saved(), "content", "hashtags", ["#z"]), by="", note="n2", today=DAY
    )
    assert len(first["revisions"]) == 2
    assert len(result["revisions"]) == 2
    assert result["revisions"][1]["sections"] == ["document", "content"]


def test_no_revisions_table_yet() -> None:
    saved = {"schema_version": 1, "document": {"company": "A"}}
    data = {"schema_version": 1, "document": {"company": "B"}}
    result = SessionRevision().apply(saved, data, by="x", note="", today=DAY)
    assert result["revisions"] == [{"date": DAY, "by": "x", "sections": ["document"]}]


def test_author_is_remembered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESENCE_STATE_DIR", str(tmp_path / "state"))
    assert remembered_author() == ""
    remember_author("  Олена Коваль ")
    assert remembered_author() == "Олена Коваль"
    (tmp_path / "state" / "author.json").write_text("[1]", encoding="utf-8")
    assert remembered_author() == ""
