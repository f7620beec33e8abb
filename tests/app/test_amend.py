"""Amending a saved policy: the change summary and revision note, one entry per session,
nothing else in the file moves, ctrl+s with no change writes nothing."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
import tomllib
from pathlib import Path

from textual.widgets import Input, Static

from screens.base import SectionScreen
from screens.save_summary import SaveSummaryDialog
from tests.app.conftest import SIZE, Notes
from wizard.core import revisions
from wizard.tui.app import PresenceApp, build_app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HAND_EDITED = FIXTURES / "preserve" / "02-comments-everywhere.toml"
MAX = "#communication-response_time-first_reply_max_minutes"


def _open(path: Path, section: str | None = None) -> PresenceApp:
    return build_app(path=path, section=section, lang="en", new=False, from_=None)


async def _set(pilot: object, app: PresenceApp, selector: str, text: str) -> None:
    field = app.screen.query_one(selector, Input)
    field.focus()
    field.value = text
    await pilot.pause()  # type: ignore[attr-defined]


async def test_amend_first_reply_changes_one_line_plus_the_revision(tmp_path: Path) -> None:
    policy = tmp_path / "brand-policy.toml"
    shutil.copy(HAND_EDITED, policy)
    before = policy.read_text(encoding="utf-8")
    revisions.remember_author("Olena")
    app = _open(policy, "communication")
    async with app.run_test(size=SIZE) as pilot:
        app.goto("communication-response")
        await pilot.pause()
        await _set(pilot, app, MAX, "15")
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SaveSummaryDialog)
        shown = " ".join(str(s.render()) for s in dialog.query(".change-line").results(Static))
        assert "communication.response_time.first_reply_max_minutes: 30 → 15" in shown
        assert dialog.query_one("#summary-by", Input).value == "Olena"
        assert policy.read_text(encoding="utf-8") == before  # nothing written yet
        await _set(pilot, app, "#summary-note", "Faster first reply")
        await pilot.click("#summary-save")
        await pilot.pause()
        assert isinstance(app.screen, SectionScreen)
    after = policy.read_text(encoding="utf-8")
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line for line in diff[2:] if line.startswith("-")]
    added = [line for line in diff[2:] if line.startswith("+")]
    assert removed == ["-first_reply_max_minutes = 30"]
    assert added[0] == "+first_reply_max_minutes = 15"
    entry = tomllib.loads(after)["revisions"][-1]
    assert entry == {
        "date": dt.date.today(),
        "by": "Olena",
        "sections": ["communication"],
        "note": "Faster first reply",
    }
    assert added[1:] == [
        "+",
        "+[[revisions]]",
        f"+date = {dt.date.today().isoformat()}",
        '+by = "Olena"',
        '+sections = ["communication"]',
        '+note = "Faster first reply"',
    ]
    assert len(tomllib.loads(after)["revisions"]) == 2


async def test_second_save_in_the_session_updates_the_same_entry(
    tmp_path: Path, notes: Notes
) -> None:
    policy = tmp_path / "brand-policy.toml"
    shutil.copy(HAND_EDITED, policy)
    app = _open(policy, "document")
    async with app.run_test(size=SIZE) as pilot:
        app.notify = notes  # type: ignore[method-assign]
        await _set(pilot, app, "#document-company", "Acme Two")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await _set(pilot, app, "#summary-note", "Renamed")
        await _set(pilot, app, "#summary-by", "Taras")
        await pilot.click("#summary-save")
        await pilot.pause()
        first = tomllib.loads(policy.read_text(encoding="utf-8"))["revisions"]
        app.goto("content")
        await pilot.pause()
        app.state.set("content.hashtags", ["#one"])  # type: ignore[union-attr]
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SaveSummaryDialog)
        assert dialog.query_one("#summary-note", Input).value == "Renamed"
        assert dialog.query_one("#summary-by", Input).value == "Taras"
        await _set(pilot, app, "#summary-note", "Renamed, hashtag")
        await pilot.click("#summary-save")
        await pilot.pause()
        second = tomllib.loads(policy.read_text(encoding="utf-8"))["revisions"]
        raw = policy.read_bytes()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert notes.messages[-1] == "No changes to save"
        assert policy.read_bytes() == raw
    assert len(first) == len(second) == 2
    assert second[-1]["sections"] == ["document", "content"]
    assert second[-1]["note"] == "Renamed, hashtag"
    assert second[-1]["by"] == "Taras"


async def test_cancel_in_the_summary_writes_nothing(tmp_path: Path) -> None:
    policy = tmp_path / "brand-policy.toml"
    shutil.copy(HAND_EDITED, policy)
    raw = policy.read_bytes()
    app = _open(policy, "document")
    async with app.run_test(size=SIZE) as pilot:
        await _set(pilot, app, "#document-company", "Other")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveSummaryDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SectionScreen)
        assert app.state is not None and app.state.is_dirty
    assert policy.read_bytes() == raw


async def test_first_save_of_a_new_policy_has_no_revision(tmp_path: Path) -> None:
    policy = tmp_path / "new.toml"
    app = build_app(path=policy, section=None, lang="en", new=True, from_="example")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SectionScreen)  # no summary for a new policy
    assert "revisions" not in tomllib.loads(policy.read_text(encoding="utf-8"))
